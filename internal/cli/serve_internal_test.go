package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// TestServeShutdown starts fulcrum serve on a new database, stores a
// document through the API, stops the server as SIGINT would, and checks
// that the document was kept, the database closed and the info file
// removed.
func TestServeShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: loads the reference data into a new database (several seconds)")
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "f.duckdb")
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, DB: dbPath, Getenv: func(k string) string {
		if k == "FULCRUM_TOKEN" {
			return "tok"
		}
		return ""
	}}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- runServe(ctx, env, []string{"--addr", "127.0.0.1:0"}) }()

	var info serveInfo
	deadline := time.Now().Add(2 * time.Minute)
	for {
		b, err := os.ReadFile(serveInfoPath(dbPath))
		if err == nil && json.Unmarshal(b, &info) == nil {
			break
		}
		select {
		case err := <-errc:
			t.Fatalf("serve stopped early: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not start within 2 minutes")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if info.Token != "tok" || info.PID != os.Getpid() {
		t.Errorf("info file: %+v", info)
	}
	body := `{"text":"Belarus thanked Russia for the loan.","title":"Loan","author":"BLR"}`
	req, _ := http.NewRequest("POST", "http://"+info.Addr+"/api/ingest", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ingest: status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not stop within a minute")
	}
	if _, err := os.Stat(serveInfoPath(dbPath)); !os.IsNotExist(err) {
		t.Errorf("info file left behind: %v", err)
	}
	st, err := store.Open(t.Context(), dbPath)
	if err != nil {
		t.Fatalf("reopen after shutdown: %v", err)
	}
	defer st.Close()
	docs, err := st.Documents(t.Context(), store.DocumentFilter{})
	if err != nil || len(docs) != 1 || docs[0].Title != "Loan" {
		t.Errorf("documents after shutdown: %+v, %v", docs, err)
	}
	if !strings.Contains(out.String(), "fulcrum dashboard on http://127.0.0.1:") {
		t.Errorf("startup line: %q", out.String())
	}
}
