package ties

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrFormat is wrapped by every [ParseError]: the input is not in the
// expected CSV layout.
var ErrFormat = errors.New("bad format")

// ParseError reports where a reference file could not be read: the file
// name given to the reader, the 1-based line and the column name.
type ParseError struct {
	File   string
	Line   int
	Column string
	Err    error
}

// Error implements error as "file:line: column: message".
func (e *ParseError) Error() string {
	if e.Column != "" {
		return fmt.Sprintf("%s:%d: %s: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// StateSpell is one row of the COW state system membership list: state
// CCode was a member of the system from year From to year To (inclusive).
// ISO3 is the ISO 3166 alpha-3 code fulcrum uses for it, empty when it has
// none (see [Data.ISO3] for the fallback).
type StateSpell struct {
	CCode int
	Abb   string
	Name  string
	From  int
	To    int
	ISO3  string
}

// DyadYear is one row of the ATOP non-directed dyad-year file: in Year the
// states A and B (COW codes, A < B) were allied with the obligations Obl
// (the union over both directions). Asymmetric is true when the directions
// differ; the directed file then has the detail.
type DyadYear struct {
	A, B       int
	Year       int
	Obl        Obligations
	Asymmetric bool
}

// DirectedYear is one row of the ATOP directed file of asymmetric dyads:
// in Year state From owed the obligations Obl to state To.
type DirectedYear struct {
	From, To int
	Year     int
	Obl      Obligations
}

// IGO is one organisation of the COW IGO list.
type IGO struct {
	IOName   string // COW short name, e.g. "NATO", "EAEC"
	Name     string // short name
	LongName string
	Start    int // founding year
	End      int // year of dissolution, 0 if still alive in the data
	LastYear int // last year covered by the data
}

// Spell is a run of years in which state CCode had the same membership
// Status in the organisation IOName, from From to To inclusive.
type Spell struct {
	CCode  int
	IOName string
	Status Status
	From   int
	To     int
}

// table reads a CSV with a header and hands each row, as a map from
// column name to value, to fn. want lists the columns that must exist.
type table struct {
	file string
	r    *csv.Reader
	col  map[string]int
	line int
}

func newTable(file string, r io.Reader, want ...string) (*table, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: empty file, no header", ErrFormat)}
		}
		return nil, &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: %w", ErrFormat, err)}
	}
	t := &table{file: file, r: cr, col: make(map[string]int, len(head)), line: 1}
	for i, h := range head {
		t.col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, w := range want {
		if _, ok := t.col[w]; !ok {
			return nil, &ParseError{File: file, Line: 1, Column: w, Err: fmt.Errorf("%w: missing column", ErrFormat)}
		}
	}
	return t, nil
}

// next returns the next record or io.EOF.
func (t *table) next() ([]string, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		t.line++
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			t.line = pe.Line
		}
		return nil, &ParseError{File: t.file, Line: t.line, Err: fmt.Errorf("%w: %w", ErrFormat, err)}
	}
	// FieldPos is only valid after a successful Read with at least one field.
	t.line, _ = t.r.FieldPos(0)
	return rec, nil
}

func (t *table) str(rec []string, name string) (string, error) {
	i := t.col[name]
	if i >= len(rec) {
		return "", &ParseError{File: t.file, Line: t.line, Column: name, Err: fmt.Errorf("%w: row has %d fields", ErrFormat, len(rec))}
	}
	return strings.TrimSpace(rec[i]), nil
}

// int reads an integer column; an empty cell is an error unless blank0.
func (t *table) int(rec []string, name string, blank0 bool) (int, error) {
	s, err := t.str(rec, name)
	if err != nil {
		return 0, err
	}
	if s == "" || s == "NA" {
		if blank0 {
			return 0, nil
		}
		return 0, &ParseError{File: t.file, Line: t.line, Column: name, Err: fmt.Errorf("%w: empty value", ErrFormat)}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &ParseError{File: t.file, Line: t.line, Column: name, Err: fmt.Errorf("%w: %q is not an integer", ErrFormat, s)}
	}
	if n < -1_000_000 || n > 1_000_000 {
		return 0, &ParseError{File: t.file, Line: t.line, Column: name, Err: fmt.Errorf("%w: %d out of range", ErrFormat, n)}
	}
	return n, nil
}

