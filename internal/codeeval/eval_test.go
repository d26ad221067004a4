package codeeval_test

import (
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/code"
	"github.com/fulcrum-dev/fulcrum/internal/codeeval"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// Floors guard the coder against regressions on the built-in set. They sit
// a little under the values measured on 2026-11-28 with the coder at
// 6ea3393 (546 items, 636 wanted events; the last 40 written blind,
// before the coder was run on them): P 88.6%, R 87.7%, F1 88.2%, exact
// code 93.5%, negation 100%, modality 94.4%, date 96.9%, no-event items
// clean 91.4%. Earlier: F1 87.6% (1138f54, 506 items), 86.4% (1fa961c,
// 406 items), 71.7% (36582d9, 377 items), 65.9% (4115906). Raise them when
// the coder improves; lower them only with a reason.
const (
	floorPrecision = 0.88
	floorRecall    = 0.87
	floorF1        = 0.875
	floorCode      = 0.925
	floorNegation  = 0.95
	floorModality  = 0.94
	floorDate      = 0.96
	floorNoEvent   = 0.90
)

func coder(tb testing.TB) *code.Coder {
	tb.Helper()
	d, err := actors.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	rs, err := code.DefaultRules()
	if err != nil {
		tb.Fatal(err)
	}
	return code.New(d, rs)
}

// TestEval prints the full report (go test ./internal/codeeval -run
// TestEval -v) and fails when a figure falls under its floor.
func TestEval(t *testing.T) {
	items, err := codeeval.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := codeeval.Evaluate(items, coder(t).Code)
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"precision", r.Precision(), floorPrecision},
		{"recall", r.Recall(), floorRecall},
		{"F1", r.F1(), floorF1},
		{"exact code", r.Code.Rate(), floorCode},
		{"negation", r.Negation.Rate(), floorNegation},
		{"modality", r.Modality.Rate(), floorModality},
		{"date", r.Date.Rate(), floorDate},
		{"no-event items", r.NoEvent.Rate(), floorNoEvent},
	} {
		if f.got < f.floor {
			t.Errorf("%s = %.3f, under its floor %.2f", f.name, f.got, f.floor)
		}
	}
}

// TestDefaultSet checks the coverage the set promises: every CAMEO root
// with at least 8 wanted events, all three registers, and items that want
// no event.
func TestDefaultSet(t *testing.T) {
	items, err := codeeval.Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(items); got < 250 {
		t.Errorf("got %d items, want at least 250", got)
	}
	roots := map[string]int{}
	regs := map[string]int{}
	none := 0
	for _, it := range items {
		regs[it.Register]++
		if len(it.Want) == 0 {
			none++
		}
		for _, w := range it.Want {
			roots[w.CAMEO[:2]]++
		}
	}
	for i := 1; i <= 20; i++ {
		k := string(rune('0'+i/10)) + string(rune('0'+i%10))
		if roots[k] < 8 {
			t.Errorf("root %s: %d wanted events, want at least 8", k, roots[k])
		}
	}
	for _, reg := range []string{codeeval.Wire, codeeval.Brief, codeeval.Speech} {
		if regs[reg] < 20 {
			t.Errorf("register %s: %d items, want at least 20", reg, regs[reg])
		}
	}
	if none < 15 {
		t.Errorf("%d items want no event, want at least 15", none)
	}
}

// ev builds a predicted event.
func ev(src, tgt, cameo string, neg bool, mod, date string) event.Event {
	return event.Event{Source: src, Target: tgt, CAMEO: cameo, Negated: neg, Modality: mod, Date: date}
}

