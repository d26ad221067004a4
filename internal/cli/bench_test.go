package cli_test

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cli"
)

// BenchmarkReport measures `fulcrum report BLR --poles RUSSIA,WEST` on the
// built-in data with a database whose reference data are already loaded.
// In one process the embedded data sets are decoded once, so this measures
// the database and model work only; bench/report.sh times whole processes
// (first and warm runs; targets < 10 s and < 1 s).
func BenchmarkReport(b *testing.B) {
	db := filepath.Join(b.TempDir(), "f.duckdb")
	args := []string{"--db", db, "report", "BLR", "--poles", "RUSSIA,WEST"}
	if code := cli.Main(context.Background(), args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
		b.Fatalf("first run: exit %d", code)
	}
	for b.Loop() {
		if code := cli.Main(context.Background(), args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
