package votes

import "fmt"

// Weight is the distance δ(a, b) between two votes a, b ∈ {Y=1, A=2, N=3}
// used by S, κ and π.
type Weight uint8

// Distance weights.
const (
	// Nominal is δ = 1[a ≠ b]: classic κ = (p_o − p_e)/(1 − p_e).
	Nominal Weight = iota
	// Linear is δ = |a − b| (absolute distance; d_max = 2).
	Linear
	// Quadratic is δ = (a − b)² (squared distance; d_max = 4; Cohen's 1968
	// weighted κ, as psych::cohen.kappa and fpsim weight it).
	Quadratic
)

// String returns "nominal", "linear" or "quadratic".
func (w Weight) String() string {
	switch w {
	case Nominal:
		return "nominal"
	case Linear:
		return "linear"
	case Quadratic:
		return "quadratic"
	}
	return fmt.Sprintf("Weight(%d)", w)
}

// ParseWeight reads "nominal", "linear" (or "abs") and "quadratic" (or "sq").
func ParseWeight(s string) (Weight, error) {
	switch s {
	case "nominal", "nom":
		return Nominal, nil
	case "linear", "abs", "absolute":
		return Linear, nil
	case "quadratic", "sq", "squared":
		return Quadratic, nil
	}
	return 0, fmt.Errorf("unknown distance weight %q (want nominal, linear or quadratic)", s)
}

// delta returns the weight matrix δ(a, b) for a, b ∈ {0=Y, 1=A, 2=N}.
func (w Weight) delta() *[3][3]float64 {
	if w > Quadratic {
		w = Nominal
	}
	return &deltas[w]
}

var deltas = [3][3][3]float64{
	Nominal:   {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}},
	Linear:    {{0, 1, 2}, {1, 0, 1}, {2, 1, 0}},
	Quadratic: {{0, 1, 4}, {1, 0, 1}, {4, 1, 0}},
}

// dmax is the largest distance under w.
func (w Weight) dmax() float64 {
	switch w {
	case Linear:
		return 2
	case Quadratic:
		return 4
	}
	return 1
}

// Table counts the joint votes of a pair: Table[a][b] is the number of roll
// calls on which the first state voted a and the reference voted b, with
// index 0 = Yes, 1 = Abstain, 2 = No. Every measure is a function of it.
// Measures are NaN when undefined (no joint votes; κ and π also when the
// expected disagreement is 0, i.e. both voted one way throughout).
type Table [3][3]int32

// Add counts one joint vote; absent votes are ignored.
func (t *Table) Add(a, b Vote) {
	if a == Absent || b == Absent || a > No || b > No {
		return
	}
	t[a-1][b-1]++
}

// N is the number of joint votes.
func (t Table) N() int {
	n := 0
	for a := range 3 {
		for b := range 3 {
			n += int(t[a][b])
		}
	}
	return n
}

// Same is the number of identical joint votes.
func (t Table) Same() int { return int(t[0][0] + t[1][1] + t[2][2]) }

// Identical is the identical-vote share (1/n) Σ 1[v_a = v_b], Voeten's
// USAgree-style agreement.
func (t Table) Identical() float64 { return ratio(t.Same(), t.N()) }

// HalfCredit is Lijphart's index of agreement 1 − (1/n) Σ |v_a − v_b| / 2:
// yes–abstain and no–abstain count half.
func (t Table) HalfCredit() float64 {
	n := t.N()
	if n == 0 {
		return nan
	}
	return 1 - t.observed(Linear)/2
}

// StateDept is the US State Department's voting coincidence, votes only:
// identical votes over roll calls where both voted Yes or No.
func (t Table) StateDept() float64 {
	return ratio(int(t[0][0]+t[2][2]), int(t[0][0]+t[0][2]+t[2][0]+t[2][2]))
}

// S is Signorino–Ritter's S = 1 − D_o / (δ_max / 2) = 1 − 2·D_o/δ_max:
// S(Linear) is the traditional absolute-distance S (= 2·HalfCredit − 1),
// S(Quadratic) the squared-distance form, S(Nominal) = 2·Identical − 1.
func (t Table) S(w Weight) float64 {
	if t.N() == 0 {
		return nan
	}
	return 1 - 2*t.observed(w)/w.dmax()
}

// Kappa is Cohen's κ = 1 − D_o/D_e with D_e = Σ_a Σ_b p_1(a) p_2(b) δ(a,b),
// each state's own marginals over the joint votes (Häge 2011).
func (t Table) Kappa(w Weight) float64 {
	n := t.N()
	if n == 0 {
		return nan
	}
	p1, p2 := t.marginals()
	return chance(t.observed(w), &p1, &p2, w)
}

// Pi is Scott's π = 1 − D_o/D_e with D_e = Σ_a Σ_b p̄(a) p̄(b) δ(a,b) and
// pooled marginals p̄ = (p_1 + p_2)/2.
func (t Table) Pi(w Weight) float64 {
	n := t.N()
	if n == 0 {
		return nan
	}
	p1, p2 := t.marginals()
	var pb [3]float64
	for a := range 3 {
		pb[a] = (p1[a] + p2[a]) / 2
	}
	return chance(t.observed(w), &pb, &pb, w)
}

// observed is D_o = (1/n) Σ δ(v_a, v_b).
func (t Table) observed(w Weight) float64 {
	dl := w.delta()
	var sum float64
	n := 0
	for a := range 3 {
		for b := range 3 {
			sum += float64(t[a][b]) * dl[a][b]
			n += int(t[a][b])
		}
	}
	return sum / float64(n)
}

func (t Table) marginals() (p1, p2 [3]float64) {
	n := float64(t.N())
	for a := range 3 {
		for b := range 3 {
			p1[a] += float64(t[a][b]) / n
			p2[b] += float64(t[a][b]) / n
		}
	}
	return p1, p2
}

func chance(do float64, p1, p2 *[3]float64, w Weight) float64 {
	dl := w.delta()
	var de float64
	for a := range 3 {
		for b := range 3 {
			de += p1[a] * p2[b] * dl[a][b]
		}
	}
	if de == 0 {
		return nan
	}
	return 1 - do/de
}

func ratio(a, b int) float64 {
	if b == 0 {
		return nan
	}
	return float64(a) / float64(b)
}
