package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
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
	if d.ID == "" {
		return false, fmt.Errorf("put document %s: empty document id", d.Source)
	}
	rows := make([]row, len(events))
	seen := make(map[string]int, len(events))
	for i := range events {
		e := events[i]
		if e.Doc == "" {
			e.Doc = d.ID
		}
		if e.Doc != d.ID {
			return false, fmt.Errorf("put document %s: event %d (%s) belongs to document %s", d.ID, i, e.ID, e.Doc)
		}
		if err := checkEvent(&e, len(d.Text)); err != nil {
			return false, fmt.Errorf("put document %s: event %d: %w", d.ID, i, err)
		}
		if j, dup := seen[e.ID]; dup {
			return false, fmt.Errorf("put document %s: events %d and %d have the same id %s", d.ID, j, i, e.ID)
		}
		seen[e.ID] = i
		// The document's own fields are joined in on read, not stored twice.
		e.DocTitle, e.DocURL, e.DocDate = "", "", ""
		rows[i].Event = e
	}
	hash, err := eventsHash(rows)
	if err != nil {
		return false, fmt.Errorf("put document %s: %w", d.ID, err)
	}
	err = s.withTx(ctx, func(conn *sql.Conn) error {
		var stored string
		err := conn.QueryRowContext(ctx, `SELECT events_hash FROM documents WHERE id = ?`, d.ID).Scan(&stored)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			added = true
			if _, err := conn.ExecContext(ctx, `INSERT INTO documents
				(id, source, format, title, url, date, date_precision, author, text, events_hash, ingested_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				d.ID, d.Source, d.Format, d.Title, d.URL, nullTime(d.Date), d.DatePrecision, d.Author, d.Text,
				hash, time.Now().UTC()); err != nil {
				return fmt.Errorf("insert document: %w", err)
			}
		case err != nil:
			return fmt.Errorf("look up document: %w", err)
		case stored == hash:
			return nil
		default:
			if _, err := conn.ExecContext(ctx, `UPDATE documents SET events_hash = ? WHERE id = ?`, hash, d.ID); err != nil {
				return fmt.Errorf("update document: %w", err)
			}
			if _, err := conn.ExecContext(ctx, `DELETE FROM events WHERE doc = ? AND origin <> ?`,
				d.ID, event.OriginManual); err != nil {
				return fmt.Errorf("replace events: %w", err)
			}
		}
		log, err := correctionsFor(ctx, conn, d.ID)
		if err != nil {
			return err
		}
		for i := range rows {
			for _, c := range log[rows[i].ID] {
				// A correction that no longer applies (say, a code retired
				// from the table) is kept in the log but skipped here.
				_ = apply(&rows[i], c.Action, c.Field, c.New)
			}
		}
		return appendEvents(conn, "events", rows)
	})
	if err != nil {
		return false, fmt.Errorf("put document %s: %w", d.ID, err)
	}
	return added, nil
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
	q += " ORDER BY d.date DESC NULLS LAST, d.title, d.id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	if f.Offset > 0 {
		q += fmt.Sprintf(" OFFSET %d", f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	out := []DocumentInfo{}
	for rows.Next() {
		var di DocumentInfo
		var date sql.NullTime
		if err := rows.Scan(&di.ID, &di.Source, &di.Format, &di.Title, &di.URL, &date, &di.DatePrecision,
			&di.Author, &di.Bytes, &di.Events, &di.IngestedAt); err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		if date.Valid {
			di.Date = date.Time.UTC()
		}
		di.IngestedAt = di.IngestedAt.UTC()
		out = append(out, di)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return out, nil
}
