package code

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

//go:embed rules/*.rules
var builtinRules embed.FS

// Marker classes: word classes around a stance pattern (rules/markers.rules).
const (
	mNegation uint16 = 1 << iota
	mIntent
	mHypothetical
	mReported
	mReject
	mHalt
	mAppeal
	mDemand
	mThreaten
	mSpeech
	mImpersonal
)

var markerClasses = map[string]uint16{
	"negation":     mNegation,
	"intent":       mIntent,
	"hypothetical": mHypothetical,
	"reported":     mReported,
	"reject":       mReject,
	"halt":         mHalt,
	"appeal":       mAppeal,
	"demand":       mDemand,
	"threaten":     mThreaten,
	"speech":       mSpeech,
	"impersonal":   mImpersonal,
}

// Where a rule looks for its target.
const (
	targetAuto   = iota // after the pattern, else before it
	targetAfter         // only after the pattern
	targetBefore        // only before the pattern
	targetNone          // the event has no target
)

// discardCode marks a pattern that makes no event: a longer phrase that
// hides shorter patterns inside it ("world war", "in order to").
const discardCode = "-"

// ErrSyntax is wrapped by every [ParseError].
var ErrSyntax = errors.New("syntax error")

// ParseError reports a bad line in a rule file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// Rules is a set of stance patterns and marker word classes, loaded from
// rule files (see rules/README.md for the format). The zero value is not
// usable: get one from [DefaultRules] or [LoadRules]. A Rules must not be
// changed while a [Coder] uses it.
type Rules struct {
	words   map[string]*wordEntry
	entries []*wordEntry // by word id
	rules   []rule
	markers []marker
	byID    map[string]int
}

// wordEntry is what the coder learns from one lower-cased word.
type wordEntry struct {
	id      int32
	starts  []startRef // patterns whose first phrase starts with this word
	markers []int32    // marker phrases that start with this word
}

type startRef struct {
	rule   int32
	phrase int16
}

type rule struct {
	id     string
	code   string
	slots  [][][]int32 // slot → phrase alternatives → word ids
	gaps   []int8      // gaps[k]: words that may sit before slot k (0 = adjacent)
	target int
	intent bool
	noun   bool
	need   bool // drop the event when no target is found
	verb   bool // the first slot is an inflected verb (~verb)
	bySpkr bool // source=speaker: the speaker judges; actors in the clause are targets
	off    bool // replaced by a later rule with the same id
	size   int  // words in the shortest full match: longer patterns win
	file   string
	line   int
}

type marker struct {
	class uint16
	words []int32
}

// NumRules returns the number of active stance patterns.
func (rs *Rules) NumRules() int {
	n := 0
	for i := range rs.rules {
		if !rs.rules[i].off {
			n++
		}
	}
	return n
}

// DefaultRules returns a fresh copy of the built-in rules: the stance
// patterns of rules/cameo.rules and the word classes of
// rules/markers.rules, covering CAMEO roots 01 to 20.
func DefaultRules() (*Rules, error) {
	rs := newRules()
	entries, err := fs.ReadDir(builtinRules, "rules")
	if err != nil {
		return nil, fmt.Errorf("read built-in rules: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".rules") {
			continue
		}
		f, err := builtinRules.Open("rules/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("open built-in rules: %w", err)
		}
		err = rs.Load(f, e.Name())
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return rs, nil
}

// LoadRules reads one rule file into a new, otherwise empty set. Most
// callers want [DefaultRules] followed by [Rules.Load] or
// [Rules.LoadFile] to add their own rules to the built-in ones.
func LoadRules(r io.Reader, name string) (*Rules, error) {
	rs := newRules()
	if err := rs.Load(r, name); err != nil {
		return nil, err
	}
	return rs, nil
}

func newRules() *Rules {
	return &Rules{words: make(map[string]*wordEntry, 4096), byID: make(map[string]int)}
}

// LoadFile adds the rules of the file at path (see [Rules.Load]).
func (rs *Rules) LoadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open rules: %w", err)
	}
	defer f.Close()
	return rs.Load(f, filepath.Base(path))
}

