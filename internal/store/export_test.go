package store_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// storeWithBrief returns a store holding brief() with one event marked
// wrong.
func storeWithBrief(t *testing.T) (*store.Store, []event.Event) {
	t.Helper()
	s := open(t)
	d := brief()
	evs := briefEvents(t, d)
	if _, err := s.PutDocument(t.Context(), d, evs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Correct(t.Context(), store.Correction{EventID: evs[1].ID, Action: store.ActionWrong, Who: "a", Why: "b"}); err != nil {
		t.Fatal(err)
	}
	want, err := s.Events(t.Context(), store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return s, want
}

// TestExportJSONLRoundTrip decodes the JSONL export with encoding/json into
// event.Event and compares it with Events: the export carries the §2 field
// names and values.
func TestExportJSONLRoundTrip(t *testing.T) {
	s, want := storeWithBrief(t)
	path := filepath.Join(t.TempDir(), "events.jsonl")
	n, err := s.ExportEvents(t.Context(), store.EventFilter{}, store.FormatJSONL, path)
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != len(want) {
		t.Errorf("got %d rows written, want %d", n, len(want))
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []event.Event
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e event.Event
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("line %d: %v: %s", len(got)+1, err, sc.Bytes())
		}
		got = append(got, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSONL round trip:\ngot  %+v\nwant %+v", got, want)
	}
}

// TestExportReadBack reads each export back with DuckDB and compares ids,
// evidence text and Goldstein weights with Events.
func TestExportReadBack(t *testing.T) {
	s, want := storeWithBrief(t)
	tests := []struct {
		format, read, evidence string
	}{
		{store.FormatCSV, "read_csv(%s, header = true, all_varchar = true)", "evidence_text"},
		{store.FormatJSONL, "read_json(%s, format = 'newline_delimited')", "evidence.text"},
		{store.FormatParquet, "read_parquet(%s)", "evidence.text"},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "events."+tc.format)
			if _, err := s.ExportEvents(t.Context(), store.EventFilter{}, tc.format, path); err != nil {
				t.Fatal(err)
			}
			from := strings.Replace(tc.read, "%s", "'"+path+"'", 1)
			rows, err := s.DB().QueryContext(t.Context(),
				`SELECT id, `+tc.evidence+`, CAST(goldstein AS DOUBLE), CAST(negated AS BOOLEAN) FROM `+from)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			i := 0
			for rows.Next() {
				var id, text string
				var g float64
				var neg bool
				if err := rows.Scan(&id, &text, &g, &neg); err != nil {
					t.Fatal(err)
				}
				if i >= len(want) {
					t.Fatalf("more rows than the %d events", len(want))
				}
				w := want[i]
				if id != w.ID || text != w.Evidence.Text || g != w.Goldstein || neg != w.Negated {
					t.Errorf("row %d: got %s %q %v %v, want %s %q %v %v", i, id, text, g, neg, w.ID, w.Evidence.Text, w.Goldstein, w.Negated)
				}
				i++
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if i != len(want) {
				t.Errorf("got %d rows, want %d", i, len(want))
			}
		})
	}
}

func TestExportCSVHeaderAndWrongColumn(t *testing.T) {
	s, want := storeWithBrief(t)
	var buf bytes.Buffer
	n, err := s.ExportEventsTo(t.Context(), &buf, store.EventFilter{IncludeWrong: true}, store.FormatCSV)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != len(want)+1 || len(recs) != len(want)+2 {
		t.Fatalf("got %d rows written and %d records, want %d and %d", n, len(recs), len(want)+1, len(want)+2)
	}
	head := strings.Join(recs[0], ",")
	for _, col := range []string{"id", "doc_title", "cameo", "goldstein_version", "evidence_start", "evidence_text", "origin", "wrong"} {
		if !strings.Contains(","+head+",", ","+col+",") {
			t.Errorf("header %q lacks %s", head, col)
		}
	}
	wrong := 0
	for _, r := range recs[1:] {
		if r[len(r)-1] == "true" {
			wrong++
		}
	}
	if wrong != 1 {
		t.Errorf("got %d rows marked wrong, want 1", wrong)
	}
}

func TestExportCorrections(t *testing.T) {
	s, _ := storeWithBrief(t)
	path := filepath.Join(t.TempDir(), "corrections.csv")
	n, err := s.ExportCorrections(t.Context(), store.FormatCSV, path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || !strings.HasPrefix(string(b), "id,event_id,doc,action,field,old,new,who,why,made_at\n") ||
		!strings.Contains(string(b), ",wrong,wrong,false,true,a,b,") {
		t.Errorf("got %d rows:\n%s", n, b)
	}
}

func TestExportRejects(t *testing.T) {
	s, _ := storeWithBrief(t)
	dir := t.TempDir()
	tests := []struct {
		name, format, path, want string
	}{
		{"format", "xlsx", filepath.Join(dir, "e.xlsx"), `format "xlsx"`},
		{"missing folder", store.FormatCSV, filepath.Join(dir, "no", "e.csv"), "does not exist"},
		{"empty path", store.FormatCSV, "", "empty output path"},
		{"stdout", store.FormatCSV, "-", "ExportEventsTo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.ExportEvents(t.Context(), store.EventFilter{}, tc.format, tc.path)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
	// A path with a quote is passed safely to COPY.
	odd := filepath.Join(dir, "it's.csv")
	if _, err := s.ExportEvents(t.Context(), store.EventFilter{}, store.FormatCSV, odd); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(odd); err != nil {
		t.Error(err)
	}
}

// TestExportFiltered checks that filter arguments reach COPY: the export
// holds exactly the events Events selects.
func TestExportFiltered(t *testing.T) {
	s, _ := storeWithBrief(t)
	f := store.EventFilter{Sources: []string{"BLR"}, From: time.Date(2018, 6, 1, 0, 0, 0, 0, time.UTC), IncludeWrong: true}
	want, err := s.Events(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 2 {
		t.Fatalf("fixture: got %d events, want 2", len(want))
	}
	path := filepath.Join(t.TempDir(), "e.parquet")
	n, err := s.ExportEvents(t.Context(), f, store.FormatParquet, path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.DB().QueryContext(t.Context(), `SELECT id FROM read_parquet(?)`, path)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	if int(n) != len(want) || !reflect.DeepEqual(got, ids(want)) {
		t.Errorf("got %d rows %q, want %q", n, got, ids(want))
	}
}
