package cameodict

import (
	"io"
	"strings"
)

// Discard is one phrase of a discard list: a sentence containing it is not
// coded, or, when Story is true (the line started with "+"), no further
// sentence of its story is coded.
type Discard struct {
	Phrase Phrase // Stem: the last word matches as a prefix unless it ended with "_"
	Story  bool
	File   string
	Line   int
}

// ReadDiscards reads a discard list: one phrase a line, "+" for story-level
// discards, a trailing "_" for an exact last word (else it is a stem).
// Matching ignores case. Lines without a phrase are errors when warn is nil
// and are passed to warn and skipped otherwise.
func ReadDiscards(r io.Reader, file string, warn func(error)) ([]Discard, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []Discard
	for _, l := range lines {
		if l.blank {
			continue
		}
		s := strings.TrimSpace(l.text)
		story := strings.HasPrefix(s, "+")
		s = strings.TrimSpace(strings.TrimPrefix(s, "+"))
		p, ok := parsePhrase(s)
		if !ok {
			err := syntaxf(file, l.n, "discard line has no phrase")
			if warn == nil {
				return nil, err
			}
			warn(err)
			continue
		}
		out = append(out, Discard{Phrase: p, Story: story, File: file, Line: l.n})
	}
	return out, nil
}
