package align_test

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

func TestIsThin(t *testing.T) {
	tests := []struct {
		name    string
		channel string
		n       int
		units   int
		want    bool
	}{
		{"one roll call", align.Votes, 1, 1, true},
		{"nine roll calls", align.Votes, 9, 9, true},
		{"ten roll calls", align.Votes, 10, 10, false},
		{"no votes is no data, not thin", align.Votes, 0, 0, false},
		{"one speech, many events", align.Statements, 12, 1, false},
		{"one speech, two events", align.Statements, 2, 1, true},
		{"three documents, one event each", align.Statements, 3, 3, false},
		{"two events in two documents", align.Statements, 2, 2, true},
		{"ties are never thin", align.Ties, 1, 1, false},
		{"unknown channel", "other", 1, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := align.Point{N: tc.n, Units: tc.units, Lo: -0.1, Hi: 0.2}
			if got := align.IsThin(tc.channel, p); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestMarkThin(t *testing.T) {
	s := align.Series{Channel: align.Votes, Points: []align.Point{
		{Period: "2018", N: 90, Units: 90},
		{Period: "2019", N: 0},
		{Period: "2020", N: 1, Units: 1},
		{Period: "2021", N: 4, Units: 4, Thin: false},
	}}
	got := align.MarkThin(&s)
	if want := []int{2, 3}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for i, p := range s.Points {
		if want := i >= 2; p.Thin != want {
			t.Errorf("%s: thin %v, want %v", p.Period, p.Thin, want)
		}
	}
}

// TestStatementPointThin: a statements point is thin by its counting
// events, whatever the number of documents holding them; negated and
// hypothetical events do not count.
func TestStatementPointThin(t *testing.T) {
	for _, tc := range []struct{ docs, perDoc int }{{1, 1}, {1, 2}, {1, 3}, {1, 12}, {2, 1}, {3, 1}, {5, 4}} {
		t.Run(fmt.Sprintf("%d documents of %d events", tc.docs, tc.perDoc), func(t *testing.T) {
			var evs []event.Event
			for d := range tc.docs {
				for e := range tc.perDoc {
					evs = append(evs, ev(fmt.Sprintf("e%d.%d", d, e), fmt.Sprintf("d%d", d), "RUS", "2019-03-05", float64(2*d+e)))
				}
				neg := ev(fmt.Sprintf("n%d", d), fmt.Sprintf("d%d", d), "RUS", "2019-03-05", 8)
				neg.Negated = true
				evs = append(evs, neg)
			}
			p := align.StatementPoint(evs, align.StatementOptions{})
			if got, want := p.Thin, tc.docs*tc.perDoc < align.MinEvents; got != want {
				t.Errorf("thin: got %v, want %v (N %d, units %d)", got, want, p.N, p.Units)
			}
		})
	}
}

// series builds a yearly series from 2000 of values; a value marked thin
// in thin rests on one unit.
func series(values []float64, thin map[int]bool) align.Series {
	s := align.Series{Channel: align.Votes, Pole: "WEST"}
	for i, v := range values {
		y := 2000 + i
		p := align.Point{Period: fmt.Sprint(y), Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Value: v, Lo: v, Hi: v, N: 80, Units: 80}
		if thin[i] {
			p.N, p.Units, p.Thin = 1, 1, true
		}
		s.Points = append(s.Points, p)
	}
	return s
}

// TestShiftsSkipThin: a thin year at the end of a flat series (the one
// roll call of 2020) is no shift, and a thin outlier inside a step does
// not move where the step is found.
func TestShiftsSkipThin(t *testing.T) {
	flat := []float64{0.5, 0.52, 0.49, 0.5, 0.51, 0.5, 0.49, 0.5, -1, -1, -1}
	step := []float64{0.2, 0.2, 0.2, 0.2, 0.2, -0.9, 0.8, 0.8, 0.8, 0.8}
	tests := []struct {
		name   string
		values []float64
		thin   map[int]bool
		want   []string // periods of the shifts
	}{
		{"thin tail counted", flat, nil, []string{"2008"}},
		{"thin tail skipped", flat, map[int]bool{8: true, 9: true, 10: true}, nil},
		{"thin outlier skipped", step, map[int]bool{5: true}, []string{"2006"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh, err := align.Shifts(series(tc.values, tc.thin), align.ChangeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range sh {
				got = append(got, s.Period)
				if tc.thin[s.Index] || tc.thin[s.Before] {
					t.Errorf("shift %s runs from or to a thin point (%d → %d)", s.Period, s.Before, s.Index)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got shifts at %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTiltSeriesThin: a tilt is thin when either pole's point is, and a
// period without data in one pole is no data, not thin.
func TestTiltSeriesThin(t *testing.T) {
	a := series([]float64{0.1, 0.1, 0.1, 0}, map[int]bool{1: true})
	b := series([]float64{0.5, 0.5, 0.5, 0}, map[int]bool{2: true})
	b.Points[3].N, b.Points[3].Units = 0, 0
	tilt := align.TiltSeries(a, b)
	for i, want := range []bool{false, true, true, false} {
		if got := tilt.Points[i].Thin; got != want {
			t.Errorf("%s: thin %v, want %v", tilt.Points[i].Period, got, want)
		}
	}
}

// TestStatementTiltSilentPole: in the statements channel a pole the state
// said nothing about stands at the prior 0, so the tilt has data when
// either pole has events, and it is thin only under MinEvents events
// toward both poles together.
func TestStatementTiltSilentPole(t *testing.T) {
	pt := func(n int, v, lo, hi float64) align.Point {
		return align.Point{Period: "2014", N: n, Units: 1, Value: v, Lo: lo, Hi: hi}
	}
	tests := []struct {
		name      string
		a, b      align.Point
		hasData   bool
		value     float64
		thin      bool
		wantTiltN int
	}{
		{"warm to A, silent on B", pt(4, 0.2, 0.1, 0.3), pt(0, 0, 0, 0), true, -0.1, false, 4},
		{"hostile to B, silent on A", pt(0, 0, 0, 0), pt(3, -0.3, -0.4, -0.2), true, -0.15, false, 3},
		{"two events, one pole", pt(2, 0.2, 0.1, 0.3), pt(0, 0, 0, 0), true, -0.1, true, 2},
		{"one event each, too few together", pt(1, 0.1, 0.05, 0.15), pt(1, 0.1, 0.05, 0.15), true, 0, true, 2},
		{"two and one: enough together", pt(2, 0.2, 0.1, 0.3), pt(1, 0.1, 0.05, 0.15), true, -0.05, false, 3},
		{"silent on both", pt(0, 0, 0, 0), pt(0, 0, 0, 0), false, 0, false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := align.Series{Channel: align.Statements, Pole: "A", Points: []align.Point{tc.a}}
			b := align.Series{Channel: align.Statements, Pole: "B", Points: []align.Point{tc.b}}
			got := align.TiltSeries(a, b).Points[0]
			tilt := align.ChannelTilt(align.Statements, tc.a, tc.b)
			if tilt.HasData != tc.hasData || got.N != tc.wantTiltN || got.Thin != tc.thin || math.Abs(got.Value-tc.value) > 1e-9 {
				t.Errorf("got has_data %v, value %.3f, n %d, thin %v; want %v, %.3f, %d, %v",
					tilt.HasData, got.Value, got.N, got.Thin, tc.hasData, tc.value, tc.wantTiltN, tc.thin)
			}
		})
	}
	// Votes keep needing both poles.
	if align.ChannelTilt(align.Votes, pt(40, 0.5, 0.4, 0.6), pt(0, 0, 0, 0)).HasData {
		t.Error("a votes tilt with one pole empty has data")
	}
}
