package codeeval

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// Registers an item may be written in.
const (
	Wire   = "wire"   // wire news (Reuters/AP style)
	Brief  = "brief"  // policy briefs and think-tank prose, some with PDF artefacts
	Speech = "speech" // UN General Debate speeches, first person
)

// MaxLine is the longest line Load accepts, in bytes.
const MaxLine = 64 << 10

// ErrSyntax is wrapped by every LineError.
var ErrSyntax = errors.New("syntax error")

//go:embed set.jsonl
var builtin []byte

// Item is one text of the evaluation set and the events it should give.
type Item struct {
	// ID is unique within the set.
	ID string `json:"id"`
	// Register is Wire, Brief or Speech.
	Register string `json:"register"`
	// Topic groups items for the report: "04 consult", "hard: negation" …
	// Empty is allowed.
	Topic string `json:"topic,omitempty"`
	// DocDate is the document's date, YYYY-MM-DD; relative dates ("last
	// year", "on Sunday") count from it.
	DocDate string `json:"doc_date"`
	// Author is the actor code of the first-person speaker (a UN speech's
	// country); empty when the text is not first person.
	Author string `json:"author,omitempty"`
	// Text is the document's text; it may hold "\n" line breaks.
	Text string `json:"text"`
	// Want lists the events a careful coder records; empty for a text that
	// carries no event.
	Want []Want `json:"want"`
}

// Want is one wanted event. Source, Target and CAMEO may hold alternatives
// separated by "|"; in Target an empty alternative means "no target".
type Want struct {
	// Source is the actor code of who acts or speaks ("RUS", "EU").
	Source string `json:"source"`
	// Target is the actor code acted upon or spoken about; "" for none.
	Target string `json:"target"`
	// CAMEO is a root ("19") or a code of three or four digits ("036").
	CAMEO string `json:"cameo"`
	// Negated is true for "did not recognise", "has never sought".
	Negated bool `json:"negated,omitempty"`
	// Modality is asserted (also when empty), intent, hypothetical or
	// reported.
	Modality string `json:"modality,omitempty"`
	// Date is the wanted event date, YYYY, YYYY-MM or YYYY-MM-DD; empty when
	// the date is not scored.
	Date string `json:"date,omitempty"`
}

// Counts reports whether the wanted event should move the alignment model:
// it is neither negated nor hypothetical (see [event.Event.Counts]).
func (w Want) Counts() bool {
	return !w.Negated && w.modality() != event.Hypothetical
}

func (w Want) modality() string {
	if w.Modality == "" {
		return event.Asserted
	}
	return w.Modality
}

// Document returns the item as a document for the coder: its id is
// "eval-" plus the item id, dated by DocDate with day precision.
func (it Item) Document() doc.Document {
	d := doc.Document{
		ID:     "eval-" + it.ID,
		Source: "codeeval#" + it.ID,
		Format: "text",
		Author: it.Author,
		Text:   it.Text,
	}
	if t, err := time.Parse(time.DateOnly, it.DocDate); err == nil {
		d.Date, d.DatePrecision = t, event.PrecisionDay
	}
	return d
}

// LineError reports a bad line of an evaluation set.
type LineError struct {
	Line int // 1-based
	Err  error
}

// Error returns "line N: …".
func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

// Default returns the built-in evaluation set (set.jsonl, embedded).
func Default() ([]Item, error) {
	items, err := Load(bytes.NewReader(builtin))
	if err != nil {
		return nil, fmt.Errorf("set.jsonl: %w", err)
	}
	return items, nil
}

// Load reads an evaluation set: one JSON [Item] a line; blank lines are
// skipped. Every item is validated (register, date, actor codes, CAMEO
// codes known to package event, modality, unique id); the first bad line is
// returned as a *LineError wrapping ErrSyntax.
func Load(r io.Reader) ([]Item, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), MaxLine)
	var items []Item
	seen := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var it Item
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&it); err != nil {
			return nil, &LineError{Line: n, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
		}
		if dec.More() {
			return nil, &LineError{Line: n, Err: fmt.Errorf("%w: text after the JSON object", ErrSyntax)}
		}
		if err := it.validate(); err != nil {
			return nil, &LineError{Line: n, Err: fmt.Errorf("%w: item %q: %v", ErrSyntax, it.ID, err)}
		}
		if prev, ok := seen[it.ID]; ok {
			return nil, &LineError{Line: n, Err: fmt.Errorf("%w: id %q already used on line %d", ErrSyntax, it.ID, prev)}
		}
		seen[it.ID] = n
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read evaluation set: %w", err)
	}
	return items, nil
}

func (it Item) validate() error {
	if it.ID == "" {
		return errors.New("missing id")
	}
	switch it.Register {
	case Wire, Brief, Speech:
	default:
		return fmt.Errorf("register %q is not wire, brief or speech", it.Register)
	}
	if _, err := time.Parse(time.DateOnly, it.DocDate); err != nil {
		return fmt.Errorf("doc_date %q is not YYYY-MM-DD", it.DocDate)
	}
	if it.Author != "" && !isCode(it.Author) {
		return fmt.Errorf("author %q is not an actor code", it.Author)
	}
	if strings.TrimSpace(it.Text) == "" {
		return errors.New("empty text")
	}
	for i, w := range it.Want {
		if err := w.validate(); err != nil {
			return fmt.Errorf("want %d: %w", i+1, err)
		}
	}
	return nil
}

func (w Want) validate() error {
	for _, s := range strings.Split(w.Source, "|") {
		if !isCode(s) {
			return fmt.Errorf("source %q is not an actor code", s)
		}
	}
	for _, s := range strings.Split(w.Target, "|") {
		if s != "" && !isCode(s) {
			return fmt.Errorf("target %q is not an actor code", s)
		}
	}
	for _, c := range strings.Split(w.CAMEO, "|") {
		if len(c) < 2 || len(c) > 4 {
			return fmt.Errorf("cameo %q is not a root or code", c)
		}
		if _, ok := event.Lookup(c); !ok {
			return fmt.Errorf("cameo %q is not a CAMEO code", c)
		}
	}
	switch w.modality() {
	case event.Asserted, event.Intent, event.Hypothetical, event.Reported:
	default:
		return fmt.Errorf("modality %q is not asserted, intent, hypothetical or reported", w.Modality)
	}
	if w.Date != "" {
		ok := false
		for _, layout := range []string{"2006", "2006-01", time.DateOnly} {
			if len(w.Date) == len(layout) {
				if _, err := time.Parse(layout, w.Date); err == nil {
					ok = true
				}
			}
		}
		if !ok {
			return fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", w.Date)
		}
	}
	return nil
}

// isCode reports whether s looks like an actor code: 2 to 12 capital
// letters, digits or '_', starting with a letter.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 12 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
