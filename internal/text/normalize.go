package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize returns a cleaned view of s with exactly the same length, so
// that every byte offset into s is also an offset into the result and no
// offset map is needed. It:
//
//   - rejoins words hyphenated at a line end: "coop-\neration" becomes
//     "cooperation" followed by the freed bytes as spaces; the hyphen is
//     kept when the next part is capitalised ("post-\nSoviet" becomes
//     "post-Soviet") or the first part is a prefix that keeps it
//     ("non-\naligned");
//   - removes soft hyphens inside words the same way;
//   - blanks footnote numbers glued to a closing quote or to final
//     punctuation (yours.”1, allies,12), or to a lower-case or
//     capitalised word (agreement12, Ukraine3; not NATO12, Su-35,
//     covid19), and superscript digits;
//   - blanks lines that hold only a page number ("12", "- 12 -", "Page 12");
//   - turns zero-width spaces into spaces.
//
// Line breaks and other white space are kept: tokenisers treat them as
// spaces, and [Split] needs them.
//
// Letters inside a rejoined word move left by the bytes removed; a word's
// start offset is exact, its end may differ by those few bytes. Normalize
// returns s itself, without allocating, when nothing needs cleaning.
func Normalize(s string) string {
	var out []byte
	set := func(i int, b byte) {
		if out == nil {
			out = []byte(s)
		}
		out[i] = b
	}
	lineStart := true
	for i := 0; i < len(s); {
		c := s[i]
		if lineStart {
			lineStart = false
			if e, ok := pageNumberLine(s, i); ok {
				for k := i; k < e; k++ {
					if s[k] != '\n' {
						set(k, ' ')
					}
				}
				i = e
				continue
			}
		}
		switch {
		case c == '\n':
			lineStart = true
			i++
		case c == '-':
			if q, keep, ok := lineHyphen(s, i); ok {
				if out == nil {
					out = []byte(s)
				}
				p := i
				if keep {
					p = i + 1
				}
				i = joinWord(out, s, p, q)
				continue
			}
			i++
		case c >= '0' && c <= '9':
			if e, ok := footnote(s, i); ok {
				for k := i; k < e; k++ {
					set(k, ' ')
				}
				i = e
				continue
			}
			i++
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == 0x200B: // zero-width space
				for k := i; k < i+n; k++ {
					set(k, ' ')
				}
			case r == 0xAD: // soft hyphen
				if out == nil {
					out = []byte(s)
				}
				q := i + n
				for q < len(s) && (s[q] == '\n' || s[q] == ' ') {
					q++
				}
				i = joinWord(out, s, i, q)
				continue
			case r == 0x2010 || r == 0x2011:
				if q, keep, ok := lineHyphen(s, i); ok {
					if out == nil {
						out = []byte(s)
					}
					p := i
					if keep {
						p = i + n
					}
					i = joinWord(out, s, p, q)
					continue
				}
			case isSuperDigit(r):
				for k := i; k < i+n; k++ {
					set(k, ' ')
				}
			}
			i += n
		}
	}
	if out == nil {
		return s
	}
	return string(out)
}

// joinWord copies the word that starts at s[q:] to out[p:], dropping soft
// hyphens, and blanks the bytes freed after it. It returns the offset in s
// just after the consumed word.
func joinWord(out []byte, s string, p, q int) int {
	w := p
	j := q
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == 0xAD {
			j += n
			continue
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') {
			break
		}
		copy(out[w:], s[j:j+n])
		w += n
		j += n
	}
	for k := w; k < j; k++ {
		out[k] = ' '
	}
	return j
}

// keepHyphen lists first parts of hyphenated words whose hyphen is part of
// the word even when it falls at a line end.
var keepHyphen = map[string]bool{
	"post": true, "non": true, "anti": true,
	"self": true, "well": true, "semi": true,
	"quasi": true, "pan": true, "neo": true, "cross": true, "long": true,
	"mid": true,
}