// Load adds the rules and marker phrases read from r; name is used in
// error messages. A rule whose id an earlier file already used replaces
// that rule; the same id twice in one file is an error. A bad line
// returns a [*ParseError] naming name and the line, and nothing from r is
// kept.
func (rs *Rules) Load(r io.Reader, name string) error {
	type pending struct {
		line int
		text string
	}
	var lines []pending
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		lines = append(lines, pending{n, t})
	}
	if err := sc.Err(); err != nil {
		return &ParseError{File: name, Line: n + 1, Err: err}
	}
	// Parse everything first so that a bad file leaves rs unchanged.
	var newRules []parsedRule
	var newMarkers []struct {
		class  uint16
		phrase []string
	}
	seen := map[string]int{}
	for _, l := range lines {
		if strings.HasPrefix(l.text, "@") {
			class, phrases, err := parseDirective(l.text)
			if err != nil {
				return &ParseError{File: name, Line: l.line, Err: err}
			}
			for _, p := range phrases {
				newMarkers = append(newMarkers, struct {
					class  uint16
					phrase []string
				}{class, p})
			}
			continue
		}
		ru, err := parseRule(l.text)
		if err != nil {
			return &ParseError{File: name, Line: l.line, Err: err}
		}
		if prev, dup := seen[ru.id]; dup {
			return &ParseError{File: name, Line: l.line, Err: fmt.Errorf("%w: rule id %q already used on line %d", ErrSyntax, ru.id, prev)}
		}
		seen[ru.id] = l.line
		ru.file, ru.line = name, l.line
		newRules = append(newRules, ru)
	}
	for _, m := range newMarkers {
		for _, words := range expandPhrase(m.phrase) {
			ids := make([]int32, len(words))
			for i, w := range words {
				ids[i] = rs.intern(w).id
			}
			mi := int32(len(rs.markers))
			rs.markers = append(rs.markers, marker{class: m.class, words: ids})
			e := rs.words[words[0]]
			e.markers = append(e.markers, mi)
		}
	}
	for _, ru := range newRules {
		if old, ok := rs.byID[ru.id]; ok {
			rs.rules[old].off = true
		}
		ri := int32(len(rs.rules))
		rs.byID[ru.id] = int(ri)
		compiled := rule{id: ru.id, code: ru.code, target: ru.target, intent: ru.intent, noun: ru.noun, need: ru.need || ru.noun, bySpkr: ru.bySpkr, file: ru.file, line: ru.line}
		for k, slot := range ru.slots {
			var alts [][]int32
			for _, phrase := range slot {
				for _, words := range expandPhrase(phrase) {
					ids := make([]int32, len(words))
					for i, w := range words {
						ids[i] = rs.intern(w).id
					}
					alts = append(alts, ids)
				}
			}
			compiled.slots = append(compiled.slots, alts)
			compiled.gaps = append(compiled.gaps, ru.gaps[k])
		}
		for _, p := range ru.slots[0] {
			if strings.HasPrefix(p[0], "~") {
				compiled.verb = true
			}
		}
		compiled.size = 0
		for _, alts := range compiled.slots {
			m := 1 << 30
			for _, a := range alts {
				m = min(m, len(a))
			}
			compiled.size += m
		}
		rs.rules = append(rs.rules, compiled)
		for pi, first := range compiled.slots[0] {
			e := rs.entryByID(first[0])
			e.starts = append(e.starts, startRef{rule: ri, phrase: int16(pi)})
		}
	}
	return nil
}

// intern returns the entry for a lower-case word, creating it.
func (rs *Rules) intern(w string) *wordEntry {
	if e, ok := rs.words[w]; ok {
		return e
	}
	e := &wordEntry{id: int32(len(rs.entries))}
	rs.entries = append(rs.entries, e)
	rs.words[w] = e
	return e
}

func (rs *Rules) entryByID(id int32) *wordEntry { return rs.entries[id] }

// parsedRule is a rule line before its words are interned.
type parsedRule struct {
	id     string
	code   string
	slots  [][][]string // slot → phrase alternatives → words (with ~ and |)
	gaps   []int8
	target int
	intent bool
	noun   bool
	need   bool
	bySpkr bool
	file   string
	line   int
}

