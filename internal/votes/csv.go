package votes

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"slices"
	"strconv"
	"time"
)

// ParseError is a bad record in one of the source CSV files.
type ParseError struct {
	File   string // base name of the file
	Line   int    // 1-based line of the record
	Column string // column name, or "" for the record as a whole
	Err    error
}

// Error gives file:line, the column when known, and the cause.
func (e *ParseError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d: column %s: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// Source file names inside the shared data folders.
const (
	CountriesFile = "countries.csv"
	RollCallsFile = "roll_calls.csv"
	IssuesFile    = "roll_call_issues.csv"
	VotesFile     = "votes.csv"
	IdealFile     = "ideal_points_bsv_jun2024.csv"
)

// ReadShared builds a [Data] from the source CSV files: votesDir holds
// countries.csv, roll_calls.csv, roll_call_issues.csv and votes.csv (the
// unvotes conversion), idealDir holds ideal_points_bsv_jun2024.csv. It is
// what the generator encodes and what tests compare the embedded data with.
func ReadShared(votesDir, idealDir string) (*Data, error) {
	return ReadFS(os.DirFS(votesDir), os.DirFS(idealDir))
}

// ReadFS is [ReadShared] over file systems: the four vote files at the root
// of votes, the ideal-point file at the root of ideal. Errors name the file
// and line ([*ParseError]).
func ReadFS(votes, ideal fs.FS) (*Data, error) {
	d := &Data{}
	steps := []struct {
		dir  fs.FS
		name string
		read func(*Data, string, io.Reader) error
	}{
		{votes, CountriesFile, (*Data).readCountries},
		{votes, RollCallsFile, (*Data).readRollCalls},
		{votes, IssuesFile, (*Data).readIssues},
		{votes, VotesFile, (*Data).readVotes},
		{ideal, IdealFile, (*Data).readIdeal},
	}
	for _, s := range steps {
		f, err := s.dir.Open(s.name)
		if err != nil {
			return nil, fmt.Errorf("read vote data: %w", err)
		}
		err = s.read(d, s.name, f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read vote data: %w", err)
		}
	}
	d.finish()
	return d, nil
}

// table reads a CSV file with a header, checks the header against want and
// calls row for each record with a field accessor that parses and records
// errors with their position.
func table(name string, r io.Reader, want []string, row func(f *fields) error) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return &ParseError{File: name, Line: 1, Err: fmt.Errorf("header: %w", err)}
	}
	if !slices.Equal(head, want) {
		return &ParseError{File: name, Line: 1, Err: fmt.Errorf("header %q, want %q", head, want)}
	}
	f := &fields{file: name, names: want, line: 1}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			// FieldPos is only valid after a successful Read.
			line := f.line + 1
			var ce *csv.ParseError
			if errors.As(err, &ce) {
				line = ce.StartLine
			}
			return &ParseError{File: name, Line: line, Err: err}
		}
		line, _ := cr.FieldPos(0)
		f.rec, f.line, f.err = rec, line, nil
		if err := row(f); err != nil {
			return err
		}
		if f.err != nil {
			return f.err
		}
	}
}

// fields gives typed access to one record; the first error sticks.
type fields struct {
	file  string
	names []string
	rec   []string
	line  int
	err   error
}

func (f *fields) fail(col int, err error) {
	if f.err == nil {
		f.err = &ParseError{File: f.file, Line: f.line, Column: f.names[col], Err: err}
	}
}

func (f *fields) errorf(format string, args ...any) error {
	return &ParseError{File: f.file, Line: f.line, Err: fmt.Errorf(format, args...)}
}

func (f *fields) str(col int) string { return f.rec[col] }

func (f *fields) int(col int) int {
	n, err := strconv.Atoi(f.rec[col])
	if err != nil {
		f.fail(col, err)
	}
	return n
}

// flag parses "1", "0" or "" (-1).
func (f *fields) flag(col int) int8 {
	switch f.rec[col] {
	case "":
		return -1
	case "0":
		return 0
	case "1":
		return 1
	}
	f.fail(col, fmt.Errorf("flag %q, want 0, 1 or empty", f.rec[col]))
	return -1
}

func (f *fields) date(col int) time.Time {
	t, err := time.Parse(time.DateOnly, f.rec[col])
	if err != nil {
		f.fail(col, err)
	}
	return t
}

// float parses a number; empty is NaN.
func (f *fields) float(col int) float64 {
	if f.rec[col] == "" {
		return nan
	}
	x, err := strconv.ParseFloat(f.rec[col], 64)
	if err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
		err = fmt.Errorf("%q is not a finite number", f.rec[col])
	}
	if err != nil {
		f.fail(col, err)
	}
	return x
}

