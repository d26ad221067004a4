package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// EventFilter selects events. Every set field narrows the selection; the
// zero value selects every event not marked wrong, in the default order
// (date, document, evidence offset, id).
type EventFilter struct {
	// Sources and Targets keep events whose source (target) is one of these
	// actor codes. Empty means any.
	Sources []string
	Targets []string
	// From and To bound the event's day, both inclusive, compared as
	// calendar dates in UTC. An event dated "2018" (year precision) has the
	// day 2018-01-01. Zero means open. Events without a date are dropped
	// when either bound is set.
	From, To time.Time
	// CAMEORoots keeps events whose CAMEO code starts with one of these
	// two-digit roots ("03", "19"). Empty means any.
	CAMEORoots []string
	// PLOVER keeps events of these PLOVER types (CONSULT, AID …).
	PLOVER []string
	// Negated, when not nil, keeps only negated (true) or only
	// non-negated (false) events.
	Negated *bool
	// Modalities keeps events of these modalities (event.Asserted …).
	Modalities []string
	// Origins keeps events of these origins (event.OriginText …).
	Origins []string
	// Doc keeps the events of one document. Empty means any.
	Doc string
	// IncludeWrong also returns events an analyst marked wrong; OnlyWrong
	// returns only those. By default they are left out.
	IncludeWrong bool
	OnlyWrong    bool
	// Limit caps the number of events returned (0: no cap); Offset skips
	// that many first. Counts ignore both; exports and aggregates honour them.
	Limit, Offset int
}

// where renders the filter as a WHERE clause over the event_rows view,
// with ? placeholders and their arguments.
func (f EventFilter) where() (string, []any, error) {
	var conds []string
	var args []any
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		conds = append(conds, col+" IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ")+")")
		for _, v := range vals {
			args = append(args, v)
		}
	}
	in("source", f.Sources)
	in("target", f.Targets)
	for _, r := range f.CAMEORoots {
		if len(r) != 2 || r[0] < '0' || r[0] > '2' || r[1] < '0' || r[1] > '9' {
			return "", nil, fmt.Errorf("cameo root %q: want two digits 01…20", r)
		}
	}
	in("left(cameo, 2)", f.CAMEORoots)
	in("plover", f.PLOVER)
	in("modality", f.Modalities)
	in("origin", f.Origins)
	if f.Negated != nil {
		conds = append(conds, "negated = ?")
		args = append(args, *f.Negated)
	}
	if f.Doc != "" {
		conds = append(conds, "doc = ?")
		args = append(args, f.Doc)
	}
	if !f.From.IsZero() {
		conds = append(conds, "day >= ?")
		args = append(args, dateOnly(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, "day <= ?")
		args = append(args, dateOnly(f.To))
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return "", nil, fmt.Errorf("date range %s…%s: the end is before the start",
			f.From.Format(time.DateOnly), f.To.Format(time.DateOnly))
	}
	switch {
	case f.OnlyWrong:
		conds = append(conds, "wrong")
	case !f.IncludeWrong:
		conds = append(conds, "NOT wrong")
	}
	if f.Limit < 0 || f.Offset < 0 {
		return "", nil, fmt.Errorf("limit %d, offset %d: must not be negative", f.Limit, f.Offset)
	}
	if len(conds) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// dateOnly is t's calendar date (in its own location) at midnight UTC.
func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// eventOrder is the stable order of event listings.
const eventOrder = ` ORDER BY day NULLS LAST, doc, evidence_start, id`

// eventColumns are the event_rows columns that [scanEvent] reads, in order.
const eventColumns = `id, doc, doc_title, doc_url, doc_date, date, date_precision,
	source, target, source_role, speaker, cameo, goldstein, goldstein_version, quad,
	plover, mode, context, polarity, negated, modality, quote,
	evidence_start, evidence_end, evidence_text, rule, origin, reports, wrong`

// row is an event as stored: the record plus the wrong mark.
type row struct {
	event.Event
	wrong bool
}

// scanEvent reads the eventColumns of one row, then any columns selected
// after them into extra.
func scanEvent(sc scanner, extra ...any) (row, error) {
	var r row
	e := &r.Event
	err := sc.Scan(append([]any{&e.ID, &e.Doc, &e.DocTitle, &e.DocURL, &e.DocDate, &e.Date, &e.DatePrecision,
		&e.Source, &e.Target, &e.SourceRole, &e.Speaker, &e.CAMEO, &e.Goldstein, &e.GoldsteinVer, &e.Quad,
		&e.PLOVER, &e.Mode, &e.Context, &e.Polarity, &e.Negated, &e.Modality, &e.Quote,
		&e.Evidence.Start, &e.Evidence.End, &e.Evidence.Text, &e.Rule, &e.Origin, &e.Reports, &r.wrong}, extra...)...)
	return r, err
}

// Events returns the events f selects, as corrected by analysts, with
// DocTitle, DocURL and DocDate filled from their document. No match gives
// an empty slice and no error.
func (s *Store) Events(ctx context.Context, f EventFilter) ([]event.Event, error) {
	where, args, err := f.where()
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if f.Limit > 0 || f.Offset > 0 {
		q := `SELECT ` + eventColumns + ` FROM event_rows` + where + eventOrder + page(f.Limit, f.Offset)
		out, err := queryAll(ctx, s.db, q, args, func(sc scanner) (event.Event, error) {
			r, err := scanEvent(sc)
			return r.Event, err
		})
		if err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		return out, nil
	}
	// A whole listing is sorted here rather than by the engine: DuckDB's
	// ORDER BY carries every column of the wide rows through its sort and
	// took a third of the query's time, while sorting the scanned slice on
	// the four keys of eventOrder costs next to nothing.
	type dayed struct {
		e   event.Event
		day sql.NullTime
	}
	q := `SELECT ` + eventColumns + `, day FROM event_rows` + where
	rows, err := queryAll(ctx, s.db, q, args, func(sc scanner) (dayed, error) {
		var d dayed
		r, err := scanEvent(sc, &d.day)
		d.e = r.Event
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	order := make([]int, len(rows)) // sorting indexes moves less than sorting events
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		return cmpEvents(rows[i].day, rows[j].day, &rows[i].e, &rows[j].e)
	})
	out := make([]event.Event, len(rows))
	for i, k := range order {
		out[i] = rows[k].e
	}
	return out, nil
}

// cmpEvents orders events as eventOrder does: by day (undated last),
// document, evidence start and id. Text compares byte-wise, as DuckDB
// compares VARCHAR without a collation.
func cmpEvents(dayA, dayB sql.NullTime, a, b *event.Event) int {
	switch {
	case dayA.Valid != dayB.Valid:
		if dayA.Valid {
			return -1
		}
		return 1
	case dayA.Valid:
		if c := dayA.Time.Compare(dayB.Time); c != 0 {
			return c
		}
	}
	return cmp.Or(
		cmp.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Evidence.Start, b.Evidence.Start),
		cmp.Compare(a.ID, b.ID),
	)
}

