package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// speechEvent is an event of a dataset that cites a speech the store does
// not hold, with its id made as the coder makes it: from the document,
// offset, actors, code and rule, so that a renamed rule changes the id.
func speechEvent(t *testing.T, doc string, start, end int, src, tgt, cameo, rule string) event.Event {
	t.Helper()
	e := event.Event{Doc: doc, Date: "2019-09-25", Source: src, Target: tgt, CAMEO: cameo,
		Modality: event.Asserted, Evidence: event.Evidence{Start: start, End: end}, Rule: rule, Origin: event.OriginText}
	if !e.Fill() {
		t.Fatalf("unknown CAMEO code %s", cameo)
	}
	e.ID = event.MakeID(doc, fmt.Sprint(start), src, tgt, cameo, rule)
	return e
}

// TestReplaceEventsReappliesCorrections loads a dataset, corrects four of
// its events, and replaces it by a re-coded version whose rule names (and
// so most ids) changed, in which one corrected event no longer exists. The
// corrections must follow their events to the new ids, the orphaned one
// must be counted and kept in the log, and a later version that brings the
// event back must apply it again.
func TestReplaceEventsReappliesCorrections(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	const a, b = "speech-a", "speech-b"
	v1 := []event.Event{
		speechEvent(t, a, 0, 10, "BLR", "NATO", "036", "r1"),
		speechEvent(t, a, 20, 30, "BLR", "RUS", "057", "r1"),
		speechEvent(t, a, 40, 50, "BLR", "USA", "111", "r1"),
		speechEvent(t, b, 0, 10, "BLR", "CHN", "036", "r1"),
		speechEvent(t, b, 60, 70, "BLR", "EU", "030", "r1"),
	}
	if _, err := s.PutEvents(ctx, v1); err != nil {
		t.Fatal(err)
	}
	// Neither a dataset event without a document nor the events of a
	// stored document may be touched, even when the document is named.
	other := v1[0]
	other.ID, other.Doc, other.Origin, other.Evidence = "gdelt-1", "", event.OriginGDELT, event.Evidence{}
	if _, err := s.PutEvents(ctx, []event.Event{other}); err != nil {
		t.Fatal(err)
	}
	d := brief()
	if _, err := s.PutDocument(ctx, d, briefEvents(t, d)); err != nil {
		t.Fatal(err)
	}
	briefWrong := briefEvents(t, d)[0].ID

	for _, c := range []store.Correction{
		{EventID: v1[0].ID, Action: store.ActionWrong},
		{EventID: v1[1].ID, Action: store.ActionSet, Field: "target", New: "EU"},
		{EventID: v1[1].ID, Action: store.ActionSet, Field: "target", New: "WEST"},
		{EventID: v1[2].ID, Action: store.ActionSet, Field: "cameo", New: "112"},
		{EventID: v1[3].ID, Action: store.ActionSet, Field: "polarity", New: "0"},
		{EventID: briefWrong, Action: store.ActionWrong},
	} {
		c.Who, c.Why = "ana", "test"
		if _, err := s.Correct(ctx, c); err != nil {
			t.Fatal(err)
		}
	}

	// v2: rules renamed (new ids) except for the CHN event; the USA event's
	// span changed, so it is no longer the same event; one new event.
	v2 := []event.Event{
		speechEvent(t, a, 0, 10, "BLR", "NATO", "036", "r2"),
		speechEvent(t, a, 20, 30, "BLR", "RUS", "057", "r2"),
		speechEvent(t, a, 40, 55, "BLR", "USA", "111", "r2"),
		v1[3],
		speechEvent(t, b, 60, 70, "BLR", "EU", "030", "r2"),
		speechEvent(t, b, 80, 90, "BLR", "RUS", "043", "r2"),
	}
	replace := func(stage string, evs []event.Event, want store.Replaced) {
		t.Helper()
		got, err := s.ReplaceEvents(ctx, []string{a, b, d.ID}, evs)
		if err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		if got != want {
			t.Errorf("%s: got %+v, want %+v", stage, got, want)
		}
	}
	replace("v2", v2, store.Replaced{Added: len(v2), Reapplied: 4, Orphaned: 1})

	check := func(stage string) {
		t.Helper()
		wrong, err := s.Events(ctx, store.EventFilter{OnlyWrong: true})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ids(wrong), []string{v2[0].ID, briefWrong}; !sameSet(got, want) {
			t.Errorf("%s: wrong events: got %v, want %v", stage, got, want)
		}
		if e, err := s.Event(ctx, v2[1].ID); err != nil || e.Target != "WEST" {
			t.Errorf("%s: target of the re-coded RUS event: got %q, %v; want WEST", stage, e.Target, err)
		}
		if e, err := s.Event(ctx, v1[3].ID); err != nil || e.Polarity != 0 {
			t.Errorf("%s: polarity of the unchanged CHN event: got %d, %v; want 0", stage, e.Polarity, err)
		}
		if e, err := s.Event(ctx, v2[2].ID); err != nil || e.CAMEO != "111" {
			t.Errorf("%s: the changed USA event: got %s, %v; want it uncorrected (111)", stage, e.CAMEO, err)
		}
		for _, id := range []string{v1[0].ID, v1[1].ID, v1[2].ID} {
			if _, err := s.Event(ctx, id); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s: old event %s: got %v, want ErrNotFound", stage, id, err)
			}
		}
		for _, id := range []string{"gdelt-1", briefWrong} {
			if _, err := s.Event(ctx, id); err != nil {
				t.Errorf("%s: event %s outside the dataset: %v", stage, id, err)
			}
		}
		for _, tc := range []struct {
			event string
			want  int
		}{{v2[0].ID, 1}, {v2[1].ID, 2}, {v1[2].ID, 1}, {v1[3].ID, 1}} {
			log, err := s.Corrections(ctx, store.CorrectionFilter{EventID: tc.event})
			if err != nil {
				t.Fatal(err)
			}
			if len(log) != tc.want {
				t.Errorf("%s: log of event %s: got %d entries, want %d", stage, tc.event, len(log), tc.want)
			}
		}
		all, err := s.Corrections(ctx, store.CorrectionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 6 {
			t.Errorf("%s: got %d log entries, want all 6 kept", stage, len(all))
		}
	}
	check("v2")
	// The same version again: the corrections are found by id now, and
	// the orphan is still reported.
	replace("v2 again", v2, store.Replaced{Added: len(v2), Reapplied: 4, Orphaned: 1})
	check("v2 again")

	// v3 brings the USA event back as first coded: its correction applies
	// again.
	v3 := append(slices.Clone(v2[:2]), v1[2], v1[3])
	replace("v3", v3, store.Replaced{Added: len(v3), Reapplied: 5})
	if e, err := s.Event(ctx, v1[2].ID); err != nil || e.CAMEO != "112" {
		t.Errorf("v3: the USA event back: got %s, %v; want its correction to 112", e.CAMEO, err)
	}
	if n, err := s.CountEvents(ctx, store.EventFilter{Doc: b, IncludeWrong: true}); err != nil || n != 1 {
		t.Errorf("v3: events of speech b: got %d, %v; want 1", n, err)
	}
}

