package store_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// Helper subprocess modes of this test binary (see TestMain): holdEnv
// names a database to open and hold until stdin closes; ingestEnv names a
// database to ingest documents into until killed.
const (
	holdEnv   = "FULCRUM_STORE_TEST_HOLD"
	ingestEnv = "FULCRUM_STORE_TEST_INGEST"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(holdEnv); path != "" {
		os.Exit(hold(path))
	}
	if path := os.Getenv(ingestEnv); path != "" {
		os.Exit(ingestForever(path))
	}
	os.Exit(m.Run())
}

// ingestForever stores documents of 50 events each, in batches of 4,
// saying "stored N" after each commit, until it is killed.
func ingestForever(path string) int {
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	for i := 0; ; i += 4 {
		batch := make([]store.Ingest, 4)
		for k := range batch {
			batch[k].Doc, batch[k].Events = benchDoc(i + k)
		}
		if _, err := s.PutDocuments(ctx, batch); err != nil {
			fmt.Println("error:", err)
			return 1
		}
		fmt.Println("stored", i+4)
	}
}

// hold opens the store at path, says "ready" on stdout and keeps it open
// until stdin reaches EOF.
func hold(path string) int {
	s, err := store.Open(context.Background(), path)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println("ready")
	bufio.NewReader(os.Stdin).ReadString('\n')
	if err := s.Close(); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	return 0
}

// open returns a new store in a temporary folder, closed at the end of the
// test.
func open(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(tb.Context(), filepath.Join(tb.TempDir(), "f.db"))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close: %v", err)
		}
	})
	return s
}

// briefText is a short policy brief written for these tests.
const briefText = "On 5 March 2019 the Foreign Minister of Belarus said that Minsk is ready for a constructive dialogue with the North Atlantic bloc.\n" +
	"Belarus has never shown any willingness to join NATO.\n" +
	"In 2018 Russia and Belarus signed an agreement on “Union State” integration.\n" +
	"Ukraine said it might recognise the election.\n"

func brief() doc.Document {
	return doc.Document{
		ID:            doc.HashID(briefText),
		Source:        "testdata/brief.txt",
		Format:        "text",
		Title:         "Minsk between blocs",
		URL:           "https://example.org/brief",
		Date:          time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC),
		DatePrecision: event.PrecisionDay,
		Author:        "",
		Text:          briefText,
	}
}

// span returns the evidence for the first occurrence of sub in text.
func span(tb testing.TB, text, sub string) event.Evidence {
	tb.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		tb.Fatalf("%q not in text", sub)
	}
	return event.Evidence{Start: i, End: i + len(sub), Text: sub}
}

// ev builds a filled event of document d.
func ev(tb testing.TB, d doc.Document, sentence, date, prec, src, tgt, cameo, modality string, negated bool) event.Event {
	tb.Helper()
	e := event.Event{
		Doc:           d.ID,
		Date:          date,
		DatePrecision: prec,
		Source:        src,
		Target:        tgt,
		SourceRole:    "GOV",
		CAMEO:         cameo,
		Negated:       negated,
		Modality:      modality,
		Evidence:      span(tb, d.Text, sentence),
		Rule:          "test-" + cameo,
		Origin:        event.OriginText,
	}
	if !e.Fill() {
		tb.Fatalf("unknown CAMEO code %s", cameo)
	}
	e.ID = event.MakeID(d.ID, fmt.Sprint(e.Evidence.Start), src, tgt, cameo)
	return e
}

// briefEvents are the events a coder would find in brief().
func briefEvents(tb testing.TB, d doc.Document) []event.Event {
	tb.Helper()
	return []event.Event{
		ev(tb, d, "On 5 March 2019 the Foreign Minister of Belarus said that Minsk is ready for a constructive dialogue with the North Atlantic bloc.",
			"2019-03-05", event.PrecisionDay, "BLR", "NATO", "036", event.Intent, false),
		ev(tb, d, "Belarus has never shown any willingness to join NATO.",
			"2019-04-01", event.PrecisionDoc, "BLR", "NATO", "030", event.Asserted, true),
		ev(tb, d, "In 2018 Russia and Belarus signed an agreement on “Union State” integration.",
			"2018", event.PrecisionYear, "RUS", "BLR", "057", event.Asserted, false),
		ev(tb, d, "In 2018 Russia and Belarus signed an agreement on “Union State” integration.",
			"2018", event.PrecisionYear, "BLR", "RUS", "057", event.Asserted, false),
		ev(tb, d, "Ukraine said it might recognise the election.",
			"2019-04-01", event.PrecisionDoc, "UKR", "", "030", event.Hypothetical, false),
	}
}

// ids lists the ids of events, in order.
func ids(evs []event.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}
