package code_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

// meta is a fixture's document metadata (meta.json).
type meta struct {
	Title         string `json:"title"`
	URL           string `json:"url"`
	Date          string `json:"date"`
	DatePrecision string `json:"date_precision"`
	Author        string `json:"author"`
}

func loadFixture(t *testing.T, dir string) doc.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "input.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src := text.Clean(string(b))
	d := doc.Document{ID: doc.HashID(src), Source: dir, Format: "text", Text: src}
	if mb, err := os.ReadFile(filepath.Join(dir, "meta.json")); err == nil {
		var m meta
		if err := json.Unmarshal(mb, &m); err != nil {
			t.Fatalf("%s/meta.json: %v", dir, err)
		}
		d.Title, d.URL, d.Author, d.DatePrecision = m.Title, m.URL, m.Author, m.DatePrecision
		if m.Date != "" {
			layout := map[string]string{event.PrecisionYear: "2006", event.PrecisionMonth: "2006-01"}[m.DatePrecision]
			if layout == "" {
				layout = "2006-01-02"
			}
			if d.Date, err = time.Parse(layout, m.Date); err != nil {
				t.Fatalf("%s/meta.json: date: %v", dir, err)
			}
		}
	}
	return d
}

// encodeEvents writes one JSON object per line with sorted keys.
func encodeEvents(t *testing.T, evs []event.Event) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, e := range evs {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		b, err = json.Marshal(m) // maps marshal with sorted keys
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	c := builtin(t)
	dirs, err := os.ReadDir("testdata/coding")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range dirs {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata/coding", e.Name())
			d := loadFixture(t, dir)
			evs := c.Code(d)
			got := encodeEvents(t, evs)
			path := filepath.Join(dir, "want.jsonl")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
				for i := 0; i < max(len(gl), len(wl)); i++ {
					var g, w []byte
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if !bytes.Equal(g, w) {
						t.Fatalf("%s differs at event %d:\n got  %s\n want %s", path, i+1, g, w)
					}
				}
			}
			// Coding twice gives the same ids.
			again := encodeEvents(t, c.Code(d))
			if !bytes.Equal(got, again) {
				t.Errorf("coding the same document twice gave different events")
			}
		})
	}
}
