package ties_test

import (
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

// TestBelarusBoundToRussia is the acceptance fact of issue 3: Belarus is
// bound to Russia (ATOP defense from 1993; CIS, CSTO, EAEC memberships)
// throughout 1992–2020, not to NATO or the EU.
func TestBelarusBoundToRussia(t *testing.T) {
	d := newData(t)
	for year := 1992; year <= 2020; year++ {
		r, err := d.Score("BLR", russia, year)
		if err != nil {
			t.Fatalf("%d: %v", year, err)
		}
		w, err := d.Score("BLR", west, year)
		if err != nil {
			t.Fatalf("%d: %v", year, err)
		}
		if r.Share < 0.6 || r.Share-w.Share < 0.4 {
			t.Errorf("%d: share RUSSIA %.3f, WEST %.3f: want ≥ 0.6 and 0.4 apart", year, r.Share, w.Share)
		}
		ids := map[string]bool{}
		for _, e := range r.Evidence {
			if e.Obligations&ties.Defense != 0 {
				ids["defense:"+e.Partner] = true
			}
			if e.Kind == "membership" {
				ids["org:"+e.Partner] = true
			}
		}
		if year >= 1993 && !ids["defense:RUS"] {
			t.Errorf("%d: no RUS defense alliance in evidence: %v", year, ids)
		}
		if !ids["org:CIS"] {
			t.Errorf("%d: no CIS membership in evidence", year)
		}
		if year >= 2002 && !ids["org:CSTO"] {
			t.Errorf("%d: no CSTO membership in evidence", year)
		}
		if year >= 2000 && year <= 2014 && !ids["org:EAEU"] {
			t.Errorf("%d: no EAEU (EAEC) membership in evidence", year)
		}
		for _, e := range w.Evidence {
			if e.Kind == "membership" {
				t.Errorf("%d: Belarus member of WEST organisation: %s", year, e.Text)
			}
		}
		if w.Membership != 0 {
			t.Errorf("%d: WEST membership component %v, want 0", year, w.Membership)
		}
		if wantCensored := year > ties.IGOLastYear; r.Censored != wantCensored {
			t.Errorf("%d: censored %v, want %v (notes %v)", year, r.Censored, wantCensored, r.Notes)
		}
	}
}

// TestPolandJoinsWest checks that the year of each membership counts.
func TestPolandJoinsWest(t *testing.T) {
	d := newData(t)
	tests := []struct {
		year int
		m    float64 // WEST membership component: NATO and EU (EEC before 1993)
	}{
		{1998, 0},
		{1999, 0.5},
		{2003, 0.5},
		{2004, 1},
		{2014, 1},
	}
	for _, tc := range tests {
		got, err := d.Score("POL", west, tc.year)
		if err != nil {
			t.Fatal(err)
		}
		if got.Membership != tc.m {
			t.Errorf("%d: membership component %v, want %v (%v)", tc.year, got.Membership, tc.m, got.Evidence)
		}
	}
	s98, _ := d.Score("POL", west, 1998)
	s04, _ := d.Score("POL", west, 2004)
	if s04.Share-s98.Share < 0.4 {
		t.Errorf("Poland's WEST share rose only from %.3f (1998) to %.3f (2004)", s98.Share, s04.Share)
	}
}

func TestScoreEvidenceText(t *testing.T) {
	d := newData(t)
	s, err := d.Score("BLR", russia, 2019)
	if err != nil {
		t.Fatal(err)
	}
	joined := ""
	for _, e := range s.Evidence {
		joined += e.Text + "\n"
	}
	for _, want := range []string{
		"BLR–RUS alliance (ATOP v5.1), 1992–: defense, non-aggression, consultation; carried forward from 2018",
		"BLR full member of CSTO, 2002– (COW IGO v3); carried forward from 2014",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("evidence lacks %q:\n%s", want, joined)
		}
	}
	notes := strings.Join(s.Notes, "\n")
	for _, want := range []string{"ATOP alliance data end in 2018", "COW IGO membership data end in 2014", "EAEU: no membership data for 2019"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q: %s", want, notes)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	d := newData(b)
	for b.Loop() {
		if _, err := d.Score("POL", west, 2010); err != nil {
			b.Fatal(err)
		}
	}
}
