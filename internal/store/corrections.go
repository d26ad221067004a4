package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// Correction actions.
const (
	// ActionWrong marks an event wrong: it stays stored (and listed with
	// [EventFilter.IncludeWrong]) but no longer counts anywhere.
	ActionWrong = "wrong"
	// ActionRestore undoes ActionWrong.
	ActionRestore = "restore"
	// ActionSet changes one field of an event: cameo, source, target,
	// polarity, negated, modality or date (see [SettableFields]).
	ActionSet = "set"
	// ActionAdd adds an event the coder missed, from a span of a stored
	// document, with origin [event.OriginManual].
	ActionAdd = "add"
)

// SettableFields are the event fields an [ActionSet] correction may
// change, by their DESIGN.md §2 names. Setting cameo also resets
// goldstein, quad, polarity and the PLOVER fields from the shipped tables.
// Read it; don't change it (the store checks against its own copy).
var SettableFields = append([]string(nil), settableFields...)

// settableFields is the list the store checks corrections against.
var settableFields = []string{"cameo", "source", "target", "polarity", "negated", "modality", "date"}

// Correction is one entry of the audit trail: who changed which event,
// when, why, and the value before and after.
type Correction struct {
	// ID is assigned by the store, increasing in the order corrections were
	// made.
	ID int64
	// EventID is the corrected event. For ActionAdd the store sets it to
	// the new event's id.
	EventID string
	// Doc is the event's document, set by the store ("" for dataset events).
	Doc string
	// Action is one of ActionWrong, ActionRestore, ActionSet, ActionAdd.
	Action string
	// Field is the changed field for ActionSet (one of [SettableFields]);
	// "wrong" for ActionWrong and ActionRestore; "" for ActionAdd.
	Field string
	// Old is the value before, set by the store. New is the value after:
	// given by the caller for ActionSet; for ActionAdd the store sets it to
	// the added event as JSON.
	Old, New string
	// Who made the correction and Why; both required.
	Who, Why string
	// At is when the correction was made, set by the store (UTC).
	At time.Time
	// Event is the missed event for ActionAdd: Doc, Evidence.Start and
	// Evidence.End (a span of the document's text), Source and CAMEO are
	// required; Target, Date, Modality, Negated, Quote and Speaker are
	// optional. The store fills the evidence text, the CAMEO-derived
	// fields, Origin "manual", Rule ("manual" unless given), the date (the
	// document's, with precision "doc", unless given) and the id. Ignored
	// for other actions. Corrections returns it for ActionAdd entries.
	Event *event.Event
}

