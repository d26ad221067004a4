package clickhouse_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

// duckImport imports path into a fresh DuckDB database for comparison.
func duckImport(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	if err := datasets.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	if _, err := datasets.ImportFile(ctx, db, path, datasets.Options{}); err != nil {
		t.Fatal(err)
	}
	return db
}
