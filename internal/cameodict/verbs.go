package cameodict

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// ElemKind is the kind of one element of a verb pattern.
type ElemKind uint8

// Pattern element kinds.
const (
	ElemWord     ElemKind = iota // a literal word
	ElemSynset                   // "&NAME": any phrase of a synonym set
	ElemSource                   // "$": the source actor is here
	ElemTarget                   // "+": the target actor is here
	ElemCompound                 // "%": an actor that is both source and target (meetings)
	ElemSkip                     // "^": skip over one or more words
)

// Elem is one element of a verb pattern.
type Elem struct {
	Kind ElemKind
	// Word is the literal (ElemWord) or the synset name with its "&"
	// (ElemSynset).
	Word string
	// Next is true when the element must follow the previous one directly
	// (they were joined with "_" in the dictionary); otherwise other words
	// may come between.
	Next bool
	// Stem is true for a word written without a trailing "_": TABARI
	// matches it as a prefix ("VIOLAT" matches "violated").
	Stem bool
	// Alts are the alternatives of a TABARI "{ WAS | WERE }" set
	// (ElemSynset with an empty Word).
	Alts [][]string
}

// Pattern is one "- … * … [CODE]" line of a verb dictionary.
type Pattern struct {
	// Pre are the elements before the verb ("*"), in text order; Post the
	// elements after it.
	Pre, Post []Elem
	// Code is the event code for source → target; Code2, when Paired,
	// the code of the second event, target → source. Either may be ""
	// (no event that way) or "---" (null); Code "###" discards the
	// sentence.
	Code, Code2 string
	Paired      bool
	Text        string // the pattern as written, without its code
	File        string
	Line        int
}

// Verb is one verb of a synonym block with all the forms that match it.
type Verb struct {
	// Forms are the word sequences that match the verb: the base, the
	// irregular forms given in "{…}" or else the regular ones (+S, +ED or
	// +D, +ING).
	Forms [][]string
	// Stem is true when the verb was written without a trailing "_":
	// TABARI then matches its first word as a prefix ("ACCUS" matches
	// "accused" and "accusation").
	Stem bool
	// Regular is true when Forms[1:] were made by the regular rules rather
	// than listed; TABARI dictionaries use only the written form.
	Regular bool
	// Code is the verb's own code, "" to use its block's.
	Code string
	File string
	Line int
}

// VerbSet is a block of synonymous verbs sharing one list of patterns.
type VerbSet struct {
	Name     string // "VISIT", from "--- VISIT [042:043] ---"; else the first verb
	Code     string // the block's code; "---" when it has none
	Verbs    []Verb
	Patterns []Pattern // in file order
	File     string
	Line     int
}

// Synset is a "&NAME" synonym set of words and phrases.
type Synset struct {
	Name    string // with its "&"
	Phrases [][]string
	Line    int
}

// Verbs is a parsed verb dictionary.
type Verbs struct {
	Synsets map[string]*Synset
	Sets    []*VerbSet
}

// ReadVerbs reads a PETRARCH (CAMEO.2.0.txt) or TABARI verb dictionary:
// synsets ("&NAME" then "+WORD" lines), verb blocks headed by
// "--- NAME [CODE] ---", verb lines "VERB {IRREGULAR FORMS} [CODE]"
// (multi-word verbs joined with "_", optionally led by "+"), and pattern
// lines "- WORDS * WORDS [CODE]" with the markers $ (source), + (target),
// % (compound), ^ (skip), &SYNSET, "(…)" and "{…}" groupings. Without
// block headers (TABARI) every verb line starts its own entry, and "+"
// lines add multi-word forms to it. TABARI's "{ WAS | WERE }" alternatives
// and codes marked with "!" ("[100!]", the mark is dropped) are read too.
// Patterns naming undefined synsets are skipped and reported through warn
// (may be nil), as PETRARCH does.
func ReadVerbs(r io.Reader, file string, warn func(error)) (*Verbs, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	v := &Verbs{Synsets: map[string]*Synset{}}
	// With "--- NAME [CODE] ---" headers (PETRARCH) a block runs to the
	// next header; without them (TABARI) a verb line after a pattern
	// starts a new block.
	headers := false
	for _, l := range lines {
		if strings.HasPrefix(l.text, "---") && strings.Contains(l.text, "[") {
			headers = true
			break
		}
	}
	var set *VerbSet
	var syn *Synset
	synNoPlural := false
	type pending struct {
		text string
		line int
		set  *VerbSet
	}
	var pats []pending
	for _, l := range lines {
		if l.blank {
			syn = nil
			continue
		}
		s := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(s, "---") || strings.HasPrefix(s, "==="):
			syn = nil
			f := strings.Fields(strings.Trim(s, "-= "))
			name, code := "", "---"
			for _, w := range f {
				if strings.HasPrefix(w, "[") {
					code = cleanCode(strings.Trim(w, "[]"))
				} else if name == "" {
					name = strings.ToUpper(w)
				}
			}
			if err := checkCode(code); err != nil {
				return nil, syntaxf(file, l.n, "block %s: %v", name, err)
			}
			set = &VerbSet{Name: name, Code: code, File: file, Line: l.n}
			v.Sets = append(v.Sets, set)
		case s[0] == '&':
			name := strings.ToUpper(strings.Fields(s)[0])
			synNoPlural = strings.HasSuffix(name, "_")
			name = strings.TrimSuffix(name, "_")
			syn = &Synset{Name: name, Line: l.n}
			v.Synsets[name] = syn
		case s[0] == '+' && syn != nil:
			w := strings.TrimSpace(s[1:])
			p, ok := parsePhrase(w)
			if !ok {
				continue
			}
			syn.Phrases = append(syn.Phrases, p.Words)
			if !synNoPlural && !strings.HasSuffix(w, "_") {
				last := p.Words[len(p.Words)-1]
				pl := append(append([]string(nil), p.Words[:len(p.Words)-1]...), plural(last))
				syn.Phrases = append(syn.Phrases, pl)
			}
		case s[0] == '-':
			syn = nil
			if set == nil {
				return nil, syntaxf(file, l.n, "pattern before any verb")
			}
			pats = append(pats, pending{text: s[1:], line: l.n, set: set})
		default:
			syn = nil
			if set == nil || (!headers && !strings.HasPrefix(s, "+")) {
				set = &VerbSet{Code: "---", File: file, Line: l.n}
				v.Sets = append(v.Sets, set)
			}
			verb, err := parseVerbLine(s, file, l.n)
			if err != nil {
				return nil, err
			}
			if set.Name == "" {
				set.Name = strings.Join(verb.Forms[0], "_")
				if verb.Code != "" {
					set.Code = verb.Code
				}
			}
			set.Verbs = append(set.Verbs, verb)
		}
	}
	// Patterns are parsed after the whole file so that synsets defined
	// anywhere can be used.
	for _, p := range pats {
		pat, err := parsePattern(p.text, file, p.line, v.Synsets)
		if err != nil {
			if warn != nil {
				warn(err)
			}
			continue
		}
		p.set.Patterns = append(p.set.Patterns, pat)
	}
	return v, nil
}

