package cli

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/statements"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// TestBuiltinUpgradeCarriesCorrections loads the built-in statements,
// corrects two events, and makes the database look as if it held an older
// version of the dataset: one corrected event had another id there (a
// renamed coder rule), and the other's correction already points at an
// event that is gone. The upgrade must carry the first correction over to
// the shipped event, report the other as no longer matching, keep both in
// the log, and say nothing on the next run.
func TestBuiltinUpgradeCarriesCorrections(t *testing.T) {
	ctx := t.Context()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "f.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out bytes.Buffer
	p := newProgress(&out)
	if err := ensureStatements(ctx, st, p); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("first load: got %q, want no message", out.String())
	}
	evs, err := st.Events(ctx, store.EventFilter{Sources: []string{"BLR"}, Limit: 2})
	if err != nil || len(evs) != 2 {
		t.Fatalf("built-in BLR events: %d, %v", len(evs), err)
	}
	a, b := evs[0], evs[1]
	target := "WEST"
	if a.Target == target {
		target = "EU"
	}
	for _, c := range []store.Correction{
		{EventID: a.ID, Action: store.ActionSet, Field: "target", New: target},
		{EventID: b.ID, Action: store.ActionWrong},
	} {
		c.Who, c.Why = "ana", "test"
		if _, err := st.Correct(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE events SET id = 'old-a' WHERE id = ?`, []any{a.ID}},
		{`UPDATE corrections SET event_id = 'old-a' WHERE event_id = ?`, []any{a.ID}},
		{`UPDATE corrections SET event_id = 'gone-b' WHERE event_id = ?`, []any{b.ID}},
		{`UPDATE reference_tables SET version = 'ungdc-v13/older' WHERE name = 'builtin_statements'`, nil},
	} {
		if _, err := st.DB().ExecContext(ctx, q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}

	out.Reset()
	if err := ensureStatements(ctx, st, p); err != nil {
		t.Fatal(err)
	}
	t.Logf("upgrade message:\n%s", out.String())
	for _, want := range []string{"1 correction re-applied", "1 correction no longer matches any event"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("upgrade message: got %q, want it to say %q", out.String(), want)
		}
	}
	if e, err := st.Event(ctx, a.ID); err != nil || e.Target != target {
		t.Errorf("corrected event after the upgrade: got target %q, %v; want %s", e.Target, err, target)
	}
	if _, err := st.Event(ctx, "old-a"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the old dataset's event: got %v, want ErrNotFound", err)
	}
	if n, err := st.CountEvents(ctx, store.EventFilter{OnlyWrong: true}); err != nil || n != 0 {
		t.Errorf("wrong events: got %d, %v; want 0 (the orphaned mark applies to nothing)", n, err)
	}
	for _, id := range []string{a.ID, "gone-b"} {
		if log, err := st.Corrections(ctx, store.CorrectionFilter{EventID: id}); err != nil || len(log) != 1 {
			t.Errorf("log of %s: got %d entries, %v; want 1", id, len(log), err)
		}
	}
	if v, err := st.TableVersion(ctx, "builtin_statements"); err != nil || v != statements.Version()+"/meta2" {
		t.Errorf("recorded version: got %q, %v", v, err)
	}

	out.Reset()
	if err := ensureStatements(ctx, st, p); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("run after the upgrade: got %q, want no message", out.String())
	}
}
