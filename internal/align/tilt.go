package align

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Tilt is one channel's position between poles A and B in one period.
type Tilt struct {
	Channel string `json:"channel"`
	// Value = (x_B − x_A)/2 ∈ [−1, 1]: negative toward A, positive toward B.
	Value float64 `json:"value"`
	// Lo, Hi = ((Lo_B − Hi_A)/2, (Hi_B − Lo_A)/2): the conservative
	// interval from the two poles' intervals.
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
	// N is the smaller of the two points' N (statements: the sum); HasData
	// is false when either point has no data (N = 0; statements: both),
	// and the tilt is then left out of combinations and verdicts.
	N       int  `json:"n"`
	HasData bool `json:"has_data"`
	// Thin is set by callers when the channel has data only in thin
	// periods ([Point.Thin]); HasData is then false, and [Verdict] says
	// the data are too thin rather than missing.
	Thin bool `json:"thin,omitempty"`
	// Neither is, for votes, the share of roll calls where A and B split
	// and the focal state voted with neither (computed by package votes);
	// HasNeither says whether it is set.
	Neither    float64 `json:"neither"`
	HasNeither bool    `json:"has_neither"`
	// Evidence joins the evidence ids of both points.
	Evidence []string `json:"evidence"`
}

// ChannelTilt returns the tilt of one channel between pole A's point a and
// pole B's point b (DESIGN.md §5):
//
//	Value = (x_B − x_A)/2,  Lo = (Lo_B − Hi_A)/2,  Hi = (Hi_B − Lo_A)/2
//
// With both values in [−1, 1] the tilt lies in [−1, 1]. A point without
// data (N = 0) or with a NaN value gives a tilt without data.
//
// Statements are the exception: a pole nothing was said toward stands at
// the shrinkage estimator's prior, 0 with no spread (a state that speaks
// warmly of one pole and not at all of the other leans toward the first),
// so the tilt has data when either pole has events, and N is the events
// toward both. Without this, a year needed events toward every pole, and
// one UN speech a year rarely has them (Belarus: 3 of 29 years counted).
func ChannelTilt(channel string, a, b Point) Tilt {
	t := Tilt{Channel: channel, N: min(a.N, b.N),
		HasData: a.N > 0 && b.N > 0 && !math.IsNaN(a.Value) && !math.IsNaN(b.Value)}
	if channel == Statements && (a.N > 0 || b.N > 0) && !math.IsNaN(a.Value) && !math.IsNaN(b.Value) {
		t.N, t.HasData = a.N+b.N, true
		a, b = silentAtPrior(a), silentAtPrior(b)
	}
	if !t.HasData {
		return t
	}
	t.Value = (b.Value - a.Value) / 2
	t.Lo = (b.Lo - a.Hi) / 2
	t.Hi = (b.Hi - a.Lo) / 2
	t.Evidence = append(append(t.Evidence, a.Evidence...), b.Evidence...)
	return t
}

// silentAtPrior returns p, or for a statements point without events the
// prior: value 0 with an interval of no width.
func silentAtPrior(p Point) Point {
	if p.N == 0 {
		p.Value, p.Lo, p.Hi = 0, 0, 0
	}
	return p
}

// Combined is the cross-channel summary of one period.
type Combined struct {
	// Tilt = Σ_c w_c·t_c / Σ_c w_c over the channels with data.
	Tilt float64 `json:"tilt"`
	// Weights are the normalised weights actually used (summing to 1).
	Weights map[string]float64 `json:"weights"`
	// SD is the population standard deviation of the per-channel tilts,
	// sqrt(Σ_c (t_c − t̄)² / m) with t̄ their unweighted mean, and Range is
	// max − min: large values are the multi-vector signature (a state that
	// votes with A but talks like B). Both are 0 with one channel.
	SD    float64 `json:"sd"`
	Range float64 `json:"range"`
	// Channels is the number of channels with data.
	Channels int `json:"channels"`
}