// parseVerbLine reads "SPEED {SPEEDING SPEEDS SPED} [042]" or
// "+ASK_FOR {+ASKED_FOR +ASKS_FOR} [020]".
func parseVerbLine(s, file string, n int) (Verb, error) {
	head, codes, err := bracketed(s)
	if err != nil {
		return Verb{}, syntaxf(file, n, "%v", err)
	}
	verb := Verb{File: file, Line: n}
	if len(codes) > 1 {
		return Verb{}, syntaxf(file, n, "verb %q: more than one code", s)
	}
	if len(codes) == 1 {
		codes[0] = cleanCode(codes[0])
		if err := checkCode(codes[0]); err != nil {
			return Verb{}, syntaxf(file, n, "verb %q: %v", s, err)
		}
		verb.Code = codes[0]
	}
	var irregular []string
	hasBraces := false
	if i := strings.IndexByte(head, '{'); i >= 0 {
		j := strings.IndexByte(head[i:], '}')
		if j < 0 {
			return Verb{}, syntaxf(file, n, "unclosed { in %q", head)
		}
		hasBraces = true
		irregular = strings.Fields(head[i+1 : i+j])
		head = head[:i]
	}
	base := strings.TrimPrefix(strings.TrimSpace(head), "+")
	p, ok := parsePhrase(base)
	if !ok {
		return Verb{}, syntaxf(file, n, "verb line %q has no verb", s)
	}
	verb.Stem = p.Stem && len(p.Words) == 1
	verb.Forms = append(verb.Forms, p.Words)
	if hasBraces {
		for _, f := range irregular {
			if fp, ok := parsePhrase(strings.TrimPrefix(f, "+")); ok {
				verb.Forms = append(verb.Forms, fp.Words)
			}
		}
		return verb, nil
	}
	verb.Regular = true
	for _, f := range regularForms(p.Words[0]) {
		verb.Forms = append(verb.Forms, append([]string{f}, p.Words[1:]...))
	}
	return verb, nil
}

// regularForms returns the regular inflections of an English verb: +S
// (+ES, +IES), +ED (+D after E, +IED after consonant+Y) and +ING (dropping
// a final E).
func regularForms(w string) []string {
	n := len(w)
	if n == 0 {
		return nil
	}
	var s, ed, ing string
	switch {
	case w[n-1] == 'E':
		s, ed, ing = w+"S", w+"D", w[:n-1]+"ING"
		if strings.HasSuffix(w, "EE") || strings.HasSuffix(w, "YE") || strings.HasSuffix(w, "OE") {
			ing = w + "ING"
		}
	case n >= 2 && w[n-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(w[n-2])):
		s, ed, ing = w[:n-1]+"IES", w[:n-1]+"IED", w+"ING"
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "SH"), strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"):
		s, ed, ing = w+"ES", w+"ED", w+"ING"
	default:
		s, ed, ing = w+"S", w+"ED", w+"ING"
	}
	return []string{s, ed, ing}
}

// cleanCode drops TABARI's "!" marks from a code ("100!" → "100").
func cleanCode(c string) string { return strings.ReplaceAll(strings.TrimSpace(c), "!", "") }