// CountEvents returns how many events f selects, ignoring Limit and
// Offset.
func (s *Store) CountEvents(ctx context.Context, f EventFilter) (int, error) {
	where, args, err := f.where()
	if err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM event_rows`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n, nil
}

// Event returns one event by id, as corrected, whether or not it is marked
// wrong. It returns an error matching [ErrNotFound] when there is none.
func (s *Store) Event(ctx context.Context, id string) (event.Event, error) {
	r, err := s.eventRow(ctx, s.db, id)
	return r.Event, err
}

// queryer is what [sql.DB] and [sql.Conn] share.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) eventRow(ctx context.Context, q queryer, id string) (row, error) {
	r, err := scanEvent(q.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM event_rows WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return row{}, fmt.Errorf("event %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return row{}, fmt.Errorf("event %s: %w", id, err)
	}
	return r, nil
}

// PutEvents stores events that belong to no stored document (imported
// datasets) and returns how many were new. Events whose id is already
// stored are skipped, so a repeated or resumed import adds no duplicates
// and keeps the corrections made to events already stored. All or none of
// the batch is stored.
func (s *Store) PutEvents(ctx context.Context, events []event.Event) (added int, err error) {
	for i := range events {
		if err := checkEvent(&events[i], -1); err != nil {
			return 0, fmt.Errorf("put events: event %d: %w", i, err)
		}
	}
	rows := make([]row, len(events))
	for i := range events {
		rows[i].Event = events[i]
	}
	err = s.withTx(ctx, func(conn *sql.Conn) error {
		added, err = insertEvents(ctx, conn, rows)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("put events: %w", err)
	}
	return added, nil
}

// insertEvents stores checked rows inside the caller's transaction and
// returns how many were new: rows whose id is already stored are skipped,
// and of a batch that repeats an id only the first row is stored.
func insertEvents(ctx context.Context, conn *sql.Conn, rows []row) (int, error) {
	if _, err := conn.ExecContext(ctx, `DELETE FROM event_stage`); err != nil {
		return 0, err
	}
	if err := appendEvents(conn, "event_stage", rows); err != nil {
		return 0, err
	}
	res, err := conn.ExecContext(ctx, `INSERT INTO events
		SELECT * EXCLUDE (n) FROM (SELECT *, row_number() OVER (PARTITION BY id) AS n FROM event_stage)
		WHERE n = 1 ON CONFLICT DO NOTHING`)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	_, err = conn.ExecContext(ctx, `DELETE FROM event_stage`)
	return int(n), err
}

// checkEvent rejects events the store cannot keep faithfully. textLen is
// the length of the document text the evidence points into, or -1 when
// there is no document.
func checkEvent(e *event.Event, textLen int) error {
	switch {
	case e.ID == "":
		return errors.New("empty id")
	case e.Polarity < -1 || e.Polarity > 1:
		return fmt.Errorf("event %s: polarity %d: want -1, 0 or 1", e.ID, e.Polarity)
	case e.Quad < 0 || e.Quad > 4:
		return fmt.Errorf("event %s: quad class %d: want 1…4 (0 unknown)", e.ID, e.Quad)
	case e.Evidence.Start < 0 || e.Evidence.End < e.Evidence.Start:
		return fmt.Errorf("event %s: evidence [%d, %d): want 0 ≤ start ≤ end", e.ID, e.Evidence.Start, e.Evidence.End)
	case textLen >= 0 && e.Evidence.End > textLen:
		return fmt.Errorf("event %s: evidence [%d, %d) ends past the document's %d bytes",
			e.ID, e.Evidence.Start, e.Evidence.End, textLen)
	case e.Evidence.End > 1<<31-1:
		return fmt.Errorf("event %s: evidence end %d is too large", e.ID, e.Evidence.End)
	}
	switch e.Modality {
	case "", event.Asserted, event.Intent, event.Hypothetical, event.Reported:
	default:
		return fmt.Errorf("event %s: modality %q: want asserted, intent, hypothetical or reported", e.ID, e.Modality)
	}
	fields := []struct{ name, v string }{
		{"id", e.ID}, {"doc", e.Doc}, {"date", e.Date}, {"date_precision", e.DatePrecision},
		{"source", e.Source}, {"target", e.Target}, {"source_role", e.SourceRole}, {"speaker", e.Speaker},
		{"cameo", e.CAMEO}, {"goldstein_version", e.GoldsteinVer}, {"plover", e.PLOVER}, {"mode", e.Mode},
		{"context", e.Context}, {"evidence text", e.Evidence.Text}, {"rule", e.Rule}, {"origin", e.Origin},
	}
	for _, f := range fields {
		if err := checkUTF8(f.name, f.v); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
	}
	return nil
}

// checkUTF8 rejects text DuckDB cannot store: its VARCHAR holds valid
// UTF-8 only (the appender would silently turn anything else into NULL).
func checkUTF8(name, v string) error {
	if utf8.ValidString(v) {
		return nil
	}
	for i, r := range v {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(v[i:]); size == 1 {
				return fmt.Errorf("%s is not valid UTF-8 at byte %d", name, i)
			}
		}
	}
	return fmt.Errorf("%s is not valid UTF-8", name)
}

// parseDay returns the first day of the period an event date names:
// "2019-03-05", "2019-03" or "2019"; longer strings that start with a
// calendar date ("2019-03-05T10:00:00Z") count as that date.
func parseDay(s string) (time.Time, bool) {
	if len(s) > 10 {
		s = s[:10]
	}
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if len(s) != len(layout) {
			continue
		}
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// values returns r in the column order of the events table.
func (r *row) values() []driver.Value {
	e := &r.Event
	var day driver.Value
	if t, ok := parseDay(e.Date); ok {
		day = t
	}
	return []driver.Value{
		e.ID, e.Doc, e.Date, day, e.DatePrecision, e.Source, e.Target, e.SourceRole, e.Speaker,
		e.CAMEO, e.Goldstein, e.GoldsteinVer, int32(e.Quad), e.PLOVER, e.Mode, e.Context,
		int32(e.Polarity), e.Negated, e.Modality, e.Quote,
		int32(e.Evidence.Start), int32(e.Evidence.End), e.Evidence.Text, e.Rule, e.Origin,
		int32(e.Reports), r.wrong,
	}
}

// appendEvents appends rows to table (events or event_stage) with DuckDB's
// appender on conn, inside the caller's transaction.
func appendEvents(conn *sql.Conn, table string, rows []row) error {
	vals := make([][]driver.Value, len(rows))
	for i := range rows {
		vals[i] = rows[i].values()
	}
	return appendRows(conn, table, vals)
}

// appendRows appends rows of values in column order to table with
// DuckDB's appender on conn, inside the caller's transaction.
func appendRows(conn *sql.Conn, table string, rows [][]driver.Value) error {
	if len(rows) == 0 {
		return nil
	}
	return conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("append to %s: unexpected driver connection %T", table, dc)
		}
		a, err := duckdb.NewAppenderFromConn(c, "", table)
		if err != nil {
			return fmt.Errorf("append to %s: %w", table, err)
		}
		for i := range rows {
			if err := a.AppendRow(rows[i]...); err != nil {
				a.Close()
				return fmt.Errorf("append row %d (%v) to %s: %w", i+1, rows[i][0], table, err)
			}
		}
		if err := a.Close(); err != nil {
			return fmt.Errorf("append to %s: %w", table, err)
		}
		return nil
	})
}
