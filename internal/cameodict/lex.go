package cameodict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParseError is a problem in a dictionary or record file, with the file
// name and the 1-based line where it was found.
type ParseError struct {
	File string
	Line int
	Err  error
}

// Error formats the problem as "file:line: message".
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrSyntax is wrapped by every [ParseError] about malformed input.
var ErrSyntax = errors.New("syntax error")

func syntaxf(file string, line int, format string, args ...any) error {
	return &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: "+format, append([]any{ErrSyntax}, args...)...)}
}

// maxLine is the longest dictionary line accepted.
const maxLine = 1 << 20

// dictLine is one significant line of a dictionary file: comments removed,
// trailing blanks trimmed, leading white space kept (actor date
// restrictions start with a tab).
type dictLine struct {
	text string
	n    int // 1-based line number
	// blank is true for a line that was empty (or only a comment that
	// started the line) in the file: verb blocks end at blank lines.
	blank bool
}

// readLines reads r and returns its lines with comments removed: "#" and
// ";" start a comment that runs to the end of the line, and "<!-- … -->"
// comments may span lines. Lines that only held a comment are dropped;
// lines that were empty are returned with blank set.
func readLines(r io.Reader, file string) ([]dictLine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var out []dictLine
	n := 0
	inComment := false
	for sc.Scan() {
		n++
		s := sc.Text()
		if n == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		s = strings.TrimRight(s, "\r")
		if inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				continue
			}
			s = s[i+3:]
			inComment = false
		}
		for {
			i := strings.Index(s, "<!--")
			if i < 0 {
				break
			}
			j := strings.Index(s[i+4:], "-->")
			if j < 0 {
				s = s[:i]
				inComment = true
				break
			}
			s = s[:i] + s[i+4+j+3:]
		}
		if strings.TrimSpace(s) == "" {
			out = append(out, dictLine{n: n, blank: true})
			continue
		}
		s = stripComment(s)
		s = strings.TrimRight(s, " \t")
		if strings.TrimSpace(s) == "" {
			continue
		}
		out = append(out, dictLine{text: s, n: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s line %d: %w", file, n+1, err)
	}
	return out, nil
}

// stripComment cuts s at the first ";" or at the first "#" that does not
// belong to a "[###]" discard code (a "#" right after "[" or "#").
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';':
			return s[:i]
		case '#':
			if i > 0 && (s[i-1] == '[' || s[i-1] == '#') {
				continue
			}
			if i+1 < len(s) && s[i+1] == '#' && i > 0 && s[i-1] == '[' {
				continue
			}
			return s[:i]
		}
	}
	return s
}

// Phrase is a dictionary phrase as a sequence of upper-case words. Words
// in the file are joined by "_" or blanks. Stem is true when the phrase did
// not end with "_": TABARI then treats the last word as a stem that matches
// any word beginning with it (PETRARCH matches whole words only; see
// [Options.Stems]).
type Phrase struct {
	Words []string
	Stem  bool
}

// String returns the phrase as written in a dictionary, words joined by
// "_", with a trailing "_" when the phrase is exact.
func (p Phrase) String() string {
	s := strings.Join(p.Words, "_")
	if !p.Stem {
		s += "_"
	}
	return s
}

// parsePhrase splits a dictionary phrase on "_" and blanks and upper-cases
// it. It reports false for a phrase without words.
func parsePhrase(s string) (Phrase, bool) {
	s = strings.TrimSpace(s)
	stem := !strings.HasSuffix(s, "_")
	words := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	if len(words) == 0 {
		return Phrase{}, false
	}
	return Phrase{Words: words, Stem: stem}, true
}

// bracketed splits "TEXT [A] [B]" into "TEXT" and the bracket contents
// ["A", "B"]. It reports an error for an unclosed bracket.
func bracketed(s string) (head string, codes []string, err error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, nil, nil
	}
	head = s[:i]
	rest := s[i:]
	for {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return head, codes, nil
		}
		if rest[0] != '[' {
			return head, codes, fmt.Errorf("unexpected %q after code", rest)
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return head, codes, fmt.Errorf("unclosed [ in %q", rest)
		}
		codes = append(codes, strings.TrimSpace(rest[1:j]))
		rest = rest[j+1:]
	}
}

// Record errors.
var (
	ErrEmptyRecord   = errors.New("record has no text")
	ErrRecordTooLong = errors.New("record text is over 1 MB")
)
