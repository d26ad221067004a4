package clickhouse_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/clickhouse"
	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

// server returns a client for a fresh database on the server named by
// FULCRUM_CLICKHOUSE_URL, or skips. Start one with .ci/clickhouse/start.sh.
func server(t testing.TB) *clickhouse.Client {
	t.Helper()
	u := os.Getenv("FULCRUM_CLICKHOUSE_URL")
	if u == "" {
		t.Skip("FULCRUM_CLICKHOUSE_URL not set; start a server with .ci/clickhouse/start.sh and export the URL it prints")
	}
	c, err := clickhouse.Open(u)
	if err != nil {
		t.Fatal(err)
	}
	c.Database = fmt.Sprintf("fulcrum_test_%d", time.Now().UnixNano())
	ctx := context.Background()
	if err := c.Ping(ctx, 10*time.Second); err != nil {
		t.Fatalf("clickhouse at %s: %v", u, err)
	}
	if err := c.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+c.Database) })
	return c
}

func TestOpen(t *testing.T) {
	cases := []struct{ dsn, endpoint, db, user, err string }{
		{"clickhouse://localhost:8123/events", "http://localhost:8123/", "events", "", ""},
		{"clickhouse://bob:pw@ch.example.org", "http://ch.example.org:8123/", "fulcrum", "bob", ""},
		{"http://127.0.0.1:8123/", "http://127.0.0.1:8123/", "fulcrum", "", ""},
		{"https://ch:8443/?database=x", "https://ch:8443/", "x", "", ""},
		{"clickhouse://h/bad-name", "", "", "", "bad database name"},
		{"postgres://h/db", "", "", "", "want clickhouse://"},
		{"clickhouse:///db", "", "", "", "no host"},
	}
	for _, tc := range cases {
		t.Run(tc.dsn, func(t *testing.T) {
			c, err := clickhouse.Open(tc.dsn)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want error containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Endpoint != tc.endpoint || c.Database != tc.db || c.User != tc.user {
				t.Errorf("got %+v", c)
			}
		})
	}
	if !clickhouse.IsURL("clickhouse://h/db") || clickhouse.IsURL("/tmp/f.duckdb") {
		t.Error("IsURL")
	}
}

func TestSeriesSQL(t *testing.T) {
	s, err := clickhouse.SeriesSQL(datasets.SeriesQuery{Source: "BLR", Target: "RUS", By: "week", Origins: []string{"gdelt"}, From: "2019-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"toMonday(date)", "source = 'BLR' AND target = 'RUS'", "origin IN ('gdelt')", "date >= '2019-01-01'", "GROUP BY origin, date, source, target, cameo, plover, mode, place"} {
		if !strings.Contains(s, want) {
			t.Errorf("query lacks %q:\n%s", want, s)
		}
	}
	if _, err := clickhouse.SeriesSQL(datasets.SeriesQuery{Source: "x'"}); err == nil {
		t.Error("bad source accepted")
	}
}

// TestImportAndSeries imports the same files into ClickHouse and DuckDB and
// checks that both give the same series.
func TestImportAndSeries(t *testing.T) {
	c := server(t)
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "gen.CSV")
	f, _ := os.Create(p)
	if err := datasets.Generate(f, 20000, 5); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r, err := c.ImportFile(ctx, p, datasets.Options{Kind: "gdelt", ChunkRows: 7000})
	if err != nil {
		t.Fatal(err)
	}
	if r.Rows != 20000 || r.Bad != 0 || r.Lines != 20000 {
		t.Fatalf("got %+v", r)
	}
	again, err := c.ImportFile(ctx, p, datasets.Options{Kind: "gdelt"})
	if err != nil || !again.Skipped {
		t.Fatalf("second import: %+v, %v", again, err)
	}
	duck := duckImport(t, p)
	for _, q := range []datasets.SeriesQuery{
		{Source: "BLR", Target: "RUS", By: "month"},
		{Source: "BLR", By: "year"},
		{Source: "EU", Target: "USA", By: "week", From: "2018-01-01", To: "2018-12-31"},
		{Source: "RUS", Target: "UKR", By: "day", Raw: true, To: "2016-01-01"},
	} {
		got, err := c.Series(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want, err := datasets.Series(ctx, duck, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: clickhouse and duckdb differ (%d vs %d rows)\nclickhouse %v\nduckdb     %v", q, len(got), len(want), head(got), head(want))
		}
	}
}

func head(r []datasets.SeriesRow) []datasets.SeriesRow {
	if len(r) > 3 {
		return r[:3]
	}
	return r
}

func TestResumeAndBadRows(t *testing.T) {
	c := server(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "gen.CSV")
	var b strings.Builder
	if err := datasets.Generate(&b, 3000, 9); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(b.String(), "\n")
	lines[1500] = "not a gdelt row\n"
	os.WriteFile(p, []byte(strings.Join(lines, "")), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	chunks := 0
	opt := datasets.Options{Kind: "gdelt", ChunkRows: 1000, OnChunk: func(datasets.Result) {
		if chunks++; chunks == 1 {
			cancel()
		}
	}}
	if _, err := c.ImportFile(ctx, p, opt); err == nil {
		t.Fatal("interrupted import returned no error")
	}
	opt.OnChunk = nil
	r, err := c.ImportFile(context.Background(), p, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Resumed != 1000 || r.Rows != 2999 || r.Bad != 1 || len(r.BadRows) != 1 || r.BadRows[0].Line != 1501 {
		t.Fatalf("got %+v", r)
	}
	var n string
	c.Query(context.Background(), "SELECT count() FROM dataset_events FINAL", func(f []string) error { n = f[0]; return nil })
	if n != "2999" {
		t.Errorf("got %s rows, want 2999", n)
	}
}