func TestEvaluateMatching(t *testing.T) {
	asserted := event.Asserted
	tests := []struct {
		name string
		want []codeeval.Want
		got  []event.Event
		// expected figures
		tp, fp, fn, dup, ign, wrongCount int
		code, neg, mod, date             codeeval.Tally
	}{
		{
			name: "exact match",
			want: []codeeval.Want{{Source: "RUS", Target: "UKR", CAMEO: "194", Date: "2019-03-05"}},
			got:  []event.Event{ev("RUS", "UKR", "194", false, asserted, "2019-03-05")},
			tp:   1, code: codeeval.Tally{Right: 1, Total: 1}, neg: codeeval.Tally{Right: 1, Total: 1},
			mod: codeeval.Tally{Right: 1, Total: 1}, date: codeeval.Tally{Right: 1, Total: 1},
		},
		{
			name: "root matches, code and date do not",
			want: []codeeval.Want{{Source: "RUS", Target: "UKR", CAMEO: "194", Date: "2019-03"}},
			got:  []event.Event{ev("RUS", "UKR", "190", false, asserted, "2020-03-10")},
			tp:   1, code: codeeval.Tally{Total: 1}, neg: codeeval.Tally{Right: 1, Total: 1},
			mod: codeeval.Tally{Right: 1, Total: 1}, date: codeeval.Tally{Total: 1},
		},
		{
			name: "month date accepts a day in it; root-only want scores no code",
			want: []codeeval.Want{{Source: "EU", Target: "BLR", CAMEO: "16", Date: "2020-10"}},
			got:  []event.Event{ev("EU", "BLR", "163", false, asserted, "2020-10-02")},
			tp:   1, neg: codeeval.Tally{Right: 1, Total: 1},
			mod: codeeval.Tally{Right: 1, Total: 1}, date: codeeval.Tally{Right: 1, Total: 1},
		},
		{
			name: "wrong target is a miss and a false positive",
			want: []codeeval.Want{{Source: "RUS", Target: "UKR", CAMEO: "19"}},
			got:  []event.Event{ev("RUS", "BLR", "190", false, asserted, "")},
			fp:   1, fn: 1,
		},
		{
			name: "wrong root is a miss and a false positive",
			want: []codeeval.Want{{Source: "RUS", Target: "UKR", CAMEO: "11"}},
			got:  []event.Event{ev("RUS", "UKR", "120", false, asserted, "")},
			fp:   1, fn: 1,
		},
		{
			name: "alternatives in source, target and code; empty target alternative",
			want: []codeeval.Want{{Source: "BLR|RUS", Target: "BLR|", CAMEO: "173|17"}},
			got:  []event.Event{ev("BLR", "", "173", false, asserted, "")},
			tp:   1, code: codeeval.Tally{}, neg: codeeval.Tally{Right: 1, Total: 1}, mod: codeeval.Tally{Right: 1, Total: 1},
		},
		{
			name: "negated prediction cannot match an asserted want and is ignored",
			want: []codeeval.Want{{Source: "BLR", Target: "RUS", CAMEO: "12"}},
			got:  []event.Event{ev("BLR", "RUS", "054", true, asserted, ""), ev("BLR", "RUS", "120", true, asserted, "")},
			fn:   1, ign: 2,
		},
		{
			name: "negated prediction matches a negated want",
			want: []codeeval.Want{{Source: "KAZ", Target: "RUS", CAMEO: "054", Negated: true}},
			got:  []event.Event{ev("KAZ", "RUS", "054", true, asserted, "")},
			tp:   1, code: codeeval.Tally{Right: 1, Total: 1}, neg: codeeval.Tally{Right: 1, Total: 1}, mod: codeeval.Tally{Right: 1, Total: 1},
		},
		{
			name: "counting prediction of a negated want is matched but counted wrongly",
			want: []codeeval.Want{{Source: "KAZ", Target: "RUS", CAMEO: "054", Negated: true}},
			got:  []event.Event{ev("KAZ", "RUS", "054", false, asserted, "")},
			tp:   1, wrongCount: 1, code: codeeval.Tally{Right: 1, Total: 1}, neg: codeeval.Tally{Total: 1}, mod: codeeval.Tally{Right: 1, Total: 1},
		},
		{
			name: "hypothetical want and prediction",
			want: []codeeval.Want{{Source: "UKR", Target: "RUS", CAMEO: "13", Modality: event.Hypothetical}},
			got:  []event.Event{ev("UKR", "RUS", "138", false, event.Hypothetical, "")},
			tp:   1, neg: codeeval.Tally{Right: 1, Total: 1}, mod: codeeval.Tally{Right: 1, Total: 1},
		},
		{
			name: "same key twice is one match and a duplicate",
			want: []codeeval.Want{{Source: "EU", Target: "BLR", CAMEO: "163"}},
			got:  []event.Event{ev("EU", "BLR", "160", false, asserted, ""), ev("EU", "BLR", "163", false, asserted, "")},
			tp:   1, dup: 1, code: codeeval.Tally{Right: 1, Total: 1}, neg: codeeval.Tally{Right: 1, Total: 1}, mod: codeeval.Tally{Right: 1, Total: 1},
		},
		{
			name: "no event wanted: counting prediction is a false positive",
			got:  []event.Event{ev("RUS", "ESP", "190", false, asserted, "")},
			fp:   1,
		},
		{
			name: "best pair wins: modality decides between two wants of one key",
			want: []codeeval.Want{
				{Source: "BLR", Target: "RUS", CAMEO: "03", Modality: event.Intent},
				{Source: "BLR", Target: "RUS", CAMEO: "057"},
			},
			got: []event.Event{ev("BLR", "RUS", "057", false, asserted, ""), ev("BLR", "RUS", "036", false, event.Intent, "")},
			tp:  2, code: codeeval.Tally{Right: 1, Total: 1}, neg: codeeval.Tally{Right: 2, Total: 2}, mod: codeeval.Tally{Right: 2, Total: 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := codeeval.Item{ID: "t", Register: codeeval.Wire, DocDate: "2020-03-10", Text: "x", Want: tc.want}
			r := codeeval.Evaluate([]codeeval.Item{it}, func(doc.Document) []event.Event { return tc.got })
			type figs struct {
				TP, FP, FN, Dup, Ign, Wrong int
				Code, Neg, Mod, Date        codeeval.Tally
			}
			got := figs{r.TP, r.FP, r.FN, r.Duplicates, r.Ignored, r.CountedWrongly, r.Code, r.Negation, r.Modality, r.Date}
			want := figs{tc.tp, tc.fp, tc.fn, tc.dup, tc.ign, tc.wrongCount, tc.code, tc.neg, tc.mod, tc.date}
			if got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
			if len(r.Misses) != tc.fn || len(r.FalsePositives) != tc.fp {
				t.Errorf("listed %d misses and %d false positives, want %d and %d", len(r.Misses), len(r.FalsePositives), tc.fn, tc.fp)
			}
		})
	}
}