// keepHyphenBefore lists first parts that are as often the start of a word
// broken at the line end ("pro-\nposed", "so-\nvereignty", "state-\nment",
// "ex-\npressed", "pre-\nsident") as a prefix; the hyphen is kept only
// before the starts of the compounds' second parts given here ("ex-\n
// president", "so-\ncalled", "state-\nowned").
var keepHyphenBefore = map[string][]string{
	"ex":    {"president", "presidential", "prime", "premier", "minister", "leader", "chief", "head", "husband", "wife", "member", "official", "officer", "soldier", "partner", "colon", "convict", "communist", "rebel", "envoy", "ambassador", "general", "spy", "mayor"},
	"pro":   {"government", "democra", "independence", "reform", "war", "peace", "business", "market", "regime", "opposition", "kremlin", "moscow", "china", "beijing", "west", "eu", "nato", "active"},
	"pre":   {"war", "election", "empt", "condition", "existing", "crisis", "invasion", "independence", "conflict", "agreed", "planned", "dawn", "revolution", "colonial", "soviet", "summit", "vote"},
	"inter": {"agency", "ethnic", "state", "parliamentary", "governmental", "religious", "communal", "party", "faith", "korean", "american", "allied", "bank"},
	"state": {"owned", "run", "backed", "sponsored", "controlled", "building", "funded", "level", "led", "media", "of", "to", "affiliated", "linked", "approved"},
	"so":    {"called"},
	"short": {"term", "range", "lived", "sighted", "haul"},
	"high":  {"level", "ranking", "profile", "tech", "intensity", "precision", "speed", "risk", "stakes", "value", "quality", "income"},
	"low":   {"level", "income", "intensity", "key", "cost", "yield", "risk", "lying", "ranking"},
	"full":  {"scale", "fledged", "time", "blown", "year", "spectrum"},
	"large": {"scale"},
	"small": {"scale", "arms", "holder"},
	"multi": {"vector", "party", "year", "billion", "million", "ethnic", "level", "track", "layered", "domain", "role", "purpose"},
}

// keepsHyphen reports whether the hyphen after the first part first
// (lower case) belongs to the word whose second part starts at rest.
func keepsHyphen(first, rest string) bool {
	if keepHyphen[first] {
		return true
	}
	starts, ok := keepHyphenBefore[first]
	if !ok {
		return false
	}
	for _, w := range starts {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
			// A start covers its word's forms ("democra": democracy,
			// democratic).
			return true
		}
	}
	return false
}

// lineHyphen reports whether the hyphen at s[i] ends a line inside a word
// ("coop-\neration"), where the word goes on (q), and whether the hyphen
// belongs to the word (keep).
func lineHyphen(s string, i int) (q int, keep, ok bool) {
	// The part before must be letters.
	b := i
	for b > 0 && b > i-24 && isASCIILetter(s[b-1]) {
		b--
	}
	if b == i {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			return 0, false, false
		}
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
		j++
	}
	if j >= len(s) || s[j] != '\n' {
		return 0, false, false
	}
	j++
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j >= len(s) {
		return 0, false, false
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	if !unicode.IsLetter(r) {
		return 0, false, false
	}
	if unicode.IsUpper(r) {
		return j, true, true
	}
	if i-b <= 5 {
		var buf [8]byte
		w := 0
		for k := b; k < i && w < len(buf); k++ {
			buf[w] = lowerASCII(s[k])
			w++
		}
		if keepsHyphen(string(buf[:w]), s[j:]) {
			return j, true, true
		}
	}
	return j, false, true
}

// footnoteAfterWord lists abbreviations that take a number after their
// period ("No.5"), so that number is not a footnote.
var footnoteAfterWord = map[string]bool{
	"no": true, "nos": true, "art": true, "para": true, "p": true, "pp": true,
	"vol": true, "ch": true, "sec": true, "fig": true, "op": true, "n": true,
	"res": true,
}

// footnote reports whether the digit run at s[i] is a footnote number glued
// to a closing quote or to punctuation after a word, and where it ends.
func footnote(s string, i int) (int, bool) {
	e := i
	for e < len(s) && s[e] >= '0' && s[e] <= '9' {
		e++
	}
	if e-i > 3 || i == 0 {
		return 0, false
	}
	if e < len(s) {
		c := s[e]
		if !(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '.' || c == ',' || c == ';' || c == ':' || c == ')') {
			return 0, false
		}
	}
	prev, pn := utf8.DecodeLastRuneInString(s[:i])
	before := s[:i-pn]
	switch prev {
	case '”', '’', '»':
		return e, true
	case '"', '\'':
		r, _ := utf8.DecodeLastRuneInString(before)
		if r == '.' || r == ',' || r == '!' || r == '?' || unicode.IsLetter(r) {
			return e, true
		}
	case '.', ',', ';', ':':
		r, _ := utf8.DecodeLastRuneInString(before)
		if !unicode.IsLetter(r) && r != ')' {
			return 0, false
		}
		// The word before the punctuation must not be an abbreviation that
		// takes a number, nor a single letter (initials, "p.5").
		b := len(before)
		for b > 0 && isASCIILetter(before[b-1]) {
			b--
		}
		w := before[b:]
		if len(w) == 1 {
			return 0, false
		}
		if lowerIn(footnoteAfterWord, w) {
			return 0, false
		}
		return e, true
	}
	if prev < utf8.RuneSelf && isASCIILetter(byte(prev)) && footnoteWord(s[:i]) {
		return e, true
	}
	return 0, false
}

