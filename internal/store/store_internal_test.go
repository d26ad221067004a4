package store

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
)

// TestMigrateUpgrades builds a database at schema version 1, stores an
// event, and checks that Open brings it to the current version keeping the
// data, and that a failing step leaves the version where it was.
func TestMigrateUpgrades(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "f.db")
	c, err := duckdb.NewConnector(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(c)
	if err := migrate(ctx, db, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO events (id, source, cameo) VALUES ('e1', 'BLR', '036')`); err != nil {
		t.Fatal(err)
	}
	bad := append(append([][]string{}, migrations...), []string{`CREATE TABLE x (a INTEGER)`, `SELECT no_such_column FROM x`})
	if err := migrate(ctx, db, bad); err == nil {
		t.Fatal("failing step: got no error")
	}
	if v, err := schemaVersion(ctx, db); err != nil || v != len(migrations) {
		t.Errorf("after a failing step: got version %d, %v; want %d", v, err, len(migrations))
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_name = 'x'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the failing step left table x behind (%d, %v)", n, err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := s.Event(ctx, "e1")
	if err != nil {
		t.Fatalf("event stored at version 1: %v", err)
	}
	if e.Source != "BLR" || e.CAMEO != "036" {
		t.Errorf("got %+v", e)
	}
}

func TestLockErrorParsing(t *testing.T) {
	msg := `IO Error: Could not set lock on file "/d/f.db": Conflicting lock is held in /usr/local/bin/fulcrum (PID 4242) by user ana. See also https://duckdb.org/docs/stable/connect/concurrency`
	tests := []struct {
		name   string
		msg    string
		ok     bool
		pid    int
		holder string
		says   string
	}{
		{"fulcrum holds it", msg, true, 4242, "/usr/local/bin/fulcrum",
			"in use by another fulcrum process (PID 4242, probably `fulcrum serve`); stop it, or pass --db"},
		{"duckdb shell holds it", strings.Replace(msg, "/usr/local/bin/fulcrum", "/usr/bin/duckdb", 1), true, 4242, "/usr/bin/duckdb",
			"in use by another program (PID 4242, /usr/bin/duckdb); stop it"},
		{"without pid", `IO Error: Could not set lock on file "/d/f.db": Resource temporarily unavailable`, true, 0, "",
			"in use by another fulcrum process (probably `fulcrum serve`)"},
		{"other io error", `IO Error: Cannot open file "/d/f.db": Permission denied`, false, 0, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			le, ok := lockError("/d/f.db", &duckdb.Error{Type: duckdb.ErrorTypeIO, Msg: tc.msg})
			if ok != tc.ok {
				t.Fatalf("got ok=%v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			if le.PID != tc.pid || le.Holder != tc.holder || le.Path != "/d/f.db" {
				t.Errorf("got %+v", le)
			}
			if msg := le.Error(); !strings.Contains(msg, tc.says) || strings.Contains(msg, "IO Error") {
				t.Errorf("message %q: want it to contain %q and not DuckDB's text", msg, tc.says)
			}
		})
	}
}
