package datasets

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// Format is a file layout the importers read.
type Format string

// The layouts fulcrum reads. See the parsers for what each accepts.
const (
	GDELT2     Format = "gdelt2"      // GDELT 2.0 event export, 61 columns, no header
	GDELT1     Format = "gdelt1"      // GDELT 1.0 event file, 58 or 57 columns, no header
	ICEWS      Format = "icews"       // ICEWS Dataverse TSV (or quoted .tab) with a header row
	POLECAT    Format = "polecat"     // POLECAT Dataverse TSV with a header row
	PLOVERJSON Format = "plover-json" // PLOVER/POLECAT JSON lines
)

// Origin is the event origin the format's records carry.
func (f Format) Origin() string {
	switch f {
	case GDELT1, GDELT2:
		return event.OriginGDELT
	case ICEWS:
		return event.OriginICEWS
	case POLECAT, PLOVERJSON:
		return event.OriginPOLECAT
	}
	return ""
}

// String returns the format's name for messages ("GDELT 2.0", "ICEWS").
func (f Format) String() string {
	switch f {
	case GDELT2:
		return "GDELT 2.0"
	case GDELT1:
		return "GDELT 1.0"
	case ICEWS:
		return "ICEWS"
	case POLECAT:
		return "POLECAT"
	case PLOVERJSON:
		return "PLOVER JSON"
	}
	return string(f)
}

// ErrUnknownFormat is returned (wrapped) by [Detect] when the first line
// matches no format fulcrum reads.
var ErrUnknownFormat = errors.New("unknown event file format")

// ErrWrongFormat is returned (wrapped in a [*FormatError]) when a file is in
// a different format from the one asked for.
var ErrWrongFormat = errors.New("wrong event file format")

// FormatError reports a file whose format is not the one asked for, with
// what it looks like instead.
type FormatError struct {
	File  string // the file's path
	Want  string // what was asked for: "gdelt", "icews" or "polecat"
	Got   Format // what it looks like; "" when nothing known
	Shape string // "20 columns, header \"Event ID\tEvent Date…\""
}

func (e *FormatError) Error() string {
	if e.Got == "" {
		return fmt.Sprintf("%s is not %s: %s", e.File, strings.ToUpper(e.Want), e.Shape)
	}
	return fmt.Sprintf("%s is not %s: looks like %s (%s)", e.File, strings.ToUpper(e.Want), e.Got, e.Shape)
}

// Unwrap returns [ErrWrongFormat].
func (e *FormatError) Unwrap() error { return ErrWrongFormat }

// Detect tells the format of an event file from its first line (without
// the line break). It also returns a short description of the line's shape
// ("20 columns, header \"Event ID, Event Date, …\"") for messages.
func Detect(first []byte) (Format, string, error) {
	first = bytes.TrimSuffix(first, []byte("\r"))
	first = bytes.TrimPrefix(first, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimSpace(first); len(t) > 0 && t[0] == '{' {
		return PLOVERJSON, "JSON object per line", nil
	}
	f := strings.Split(string(first), "\t")
	shape := fmt.Sprintf("%d tab-separated columns, first line %q", len(f), preview(first))
	header := make(map[string]bool, len(f))
	for _, h := range f {
		header[unquote(strings.TrimSpace(h))] = true
	}
	switch {
	case header["Event ID"] && header["Source Name"] && header["Target Name"]:
		return ICEWS, fmt.Sprintf("%d columns, header %q", len(f), preview(first)), nil
	case header["Event ID"] && header["Event Type"] && header["Actor Name"]:
		return POLECAT, fmt.Sprintf("%d columns, header %q", len(f), preview(first)), nil
	}
	if _, ok := gdeltLayout(len(f)); ok {
		_, idErr := strconv.ParseUint(f[0], 10, 64)
		if idErr == nil && len(f[1]) == 8 {
			if len(f) == GDELT2Columns {
				return GDELT2, fmt.Sprintf("%d columns, no header", len(f)), nil
			}
			return GDELT1, fmt.Sprintf("%d columns, no header", len(f)), nil
		}
	}
	return "", shape, fmt.Errorf("%w: %s", ErrUnknownFormat, shape)
}

// preview shortens a line for messages: tabs shown as ", ", at most 80 bytes.
func preview(b []byte) string {
	s := strings.ReplaceAll(string(b), "\t", ", ")
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}

// matches reports whether format f is acceptable for the kind asked for on
// the command line ("gdelt", "icews", "polecat"; "" accepts any).
func matches(kind string, f Format) bool {
	switch kind {
	case "":
		return true
	case "gdelt":
		return f == GDELT1 || f == GDELT2
	case "icews":
		return f == ICEWS
	case "polecat", "plover":
		return f == POLECAT || f == PLOVERJSON
	}
	return false
}
