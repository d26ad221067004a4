package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/align"
)

// TestSharesVerdict: with three poles a channel names its closest pole only
// when enough years have data on every pole, and says over how many.
func TestSharesVerdict(t *testing.T) {
	row := func(year string, s ...float64) SharesRow { return SharesRow{Period: year, Shares: s, Entropy: 0.9} }
	opt := Options{Poles: []string{"russia", "west", "china"}, From: 1992, To: 2020}
	for _, tc := range []struct {
		name  string
		rows  []SharesRow
		want  string
		avoid string
	}{
		{"none", nil, "no data on statements", "closest"},
		{"one year", []SharesRow{row("2004", 0.3, 0.5, 0.2)}, "statements: too little data to tell (data on every pole in 1 year only: 2004)", "closest"},
		{"two years", []SharesRow{row("2004", 0.3, 0.5, 0.2), row("2010", 0.3, 0.5, 0.2)}, "in 2 years only: 2004, 2010", "closest"},
		{"three years", []SharesRow{row("2004", 0.6, 0.2, 0.2), row("2005", 0.6, 0.2, 0.2), row("2007", 0.3, 0.5, 0.2)},
			"statements: closest to RUSSIA (mean share 0.50, entropy 0.90, over the 3 years with data on every pole, 2004–2007)", "too little"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sharesVerdict("Kazakhstan", []Channel{{Name: "statements", Shares: tc.rows}}, opt)
			if !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want it to contain %q", got, tc.want)
			}
			if strings.Contains(got, tc.avoid) {
				t.Errorf("got %q, which should not contain %q", got, tc.avoid)
			}
		})
	}
}

// TestTiesSharesBound: on the ties channel only a value above 0 (bound to
// the pole beyond non-aggression pacts' worth) is shared out, so a state
// with weak pacts toward every pole, one of them a one-state pole, is bound
// to none and gets no closest pole; a state bound to one pole gets it.
func TestTiesSharesBound(t *testing.T) {
	series := func(values ...[]float64) []align.Series {
		var out []align.Series
		for k, vs := range values {
			s := align.Series{Channel: Ties, Pole: fmt.Sprint("P", k)}
			for i, v := range vs {
				s.Points = append(s.Points, align.Point{Period: fmt.Sprint(2000 + i), Value: v, Lo: v, Hi: v, N: 3})
			}
			out = append(out, s)
		}
		return out
	}
	opt := Options{Poles: []string{"russia", "west", "china"}, From: 2000, To: 2004}
	tests := []struct {
		name   string
		series []align.Series
		want   string
		avoid  string
	}{
		// non-aggression pacts only: −0.25 toward RUSSIA, −0.5 toward
		// WEST, 0 (one pact with the pole's only state) toward CHINA
		{"pacts only", series([]float64{-0.25, -0.25, -0.25, -0.25, -0.5}, []float64{-0.5, -0.5, -0.5, -0.5, -0.5}, []float64{0, 0, 0, 0, 0}),
			"ties: bound to none (no pole's ties above half, 2s − 1 ≤ 0, in 5 of the 5 years", "closest"},
		{"bound one year", series([]float64{0.47, -0.25, -0.25, -0.25, -0.5}, []float64{-0.5, -0.5, -0.5, -0.5, -0.5}, []float64{-1, 0, 0, 0, 0}),
			"bound to a pole in 2000 only)", "closest"},
		{"bound to one pole", series([]float64{0.94, 0.94, 0.96, 0.96, 0.96}, []float64{-0.5, -0.5, -0.5, -0.5, -0.5}, []float64{-1, -1, 0, 0, 0}),
			"ties: closest to RUSSIA (mean share 1.00, entropy 0.00, over the 5 years", "bound to none"},
		// 2000: shares 0.5/0.7 and 0.2/0.7 (entropy 0.545), then 1 and 0 twice
		{"bound in some years", series([]float64{0.5, 0.5, 0.5, -0.1, -0.1}, []float64{0.2, -0.5, -0.5, -0.5, -0.5}, []float64{-1, -1, 0, 0, 0}),
			"ties: closest to RUSSIA (mean share 0.90, entropy 0.18, over the 3 years with data on every pole, 2000–2002, 2 years bound to none left out)", "too little"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows := shares(Ties, tc.series)
			got := sharesVerdict("Ukraine", []Channel{{Name: Ties, Shares: rows}}, opt)
			if !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want it to contain %q", got, tc.want)
			}
			if strings.Contains(got, tc.avoid) {
				t.Errorf("got %q, which should not contain %q", got, tc.avoid)
			}
		})
	}
}

// TestPeriodSummary: the verdict's closing sentence names a span of years
// with data, a single year once, and counts thin years apart.
func TestPeriodSummary(t *testing.T) {
	tilt := func(pts ...align.Point) *align.Series { return &align.Series{Channel: Statements, Points: pts} }
	pt := func(y string, n int, thin bool) align.Point { return align.Point{Period: y, N: n, Thin: thin} }
	tests := []struct {
		name string
		ch   Channel
		want string
	}{
		{"span", Channel{Name: Statements, Tilt: tilt(pt("2010", 4, false), pt("2011", 0, false), pt("2012", 5, false))}, "statements 2 years (2010–2012)."},
		{"one year", Channel{Name: Statements, Tilt: tilt(pt("2010", 2, true), pt("2011", 6, false))}, "statements 1 year (2011), 1 thin year left out."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := periodSummary([]Channel{tc.ch}); !strings.HasSuffix(got, tc.want) {
				t.Errorf("got %q, want it to end in %q", got, tc.want)
			}
		})
	}
}