// Combine returns the combined tilt with stated weights: weights maps a
// channel name to its weight (nil or empty: equal weights over the
// channels that have data); channels without data, or with a weight ≤ 0,
// are left out and the remaining weights are renormalised to sum to 1.
// It returns ErrNoData when no channel is left.
func Combine(tilts []Tilt, weights map[string]float64) (Combined, error) {
	c := Combined{Weights: map[string]float64{}}
	total := 0.0
	var used []Tilt
	for _, t := range tilts {
		if !t.HasData || math.IsNaN(t.Value) {
			continue
		}
		w := 1.0
		if len(weights) > 0 {
			w = weights[t.Channel]
		}
		if !(w > 0) {
			continue
		}
		c.Weights[t.Channel] += w
		total += w
		used = append(used, t)
	}
	if len(used) == 0 {
		return c, fmt.Errorf("combine tilts: no channel with data and positive weight: %w", ErrNoData)
	}
	for ch := range c.Weights {
		c.Weights[ch] /= total
	}
	mean, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
	for _, t := range used {
		w := 1.0
		if len(weights) > 0 {
			w = weights[t.Channel]
		}
		c.Tilt += w / total * t.Value
		mean += t.Value
		lo, hi = math.Min(lo, t.Value), math.Max(hi, t.Value)
	}
	m := float64(len(used))
	mean /= m
	ss := 0.0
	for _, t := range used {
		ss += (t.Value - mean) * (t.Value - mean)
	}
	c.SD = math.Sqrt(ss / m)
	c.Range = hi - lo
	c.Channels = len(used)
	return c, nil
}

// ErrNoPositive is returned by [Shares] when no pole has a positive value.
var ErrNoPositive = errors.New("no pole has a positive value")

// Shares splits a channel among k poles: with x_j the channel value toward
// pole j (in [−1, 1]),
//
//	p_j = max(x_j, 0) / Σ_i max(x_i, 0)
//
// so only positive alignment (cooperation, agreement, ties) is shared out
// and negative values count as 0. On the ties channel (x = 2s − 1, s the
// bound share) a positive x means bound to the pole beyond what
// non-aggression or neutrality pacts with all its states give; passing s
// instead would share out such pacts too, and name a "closest" pole for a
// state bound to none. It returns ErrNoPositive when every x_j ≤ 0, and
// ErrNoData for no values.
func Shares(values []float64) ([]float64, error) {
	if len(values) == 0 {
		return nil, fmt.Errorf("shares: %w", ErrNoData)
	}
	total := 0.0
	for _, v := range values {
		if v > 0 {
			total += v
		}
	}
	if !(total > 0) {
		return nil, fmt.Errorf("shares of %d poles: %w", len(values), ErrNoPositive)
	}
	out := make([]float64, len(values))
	for i, v := range values {
		if v > 0 {
			out[i] = v / total
		}
	}
	return out, nil
}

// Entropy returns the normalised Shannon entropy of shares p over k =
// len(p) poles:
//
//	H = −Σ_j p_j ln p_j / ln k   (0 ln 0 = 0)
//
// 0 when one pole takes everything, 1 when all k get 1/k. It returns 0 for
// k < 2.
func Entropy(p []float64) float64 {
	if len(p) < 2 {
		return 0
	}
	h := 0.0
	for _, x := range p {
		if x > 0 {
			h -= x * math.Log(x)
		}
	}
	return h / math.Log(float64(len(p)))
}

// sortedChannels sorts channel names in the canonical order votes, ties,
// statements, then others alphabetically.
func sortedChannels(names []string) []string {
	rank := map[string]int{Votes: 0, Ties: 1, Statements: 2}
	sort.SliceStable(names, func(i, j int) bool {
		ri, oki := rank[names[i]]
		rj, okj := rank[names[j]]
		switch {
		case oki && okj:
			return ri < rj
		case oki != okj:
			return oki
		}
		return names[i] < names[j]
	})
	return names
}
