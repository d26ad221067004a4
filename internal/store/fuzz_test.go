package store_test

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// FuzzPutDocumentRoundTrip stores a document with one event built from
// fuzzed text, offsets and fields. Property: the store never panics; it
// either refuses with an error and stores nothing, or gives back exactly
// what it was given.
func FuzzPutDocumentRoundTrip(f *testing.F) {
	f.Add("Belarus said it is ready for dialogue.", 0, 12, "BLR", "NATO", "036", "2019-03-05", "intent", 1)
	f.Add("Short.", 3, 2, "", "", "", "", "", 0)
	f.Add("Текст по-русски «цитата».", 0, 9, "RUS", "", "057", "2018", "asserted", 2)
	f.Add("nul\x00byte and \xff invalid", 0, 8, "A\x00B", "X", "0311", "2019-13-45", "reported", -1)
	f.Add("", 0, 0, "BLR", "RUS", "173", "2019-02", "hypothetical", -2)
	s := open(f)
	f.Fuzz(func(t *testing.T, text string, start, end int, src, tgt, cameo, date, modality string, polarity int) {
		d := doc.Document{ID: doc.HashID(text), Source: src, Format: "text", Title: tgt, Text: text}
		e := event.Event{ID: event.MakeID(d.ID, src, tgt, cameo), Doc: d.ID, Date: date, Source: src, Target: tgt,
			CAMEO: cameo, Polarity: polarity, Modality: modality, Evidence: event.Evidence{Start: start, End: end},
			Rule: date, Origin: event.OriginText}
		if start >= 0 && end >= start && end <= len(text) {
			e.Evidence.Text = text[start:end]
		}
		_, err := s.PutDocument(t.Context(), d, []event.Event{e})
		valid := utf8.ValidString(text+src+tgt+cameo+date+modality) && e.ID != "" &&
			0 <= start && start <= end && end <= len(text) && utf8.ValidString(e.Evidence.Text) &&
			-1 <= polarity && polarity <= 1 &&
			(modality == "" || modality == event.Asserted || modality == event.Intent ||
				modality == event.Hypothetical || modality == event.Reported)
		if err != nil {
			if valid {
				t.Fatalf("refused valid input: %v", err)
			}
			return
		}
		if !valid {
			t.Fatalf("stored invalid input: %+v", e)
		}
		got, err := s.Document(t.Context(), d.ID)
		if err != nil {
			t.Fatalf("stored document: %v", err)
		}
		if got.Text != text || got.Source != src || got.Title != tgt {
			t.Fatalf("document round trip: got %q %q %q, want %q %q %q", got.Text, got.Source, got.Title, text, src, tgt)
		}
		back, err := s.Event(t.Context(), e.ID)
		if err != nil {
			t.Fatalf("stored event: %v", err)
		}
		back.DocTitle, back.DocURL, back.DocDate = "", "", ""
		if !reflect.DeepEqual(back, e) {
			t.Fatalf("event round trip:\ngot  %+v\nwant %+v", back, e)
		}
		n, err := s.CountEvents(t.Context(), store.EventFilter{Doc: d.ID, IncludeWrong: true})
		if err != nil || n != 1 {
			t.Fatalf("got %d events, %v; want 1", n, err)
		}
	})
}