// parseRule parses "id code pattern [options]".
func parseRule(line string) (parsedRule, error) {
	f := strings.Fields(line)
	if len(f) < 3 {
		return parsedRule{}, fmt.Errorf("%w: want \"id code pattern [options]\", got %q", ErrSyntax, line)
	}
	ru := parsedRule{id: f[0], code: f[1]}
	if _, ok := event.Lookup(ru.code); !ok && ru.code != discardCode {
		return parsedRule{}, fmt.Errorf("%w: rule %s: unknown CAMEO code %q", ErrSyntax, ru.id, ru.code)
	}
	var toks []string
	for _, t := range f[2:] {
		if k, v, ok := strings.Cut(t, "="); ok {
			switch k {
			case "target":
				switch v {
				case "after":
					ru.target = targetAfter
				case "before":
					ru.target = targetBefore
				case "none":
					ru.target = targetNone
				case "auto":
					ru.target = targetAuto
				default:
					return parsedRule{}, fmt.Errorf("%w: rule %s: target=%s: want after, before, auto or none", ErrSyntax, ru.id, v)
				}
			case "mod":
				if v != "intent" {
					return parsedRule{}, fmt.Errorf("%w: rule %s: mod=%s: want intent", ErrSyntax, ru.id, v)
				}
				ru.intent = true
			case "kind":
				if v != "noun" && v != "verb" {
					return parsedRule{}, fmt.Errorf("%w: rule %s: kind=%s: want noun or verb", ErrSyntax, ru.id, v)
				}
				ru.noun = v == "noun"
			case "source":
				if v != "speaker" {
					return parsedRule{}, fmt.Errorf("%w: rule %s: source=%s: want speaker", ErrSyntax, ru.id, v)
				}
				ru.bySpkr = true
			case "need":
				if v != "target" {
					return parsedRule{}, fmt.Errorf("%w: rule %s: need=%s: want target", ErrSyntax, ru.id, v)
				}
				ru.need = true
			default:
				return parsedRule{}, fmt.Errorf("%w: rule %s: unknown option %q", ErrSyntax, ru.id, k)
			}
			continue
		}
		toks = append(toks, t)
	}
	// Split the pattern into slots at "*", "*N" and "+"; inside a slot,
	// "|" separates phrase alternatives and spaces separate words.
	gap := int8(0)
	var cur []string
	flush := func() error {
		if len(cur) == 0 {
			return fmt.Errorf("%w: rule %s: empty slot in pattern", ErrSyntax, ru.id)
		}
		phrases := splitAlternatives(cur)
		for _, p := range phrases {
			if len(p) == 0 {
				return fmt.Errorf("%w: rule %s: empty alternative in pattern", ErrSyntax, ru.id)
			}

			for _, w := range p {
				if err := checkWord(w); err != nil {
					return fmt.Errorf("%w: rule %s: %v", ErrSyntax, ru.id, err)
				}
			}
		}
		ru.slots = append(ru.slots, phrases)
		ru.gaps = append(ru.gaps, gap)
		cur = nil
		return nil
	}
	for _, t := range toks {
		switch {
		case t == "+":
			if err := flush(); err != nil {
				return parsedRule{}, err
			}
			gap = 0
		case strings.HasPrefix(t, "*"):
			if err := flush(); err != nil {
				return parsedRule{}, err
			}
			gap = 4
			if len(t) > 1 {
				n, err := strconv.Atoi(t[1:])
				if err != nil || n < 1 || n > 12 {
					return parsedRule{}, fmt.Errorf("%w: rule %s: gap %q: want * or *N with N from 1 to 12", ErrSyntax, ru.id, t)
				}
				gap = int8(n)
			}
		default:
			cur = append(cur, t)
		}
	}
	if err := flush(); err != nil {
		return parsedRule{}, err
	}
	// A lone function word may open a pattern only when a "+" slot is
	// glued to it ("is + illegal"), never alone or before a gap.
	if len(ru.slots) == 1 || ru.gaps[1] > 0 {
		for _, p := range ru.slots[0] {
			if len(p) == 1 && loneWords[strings.TrimPrefix(p[0], "~")] {
				return parsedRule{}, fmt.Errorf("%w: rule %s: alternative %q is a lone function word (attach it with \"+\": \"talks|dialogue + with\")", ErrSyntax, ru.id, p[0])
			}
		}
	}
	ru.gaps[0] = 0
	return ru, nil
}