func (t *table) flag(rec []string, name string) (bool, error) {
	n, err := t.int(rec, name, false)
	if err != nil {
		return false, err
	}
	if n != 0 && n != 1 {
		return false, &ParseError{File: t.file, Line: t.line, Column: name, Err: fmt.Errorf("%w: flag %d is not 0 or 1", ErrFormat, n)}
	}
	return n == 1, nil
}

func (t *table) errf(column, format string, args ...any) error {
	return &ParseError{File: t.file, Line: t.line, Column: column, Err: fmt.Errorf("%w: "+format, append([]any{ErrFormat}, args...)...)}
}

// ReadStates reads the COW state list with its ISO3 crosswalk (columns
// stateabb, ccode, statenme, styear, endyear, iso3_voeten). file names the
// input in errors.
func ReadStates(file string, r io.Reader) ([]StateSpell, error) {
	return readTable(file, r, []string{"stateabb", "ccode", "statenme", "styear", "endyear", "iso3_voeten"}, func(t *table, rec []string) (StateSpell, error) {
		var s StateSpell
		var err error
		if s.CCode, err = t.int(rec, "ccode", false); err != nil {
			return s, err
		}
		if s.From, err = t.int(rec, "styear", false); err != nil {
			return s, err
		}
		if s.To, err = t.int(rec, "endyear", false); err != nil {
			return s, err
		}
		if s.Abb, err = t.str(rec, "stateabb"); err != nil {
			return s, err
		}
		if s.Name, err = t.str(rec, "statenme"); err != nil {
			return s, err
		}
		if s.ISO3, err = t.str(rec, "iso3_voeten"); err != nil {
			return s, err
		}
		if s.CCode <= 0 {
			return s, t.errf("ccode", "state code %d is not positive", s.CCode)
		}
		if s.To < s.From {
			return s, t.errf("endyear", "end %d before start %d", s.To, s.From)
		}
		if s.ISO3 != "" && !isCode(s.ISO3) {
			return s, t.errf("iso3_voeten", "%q is not a three-letter code", s.ISO3)
		}
		return s, nil
	})
}

