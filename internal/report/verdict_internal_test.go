package report

import (
	"strings"
	"testing"
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
