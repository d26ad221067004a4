package votes_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// Values worked out by hand; see the comments for the arithmetic.
func TestTableMeasures(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name  string
		table votes.Table
		// identical, half-credit, state-dept, S abs, S sq,
		// κ nominal, π nominal, κ quadratic
		want [8]float64
	}{
		{
			// n=8, same 5; |d| sum 1+1+2 = 4; d² sum 1+1+4 = 6; YN-only
			// pairs: YY 3, NN 1, NY 1. Marginals (4,2,2)/8 on both
			// sides: p_e = .375, κ = π = (.625−.375)/.625 = .4.
			// Quadratic: D_o = 6/8, D_e = Σ p p δ = (2·.5·.25·1 +
			// 2·.5·.25·4 + 2·.25·.25·1)·… = 1.375, κ = 1 − .75/1.375.
			name:  "symmetric marginals",
			table: votes.Table{{3, 1, 0}, {0, 1, 1}, {1, 0, 1}},
			want:  [8]float64{0.625, 0.75, 0.8, 0.5, 0.625, 0.4, 0.4, 1 - 0.75/1.375},
		},
		{
			// n=8, rows (4,3,1), cols (7,1,0). p_o = 5/8,
			// p_e(κ) = (28+3)/64, κ = (40−31)/(64−31) = 9/33;
			// p̄ = (11,4,1)/16, p_e(π) = 138/256, π = 22/118.
			// |d|: 2·1 + 1·2 = 4 → half-credit .75, S .5;
			// d²: 2 + 4 = 6 → S_sq = 1 − 2·.75/4 = .625;
			// quadratic D_e = 54/64 → κ = 1 − .75·64/54 = 1/9.
			// Y/N only: YY 4, NY 1 → 4/5.
			name:  "asymmetric marginals",
			table: votes.Table{{4, 0, 0}, {2, 1, 0}, {1, 0, 0}},
			want:  [8]float64{0.625, 0.75, 0.8, 0.5, 0.625, 9.0 / 33, 22.0 / 118, 1.0 / 9},
		},
		{
			// Everyone voted yes: agreement is perfect but chance
			// explains all of it, so κ and π are undefined.
			name:  "all yes",
			table: votes.Table{{5, 0, 0}, {0, 0, 0}, {0, 0, 0}},
			want:  [8]float64{1, 1, 1, 1, 1, nan, nan, nan},
		},
		{
			// Opposite on every vote: S = −1, κ = π = 1 − 1/(.5) = −1.
			name:  "always opposite",
			table: votes.Table{{0, 0, 2}, {0, 0, 0}, {2, 0, 0}},
			want:  [8]float64{0, 0, 0, -1, -1, -1, -1, -1},
		},
		{
			// Only abstentions against votes: no Y/N pairs at all.
			// p_1 = (1,2,0)/3, p_2 = (1,1,1)/3: p_e(κ) = 3/9,
			// κ = −(1/3)/(2/3); p̄ = (2,3,1)/6, p_e(π) = 14/36,
			// π = −14/22. Quadratic: D_o = 1, D_e = 1/3·5/3 + 2/3·2/3 = 1.
			name:  "no yes-no pairs",
			table: votes.Table{{0, 1, 0}, {1, 0, 1}, {0, 0, 0}},
			want:  [8]float64{0, 0.5, nan, 0, 0.5, -0.5, -14.0 / 22, 0},
		},
		{
			name:  "empty",
			table: votes.Table{},
			want:  [8]float64{nan, nan, nan, nan, nan, nan, nan, nan},
		},
	}
	names := []string{"identical", "half-credit", "state-dept", "S abs", "S sq", "κ nominal", "π nominal", "κ quadratic"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := tc.table
			got := [8]float64{tb.Identical(), tb.HalfCredit(), tb.StateDept(), tb.S(votes.Linear), tb.S(votes.Quadratic),
				tb.Kappa(votes.Nominal), tb.Pi(votes.Nominal), tb.Kappa(votes.Quadratic)}
			for i := range got {
				if !near(got[i], tc.want[i], 1e-12) {
					t.Errorf("%s: got %v, want %v", names[i], got[i], tc.want[i])
				}
			}
			// Identities that hold for every table.
			if n := tb.N(); n > 0 {
				if !near(tb.S(votes.Linear), 2*tb.HalfCredit()-1, 1e-12) {
					t.Errorf("S abs %v ≠ 2·half-credit − 1 = %v", tb.S(votes.Linear), 2*tb.HalfCredit()-1)
				}
				if !near(tb.S(votes.Nominal), 2*tb.Identical()-1, 1e-12) {
					t.Errorf("S nominal %v ≠ 2·identical − 1 = %v", tb.S(votes.Nominal), 2*tb.Identical()-1)
				}
			}
		})
	}
}

func TestTableAdd(t *testing.T) {
	var tb votes.Table
	tb.Add(votes.Yes, votes.No)
	tb.Add(votes.Yes, votes.No)
	tb.Add(votes.Abstain, votes.Absent) // ignored
	tb.Add(votes.Absent, votes.Yes)     // ignored
	tb.Add(votes.Vote(7), votes.Yes)    // ignored
	if got, want := tb, (votes.Table{{0, 0, 2}}); got != want {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestMeasuresJSON(t *testing.T) {
	tb := votes.Table{{5, 0, 0}}
	b, err := json.Marshal(tb.Measures(votes.Quadratic))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	want := `{"n":5,"n_identical":5,"identical":1,"half_credit":1,"state_dept":1,"s_abs":1,"s_sq":1,"weight":"quadratic","kappa":null,"pi":null}`
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestParseWeight(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want votes.Weight
		ok   bool
	}{
		{"nominal", votes.Nominal, true},
		{"abs", votes.Linear, true},
		{"linear", votes.Linear, true},
		{"sq", votes.Quadratic, true},
		{"quadratic", votes.Quadratic, true},
		{"cubic", 0, false},
		{"", 0, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := votes.ParseWeight(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Errorf("got %v, %v; want %v, ok=%v", got, err, tc.want, tc.ok)
			}
			if tc.ok && got.String() == "" {
				t.Error("empty name")
			}
		})
	}
}

func TestParseBucketing(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  votes.Bucketing
		years int
		ok    bool
	}{
		{"year", votes.ByYear, 0, true},
		{"session", votes.BySession, 0, true},
		{"5y", votes.ByPeriod, 5, true},
		{"10y", votes.ByPeriod, 10, true},
		{"period", votes.ByPeriod, 5, true},
		{"0y", 0, 0, false},
		{"y", 0, 0, false},
		{"5", 0, 0, false},
		{"decade", 0, 0, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, years, err := votes.ParseBucketing(tc.in)
			if (err == nil) != tc.ok || got != tc.want || years != tc.years {
				t.Errorf("got %v %d %v; want %v %d ok=%v", got, years, err, tc.want, tc.years, tc.ok)
			}
		})
	}
}
