// Package doc defines the document that every stage after ingest works on:
// its verbatim text, into which all evidence offsets point, and the
// metadata an analyst needs to cite it.
package doc

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Document is one text an analyst brought to fulcrum.
type Document struct {
	// ID is the content hash of Text (see [HashID]): the same text always
	// gets the same id, which makes ingest idempotent.
	ID string
	// Source is where the document came from as the user named it: a path,
	// a URL, "-" for stdin, or "path#line" for one line of a JSONL file.
	Source string
	// Format is the reader that produced the text: text, markdown, html,
	// pdf, feed, jsonl, tabari, petrarch-xml.
	Format string
	Title  string
	URL    string
	// Date is the publication date from the document's metadata; zero when
	// unknown. DatePrecision is day, month or year ("" when Date is zero).
	Date          time.Time
	DatePrecision string
	// Author is the actor code of the speaker of first-person text ("we",
	// "my country"), when known: a UN General Debate speech's country, or a
	// user's --source flag. Empty when unknown.
	Author string
	// Text is the document's text. Every evidence offset is a byte offset
	// into it. It is valid UTF-8 with "\n" line ends and no byte-order mark.
	Text string
}

// HashID returns the id of a document with this text: the first 16 bytes of
// its SHA-256, in hex.
func HashID(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:16])
}
