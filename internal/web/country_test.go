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

// TestCountryThinRows: the country page's value table marks a thin year
// with what it rests on ("thin: 1 roll call") instead of printing a
// zero-width interval, and prints no interval for ties, which have no
// sampling uncertainty; a full votes year keeps its interval.
func TestCountryThinRows(t *testing.T) {
	f := newFixture(t, "")
	w := f.get("/country/BLR?from=2018&to=2020&poles=RUSSIA,WEST")
	body := w.Body.String()
	if w.Code != 200 {
		t.Fatalf("got status %d, want 200: %.500s", w.Code, body)
	}
	votes := regexp.MustCompile(`(?s)<table class="list values" id="values-votes">.*?</table>`).FindString(body)
	row := func(tbl, year string) string {
		return regexp.MustCompile(`(?s)<tr><td>` + year + `</td>.*?</tr>`).FindString(tbl)
	}
	tests := []struct {
		name, row string
		want, not []string
	}{
		{"votes 2020", row(votes, "2020"), []string{`class="num thin"`, "thin: 1 roll call<"}, []string{`class="iv">[`}},
		{"votes 2019", row(votes, "2019"), []string{`class="iv">[`}, []string{"thin"}},
		{"ties 2019", row(regexp.MustCompile(`(?s)id="values-ties">.*?</table>`).FindString(body), "2019"), []string{"no sampling interval"}, []string{"[", "thin"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.row == "" {
				t.Fatalf("no row")
			}
			for _, s := range tc.want {
				if !strings.Contains(tc.row, s) {
					t.Errorf("row lacks %q:\n%s", s, tc.row)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(tc.row, s) {
					t.Errorf("row contains %q:\n%s", s, tc.row)
				}
			}
		})
	}
}
