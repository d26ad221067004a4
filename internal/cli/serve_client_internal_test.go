package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/code"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
	"github.com/fulcrum-dev/fulcrum/internal/web"
)

// TestServeHandoff checks that ingest and report hand their work to a
// running server found through the lock-info file next to the database.
func TestServeHandoff(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "f.duckdb")
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dict, err := actors.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	rules, err := code.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	vd, err := votes.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: st, Dict: dict, Votes: vd, Coder: code.New(dict, rules), Token: "tok", Bootstrap: 20})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	lockErr := &store.LockError{Path: dbPath}

	t.Run("no info file", func(t *testing.T) {
		if _, ok := runningServer(lockErr); ok {
			t.Fatal("found a server without an info file")
		}
		if got := lockedHint(lockErr); !strings.Contains(got, "--db") {
			t.Errorf("hint without a server: %q", got)
		}
	})
	info, _ := json.Marshal(serveInfo{Addr: strings.TrimPrefix(ts.URL, "http://"), PID: os.Getpid(), Token: "tok", DB: dbPath})
	if err := os.WriteFile(serveInfoPath(dbPath), info, 0o600); err != nil {
		t.Fatal(err)
	}
	c, ok := runningServer(fmt.Errorf("open: %w", lockErr))
	if !ok {
		t.Fatal("running server not found from its info file")
	}
	if got := lockedHint(lockErr); !strings.Contains(got, ts.URL[len("http://"):]) {
		t.Errorf("hint does not name the server's address: %q", got)
	}
	if _, ok := runningServer(&store.LockError{Path: dbPath, PID: os.Getpid() + 1}); ok {
		t.Error("an info file of another process than the lock holder was trusted")
	}

	src := filepath.Join(dir, "brief.txt")
	if err := os.WriteFile(src, []byte("Belarus strongly condemned the sanctions imposed by the European Union.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if err := ingestViaServer(ctx, env, c, []string{src}, "BLR"); err != nil {
		t.Fatalf("ingest via server: %v (%s)", err, errOut.String())
	}
	if got, want := out.String(), "1 documents read: 1 new"; !strings.Contains(got, want) {
		t.Errorf("ingest output %q lacks %q", got, want)
	}
	docs, err := st.Documents(ctx, store.DocumentFilter{})
	if err != nil || len(docs) != 1 || docs[0].Author != "BLR" {
		t.Fatalf("stored documents: %+v, %v", docs, err)
	}

	var rep bytes.Buffer
	if err := reportViaServer(ctx, c, &rep, "BLR", []string{"RUSSIA", "WEST"}, 2000, 2010, "json"); err != nil {
		t.Fatalf("report via server: %v", err)
	}
	if !strings.Contains(rep.String(), `"country":"BLR"`) {
		t.Errorf("report: %.200s", rep.String())
	}
	err = reportViaServer(ctx, c, &rep, "QQQ", []string{"RUSSIA", "WEST"}, 2000, 2010, "json")
	if err == nil || !strings.Contains(err.Error(), "QQQ") {
		t.Errorf("unknown country via server: got %v", err)
	}

	// A correction made through the server, then exported through it.
	evs, err := st.Events(ctx, store.EventFilter{})
	if err != nil || len(evs) == 0 {
		t.Fatalf("events of the ingested brief: %d, %v", len(evs), err)
	}
	if _, err := st.Correct(ctx, store.Correction{EventID: evs[0].ID, Action: store.ActionWrong, Who: "ana", Why: "test"}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := exportCorrectionsViaServer(ctx, env, c, "csv", ""); err != nil {
		t.Fatalf("export corrections via server: %v", err)
	}
	if !strings.Contains(out.String(), evs[0].ID) || !strings.Contains(out.String(), "ana") {
		t.Errorf("exported corrections: %q", out.String())
	}

	ro := *c
	ro.info.Token = ""
	if err := ingestViaServer(ctx, env, &ro, []string{src}, ""); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("ingest to a read-only server: got %v", err)
	}
}

func TestExportCorrections(t *testing.T) {
	ctx := t.Context()
	dbPath := filepath.Join(t.TempDir(), "f.duckdb")
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, DB: dbPath, Getenv: func(string) string { return "" }}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad format", []string{"--format", "xml"}, "--format must be csv, jsonl or parquet"},
		{"parquet to stdout", []string{"--format", "parquet"}, "Parquet needs -o FILE"},
		{"extra argument", []string{"all"}, "unexpected argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := runExportCorrections(ctx, env, tc.args)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
	if err := runExportCorrections(ctx, env, []string{"--format", "csv"}); err != nil {
		t.Fatalf("export an empty trail: %v", err)
	}
	if !strings.Contains(out.String(), "who") {
		t.Errorf("CSV header missing: %q", out.String())
	}
}
