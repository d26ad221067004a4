package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

func TestDefaultPath(t *testing.T) {
	tests := []struct {
		name, db, xdg, home, want string
	}{
		{"env override", "/srv/f.duckdb", "/x", "/home/a", "/srv/f.duckdb"},
		{"xdg data home", "", "/x/data", "/home/a", "/x/data/fulcrum/fulcrum.duckdb"},
		{"relative xdg ignored", "", "rel", "/home/a", "/home/a/.local/share/fulcrum/fulcrum.duckdb"},
		{"home", "", "", "/home/a", "/home/a/.local/share/fulcrum/fulcrum.duckdb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("FULCRUM_DB", tc.db)
			t.Setenv("XDG_DATA_HOME", tc.xdg)
			t.Setenv("HOME", tc.home)
			if got := store.DefaultPath(); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestOpenCreatesFoldersAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "f.duckdb")
	s, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	d := brief()
	if _, err := s.PutDocument(t.Context(), d, briefEvents(t, d)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	n, err := s.CountEvents(t.Context(), store.EventFilter{IncludeWrong: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := n, len(briefEvents(t, d)); got != want {
		t.Errorf("after reopen: got %d events, want %d", got, want)
	}
}

func TestOpenRejectsBadPaths(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, path, want string }{
		{"directory", dir, "is a directory"},
		{"question mark", filepath.Join(dir, "a?b.db"), "must not contain"},
		{"url", "clickhouse://127.0.0.1:8123/fulcrum", "takes a file path"},
		{"not a database", writeFile(t, dir, "junk.db", "this is not a DuckDB file, just some text\n"), "junk.db"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.Open(t.Context(), tc.path)
			if err == nil {
				s.Close()
				t.Fatal("got no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %q, want it to contain %q", err, tc.want)
			}
			if errors.Is(err, store.ErrLocked) {
				t.Errorf("got ErrLocked for %s", tc.name)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenMemory(t *testing.T) {
	s, err := store.Open(t.Context(), store.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := brief()
	if added, err := s.PutDocument(t.Context(), d, briefEvents(t, d)); err != nil || !added {
		t.Fatalf("got added=%v, %v; want true, nil", added, err)
	}
}

// TestOpenLockedByAnotherProcess runs this test binary again as a helper
// that holds the database, and checks that a second process gets a clear
// ErrLocked, never DuckDB's own message, and can open the file once the
// holder has gone.
func TestOpenLockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper said %q, %v; want ready", line, err)
	}

	s, err := store.Open(t.Context(), path)
	if err == nil {
		s.Close()
		t.Fatal("second process opened a held database")
	}
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("got %v, want ErrLocked", err)
	}
	var le *store.LockError
	if !errors.As(err, &le) {
		t.Fatalf("got %T, want *store.LockError", err)
	}
	if got, want := le.PID, cmd.Process.Pid; got != want {
		t.Errorf("PID: got %d, want %d", got, want)
	}
	msg := err.Error()
	t.Logf("message: %s", msg)
	// The holder is this test binary, not fulcrum, so the message names it.
	for _, want := range []string{path, "is in use by another program", filepath.Base(os.Args[0]), "--db"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	for _, raw := range []string{"IO Error", "Conflicting lock", "Could not set lock"} {
		if strings.Contains(msg, raw) {
			t.Errorf("message %q shows DuckDB's %q", msg, raw)
		}
	}

	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v", err)
	}
	s, err = store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("open after the holder exited: %v", err)
	}
	s.Close()
}

func TestSchemaTooNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	s, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().ExecContext(t.Context(), `UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = store.Open(t.Context(), path)
	if err == nil {
		s.Close()
		t.Fatal("opened a database with a newer schema")
	}
	if !errors.Is(err, store.ErrSchemaTooNew) {
		t.Errorf("got %v, want ErrSchemaTooNew", err)
	}
	if !strings.Contains(err.Error(), "99") {
		t.Errorf("message %q does not name the file's version", err)
	}
}

func TestSchemaVersionRecorded(t *testing.T) {
	s := open(t)
	var v int
	if err := s.DB().QueryRowContext(t.Context(), `SELECT version FROM schema_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if got, want := v, store.SchemaVersion(); got != want {
		t.Errorf("got version %d, want %d", got, want)
	}
}

func TestPutDocumentIdempotent(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	d := brief()
	evs := briefEvents(t, d)
	added, err := s.PutDocument(ctx, d, evs)
	if err != nil || !added {
		t.Fatalf("first put: got added=%v, %v; want true, nil", added, err)
	}
	for i := 0; i < 2; i++ {
		added, err = s.PutDocument(ctx, d, evs)
		if err != nil || added {
			t.Fatalf("repeat put: got added=%v, %v; want false, nil", added, err)
		}
	}
	n, err := s.CountEvents(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(evs) {
		t.Errorf("got %d events, want %d", n, len(evs))
	}
	docs, err := s.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Events != len(evs) || docs[0].Bytes != len(d.Text) {
		t.Errorf("got documents %+v, want one with %d events and %d bytes", docs, len(evs), len(d.Text))
	}

	got, err := s.Document(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("document round trip:\ngot  %+v\nwant %+v", got, d)
	}
	stored, err := s.Events(ctx, store.EventFilter{Doc: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]event.Event{}
	for _, e := range stored {
		byID[e.ID] = e
	}
	for _, want := range evs {
		want.DocTitle, want.DocURL, want.DocDate = d.Title, d.URL, "2019-04-01"
		if got := byID[want.ID]; !reflect.DeepEqual(got, want) {
			t.Errorf("event round trip:\ngot  %+v\nwant %+v", got, want)
		}
	}
}

func TestPutDocumentNotFound(t *testing.T) {
	s := open(t)
	if _, err := s.Document(t.Context(), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("document: got %v, want ErrNotFound", err)
	}
	if _, err := s.Event(t.Context(), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("event: got %v, want ErrNotFound", err)
	}
}

// TestPutDocumentRollback makes the database fail half-way through a
// document (its second event reuses the id of an event already stored for
// another document) and checks that nothing of that document was kept.
func TestPutDocumentRollback(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	a := brief()
	aEvents := briefEvents(t, a)
	if _, err := s.PutDocument(ctx, a, aEvents); err != nil {
		t.Fatal(err)
	}

	text := "Poland said it welcomes the decision. Lithuania said nothing new.\n"
	b := doc.Document{ID: doc.HashID(text), Source: "b.txt", Format: "text", Text: text}
	fresh := ev(t, b, "Poland said it welcomes the decision.", "", "", "POL", "BLR", "036", event.Asserted, false)
	clash := aEvents[0]
	clash.Doc = b.ID
	clash.Evidence = span(t, text, "Lithuania said nothing new.")
	_, err := s.PutDocument(ctx, b, []event.Event{fresh, clash})
	if err == nil {
		t.Fatal("got no error for an event id already stored")
	}
	if !strings.Contains(err.Error(), b.ID) {
		t.Errorf("error %q does not name the document", err)
	}
	if _, err := s.Document(ctx, b.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("document after failed put: got %v, want ErrNotFound", err)
	}
	if _, err := s.Event(ctx, fresh.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("first event after failed put: got %v, want ErrNotFound", err)
	}
	n, err := s.CountEvents(ctx, store.EventFilter{IncludeWrong: true})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(aEvents) {
		t.Errorf("got %d events, want %d", n, len(aEvents))
	}
	// The store still works after the failure, and the document can be
	// stored once fixed.
	if added, err := s.PutDocument(ctx, b, []event.Event{fresh}); err != nil || !added {
		t.Errorf("put after rollback: got added=%v, %v", added, err)
	}
}

func TestPutDocumentRejects(t *testing.T) {
	d := brief()
	tests := []struct {
		name   string
		mutate func(d *doc.Document, evs []event.Event) []event.Event
		want   string
	}{
		{"empty document id", func(d *doc.Document, evs []event.Event) []event.Event { d.ID = ""; return evs }, "empty document id"},
		{"evidence past the end", func(d *doc.Document, evs []event.Event) []event.Event {
			evs[1].Evidence.End = len(d.Text) + 1
			return evs
		}, "ends past the document"},
		{"negative start", func(d *doc.Document, evs []event.Event) []event.Event {
			evs[0].Evidence.Start = -3
			return evs
		}, "want 0 ≤ start ≤ end"},
		{"repeated id", func(d *doc.Document, evs []event.Event) []event.Event {
			evs[2].ID = evs[0].ID
			return evs
		}, "events 0 and 2 have the same id"},
		{"polarity", func(d *doc.Document, evs []event.Event) []event.Event { evs[0].Polarity = 2; return evs }, "polarity 2"},
		{"modality", func(d *doc.Document, evs []event.Event) []event.Event { evs[0].Modality = "maybe"; return evs }, `modality "maybe"`},
		{"other document", func(d *doc.Document, evs []event.Event) []event.Event { evs[0].Doc = "x"; return evs }, "belongs to document x"},
		{"empty event id", func(d *doc.Document, evs []event.Event) []event.Event { evs[3].ID = ""; return evs }, "event 3: empty id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			dd := d
			evs := tc.mutate(&dd, briefEvents(t, d))
			_, err := s.PutDocument(t.Context(), dd, evs)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			docs, err := s.Documents(t.Context(), store.DocumentFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 0 {
				t.Errorf("a rejected document was stored: %+v", docs)
			}
		})
	}
}

func TestDocumentsFilter(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	mk := func(text, title, author string, date time.Time) doc.Document {
		return doc.Document{ID: doc.HashID(text), Source: title + ".txt", Format: "text", Title: title,
			Date: date, DatePrecision: event.PrecisionDay, Author: author, Text: text}
	}
	docs := []doc.Document{
		mk("one", "Minsk speech", "BLR", time.Date(2015, 9, 28, 0, 0, 0, 0, time.UTC)),
		mk("two", "Moscow speech", "RUS", time.Date(2016, 9, 21, 0, 0, 0, 0, time.UTC)),
		mk("three", "Undated note", "", time.Time{}),
	}
	for _, d := range docs {
		if _, err := s.PutDocument(ctx, d, nil); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		f    store.DocumentFilter
		want []string
	}{
		{"all, newest first, undated last", store.DocumentFilter{}, []string{"Moscow speech", "Minsk speech", "Undated note"}},
		{"author", store.DocumentFilter{Author: "BLR"}, []string{"Minsk speech"}},
		{"search ignores case", store.DocumentFilter{Search: "SPEECH"}, []string{"Moscow speech", "Minsk speech"}},
		{"date range inclusive", store.DocumentFilter{From: time.Date(2015, 9, 28, 0, 0, 0, 0, time.UTC), To: time.Date(2016, 9, 21, 0, 0, 0, 0, time.UTC)},
			[]string{"Moscow speech", "Minsk speech"}},
		{"to excludes later", store.DocumentFilter{To: time.Date(2016, 9, 20, 0, 0, 0, 0, time.UTC)}, []string{"Minsk speech"}},
		{"limit offset", store.DocumentFilter{Limit: 1, Offset: 1}, []string{"Minsk speech"}},
		{"no match", store.DocumentFilter{Author: "CHN"}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Documents(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			titles := []string{}
			for _, d := range got {
				titles = append(titles, d.Title)
			}
			if !reflect.DeepEqual(titles, tc.want) {
				t.Errorf("got %q, want %q", titles, tc.want)
			}
		})
	}
	if _, err := s.Documents(ctx, store.DocumentFilter{Limit: -1}); err == nil {
		t.Error("negative limit: got no error")
	}
}

func TestEventsFilter(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	d := brief()
	evs := briefEvents(t, d)
	if _, err := s.PutDocument(ctx, d, evs); err != nil {
		t.Fatal(err)
	}
	dataset := evs[0]
	dataset.ID, dataset.Doc, dataset.Origin, dataset.Evidence = "gdelt-1", "", event.OriginGDELT, event.Evidence{}
	dataset.Date, dataset.Source, dataset.Target, dataset.Modality = "2020-01-15", "CHN", "BLR", event.Asserted
	if _, err := s.PutEvents(ctx, []event.Event{dataset}); err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	// evs: 0 BLR→NATO 036 2019-03-05 intent; 1 BLR→NATO 030 negated 2019-04-01;
	// 2 RUS→BLR 057 2018; 3 BLR→RUS 057 2018; 4 UKR→"" 030 hypothetical 2019-04-01.
	// 2 and 3 share day, document and evidence offset, so the id orders them.
	r1, r2 := evs[2].ID, evs[3].ID
	if r2 < r1 {
		r1, r2 = r2, r1
	}
	tests := []struct {
		name string
		f    store.EventFilter
		want []string
	}{
		{"all in date order", store.EventFilter{}, []string{r1, r2, evs[0].ID, evs[1].ID, evs[4].ID, "gdelt-1"}},
		{"source", store.EventFilter{Sources: []string{"BLR"}}, []string{evs[3].ID, evs[0].ID, evs[1].ID}},
		{"sources and targets", store.EventFilter{Sources: []string{"BLR", "RUS"}, Targets: []string{"RUS", "BLR"}}, []string{r1, r2}},
		{"empty target", store.EventFilter{Targets: []string{""}}, []string{evs[4].ID}},
		{"cameo root", store.EventFilter{CAMEORoots: []string{"05"}}, []string{r1, r2}},
		{"plover", store.EventFilter{PLOVER: []string{evs[2].PLOVER}}, []string{r1, r2}},
		{"negated", store.EventFilter{Negated: &yes}, []string{evs[1].ID}},
		{"not negated, BLR", store.EventFilter{Negated: &no, Sources: []string{"BLR"}}, []string{evs[3].ID, evs[0].ID}},
		{"modality", store.EventFilter{Modalities: []string{event.Hypothetical, event.Intent}}, []string{evs[0].ID, evs[4].ID}},
		{"origin", store.EventFilter{Origins: []string{event.OriginGDELT}}, []string{"gdelt-1"}},
		{"doc", store.EventFilter{Doc: d.ID, Sources: []string{"UKR"}}, []string{evs[4].ID}},
		{"from", store.EventFilter{From: day(2019, 4, 1)}, []string{evs[1].ID, evs[4].ID, "gdelt-1"}},
		{"to inclusive", store.EventFilter{To: day(2019, 3, 5)}, []string{r1, r2, evs[0].ID}},
		{"year-precision date is its first day", store.EventFilter{From: day(2018, 1, 1), To: day(2018, 1, 1)}, []string{r1, r2}},
		{"limit and offset", store.EventFilter{Limit: 2, Offset: 1}, []string{r2, evs[0].ID}},
		{"no match", store.EventFilter{Sources: []string{"FRA"}}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Events(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(got), tc.want) {
				t.Errorf("got %q, want %q", ids(got), tc.want)
			}
			n, err := s.CountEvents(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if tc.f.Limit == 0 && n != len(tc.want) {
				t.Errorf("count: got %d, want %d", n, len(tc.want))
			}
		})
	}

	bad := []struct {
		name string
		f    store.EventFilter
		want string
	}{
		{"bad cameo root", store.EventFilter{CAMEORoots: []string{"3"}}, `cameo root "3"`},
		{"inverted range", store.EventFilter{From: day(2020, 1, 1), To: day(2019, 1, 1)}, "end is before the start"},
		{"negative offset", store.EventFilter{Offset: -1}, "must not be negative"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.Events(ctx, tc.f); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestPutEvents(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	mk := func(id, src string) event.Event {
		e := event.Event{ID: id, Date: "2020-02-02", DatePrecision: event.PrecisionDay, Source: src, Target: "BLR",
			CAMEO: "173", Origin: event.OriginGDELT, Reports: 3}
		e.Fill()
		return e
	}
	added, err := s.PutEvents(ctx, []event.Event{mk("g1", "RUS"), mk("g2", "USA"), mk("g1", "CHN")})
	if err != nil {
		t.Fatal(err)
	}
	if added != 2 {
		t.Errorf("first batch: got %d added, want 2 (g1 repeated)", added)
	}
	got, err := s.Event(ctx, "g1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Reports != 3 || got.Goldstein != -5 || got.Quad != 4 {
		t.Errorf("got %+v", got)
	}
	// A resumed import repeats part of the batch: only new ids are added,
	// and a correction made in between is kept.
	if _, err := s.Correct(ctx, store.Correction{EventID: "g2", Action: store.ActionSet, Field: "target", New: "UKR", Who: "ana", Why: "misread actor"}); err != nil {
		t.Fatal(err)
	}
	added, err = s.PutEvents(ctx, []event.Event{mk("g2", "USA"), mk("g3", "USA")})
	if err != nil {
		t.Fatal(err)
	}
	if added != 1 {
		t.Errorf("second batch: got %d added, want 1", added)
	}
	if g2, _ := s.Event(ctx, "g2"); g2.Target != "UKR" {
		t.Errorf("correction lost on re-import: target %q", g2.Target)
	}
	if _, err := s.PutEvents(ctx, []event.Event{mk("g4", "USA"), {ID: "g5", Polarity: 7}}); err == nil {
		t.Error("bad event: got no error")
	}
	if _, err := s.Event(ctx, "g4"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("batch with a bad event was partly stored: %v", err)
	}
}

func TestPutDocuments(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	a := brief()
	aEvents := briefEvents(t, a)
	if _, err := s.PutDocument(ctx, a, aEvents[:2]); err != nil {
		t.Fatal(err)
	}
	text := "Poland said it welcomes the decision.\n"
	b := doc.Document{ID: doc.HashID(text), Source: "b.txt", Format: "text", Text: text}
	bEvent := ev(t, b, "Poland said it welcomes the decision.", "", "", "POL", "BLR", "036", event.Asserted, false)
	bCopy := b
	bCopy.Source = "copy-of-b.txt"
	added, err := s.PutDocuments(ctx, []store.Ingest{
		{Doc: a, Events: aEvents}, // stored before, now re-coded with more events
		{Doc: b, Events: []event.Event{bEvent}},
		{Doc: bCopy, Events: []event.Event{bEvent}}, // the same text again
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{false, true, false}; !reflect.DeepEqual(added, want) {
		t.Errorf("added: got %v, want %v", added, want)
	}
	n, err := s.CountEvents(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(aEvents) + 1; n != want {
		t.Errorf("got %d events, want %d", n, want)
	}
	if got, _ := s.Document(ctx, b.ID); got.Source != "b.txt" {
		t.Errorf("repeated document: source %q, want the first, b.txt", got.Source)
	}

	// One bad item fails the batch and stores nothing of it.
	text2 := "Latvia said it regrets the decision.\n"
	c := doc.Document{ID: doc.HashID(text2), Source: "c.txt", Format: "text", Text: text2}
	clash := bEvent
	clash.Doc, clash.Evidence = c.ID, span(t, text2, "Latvia said")
	_, err = s.PutDocuments(ctx, []store.Ingest{{Doc: c}, {Doc: c, Events: []event.Event{clash}}})
	if err == nil || !strings.Contains(err.Error(), "same text but different events") {
		t.Errorf("repeated document with other events: got %v", err)
	}
	_, err = s.PutDocuments(ctx, []store.Ingest{{Doc: c, Events: []event.Event{clash}}})
	if err == nil {
		t.Fatal("clashing event id: got no error")
	}
	if _, err := s.Document(ctx, c.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("document of a failed batch: got %v, want ErrNotFound", err)
	}
}

// TestKilledIngestLeavesNoHalfDocument kills a process in the middle of
// ingesting and checks that every document in the database has all its
// events: an interrupted run leaves no half-stored document.
func TestKilledIngestLeavesNoHalfDocument(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), ingestEnv+"="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	stored := 0
	for stored < 12 && sc.Scan() {
		if _, err := fmt.Sscanf(sc.Text(), "stored %d", &stored); err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("helper said %q", sc.Text())
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if stored < 12 {
		t.Fatalf("helper stopped after %d documents", stored)
	}

	s, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer s.Close()
	docs, err := s.Documents(t.Context(), store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < stored || len(docs)%4 != 0 {
		t.Errorf("got %d documents; want at least the %d reported, in whole batches of 4", len(docs), stored)
	}
	for _, d := range docs {
		if d.Events != 50 {
			t.Errorf("document %s has %d of its 50 events", d.ID, d.Events)
		}
	}
	n, err := s.CountEvents(t.Context(), store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 50*len(docs) {
		t.Errorf("got %d events for %d documents, want %d", n, len(docs), 50*len(docs))
	}
}

// TestOpenTwiceInOneProcess: two handles on one file in one process share
// the engine; writes through one are seen through the other, concurrent
// writers take turns, and closing one leaves the other working.
func TestOpenTwiceInOneProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	a, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	errs := make(chan error, 2)
	for k, s := range []*store.Store{a, b} {
		go func() {
			for i := range 5 {
				d, evs := benchDoc(100*k + i)
				if _, err := s.PutDocument(t.Context(), d, evs); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent writers: %v", err)
		}
	}
	// Corrections of one event through both handles at once.
	_, evs := benchDoc(0)
	for k, s := range []*store.Store{a, b} {
		go func() {
			for i := range 10 {
				c := store.Correction{EventID: evs[0].ID, Action: store.ActionSet, Field: "polarity",
					New: fmt.Sprint(i%3 - 1), Who: fmt.Sprint("analyst", k), Why: "test"}
				if _, err := s.Correct(t.Context(), c); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent corrections: %v", err)
		}
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	n, err := b.CountEvents(t.Context(), store.EventFilter{})
	if err != nil {
		t.Fatalf("after closing the other handle: %v", err)
	}
	if n != 10*50 {
		t.Errorf("got %d events, want %d", n, 10*50)
	}
}
