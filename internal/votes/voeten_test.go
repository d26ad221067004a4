package votes_test

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// TestVoetenAgreement recomputes the ideal-point file's per-session
// agreement columns from the votes on Voeten's vote set, for every
// country-session where both the published and the recomputed value exist.
func TestVoetenAgreement(t *testing.T) {
	shared(t) // skip without ../shared
	d := load(t)
	cols := []struct {
		name, ref string
		get       func(votes.IdealPoint) float64
	}{
		{"USAgree", "USA", func(p votes.IdealPoint) float64 { return p.USAgree }},
		{"RUSSAgree", "RUS", func(p votes.IdealPoint) float64 { return p.RussiaAgree }},
		{"ChinaAgree", "CHN", func(p votes.IdealPoint) float64 { return p.ChinaAgree }},
		{"BrazilAgree", "BRA", func(p votes.IdealPoint) float64 { return p.BrazilAgree }},
		{"IndiaAgree", "IND", func(p votes.IdealPoint) float64 { return p.IndiaAgree }},
		{"IsraelAgree", "ISR", func(p votes.IdealPoint) float64 { return p.IsraelAgree }},
	}
	opt := votes.Options{By: votes.BySession, Filter: votes.VoetenFilter()}
	for _, col := range cols {
		t.Run(col.name, func(t *testing.T) {
			both, match, missing := 0, 0, 0
			worst := 0.0
			var bad []string
			for _, s := range d.States() {
				ps, err := d.IdealPoints(s)
				if err != nil {
					t.Fatal(err)
				}
				if len(ps) == 0 {
					continue
				}
				as, err := d.Versus(s, votes.StateRef(col.ref), opt)
				if err != nil {
					t.Fatal(err)
				}
				got := map[int]votes.Agreement{}
				for _, a := range as {
					got[a.Start] = a
				}
				for _, p := range ps {
					want := col.get(p)
					a, ok := got[p.Session]
					if math.IsNaN(want) {
						continue
					}
					if !ok {
						if p.Session <= 74 {
							missing++
						}
						continue
					}
					both++
					worst = max(worst, math.Abs(a.Identical()-want))
					if math.Abs(a.Identical()-want) < 5e-4 {
						match++
					} else {
						bad = append(bad, fmt.Sprintf("%s/%d got %.4f (%d/%d) want %.4f", s, p.Session, a.Identical(), a.Same(), a.N(), want))
					}
				}
			}
			sort.Strings(bad)
			t.Logf("%s: %d of %d country-sessions match to 3 decimals (largest |Δ| %.2g); %d published values in sessions 1-74 have no joint vote here",
				col.name, match, both, worst, missing)
			if len(bad) > 0 {
				t.Errorf("%d mismatches: %s", len(bad), strings.Join(bad, "; "))
			}
			if both == 0 {
				t.Fatal("no country-session to compare")
			}
		})
	}
}
