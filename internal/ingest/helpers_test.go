package ingest_test

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// readAll reads sources (stdin may be nil) with r, or a default reader
// when r is nil, and returns the documents and errors.
func readAll(t testing.TB, r *ingest.Reader, sources []string, stdin io.Reader) ([]doc.Document, []error) {
	t.Helper()
	if r == nil {
		r = ingest.New(ingest.Options{})
	}
	var docs []doc.Document
	errs := r.Read(t.Context(), sources, stdin, func(d doc.Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, errs
}

// readBytes reads data as one input named source in the given format.
func readBytes(t testing.TB, source string, format ingest.Format, data []byte) ([]doc.Document, []error) {
	t.Helper()
	var docs []doc.Document
	errs := ingest.New(ingest.Options{}).ReadBytes(source, format, data, func(d doc.Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, errs
}

// readOne reads data and fails the test unless it gives exactly one
// document and no error.
func readOne(t *testing.T, source string, format ingest.Format, data []byte) doc.Document {
	t.Helper()
	docs, errs := readBytes(t, source, format, data)
	if len(errs) > 0 {
		t.Fatalf("read %s: %v", source, errs)
	}
	if len(docs) != 1 {
		t.Fatalf("read %s: got %d documents, want 1", source, len(docs))
	}
	return docs[0]
}

// writeFile writes data to name under dir, creating folders.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// golden compares got with the file at path, rewriting it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the output (run go test -update and review the diff):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// asError returns err as an *ingest.Error or fails the test.
func asError(t *testing.T, err error) *ingest.Error {
	t.Helper()
	var e *ingest.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *ingest.Error", err, err)
	}
	return e
}
