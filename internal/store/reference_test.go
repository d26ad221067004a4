package store_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/store"
)

func countryTable(version string, rows [][]any) store.Table {
	return store.Table{
		Name:    "ref_countries",
		Version: version,
		Create:  `CREATE TABLE ref_countries (code VARCHAR PRIMARY KEY, cow INTEGER, name VARCHAR)`,
		Fill: func(add func(values ...any) error) error {
			for _, r := range rows {
				if err := add(r...); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func TestEnsureTable(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	count := func() int {
		t.Helper()
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM ref_countries`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	v1 := [][]any{{"BLR", 370, "Belarus"}, {"RUS", 365, "Russia"}}
	loaded, err := s.EnsureTable(ctx, countryTable("v1", v1))
	if err != nil || !loaded {
		t.Fatalf("first load: got %v, %v; want true, nil", loaded, err)
	}
	if got := count(); got != 2 {
		t.Errorf("got %d rows, want 2", got)
	}
	filled := false
	again := countryTable("v1", v1)
	again.Fill = func(func(...any) error) error { filled = true; return nil }
	if loaded, err := s.EnsureTable(ctx, again); err != nil || loaded || filled {
		t.Errorf("same version: got loaded=%v filled=%v, %v; want false, false, nil", loaded, filled, err)
	}

	v2 := append(v1, []any{"UKR", 369, "Ukraine"})
	if loaded, err := s.EnsureTable(ctx, countryTable("v2", v2)); err != nil || !loaded {
		t.Fatalf("new version: got %v, %v", loaded, err)
	}
	if got := count(); got != 3 {
		t.Errorf("after reload: got %d rows, want 3", got)
	}
	if v, err := s.TableVersion(ctx, "ref_countries"); err != nil || v != "v2" {
		t.Errorf("version: got %q, %v", v, err)
	}

	// A failing load keeps the previous table and version.
	broken := countryTable("v3", [][]any{{"POL", 290, "Poland"}, {"POL", 290, "Poland again"}})
	if _, err := s.EnsureTable(ctx, broken); err == nil {
		t.Error("duplicate key: got no error")
	}
	wrongArity := countryTable("v3", [][]any{{"POL", 290}})
	if _, err := s.EnsureTable(ctx, wrongArity); err == nil || !strings.Contains(err.Error(), "row 1") {
		t.Errorf("short row: got %v, want an error naming row 1", err)
	}
	if got := count(); got != 3 {
		t.Errorf("after failed loads: got %d rows, want 3", got)
	}
	if v, _ := s.TableVersion(ctx, "ref_countries"); v != "v2" {
		t.Errorf("after failed loads: version %q, want v2", v)
	}

	// Load runs SQL after Create.
	sqlTable := store.Table{Name: "ref_years", Version: "1", Create: `CREATE TABLE ref_years (y INTEGER)`,
		Load: `INSERT INTO ref_years SELECT range FROM range(1946, 2025)`}
	if _, err := s.EnsureTable(ctx, sqlTable); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM ref_years`).Scan(&n); err != nil || n != 79 {
		t.Errorf("ref_years: got %d rows, %v; want 79", n, err)
	}

	if _, err := s.TableVersion(ctx, "ref_nothing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown table: got %v, want ErrNotFound", err)
	}
	for _, name := range []string{"events", "Bad-Name", "", "x; DROP TABLE events"} {
		tb := countryTable("v1", v1)
		tb.Name = name
		if _, err := s.EnsureTable(ctx, tb); err == nil {
			t.Errorf("name %q: got no error", name)
		}
	}
}
