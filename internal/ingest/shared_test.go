package ingest_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
)

// TestUNGDCSpeeches reads the whole UN General Debate subset: every file
// must be read without error, BOMs and CRs gone, and nothing else changed
// (the text is the file minus its BOM, with CRLF turned into LF).
func TestUNGDCSpeeches(t *testing.T) {
	dir := sharedtest.Dir(t, "ungdc_speeches")
	index := readIndex(t, filepath.Join(dir, "index.csv"))
	docs, errs := readAll(t, nil, []string{filepath.Join(dir, "texts")}, nil)
	for _, err := range errs {
		t.Error(err)
	}
	if got, want := len(docs), len(index); got != want {
		t.Fatalf("got %d documents, want %d (index.csv rows)", got, want)
	}
	ids := map[string]string{}
	for _, d := range docs {
		raw, err := os.ReadFile(d.Source)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.TrimPrefix(string(raw), "\ufeff")
		want = strings.ReplaceAll(want, "\r\n", "\n")
		want = strings.ReplaceAll(want, "\r", "\n")
		if d.Text != want {
			t.Errorf("%s: text differs from the file beyond BOM and line ends", d.Source)
		}
		if size, ok := index[filepath.Base(d.Source)]; !ok || size != len(raw) {
			t.Errorf("%s: %d bytes, index.csv says %d (listed: %v)", d.Source, len(raw), size, ok)
		}
		if d.Format != "text" || d.ID != doc.HashID(d.Text) {
			t.Errorf("%s: format %q id %s", d.Source, d.Format, d.ID)
		}
		if other, dup := ids[d.ID]; dup {
			t.Errorf("%s and %s have the same id", d.Source, other)
		}
		ids[d.ID] = d.Source
	}
}

// readIndex returns file name → byte size from index.csv.
func readIndex(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for i, row := range rows {
		if i == 0 {
			continue
		}
		n, err := strconv.Atoi(row[4])
		if err != nil {
			t.Fatalf("index.csv:%d: bytes %q: %v", i+1, row[4], err)
		}
		out[filepath.Base(row[3])] = n
	}
	return out
}

// BenchmarkUNGDCSpeeches reads the 873 speeches (18.7 MB) from disk.
func BenchmarkUNGDCSpeeches(b *testing.B) {
	dir := filepath.Join(sharedtest.Dir(b, "ungdc_speeches"), "texts")
	r := ingest.New(ingest.Options{})
	var size int64
	for b.Loop() {
		size = 0
		errs := r.Read(b.Context(), []string{dir}, nil, func(d doc.Document) error {
			size += int64(len(d.Text))
			return nil
		})
		if errs != nil {
			b.Fatal(errs)
		}
	}
	b.SetBytes(size)
}
