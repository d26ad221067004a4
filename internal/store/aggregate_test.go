package store_test

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// periodStart truncates an event date to the first day of its period.
func periodStart(tb testing.TB, date, by string) (time.Time, bool) {
	tb.Helper()
	var t time.Time
	var err error
	switch len(date) {
	case 0:
		return t, false
	case 4:
		t, err = time.Parse("2006", date)
	case 7:
		t, err = time.Parse("2006-01", date)
	default:
		t, err = time.Parse(time.DateOnly, date)
	}
	if err != nil {
		tb.Fatalf("date %q: %v", date, err)
	}
	switch by {
	case "week":
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)), true
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), true
	case "year":
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC), true
	}
	return t, true
}

// TestAggregateMatchesEvents compares the engine's aggregates with the same
// sums computed in Go from Events and event.Counts.
func TestAggregateMatchesEvents(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	d := brief()
	evs := briefEvents(t, d)
	if _, err := s.PutDocument(ctx, d, evs); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		d, evs := benchDoc(1000 + i)
		for j := range evs {
			evs[j].Date = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i+j).Format(time.DateOnly)
			evs[j].Negated = j%7 == 0
			if j%5 == 0 {
				evs[j].Modality = event.Hypothetical
			}
			evs[j].Target = []string{"RUS", "NATO", "EU"}[j%3]
		}
		if _, err := s.PutDocument(ctx, d, evs); err != nil {
			t.Fatal(err)
		}
	}
	var dataset []event.Event
	for i := range 30 {
		e := event.Event{ID: fmt.Sprintf("g%d", i), Date: fmt.Sprintf("2019-%02d-15", i%12+1), Source: "BLR", Target: "RUS",
			CAMEO: []string{"036", "173", "057"}[i%3], Origin: event.OriginGDELT}
		e.Fill()
		dataset = append(dataset, e)
	}
	dataset = append(dataset, event.Event{ID: "undated", Source: "BLR", Target: "RUS", CAMEO: "036", Origin: event.OriginGDELT})
	if _, err := s.PutEvents(ctx, dataset); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Correct(ctx, store.Correction{EventID: "g4", Action: store.ActionWrong, Who: "a", Why: "b"}); err != nil {
		t.Fatal(err)
	}

	filters := []store.EventFilter{{}, {Sources: []string{"BLR"}}, {Targets: []string{"NATO", "EU"}, From: time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC)}}
	for fi, f := range filters {
		for _, by := range []string{"day", "week", "month", "year"} {
			t.Run(fmt.Sprintf("filter%d/%s", fi, by), func(t *testing.T) {
				got, err := s.Aggregate(ctx, f, by)
				if err != nil {
					t.Fatal(err)
				}
				all, err := s.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				cells := map[string]*store.Cell{}
				for _, e := range all {
					p, ok := periodStart(t, e.Date, by)
					if !ok {
						continue
					}
					unit := e.Doc
					if unit == "" {
						unit = e.ID
					}
					key := p.Format(time.DateOnly) + "|" + e.Source + "|" + e.Target + "|" + unit
					c := cells[key]
					if c == nil {
						c = &store.Cell{Period: p, Source: e.Source, Target: e.Target, Doc: unit}
						cells[key] = c
					}
					c.All++
					if e.Counts() {
						c.Events++
						c.Weight += e.Goldstein
						q := e.Quad
						if q < 1 || q > 4 {
							q = 0
						}
						c.Quad[q]++
					}
				}
				want := make([]store.Cell, 0, len(cells))
				for _, c := range cells {
					want = append(want, *c)
				}
				sort.Slice(want, func(i, j int) bool {
					a, b := want[i], want[j]
					switch {
					case !a.Period.Equal(b.Period):
						return a.Period.Before(b.Period)
					case a.Source != b.Source:
						return a.Source < b.Source
					case a.Target != b.Target:
						return a.Target < b.Target
					}
					return a.Doc < b.Doc
				})
				if len(got) != len(want) {
					t.Fatalf("got %d cells, want %d", len(got), len(want))
				}
				for i := range got {
					g, w := got[i], want[i]
					if math.Abs(g.Weight-w.Weight) > 1e-9 {
						t.Errorf("cell %d weight: got %v, want %v", i, g.Weight, w.Weight)
					}
					g.Weight = w.Weight
					if !reflect.DeepEqual(g, w) {
						t.Errorf("cell %d:\ngot  %+v\nwant %+v", i, g, w)
					}
				}
			})
		}
	}
	if _, err := s.Aggregate(ctx, store.EventFilter{}, "fortnight"); err == nil {
		t.Error("bad period: got no error")
	}
}

func TestActors(t *testing.T) {
	s, _ := storeWithBrief(t) // evs[1] (BLR, 2019-04-01) is marked wrong
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	undated := event.Event{ID: "g-undated", Source: "BLR", Target: "RUS", CAMEO: "036", Origin: event.OriginGDELT}
	undated.Fill()
	if _, err := s.PutEvents(t.Context(), []event.Event{undated}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Actors(t.Context(), store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.ActorCount{
		{Actor: "BLR", Events: 3, Documents: 1, First: day(2018, 1, 1), Last: day(2019, 3, 5)},
		{Actor: "RUS", Events: 1, Documents: 1, First: day(2018, 1, 1), Last: day(2018, 1, 1)},
		{Actor: "UKR", Events: 1, Documents: 1, First: day(2019, 4, 1), Last: day(2019, 4, 1)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	got, err = s.Actors(t.Context(), store.EventFilter{Origins: []string{event.OriginGDELT}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Documents != 0 || !got[0].First.IsZero() {
		t.Errorf("undated dataset event: got %+v", got)
	}
}
