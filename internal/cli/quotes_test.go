package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
)

// TestReportSaysWhyUnquoted: without the UN General Debate texts the report
// cites built-in events by byte offsets and says so in its notes, with the
// way to get quotations; with them it quotes and has no such note.
func TestReportSaysWhyUnquoted(t *testing.T) {
	const note = "built-in UN General Debate events are cited by speech and byte offsets"
	db := filepath.Join(t.TempDir(), "f.duckdb")

	t.Setenv("FULCRUM_UNGDC", t.TempDir()) // no index.csv there
	code, out, stderr := run(t, db, "", "report", "BLR", "--from", "2015", "--to", "2019")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, note) || !strings.Contains(out, "Set FULCRUM_UNGDC") {
		t.Errorf("report without speech texts lacks the note %q", note)
	}
	if !strings.Contains(out, "(bytes ") {
		t.Errorf("report without speech texts cites no byte offsets")
	}

	t.Setenv("FULCRUM_UNGDC", sharedtest.Dir(t, "ungdc_speeches"))
	code, out, stderr = run(t, db, "", "report", "BLR", "--from", "2015", "--to", "2019")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, note) {
		t.Errorf("report with speech texts still says they are missing")
	}
}
