package datasets_test

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

var (
	benchRows    = flag.Int("bench.rows", 200_000, "rows in the generated GDELT file of the import benchmarks")
	benchEvents  = flag.Int("bench.events", 2_000_000, "events generated in DuckDB for the series benchmark")
	benchMemory  = flag.String("bench.memory", "1GB", "DuckDB memory_limit for the benchmarks")
	benchThreads = flag.Int("bench.threads", 2, "DuckDB threads for the benchmarks")
	benchDBPath  = flag.String("bench.db", "", "DuckDB file for BenchmarkSeries: generated when it lacks -bench.events events, reused otherwise (so a second run measures the query's memory alone)")
)

var (
	benchFileOnce sync.Once
	benchFile     string
)

// TestMain removes the generated benchmark file (hundreds of MB at
// -bench.rows 1000000) when the run ends.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchFile != "" {
		os.RemoveAll(filepath.Dir(benchFile))
	}
	os.Exit(code)
}

// benchGDELT generates the benchmark file once per run, in a shared temp dir.
func benchGDELT(b *testing.B) string {
	benchFileOnce.Do(func() {
		dir, err := os.MkdirTemp("", "fulcrum-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchFile = filepath.Join(dir, fmt.Sprintf("gen-%d.export.CSV", *benchRows))
		f, err := os.Create(benchFile)
		if err != nil {
			b.Fatal(err)
		}
		if err := datasets.Generate(f, *benchRows, 42); err != nil {
			b.Fatal(err)
		}
		f.Close()
	})
	return benchFile
}

func benchDB(b *testing.B) *sql.DB {
	b.Helper()
	return benchDBAt(b, filepath.Join(b.TempDir(), "b.db"))
}

func benchDBAt(b *testing.B, path string) *sql.DB {
	b.Helper()
	db, err := sql.Open("duckdb", path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(fmt.Sprintf(`SET memory_limit = '%s'; SET threads = %d`, *benchMemory, *benchThreads)); err != nil {
		b.Fatal(err)
	}
	if err := datasets.Migrate(context.Background(), db); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkImportGDELT imports a generated GDELT 2.0 file by the fast path
// into a fresh table each iteration; rows/s is the figure the issue asks for.
func BenchmarkImportGDELT(b *testing.B) {
	p := benchGDELT(b)
	ctx := context.Background()
	db := benchDB(b)
	var total, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		if _, err := db.Exec(`DELETE FROM dataset_events; DELETE FROM dataset_imports; DELETE FROM dataset_rejects; CHECKPOINT`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, c0 := time.Now(), cpuTime()
		r, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt"})
		total += time.Since(start)
		cpu += cpuTime() - c0
		if err != nil {
			b.Fatal(err)
		}
		if r.Rows != int64(*benchRows) {
			b.Fatalf("imported %d rows, want %d", r.Rows, *benchRows)
		}
	}
	b.ReportMetric(float64(*benchRows)*float64(b.N)/total.Seconds(), "rows/s")
	b.ReportMetric(float64(*benchRows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
}

// BenchmarkImportGDELTChecked is the same through the Go parser.
func BenchmarkImportGDELTChecked(b *testing.B) {
	p := benchGDELT(b)
	ctx := context.Background()
	db := benchDB(b)
	var total, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		if _, err := db.Exec(`DELETE FROM dataset_events; DELETE FROM dataset_imports; DELETE FROM dataset_rejects; CHECKPOINT`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, c0 := time.Now(), cpuTime()
		if _, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt", Checked: true}); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(*benchRows)*float64(b.N)/total.Seconds(), "rows/s")
	b.ReportMetric(float64(*benchRows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
}

// BenchmarkReadCSVBaseline is DuckDB's own read_csv of the same file into a
// table, all 61 columns typed, no mapping: the yardstick for the import.
func BenchmarkReadCSVBaseline(b *testing.B) {
	p := benchGDELT(b)
	db := benchDB(b)
	q := `CREATE OR REPLACE TABLE baseline AS SELECT * FROM read_csv(` + "'" + p + "'" + `, delim='\t', quote='', escape='', header=false, auto_detect=false, dateformat='%Y%m%d', columns=` + datasets.GDELTColumnTypes(61) + `)`
	var total, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		if _, err := db.Exec(`DROP TABLE IF EXISTS baseline; CHECKPOINT`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, c0 := time.Now(), cpuTime()
		if _, err := db.Exec(q); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(*benchRows)*float64(b.N)/total.Seconds(), "rows/s")
	b.ReportMetric(float64(*benchRows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
}

// BenchmarkParseGDELT is the Go row parser alone.
func BenchmarkParseGDELT(b *testing.B) {
	line := gdeltLine("77", "20190305", "BLR", "", "", "EEC", "0874", "2", "10.0", "4", "2", "F9")
	for b.Loop() {
		f := splitTab(line)
		if _, err := datasets.ParseGDELT(f); err != nil {
			b.Fatal(err)
		}
	}
}

func splitTab(s string) []string {
	out := make([]string, 0, 61)
	for {
		i := 0
		for i < len(s) && s[i] != '\t' {
			i++
		}
		out = append(out, s[:i])
		if i == len(s) {
			return out
		}
		s = s[i+1:]
	}
}

// BenchmarkSeries runs the dyad-month series of one country (every directed
// dyad of BLR, deduplicated, by month) over -bench.events synthetic events
// generated in DuckDB, with memory_limit -bench.memory. It reports the
// generation time once and the process's peak RSS.
func BenchmarkSeries(b *testing.B) {
	ctx := context.Background()
	var db *sql.DB
	if *benchDBPath != "" {
		db = benchDBAt(b, *benchDBPath)
	} else {
		db = benchDB(b)
	}
	var have int64
	if err := db.QueryRow(`SELECT count(*) FROM dataset_events`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	if have == int64(*benchEvents) {
		b.Logf("reusing %d events in %s", have, *benchDBPath)
	} else {
		start := time.Now()
		if _, err := db.Exec(`DELETE FROM dataset_events`); err != nil {
			b.Fatal(err)
		}
		if err := datasets.GenerateTable(ctx, db, int64(*benchEvents), 1, false); err != nil {
			b.Fatal(err)
		}
		if _, err := db.Exec(`CHECKPOINT`); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d events (ids empty) in %v", *benchEvents, time.Since(start).Round(time.Millisecond))
	}
	q := datasets.SeriesQuery{Source: "BLR", By: "month"}
	var rows int
	var cpu time.Duration
	for b.Loop() {
		c0 := cpuTime()
		r, err := datasets.Series(ctx, db, q)
		if err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c0
		rows = len(r)
	}
	b.ReportMetric(float64(rows), "series-rows")
	b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(*benchEvents), "events")
	if hwm := peakRSS(); hwm > 0 {
		b.ReportMetric(float64(hwm)/(1<<20), "peak-RSS-MB")
	}
}

// peakRSS reads VmHWM from /proc/self/status (bytes; 0 when unavailable).
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")), "%d", &kb)
			return kb << 10
		}
	}
	return 0
}

// cpuTime is the process's user+system CPU time so far (all threads,
// DuckDB's included): a figure that a loaded, shared machine distorts less
// than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