func TestEvaluateBreakdown(t *testing.T) {
	items := []codeeval.Item{
		{ID: "a", Register: codeeval.Wire, Topic: "x", DocDate: "2020-01-01", Text: "a", Want: []codeeval.Want{{Source: "RUS", Target: "UKR", CAMEO: "19"}}},
		{ID: "b", Register: codeeval.Speech, Topic: "y", DocDate: "2020-01-01", Text: "b", Want: []codeeval.Want{{Source: "BLR", Target: "EU", CAMEO: "11"}}},
	}
	r := codeeval.Evaluate(items, func(d doc.Document) []event.Event {
		if d.ID == "eval-a" {
			return []event.Event{ev("RUS", "UKR", "194", false, event.Asserted, "")}
		}
		return []event.Event{ev("BLR", "EU", "120", false, event.Asserted, "")}
	})
	for _, tc := range []struct {
		name string
		got  *codeeval.Counts
		want codeeval.Counts
	}{
		{"root 19", r.ByRoot["19"], codeeval.Counts{TP: 1}},
		{"root 11", r.ByRoot["11"], codeeval.Counts{FN: 1}},
		{"root 12", r.ByRoot["12"], codeeval.Counts{FP: 1}},
		{"wire", r.ByRegister[codeeval.Wire], codeeval.Counts{TP: 1}},
		{"speech", r.ByRegister[codeeval.Speech], codeeval.Counts{FP: 1, FN: 1}},
		{"topic y", r.ByTopic["y"], codeeval.Counts{FP: 1, FN: 1}},
	} {
		if tc.got == nil || *tc.got != tc.want {
			t.Errorf("%s: got %v, want %+v", tc.name, tc.got, tc.want)
		}
	}
	if got, want := r.Confusions["11>12"], 1; got != want {
		t.Errorf("confusions 11>12 = %d, want %d (all: %v)", got, want, r.Confusions)
	}
	if got, want := r.F1(), 0.5; got != want {
		t.Errorf("F1 = %v, want %v", got, want)
	}
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"MISSES (1)", "[b speech] b", "want BLR>EU 11 asserted", "got  BLR>EU 120", "FALSE POSITIVES (1)", "11>12    1"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, b.String())
		}
	}
}

func TestItemDocument(t *testing.T) {
	it := codeeval.Item{ID: "7", Register: codeeval.Speech, DocDate: "2019-09-25", Author: "BLR", Text: "We call on…"}
	d := it.Document()
	if d.ID != "eval-7" || d.Author != "BLR" || d.Text != it.Text || d.Date.Format("2006-01-02") != "2019-09-25" || d.DatePrecision != event.PrecisionDay {
		t.Errorf("got %+v", d)
	}
}

// BenchmarkEvaluate codes and scores the whole built-in set; the figure
// is dominated by the coder.
func BenchmarkEvaluate(b *testing.B) {
	items, err := codeeval.Default()
	if err != nil {
		b.Fatal(err)
	}
	c := coder(b)
	for b.Loop() {
		codeeval.Evaluate(items, c.Code)
	}
	b.ReportMetric(float64(len(items)*b.N)/b.Elapsed().Seconds(), "items/s")
}
