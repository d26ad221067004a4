package report

import (
	"math"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/align"
)

// TestCombineThin: the verdict's per-channel means and the combined tilt
// leave thin years out; a channel with thin years only has no mean and is
// flagged thin.
func TestCombineThin(t *testing.T) {
	pt := func(period string, v float64, thin bool) align.Point {
		return align.Point{Period: period, Value: v, Lo: v - 0.1, Hi: v + 0.1, N: 5, Units: 5, Thin: thin}
	}
	periods := align.Years(2018, 2020)
	tests := []struct {
		name     string
		points   []align.Point
		wantMean float64 // NaN: no data
		wantThin bool
		wantRows int
	}{
		{"no thin", []align.Point{pt("2018", -0.2, false), pt("2019", -0.4, false), pt("2020", -0.3, false)}, -0.3, false, 3},
		{"thin last year left out", []align.Point{pt("2018", -0.2, false), pt("2019", -0.4, false), pt("2020", 0.9, true)}, -0.3, false, 2},
		{"thin only", []align.Point{pt("2018", -0.2, true), {Period: "2019"}, pt("2020", 0.9, true)}, math.NaN(), true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			chs := []Channel{{Name: Statements, Tilt: &align.Series{Channel: Statements, Points: tc.points}}}
			rows, means := combine(chs, periods, nil)
			if got := len(rows); got != tc.wantRows {
				t.Errorf("combined rows: got %d, want %d", got, tc.wantRows)
			}
			m := means[0]
			if math.IsNaN(tc.wantMean) {
				if m.HasData {
					t.Errorf("got mean %+.3f, want no data", m.Value)
				}
			} else if !m.HasData || math.Abs(m.Value-tc.wantMean) > 1e-9 {
				t.Errorf("got mean %+.3f (data %v), want %+.3f", m.Value, m.HasData, tc.wantMean)
			}
			if m.Thin != tc.wantThin {
				t.Errorf("thin: got %v, want %v", m.Thin, tc.wantThin)
			}
		})
	}
}
