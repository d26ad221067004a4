package store_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/statements"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// benchDoc returns document i: 50 sentences, one event each.
func benchDoc(i int) (doc.Document, []event.Event) {
	var b strings.Builder
	fmt.Fprintf(&b, "Statement %d.\n", i)
	starts := make([]int, 50)
	for j := range starts {
		starts[j] = b.Len()
		fmt.Fprintf(&b, "On 5 March 2019 the minister of Belarus said Minsk is ready for dialogue with partner %d.\n", j)
	}
	d := doc.Document{Source: "bench.txt", Format: "text", Title: "bench", Text: b.String()}
	d.ID = doc.HashID(d.Text)
	evs := make([]event.Event, 50)
	cameos := []string{"036", "030", "057", "0311", "173"}
	for j := range evs {
		end := strings.IndexByte(d.Text[starts[j]:], '\n') + starts[j]
		e := event.Event{Doc: d.ID, Date: "2019-03-05", DatePrecision: event.PrecisionDay, Source: "BLR", Target: "RUS",
			CAMEO: cameos[j%len(cameos)], Modality: event.Asserted, Rule: "bench", Origin: event.OriginText,
			Evidence: event.Evidence{Start: starts[j], End: end, Text: d.Text[starts[j]:end]}}
		e.Fill()
		e.ID = event.MakeID(d.ID, fmt.Sprint(j))
		evs[j] = e
	}
	return d, evs
}

// BenchmarkPutDocument stores new documents of 50 events each.
func BenchmarkPutDocument(b *testing.B) {
	s := open(b)
	i := 0
	for b.Loop() {
		d, evs := benchDoc(i)
		i++
		if _, err := s.PutDocument(b.Context(), d, evs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(i*50)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkPutDocumentUnchanged re-ingests a stored document (the
// idempotent path of a repeated `fulcrum ingest`).
func BenchmarkPutDocumentUnchanged(b *testing.B) {
	s := open(b)
	d, evs := benchDoc(0)
	if _, err := s.PutDocument(b.Context(), d, evs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if added, err := s.PutDocument(b.Context(), d, evs); err != nil || added {
			b.Fatal(added, err)
		}
	}
}

// BenchmarkEvents lists one source's events out of 10,000.
func BenchmarkEvents(b *testing.B) {
	s := open(b)
	for i := range 200 {
		d, evs := benchDoc(i)
		if i%2 == 1 {
			for j := range evs {
				evs[j].Source = "UKR"
			}
		}
		if _, err := s.PutDocument(b.Context(), d, evs); err != nil {
			b.Fatal(err)
		}
	}
	f := store.EventFilter{Sources: []string{"UKR"}, CAMEORoots: []string{"03"}}
	for b.Loop() {
		evs, err := s.Events(b.Context(), f)
		if err != nil || len(evs) != 100*30 {
			b.Fatal(len(evs), err)
		}
	}
}

// builtinStore returns a store holding the built-in statements dataset
// (about 28,000 events whose speeches are not stored as documents), as
// `fulcrum report` finds it, at path.
func builtinStore(b *testing.B, path string) *store.Store {
	b.Helper()
	evs, err := statements.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	plain := make([]event.Event, len(evs))
	for i := range evs {
		plain[i] = evs[i].Event
	}
	s, err := store.Open(b.Context(), path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.PutEvents(b.Context(), plain); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkEventsOneSource lists one state's events of the built-in
// statements, as `fulcrum report BLR` does, on a warm engine.
func BenchmarkEventsOneSource(b *testing.B) {
	s := builtinStore(b, filepath.Join(b.TempDir(), "f.db"))
	defer s.Close()
	f := store.EventFilter{Sources: []string{"BLR"}}
	n := 0
	cpu := cpuTime()
	for b.Loop() {
		evs, err := s.Events(b.Context(), f)
		if err != nil || len(evs) == 0 {
			b.Fatal(len(evs), err)
		}
		n = len(evs)
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(n), "events/op")
}

// BenchmarkEventsOneSourceCold is BenchmarkEventsOneSource on a freshly
// opened database each time (the reopening is not timed): the case of a
// `fulcrum report` run, a new process that queries once.
func BenchmarkEventsOneSourceCold(b *testing.B) {
	path := filepath.Join(b.TempDir(), "f.db")
	if err := builtinStore(b, path).Close(); err != nil {
		b.Fatal(err)
	}
	f := store.EventFilter{Sources: []string{"BLR"}}
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		s, err := store.Open(b.Context(), path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c := cpuTime()
		evs, err := s.Events(b.Context(), f)
		if err != nil || len(evs) == 0 {
			b.Fatal(len(evs), err)
		}
		cpu += cpuTime() - c
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkPutDocuments stores new documents of 50 events each in batches
// of 32.
func BenchmarkPutDocuments(b *testing.B) {
	s := open(b)
	i := 0
	batch := make([]store.Ingest, 32)
	for b.Loop() {
		for k := range batch {
			batch[k].Doc, batch[k].Events = benchDoc(i)
			i++
		}
		if _, err := s.PutDocuments(b.Context(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(i*50)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkEnsureTable loads a reference table of 1,000,000 rows and three
// columns (the size of the UN vote records) through Fill.
func BenchmarkEnsureTable(b *testing.B) {
	s := open(b)
	codes := []string{"BLR", "RUS", "USA", "CHN", "UKR"}
	votes := []string{"yes", "no", "abstain"}
	const n = 1_000_000
	v := 0
	for b.Loop() {
		v++
		_, err := s.EnsureTable(b.Context(), store.Table{
			Name: "bench_votes", Version: fmt.Sprint(v),
			Create: `CREATE TABLE bench_votes (rcid INTEGER, iso3 VARCHAR, vote VARCHAR)`,
			Fill: func(add func(...any) error) error {
				for i := range n {
					if err := add(int32(i/200), codes[i%5], votes[i%3]); err != nil {
						return err
					}
				}
				return nil
			},
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*v)/b.Elapsed().Seconds(), "rows/s")
}
