package store_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// TestEventsOrderWithAndWithoutPaging checks that a whole listing (sorted
// in Go) comes in exactly the order of paged listings (sorted by the
// engine), over events that tie on every key but the last: undated ones,
// dates of each precision, dataset events without a document, and events
// sharing a document and an evidence offset.
func TestEventsOrderWithAndWithoutPaging(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	rng := rand.New(rand.NewPCG(1, 2))
	dates := []string{"", "2018", "2018-01", "2018-01-01", "2019-03-05", "2019-03", "2017-12-31"}
	docs := []string{"", "a1", "a2", "B0", "b0", "é"}
	sources := []string{"BLR", "RUS"}
	var evs []event.Event
	for i := range 300 {
		e := event.Event{
			Doc: docs[rng.IntN(len(docs))], Date: dates[rng.IntN(len(dates))],
			Source: sources[rng.IntN(len(sources))], Target: "NATO", CAMEO: "036",
			Modality: event.Asserted, Origin: event.OriginGDELT,
			Evidence: event.Evidence{Start: rng.IntN(3) * 10, End: 40},
		}
		e.Fill()
		e.ID = fmt.Sprintf("%x-%d", rng.Uint32()%7, i)
		evs = append(evs, e)
	}
	if _, err := s.PutEvents(ctx, evs); err != nil {
		t.Fatal(err)
	}
	for _, f := range []store.EventFilter{{}, {Sources: []string{"BLR"}}} {
		t.Run(fmt.Sprint(f.Sources), func(t *testing.T) {
			all, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var paged []event.Event
			for f.Offset = 0; ; f.Offset += 17 {
				f.Limit = 17
				p, err := s.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if len(p) == 0 {
					break
				}
				paged = append(paged, p...)
			}
			if len(all) == 0 || len(all) != len(paged) {
				t.Fatalf("got %d events whole and %d paged, want the same non-zero count", len(all), len(paged))
			}
			if got, want := ids(all), ids(paged); !slices.Equal(got, want) {
				t.Errorf("whole listing order differs from the engine's:\ngot  %v\nwant %v", got, want)
			}
		})
	}
}
