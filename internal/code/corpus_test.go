package code_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/code"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
	"github.com/fulcrum-dev/fulcrum/internal/text"
)

// speech is one UN General Debate statement from index.csv.
type speech struct {
	iso3 string
	year int
	path string
}

func speeches(tb testing.TB) []speech {
	tb.Helper()
	dir := sharedtest.Dir(tb, "ungdc_speeches")
	f, err := os.Open(filepath.Join(dir, "index.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("index.csv: %v", err)
	}
	var out []speech
	for i, r := range recs {
		if i == 0 {
			continue
		}
		y, err := strconv.Atoi(r[2])
		if err != nil {
			tb.Fatalf("index.csv line %d: year %q", i+1, r[2])
		}
		out = append(out, speech{iso3: r[0], year: y, path: filepath.Join(dir, r[3])})
	}
	return out
}

// loadSpeech reads a speech as a document: BOM stripped, CRLF normalised,
// Author the speaking country, dated by its session's year.
func loadSpeech(tb testing.TB, s speech) doc.Document {
	tb.Helper()
	b, err := os.ReadFile(s.path)
	if err != nil {
		tb.Fatal(err)
	}
	t := text.Clean(string(b))
	return doc.Document{ID: doc.HashID(t), Source: s.path, Format: "text", Text: t, Author: s.iso3,
		Date: time.Date(s.year, 9, 1, 0, 0, 0, 0, time.UTC), DatePrecision: event.PrecisionYear}
}

func TestSpeechCorpus(t *testing.T) {
	sp := speeches(t)
	if len(sp) != 873 {
		t.Errorf("index.csv lists %d speeches, want 873", len(sp))
	}
	c := builtin(t)
	var total, own, targeted, speechesWithEvents, ownMajority int
	var shares []float64
	byRoot := map[string]int{}
	var evs []event.Event
	for _, s := range sp {
		d := loadSpeech(t, s)
		evs = c.AppendEvents(evs[:0], d)
		n, o := 0, 0
		for _, e := range evs {
			if e.Evidence.Start < 0 || e.Evidence.End > len(d.Text) || d.Text[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
				t.Fatalf("%s: evidence %d-%d outside the text", s.path, e.Evidence.Start, e.Evidence.End)
			}
			if e.Source == "" || e.CAMEO == "" || e.Rule == "" {
				t.Fatalf("%s: incomplete event %+v", s.path, e)
			}
			n++
			if e.Source == s.iso3 {
				o++
			}
			if e.Target != "" {
				targeted++
			}
			byRoot[e.CAMEO[:2]]++
		}
		total += n
		own += o
		if n > 0 {
			speechesWithEvents++
			shares = append(shares, float64(o)/float64(n))
			if 2*o > n {
				ownMajority++
			}
		}
	}
	sort.Float64s(shares)
	median := shares[len(shares)/2]
	t.Logf("%d speeches, %d events; speaker is the source of %.1f%% of events (median per speech %.1f%%; a majority in %d of %d speeches); %.1f%% of events have a target",
		len(sp), total, 100*float64(own)/float64(total), 100*median, ownMajority, speechesWithEvents, 100*float64(targeted)/float64(total))
	var roots []string
	for r, n := range byRoot {
		roots = append(roots, r+":"+strconv.Itoa(n))
	}
	sort.Strings(roots)
	t.Logf("events by CAMEO root: %s", strings.Join(roots, " "))
	if speechesWithEvents < len(sp)*9/10 {
		t.Errorf("only %d of %d speeches gave events", speechesWithEvents, len(sp))
	}
	if median < 0.5 || 2*ownMajority < speechesWithEvents {
		t.Errorf("the speaking country is the source of a median %.2f of a speech's events; want most", median)
	}
	if 2*targeted < total {
		t.Errorf("%d of %d events have a target; want most", targeted, total)
	}
	if len(byRoot) < 18 {
		t.Errorf("events reach only %d CAMEO roots", len(byRoot))
	}
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's peak resident set size in bytes (Linux), or 0.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// BenchmarkCode codes the whole speech corpus, streaming one document at
// a time, and reports sentences per second of wall time and of CPU time
// (the machine may be shared), and the peak resident memory.
func BenchmarkCode(b *testing.B) {
	sp := speeches(b)
	c := builtin(b)
	sentences := 0
	var bytes int64
	for _, s := range sp {
		d := loadSpeech(b, s)
		sentences += len(text.Split(d.Text))
		bytes += int64(len(d.Text))
	}
	b.SetBytes(bytes)
	var evs []event.Event
	nev := 0
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		nev = 0
		for _, s := range sp {
			b.StopTimer()
			d := loadSpeech(b, s)
			b.StartTimer()
			evs = c.AppendEvents(evs[:0], d)
			nev += len(evs)
		}
	}
	el := b.Elapsed()
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(sentences)*float64(b.N)/el.Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(sentences)*float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
	b.ReportMetric(float64(nev), "events")
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak-MB")
}

// BenchmarkLoad measures loading the built-in dictionary and rules; run it
// in a fresh process (bench/code.sh does) to see the first, uncached load.
func BenchmarkLoad(b *testing.B) {
	start := time.Now()
	d, err := actors.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	first := time.Since(start)
	var rulesTime time.Duration
	for b.Loop() {
		t0 := time.Now()
		rs, err := code.DefaultRules()
		if err != nil {
			b.Fatal(err)
		}
		code.New(d, rs)
		rulesTime = time.Since(t0)
	}
	b.ReportMetric(float64(first.Milliseconds()), "dict-first-load-ms")
	b.ReportMetric(float64(rulesTime.Microseconds())/1000, "rules-load-ms")
}
