package align

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Bootstrap defaults.
const (
	DefaultB     = 1000 // replicates
	DefaultLevel = 0.90 // central percentile interval
)

// ErrNoData is returned when there is nothing to compute a value from.
var ErrNoData = errors.New("no data")

// BootstrapOptions tune the cluster bootstrap. The zero value uses the
// defaults.
type BootstrapOptions struct {
	// B is the number of replicates; 0 means DefaultB (1000).
	B int
	// Level is the coverage of the central percentile interval; 0 means
	// DefaultLevel (0.90, i.e. the 5th and 95th percentiles).
	Level float64
	// Seed seeds the PCG generator (math/rand/v2); the same seed and data
	// give the same interval. 0 is a valid seed.
	Seed uint64
}

func (o BootstrapOptions) resolve() (BootstrapOptions, error) {
	if o.B == 0 {
		o.B = DefaultB
	}
	if o.Level == 0 {
		o.Level = DefaultLevel
	}
	if o.B < 2 {
		return o, fmt.Errorf("bootstrap: %d replicates, need at least 2", o.B)
	}
	if !(o.Level > 0 && o.Level < 1) {
		return o, fmt.Errorf("bootstrap: level %v not in (0, 1)", o.Level)
	}
	return o, nil
}

// Unit is one resampling cluster: a document (its events' summed weight and
// event count) or a roll call (agreement 0/1 and count 1).
type Unit struct {
	Sum   float64
	Count float64
}

// BootstrapUnits is the cluster bootstrap for statistics of the pooled
// sums: each replicate draws len(units) units with replacement, pools
// S* = Σ Sum and C* = Σ Count over the draws and evaluates stat(S*, C*).
// The interval is the percentile interval of the replicates at
// opt.Level (quantiles by linear interpolation, R's type 7). Replicates
// where stat is NaN are dropped. It returns ErrNoData for no units or when
// every replicate is NaN.
func BootstrapUnits(units []Unit, stat func(sum, count float64) float64, opt BootstrapOptions) (lo, hi float64, err error) {
	return bootstrapPooled("bootstrap", units, stat, opt, func(rng *rand.Rand) (s, c float64) {
		for range units {
			u := units[rng.IntN(len(units))]
			s += u.Sum
			c += u.Count
		}
		return s, c
	})
}

// BootstrapPoisson is the Poisson bootstrap for statistics of the pooled
// sums: in each replicate every unit is drawn an independent Poisson(1)
// number of times (Hanley & MacGibbon 2006), so unlike [BootstrapUnits]
// the number of units drawn varies between replicates, and a statistic
// that depends on the count (a shrunk mean Σw/(n + k)) varies even when
// every unit has the same Sum. It approximates the multinomial draw of
// [BootstrapUnits] for many units. The interval and errors are as in
// [BootstrapUnits].
func BootstrapPoisson(units []Unit, stat func(sum, count float64) float64, opt BootstrapOptions) (lo, hi float64, err error) {
	return bootstrapPooled("poisson bootstrap", units, stat, opt, func(rng *rand.Rand) (s, c float64) {
		for _, u := range units {
			m := float64(poisson1(rng))
			s += m * u.Sum
			c += m * u.Count
		}
		return s, c
	})
}

// bootstrapPooled is the loop shared by [BootstrapUnits] and
// [BootstrapPoisson]: opt.B replicates, each the pooled sums draw returns,
// evaluated by stat, NaN replicates dropped, then the percentile interval.
// name prefixes the error for no units.
func bootstrapPooled(name string, units []Unit, stat func(sum, count float64) float64, opt BootstrapOptions, draw func(*rand.Rand) (sum, count float64)) (lo, hi float64, err error) {
	opt, err = opt.resolve()
	if err != nil {
		return 0, 0, err
	}
	if len(units) == 0 {
		return 0, 0, fmt.Errorf("%s: %w", name, ErrNoData)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	reps := make([]float64, 0, opt.B)
	for range opt.B {
		if v := stat(draw(rng)); !math.IsNaN(v) {
			reps = append(reps, v)
		}
	}
	return interval(reps, opt.Level)
}

// poisson1 draws from Poisson(1) by Knuth's product of uniforms.
func poisson1(rng *rand.Rand) int {
	const l = 0.36787944117144233 // e^−1
	k, p := 0, rng.Float64()
	for p > l {
		k++
		p *= rng.Float64()
	}
	return k
}

// Bootstrap is the general cluster bootstrap: each of opt.B replicates
// draws n unit indexes with replacement and evaluates stat on them (for
// example Cohen's κ on the resampled roll calls). stat must not keep idx.
// The interval is as in [BootstrapUnits].
func Bootstrap(n int, stat func(idx []int) float64, opt BootstrapOptions) (lo, hi float64, err error) {
	opt, err = opt.resolve()
	if err != nil {
		return 0, 0, err
	}
	if n <= 0 {
		return 0, 0, fmt.Errorf("bootstrap: %w", ErrNoData)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	idx := make([]int, n)
	reps := make([]float64, 0, opt.B)
	for range opt.B {
		for i := range idx {
			idx[i] = rng.IntN(n)
		}
		if v := stat(idx); !math.IsNaN(v) {
			reps = append(reps, v)
		}
	}
	return interval(reps, opt.Level)
}

func interval(reps []float64, level float64) (lo, hi float64, err error) {
	if len(reps) == 0 {
		return 0, 0, fmt.Errorf("bootstrap: every replicate undefined: %w", ErrNoData)
	}
	slices.Sort(reps)
	a := (1 - level) / 2
	return Quantile(reps, a), Quantile(reps, 1-a), nil
}

// Quantile returns the q-quantile of sorted values by linear
// interpolation between order statistics (Hyndman & Fan type 7, R's
// default): h = (m − 1)·q, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
// It returns NaN for no values.
func Quantile(sorted []float64, q float64) float64 {
	m := len(sorted)
	if m == 0 {
		return math.NaN()
	}
	q = math.Max(0, math.Min(1, q))
	h := float64(m-1) * q
	i := int(math.Floor(h))
	if i >= m-1 {
		return sorted[m-1]
	}
	return sorted[i] + (h-float64(i))*(sorted[i+1]-sorted[i])
}
