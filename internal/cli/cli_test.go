package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cli"
)

// run calls fulcrum in-process with a temporary database and returns its
// exit code, stdout and stderr.
func run(t *testing.T, db string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", db}, args...)
	code := cli.Main(context.Background(), full, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.duckdb")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown command", []string{"reprot"}, 2, `unknown command "reprot" (did you mean "report"?)`},
		{"report without country", []string{"report"}, 2, "name one COUNTRY"},
		{"from after to", []string{"report", "BLR", "--from", "2010", "--to", "2000"}, 2, "--from 2010 is after --to 2000"},
		{"format conflicts with -o", []string{"report", "BLR", "--format", "json", "-o", "x.html"}, 2, "--format json conflicts with -o x.html"},
		{"one pole", []string{"report", "BLR", "--poles", "WEST"}, 2, "at least two poles"},
		{"unknown country", []string{"report", "BLS", "--from", "2015", "--to", "2016"}, 2, "did you mean BLR"},
		{"unknown pole", []string{"report", "BLR", "--poles", "RUSIA,WEST", "--from", "2015", "--to", "2016"}, 2, "did you mean RUSSIA"},
		{"code without input", []string{"code"}, 2, "name at least one FILE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, db, "", tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("got exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.stderr)
			}
		})
	}
}

// A bad input is named on its own line, the rest of the batch is coded,
// and the exit code is 1.
func TestCodeBadInputCarriesOn(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("On 5 March 2019 Belarus criticised NATO.\n"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	bin := filepath.Join(dir, "bin.txt")
	os.WriteFile(bin, []byte{0, 1, 2, 3, 0xff, 0}, 0o644)
	code, out, stderr := run(t, filepath.Join(dir, "f.duckdb"), "", "code", "--json", good, empty, bin)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "empty.txt") || !strings.Contains(stderr, "bin.txt") {
		t.Errorf("stderr does not name both bad files: %q", stderr)
	}
	if n := strings.Count(stderr, "\n"); n < 2 {
		t.Errorf("want one line per bad file, got %q", stderr)
	}
	var e struct{ Source, Target, Date string }
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &e); err != nil {
		t.Fatalf("first line is not an event: %v (%q)", err, out)
	}
	if e.Source != "BLR" || e.Target != "NATO" || e.Date != "2019-03-05" {
		t.Errorf("got %+v, want BLR→NATO on 2019-03-05", e)
	}
}

// An article in the policy-brief style, ingested, shows up in the report's
// statements channel with its quotations as evidence; ingesting it twice
// adds nothing.
func TestIngestedBriefInReport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.duckdb")
	code, out, stderr := run(t, db, "", "ingest", "testdata/brief-blr.txt")
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "1 new") {
		t.Errorf("ingest output %q", out)
	}
	code, out, _ = run(t, db, "", "ingest", "testdata/brief-blr.txt")
	if code != 0 || !strings.Contains(out, "0 new") {
		t.Errorf("second ingest: exit %d, %q; want nothing new", code, out)
	}
	code, out, stderr = run(t, db, "", "report", "BLR", "--poles", "RUSSIA,WEST", "--from", "2018", "--to", "2019", "--format", "json", "--bootstrap", "50")
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	var r struct {
		Evidence []struct {
			Pole       string
			Statements []struct {
				Quote, Doc, Date, Target string
			}
		}
		Channels []struct {
			Name    string
			Origins []string
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, pe := range r.Evidence {
		for _, s := range pe.Statements {
			if strings.Contains(s.Quote, "North") && s.Target == "NATO" && s.Date == "2019-02-22" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the brief's dialogue-with-NATO quotation (2019-02-22) is not among the WEST evidence: %+v", r.Evidence)
	}
}

// The global --db and --dict work after the command too, where users put
// every other option.
func TestGlobalFlagsAfterCommand(t *testing.T) {
	dir := t.TempDir()
	dict := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(dict, []byte("person zorin-petr RUS Petr Zorinsky\n  office 2020-01-01 - RUS foreign minister\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "wire.txt")
	if err := os.WriteFile(doc, []byte("Petr Zorinsky condemned Ukraine on 3 March 2021.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := cli.Main(context.Background(), []string{"code", doc, "--dict", dict}, strings.NewReader(""), &out, &errb)
	if code != 0 || !strings.Contains(out.String(), "RUS") || !strings.Contains(out.String(), "UKR") {
		t.Errorf("code FILE --dict: got exit %d, stdout %q, stderr %q; want RUS → UKR", code, out.String(), errb.String())
	}

	db := filepath.Join(dir, "after.duckdb")
	out.Reset()
	errb.Reset()
	code = cli.Main(context.Background(), []string{"series", "BLR", "RUS", "--by", "year", "--db", db}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("series … --db: got exit %d, stderr %q", code, errb.String())
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("series … --db %s did not use that database: %v", db, err)
	}
}
