package align_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

const eps = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) < eps }

func ev(id, doc, target, date string, g float64) event.Event {
	return event.Event{ID: id, Doc: doc, Source: "BLR", Target: target, Date: date, Goldstein: g, Modality: event.Asserted}
}

// fixture: doc d1 has +10 and +5, doc d2 has −10; a negated +10 and a
// hypothetical +10 do not count.
func fixture() []event.Event {
	neg := ev("e4", "d2", "RUS", "2019-03-05", 10)
	neg.Negated = true
	hyp := ev("e5", "d1", "RUS", "2019-03-05", 10)
	hyp.Modality = event.Hypothetical
	return []event.Event{
		ev("e1", "d1", "RUS", "2019-03-05", 10),
		ev("e2", "d1", "RUS", "2019-03-06", 5),
		ev("e3", "d2", "RUS", "2019-04", -10),
		neg, hyp,
	}
}

func TestStatementPoint(t *testing.T) {
	tests := []struct {
		name  string
		prior float64
		want  float64
	}{
		// Σw = 1 + 0.5 − 1 = 0.5 over n = 3 counting events.
		{"default prior k=5", 0, 0.5 / 8},
		{"k=1", 1, 0.5 / 4},
		{"no shrinkage", -1, 0.5 / 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := align.StatementPoint(fixture(), align.StatementOptions{Prior: tc.prior})
			if !near(p.Value, tc.want) {
				t.Errorf("value %v, want %v", p.Value, tc.want)
			}
			if p.N != 3 || p.Units != 2 {
				t.Errorf("N %d units %d, want 3 and 2", p.N, p.Units)
			}
			if !slices.Equal(p.Evidence, []string{"e1", "e2", "e3"}) {
				t.Errorf("evidence %v", p.Evidence)
			}
		})
	}
}

// TestStatementBootstrapBounds: with three documents the bootstrap is over
// documents. d1 (Σw 1.5, 2 events), d2 (Σw −1, 1 event) and d3 (Σw 1.5, 2
// events, the same as d1) give replicates of three documents; the lowest,
// {d2,d2,d2} → −3/8, and the highest, three of d1/d3 → 4.5/11, each come
// up with chance 1/27 (and 8/27), so the 5th percentile lies above −3/8
// and the 95th at 4.5/11.
func TestStatementBootstrapBounds(t *testing.T) {
	evs := append(fixture(), ev("e6", "d3", "RUS", "2019-05-01", 10), ev("e7", "d3", "RUS", "2019-05-01", 5))
	for _, seed := range []uint64{0, 1, 42} {
		p := align.StatementPoint(evs, align.StatementOptions{Bootstrap: align.BootstrapOptions{Seed: seed}})
		if got, want := p.Resampled, align.ResampledDocuments; got != want {
			t.Errorf("seed %d: resampled %q, want %q", seed, got, want)
		}
		if !(p.Lo > -3.0/8 && p.Lo < p.Value) || !near(p.Hi, 4.5/11) {
			t.Errorf("seed %d: interval [%v, %v] around %v, want (−3/8, value) and %v", seed, p.Lo, p.Hi, p.Value, 4.5/11)
		}
	}
}

