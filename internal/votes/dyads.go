package votes

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Code is a three-letter state code held by value, so that a large
// []DyadYear holds no pointers (the garbage collector skips it).
type Code [3]byte

// String returns the code as text ("BLR").
func (c Code) String() string { return string(c[:]) }

// MakeCode returns the Code of a three-letter string; other lengths give
// the zero Code.
func MakeCode(s string) Code {
	var c Code
	if len(s) == 3 {
		copy(c[:], s)
	}
	return c
}

// DyadYear is the similarity of two states in one calendar year. It is
// 56 bytes without pointers: the all-dyad result is large.
type DyadYear struct {
	Year int16
	A, B Code // A < B
	// Counts holds the joint-vote table in row order (Y–Y, Y–A, Y–N, A–Y,
	// …); [DyadYear.Table] expands it. A year has far fewer than 65,536
	// roll calls.
	Counts [9]uint16
	// Kappa and Pi are Cohen's κ and Scott's π under Options.Weight; S is
	// Signorino–Ritter's absolute-distance S (d_max = 2). NaN when
	// undefined (κ and π when both voted one way throughout).
	Kappa, Pi, S float64
}

// AllDyadYears computes κ, π and S for every pair of states with at least
// one joint vote in every calendar year, ordered by year, A, B. Options.By
// and PeriodYears are ignored; From, To, Filter and Weight apply.
//
// Per year, each state's votes become three bit vectors (yes, abstain,
// no) over the year's roll calls; a pair's 3×3 table is nine popcounts of
// ANDed words. Years are spread over GOMAXPROCS goroutines.
func (d *Data) AllDyadYears(opt Options) ([]DyadYear, error) {
	if err := opt.validate(d); err != nil {
		return nil, err
	}
	nc := len(d.countries)
	// Roll calls per year, and each year's slot in the output.
	byYear := map[int][]int{}
	var years []int
	for i := range d.rolls {
		r := &d.rolls[i]
		if !opt.use(r) {
			continue
		}
		if _, ok := byYear[r.Year]; !ok {
			years = append(years, r.Year)
		}
		byYear[r.Year] = append(byYear[r.Year], i)
	}
	// Years appear in RCID order, which is nearly but not exactly date
	// order; sort them.
	slices.Sort(years)
	type job struct {
		year   int
		rolls  []int
		off, n int // slot in out; n is filled by the worker
	}
	jobs := make([]job, len(years))
	total := 0
	for k, y := range years {
		rs := byYear[y]
		if len(rs) > math.MaxUint16 || y > math.MaxInt16 {
			return nil, fmt.Errorf("all dyad-years: %d roll calls in %d exceed the compact counts", len(rs), y)
		}
		active := 0
		for c := range nc {
			for _, i := range rs {
				if d.votes[i*nc+c] != Absent {
					active++
					break
				}
			}
		}
		jobs[k] = job{year: y, rolls: rs, off: total}
		total += active * (active - 1) / 2
	}
	out := make([]DyadYear, total)
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	for range workers {
		wg.Go(func() {
			var buf []uint64
			for {
				k := int(next.Add(1)) - 1
				if k >= len(jobs) {
					return
				}
				j := &jobs[k]
				j.n, buf = d.dyadYear(j.year, j.rolls, opt.Weight, out[j.off:], buf)
			}
		})
	}
	wg.Wait()
	// Close the gaps between the years' slots.
	w := 0
	for _, j := range jobs {
		w += copy(out[w:], out[j.off:j.off+j.n])
	}
	return out[:w:w], nil
}

// dyadYear fills out with the year's dyads and returns how many it wrote;
// buf is scratch space reused across years.
func (d *Data) dyadYear(year int, rolls []int, w Weight, out []DyadYear, buf []uint64) (int, []uint64) {
	nc := len(d.countries)
	words := (len(rolls) + 63) / 64
	stride := 3 * words
	if need := nc * stride; cap(buf) < need {
		buf = make([]uint64, need)
	}
	buf = buf[:nc*stride]
	clear(buf)
	active := make([]int, 0, nc)
	for c := range nc {
		bv := buf[c*stride : (c+1)*stride]
		seen := false
		for k, i := range rolls {
			if v := d.votes[i*nc+c]; v != Absent {
				bv[k/64*3+int(v-1)] |= 1 << (k % 64)
				seen = true
			}
		}
		if seen {
			active = append(active, c)
		}
	}
	n := 0
	for x, ci := range active {
		bi := buf[ci*stride : (ci+1)*stride]
		for _, cj := range active[x+1:] {
			bj := buf[cj*stride : (cj+1)*stride]
			bj = bj[:len(bi)]
			var t Table
			// Words are interleaved per state: yes, abstain, no.
			for k := 0; k+2 < len(bi); k += 3 {
				y1, a1, n1 := bi[k], bi[k+1], bi[k+2]
				y2, a2, n2 := bj[k], bj[k+1], bj[k+2]
				t[0][0] += int32(bits.OnesCount64(y1 & y2))
				t[0][1] += int32(bits.OnesCount64(y1 & a2))
				t[0][2] += int32(bits.OnesCount64(y1 & n2))
				t[1][0] += int32(bits.OnesCount64(a1 & y2))
				t[1][1] += int32(bits.OnesCount64(a1 & a2))
				t[1][2] += int32(bits.OnesCount64(a1 & n2))
				t[2][0] += int32(bits.OnesCount64(n1 & y2))
				t[2][1] += int32(bits.OnesCount64(n1 & a2))
				t[2][2] += int32(bits.OnesCount64(n1 & n2))
			}
			kappa, pi, s, ok := t.fast(w)
			if !ok {
				continue
			}
			dy := &out[n]
			dy.Year, dy.A, dy.B = int16(year), MakeCode(d.countries[ci].ISO3), MakeCode(d.countries[cj].ISO3)
			for a := range 3 {
				for b := range 3 {
					dy.Counts[3*a+b] = uint16(t[a][b])
				}
			}
			dy.Kappa, dy.Pi, dy.S = kappa, pi, s
			n++
		}
	}
	return n, buf
}

// Table returns the joint-vote table of the dyad-year.
func (dy *DyadYear) Table() Table {
	var t Table
	for a := range 3 {
		for b := range 3 {
			t[a][b] = int32(dy.Counts[3*a+b])
		}
	}
	return t
}

// fast computes κ and π under w and absolute S in one pass; ok is false
// when the table is empty.
func (t *Table) fast(w Weight) (kappa, pi, s float64, ok bool) {
	var r, c [3]float64
	var n, dlin, dw float64
	dl := w.delta()
	for a := range 3 {
		for b := range 3 {
			x := float64(t[a][b])
			r[a] += x
			c[b] += x
			dlin += x * deltas[Linear][a][b]
			dw += x * dl[a][b]
		}
	}
	n = r[0] + r[1] + r[2]
	if n == 0 {
		return 0, 0, 0, false
	}
	var dek, dep float64
	for a := range 3 {
		pa := (r[a] + c[a]) / 2
		for b := range 3 {
			dek += r[a] * c[b] * dl[a][b]
			dep += pa * (r[b] + c[b]) / 2 * dl[a][b]
		}
	}
	// D_o = dw/n and D_e = de/n², so 1 − D_o/D_e = 1 − dw·n/de.
	kappa, pi = nan, nan
	if dek != 0 {
		kappa = 1 - dw*n/dek
	}
	if dep != 0 {
		pi = 1 - dw*n/dep
	}
	return kappa, pi, 1 - dlin/n, true
}
