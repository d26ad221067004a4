package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// describe renders a document's metadata and text for golden files.
func describe(d doc.Document) string {
	date := ""
	if !d.Date.IsZero() {
		date = d.Date.Format(time.RFC3339)
	}
	return fmt.Sprintf("format: %s\ntitle: %s\nurl: %s\ndate: %s (%s)\nauthor: %s\n---\n%s\n",
		d.Format, d.Title, d.URL, date, d.DatePrecision, d.Author, d.Text)
}

func TestHTMLGolden(t *testing.T) {
	entries, err := os.ReadDir("testdata/html")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata/html", e.Name())
			data, err := os.ReadFile(filepath.Join(dir, "input.html"))
			if err != nil {
				t.Fatal(err)
			}
			d := readOne(t, "input.html", "", data)
			golden(t, filepath.Join(dir, "want.txt"), []byte(describe(d)))
		})
	}
}
