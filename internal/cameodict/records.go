package cameodict

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// ErrBadRecord is wrapped by errors about a single malformed record; the
// readers report it and go on with the next record.
var ErrBadRecord = errors.New("bad record")

// RecordError is a record that could not be read or coded, with where it
// was and why.
type RecordError struct {
	File string
	Line int
	ID   string // "" when the id itself could not be read
	Err  error
}

// Error formats the problem as "file:line: record ID: reason".
func (e *RecordError) Error() string {
	id := e.ID
	if id == "" {
		id = "?"
	}
	return fmt.Sprintf("%s:%d: record %s: %v", e.File, e.Line, id, e.Err)
}

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// ParseRecordDate reads a TABARI/PETRARCH record date: YYMMDD (years 00–30
// are 20YY) or YYYYMMDD, optionally with "-" separators (2015-01-02). It
// returns YYYYMMDD.
func ParseRecordDate(s string) (int, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "-", "")
	if len(s) != 6 && len(s) != 8 {
		return 0, fmt.Errorf("%w: date %q: want YYMMDD or YYYYMMDD", ErrBadRecord, s)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: date %q: want YYMMDD or YYYYMMDD", ErrBadRecord, s)
	}
	if len(s) == 6 {
		y := n / 10000
		if y <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	y, m, d := n/10000, n/100%100, n%100
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("%w: date %q is not a calendar date", ErrBadRecord, s)
	}
	return n, nil
}

// ReadTABARI reads TABARI text records: a header line "YYMMDD ID" (more
// fields after the id are ignored), then the record's text on one or more
// lines, records separated by blank lines. fn is called for every record
// read; a malformed record is passed to bad (with its line) and skipped.
// Only an I/O error, or an error returned by fn, stops the reading.
func ReadTABARI(r io.Reader, file string, fn func(Record) error, bad func(*RecordError)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	n := 0
	var cur *Record
	var text strings.Builder
	flush := func() error {
		if cur == nil {
			return nil
		}
		rec := *cur
		cur = nil
		rec.Text = strings.TrimSpace(text.String())
		text.Reset()
		if rec.Text == "" {
			bad(&RecordError{File: file, Line: rec.Line, ID: rec.ID, Err: ErrEmptyRecord})
			return nil
		}
		return fn(rec)
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if cur != nil {
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			text.WriteString(strings.TrimSpace(line))
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			bad(&RecordError{File: file, Line: n, Err: fmt.Errorf("%w: header %q: want \"YYMMDD ID\"", ErrBadRecord, clip(line))})
			skipTo(sc, &n)
			continue
		}
		date, err := ParseRecordDate(f[0])
		if err != nil {
			bad(&RecordError{File: file, Line: n, ID: f[1], Err: err})
			skipTo(sc, &n)
			continue
		}
		cur = &Record{ID: f[1], Date: date, File: file, Line: n}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s line %d: %w", file, n+1, err)
	}
	return flush()
}