// TestStatementEventsResampled: with one or two documents the events are
// resampled (a bootstrap over the documents would give no interval), and
// a non-thin point gets an interval of positive width around its value,
// even when its events all weigh the same.
func TestStatementEventsResampled(t *testing.T) {
	same := func(n int, g float64) []event.Event {
		var out []event.Event
		for i := range n {
			out = append(out, ev(fmt.Sprintf("s%d", i), "speech", "RUS", "2019-09-25", g))
		}
		return out
	}
	alike := append(same(1, 4), same(1, 4)...)
	alike = append(alike, same(1, 4)...)
	for i := range alike {
		alike[i].Doc = fmt.Sprint("wire", i)
	}
	tests := []struct {
		name      string
		events    []event.Event
		resampled string
		thin      bool
	}{
		// three wire stories each with one like event: every draw of three
		// documents is the same, so the documents are Poisson-drawn
		{"three alike documents", alike, align.ResampledDocuments, false},
		{"two documents, mixed weights", fixture(), align.ResampledEvents, false},
		{"one speech, four like events", same(4, 4), align.ResampledEvents, false},
		{"one speech, hostile events", same(6, -7), align.ResampledEvents, false},
		{"one speech, two events", same(2, 4), align.ResampledEvents, true},
		// plain comments (Goldstein 0): the value is 0 by construction
		{"one speech, five neutral events", same(5, 0), align.ResampledEvents, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := align.StatementPoint(tc.events, align.StatementOptions{})
			if got, want := p.Resampled, tc.resampled; got != want {
				t.Errorf("resampled: got %q, want %q", got, want)
			}
			if got, want := p.Thin, tc.thin; got != want {
				t.Errorf("thin: got %v, want %v (N %d)", got, want, p.N)
			}
			if !(p.Lo <= p.Value && p.Value <= p.Hi) {
				t.Errorf("value %v outside [%v, %v]", p.Value, p.Lo, p.Hi)
			}
			if !tc.thin && !(p.Hi-p.Lo > 0.01) {
				t.Errorf("interval [%v, %v] has no width", p.Lo, p.Hi)
			}
		})
	}
}

func TestStatementPointClamp(t *testing.T) {
	events := []event.Event{ev("a", "d", "RUS", "2019", 25), ev("b", "d", "RUS", "2019", math.NaN())}
	p := align.StatementPoint(events, align.StatementOptions{Prior: -1})
	if p.N != 1 || p.Value != 1 {
		t.Errorf("out-of-range weight: N %d value %v, want 1 and 1", p.N, p.Value)
	}
}

func TestStatementPointEmpty(t *testing.T) {
	f := fixture()
	p := align.StatementPoint(f[3:], align.StatementOptions{})
	if p.N != 0 || p.Value != 0 || len(p.Evidence) != 0 {
		t.Errorf("only non-counting events: got %+v", p)
	}
}

func TestStatementSeries(t *testing.T) {
	events := append(fixture(),
		ev("x1", "d3", "USA", "2019-03-01", 10), // not in the pole
		ev("x2", "d3", "", "2019-03-01", 10),    // no target
		ev("x3", "d3", "RUS", "", 10),           // no date
		event.Event{ID: "x4", Doc: "d3", Source: "RUS", Target: "BLR", Date: "2019-03-01", Goldstein: 10},
		ev("y1", "d4", "CSTO", "2020-06-01", 4),
	)
	inPole := func(code string, at time.Time) bool {
		return code == "RUS" || (code == "CSTO" && at.Year() >= 2002)
	}
	s := align.StatementSeries("BLR", "RUSSIA", events, inPole, align.Months(2019, 2020), align.StatementOptions{})
	if len(s.Points) != 24 || s.Channel != align.Statements || s.Pole != "RUSSIA" {
		t.Fatalf("series %s %s with %d points", s.Channel, s.Pole, len(s.Points))
	}
	mar, apr, jun20 := s.Points[2], s.Points[3], s.Points[17]
	// March 2019: e1 (+1) and e2 (+0.5) in d1 → 1.5/(2+5).
	if mar.Period != "2019-03" || mar.N != 2 || !near(mar.Value, 1.5/7) {
		t.Errorf("2019-03: %s N=%d value %v, want N=2 value %v", mar.Period, mar.N, mar.Value, 1.5/7)
	}
	// April 2019: e3 dated "2019-04" → −1/6.
	if apr.N != 1 || !near(apr.Value, -1.0/6) {
		t.Errorf("2019-04: N=%d value %v, want 1 and %v", apr.N, apr.Value, -1.0/6)
	}
	if jun20.Period != "2020-06" || jun20.N != 1 || !near(jun20.Value, 0.4/6) {
		t.Errorf("2020-06: %+v", jun20)
	}
	// The same on periods out of order and overlapping (linear search).
	odd := []align.Period{align.Years(2020, 2020)[0], align.Years(2019, 2019)[0], align.Months(2019, 2019)[2]}
	o := align.StatementSeries("BLR", "RUSSIA", events, inPole, odd, align.StatementOptions{})
	if o.Points[0].N != 1 || o.Points[1].N != 3 || o.Points[2].N != 0 {
		t.Errorf("unordered periods: N %d %d %d, want 1 3 0", o.Points[0].N, o.Points[1].N, o.Points[2].N)
	}
	total := 0
	for _, p := range s.Points {
		total += p.N
	}
	if total != 4 {
		t.Errorf("%d events counted in all, want 4", total)
	}
}

