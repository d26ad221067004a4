package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// datelineLines is how many non-blank lines at the top of a text are
// searched for a dateline.
const datelineLines = 6

// datelineDate finds the document date in the dateline of a plain text:
// one of its first [datelineLines] non-blank lines that is a date
// ("14 February 2025", "March 4, 2025"), a place and a date ("Moscow,
// 14 February 2025"), or a wire dateline with a year ("KYIV, March 3,
// 2025 (Reuters) - …"). Only day and month precision count: a bare year
// is as likely a figure. ok is false when there is none.
func datelineDate(text string) (t time.Time, precision string, ok bool) {
	seen := 0
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if seen++; seen > datelineLines {
			break
		}
		if t, p, ok := lineDate(line); ok {
			return t, p, true
		}
	}
	return time.Time{}, "", false
}

// dateFromDateline gives d the date of the dateline of its text (see
// [datelineDate]) when it has no date yet.
func dateFromDateline(d *doc.Document) {
	if !d.Date.IsZero() {
		return
	}
	if t, p, ok := datelineDate(d.Text); ok {
		d.Date, d.DatePrecision = t, p
	}
}

// lineDate reads the date of one dateline (see [datelineDate]).
func lineDate(line string) (time.Time, string, bool) {
	// A wire dateline: cut at the agency in brackets or the dash.
	for _, cut := range []string{" (", " - ", " – ", " — "} {
		if i := strings.Index(line, cut); i > 0 {
			line = line[:i]
		}
	}
	line = strings.TrimRight(strings.TrimSpace(line), ".:")
	if len(line) > 60 {
		return time.Time{}, "", false
	}
	candidates := []string{line}
	if i := strings.Index(line, ", "); i > 0 && isPlace(line[:i]) {
		candidates = append(candidates, line[i+2:])
	}
	for _, c := range candidates {
		t, p, err := ParseDate(c)
		if err == nil && p != event.PrecisionYear && t.Year() >= 1900 {
			return t, p, true
		}
	}
	return time.Time{}, "", false
}

// isPlace reports whether s looks like a place name: one to four words,
// each starting with an upper-case letter, no digits.
func isPlace(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) {
			return false
		}
		for _, c := range w {
			if unicode.IsDigit(c) {
				return false
			}
		}
	}
	return true
}
