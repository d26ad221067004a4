package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// jsonLine is one line of a JSONL input. ID may be a string or a number.
type jsonLine struct {
	ID     json.RawMessage `json:"id"`
	Title  string          `json:"title"`
	URL    string          `json:"url"`
	Date   string          `json:"date"`
	Text   *string         `json:"text"`
	Source string          `json:"source"`
	Author string          `json:"author"`
}

// parseJSONL reads JSON lines, one document per non-blank line:
// {"id", "title", "url", "date", "text"} plus an optional "author" (or
// "source") actor code. A bad line is an [*Error] naming source:line; the
// other lines are still read. Each document's Source is "source#line".
func (r *Reader) parseJSONL(source string, data []byte) ([]doc.Document, []error) {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, bomUTF8))) == 0 {
		return nil, []error{newError(source, ErrEmpty)}
	}
	var docs []doc.Document
	var errs []error
	off := 0
	if bytes.HasPrefix(data, bomUTF8) {
		off = len(bomUTF8)
	}
	for lineNo := 1; off < len(data); lineNo++ {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := bytes.TrimSuffix(data[off:end], []byte("\r"))
		d, err := r.parseJSONLine(source, lineNo, int64(off), line)
		switch {
		case err != nil:
			errs = append(errs, err)
		case d != nil:
			docs = append(docs, *d)
		}
		off = end + 1
	}
	return docs, errs
}

// parseJSONLine reads one line starting at byte offset off; a blank line
// gives no document and no error.
func (r *Reader) parseJSONLine(source string, lineNo int, off int64, line []byte) (*doc.Document, error) {
	lineErr := func(err error) error {
		return &Error{Source: source, Line: lineNo, Offset: -1, Err: err}
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return nil, nil
	}
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return nil, &Error{Source: source, Line: lineNo, Offset: off + int64(i), Err: ErrBinary}
	}
	if i, bad := invalidUTF8At(line); bad {
		return nil, &Error{Source: source, Line: lineNo, Offset: off + i, Err: ErrInvalidUTF8}
	}
	var l jsonLine
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&l); err != nil {
		return nil, lineErr(fmt.Errorf("json: %w", jsonError(err)))
	}
	if dec.More() {
		return nil, lineErr(errors.New("json: more than one value on the line"))
	}
	if l.Text == nil {
		return nil, lineErr(errors.New(`missing "text" field`))
	}
	text := normalizeNewlines(strings.TrimPrefix(*l.Text, "\uFEFF"))
	if blank(text) {
		return nil, lineErr(fmt.Errorf("text: %w", ErrEmpty))
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, lineErr(fmt.Errorf("text: %w (NUL character)", ErrBinary))
	}
	if err := checkID(l.ID); err != nil {
		return nil, lineErr(err)
	}
	d := doc.Document{
		Title:  strings.TrimSpace(l.Title),
		URL:    strings.TrimSpace(l.URL),
		Author: strings.TrimSpace(l.Author),
		Text:   text,
	}
	if d.Author == "" {
		d.Author = strings.TrimSpace(l.Source)
	}
	if strings.TrimSpace(l.Date) != "" {
		t, prec, err := ParseDate(l.Date)
		if err != nil {
			return nil, lineErr(fmt.Errorf("date %q: %w", l.Date, err))
		}
		d.Date, d.DatePrecision = t, prec
	}
	r.finish(&d, source+"#"+strconv.Itoa(lineNo), FormatJSONL)
	return &d, nil
}

// checkID accepts an absent id, a string or a number.
func checkID(raw json.RawMessage) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	switch raw[0] {
	case '"', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return nil
	}
	return fmt.Errorf(`"id" must be a string or a number, not %s`, raw)
}

// jsonError shortens encoding/json errors to what a user can act on,
// naming the field of a type mismatch.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Errorf("field %q: want %s, got %s", te.Field, te.Type, te.Value)
	}
	return err
}
