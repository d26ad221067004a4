package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestCountryCountsDistinctEvents checks the country page's count of
// statement events when poles share members: an event toward Russia
// counts for the RUSSIA pole and for a test pole EURASIA (Russia and
// China) alike, but once in the distinct total.
func TestCountryCountsDistinctEvents(t *testing.T) {
	base, _ := reference(t)
	dict := base.Clone()
	if err := dict.Add(strings.NewReader("pole EURASIA RUS CHN\n"), "test-poles.txt"); err != nil {
		t.Fatalf("add pole: %v", err)
	}
	f := newFixtureDict(t, "", dict)
	// The fixture: BLR praises RUS each year 2014–2018 (5 events) and
	// criticises the USA in 2016 (1 event).
	tests := []struct {
		name    string
		poles   string
		counted string
		perPole map[string]string
		want    []string
		not     []string
	}{
		{"disjoint poles", "RUSSIA,WEST", "6", map[string]string{"RUSSIA": "5", "WEST": "1"}, nil, []string{"more than one pole"}},
		{"shared member", "RUSSIA,EURASIA", "5", map[string]string{"RUSSIA": "5", "EURASIA": "5"},
			[]string{"5 of the events count toward more than one pole, so these add up to 10"}, nil},
		{"three poles", "RUSSIA,WEST,EURASIA", "6", map[string]string{"RUSSIA": "5", "WEST": "1", "EURASIA": "5"},
			[]string{"so these add up to 11"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := f.get("/country/BLR?from=2010&to=2020&poles=" + tc.poles)
			body := w.Body.String()
			if w.Code != 200 {
				t.Fatalf("got status %d, want 200: %.500s", w.Code, body)
			}
			num := func(id string) string {
				m := regexp.MustCompile(`id="` + id + `">(\d+)<`).FindStringSubmatch(body)
				if m == nil {
					return "(none)"
				}
				return m[1]
			}
			if got, want := num("counted"), tc.counted; got != want {
				t.Errorf("distinct events: got %s, want %s", got, want)
			}
			for pole, want := range tc.perPole {
				if got := num("counted-" + pole); got != want {
					t.Errorf("events toward %s: got %s, want %s", pole, got, want)
				}
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(body, s) {
					t.Errorf("body contains %q", s)
				}
			}
		})
	}
}
