// Package event defines fulcrum's event record (DESIGN.md §2) and the
// CAMEO, Goldstein and PLOVER tables that give each CAMEO code its weight,
// quad class, polarity and PLOVER type.
//
// Every stage that produces events (the text coder, the dataset importers,
// manual corrections) fills an [Event]; the store keeps them and every export
// carries them. Field names are stable: add fields, don't rename.
package event

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Origins of an event.
const (
	OriginText    = "text"
	OriginGDELT   = "gdelt"
	OriginICEWS   = "icews"
	OriginPOLECAT = "polecat"
	OriginManual  = "manual"
	OriginPhoenix = "phoenix"
)

// Modalities of a statement.
const (
	Asserted     = "asserted"
	Intent       = "intent"
	Hypothetical = "hypothetical"
	Reported     = "reported"
)

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
	PrecisionDoc   = "doc" // fell back to the document's date
	PrecisionNone  = ""    // no date known
)

// Evidence is the span of the document's text that carries an event:
// byte offsets into the document text (Start inclusive, End exclusive) and
// the text between them.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Event is one row per (statement or action, source, target), as printed by
// `fulcrum code --json`, kept by the store and carried by exports.
//
// Source and Target are actor codes: ISO 3166-1 alpha-3 for states, short
// upper-case codes for organisations (NATO, EU, CSTO …). Target may be empty.
type Event struct {
	ID            string   `json:"id"`
	Doc           string   `json:"doc"`
	DocTitle      string   `json:"doc_title,omitempty"`
	DocURL        string   `json:"doc_url,omitempty"`
	DocDate       string   `json:"doc_date,omitempty"`
	Date          string   `json:"date"`
	DatePrecision string   `json:"date_precision"`
	Source        string   `json:"source"`
	Target        string   `json:"target"`
	SourceRole    string   `json:"source_role,omitempty"`
	Speaker       string   `json:"speaker,omitempty"`
	CAMEO         string   `json:"cameo"`
	Goldstein     float64  `json:"goldstein"`
	GoldsteinVer  string   `json:"goldstein_version"`
	Quad          int      `json:"quad"`
	PLOVER        string   `json:"plover"`
	Mode          string   `json:"mode"`
	Context       string   `json:"context,omitempty"`
	Polarity      int      `json:"polarity"`
	Negated       bool     `json:"negated"`
	Modality      string   `json:"modality"`
	Quote         bool     `json:"quote"`
	Evidence      Evidence `json:"evidence"`
	Rule          string   `json:"rule"`
	Origin        string   `json:"origin"`
	// Reports is how many source records were collapsed into this event
	// by deduplication (datasets); 0 or 1 means a single report.
	Reports int `json:"reports,omitempty"`
}

// Counts reports whether the event should count toward the alignment model
// as the act its code names: negated and hypothetical statements are kept as
// evidence but never count as the act (DESIGN.md §2).
func (e *Event) Counts() bool {
	return !e.Negated && e.Modality != Hypothetical
}

// Weight is the signed Goldstein weight the alignment model uses: the
// Goldstein value for events that count, 0 for negated or hypothetical ones.
func (e *Event) Weight() float64 {
	if !e.Counts() {
		return 0
	}
	return e.Goldstein
}

// Fill sets Goldstein, GoldsteinVer, Quad, Polarity, PLOVER, Mode and
// Context from the shipped tables for e.CAMEO. It leaves those fields alone
// when the code is unknown and reports whether it was found.
func (e *Event) Fill() bool {
	c, ok := Lookup(e.CAMEO)
	if !ok {
		return false
	}
	e.Goldstein = c.Goldstein
	e.GoldsteinVer = GoldsteinVersion
	e.Quad = c.Quad
	e.Polarity = c.Polarity()
	if e.PLOVER == "" {
		e.PLOVER = c.PLOVER
		e.Mode = c.Mode
		e.Context = c.Context
	}
	return true
}

// MakeID returns a stable event id from the parts that identify an event:
// the same document coded twice gives the same ids. Parts are joined with
// an unprintable separator and hashed; the id is 16 hex digits.
func MakeID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(h[:8])
}
