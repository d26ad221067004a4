package align_test

import (
	"errors"
	"math"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/align"
)

func TestChannelTilt(t *testing.T) {
	a := align.Point{Value: 0.6, Lo: 0.5, Hi: 0.7, N: 10, Evidence: []string{"a"}}
	b := align.Point{Value: -0.2, Lo: -0.3, Hi: -0.1, N: 4, Evidence: []string{"b"}}
	got := align.ChannelTilt(align.Votes, a, b)
	// (−0.2 − 0.6)/2 = −0.4; (−0.3 − 0.7)/2 = −0.5; (−0.1 − 0.5)/2 = −0.3.
	if !near(got.Value, -0.4) || !near(got.Lo, -0.5) || !near(got.Hi, -0.3) || got.N != 4 || !got.HasData {
		t.Errorf("got %+v", got)
	}
	if len(got.Evidence) != 2 {
		t.Errorf("evidence %v", got.Evidence)
	}
	if x := align.ChannelTilt(align.Votes, a, align.Point{Value: math.NaN(), N: 3}); x.HasData {
		t.Errorf("tilt with a NaN value has data: %+v", x)
	}
	if x := align.ChannelTilt(align.Votes, a, align.Point{}); x.HasData {
		t.Errorf("tilt without B data has data: %+v", x)
	}
	// Extremes stay in [−1, 1].
	if x := align.ChannelTilt(align.Ties, align.Point{Value: -1, N: 1}, align.Point{Value: 1, N: 1}); x.Value != 1 {
		t.Errorf("extreme tilt %v, want 1", x.Value)
	}
}

func TestCombine(t *testing.T) {
	tilts := []align.Tilt{
		{Channel: align.Votes, Value: -0.4, HasData: true},
		{Channel: align.Ties, Value: -0.8, HasData: true},
		{Channel: align.Statements, Value: 0.1, HasData: true},
	}
	tests := []struct {
		name      string
		tilts     []align.Tilt
		weights   map[string]float64
		tilt      float64
		sd, rng   float64
		channels  int
		wantVotes float64
	}{
		// mean −1.1/3; deviations −1/30, −13/30, 14/30; Σ² = 366/900 → sd √(366/2700).
		{"equal", tilts, nil, -1.1 / 3, math.Sqrt(366.0 / 2700), 0.9, 3, 1.0 / 3},
		// (2·−0.4 − 0.8 + 0.1)/4 = −0.375; sd and range are unweighted.
		{"weighted", tilts, map[string]float64{align.Votes: 2, align.Ties: 1, align.Statements: 1}, -0.375, math.Sqrt(366.0 / 2700), 0.9, 3, 0.5},
		// statements weight 0: left out → (−0.4 − 0.8)/2, sd 0.2, range 0.4.
		{"zero weight", tilts, map[string]float64{align.Votes: 1, align.Ties: 1}, -0.6, 0.2, 0.4, 2, 0.5},
		{"missing data", []align.Tilt{tilts[0], tilts[1], {Channel: align.Statements}}, nil, -0.6, 0.2, 0.4, 2, 0.5},
		{"one channel", tilts[:1], nil, -0.4, 0, 0, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := align.Combine(tc.tilts, tc.weights)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got.Tilt, tc.tilt) || !near(got.SD, tc.sd) || !near(got.Range, tc.rng) || got.Channels != tc.channels {
				t.Errorf("got tilt %v sd %v range %v channels %d; want %v %v %v %d", got.Tilt, got.SD, got.Range, got.Channels, tc.tilt, tc.sd, tc.rng, tc.channels)
			}
			if !near(got.Weights[align.Votes], tc.wantVotes) {
				t.Errorf("votes weight %v, want %v", got.Weights[align.Votes], tc.wantVotes)
			}
		})
	}
	if _, err := align.Combine([]align.Tilt{{Channel: align.Votes}}, nil); !errors.Is(err, align.ErrNoData) {
		t.Errorf("no data: %v", err)
	}
}

