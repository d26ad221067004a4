package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

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
// A file that is a single JSON value (a pretty-printed object, or an
// array of objects as .json exports are) is read as such.
func (r *Reader) parseJSONL(source string, data []byte) ([]doc.Document, []error) {
	body := bytes.TrimSpace(bytes.TrimPrefix(data, bomUTF8))
	if len(body) == 0 {
		return nil, []error{newError(source, ErrEmpty)}
	}
	// A whole file that is one JSON value is a .json export: one object
	// (perhaps pretty-printed over many lines) or an array of them.
	if (body[0] == '[' || body[0] == '{' && bytes.IndexByte(body, '\n') >= 0) && utf8.Valid(body) && json.Valid(body) {
		if body[0] == '[' {
			return r.parseJSONArray(source, body)
		}
		d, err := r.record(body, source+"#1")
		if err != nil {
			return nil, []error{newError(source, err)}
		}
		return []doc.Document{*d}, nil
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
	if len(bytes.TrimSpace(line)) == 0 {
		return nil, nil
	}
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return nil, &Error{Source: source, Line: lineNo, Offset: off + int64(i), Err: ErrBinary}
	}
	if i, bad := invalidUTF8At(line); bad {
		return nil, &Error{Source: source, Line: lineNo, Offset: off + i, Err: ErrInvalidUTF8}
	}
	d, err := r.record(line, source+"#"+strconv.Itoa(lineNo))
	if err != nil {
		e := &Error{Source: source, Line: lineNo, Offset: -1, Err: err}
		if se := (*json.SyntaxError)(nil); errors.As(err, &se) {
			e.Offset = off + max(se.Offset-1, 0) // the file offset of the bad byte
		}
		return nil, e
	}
	return d, nil
}

// record decodes one JSON object into a document whose Source is name.
func (r *Reader) record(raw []byte, name string) (*doc.Document, error) {
	var l jsonLine
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("json: %w", jsonError(err))
	}
	if dec.More() {
		return nil, errors.New("json: more than one value on the line")
	}
	if l.Text == nil {
		return nil, errors.New(`missing "text" field`)
	}
	text := normalizeNewlines(strings.TrimPrefix(*l.Text, "\uFEFF"))
	if blank(text) {
		return nil, fmt.Errorf("text: %w", ErrEmpty)
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, fmt.Errorf("text: %w (NUL character)", ErrBinary)
	}
	if err := checkID(l.ID); err != nil {
		return nil, err
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
			return nil, fmt.Errorf("date %q: %w", l.Date, err)
		}
		d.Date, d.DatePrecision = t, prec
	}
	r.finish(&d, name, FormatJSONL)
	return &d, nil
}

// parseJSONArray reads a JSON array of records (a .json export), one
// document per element; a bad element is an [*Error] naming "item N", the
// others are still read. Each document's Source is "source#N".
func (r *Reader) parseJSONArray(source string, data []byte) ([]doc.Document, []error) {
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, []error{newError(source, fmt.Errorf("json: %w", jsonError(err)))}
	}
	if len(items) == 0 {
		return nil, []error{newError(source, fmt.Errorf("%w (an empty JSON array)", ErrEmpty))}
	}
	var docs []doc.Document
	var errs []error
	for i, raw := range items {
		d, err := r.record(raw, source+"#"+strconv.Itoa(i+1))
		if err != nil {
			errs = append(errs, newError(source, fmt.Errorf("item %d: %w", i+1, err)))
			continue
		}
		docs = append(docs, *d)
	}
	return docs, errs
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
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Errorf("field %q: want %s, got %s", te.Field, te.Type, te.Value)
		}
		return fmt.Errorf("want an object, got %s", te.Value)
	}
	return err
}