// checkCode accepts "042", "0874", "---", "###", "042:043", ":190".
func checkCode(c string) error {
	a, b, paired := strings.Cut(c, ":")
	if err := checkOne(a, paired); err != nil {
		return err
	}
	if paired {
		return checkOne(b, true)
	}
	return nil
}

func checkOne(c string, emptyOK bool) error {
	if c == "" && emptyOK || c == "---" || c == "###" {
		return nil
	}
	if len(c) < 2 || len(c) > 4 {
		return fmt.Errorf("code %q: want 2 to 4 digits, ---, ### or a pair A:B", c)
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return fmt.Errorf("code %q: want 2 to 4 digits, ---, ### or a pair A:B", c)
		}
	}
	return nil
}

// parsePattern reads the text of a pattern line after its "-".
func parsePattern(s, file string, n int, synsets map[string]*Synset) (Pattern, error) {
	i := strings.LastIndexByte(s, '[')
	j := strings.LastIndexByte(s, ']')
	if i < 0 || j < i {
		return Pattern{}, syntaxf(file, n, "pattern %q has no [CODE]", strings.TrimSpace(s))
	}
	code := cleanCode(s[i+1 : j])
	if err := checkCode(code); err != nil {
		return Pattern{}, syntaxf(file, n, "pattern: %v", err)
	}
	p := Pattern{Text: strings.TrimSpace(s[:i]), File: file, Line: n}
	p.Code, p.Code2, p.Paired = strings.Cut(code, ":")
	verbAt := -1
	var elems []Elem
	body := strings.ReplaceAll(strings.ReplaceAll(s[:i], "**", "*"), "*", " * ") // "SPY_*_DEAL"
	fields := strings.Fields(body)
	for fi := 0; fi < len(fields); fi++ {
		raw := fields[fi]
		// TABARI alternatives: "{ WAS | WERE }"
		if strings.HasPrefix(raw, "{") && strings.Contains(body, "|") {
			end := fi
			for end < len(fields) && !strings.HasSuffix(fields[end], "}") {
				end++
			}
			group := strings.Trim(strings.Join(fields[fi:min(end+1, len(fields))], " "), "{} ")
			if strings.Contains(group, "|") {
				e := Elem{Kind: ElemSynset}
				for _, alt := range strings.Split(group, "|") {
					if ph, ok := parsePhrase(alt); ok {
						e.Alts = append(e.Alts, ph.Words)
					}
				}
				if len(e.Alts) == 0 {
					return Pattern{}, syntaxf(file, n, "empty alternatives in %q", p.Text)
				}
				elems = append(elems, e)
				fi = end
				continue
			}
		}
		tok := strings.Trim(raw, "(){}")
		if tok == "" {
			continue
		}
		switch tok {
		case "*", "**":
			if verbAt >= 0 {
				return Pattern{}, syntaxf(file, n, "pattern %q has two verb markers", p.Text)
			}
			verbAt = len(elems)
			continue
		case "$":
			elems = append(elems, Elem{Kind: ElemSource})
			continue
		case "+":
			elems = append(elems, Elem{Kind: ElemTarget})
			continue
		case "%":
			elems = append(elems, Elem{Kind: ElemCompound})
			continue
		case "^":
			elems = append(elems, Elem{Kind: ElemSkip})
			continue
		}
		if tok[0] == '&' && !strings.Contains(tok[1:], "&") {
			name := strings.ToUpper(tok)
			if _, ok := synsets[name]; !ok {
				return Pattern{}, &ParseError{File: file, Line: n, Err: fmt.Errorf("synset %s is not defined; pattern skipped", name)}
			}
			elems = append(elems, Elem{Kind: ElemSynset, Word: name})
			continue
		}
		// Words joined by "_" must be consecutive; a piece starting with
		// "&" is a synset ("FOR_&TALK").
		words := strings.FieldsFunc(strings.ToUpper(tok), func(r rune) bool { return r == '_' })
		for k, w := range words {
			e := Elem{Kind: ElemWord, Word: w, Next: k > 0 || tok[0] == '_'}
			e.Stem = k == len(words)-1 && !strings.HasSuffix(tok, "_")
			if w[0] == '&' {
				if _, ok := synsets[w]; !ok {
					return Pattern{}, &ParseError{File: file, Line: n, Err: fmt.Errorf("synset %s is not defined; pattern skipped", w)}
				}
				e.Kind = ElemSynset
			}
			elems = append(elems, e)
		}
	}
	if verbAt < 0 {
		return Pattern{}, syntaxf(file, n, "pattern %q has no verb marker *", p.Text)
	}
	p.Pre, p.Post = elems[:verbAt:verbAt], elems[verbAt:]
	return p, nil
}

// sortPatterns orders a block's patterns as TABARI tries them: more
// elements first, file order among equals.
func sortPatterns(ps []Pattern) []Pattern {
	out := append([]Pattern(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		return len(out[i].Pre)+len(out[i].Post) > len(out[j].Pre)+len(out[j].Post)
	})
	return out
}