func TestEventTime(t *testing.T) {
	tests := []struct {
		date, doc string
		want      string
		ok        bool
	}{
		{"2019-03-05", "", "2019-03-05", true},
		{"2019-03", "", "2019-03-01", true},
		{"2018", "", "2018-01-01", true},
		{"", "2017-06-30", "2017-06-30", true},
		{"garbage", "2017", "2017-01-01", true},
		{"", "", "", false},
	}
	for _, tc := range tests {
		got, ok := align.EventTime(&event.Event{Date: tc.date, DocDate: tc.doc})
		if ok != tc.ok || (ok && got.Format("2006-01-02") != tc.want) {
			t.Errorf("EventTime(%q, %q) = %v, %v; want %s, %v", tc.date, tc.doc, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBootstrapUnits(t *testing.T) {
	mean := func(s, c float64) float64 { return s / c }
	t.Run("identical units", func(t *testing.T) {
		units := []align.Unit{{2, 4}, {2, 4}, {2, 4}}
		lo, hi, err := align.BootstrapUnits(units, mean, align.BootstrapOptions{})
		if err != nil || lo != 0.5 || hi != 0.5 {
			t.Errorf("got [%v, %v] %v, want [0.5, 0.5]", lo, hi, err)
		}
	})
	t.Run("reproducible", func(t *testing.T) {
		var units []align.Unit
		for i := range 50 {
			units = append(units, align.Unit{Sum: float64(i % 7), Count: 1 + float64(i%3)})
		}
		opt := align.BootstrapOptions{Seed: 7, B: 500}
		lo1, hi1, _ := align.BootstrapUnits(units, mean, opt)
		lo2, hi2, _ := align.BootstrapUnits(units, mean, opt)
		if lo1 != lo2 || hi1 != hi2 {
			t.Errorf("same seed gave [%v,%v] and [%v,%v]", lo1, hi1, lo2, hi2)
		}
		opt.Seed = 8
		lo3, hi3, _ := align.BootstrapUnits(units, mean, opt)
		if lo1 == lo3 && hi1 == hi3 {
			t.Errorf("seeds 7 and 8 gave the same interval [%v,%v]", lo1, hi1)
		}
		if !(lo1 < hi1) {
			t.Errorf("empty interval [%v, %v]", lo1, hi1)
		}
	})
	t.Run("errors", func(t *testing.T) {
		if _, _, err := align.BootstrapUnits(nil, mean, align.BootstrapOptions{}); !errors.Is(err, align.ErrNoData) {
			t.Errorf("no units: %v", err)
		}
		units := []align.Unit{{1, 1}}
		if _, _, err := align.BootstrapUnits(units, mean, align.BootstrapOptions{B: 1}); err == nil {
			t.Error("B=1: no error")
		}
		if _, _, err := align.BootstrapUnits(units, mean, align.BootstrapOptions{Level: 1}); err == nil {
			t.Error("level 1: no error")
		}
		nan := func(s, c float64) float64 { return math.NaN() }
		if _, _, err := align.BootstrapUnits(units, nan, align.BootstrapOptions{}); !errors.Is(err, align.ErrNoData) {
			t.Errorf("all NaN: %v", err)
		}
	})
}

// TestBootstrapRollCalls: 100 roll calls, 50 agreements. The sampling sd
// of the mean is √(0.25/100) = 0.05, so the 90% interval is about
// 0.5 ± 1.645·0.05 = [0.418, 0.582]; with 1000 replicates the ends stay
// within ±0.04 of that.
func TestBootstrapRollCalls(t *testing.T) {
	agree := make([]float64, 100)
	for i := range 50 {
		agree[i] = 1
	}
	stat := func(idx []int) float64 {
		s := 0.0
		for _, i := range idx {
			s += agree[i]
		}
		return s / float64(len(idx))
	}
	opt := align.BootstrapOptions{Seed: 3}
	lo, hi, err := align.Bootstrap(len(agree), stat, opt)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(lo-0.418) > 0.04 || math.Abs(hi-0.582) > 0.04 {
		t.Errorf("interval [%v, %v], want about [0.418, 0.582]", lo, hi)
	}
	// Same generator stream: the unit form gives the same interval.
	units := make([]align.Unit, len(agree))
	for i, a := range agree {
		units[i] = align.Unit{Sum: a, Count: 1}
	}
	lo2, hi2, _ := align.BootstrapUnits(units, func(s, c float64) float64 { return s / c }, opt)
	if !near(lo, lo2) || !near(hi, hi2) {
		t.Errorf("Bootstrap [%v,%v] and BootstrapUnits [%v,%v] differ", lo, hi, lo2, hi2)
	}
	if _, _, err := align.Bootstrap(0, stat, opt); !errors.Is(err, align.ErrNoData) {
		t.Errorf("n=0: %v", err)
	}
}

func TestQuantile(t *testing.T) {
	x := []float64{1, 2, 3, 4}
	tests := []struct{ q, want float64 }{{0, 1}, {0.5, 2.5}, {0.9, 3.7}, {1, 4}, {-1, 1}, {2, 4}}
	for _, tc := range tests {
		if got := align.Quantile(x, tc.q); !near(got, tc.want) {
			t.Errorf("Quantile(%v) = %v, want %v", tc.q, got, tc.want)
		}
	}
	if !math.IsNaN(align.Quantile(nil, 0.5)) {
		t.Error("empty: want NaN")
	}
}

func BenchmarkBootstrapUnits(b *testing.B) {
	units := make([]align.Unit, 500)
	for i := range units {
		units[i] = align.Unit{Sum: float64(i%11) - 5, Count: 1 + float64(i%4)}
	}
	stat := func(s, c float64) float64 { return s / (c + 5) }
	for b.Loop() {
		if _, _, err := align.BootstrapUnits(units, stat, align.BootstrapOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStatementPoint(b *testing.B) {
	events := make([]event.Event, 2000)
	for i := range events {
		events[i] = ev("e", string(rune('a'+i%200/26))+string(rune('a'+i%26)), "RUS", "2019", float64(i%21-10))
	}
	for b.Loop() {
		align.StatementPoint(events, align.StatementOptions{})
	}
}

// TestBootstrapPoisson: the replicates' unit counts vary, so a shrunk mean
// of like units gets an interval that holds its value; the same seed gives
// the same interval; no units and bad options are errors.
func TestBootstrapPoisson(t *testing.T) {
	units := []align.Unit{{Sum: 0.4, Count: 1}, {Sum: 0.4, Count: 1}, {Sum: 0.4, Count: 1}, {Sum: 0.4, Count: 1}}
	shrunk := func(s, c float64) float64 { return s / (c + 5) }
	opt := align.BootstrapOptions{Seed: 7}
	lo, hi, err := align.BootstrapPoisson(units, shrunk, opt)
	if err != nil {
		t.Fatal(err)
	}
	if v := shrunk(1.6, 4); !(lo < v && v < hi) {
		t.Errorf("interval [%v, %v] does not hold the value %v", lo, hi, v)
	}
	if lo2, hi2, _ := align.BootstrapPoisson(units, shrunk, opt); lo2 != lo || hi2 != hi {
		t.Errorf("same seed: got [%v, %v], want [%v, %v]", lo2, hi2, lo, hi)
	}
	tests := []struct {
		name  string
		units []align.Unit
		opt   align.BootstrapOptions
	}{
		{"no units", nil, align.BootstrapOptions{}},
		{"one replicate", units, align.BootstrapOptions{B: 1}},
		{"level 1", units, align.BootstrapOptions{Level: 1}},
	}
	for _, tc := range tests {
		if _, _, err := align.BootstrapPoisson(tc.units, shrunk, tc.opt); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}