func TestSharesEntropy(t *testing.T) {
	tests := []struct {
		name    string
		values  []float64
		shares  []float64
		entropy float64
	}{
		// 0.5/0.8, 0.3/0.8, 0; H = −(0.625 ln 0.625 + 0.375 ln 0.375)/ln 3.
		{"negative counts zero", []float64{0.5, 0.3, -0.2}, []float64{0.625, 0.375, 0}, 0.602181},
		{"equal", []float64{0.2, 0.2, 0.2, 0.2}, []float64{0.25, 0.25, 0.25, 0.25}, 1},
		{"one pole", []float64{0.9, 0, -1}, []float64{1, 0, 0}, 0},
		{"two poles even", []float64{0.4, 0.4}, []float64{0.5, 0.5}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := align.Shares(tc.values)
			if err != nil {
				t.Fatal(err)
			}
			for i := range got {
				if !near(got[i], tc.shares[i]) {
					t.Errorf("shares %v, want %v", got, tc.shares)
					break
				}
			}
			if h := align.Entropy(got); math.Abs(h-tc.entropy) > 1e-6 {
				t.Errorf("entropy %v, want %v", h, tc.entropy)
			}
		})
	}
	if _, err := align.Shares([]float64{-0.1, 0}); !errors.Is(err, align.ErrNoPositive) {
		t.Errorf("all non-positive: %v", err)
	}
	if _, err := align.Shares(nil); !errors.Is(err, align.ErrNoData) {
		t.Errorf("empty: %v", err)
	}
	if h := align.Entropy([]float64{1}); h != 0 {
		t.Errorf("k=1 entropy %v", h)
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		t    float64
		want string
	}{
		{0, "balanced"},
		{0.1499, "balanced"},
		{-0.1499, "balanced"},
		{0.15, "leans WEST"},
		{-0.15, "leans RUSSIA"},
		{0.40, "leans WEST"},
		{-0.40, "leans RUSSIA"},
		{0.4001, "sides with WEST"},
		{-0.9, "sides with RUSSIA"},
		{math.NaN(), "undefined"},
	}
	for _, tc := range tests {
		if got := align.Label(tc.t, "RUSSIA", "WEST"); got != tc.want {
			t.Errorf("Label(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}

func TestVerdict(t *testing.T) {
	tilts := []align.Tilt{
		{Channel: align.Statements, Value: 0.05, HasData: true},
		{Channel: align.Votes, Value: -0.3, HasData: true},
		{Channel: align.Ties, Value: -0.35, HasData: true},
	}
	shifts := []align.Shift{
		{Channel: align.Statements, Period: "2019-02", Size: 0.3},
		{Channel: align.Votes, Period: "2010", Size: -0.02}, // too small to tell
	}
	comb, err := align.Combine(tilts, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		tilts  []align.Tilt
		shifts []align.Shift
		comb   *align.Combined
		want   string
	}{
		{"issue example", tilts, shifts, nil,
			"leans RUSSIA on votes and ties; balanced in statements; statements moved toward WEST from 2019-02 (+0.30)"},
		{"with combined", tilts, nil, &comb,
			"leans RUSSIA on votes and ties; balanced in statements; combined -0.20, leans RUSSIA; spread sd 0.18, range 0.40 over 3 channels"},
		{"missing channel", []align.Tilt{{Channel: align.Votes, Value: 0.5, HasData: true}, {Channel: align.Statements}}, nil, nil,
			"sides with WEST on votes; no data on statements"},
		{"thin channel", []align.Tilt{{Channel: align.Votes, Value: 0.5, HasData: true}, {Channel: align.Statements, Thin: true}, {Channel: align.Ties}}, nil, nil,
			"sides with WEST on votes; no data on ties; too few items to tell on statements"},
		{"nothing", nil, nil, nil, "no data"},
		{"neither share", []align.Tilt{{Channel: align.Votes, Value: -0.2, HasData: true, Neither: 0.174, HasNeither: true}}, nil, nil,
			"leans RUSSIA on votes; with neither on 17% of split votes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := align.Verdict("RUSSIA", "WEST", tc.tilts, tc.shifts, tc.comb); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