// splitAlternatives turns the words of a slot, some holding "|", into
// phrase alternatives: ["a", "b|c", "d"] → [a b] [c d].
func splitAlternatives(words []string) [][]string {
	var out [][]string
	var cur []string
	for _, w := range words {
		parts := strings.Split(w, "|")
		for i, p := range parts {
			if i > 0 {
				out = append(out, cur)
				cur = nil
			}
			if p != "" {
				cur = append(cur, p)
			}
		}
	}
	return append(out, cur)
}

// loneWords may not be a whole pattern alternative: they would match
// almost every sentence.
var loneWords = map[string]bool{
	"of": true, "on": true, "in": true, "to": true, "with": true, "by": true, "for": true,
	"against": true, "at": true, "from": true, "between": true, "that": true, "and": true,
	"the": true, "a": true, "an": true, "or": true, "into": true, "about": true, "over": true,
	"near": true, "outside": true, "as": true, "is": true, "was": true,
}

func checkWord(w string) error {
	b := strings.TrimPrefix(w, "~")
	if b == "" {
		return fmt.Errorf("empty word in %q", w)
	}
	if strings.ContainsAny(b, "~*+=@") {
		return fmt.Errorf("bad word %q", w)
	}
	if strings.ToLower(b) != b {
		return fmt.Errorf("word %q must be lower case", w)
	}
	return nil
}

// parseDirective parses "@class: phrase, phrase, …".
func parseDirective(line string) (uint16, [][]string, error) {
	head, body, ok := strings.Cut(line[1:], ":")
	if !ok {
		return 0, nil, fmt.Errorf("%w: want \"@class: phrase, phrase\", got %q", ErrSyntax, line)
	}
	class, ok := markerClasses[strings.TrimSpace(head)]
	if !ok {
		names := make([]string, 0, len(markerClasses))
		for k := range markerClasses {
			names = append(names, k)
		}
		sort.Strings(names)
		return 0, nil, fmt.Errorf("%w: unknown class @%s (want one of %s)", ErrSyntax, strings.TrimSpace(head), strings.Join(names, ", "))
	}
	var out [][]string
	for _, p := range strings.Split(body, ",") {
		words := strings.Fields(p)
		if len(words) == 0 {
			return 0, nil, fmt.Errorf("%w: empty phrase in @%s", ErrSyntax, strings.TrimSpace(head))
		}
		for _, w := range words {
			for _, alt := range strings.Split(w, "|") {
				if err := checkWord(alt); err != nil {
					return 0, nil, fmt.Errorf("%w: @%s: %v", ErrSyntax, strings.TrimSpace(head), err)
				}
			}
		}
		out = append(out, words)
	}
	return class, out, nil
}

// expandPhrase expands the "~verb" and "a|b" words of a phrase into every
// concrete word sequence. Inflected forms of one verb keep the other
// words' positions: "~call on" → call on, calls on, called on, calling on.
func expandPhrase(words []string) [][]string {
	out := [][]string{nil}
	for _, w := range words {
		var forms []string
		for _, alt := range strings.Split(w, "|") {
			if strings.HasPrefix(alt, "~") {
				forms = append(forms, inflect(alt[1:])...)
			} else {
				forms = append(forms, normWord(alt))
			}
		}
		next := make([][]string, 0, len(out)*len(forms))
		for _, o := range out {
			for _, f := range forms {
				p := append(append([]string(nil), o...), f)
				next = append(next, p)
			}
		}
		out = next
	}
	return out
}

// normWord maps a pattern word to the form the tokenizer produces.
func normWord(w string) string {
	return strings.ReplaceAll(w, "’", "'")
}
