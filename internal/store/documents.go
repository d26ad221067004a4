package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// PutDocument stores a document and its coded events in one transaction:
// all of them or nothing. It reports added=true when the document was new.
//
// Ingest is idempotent. Storing a document whose id is already stored with
// the same events changes nothing (added=false). When the events differ
// (the document was coded again by newer rules), the stored non-manual
// events of that document are replaced by the given ones (added=false), the
// document's metadata is kept as first stored, manual events stay, and the
// correction log is applied again to the new events that keep the ids of
// corrected ones — so corrections survive re-ingest.
//
// Each event's Doc must be d.ID or empty (it is then set to d.ID); its
// evidence must lie inside d.Text; ids must be unique. An id already stored
// for another document makes the whole call fail and store nothing.
func (s *Store) PutDocument(ctx context.Context, d doc.Document, events []event.Event) (added bool, err error) {
	a, err := s.PutDocuments(ctx, []Ingest{{Doc: d, Events: events}})
	if err != nil {
		return false, err
	}
	return a[0], nil
}

// Ingest is a document with its coded events, for [Store.PutDocuments].
type Ingest struct {
	Doc    doc.Document
	Events []event.Event
}

// PutDocuments stores several documents as [Store.PutDocument] does, in
// one transaction: all of them or none. Batching is much faster than one
// call per document (a DuckDB commit costs milliseconds); a caller that
// wants the rest of a batch stored when one document fails can retry the
// batch one document at a time. added[i] reports whether items[i] was new;
// a document repeated within the batch counts as new only once.
func (s *Store) PutDocuments(ctx context.Context, items []Ingest) (added []bool, err error) {
	type prepared struct {
		rows []row
		hash string
	}
	prep := make([]prepared, len(items))
	for k, it := range items {
		rows, err := prepareEvents(it.Doc, it.Events)
		if err != nil {
			return nil, err
		}
		hash, err := eventsHash(rows)
		if err != nil {
			return nil, fmt.Errorf("put document %s: %w", it.Doc.ID, err)
		}
		prep[k] = prepared{rows, hash}
	}
	added = make([]bool, len(items))
	err = s.withTx(ctx, func(conn *sql.Conn) error {
		stored, err := storedHashes(ctx, conn, items)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		var newDocs [][]driver.Value
		var rows []row
		inBatch := make(map[string]int, len(items))
		for k, it := range items {
			d, p := it.Doc, prep[k]
			if j, dup := inBatch[d.ID]; dup {
				if prep[j].hash != p.hash {
					return fmt.Errorf("document %s: items %d and %d have the same text but different events", d.ID, j, k)
				}
				continue
			}
			inBatch[d.ID] = k
			h, ok := stored[d.ID]
			switch {
			case !ok:
				added[k] = true
				newDocs = append(newDocs, []driver.Value{d.ID, d.Source, d.Format, d.Title, d.URL, nullTime(d.Date),
					d.DatePrecision, d.Author, d.Text, p.hash, now})
				// A new document has no corrections yet.
				rows = append(rows, p.rows...)
			case h == p.hash:
				// Stored with the same events: nothing to do.
			default:
				if err := recode(ctx, conn, d.ID, p.hash, p.rows); err != nil {
					return fmt.Errorf("document %s: %w", d.ID, err)
				}
				rows = append(rows, p.rows...)
			}
		}
		if err := appendRows(conn, "documents", newDocs); err != nil {
			return err
		}
		return appendEvents(conn, "events", rows)
	})
	if err != nil {
		if len(items) == 1 {
			return nil, fmt.Errorf("put document %s: %w", items[0].Doc.ID, err)
		}
		return nil, fmt.Errorf("put %d documents: %w", len(items), err)
	}
	return added, nil
}

// prepareEvents checks d and its events and returns them as rows.
func prepareEvents(d doc.Document, events []event.Event) ([]row, error) {
	if d.ID == "" {
		return nil, fmt.Errorf("put document %s: empty document id", d.Source)
	}
	for _, f := range []struct{ name, v string }{{"id", d.ID}, {"source", d.Source}, {"format", d.Format},
		{"title", d.Title}, {"url", d.URL}, {"date precision", d.DatePrecision}, {"author", d.Author}, {"text", d.Text}} {
		if err := checkUTF8(f.name, f.v); err != nil {
			return nil, fmt.Errorf("put document %s: %w", d.ID, err)
		}
	}
	rows := make([]row, len(events))
	seen := make(map[string]int, len(events))
	for i := range events {
		e := events[i]
		if e.Doc == "" {
			e.Doc = d.ID
		}
		if e.Doc != d.ID {
			return nil, fmt.Errorf("put document %s: event %d (%s) belongs to document %s", d.ID, i, e.ID, e.Doc)
		}
		if err := checkEvent(&e, len(d.Text)); err != nil {
			return nil, fmt.Errorf("put document %s: event %d: %w", d.ID, i, err)
		}
		if j, dup := seen[e.ID]; dup {
			return nil, fmt.Errorf("put document %s: events %d and %d have the same id %s", d.ID, j, i, e.ID)
		}
		seen[e.ID] = i
		// The document's own fields are joined in on read, not stored twice.
		e.DocTitle, e.DocURL, e.DocDate = "", "", ""
		rows[i].Event = e
	}
	return rows, nil
}