// readTable reads a CSV table with the columns want (in any order, among
// others) and returns one record per row as row makes it; the first error,
// from the table or from row, stops the reading.
func readTable[T any](file string, r io.Reader, want []string, row func(t *table, rec []string) (T, error)) ([]T, error) {
	t, err := newTable(file, r, want...)
	if err != nil {
		return nil, err
	}
	var out []T
	for {
		rec, err := t.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		v, err := row(t, rec)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

// isCode reports whether s is three upper-case ASCII letters.
func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

var oblColumns = [...]struct {
	name string
	o    Obligations
}{
	{"atop_defense", Defense},
	{"atop_offense", Offense},
	{"atop_neutral", Neutrality},
	{"atop_nonagg", NonAggression},
	{"atop_consul", Consultation},
}

// readInts reads a CSV whose wanted columns are all integers, quickly: it
// hands fn the 1-based line number and the values of cols, in order, for
// every non-empty line after the header. Lines without a quote are split
// on commas directly; a line with a quote is parsed by encoding/csv
// (quoted fields may not span lines).
func readInts(file string, r io.Reader, cols []string, grow func(rows int), fn func(line int, v []int) error) error {
	data, err := readAll(r)
	if err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	grow(bytes.Count(data, []byte{'\n'}))
	nl := bytes.IndexByte(data, '\n')
	head := data
	if nl >= 0 {
		head, data = data[:nl], data[nl+1:]
	} else {
		data = nil
	}
	t, err := newTable(file, bytes.NewReader(head), cols...)
	if err != nil {
		return err
	}
	pos := make([]int, len(cols)) // field index of each wanted column
	width := 0
	for i, c := range cols {
		pos[i] = t.col[c]
		width = max(width, pos[i]+1)
	}
	vals := make([]int, len(cols))
	fields := make([][]byte, 0, width+4)
	for line := 2; len(data) > 0; line++ {
		var row []byte
		if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
			row, data = data[:nl], data[nl+1:]
		} else {
			row, data = data, nil
		}
		row = bytes.TrimSuffix(row, []byte{'\r'})
		if len(row) == 0 {
			continue
		}
		fields = fields[:0]
		if bytes.IndexByte(row, '"') >= 0 {
			cr := csv.NewReader(bytes.NewReader(row))
			cr.FieldsPerRecord = -1
			rec, err := cr.Read()
			if err != nil {
				return &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %w", ErrFormat, err)}
			}
			for _, f := range rec {
				fields = append(fields, []byte(f))
			}
		} else {
			for {
				c := bytes.IndexByte(row, ',')
				if c < 0 {
					fields = append(fields, row)
					break
				}
				fields = append(fields, row[:c])
				row = row[c+1:]
			}
		}
		if len(fields) < width {
			missing := -1 // the first wanted column beyond the row
			for i, p := range pos {
				if p >= len(fields) && (missing < 0 || p < pos[missing]) {
					missing = i
				}
			}
			return rowErr(file, line, cols[missing], "row has %d fields", len(fields))
		}
		for i, p := range pos {
			n, ok := atoi(bytes.TrimSpace(fields[p]))
			if !ok {
				return &ParseError{File: file, Line: line, Column: cols[i],
					Err: fmt.Errorf("%w: %q is not an integer", ErrFormat, fields[p])}
			}
			vals[i] = n
		}
		if err := fn(line, vals); err != nil {
			return err
		}
	}
	return nil
}

// readAll is io.ReadAll that sizes its buffer once when r knows its
// length (bytes.Reader, strings.Reader).
func readAll(r io.Reader) ([]byte, error) {
	if l, ok := r.(interface{ Len() int }); ok {
		b := make([]byte, l.Len())
		n, err := io.ReadFull(r, b)
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		return b[:n], nil
	}
	return io.ReadAll(r)
}

// atoi parses a decimal integer of at most 7 digits with an optional sign.
func atoi(b []byte) (int, bool) {
	neg := false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 7 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

func rowErr(file string, line int, column, format string, args ...any) error {
	return &ParseError{File: file, Line: line, Column: column, Err: fmt.Errorf("%w: "+format, append([]any{ErrFormat}, args...)...)}
}

// obligations reads the five flags at v[0:5] (in oblColumns order).
func obligations(file string, line int, v []int) (Obligations, error) {
	var o Obligations
	for i, c := range oblColumns {
		switch v[i] {
		case 0:
		case 1:
			o |= c.o
		default:
			return 0, rowErr(file, line, c.name, "flag %d is not 0 or 1", v[i])
		}
	}
	return o, nil
}

// ReadATOP reads the ATOP non-directed dyad-year file (integer columns
// ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral,
// atop_nonagg, atop_consul, asymmetric).
func ReadATOP(file string, r io.Reader) ([]DyadYear, error) {
	return readATOP(file, r, []string{"asymmetric"}, func(line int, o Obligations, v []int) (DyadYear, error) {
		if v[8] != 0 && v[8] != 1 {
			return DyadYear{}, rowErr(file, line, "asymmetric", "flag %d is not 0 or 1", v[8])
		}
		return DyadYear{A: v[5], B: v[6], Year: v[7], Obl: o, Asymmetric: v[8] == 1}, nil
	})
}

// ReadATOPDirected reads the ATOP directed rows of asymmetric dyad-years
// (integer columns ccode1, ccode2, year and the five obligation flags):
// ccode1 owes the obligations to ccode2.
func ReadATOPDirected(file string, r io.Reader) ([]DirectedYear, error) {
	return readATOP(file, r, nil, func(_ int, o Obligations, v []int) (DirectedYear, error) {
		return DirectedYear{From: v[5], To: v[6], Year: v[7], Obl: o}, nil
	})
}

// readATOP reads an ATOP file of integer columns: the five obligation
// flags, ccode1, ccode2, year, then extra. For each row it checks the
// flags, calls row with them and the row's values (in that column order),
// and then checks that ccode1 and ccode2 name two different states.
func readATOP[T any](file string, r io.Reader, extra []string, row func(line int, o Obligations, v []int) (T, error)) ([]T, error) {
	var out []T
	cols := append([]string{"atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul", "ccode1", "ccode2", "year"}, extra...)
	grow := func(n int) { out = make([]T, 0, n) }
	err := readInts(file, r, cols, grow, func(line int, v []int) error {
		o, err := obligations(file, line, v)
		if err != nil {
			return err
		}
		d, err := row(line, o, v)
		if err != nil {
			return err
		}
		if a, b := v[5], v[6]; a <= 0 || b <= 0 || a == b {
			return rowErr(file, line, "ccode2", "bad dyad %d–%d", a, b)
		}
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ReadIGOs reads the COW IGO list (columns ioname, orgname, longorgname,
// sdate, deaddate, last_year_in_data).
func ReadIGOs(file string, r io.Reader) ([]IGO, error) {
	return readTable(file, r, []string{"ioname", "orgname", "longorgname", "sdate", "deaddate", "last_year_in_data"}, func(t *table, rec []string) (IGO, error) {
		var g IGO
		var err error
		if g.IOName, err = t.str(rec, "ioname"); err != nil {
			return g, err
		}
		if g.Name, err = t.str(rec, "orgname"); err != nil {
			return g, err
		}
		if g.LongName, err = t.str(rec, "longorgname"); err != nil {
			return g, err
		}
		if g.Start, err = t.int(rec, "sdate", true); err != nil {
			return g, err
		}
		if g.End, err = t.int(rec, "deaddate", true); err != nil {
			return g, err
		}
		if g.LastYear, err = t.int(rec, "last_year_in_data", true); err != nil {
			return g, err
		}
		if g.IOName == "" {
			return g, t.errf("ioname", "empty organisation name")
		}
		return g, nil
	})
}

// ReadSpells reads COW IGO membership spells (columns ccode, ioname,
// status, start_year, end_year). Status must be 1 (full), 2 (associate) or
// 3 (observer).
func ReadSpells(file string, r io.Reader) ([]Spell, error) {
	return readTable(file, r, []string{"ccode", "ioname", "status", "start_year", "end_year"}, func(t *table, rec []string) (Spell, error) {
		var s Spell
		var err error
		if s.CCode, err = t.int(rec, "ccode", false); err != nil {
			return s, err
		}
		if s.IOName, err = t.str(rec, "ioname"); err != nil {
			return s, err
		}
		st, err := t.int(rec, "status", false)
		if err != nil {
			return s, err
		}
		if st < int(Full) || st > int(Observer) {
			return s, t.errf("status", "status %d is not 1, 2 or 3", st)
		}
		s.Status = Status(st)
		if s.From, err = t.int(rec, "start_year", false); err != nil {
			return s, err
		}
		if s.To, err = t.int(rec, "end_year", false); err != nil {
			return s, err
		}
		if s.IOName == "" {
			return s, t.errf("ioname", "empty organisation name")
		}
		if s.CCode <= 0 {
			return s, t.errf("ccode", "state code %d is not positive", s.CCode)
		}
		if s.To < s.From {
			return s, t.errf("end_year", "end %d before start %d", s.To, s.From)
		}
		return s, nil
	})
}