// TestReingestFollowsChangedIDs re-ingests a document coded by a coder
// whose rule names, and so event ids, changed: the corrections follow their
// events to the new ids.
func TestReingestFollowsChangedIDs(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	d := brief()
	coded := func(rule string) []event.Event {
		evs := briefEvents(t, d)
		for i := range evs {
			e := &evs[i]
			e.Rule = rule
			e.ID = event.MakeID(d.ID, fmt.Sprint(e.Evidence.Start), e.Source, e.Target, e.CAMEO, rule)
		}
		return evs
	}
	v1, v2 := coded("r1"), coded("r2")
	if _, err := s.PutDocument(ctx, d, v1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Correct(ctx, store.Correction{EventID: v1[0].ID, Action: store.ActionSet, Field: "target", New: "WEST", Who: "ana", Why: "bloc"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutDocument(ctx, d, v2); err != nil {
		t.Fatal(err)
	}
	e, err := s.Event(ctx, v2[0].ID)
	if err != nil || e.Target != "WEST" {
		t.Errorf("re-coded event: got target %q, %v; want WEST", e.Target, err)
	}
	log, err := s.Corrections(ctx, store.CorrectionFilter{EventID: v2[0].ID})
	if err != nil || len(log) != 1 || log[0].Old != "NATO" {
		t.Errorf("log of the re-coded event: got %+v, %v; want the NATO→WEST entry", log, err)
	}
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