// storedHashes returns the events hash of those items' documents that are
// already stored, by document id.
func storedHashes(ctx context.Context, conn *sql.Conn, items []Ingest) (map[string]string, error) {
	out := make(map[string]string, len(items))
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.Doc.ID
	}
	err := inChunks(ids, func(in string, args []any) error {
		got, err := queryAll(ctx, conn, `SELECT id, events_hash FROM documents WHERE id IN (`+in+`)`, args,
			func(sc scanner) ([2]string, error) {
				var v [2]string
				err := sc.Scan(&v[0], &v[1])
				return v, err
			})
		for _, v := range got {
			out[v[0]] = v[1]
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("look up documents: %w", err)
	}
	return out, nil
}

// recode prepares a stored document for its re-coded events: it records
// the new events hash, deletes the old non-manual events and applies the
// correction log to rows, as [Store.ReplaceEvents] does: to the new event
// with the corrected event's id, else to the one with its key. A
// correction that no longer applies (say, a code retired from the table)
// is kept in the log but skipped here.
func recode(ctx context.Context, conn *sql.Conn, docID, hash string, rows []row) error {
	if _, err := conn.ExecContext(ctx, `UPDATE documents SET events_hash = ? WHERE id = ?`, hash, docID); err != nil {
		return fmt.Errorf("update document: %w", err)
	}
	old, err := correctedEvents(ctx, conn, []string{docID}, func(c *corrected) bool {
		return !c.present || c.origin != event.OriginManual
	})
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `DELETE FROM events WHERE doc = ? AND origin <> ?`,
		docID, event.OriginManual); err != nil {
		return fmt.Errorf("replace events: %w", err)
	}
	moves, _ := reapply(old, rows)
	return moveCorrections(ctx, conn, moves)
}

// eventsHash fingerprints a document's events so that re-ingesting
// unchanged events can be detected without touching them.
func eventsHash(rows []row) (string, error) {
	h := sha256.New()
	for i := range rows {
		b, err := json.Marshal(&rows[i].Event)
		if err != nil {
			return "", fmt.Errorf("event %s: %w", rows[i].ID, err)
		}
		h.Write(b)
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// Document returns a stored document with its text. It returns an error
// matching [ErrNotFound] when there is none.
func (s *Store) Document(ctx context.Context, id string) (doc.Document, error) {
	var d doc.Document
	var date sql.NullTime
	err := s.db.QueryRowContext(ctx, `SELECT id, source, format, title, url, date, date_precision, author, text
		FROM documents WHERE id = ?`, id).
		Scan(&d.ID, &d.Source, &d.Format, &d.Title, &d.URL, &date, &d.DatePrecision, &d.Author, &d.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return doc.Document{}, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return doc.Document{}, fmt.Errorf("document %s: %w", id, err)
	}
	if date.Valid {
		d.Date = date.Time.UTC()
	}
	return d, nil
}

// DocumentInfo describes a stored document without its text.
type DocumentInfo struct {
	ID            string
	Source        string
	Format        string
	Title         string
	URL           string
	Date          time.Time // zero when unknown
	DatePrecision string
	Author        string
	// Bytes is the length of the document's text.
	Bytes int
	// Events counts the document's events, not counting those marked wrong.
	Events     int
	IngestedAt time.Time
}

// DocumentFilter selects documents. The zero value selects all, newest
// publication date first.
type DocumentFilter struct {
	// Author keeps the documents of one speaker (actor code).
	Author string
	// Format keeps documents of one format (text, html, pdf …).
	Format string
	// Search keeps documents whose title, source or URL contains it,
	// ignoring case.
	Search string
	// From and To bound the publication date, both inclusive, as calendar
	// dates in UTC; zero means open.
	From, To time.Time
	// Limit caps the result (0: no cap); Offset skips that many first.
	Limit, Offset int
}

// Documents lists the documents f selects. No match gives an empty slice.
func (s *Store) Documents(ctx context.Context, f DocumentFilter) ([]DocumentInfo, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, fmt.Errorf("documents: limit %d, offset %d: must not be negative", f.Limit, f.Offset)
	}
	var conds []string
	var args []any
	if f.Author != "" {
		conds = append(conds, "d.author = ?")
		args = append(args, f.Author)
	}
	if f.Format != "" {
		conds = append(conds, "d.format = ?")
		args = append(args, f.Format)
	}
	if f.Search != "" {
		conds = append(conds, "(contains(lower(d.title), ?) OR contains(lower(d.source), ?) OR contains(lower(d.url), ?))")
		q := strings.ToLower(f.Search)
		args = append(args, q, q, q)
	}
	if !f.From.IsZero() {
		conds = append(conds, "d.date >= ?")
		args = append(args, dateOnly(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, "d.date < ?")
		args = append(args, dateOnly(f.To).AddDate(0, 0, 1))
	}
	q := `SELECT d.id, d.source, d.format, d.title, d.url, d.date, d.date_precision, d.author,
		strlen(d.text), coalesce(n.n, 0), d.ingested_at
		FROM documents d
		LEFT JOIN (SELECT doc, count(*) AS n FROM events WHERE NOT wrong GROUP BY doc) n ON n.doc = d.id`
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += " ORDER BY d.date DESC NULLS LAST, d.title, d.id" + page(f.Limit, f.Offset)
	out, err := queryAll(ctx, s.db, q, args, func(sc scanner) (DocumentInfo, error) {
		var di DocumentInfo
		var date sql.NullTime
		err := sc.Scan(&di.ID, &di.Source, &di.Format, &di.Title, &di.URL, &date, &di.DatePrecision,
			&di.Author, &di.Bytes, &di.Events, &di.IngestedAt)
		if date.Valid {
			di.Date = date.Time.UTC()
		}
		di.IngestedAt = di.IngestedAt.UTC()
		return di, err
	})
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return out, nil
}
