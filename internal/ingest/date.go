package ingest

import (
	"errors"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// errDate reports a date string in none of the layouts ParseDate knows.
var errDate = errors.New("unrecognised date")

// dateLayouts are the layouts ParseDate tries, most specific first, with
// the precision each gives.
var dateLayouts = []struct {
	layout    string
	precision string
}{
	{time.RFC3339Nano, event.PrecisionDay},
	{"2006-01-02T15:04:05Z0700", event.PrecisionDay},
	{"2006-01-02T15:04Z07:00", event.PrecisionDay},
	{"2006-01-02T15:04:05", event.PrecisionDay},
	{"2006-01-02T15:04", event.PrecisionDay},
	{"2006-01-02 15:04:05Z07:00", event.PrecisionDay},
	{"2006-01-02 15:04:05 -0700", event.PrecisionDay},
	{"2006-01-02 15:04:05", event.PrecisionDay},
	{"2006-01-02 15:04", event.PrecisionDay},
	{"2006-01-02", event.PrecisionDay},
	{"2006/01/02", event.PrecisionDay},
	{"20060102", event.PrecisionDay},
	{time.RFC1123Z, event.PrecisionDay},
	{time.RFC1123, event.PrecisionDay},
	{"Mon, 2 Jan 2006 15:04:05 -0700", event.PrecisionDay},
	{"Mon, 2 Jan 2006 15:04:05 MST", event.PrecisionDay},
	{time.RFC822Z, event.PrecisionDay},
	{time.RFC822, event.PrecisionDay},
	{"January 2, 2006", event.PrecisionDay},
	{"January 2 2006", event.PrecisionDay},
	{"Jan 2, 2006", event.PrecisionDay},
	{"Jan. 2, 2006", event.PrecisionDay},
	{"2 January 2006", event.PrecisionDay},
	{"2 Jan 2006", event.PrecisionDay},
	{"02.01.2006", event.PrecisionDay},
	{"2006-01", event.PrecisionMonth},
	{"January 2006", event.PrecisionMonth},
	{"Jan 2006", event.PrecisionMonth},
	{"2006", event.PrecisionYear},
}

// ParseDate reads a metadata date such as "2019-03-05",
// "2019-03-05T10:00:00+03:00", "Tue, 05 Mar 2019 10:00:00 GMT",
// "March 5, 2019", "2019-03" or "2019", and returns it with its precision
// (day, month or year, as in [event.PrecisionDay]). A PDF date
// ("D:20190305…") is read too. Surrounding white space is ignored; any
// other text is an error.
func ParseDate(s string) (time.Time, string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, "", errDate
	}
	if strings.HasPrefix(s, "D:") {
		return parsePDFDate(s)
	}
	for _, l := range dateLayouts {
		if len(s) < len("2006") {
			break
		}
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.precision, nil
		}
	}
	return time.Time{}, "", errDate
}

// parsePDFDate reads a PDF date string, D:YYYYMMDDHHmmSSOHH'mm' with every
// part after the year optional. The precision is that of the parts given.
func parsePDFDate(s string) (time.Time, string, error) {
	s = strings.TrimPrefix(s, "D:")
	digits := 0
	for digits < len(s) && digits < 14 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	num := func(from, to int, def int) int {
		if to > digits {
			return def
		}
		n := 0
		for _, c := range s[from:to] {
			n = n*10 + int(c-'0')
		}
		return n
	}
	if digits < 4 {
		return time.Time{}, "", errDate
	}
	year, month, day := num(0, 4, 0), num(4, 6, 1), num(6, 8, 1)
	hour, minute, sec := num(8, 10, 0), num(10, 12, 0), num(12, 14, 0)
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, "", errDate
	}
	loc := time.UTC
	if rest := s[digits:]; len(rest) > 0 && (rest[0] == '+' || rest[0] == '-') {
		z := strings.NewReplacer("'", "").Replace(rest[1:])
		if len(z) >= 2 && isDigits(z[:2]) {
			off := (int(z[0]-'0')*10 + int(z[1]-'0')) * 3600
			if len(z) >= 4 && isDigits(z[2:4]) {
				off += (int(z[2]-'0')*10 + int(z[3]-'0')) * 60
			}
			if rest[0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, loc)
	if t.Day() != day {
		return time.Time{}, "", errDate // 31 February and the like
	}
	switch {
	case digits >= 8:
		return t, event.PrecisionDay, nil
	case digits >= 6:
		return t, event.PrecisionMonth, nil
	}
	return t, event.PrecisionYear, nil
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
