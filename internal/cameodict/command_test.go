package cameodict_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
)

var update = flag.Bool("update", false, "rewrite golden files")

func runCommand(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := cameodict.Command(t.Context(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden file:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestCommandGolden(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		failed  bool
		summary string
	}{
		{"tabari-phoenix.tsv", []string{"--out", "phoenix", "--header", "testdata/records/input.txt"}, true, "petrarch: 4 records, 4 events, 0 discarded, 1 failed, 1 unknown actor phrases"},
		{"tabari-gdelt.tsv", []string{"--out", "gdelt", "--all", "testdata/records/input.txt"}, true, "petrarch: 4 records, 5 events, 0 discarded, 1 failed, 1 unknown actor phrases"},
		{"xml.jsonl", []string{"--out", "jsonl", "testdata/records/input.xml"}, true, "petrarch: 2 records, 2 events, 0 discarded, 1 failed, 0 unknown actor phrases"},
		{"speech.jsonl", []string{"--out", "jsonl", "--records", "text", "--source", "BLR", "--date", "20150925", "testdata/records/speech.txt"}, false, "petrarch: 3 records, 5 events, 0 discarded, 0 failed, 0 unknown actor phrases"},
		{"speech-by-name.tsv", []string{"--out", "phoenix", "--records", "text", "--source", "@name", "testdata/records/CHN_70_2015.txt"}, false, "petrarch: 2 records, 1 events, 0 discarded, 0 failed, 0 unknown actor phrases"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"code", "--dict-dir", "testdata/dict"}, tc.args...)
			out, stderr, err := runCommand(t, args...)
			if got := errors.Is(err, cameodict.ErrRecordsFailed); got != tc.failed || err != nil && !got {
				t.Errorf("error: got %v, want failed=%v", err, tc.failed)
			}
			if !strings.Contains(stderr, tc.summary) {
				t.Errorf("stderr lacks %q:\n%s", tc.summary, stderr)
			}
			golden(t, tc.name, out)
		})
	}
}

func TestCommandReportsBadRecords(t *testing.T) {
	review := filepath.Join(t.TempDir(), "review.tsv")
	_, stderr, err := runCommand(t, "code", "--dict-dir", "testdata/dict", "--review", review, "testdata/records/input.txt", "testdata/records/input.xml", "testdata/records/missing.txt")
	if !errors.Is(err, cameodict.ErrRecordsFailed) {
		t.Fatalf("got %v, want ErrRecordsFailed", err)
	}
	for _, want := range []string{
		"skip: testdata/records/input.txt:7: record LEAD-03: bad record: date \"951301\" is not a calendar date",
		"skip: testdata/records/input.xml:6: record afp01_2: bad record: <Sentence> has no date",
		"skip: open testdata/records/missing.txt:",
		"petrarch: 6 records, 6 events, 0 discarded, 3 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	b, err := os.ReadFile(review)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "phrase\trole\tcount\tfirst_record\nRuritania\tsource\t1\tLEAD-05\n"; got != want {
		t.Errorf("review list:\ngot  %q\nwant %q", got, want)
	}
}

func TestCommandUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "missing subcommand"},
		{[]string{"frobnicate"}, "unknown subcommand"},
		{[]string{"code", "x.txt"}, "--dict-dir is required"},
		{[]string{"code", "--dict-dir", "testdata/dict"}, "no input files"},
		{[]string{"code", "--dict-dir", "testdata/dict", "--out", "csv", "x"}, "--out"},
		{[]string{"code", "--dict-dir", "testdata/dict", "--records", "pdf", "x"}, "--records"},
		{[]string{"code", "--dict-dir", "testdata/dict", "--dict-format", "kedS", "x"}, "--dict-format"},
		{[]string{"code", "--dict-dir", "testdata/dict", "--date", "2015", "x"}, "--date"},
		{[]string{"code", "--bogus"}, "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, _, err := runCommand(t, tc.args...)
			var ue *cameodict.UsageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want a UsageError containing %q", err, tc.want)
			}
		})
	}
	if _, _, err := runCommand(t, "code", "--dict-dir", "testdata/nope", "x"); err == nil || errors.As(err, new(*cameodict.UsageError)) {
		t.Errorf("missing dictionary folder: got %v, want a plain error", err)
	}
}

func TestCommandDicts(t *testing.T) {
	out, _, err := runCommand(t, "dicts", "--dict-dir", "testdata/dict")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"format\tpetrarch\n", "actors\t10 (18 phrases)\n", "patterns\t9\n", "warnings\t0\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("dicts output lacks %q:\n%s", want, out)
		}
	}
}
