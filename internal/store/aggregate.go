package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Cell aggregates the events of one directed dyad, period and document
// (the cluster the statements channel bootstraps over), computed in the
// engine so that callers never pull every event into memory.
type Cell struct {
	// Period is the first day of the period (UTC).
	Period time.Time
	Source string
	Target string
	// Doc is the document id; an event without a document (an imported
	// dataset record) is its own cell, keyed by its event id.
	Doc string
	// All counts every selected event, including negated and hypothetical
	// ones, which are kept as evidence only.
	All int
	// Events counts the events that count as the act their code names
	// ([event.Event.Counts]: neither negated nor hypothetical).
	Events int
	// Weight is the sum of the Goldstein weights of those events.
	Weight float64
	// Quad counts those events per quad class: Quad[1] verbal cooperation
	// … Quad[4] material conflict; Quad[0] unknown.
	Quad [5]int
}

// Aggregate sums the events f selects per period, directed dyad and
// document, ordered by period, source, target and document. by is "day",
// "week" (ISO weeks, from Monday), "month", "year" or "" for month. Events
// without a date are left out. Limit and Offset apply to cells.
func (s *Store) Aggregate(ctx context.Context, f EventFilter, by string) ([]Cell, error) {
	switch by {
	case "":
		by = "month"
	case "day", "week", "month", "year":
	default:
		return nil, fmt.Errorf("aggregate events: period %q: want day, week, month or year", by)
	}
	where, args, err := f.where()
	if err != nil {
		return nil, fmt.Errorf("aggregate events: %w", err)
	}
	if where == "" {
		where = " WHERE day IS NOT NULL"
	} else {
		where += " AND day IS NOT NULL"
	}
	counts := `(NOT negated AND modality <> 'hypothetical')`
	q := `SELECT CAST(date_trunc('` + by + `', day) AS DATE) AS period, source, target,
		CASE WHEN doc = '' THEN id ELSE doc END AS unit,
		count(*),
		count(*) FILTER (WHERE ` + counts + `),
		coalesce(sum(goldstein) FILTER (WHERE ` + counts + `), 0),
		count(*) FILTER (WHERE ` + counts + ` AND quad NOT BETWEEN 1 AND 4),
		count(*) FILTER (WHERE ` + counts + ` AND quad = 1),
		count(*) FILTER (WHERE ` + counts + ` AND quad = 2),
		count(*) FILTER (WHERE ` + counts + ` AND quad = 3),
		count(*) FILTER (WHERE ` + counts + ` AND quad = 4)
	FROM event_rows` + where + `
	GROUP BY ALL ORDER BY period, source, target, unit` + page(f.Limit, f.Offset)
	out, err := queryAll(ctx, s.db, q, args, func(sc scanner) (Cell, error) {
		var c Cell
		err := sc.Scan(&c.Period, &c.Source, &c.Target, &c.Doc, &c.All, &c.Events, &c.Weight,
			&c.Quad[0], &c.Quad[1], &c.Quad[2], &c.Quad[3], &c.Quad[4])
		c.Period = c.Period.UTC()
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("aggregate events: %w", err)
	}
	return out, nil
}

// ActorCount summarises the events of one source actor.
type ActorCount struct {
	Actor string
	// Events counts the selected events with this source; Documents the
	// distinct documents they come from (dataset events count none).
	Events    int
	Documents int
	// First and Last are the earliest and latest event days (zero when no
	// event is dated).
	First, Last time.Time
}

// Actors lists the source actors of the events f selects, most events
// first (then by code): the countries with data, for an overview page.
// Limit and Offset apply to actors.
func (s *Store) Actors(ctx context.Context, f EventFilter) ([]ActorCount, error) {
	where, args, err := f.where()
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	q := `SELECT source, count(*), count(DISTINCT nullif(doc, '')), min(day), max(day)
		FROM event_rows` + where + ` GROUP BY source ORDER BY count(*) DESC, source` + page(f.Limit, f.Offset)
	out, err := queryAll(ctx, s.db, q, args, func(sc scanner) (ActorCount, error) {
		var a ActorCount
		var first, last sql.NullTime
		err := sc.Scan(&a.Actor, &a.Events, &a.Documents, &first, &last)
		if first.Valid {
			a.First, a.Last = first.Time.UTC(), last.Time.UTC()
		}
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return out, nil
}
