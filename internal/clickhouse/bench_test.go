package clickhouse_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

var (
	benchRows   = flag.Int("bench.rows", 200_000, "rows in the generated GDELT file of the import benchmark")
	benchEvents = flag.Int64("bench.events", 2_000_000, "events generated on the server for the series benchmark")
)

// BenchmarkImport streams a generated GDELT 2.0 file into ClickHouse
// (parse in Go, TabSeparated over HTTP).
func BenchmarkImport(b *testing.B) {
	c := server(b)
	ctx := context.Background()
	p := filepath.Join(b.TempDir(), "gen.CSV")
	f, _ := os.Create(p)
	if err := datasets.Generate(f, *benchRows, 42); err != nil {
		b.Fatal(err)
	}
	f.Close()
	var total time.Duration
	for b.Loop() {
		b.StopTimer()
		for _, t := range []string{"dataset_events", "dataset_imports", "dataset_rejects"} {
			if err := c.Exec(ctx, "TRUNCATE TABLE "+t); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		start := time.Now()
		r, err := c.ImportFile(ctx, p, datasets.Options{Kind: "gdelt"})
		total += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		if r.Rows != int64(*benchRows) {
			b.Fatalf("imported %d rows, want %d", r.Rows, *benchRows)
		}
	}
	b.ReportMetric(float64(*benchRows)*float64(b.N)/total.Seconds(), "rows/s")
}

// BenchmarkSeries is datasets.BenchmarkSeries on ClickHouse: the same
// synthetic events generated on the server, the same query (every
// directed dyad of BLR, deduplicated, by month).
func BenchmarkSeries(b *testing.B) {
	c := server(b)
	ctx := context.Background()
	q, err := datasets.GenerateTableSQL(*benchEvents, 1, "clickhouse")
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := c.Exec(ctx, q); err != nil {
		b.Fatal(err)
	}
	if err := c.Exec(ctx, "OPTIMIZE TABLE dataset_events FINAL"); err != nil {
		b.Logf("optimize: %v", err)
	}
	b.Logf("generated %d events in %v", *benchEvents, time.Since(start).Round(time.Millisecond))
	sq := datasets.SeriesQuery{Source: "BLR", By: "month"}
	var rows int
	for b.Loop() {
		r, err := c.Series(ctx, sq)
		if err != nil {
			b.Fatal(err)
		}
		rows = len(r)
	}
	b.ReportMetric(float64(rows), "series-rows")
	b.ReportMetric(float64(*benchEvents), "events")
}
