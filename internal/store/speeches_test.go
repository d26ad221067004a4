package store_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// TestStoreSpeeches stores the 873 UN General Debate speeches of
// ../shared/data/ungdc_speeches (skipped when absent) in batches, checks
// that texts come back byte for byte, that per-country listings match the
// corpus index, and that storing them again adds nothing.
func TestStoreSpeeches(t *testing.T) {
	dir := sharedtest.Dir(t, "ungdc_speeches")
	f, err := os.Open(filepath.Join(dir, "index.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 || strings.Join(recs[0][:4], ",") != "iso3,session,year,path" {
		t.Fatalf("index.csv header %q", recs[0])
	}
	var items []store.Ingest
	perCountry := map[string]int{}
	var bytes int
	for i, r := range recs[1:] {
		b, err := os.ReadFile(filepath.Join(dir, r[3]))
		if err != nil {
			t.Fatalf("index.csv line %d: %v", i+2, err)
		}
		text := strings.ReplaceAll(strings.TrimPrefix(string(b), "\ufeff"), "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
		year, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatalf("index.csv line %d: year %q", i+2, r[2])
		}
		items = append(items, store.Ingest{Doc: doc.Document{
			ID: doc.HashID(text), Source: r[3], Format: "text", Title: r[0] + " " + r[2],
			Date: time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), DatePrecision: "year", Author: r[0], Text: text,
		}})
		perCountry[r[0]]++
		bytes += len(text)
	}

	s := open(t)
	ctx := t.Context()
	start := time.Now()
	added := 0
	for lo := 0; lo < len(items); lo += 64 {
		a, err := s.PutDocuments(ctx, items[lo:min(lo+64, len(items))])
		if err != nil {
			t.Fatal(err)
		}
		for _, ok := range a {
			if ok {
				added++
			}
		}
	}
	t.Logf("stored %d speeches (%.1f MB) in %v", added, float64(bytes)/1e6, time.Since(start).Round(time.Millisecond))
	if added != len(items) {
		t.Errorf("got %d added, want %d", added, len(items))
	}
	for code, n := range perCountry {
		docs, err := s.Documents(ctx, store.DocumentFilter{Author: code})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != n {
			t.Errorf("%s: got %d documents, want %d", code, len(docs), n)
		}
	}
	for _, k := range []int{0, len(items) / 2, len(items) - 1} {
		d, err := s.Document(ctx, items[k].Doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Text != items[k].Doc.Text {
			t.Errorf("%s: text changed in the store", items[k].Doc.Source)
		}
	}
	a, err := s.PutDocuments(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	for k, ok := range a {
		if ok {
			t.Errorf("%s added twice", items[k].Doc.Source)
		}
	}
}
