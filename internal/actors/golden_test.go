package actors_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenSentences matches the benchmark sentences (written for these
// tests in the style of news and policy briefs) and compares every match
// with testdata/sentences.golden. Run with -update after changing the
// dictionaries, and review the diff.
func TestGoldenSentences(t *testing.T) {
	d := builtin(t)
	var b strings.Builder
	date := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	for i, s := range benchSentences(t) {
		fmt.Fprintf(&b, "%d %s\n", i+1, s)
		for _, m := range d.Find(s, date, nil) {
			fmt.Fprintf(&b, "  %d-%d %q code=%s role=%s office=%q person=%q kind=%s form=%s entry=%s attached=%v\n",
				m.Start, m.End, s[m.Start:m.End], m.Code, m.Role, m.Office, m.Person, m.Kind, m.Form, m.Entry, m.Attached)
		}
	}
	const path = "testdata/sentences.golden"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got %s\nwant %s\n(run go test -update and review the diff)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: got %d lines, want %d (run go test -update and review the diff)", path, len(gl), len(wl))
	}
}