// digitWords are words that take a number glued to them ("covid19",
// "Sputnik5") rather than a footnote mark, lower case.
var digitWords = map[string]bool{
	"covid": true, "sputnik": true, "soyuz": true, "tupolev": true, "sukhoi": true,
	"mig": true, "iskander": true, "kinzhal": true, "patriot": true, "article": true,
	"chapter": true, "annex": true, "page": true, "resolution": true, "phase": true,
	"group": true, "format": true, "windows": true,
}

// footnoteWord reports whether the text before a digit run ends in a word
// that a footnote mark is glued to ("the agreement12 was", "Ukraine3 and",
// "Russia’s1 position"): at least three letters, all lower case or
// capitalised (not "NATO12", "G20", "Su35"), after a space or line start.
func footnoteWord(before string) bool {
	b := len(before)
	for b > 0 && isASCIILetter(before[b-1]) {
		b--
	}
	w := before[b:]
	if w == "s" || w == "S" {
		// A possessive: "Russia’s1", "Russia's1".
		rest := before[:b]
		r, n := utf8.DecodeLastRuneInString(rest)
		if r != '’' && r != '\'' {
			return false
		}
		return footnoteWord(rest[:len(rest)-n])
	}
	if len(w) < 3 {
		return false
	}
	if b > 0 {
		r, _ := utf8.DecodeLastRuneInString(before[:b])
		if !unicode.IsSpace(r) && !strings.ContainsRune("(“‘\"'", r) {
			return false // "Su-35", "x2y3", a word with non-ASCII letters
		}
	}
	for k := 1; k < len(w); k++ {
		if w[k] < 'a' {
			return false // "NATO12", "McCain3"
		}
	}
	if w[0] < 'a' && len(w) < 4 {
		return false // "Tor2"? too short to tell from a model name
	}
	return !lowerIn(digitWords, w)
}

// lowerIn reports whether the ASCII word w, lower-cased, is a key of set
// (whose keys are lower case and at most 16 bytes long), without
// allocating.
func lowerIn(set map[string]bool, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for k := 0; k < len(w); k++ {
		buf[k] = lowerASCII(w[k])
	}
	return set[string(buf[:len(w)])]
}

// pageNumberLine reports whether the line starting at s[i] holds only a
// page number, and where that line's content ends (before its newline).
func pageNumberLine(s string, i int) (int, bool) {
	e := i
	for e < len(s) && s[e] != '\n' {
		e++
	}
	if e-i > 24 {
		return 0, false
	}
	line := s[i:e]
	k := 0
	skip := func() {
		for k < len(line) && (line[k] == ' ' || line[k] == '\t' || line[k] == '\f' || line[k] == '\r' || line[k] == '-') {
			k++
		}
	}
	skip()
	if len(line)-k >= 4 {
		p := line[k : k+4]
		if (p[0] == 'P' || p[0] == 'p') && (p[1] == 'a' || p[1] == 'A') && (p[2] == 'g' || p[2] == 'G') && (p[3] == 'e' || p[3] == 'E') {
			k += 4
			skip()
		}
	}
	d := k
	for k < len(line) && line[k] >= '0' && line[k] <= '9' {
		k++
	}
	if k == d || k-d > 3 {
		return 0, false
	}
	skip()
	if k != len(line) {
		return 0, false
	}
	return e, true
}

func isSuperDigit(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || (r >= '⁰' && r <= '⁹')
}

func isASCIILetter(c byte) bool {
	return (c|0x20) >= 'a' && (c|0x20) <= 'z'
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}
