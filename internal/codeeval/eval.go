package codeeval

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// Counts holds event-level true positives, false positives and misses.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), or 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), or 0 when nothing was wanted.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of Precision and Recall, or 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Tally counts how many of the scored matched pairs got an attribute right.
type Tally struct {
	Right, Total int
}

// Rate is Right/Total, or 0 when nothing was scored.
func (t Tally) Rate() float64 { return ratio(t.Right, t.Total) }

func (t *Tally) add(ok bool) {
	t.Total++
	if ok {
		t.Right++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Miss is a wanted event that no prediction matched. Got holds every event
// the coder gave for the item, to show what it did instead.
type Miss struct {
	Item Item
	Want Want
	Got  []event.Event
}

// FalsePositive is a counting prediction that matched no wanted event.
type FalsePositive struct {
	Item  Item
	Event event.Event
}

// Mismatch is a matched pair with at least one attribute wrong; Fields
// names them: "code", "negated", "modality", "date", "counted".
type Mismatch struct {
	Item   Item
	Want   Want
	Got    event.Event
	Fields []string
}

// Report is the result of [Evaluate]. See the package documentation for
// the matching rules.
type Report struct {
	Items     int // items evaluated
	Wanted    int // wanted events
	Predicted int // predictions, all of them
	Counts        // matched keys (TP), false positives, misses
	// Duplicates are counting predictions with the key of a matched one in
	// the same item; Ignored are unmatched non-counting predictions.
	Duplicates, Ignored int
	// CountedWrongly is the number of matched pairs whose want does not
	// count (negated or hypothetical) but whose prediction does.
	CountedWrongly int
	// Accuracy among matched pairs.
	Code, Negation, Modality, Date Tally
	// ByRoot is keyed by two-digit root ("01" … "20"), ByRegister by
	// register, ByTopic by the item's topic.
	ByRoot, ByRegister, ByTopic map[string]*Counts
	// NoEvent.Total counts the items that want no event; NoEvent.Right
	// those of them for which the coder gave no counting event.
	NoEvent Tally

	// Confusions counts, for each miss, the roots of the item's unmatched
	// counting predictions with the same source and target: keyed
	// "11>12" (a wanted 11 coded as 12). Each such prediction is counted
	// once, with the first miss it fits.
	Confusions map[string]int

	Misses         []Miss
	FalsePositives []FalsePositive
	Mismatches     []Mismatch
}

// Evaluate codes every item with code (usually the Code method of a
// code.Coder) and scores the events against the items' wants.
func Evaluate(items []Item, code func(doc.Document) []event.Event) *Report {
	r := &Report{
		ByRoot:     map[string]*Counts{},
		ByRegister: map[string]*Counts{},
		ByTopic:    map[string]*Counts{},
		Confusions: map[string]int{},
	}
	for _, it := range items {
		r.add(it, code(it.Document()))
	}
	return r
}

func (r *Report) bump(it Item, root string, f func(*Counts)) {
	for _, m := range []struct {
		m map[string]*Counts
		k string
	}{{r.ByRoot, root}, {r.ByRegister, it.Register}, {r.ByTopic, it.Topic}} {
		c := m.m[m.k]
		if c == nil {
			c = &Counts{}
			m.m[m.k] = c
		}
		f(c)
	}
	f(&r.Counts)
}

type pair struct {
	w, p, score int
}

// add scores one item.
func (r *Report) add(it Item, got []event.Event) {
	r.Items++
	r.Wanted += len(it.Want)
	r.Predicted += len(got)
	if len(it.Want) == 0 {
		clean := true
		for i := range got {
			if got[i].Counts() {
				clean = false
			}
		}
		r.NoEvent.add(clean)
	}
	var pairs []pair
	for wi, w := range it.Want {
		for pi := range got {
			if s, ok := score(w, &got[pi]); ok {
				pairs = append(pairs, pair{wi, pi, s})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.score, a.score) })
	wUsed := make([]bool, len(it.Want))
	pUsed := make([]bool, len(got))
	var matchedKeys []string
	confused := make([]bool, len(got))
	for _, pr := range pairs {
		if wUsed[pr.w] || pUsed[pr.p] {
			continue
		}
		wUsed[pr.w], pUsed[pr.p] = true, true
		w, e := it.Want[pr.w], got[pr.p]
		matchedKeys = append(matchedKeys, key(&e))
		r.bump(it, wantRoot(w), func(c *Counts) { c.TP++ })
		r.check(it, w, e)
	}
	for wi, w := range it.Want {
		if !wUsed[wi] {
			r.bump(it, wantRoot(w), func(c *Counts) { c.FN++ })
			r.Misses = append(r.Misses, Miss{Item: it, Want: w, Got: got})
			for pi := range got {
				e := &got[pi]
				if !pUsed[pi] && !confused[pi] && e.Counts() && alt(w.Source, e.Source) && alt(w.Target, e.Target) {
					confused[pi] = true
					r.Confusions[wantRoot(w)+">"+root(e.CAMEO)]++
					break
				}
			}
		}
	}
	for pi := range got {
		e := &got[pi]
		switch {
		case pUsed[pi]:
		case !e.Counts():
			r.Ignored++
		case slices.Contains(matchedKeys, key(e)):
			r.Duplicates++
		default:
			r.bump(it, root(e.CAMEO), func(c *Counts) { c.FP++ })
			r.FalsePositives = append(r.FalsePositives, FalsePositive{Item: it, Event: *e})
		}
	}
}

// check scores the attributes of a matched pair.
func (r *Report) check(it Item, w Want, e event.Event) {
	var bad []string
	if codes := strings.Split(w.CAMEO, "|"); !slices.ContainsFunc(codes, func(c string) bool { return len(c) < 3 }) {
		ok := slices.ContainsFunc(codes, func(c string) bool { return len(e.CAMEO) >= 3 && e.CAMEO[:3] == c[:3] })
		r.Code.add(ok)
		if !ok {
			bad = append(bad, "code")
		}
	}
	if ok := e.Negated == w.Negated; !r.tally(&r.Negation, ok) {
		bad = append(bad, "negated")
	}
	if ok := e.Modality == w.modality(); !r.tally(&r.Modality, ok) {
		bad = append(bad, "modality")
	}
	if w.Date != "" {
		if ok := strings.HasPrefix(e.Date, w.Date); !r.tally(&r.Date, ok) {
			bad = append(bad, "date")
		}
	}
	if !w.Counts() && e.Counts() {
		r.CountedWrongly++
		bad = append(bad, "counted")
	}
	if len(bad) > 0 {
		r.Mismatches = append(r.Mismatches, Mismatch{Item: it, Want: w, Got: e, Fields: bad})
	}
}

func (r *Report) tally(t *Tally, ok bool) bool {
	t.add(ok)
	return ok
}

// score reports whether prediction e may match want w (see the package
// documentation) and, if so, how many of its attributes agree.
func score(w Want, e *event.Event) (int, bool) {
	if !alt(w.Source, e.Source) || !alt(w.Target, e.Target) {
		return 0, false
	}
	if !e.Counts() && w.Counts() {
		return 0, false
	}
	r := root(e.CAMEO)
	s, ok := 0, false
	for _, c := range strings.Split(w.CAMEO, "|") {
		if root(c) == r {
			ok = true
			if len(c) >= 3 && len(e.CAMEO) >= 3 && c[:3] == e.CAMEO[:3] {
				s = 1
			}
		}
	}
	if !ok {
		return 0, false
	}
	if e.Negated == w.Negated {
		s++
	}
	if e.Modality == w.modality() {
		s++
	}
	if w.Date != "" && strings.HasPrefix(e.Date, w.Date) {
		s++
	}
	return s, true
}

// alt reports whether v is one of the "|"-separated alternatives of list.
func alt(list, v string) bool {
	for a := range strings.SplitSeq(list, "|") {
		if a == v {
			return true
		}
	}
	return false
}

// root returns the first two characters of a CAMEO code, or the code.
func root(c string) string {
	if len(c) < 2 {
		return c
	}
	return c[:2]
}

// wantRoot is the root a want is counted under: its first alternative's.
func wantRoot(w Want) string {
	c, _, _ := strings.Cut(w.CAMEO, "|")
	return root(c)
}

func key(e *event.Event) string { return e.Source + ">" + e.Target + " " + root(e.CAMEO) }

// Write prints the report for people: the summary, per-root, per-register
// and per-topic tables, then every miss, false positive and mismatch with
// its text.
func (r *Report) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	pct := func(x float64) string { return fmt.Sprintf("%5.1f%%", 100*x) }
	fmt.Fprintf(bw, "items %d, wanted events %d, predictions %d\n", r.Items, r.Wanted, r.Predicted)
	fmt.Fprintf(bw, "event (source, target, root): P %s  R %s  F1 %s  (TP %d, FP %d, FN %d; duplicates %d, ignored non-counting %d)\n",
		pct(r.Precision()), pct(r.Recall()), pct(r.F1()), r.TP, r.FP, r.FN, r.Duplicates, r.Ignored)
	for _, t := range []struct {
		name string
		t    Tally
	}{{"exact code", r.Code}, {"negation", r.Negation}, {"modality", r.Modality}, {"date", r.Date}, {"no-event items clean", r.NoEvent}} {
		fmt.Fprintf(bw, "%-22s %s  (%d/%d)\n", t.name, pct(t.t.Rate()), t.t.Right, t.t.Total)
	}
	fmt.Fprintf(bw, "counted wrongly (negated/hypothetical wanted, counting predicted): %d\n", r.CountedWrongly)
	for _, tab := range []struct {
		name string
		m    map[string]*Counts
	}{{"root", r.ByRoot}, {"register", r.ByRegister}, {"topic", r.ByTopic}} {
		fmt.Fprintf(bw, "\n%-38s %6s %6s %6s %4s %4s %4s\n", "by "+tab.name, "P", "R", "F1", "TP", "FP", "FN")
		for _, k := range slices.Sorted(mapKeys(tab.m)) {
			c := tab.m[k]
			fmt.Fprintf(bw, "%-38s %6s %6s %6s %4d %4d %4d\n", k, pct(c.Precision()), pct(c.Recall()), pct(c.F1()), c.TP, c.FP, c.FN)
		}
	}
	fmt.Fprintf(bw, "\nROOT CONFUSIONS (wanted>coded, same source and target)\n")
	conf := slices.Sorted(func(yield func(string) bool) {
		for k := range r.Confusions {
			if !yield(k) {
				return
			}
		}
	})
	slices.SortStableFunc(conf, func(a, b string) int { return cmp.Compare(r.Confusions[b], r.Confusions[a]) })
	for _, k := range conf {
		fmt.Fprintf(bw, "%-8s %d\n", k, r.Confusions[k])
	}
	fmt.Fprintf(bw, "\nMISSES (%d)\n", len(r.Misses))
	for _, m := range r.Misses {
		fmt.Fprintf(bw, "- [%s %s] %s\n    want %s\n    got  %s\n", m.Item.ID, m.Item.Register, oneLine(m.Item.Text), formatWant(m.Want), formatEvents(m.Got))
	}
	fmt.Fprintf(bw, "\nFALSE POSITIVES (%d)\n", len(r.FalsePositives))
	for _, f := range r.FalsePositives {
		fmt.Fprintf(bw, "- [%s %s] %s\n    got  %s\n", f.Item.ID, f.Item.Register, oneLine(f.Item.Text), formatEvent(&f.Event))
	}
	fmt.Fprintf(bw, "\nMISMATCHES (%d)\n", len(r.Mismatches))
	for _, m := range r.Mismatches {
		fmt.Fprintf(bw, "- [%s %s] %s: %s\n    want %s\n    got  %s\n", m.Item.ID, m.Item.Register, strings.Join(m.Fields, ","), oneLine(m.Item.Text), formatWant(m.Want), formatEvent(&m.Got))
	}
	return bw.Flush()
}

func mapKeys(m map[string]*Counts) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "⏎") }

func formatWant(w Want) string {
	s := fmt.Sprintf("%s>%s %s %s", w.Source, w.Target, w.CAMEO, w.modality())
	if w.Negated {
		s += " negated"
	}
	if w.Date != "" {
		s += " @" + w.Date
	}
	return s
}

func formatEvent(e *event.Event) string {
	s := fmt.Sprintf("%s>%s %s %s", e.Source, e.Target, e.CAMEO, e.Modality)
	if e.Negated {
		s += " negated"
	}
	return s + fmt.Sprintf(" @%s/%s rule=%s", e.Date, e.DatePrecision, e.Rule)
}

func formatEvents(es []event.Event) string {
	if len(es) == 0 {
		return "(nothing)"
	}
	parts := make([]string, len(es))
	for i := range es {
		parts[i] = formatEvent(&es[i])
	}
	return strings.Join(parts, "; ")
}