// skipTo consumes lines up to and including the next blank line.
func skipTo(sc *bufio.Scanner, n *int) {
	for sc.Scan() {
		*n++
		if strings.TrimSpace(sc.Text()) == "" {
			return
		}
	}
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// ReadXML reads PETRARCH XML records:
//
//	<Sentences>
//	<Sentence date="20150101" id="abc12_3" source="AFP" sentence="True">
//	<Text>…</Text>
//	<Parse>…</Parse>
//	</Sentence>
//	</Sentences>
//
// Parse trees are ignored. A <Sentence> without id, date or text is passed
// to bad and skipped. Malformed XML is passed to bad with its line, and
// reading resumes at the next "<Sentence" after it; only an I/O error or
// an error returned by fn stops the reading.
func ReadXML(r io.Reader, file string, fn func(Record) error, bad func(*RecordError)) error {
	data, err := io.ReadAll(io.LimitReader(r, 1<<30))
	if err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	offset, line := 0, 1
	for offset < len(data) {
		stop, err := readXMLFrom(data[offset:], file, line, fn, bad)
		if err == nil {
			return nil
		}
		var re *RecordError
		if !errors.As(err, &re) {
			return err // from fn
		}
		bad(re)
		// Resume after the bad spot at the next <Sentence.
		next := offset + stop
		if next <= offset {
			next = offset + 1
		}
		k := bytes.Index(data[next:], []byte("<Sentence"))
		if k < 0 {
			return nil
		}
		line += bytes.Count(data[offset:next+k], []byte("\n"))
		offset = next + k
	}
	return nil
}

// readXMLFrom decodes records from data, whose first line is line of the
// file. On malformed XML it returns a *RecordError and the byte offset in
// data where the decoder stopped.
func readXMLFrom(data []byte, file string, line0 int, fn func(Record) error, bad func(*RecordError)) (int, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var cur *Record
	inText := false
	var text strings.Builder
	for {
		l, _ := dec.InputPos()
		line := line0 + l - 1
		tok, err := dec.Token()
		if err == io.EOF {
			return len(data), nil
		}
		if err != nil {
			at := int(dec.InputOffset())
			if cur == nil && !bytes.Contains(data[min(at, len(data)):], []byte("<Sentence")) {
				// Junk after the last record (a closing tag whose start a
				// resumed read never saw) loses nothing.
				return len(data), nil
			}
			id := ""
			if cur != nil {
				id = cur.ID
			}
			return at, &RecordError{File: file, Line: line, ID: id, Err: fmt.Errorf("%w: %v", ErrBadRecord, err)}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch strings.ToLower(t.Name.Local) {
			case "sentence":
				cur = &Record{File: file, Line: line}
				text.Reset()
				var dateStr string
				for _, a := range t.Attr {
					switch strings.ToLower(a.Name.Local) {
					case "id":
						cur.ID = a.Value
					case "date":
						dateStr = a.Value
					case "source":
						cur.Publisher = a.Value
					}
				}
				if dateStr != "" {
					d, err := ParseRecordDate(dateStr)
					if err != nil {
						bad(&RecordError{File: file, Line: line, ID: cur.ID, Err: err})
						cur = nil
						continue
					}
					cur.Date = d
				}
			case "text":
				inText = cur != nil
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		case xml.EndElement:
			switch strings.ToLower(t.Name.Local) {
			case "text":
				inText = false
			case "sentence":
				if cur == nil {
					continue
				}
				rec := *cur
				cur = nil
				rec.Text = strings.Join(strings.Fields(text.String()), " ")
				switch {
				case rec.ID == "":
					bad(&RecordError{File: file, Line: rec.Line, Err: fmt.Errorf("%w: <Sentence> has no id", ErrBadRecord)})
				case rec.Date == 0:
					bad(&RecordError{File: file, Line: rec.Line, ID: rec.ID, Err: fmt.Errorf("%w: <Sentence> has no date", ErrBadRecord)})
				case rec.Text == "":
					bad(&RecordError{File: file, Line: rec.Line, ID: rec.ID, Err: ErrEmptyRecord})
				default:
					if err := fn(rec); err != nil {
						return 0, err
					}
				}
			}
		}
	}
}

// Sentences splits a plain document into sentence records with byte
// offsets into text. A sentence ends at ".", "!" or "?" (with any closing
// quotes or brackets) followed by white space and then an upper-case
// letter, a digit or an opening quote, unless the word before the period
// is a known abbreviation or a single letter; a blank line always ends a
// sentence. Record ids are id + "-" + the sentence number from 1.
func Sentences(text, id string, date int) []Record {
	var out []Record
	start := 0
	emit := func(end int) {
		s := text[start:end]
		lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
		s = strings.TrimSpace(s)
		if s != "" {
			out = append(out, Record{ID: id + "-" + strconv.Itoa(len(out)+1), Date: date, Text: s, Offset: start + lead})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
				i = j
			}
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte("\"')]", text[j]) >= 0 {
			j++
		}
		if j+2 < len(text) && text[j:j+3] == "\xe2\x80\x9d" { // ”
			j += 3
		}
		if j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' && text[j] != '\r' {
			continue
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\n' || text[k] == '\t' || text[k] == '\r') {
			k++
		}
		if k < len(text) && !startsSentence(text[k:]) {
			continue
		}
		if c == '.' && abbreviation(text[:i]) {
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(text))
	return out
}

func startsSentence(s string) bool {
	c := s[0]
	switch {
	case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '"', c == '\'', c == '(':
		return true
	case strings.HasPrefix(s, "“"), strings.HasPrefix(s, "‘"):
		return true
	case c >= 0x80:
		return true // non-ASCII capitals: split, sentences are only context
	}
	return false
}

var abbreviations = map[string]bool{
	"MR": true, "MRS": true, "MS": true, "DR": true, "ST": true, "NO": true, "GEN": true, "PROF": true,
	"SEN": true, "REP": true, "GOV": true, "LT": true, "COL": true, "CAPT": true, "SGT": true, "JR": true,
	"SR": true, "VS": true, "ETC": true, "E.G": true, "I.E": true, "ART": true, "PARA": true, "VOL": true,
	"JAN": true, "FEB": true, "AUG": true, "SEPT": true, "OCT": true, "NOV": true, "DEC": true, "H.E": true,
}

// abbreviation reports whether the word that ends s is an abbreviation or
// a single letter ("U.S", "J").
func abbreviation(s string) bool {
	i := len(s)
	for i > 0 && (isWordByte(s[i-1]) || s[i-1] == '.') {
		i--
	}
	w := strings.ToUpper(s[i:])
	if len(w) == 1 || strings.Contains(w, ".") && len(w) <= 5 {
		return true
	}
	return abbreviations[w]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
