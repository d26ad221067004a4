package votes_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// TestSplitReference reproduces the split-vote table of
// ../shared/reference/alignment-measures.md §5.5 (all roll calls, 5-year
// calendar periods from 1992): n / % with A / % with B / % neither.
func TestSplitReference(t *testing.T) {
	shared(t)
	d := load(t)
	tests := []struct {
		state, a, b, period string
		n                   int
		withA, withB, nei   float64
	}{
		{"BLR", "USA", "RUS", "1992-1996", 229, 1.7, 71.2, 27.1},
		{"BLR", "USA", "RUS", "2017-2020", 230, 7.0, 85.7, 7.4},
		{"KAZ", "USA", "RUS", "2002-2006", 370, 3.8, 84.1, 12.2},
		{"KAZ", "USA", "RUS", "2012-2016", 292, 13.7, 68.5, 17.8},
		{"UKR", "USA", "RUS", "2007-2011", 340, 30.3, 56.2, 13.5},
		{"UKR", "USA", "RUS", "2017-2020", 232, 40.5, 47.0, 12.5},
		{"BLR", "POL", "RUS", "2002-2006", 0, 17.9, 72.8, 9.3},
		{"KAZ", "POL", "RUS", "2012-2016", 0, 33.9, 48.7, 17.5},
		{"UKR", "POL", "RUS", "2017-2020", 0, 89.6, 3.7, 6.7},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%s-%s/%s", tc.state, tc.a, tc.b, tc.period), func(t *testing.T) {
			ss, err := d.Split(tc.state, votes.StateRef(tc.a), votes.StateRef(tc.b), votes.Options{By: votes.ByPeriod, From: 1992})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range ss {
				if s.Bucket != tc.period {
					continue
				}
				if tc.n != 0 && s.N != tc.n {
					t.Errorf("n: got %d, want %d", s.N, tc.n)
				}
				for _, c := range []struct {
					name      string
					got, want float64
				}{{"with A", 100 * s.ShareA(), tc.withA}, {"with B", 100 * s.ShareB(), tc.withB}, {"neither", 100 * s.ShareNeither(), tc.nei}} {
					if !near(c.got, c.want, 0.05+1e-9) {
						t.Errorf("%s: got %.2f%%, want %.1f%%", c.name, c.got, c.want)
					}
				}
				return
			}
			t.Fatalf("no bucket %s", tc.period)
		})
	}
}

// TestMemberAliases checks that pole members named by today's codes vote
// with their predecessors' seats: DEU before unification is GFR, SRB is YUG.
func TestMemberAliases(t *testing.T) {
	shared(t)
	d := load(t)
	for _, tc := range []struct{ member, seat string }{{"DEU", "GFR"}, {"SRB", "YUG"}} {
		t.Run(tc.member, func(t *testing.T) {
			for _, year := range []int{1980, 2010} {
				opt := votes.Options{From: year, To: year}
				got, err := d.Versus("FRA", votes.PoleRef("P", func(time.Time) []string { return []string{tc.member} }), opt)
				if err != nil {
					t.Fatal(err)
				}
				seat := tc.seat
				if tc.member == "DEU" && year > 1990 {
					seat = "DEU"
				}
				want, err := d.Pair("FRA", seat, opt)
				if err != nil {
					t.Fatal(err)
				}
				if summary(got) != summary(want) || len(want) == 0 {
					t.Errorf("%d: got %s, want %s (%s)", year, summary(got), summary(want), seat)
				}
			}
		})
	}
}

// TestSerbiaAsFocalState checks that Serbia named by its ISO code, as a user
// types it, gets the YUG seat's votes rather than "unknown state".
func TestSerbiaAsFocalState(t *testing.T) {
	shared(t)
	d := load(t)
	opt := votes.Options{From: 2010, To: 2012}
	got, err := d.Pair("SRB", "RUS", opt)
	if err != nil {
		t.Fatal(err)
	}
	want, err := d.Pair("YUG", "RUS", opt)
	if err != nil {
		t.Fatal(err)
	}
	if summary(got) != summary(want) || len(want) == 0 {
		t.Errorf("got %s, want %s", summary(got), summary(want))
	}
}
