package datasets_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

// openDB returns a migrated DuckDB database in a temp dir.
func openDB(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := datasets.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return db
}

func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func genFile(t testing.TB, n int, seed uint64) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "gen.export.CSV")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := datasets.Generate(f, n, seed); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

func count(t testing.TB, db *sql.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestFastMatchesChecked imports the same generated GDELT file by DuckDB's
// reader with SQL mapping and by the Go parser, and compares every stored
// column: the two paths must map alike.
func TestFastMatchesChecked(t *testing.T) {
	ctx := context.Background()
	p := genFile(t, 3000, 7)
	fast, checked := openDB(t), openDB(t)
	rf, err := datasets.ImportFile(ctx, fast, p, datasets.Options{Kind: "gdelt"})
	if err != nil {
		t.Fatal(err)
	}
	rc, err := datasets.ImportFile(ctx, checked, p, datasets.Options{Kind: "gdelt", Checked: true, ChunkRows: 700})
	if err != nil {
		t.Fatal(err)
	}
	if rf.Path != "fast" || rc.Path != "checked" {
		t.Fatalf("paths: got %s/%s, want fast/checked", rf.Path, rc.Path)
	}
	if rf.Rows != 3000 || rc.Rows != 3000 || rf.Bad != 0 || rc.Bad != 0 {
		t.Fatalf("rows: fast %d (bad %d), checked %d (bad %d); want 3000, 0", rf.Rows, rf.Bad, rc.Rows, rc.Bad)
	}
	dump := func(db *sql.DB) []string {
		rs, err := db.Query(`SELECT concat_ws('|', id, origin, orig_id, date, source, target, source_raw, target_raw, source_name, target_name,
			cameo, plover, mode, context, goldstein, quad, orig_goldstein, orig_quad, mentions, sources, articles, round(tone, 6),
			place, place_name, place_country, lat, lon, url, added, file) FROM dataset_events ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rs.Close()
		var out []string
		for rs.Next() {
			var s string
			if err := rs.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	a, b := dump(fast), dump(checked)
	if len(a) != len(b) {
		t.Fatalf("got %d fast rows and %d checked rows", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("row %d differs:\nfast    %s\nchecked %s", i, a[i], b[i])
		}
	}
	if n := count(t, fast, `SELECT count(*) FROM dataset_events WHERE source = 'EU'`); n == 0 {
		t.Errorf("no EU source actors mapped from the known-group code")
	}
	if n := count(t, fast, `SELECT count(*) FROM dataset_events WHERE source = 'ROU'`); n == 0 {
		t.Errorf("CAMEO ROM not mapped to ISO3 ROU")
	}
}

func TestImportTwiceSkips(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	p := genFile(t, 500, 1)
	for i, checked := range []bool{false, false, true} {
		r, err := datasets.ImportFile(ctx, db, p, datasets.Options{Checked: checked})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := r.Skipped, i > 0; got != want {
			t.Errorf("run %d: skipped %v, want %v", i, got, want)
		}
	}
	// A copy under another name is the same file: skipped too.
	data, _ := os.ReadFile(p)
	cp := writeFile(t, "copy.CSV", string(data))
	r, err := datasets.ImportFile(ctx, db, cp, datasets.Options{})
	if err != nil || !r.Skipped {
		t.Errorf("copy: skipped %v, err %v; want skipped", r.Skipped, err)
	}
	if got := count(t, db, `SELECT count(*) FROM dataset_events`); got != 500 {
		t.Errorf("got %d rows, want 500", got)
	}
}

func TestWrongFormat(t *testing.T) {
	ctx := context.Background()
	icews := "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"
	cases := []struct {
		name, file, content, kind, want string
	}{
		{"icews as gdelt", "a.tsv", icews, "gdelt", `is not GDELT: looks like ICEWS (20 columns, header "Event ID, Event Date, Source Name`},
		{"gdelt as icews", "b.CSV", "", "icews", "is not ICEWS: looks like GDELT 2.0 (61 columns, no header)"},
		{"json as gdelt", "c.json", `{"id": "x", "event_type": "CONSULT"}` + "\n", "gdelt", "is not GDELT: looks like PLOVER JSON"},
		{"csv as polecat", "d.csv", "a,b,c\n1,2,3\n", "polecat", `is not POLECAT: 1 tab-separated columns, first line "a,b,c"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openDB(t)
			p := ""
			if tc.content == "" {
				p = genFile(t, 3, 1)
			} else {
				p = writeFile(t, tc.file, tc.content)
			}
			_, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: tc.kind})
			if !errors.Is(err, datasets.ErrWrongFormat) {
				t.Fatalf("got %v, want ErrWrongFormat", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %q, want it to contain %q", err, tc.want)
			}
			if n := count(t, db, `SELECT count(*) FROM dataset_imports`); n != 0 {
				t.Errorf("a rejected file left %d progress rows", n)
			}
		})
	}
}

// TestMigrateTwice checks that a second Migrate keeps the code tables (it
// reloads them only when fulcrum's tables change) and the data.
func TestMigrateTwice(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	p := genFile(t, 100, 2)
	if _, err := datasets.ImportFile(ctx, db, p, datasets.Options{}); err != nil {
		t.Fatal(err)
	}
	codes := count(t, db, `SELECT count(*) FROM dataset_cameo`)
	if err := datasets.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	if got := count(t, db, `SELECT count(*) FROM dataset_cameo`); got != codes || codes < 300 {
		t.Errorf("cameo codes: %d after the second Migrate, %d before", got, codes)
	}
	if got := count(t, db, `SELECT count(*) FROM dataset_events`); got != 100 {
		t.Errorf("got %d events, want 100", got)
	}
}

// TestOverlappingFiles imports two different files that share records:
// the second file adds only the records not stored yet, on both paths, and
// the fast path leaves the connection's planner settings as it found them.
func TestOverlappingFiles(t *testing.T) {
	ctx := context.Background()
	for _, checked := range []bool{false, true} {
		name := map[bool]string{false: "fast", true: "checked"}[checked]
		t.Run(name, func(t *testing.T) {
			db := openDB(t)
			db.SetMaxOpenConns(1)
			a := writeFile(t, "a.CSV", strings.Join(seriesFixture[:3], "\n")+"\n")
			b := writeFile(t, "b.CSV", strings.Join(seriesFixture[1:5], "\n")+"\n")
			opt := datasets.Options{Kind: "gdelt", Checked: checked}
			ra, err := datasets.ImportFile(ctx, db, a, opt)
			if err != nil {
				t.Fatal(err)
			}
			rb, err := datasets.ImportFile(ctx, db, b, opt)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := ra.Rows, int64(3); got != want {
				t.Errorf("first file: got %d rows, want %d", got, want)
			}
			if got, want := rb.Rows, int64(2); got != want {
				t.Errorf("second file: got %d new rows, want %d (2 of its 4 were stored)", got, want)
			}
			if got, want := count(t, db, `SELECT count(*) FROM dataset_events`), int64(5); got != want {
				t.Errorf("stored %d records, want %d", got, want)
			}
			var opts string
			if err := db.QueryRow(`SELECT current_setting('disabled_optimizers')`).Scan(&opts); err != nil {
				t.Fatal(err)
			}
			if opts != "" {
				t.Errorf("disabled_optimizers left at %q after the import", opts)
			}
		})
	}
}

// TestUnusedColumnsNotChecked: a bad value in a column fulcrum does not
// keep (FractionDate, column 5) rejects the row on neither path, as the Go
// parser checks only what it stores.
func TestUnusedColumnsNotChecked(t *testing.T) {
	ctx := context.Background()
	f := strings.Split(seriesFixture[0], "\t")
	f[4] = "not-a-fraction"
	for _, checked := range []bool{false, true} {
		name := map[bool]string{false: "fast", true: "checked"}[checked]
		t.Run(name, func(t *testing.T) {
			db := openDB(t)
			p := writeFile(t, "u.CSV", strings.Join(f, "\t")+"\n"+seriesFixture[1]+"\n")
			r, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt", Checked: checked})
			if err != nil {
				t.Fatal(err)
			}
			if r.Rows != 2 || r.Bad != 0 {
				t.Errorf("got %d rows, %d bad; want 2, 0", r.Rows, r.Bad)
			}
		})
	}
}
