package align

import (
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// DefaultPrior is the default prior strength k of [StatementPoint]: the
// number of imaginary neutral events (weight 0) added to every period.
const DefaultPrior = 5.0

// StatementOptions tune the statements channel. The zero value uses the
// defaults.
type StatementOptions struct {
	// Prior is the prior strength k (imaginary neutral events); 0 means
	// DefaultPrior (5). Use a negative value for no shrinkage (k = 0).
	Prior     float64
	Bootstrap BootstrapOptions
}

func (o StatementOptions) k() float64 {
	switch {
	case o.Prior == 0:
		return DefaultPrior
	case o.Prior < 0:
		return 0
	}
	return o.Prior
}

// StatementPoint computes the statements channel from events already
// chosen for one period and pole (the focal state's events toward the
// pole's members). Only events for which [event.Event.Counts] is true are
// used (negated and hypothetical statements never count). With w_i =
// Goldstein_i / 10 (clamped to [−1, 1]; events with a NaN weight are
// skipped) for the n counting events and prior strength k:
//
//	Value = Σ w_i / (n + k)
//
// which is the mean intensity Σw/n shrunk toward 0 by the factor
// n/(n + k): 5 events at +10 with k = 5 give 0.5, 50 give 0.91.
//
// The interval is a bootstrap of the same formula. With [MinDocuments] (3)
// or more documents it is the cluster bootstrap over documents
// ([BootstrapUnits] with Unit{Sum: Σw of the document, Count: its n}),
// since events from one document are not independent; events without a
// document id form their own cluster; Resampled is [ResampledDocuments].
// When the documents are alike (the same Σw and n), every such replicate
// is the same, and each document is drawn a Poisson(1) number of times
// instead ([BootstrapPoisson]).
// With one or two documents, a bootstrap over them is no interval (one
// document: zero width; two: just their own values), so the events are
// resampled instead, each drawn a Poisson(1) number of times
// ([BootstrapPoisson]: the event count varies as the shrinkage expects,
// so a speech whose events all weigh the same still gets an interval);
// Resampled is [ResampledEvents]. Events of one speech are not
// independent (one speaker, one occasion, one line), so that interval is
// narrower than the truth: it shows how much the value rests on single
// events, not how the state would speak on another occasion.
//
// N is n, Units the number of documents, Evidence the ids of the counting
// events; the point is [Point.Thin] with fewer than [MinEvents] counting
// events, or when its interval has no width because every counting event
// weighs 0 ([IsThin]). With no counting event the point has N = 0 and Value 0.
func StatementPoint(events []event.Event, opt StatementOptions) Point {
	k := opt.k()
	var p Point
	byDoc := map[string]int{}
	var units, evUnits []Unit
	sum := 0.0
	for i := range events {
		e := &events[i]
		if !e.Counts() || math.IsNaN(e.Goldstein) {
			continue
		}
		w := max(-1, min(1, e.Weight()/10))
		key := e.Doc
		if key == "" {
			key = "\x00" + e.ID + "\x00" + strconv.Itoa(i)
		}
		j, ok := byDoc[key]
		if !ok {
			j = len(units)
			byDoc[key] = j
			units = append(units, Unit{})
		}
		units[j].Sum += w
		units[j].Count++
		evUnits = append(evUnits, Unit{Sum: w, Count: 1})
		sum += w
		p.N++
		p.Evidence = append(p.Evidence, e.ID)
	}
	p.Units = len(units)
	if p.N == 0 {
		return p
	}
	stat := func(s, c float64) float64 { return s / (c + k) }
	p.Value = stat(sum, float64(p.N))
	p.Lo, p.Hi = p.Value, p.Value
	var lo, hi float64
	var err error
	if p.Units >= MinDocuments {
		p.Resampled = ResampledDocuments
		lo, hi, err = BootstrapUnits(units, stat, opt.Bootstrap)
		if err == nil && !(hi > lo) {
			// alike documents: every multinomial replicate is the same
			lo, hi, err = BootstrapPoisson(units, stat, opt.Bootstrap)
		}
	} else {
		p.Resampled = ResampledEvents
		lo, hi, err = BootstrapPoisson(evUnits, stat, opt.Bootstrap)
	}
	if err == nil {
		p.Lo, p.Hi = lo, hi
	}
	p.Thin = IsThin(Statements, p)
	return p
}

// periodOf returns the index of the period containing t, or −1: by
// binary search when the periods are in order and disjoint, else the first
// that contains t.
func periodOf(periods []Period, disjoint bool, t time.Time) int {
	if !disjoint {
		for j, p := range periods {
			if p.Contains(t) {
				return j
			}
		}
		return -1
	}
	// the last period starting at or before t
	j := sort.Search(len(periods), func(i int) bool { return periods[i].Start.After(t) }) - 1
	if j >= 0 && periods[j].Contains(t) {
		return j
	}
	return -1
}

// EventTime returns when an event happened: its Date ("2006-01-02",
// "2006-01" or "2006"; a month or year stands for its first day), else its
// DocDate in the same layouts. ok is false when neither parses.
func EventTime(e *event.Event) (time.Time, bool) {
	for _, s := range []string{e.Date, e.DocDate} {
		for _, layout := range []string{"2006-01-02", "2006-01", "2006", time.RFC3339} {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// StatementSeries computes [StatementPoint] for each period from the
// events whose Source is focal and whose Target belongs to the pole at the
// event's time (inPole(target, time): true for the pole's member states and
// for its organisations themselves); events without a target or a time are
// skipped. An event dated only to a year or month falls in the
// period containing the first day of that year or month. Periods without
// counting events give points with N = 0.
func StatementSeries(focal, pole string, events []event.Event, inPole func(code string, at time.Time) bool, periods []Period, opt StatementOptions) Series {
	s := Series{Channel: Statements, Pole: pole, Points: make([]Point, len(periods))}
	buckets := make([][]event.Event, len(periods))
	disjoint := true
	for i := 1; i < len(periods); i++ {
		if periods[i].Start.Before(periods[i-1].End) {
			disjoint = false
			break
		}
	}
	for i := range events {
		e := &events[i]
		if e.Source != focal || e.Target == "" {
			continue
		}
		t, ok := EventTime(e)
		if !ok || !inPole(e.Target, t) {
			continue
		}
		if j := periodOf(periods, disjoint, t); j >= 0 {
			buckets[j] = append(buckets[j], *e)
		}
	}
	for j, p := range periods {
		pt := StatementPoint(buckets[j], opt)
		pt.Period, pt.Start, pt.End = p.Label, p.Start, p.End
		s.Points[j] = pt
	}
	return s
}
