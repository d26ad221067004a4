package cameodict_test

import (
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
)

func loadPhoenix(tb testing.TB) *cameodict.Dictionary {
	tb.Helper()
	dir := sharedtest.Dir(tb, "petrarch_dictionaries")
	d, err := cameodict.Load(dir, cameodict.FormatAuto)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// TestPhoenixDictionaries loads the real Phoenix/PETRARCH-2 dictionaries
// from ../shared. The counts were checked against the files with grep:
// 27,251 primary actor lines of which 2 (International.actors 3696, 3726)
// carry spreadsheet debris and are skipped with a warning, 8,365 "+"
// synonyms, 397 "---" verb blocks, 40 "&" synsets, 4,668 "- " patterns of
// which 4 are skipped for naming undefined synsets, and 506 discard lines.
func TestPhoenixDictionaries(t *testing.T) {
	d := loadPhoenix(t)
	if d.Format != cameodict.FormatPETRARCH {
		t.Errorf("format: got %q, want petrarch", d.Format)
	}
	s := d.Stats()
	want := cameodict.Stats{Actors: 27249, ActorPhrases: 35614, Agents: s.Agents, VerbSets: 397, Verbs: s.Verbs, VerbForms: s.VerbForms, Patterns: 4664, Synsets: 40, Discards: 506, Issues: s.Issues}
	if s != want {
		t.Errorf("stats:\ngot  %+v\nwant %+v", s, want)
	}
	if s.Issues < 2978 {
		t.Errorf("issues: got %d phrases, want at least the 2,978 coded lines", s.Issues)
	}
	if s.Agents < 2244 || s.VerbForms < 4*s.Verbs/2 {
		t.Errorf("agents %d (want at least the 2,244 agent lines) or verb forms %d too few", s.Agents, s.VerbForms)
	}
	var warn []string
	for _, w := range d.Warnings {
		warn = append(warn, w.Error())
	}
	all := strings.Join(warn, "\n")
	for _, w := range []string{"CAMEO.2.0.txt:2406", "&FIGHT_CRIM", "Phoenix.Countries.actors.txt:2039", "Phoenix.International.actors.txt:3696"} {
		if !strings.Contains(all, w) {
			t.Errorf("warnings lack %s:\n%s", w, all)
		}
	}

	luk := d.LookupActor("ALYAKSANDR LUKASHENKA")
	if len(luk) != 1 {
		t.Fatalf("LUKASHENKA: got %d entries, want 1", len(luk))
	}
	found := false
	for _, c := range luk[0].Codes {
		found = found || c == (cameodict.DatedCode{Code: "BLRGOV", From: 19940720})
	}
	if !found {
		t.Errorf("LUKASHENKA codes %+v lack [BLRGOV >940720]", luk[0].Codes)
	}
	for date, want := range map[int]string{19800101: "BLRELI", 19950101: "BLRGOV", 20140101: "BLRGOV", 0: "BLRELI"} {
		if got := luk[0].CodeAt(date); got != want {
			t.Errorf("LUKASHENKA on %d: got %s, want %s", date, got, want)
		}
	}
	if a := d.LookupActor("BELARUS"); len(a) == 0 || a[0].CodeAt(20150101) != "BLR" {
		t.Errorf("BELARUS: got %+v, want BLR", a)
	}
}

// TestPhoenixCoding codes the sentences that PETRARCH-2 was run on here
// (../shared/reference/event-data.md §1.3) and expects its answers.
func TestPhoenixCoding(t *testing.T) {
	d := loadPhoenix(t)
	tests := []struct {
		text, want, unknown string
	}{
		{"Belarusian President Alyaksandr Lukashenka met Russian President Vladimir Putin in Sochi.", "BLRGOV RUSGOV 040", ""},
		{"Alexander Lukashenko met Vladimir Putin in Sochi.", "", "Alexander Lukashenko"},
		{"Belarus accused the European Union of interfering in its internal affairs.", "BLR IGOEUREEC 112", ""},
		{"The European Union imposed new sanctions on Belarus.", "IGOEUREEC BLR 163", ""},
	}
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			res, err := c.Code(cameodict.Record{ID: "p-1", Date: 20150301, Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(res.Events); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if tc.unknown != "" && (len(res.Unknown) == 0 || res.Unknown[0].Text != tc.unknown) {
				t.Errorf("unknown: got %+v, want %q first", res.Unknown, tc.unknown)
			}
		})
	}
}
