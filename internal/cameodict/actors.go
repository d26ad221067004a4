package cameodict

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// DatedCode is an actor code that applies between two dates, as written
// in "[BLRGOV >940720]", "[BLRELI 720101-000101]" or "[AFGGOV <331108]".
// Dates are YYYYMMDD integers; both limits are inclusive. From 0 means no
// lower limit and To 0 no upper limit; a code with neither is a default.
type DatedCode struct {
	Code     string
	From, To int
}

// Default reports whether the code carries no date restriction.
func (d DatedCode) Default() bool { return d.From == 0 && d.To == 0 }

// Contains reports whether date (YYYYMMDD) falls inside the restriction.
func (d DatedCode) Contains(date int) bool {
	if d.From != 0 && date < d.From {
		return false
	}
	if d.To != 0 && date > d.To {
		return false
	}
	return true
}

// Actor is one entry of an actor dictionary: a primary phrase with its
// synonyms and the codes it takes over time.
type Actor struct {
	Phrases []Phrase // the primary phrase first, then the "+" synonyms
	Codes   []DatedCode
	File    string
	Line    int // line of the primary phrase
}

// CodeAt returns the actor's code on date (YYYYMMDD): the date restriction
// that contains the date, else the default code, else "". When
// restrictions overlap, the one that began last wins: Phoenix lists
// Lukashenka as [BLRELI 720101-000101] and [BLRGOV >940720], and in 1995 he
// was president. A zero date (unknown) gives the default code.
func (a *Actor) CodeAt(date int) string {
	if date != 0 {
		best := -1
		for i, c := range a.Codes {
			if !c.Default() && c.Contains(date) && (best < 0 || c.From > a.Codes[best].From) {
				best = i
			}
		}
		if best >= 0 {
			return a.Codes[best].Code
		}
	}
	for _, c := range a.Codes {
		if c.Default() {
			return c.Code
		}
	}
	return ""
}

// ReadActors reads a TABARI/PETRARCH actor dictionary. Each entry is a
// primary phrase line with optional codes ("AFGHANISTAN_ [AFG]"), optional
// synonym lines starting with "+", and optional date restriction lines
// starting with white space ("\t[BLRGOV >940720]"). TABARI's inline form,
// with restrictions on the primary line, is accepted too.
//
// With a nil warn the first malformed line is returned as a [*ParseError].
// Otherwise each malformed line is passed to warn and skipped, and
// oddities that can be read (7-digit dates, bare dates) are reported too.
func ReadActors(r io.Reader, file string, warn func(error)) ([]Actor, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []Actor
	var cur *Actor
	for _, l := range lines {
		if err := actorLine(l, file, warn, &out, &cur); err != nil {
			if warn == nil {
				return nil, err
			}
			warn(err)
		}
	}
	return out, nil
}

func actorLine(l dictLine, file string, warn func(error), outp *[]Actor, curp **Actor) error {
	cur := *curp
	{
		if l.blank {
			return nil
		}
		s := l.text
		indented := s[0] == ' ' || s[0] == '\t'
		s = strings.TrimSpace(s)
		switch {
		case indented && strings.HasPrefix(s, "["):
			if cur == nil {
				return syntaxf(file, l.n, "date restriction %q before any actor", s)
			}
			codes, err := parseActorCodes(s, file, l.n, warn)
			if err != nil {
				return err
			}
			cur.Codes = append(cur.Codes, codes...)
		case strings.HasPrefix(s, "+"):
			if cur == nil {
				return syntaxf(file, l.n, "synonym %q before any actor", s)
			}
			head, codes, err := splitActorLine(s[1:], file, l.n, warn)
			if err != nil {
				return err
			}
			p, ok := parsePhrase(head)
			if !ok {
				return syntaxf(file, l.n, "empty synonym")
			}
			cur.Phrases = append(cur.Phrases, p)
			cur.Codes = append(cur.Codes, codes...)
		default:
			head, codes, err := splitActorLine(s, file, l.n, warn)
			if err != nil {
				return err
			}
			p, ok := parsePhrase(head)
			if !ok {
				return syntaxf(file, l.n, "actor line %q has no phrase", s)
			}
			*outp = append(*outp, Actor{Phrases: []Phrase{p}, Codes: codes, File: file, Line: l.n})
			*curp = &(*outp)[len(*outp)-1]
		}
	}
	return nil
}

func splitActorLine(s, file string, n int, warn func(error)) (string, []DatedCode, error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, nil, nil
	}
	codes, err := parseActorCodes(s[i:], file, n, warn)
	return s[:i], codes, err
}

// parseActorCodes reads one or more "[CODE restriction]" groups.
func parseActorCodes(s, file string, n int, warn func(error)) ([]DatedCode, error) {
	_, parts, err := bracketed(s)
	if err != nil {
		return nil, syntaxf(file, n, "%v", err)
	}
	out := make([]DatedCode, 0, len(parts))
	for _, p := range parts {
		f := strings.Fields(p)
		if len(f) == 0 {
			return nil, syntaxf(file, n, "empty code []")
		}
		d := DatedCode{Code: strings.ToUpper(f[0])}
		if len(f) >= 2 {
			// "[EGYGOV > 140608]": blanks inside the restriction are allowed
			r := strings.Join(f[1:], "")
			switch {
			case strings.HasPrefix(r, ">"):
				d.From, err = parseDictDate(r[1:], file, n, warn)
			case strings.HasPrefix(r, "<"):
				d.To, err = parseDictDate(r[1:], file, n, warn)
			default:
				a, b, ok := strings.Cut(r, "-")
				if !ok {
					// "[MNEGOV 20121204]": read as ">20121204", the start of an office
					if warn == nil {
						return nil, syntaxf(file, n, "date restriction %q: want >DATE, <DATE or DATE-DATE", r)
					}
					warn(&ParseError{File: file, Line: n, Err: fmt.Errorf("date restriction %q has no >, < or -: read as >%s", r, r)})
					d.From, err = parseDictDate(r, file, n, warn)
					break
				}
				if d.From, err = parseDictDate(a, file, n, warn); err == nil {
					d.To, err = parseDictDate(b, file, n, warn)
				}
			}
			if err != nil {
				return nil, err
			}
		}
		out = append(out, d)
	}
	return out, nil
}

// parseDictDate reads a YYMMDD or YYYYMMDD date the way TABARI and PETRARCH
// do: strings of up to 7 characters are YYMMDD (years 00–30 are 20YY, the
// rest 19YY; a 7th character is reported and ignored); longer ones are
// YYYYMMDD. It returns the date as a YYYYMMDD integer.
func parseDictDate(s, file string, n int, warn func(error)) (int, error) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, syntaxf(file, n, "date %q is not YYMMDD or YYYYMMDD", s)
		}
	}
	var y, m, d int
	switch {
	case len(s) >= 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
	case len(s) >= 6:
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:6])
		if len(s) == 7 && warn != nil {
			warn(&ParseError{File: file, Line: n, Err: fmt.Errorf("date %q has 7 digits: read as YYMMDD %s", s, s[:6])})
		}
	default:
		return 0, syntaxf(file, n, "date %q is too short for YYMMDD", s)
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, syntaxf(file, n, "date %q is not a calendar date", s)
	}
	return y*10000 + m*100 + d, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