// Correct applies one correction and records it in the audit trail, in one
// transaction, and returns the stored entry. The event keeps its id. An
// unknown event or document gives an error matching [ErrNotFound]; an
// invalid value gives an error naming the field and changes nothing.
func (s *Store) Correct(ctx context.Context, c Correction) (Correction, error) {
	c.Who, c.Why = strings.TrimSpace(c.Who), strings.TrimSpace(c.Why)
	if c.Who == "" || c.Why == "" {
		return Correction{}, fmt.Errorf("correct event %s: who and why are required", c.EventID)
	}
	c.At = time.Now().UTC().Truncate(time.Microsecond) // what TIMESTAMP keeps
	err := s.withTx(ctx, func(conn *sql.Conn) error {
		if err := s.correct(ctx, conn, &c); err != nil {
			return err
		}
		return conn.QueryRowContext(ctx, `INSERT INTO corrections (event_id, doc, action, field, old, new, who, why, made_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.EventID, c.Doc, c.Action, c.Field, c.Old, c.New, c.Who, c.Why, c.At).Scan(&c.ID)
	})
	if err != nil {
		return Correction{}, fmt.Errorf("correct event %s: %w", c.EventID, err)
	}
	return c, nil
}

// correct changes the stored events for c and completes c's Doc, Field,
// Old, New (and EventID and Event for ActionAdd).
func (s *Store) correct(ctx context.Context, conn *sql.Conn, c *Correction) error {
	switch c.Action {
	case ActionWrong, ActionRestore, ActionSet:
		r, err := s.eventRow(ctx, conn, c.EventID)
		if err != nil {
			return err
		}
		c.Doc = r.Doc
		if c.Action == ActionSet {
			if !settable(c.Field) {
				return fmt.Errorf("field %q cannot be corrected; want one of %s", c.Field, strings.Join(settableFields, ", "))
			}
			c.Old = fieldValue(&r, c.Field)
		} else {
			c.Field, c.Old = "wrong", strconv.FormatBool(r.wrong)
			c.New = strconv.FormatBool(c.Action == ActionWrong)
		}
		if err := apply(&r, c.Action, c.Field, c.New); err != nil {
			return err
		}
		return updateEvent(ctx, conn, &r)
	case ActionAdd:
		if c.Event == nil {
			return errors.New("add: the missed event is required")
		}
		e, err := manualEvent(ctx, conn, *c.Event)
		if err != nil {
			return err
		}
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		c.EventID, c.Doc, c.Field, c.Old, c.New, c.Event = e.ID, e.Doc, "", "", string(b), &e
		return appendEvents(conn, "events", []row{{Event: e}})
	}
	return fmt.Errorf("action %q: want wrong, restore, set or add", c.Action)
}

func settable(field string) bool {
	for _, f := range settableFields {
		if f == field {
			return true
		}
	}
	return false
}

// fieldValue is the current value of a settable field as text.
func fieldValue(r *row, field string) string {
	e := &r.Event
	switch field {
	case "cameo":
		return e.CAMEO
	case "source":
		return e.Source
	case "target":
		return e.Target
	case "polarity":
		return strconv.Itoa(e.Polarity)
	case "negated":
		return strconv.FormatBool(e.Negated)
	case "modality":
		return e.Modality
	case "date":
		return e.Date
	}
	return ""
}

// apply performs one logged correction on r. It is used both when the
// correction is made and when re-ingest brings the event back.
func apply(r *row, action, field, value string) error {
	switch action {
	case ActionWrong:
		r.wrong = true
		return nil
	case ActionRestore:
		r.wrong = false
		return nil
	case ActionSet:
		return setField(&r.Event, field, value)
	}
	return nil
}

// setField sets one settable field from its text form.
func setField(e *event.Event, field, v string) error {
	switch field {
	case "cameo":
		if _, ok := event.Lookup(v); !ok {
			return fmt.Errorf("cameo %q: unknown CAMEO code", v)
		}
		e.CAMEO, e.PLOVER, e.Mode, e.Context = v, "", "", ""
		e.Fill()
	case "source", "target":
		if err := checkActor(v, field == "target"); err != nil {
			return fmt.Errorf("%s: %w", field, err)
		}
		if field == "source" {
			e.Source = v
		} else {
			e.Target = v
		}
	case "polarity":
		p, err := strconv.Atoi(strings.TrimPrefix(v, "+"))
		if err != nil || p < -1 || p > 1 {
			return fmt.Errorf("polarity %q: want -1, 0 or 1", v)
		}
		e.Polarity = p
	case "negated":
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("negated %q: want true or false", v)
		}
		e.Negated = b
	case "modality":
		switch v {
		case event.Asserted, event.Intent, event.Hypothetical, event.Reported:
		default:
			return fmt.Errorf("modality %q: want asserted, intent, hypothetical or reported", v)
		}
		e.Modality = v
	case "date":
		prec, err := datePrecision(v)
		if err != nil {
			return err
		}
		e.Date, e.DatePrecision = v, prec
	default:
		return fmt.Errorf("field %q cannot be corrected", field)
	}
	return nil
}

// datePrecision checks an event date and names its precision.
func datePrecision(v string) (string, error) {
	if _, ok := parseDay(v); !ok || len(v) > 10 {
		return "", fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", v)
	}
	switch len(v) {
	case 4:
		return event.PrecisionYear, nil
	case 7:
		return event.PrecisionMonth, nil
	}
	return event.PrecisionDay, nil
}

// checkActor accepts actor codes: upper-case letters, digits and '_', at
// most 32 bytes; empty only when allowed.
func checkActor(v string, emptyOK bool) error {
	if v == "" {
		if emptyOK {
			return nil
		}
		return errors.New("empty actor code")
	}
	if len(v) > 32 {
		return fmt.Errorf("actor code %.32q…: longer than 32 bytes", v)
	}
	for _, r := range v {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return fmt.Errorf("actor code %q: want upper-case letters, digits and _", v)
		}
	}
	return nil
}

// updateEvent writes every correctable column of r back.
func updateEvent(ctx context.Context, conn *sql.Conn, r *row) error {
	var day any
	if t, ok := parseDay(r.Date); ok {
		day = t
	}
	e := &r.Event
	_, err := conn.ExecContext(ctx, `UPDATE events SET date = ?, day = ?, date_precision = ?, source = ?, target = ?,
		cameo = ?, goldstein = ?, goldstein_version = ?, quad = ?, plover = ?, mode = ?, context = ?,
		polarity = ?, negated = ?, modality = ?, wrong = ? WHERE id = ?`,
		e.Date, day, e.DatePrecision, e.Source, e.Target, e.CAMEO, e.Goldstein, e.GoldsteinVer, e.Quad,
		e.PLOVER, e.Mode, e.Context, e.Polarity, e.Negated, e.Modality, r.wrong, e.ID)
	if err != nil {
		return fmt.Errorf("update event %s: %w", e.ID, err)
	}
	return nil
}

// manualEvent completes and checks a missed event added by an analyst.
func manualEvent(ctx context.Context, conn *sql.Conn, e event.Event) (event.Event, error) {
	var text, prec string
	var date sql.NullTime
	err := conn.QueryRowContext(ctx, `SELECT text, date, date_precision FROM documents WHERE id = ?`, e.Doc).
		Scan(&text, &date, &prec)
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("add: document %q: %w", e.Doc, ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("add: document %s: %w", e.Doc, err)
	}
	st, en := e.Evidence.Start, e.Evidence.End
	if st < 0 || en <= st || en > len(text) {
		return e, fmt.Errorf("add: span [%d, %d) is not inside document %s (%d bytes)", st, en, e.Doc, len(text))
	}
	if !utf8.RuneStart(text[st]) || en < len(text) && !utf8.RuneStart(text[en]) {
		return e, fmt.Errorf("add: span [%d, %d) cuts a character in two", st, en)
	}
	e.Evidence.Text = text[st:en]
	if err := checkActor(e.Source, false); err != nil {
		return e, fmt.Errorf("add: source: %w", err)
	}
	if err := checkActor(e.Target, true); err != nil {
		return e, fmt.Errorf("add: target: %w", err)
	}
	if _, ok := event.Lookup(e.CAMEO); !ok {
		return e, fmt.Errorf("add: cameo %q: unknown CAMEO code", e.CAMEO)
	}
	e.Fill()
	if e.Modality == "" {
		e.Modality = event.Asserted
	}
	switch {
	case e.Date != "":
		p, err := datePrecision(e.Date)
		if err != nil {
			return e, fmt.Errorf("add: %w", err)
		}
		e.DatePrecision = p
	case date.Valid:
		e.Date, e.DatePrecision = date.Time.UTC().Format(time.DateOnly), event.PrecisionDoc
	}
	e.Origin = event.OriginManual
	if e.Rule == "" {
		e.Rule = "manual"
	}
	e.DocTitle, e.DocURL, e.DocDate = "", "", ""
	e.ID = event.MakeID(event.OriginManual, e.Doc, strconv.Itoa(st), strconv.Itoa(en), e.Source, e.Target, e.CAMEO)
	if err := checkEvent(&e, len(text)); err != nil {
		return e, fmt.Errorf("add: %w", err)
	}
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE id = ?`, e.ID).Scan(&n); err != nil {
		return e, fmt.Errorf("add: %w", err)
	}
	if n > 0 {
		return e, fmt.Errorf("add: the same event (%s %s→%s on [%d, %d)) was already added as %s",
			e.CAMEO, e.Source, e.Target, st, en, e.ID)
	}
	return e, nil
}

// CorrectionFilter selects corrections; the zero value selects all.
type CorrectionFilter struct {
	// Doc keeps the corrections of one document's events.
	Doc string
	// EventID keeps the corrections of one event.
	EventID string
}

// Corrections returns the audit trail f selects, oldest first. No match
// gives an empty slice.
func (s *Store) Corrections(ctx context.Context, f CorrectionFilter) ([]Correction, error) {
	q := `SELECT id, event_id, doc, action, field, old, new, who, why, made_at FROM corrections`
	var conds []string
	var args []any
	if f.Doc != "" {
		conds = append(conds, "doc = ?")
		args = append(args, f.Doc)
	}
	if f.EventID != "" {
		conds = append(conds, "event_id = ?")
		args = append(args, f.EventID)
	}
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	out, err := queryAll(ctx, s.db, q+" ORDER BY id", args, scanCorrection)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	return out, nil
}

// scanCorrection reads one row of the corrections table, in the column
// order of [Store.Corrections].
func scanCorrection(sc scanner) (Correction, error) {
	var c Correction
	if err := sc.Scan(&c.ID, &c.EventID, &c.Doc, &c.Action, &c.Field, &c.Old, &c.New, &c.Who, &c.Why, &c.At); err != nil {
		return c, err
	}
	c.At = c.At.UTC()
	if c.Action == ActionAdd {
		var e event.Event
		if err := json.Unmarshal([]byte(c.New), &e); err != nil {
			return c, fmt.Errorf("entry %d: added event: %w", c.ID, err)
		}
		c.Event = &e
	}
	return c, nil
}
