package store_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// TestCorrectionsSurviveReingest makes one correction of each kind, then
// ingests the same document again, first unchanged and then re-coded with
// an extra event and a changed rule name, and checks that every correction
// still holds, the manual event is still there and the trail is intact.
func TestCorrectionsSurviveReingest(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	d := brief()
	evs := briefEvents(t, d)
	if _, err := s.PutDocument(ctx, d, evs); err != nil {
		t.Fatal(err)
	}

	corrections := []store.Correction{
		{EventID: evs[1].ID, Action: store.ActionWrong, Who: "ana", Why: "negated: not an act"},
		{EventID: evs[0].ID, Action: store.ActionSet, Field: "target", New: "WEST", Who: "ana", Why: "the bloc, not only NATO"},
		{EventID: evs[2].ID, Action: store.ActionSet, Field: "cameo", New: "0311", Who: "ben", Why: "economic"},
		{EventID: evs[3].ID, Action: store.ActionSet, Field: "polarity", New: "0", Who: "ben", Why: "neutral in context"},
		{EventID: evs[4].ID, Action: store.ActionSet, Field: "date", New: "2019-03", Who: "ben", Why: "month known"},
		{Action: store.ActionAdd, Who: "ana", Why: "missed", Event: &event.Event{
			Doc: d.ID, Evidence: span(t, d.Text, "Minsk is ready for a constructive dialogue"),
			Source: "BLR", Target: "NATO", CAMEO: "036", Modality: event.Intent}},
	}
	var manualID string
	for i, c := range corrections {
		got, err := s.Correct(ctx, c)
		if err != nil {
			t.Fatalf("correction %d: %v", i, err)
		}
		if got.ID == 0 || got.At.IsZero() || got.Doc != d.ID {
			t.Errorf("correction %d: stored entry %+v lacks id, time or document", i, got)
		}
		if c.Action == store.ActionAdd {
			manualID = got.EventID
		}
		log, err := s.Corrections(ctx, store.CorrectionFilter{EventID: got.EventID})
		if err != nil {
			t.Fatal(err)
		}
		if last := log[len(log)-1]; last.ID != got.ID || !last.At.Equal(got.At) || last.Who != c.Who || last.Why != c.Why {
			t.Errorf("correction %d: returned %+v, stored %+v", i, got, last)
		}
	}

	check := func(stage string) {
		t.Helper()
		e0, err := s.Event(ctx, evs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if e0.Target != "WEST" {
			t.Errorf("%s: target: got %q, want WEST", stage, e0.Target)
		}
		e2, _ := s.Event(ctx, evs[2].ID)
		if e2.CAMEO != "0311" || e2.Goldstein != 5.2 {
			t.Errorf("%s: cameo: got %s (%v), want 0311 (5.2)", stage, e2.CAMEO, e2.Goldstein)
		}
		e3, _ := s.Event(ctx, evs[3].ID)
		if e3.Polarity != 0 {
			t.Errorf("%s: polarity: got %d, want 0", stage, e3.Polarity)
		}
		e4, _ := s.Event(ctx, evs[4].ID)
		if e4.Date != "2019-03" || e4.DatePrecision != event.PrecisionMonth {
			t.Errorf("%s: date: got %s/%s, want 2019-03/month", stage, e4.Date, e4.DatePrecision)
		}
		listed, err := s.Events(ctx, store.EventFilter{Doc: d.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range listed {
			if e.ID == evs[1].ID {
				t.Errorf("%s: event marked wrong is still listed", stage)
			}
		}
		wrong, err := s.Events(ctx, store.EventFilter{Doc: d.ID, OnlyWrong: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(wrong); len(got) != 1 || got[0] != evs[1].ID {
			t.Errorf("%s: wrong events: got %q, want [%s]", stage, got, evs[1].ID)
		}
		m, err := s.Event(ctx, manualID)
		if err != nil {
			t.Fatalf("%s: manual event: %v", stage, err)
		}
		if m.Origin != event.OriginManual || m.Evidence.Text != "Minsk is ready for a constructive dialogue" ||
			m.Goldstein != 4 || m.Date != "2019-04-01" || m.DatePrecision != event.PrecisionDoc {
			t.Errorf("%s: manual event: got %+v", stage, m)
		}
		byTarget, err := s.Events(ctx, store.EventFilter{Targets: []string{"WEST"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(byTarget); len(got) != 1 || got[0] != evs[0].ID {
			t.Errorf("%s: filter sees the corrected target: got %q", stage, got)
		}
		log, err := s.Corrections(ctx, store.CorrectionFilter{Doc: d.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != len(corrections) {
			t.Errorf("%s: got %d corrections, want %d", stage, len(log), len(corrections))
		}
	}
	check("after correcting")

	if added, err := s.PutDocument(ctx, d, evs); err != nil || added {
		t.Fatalf("re-ingest unchanged: got added=%v, %v", added, err)
	}
	check("after unchanged re-ingest")

	recoded := briefEvents(t, d)
	for i := range recoded {
		recoded[i].Rule = "v2-" + recoded[i].Rule
	}
	extra := ev(t, d, "Ukraine said it might recognise the election.", "", "", "UKR", "BLR", "030", event.Hypothetical, false)
	recoded = append(recoded, extra)
	if added, err := s.PutDocument(ctx, d, recoded); err != nil || added {
		t.Fatalf("re-ingest re-coded: got added=%v, %v", added, err)
	}
	check("after re-coded re-ingest")
	if e, err := s.Event(ctx, evs[0].ID); err != nil || e.Rule != "v2-"+evs[0].Rule {
		t.Errorf("re-coded rule not stored: %q, %v", e.Rule, err)
	}
	if _, err := s.Event(ctx, extra.ID); err != nil {
		t.Errorf("new event of re-coded document: %v", err)
	}
	n, err := s.CountEvents(ctx, store.EventFilter{Doc: d.ID, IncludeWrong: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(recoded) + 1; n != want {
		t.Errorf("got %d events, want %d (re-coded plus the manual one)", n, want)
	}

	// Restore undoes wrong, and the trail records both.
	if _, err := s.Correct(ctx, store.Correction{EventID: evs[1].ID, Action: store.ActionRestore, Who: "ana", Why: "second look"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountEvents(ctx, store.EventFilter{OnlyWrong: true}); n != 0 {
		t.Errorf("after restore: %d wrong events, want 0", n)
	}
	log, err := s.Corrections(ctx, store.CorrectionFilter{EventID: evs[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Old != "false" || log[0].New != "true" || log[1].New != "false" || log[1].Who != "ana" {
		t.Errorf("trail of the restored event: %+v", log)
	}
	all, err := s.Corrections(ctx, store.CorrectionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range all {
		if i > 0 && c.ID <= all[i-1].ID {
			t.Errorf("corrections out of order: %d after %d", c.ID, all[i-1].ID)
		}
		if c.Action == store.ActionAdd && (c.Event == nil || c.Event.ID != manualID) {
			t.Errorf("add entry lacks its event: %+v", c)
		}
		if c.Action == store.ActionSet && c.Field == "target" && (c.Old != "NATO" || c.New != "WEST") {
			t.Errorf("set entry old/new: got %q→%q, want NATO→WEST", c.Old, c.New)
		}
	}
}

func TestCorrectRejects(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	d := brief()
	evs := briefEvents(t, d)
	if _, err := s.PutDocument(ctx, d, evs); err != nil {
		t.Fatal(err)
	}
	id := evs[0].ID
	add := func(mut func(e *event.Event)) *event.Event {
		e := &event.Event{Doc: d.ID, Evidence: event.Evidence{Start: 0, End: 15}, Source: "BLR", Target: "NATO", CAMEO: "036"}
		mut(e)
		return e
	}
	if _, err := s.Correct(ctx, store.Correction{Action: store.ActionAdd, Who: "a", Why: "b", Event: add(func(*event.Event) {})}); err != nil {
		t.Fatal(err)
	}
	euro := strings.Index(d.Text, "“")
	tests := []struct {
		name     string
		c        store.Correction
		want     string
		notFound bool
	}{
		{"no who", store.Correction{EventID: id, Action: store.ActionWrong, Why: "x"}, "who and why are required", false},
		{"no why", store.Correction{EventID: id, Action: store.ActionWrong, Who: "x"}, "who and why are required", false},
		{"unknown action", store.Correction{EventID: id, Action: "delete", Who: "a", Why: "b"}, `action "delete"`, false},
		{"unknown event", store.Correction{EventID: "nope", Action: store.ActionWrong, Who: "a", Why: "b"}, "event nope", true},
		{"field not settable", store.Correction{EventID: id, Action: store.ActionSet, Field: "goldstein", New: "9", Who: "a", Why: "b"}, `field "goldstein"`, false},
		{"unknown cameo", store.Correction{EventID: id, Action: store.ActionSet, Field: "cameo", New: "999", Who: "a", Why: "b"}, "unknown CAMEO", false},
		{"polarity", store.Correction{EventID: id, Action: store.ActionSet, Field: "polarity", New: "2", Who: "a", Why: "b"}, "want -1, 0 or 1", false},
		{"negated", store.Correction{EventID: id, Action: store.ActionSet, Field: "negated", New: "perhaps", Who: "a", Why: "b"}, "want true or false", false},
		{"modality", store.Correction{EventID: id, Action: store.ActionSet, Field: "modality", New: "maybe", Who: "a", Why: "b"}, `modality "maybe"`, false},
		{"date", store.Correction{EventID: id, Action: store.ActionSet, Field: "date", New: "March 2019", Who: "a", Why: "b"}, "want YYYY-MM-DD", false},
		{"lower-case actor", store.Correction{EventID: id, Action: store.ActionSet, Field: "target", New: "nato", Who: "a", Why: "b"}, "upper-case", false},
		{"empty source", store.Correction{EventID: id, Action: store.ActionSet, Field: "source", New: "", Who: "a", Why: "b"}, "empty actor code", false},
		{"add without event", store.Correction{Action: store.ActionAdd, Who: "a", Why: "b"}, "missed event is required", false},
		{"add to unknown document", store.Correction{Action: store.ActionAdd, Who: "a", Why: "b", Event: add(func(e *event.Event) { e.Doc = "nope" })}, `document "nope"`, true},
		{"add past the end", store.Correction{Action: store.ActionAdd, Who: "a", Why: "b", Event: add(func(e *event.Event) { e.Evidence.End = len(d.Text) + 1 })}, "is not inside document", false},
		{"add empty span", store.Correction{Action: store.ActionAdd, Who: "a", Why: "b", Event: add(func(e *event.Event) { e.Evidence.End = 0 })}, "is not inside document", false},
		{"add cutting a character", store.Correction{Action: store.ActionAdd, Who: "a", Why: "b", Event: add(func(e *event.Event) { e.Evidence.Start = euro + 1; e.Evidence.End = euro + 10 })}, "cuts a character", false},
		{"add without cameo", store.Correction{Action: store.ActionAdd, Who: "a", Why: "b", Event: add(func(e *event.Event) { e.CAMEO = "" })}, "unknown CAMEO", false},
		{"add bad date", store.Correction{Action: store.ActionAdd, Who: "a", Why: "b", Event: add(func(e *event.Event) { e.Date = "yesterday" })}, "want YYYY-MM-DD", false},
		{"add twice", store.Correction{Action: store.ActionAdd, Who: "a", Why: "b", Event: add(func(*event.Event) {})}, "already added", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, err := s.Corrections(ctx, store.CorrectionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Correct(ctx, tc.c)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			if got := errors.Is(err, store.ErrNotFound); got != tc.notFound {
				t.Errorf("errors.Is(ErrNotFound): got %v, want %v", got, tc.notFound)
			}
			after, err := s.Corrections(ctx, store.CorrectionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(after) != len(before) {
				t.Errorf("a rejected correction was recorded")
			}
			e, err := s.Event(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want := evs[0]
			want.DocTitle, want.DocURL, want.DocDate = d.Title, d.URL, "2019-04-01"
			if e != want {
				t.Errorf("a rejected correction changed the event:\ngot  %+v\nwant %+v", e, want)
			}
		})
	}
}