func (d *Data) readCountries(name string, r io.Reader) error {
	seen := map[string]bool{}
	return table(name, r, []string{"iso3", "iso2_source", "country_source", "first_vote_date", "last_vote_date", "n_votes", "n_yes", "n_abstain", "n_no"}, func(f *fields) error {
		c := Country{ISO3: f.str(0), ISO2: f.str(1), Name: f.str(2), FirstVote: f.date(3), LastVote: f.date(4),
			NVotes: f.int(5), NYes: f.int(6), NAbstain: f.int(7), NNo: f.int(8)}
		if !validCode(c.ISO3) {
			return f.errorf("iso3 %q is not three upper-case letters", c.ISO3)
		}
		if seen[c.ISO3] {
			return f.errorf("duplicate country %s", c.ISO3)
		}
		if n := len(d.countries); n > 0 && d.countries[n-1].ISO3 > c.ISO3 {
			return f.errorf("country %s out of order", c.ISO3)
		}
		seen[c.ISO3] = true
		d.countries = append(d.countries, c)
		return nil
	})
}

func validCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range 3 {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (d *Data) readRollCalls(name string, r io.Reader) error {
	return table(name, r, []string{"rcid", "session", "date", "year", "unres", "importantvote", "amend", "para", "short", "descr"}, func(f *fields) error {
		rc := RollCall{RCID: f.int(0), Session: f.int(1), Date: f.date(2), Year: f.int(3), Resolution: f.str(4),
			Important: f.flag(5), Amend: f.flag(6), Para: f.flag(7), Short: f.str(8), Descr: f.str(9)}
		if f.err != nil {
			return f.err
		}
		if rc.RCID <= 0 || rc.Session <= 0 {
			return f.errorf("rcid %d, session %d: want positive", rc.RCID, rc.Session)
		}
		if rc.Date.Year() != rc.Year {
			return f.errorf("year %d differs from date %s", rc.Year, rc.Date.Format(time.DateOnly))
		}
		if n := len(d.rolls); n > 0 && d.rolls[n-1].RCID >= rc.RCID {
			return f.errorf("rcid %d not after %d", rc.RCID, d.rolls[n-1].RCID)
		}
		d.rolls = append(d.rolls, rc)
		return nil
	})
}

func (d *Data) readIssues(name string, r io.Reader) error {
	pos := make(map[int]int, len(d.rolls))
	for i, rc := range d.rolls {
		pos[rc.RCID] = i
	}
	names := map[string]string{}
	return table(name, r, []string{"rcid", "short_name", "issue"}, func(f *fields) error {
		rcid, code, long := f.int(0), f.str(1), f.str(2)
		if f.err != nil {
			return f.err
		}
		i, ok := pos[rcid]
		if !ok {
			return f.errorf("rcid %d not in %s", rcid, RollCallsFile)
		}
		if code == "" {
			return f.errorf("empty issue code")
		}
		if old, ok := names[code]; !ok {
			names[code] = long
			d.issues = append(d.issues, issue{code, long})
		} else if old != long {
			return f.errorf("issue %s named %q, earlier %q", code, long, old)
		}
		if slices.Contains(d.rolls[i].Issues, code) {
			return f.errorf("duplicate issue %s for rcid %d", code, rcid)
		}
		d.rolls[i].Issues = append(d.rolls[i].Issues, code)
		return nil
	})
}

func (d *Data) readVotes(name string, r io.Reader) error {
	pos := make(map[int]int, len(d.rolls))
	for i, rc := range d.rolls {
		pos[rc.RCID] = i
	}
	col := make(map[string]int, len(d.countries))
	for i, c := range d.countries {
		col[c.ISO3] = i
	}
	nc := len(d.countries)
	d.votes = make([]Vote, len(d.rolls)*nc)
	return table(name, r, []string{"rcid", "iso3", "vote"}, func(f *fields) error {
		rcid := f.int(0)
		if f.err != nil {
			return f.err
		}
		i, ok := pos[rcid]
		if !ok {
			return f.errorf("rcid %d not in %s", rcid, RollCallsFile)
		}
		c, ok := col[f.str(1)]
		if !ok {
			return f.errorf("iso3 %q not in %s", f.str(1), CountriesFile)
		}
		var v Vote
		switch f.str(2) {
		case "Y":
			v = Yes
		case "A":
			v = Abstain
		case "N":
			v = No
		default:
			return f.errorf("vote %q, want Y, A or N", f.str(2))
		}
		if d.votes[i*nc+c] != Absent {
			return f.errorf("second vote of %s on rcid %d", f.str(1), rcid)
		}
		d.votes[i*nc+c] = v
		return nil
	})
}

func (d *Data) readIdeal(name string, r io.Reader) error {
	head := []string{"ccode", "iso3c", "Countryname", "session", "year", "NVotesAll", "IdealPointAll",
		"QO%All", "Q5%All", "Q10%All", "Q50%All", "Q90%All", "Q95%All", "Q100%All",
		"USAgree", "RUSSAgree", "BrazilAgree", "ChinaAgree", "IndiaAgree", "IsraelAgree"}
	return table(name, r, head, func(f *fields) error {
		p := IdealPoint{CCode: f.int(0), ISO3: f.str(1), Name: f.str(2), Session: f.int(3), Year: f.int(4), NVotes: f.int(5)}
		for k, x := range p.floats() {
			*x = f.float(6 + k)
		}
		if f.err != nil {
			return f.err
		}
		if !validCode(p.ISO3) {
			return f.errorf("iso3c %q is not three upper-case letters", p.ISO3)
		}
		p.State = voteState(p.CCode, p.ISO3)
		d.ideal = append(d.ideal, p)
		return nil
	})
}
