package align_test

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/align"
)

func steps(levels ...float64) []float64 {
	// each level repeated 10 times
	var x []float64
	for _, l := range levels {
		for range 10 {
			x = append(x, l)
		}
	}
	return x
}

func noisy(seed uint64, n int, sd float64) []float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	x := make([]float64, n)
	for i := range x {
		x[i] = r.NormFloat64() * sd
	}
	return x
}

func TestChangePoints(t *testing.T) {
	step := noisy(5, 30, 0.05)
	for i := 15; i < 30; i++ {
		step[i] += 0.5
	}
	tests := []struct {
		name string
		x    []float64
		opt  align.ChangeOptions
		want []int
	}{
		{"one step", steps(0, 1), align.ChangeOptions{}, []int{10}},
		{"two steps", steps(0, 1, -0.5), align.ChangeOptions{}, []int{10, 20}},
		{"back and forth", steps(0.2, 0.6, 0.2), align.ChangeOptions{}, []int{10, 20}},
		{"flat", steps(0.3, 0.3, 0.3), align.ChangeOptions{}, nil},
		{"noisy step", step, align.ChangeOptions{}, []int{15}},
		// A change after 2 points with minimum segment 3: only possible as 3.
		{"min segment", []float64{5, 5, 0, 0, 0, 0, 0, 0}, align.ChangeOptions{}, []int{3}},
		{"min segment 2", []float64{5, 5, 0, 0, 0, 0, 0, 0}, align.ChangeOptions{MinSegment: 2}, []int{2}},
		{"min segment 1 spike", []float64{0, 0, 0, 9, 0, 0, 0}, align.ChangeOptions{MinSegment: 1}, []int{3, 4}},
		{"too short", []float64{0, 0, 1, 1, 1}, align.ChangeOptions{}, nil},
		// A huge fixed penalty suppresses every change.
		{"fixed penalty", steps(0, 1), align.ChangeOptions{Penalty: 1000}, nil},
		{"empty", nil, align.ChangeOptions{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := align.ChangePoints(tc.x, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestChangePointsErrors(t *testing.T) {
	if _, err := align.ChangePoints([]float64{0, math.NaN(), 1, 1, 1, 1}, align.ChangeOptions{}); err == nil {
		t.Error("NaN: no error")
	}
	if _, err := align.ChangePoints(steps(0, 1), align.ChangeOptions{MinSegment: -1}); err == nil {
		t.Error("negative minimum segment: no error")
	}
	if _, err := align.ChangePoints(steps(0, 1), align.ChangeOptions{Penalty: -1}); err == nil {
		t.Error("negative penalty: no error")
	}
}

// TestChangePointsFlatNoise: on 200 flat Gaussian series of 29 points the
// default penalty should find a change in about 3.4% (measured on 1,000;
// see DefaultPenaltyFactor). Allow up to 8% (16 series).
func TestChangePointsFlatNoise(t *testing.T) {
	found := 0
	for seed := range uint64(200) {
		cps, err := align.ChangePoints(noisy(seed, 29, 0.1), align.ChangeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(cps) > 0 {
			found++
		}
	}
	if found > 16 {
		t.Errorf("changes found in %d of 200 flat series", found)
	}
}

func TestNoiseVariance(t *testing.T) {
	// 0,1,2,3: every difference is 1, so the MAD is 0 and σ̂² is floored.
	if got := align.NoiseVariance([]float64{0, 1, 2, 3}); got != 1e-12 {
		t.Errorf("linear: %v, want the floor 1e-12", got)
	}
	// Differences 1, −1, 1, −1: median 0, |d| all 1 → MAD 1 → σ̂ = 1/(0.6745·√2).
	want := 1 / (0.6745 * 0.6745 * 2)
	if got := align.NoiseVariance([]float64{0, 1, 0, 1, 0}); !near(got, want) {
		t.Errorf("alternating: %v, want %v", got, want)
	}
}

// TestShiftsUkraineLike is a synthetic yearly vote-tilt series like
// Ukraine's: about 0.05 toward WEST in 1992–2013, about 0.35 from 2014,
// with noise; the shift must be found in 2014 with a positive size, and
// the points without data must be skipped.
func TestShiftsUkraineLike(t *testing.T) {
	periods := align.Years(1992, 2020)
	noise := noisy(11, len(periods), 0.04)
	s := align.Series{Channel: align.Votes, Pole: "RUSSIA/WEST"}
	for i, p := range periods {
		v := 0.05 + noise[i]
		if p.Start.Year() >= 2014 {
			v += 0.3
		}
		pt := align.Point{Period: p.Label, Start: p.Start, End: p.End, Value: v, N: 60, Evidence: []string{"rc" + p.Label}}
		if p.Label == "2013" {
			pt = align.Point{Period: p.Label, Start: p.Start, End: p.End} // no data
		}
		s.Points = append(s.Points, pt)
	}
	shifts, err := align.Shifts(s, align.ChangeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(shifts) != 1 {
		t.Fatalf("got %d shifts: %+v", len(shifts), shifts)
	}
	sh := shifts[0]
	if sh.Period != "2014" || sh.Date.Year() != 2014 || s.Points[sh.Index].Period != "2014" || s.Points[sh.Before].Period != "2012" {
		t.Errorf("shift at %s (index %d, before %d)", sh.Period, sh.Index, sh.Before)
	}
	if math.Abs(sh.Size-0.3) > 0.05 || !near(sh.Size, sh.MeanAfter-sh.MeanBefore) {
		t.Errorf("size %v (before %v after %v), want about 0.3", sh.Size, sh.MeanBefore, sh.MeanAfter)
	}
	if !slices.Equal(sh.EvidenceBefore, []string{"rc2012"}) || !slices.Equal(sh.EvidenceAfter, []string{"rc2014"}) {
		t.Errorf("evidence %v | %v", sh.EvidenceBefore, sh.EvidenceAfter)
	}
}

func TestTiltSeries(t *testing.T) {
	ys := align.Years(2000, 2002)
	mk := func(vals ...float64) align.Series {
		s := align.Series{Channel: align.Votes}
		for i, v := range vals {
			n := 5
			if math.IsNaN(v) {
				v, n = 0, 0
			}
			s.Points = append(s.Points, align.Point{Period: ys[i].Label, Start: ys[i].Start, Value: v, Lo: v, Hi: v, N: n})
		}
		return s
	}
	a, b := mk(0.5, 0.4, 0.3), mk(0.1, math.NaN(), 0.5)
	a.Pole, b.Pole = "RUSSIA", "WEST"
	got := align.TiltSeries(a, b)
	if got.Pole != "RUSSIA/WEST" || len(got.Points) != 3 {
		t.Fatalf("got %+v", got)
	}
	if !near(got.Points[0].Value, -0.2) || got.Points[1].N != 0 || !near(got.Points[2].Value, 0.1) {
		t.Errorf("tilts %+v", got.Points)
	}
}

func FuzzChangePoints(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 240, 63, 0, 0, 0, 0, 0, 0, 0, 0}, 2)
	f.Fuzz(func(t *testing.T, raw []byte, minSeg int) {
		var x []float64
		for len(raw) >= 8 && len(x) < 300 {
			x = append(x, math.Float64frombits(binary.LittleEndian.Uint64(raw)))
			raw = raw[8:]
		}
		cps, err := align.ChangePoints(x, align.ChangeOptions{MinSegment: minSeg % 10})
		if err != nil {
			return
		}
		m := minSeg % 10
		if m == 0 {
			m = align.DefaultMinSegment
		}
		prev := 0
		for _, c := range cps {
			if c-prev < m || c <= 0 || c >= len(x) {
				t.Fatalf("change %d after %d violates minimum segment %d (n=%d): %v", c, prev, m, len(x), cps)
			}
			prev = c
		}
		if len(cps) > 0 && len(x)-prev < m {
			t.Fatalf("last segment too short: %v n=%d", cps, len(x))
		}
	})
}

func BenchmarkChangePoints(b *testing.B) {
	x := noisy(1, 300, 0.1)
	for i := 150; i < 300; i++ {
		x[i] += 0.3
	}
	for b.Loop() {
		if _, err := align.ChangePoints(x, align.ChangeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
