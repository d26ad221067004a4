package store_test

import (
	"context"
	"fmt"
	"log"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// Store a document with one coded event, correct the event, and list the
// events as corrected.
func Example() {
	ctx := context.Background()
	s, err := store.Open(ctx, store.Memory) // a file path in real use
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	text := "Minsk is ready for a constructive dialogue with the Alliance."
	d := doc.Document{ID: doc.HashID(text), Source: "note.txt", Format: "text", Title: "Note", Text: text}
	e := event.Event{Doc: d.ID, Date: "2019-03-05", DatePrecision: event.PrecisionDay, Source: "BLR", Target: "NATO",
		CAMEO: "036", Modality: event.Intent, Evidence: event.Evidence{Start: 0, End: len(text), Text: text},
		Rule: "ready-for-dialogue", Origin: event.OriginText}
	e.Fill()
	e.ID = event.MakeID(d.ID, "0", "BLR", "NATO", "036")

	added, err := s.PutDocument(ctx, d, []event.Event{e})
	if err != nil {
		log.Fatal(err)
	}
	again, err := s.PutDocument(ctx, d, []event.Event{e})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("added:", added, "then:", again)

	_, err = s.Correct(ctx, store.Correction{EventID: e.ID, Action: store.ActionSet, Field: "target", New: "WEST",
		Who: "analyst", Why: "the Alliance stands for the West here"})
	if err != nil {
		log.Fatal(err)
	}
	evs, err := s.Events(ctx, store.EventFilter{Sources: []string{"BLR"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range evs {
		fmt.Println(e.Date, e.Source, "→", e.Target, e.CAMEO, e.Goldstein, e.Modality, e.DocTitle)
	}
	// Output:
	// added: true then: false
	// 2019-03-05 BLR → WEST 036 4 intent Note
}
