package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence's byte span in the text it was split from: Start
// inclusive, End exclusive, trimmed of surrounding space. The span may hold
// line breaks, a hyphenated word or a page number: look at it through
// [Normalize] to tokenise it.
type Sentence struct {
	Start, End int
}

// Split splits src into sentences, in order and without overlap. Spans that
// hold no letter (page numbers, rules of asterisks, stray bullets) are left
// out. See [AppendSplit] to reuse a slice.
func Split(src string) []Sentence {
	return AppendSplit(nil, src)
}

// AppendSplit appends the sentences of src to dst and returns the extended
// slice.
//
// A sentence ends at ".", "!", "?" or an ellipsis, followed by any closing
// quotes, brackets and footnote number, then space and the start of a new
// sentence (a capital, a digit, an opening quote or a bullet). A period
// after a title or other abbreviation (Mr., Dr., Gen., No., e.g., Jan.)
// or an initial does not end a sentence; one after a dotted acronym (U.S.,
// U.N.) or etc. does only when a common sentence opener follows. A blank
// line or form feed ends a sentence unless it splits one across a page
// (the text before has no final punctuation and the text after goes on in
// lower case, page numbers between are skipped). A single line break ends
// a sentence before a bullet or numbered item and after a heading: a line
// that starts a sentence, has no final punctuation, and is short compared
// with a full next line (50 bytes or more) or is written in title case
// (three words or more).
func AppendSplit(dst []Sentence, src string) []Sentence {
	n := len(src)
	start := skipSpace(src, 0)
	lineStart := 0
	var rows tableRowMemo // the next line, tested at one line end, is the current one at the next
	i := start
	for i < n {
		c := src[i]
		switch {
		case c == '\n' || c == '\f':
			k, newlines, ff := spaceRun(src, i)
			if k >= n {
				i = n
				continue
			}
			if newlines >= 2 || ff {
				if resume, ok := pageContinues(src, start, i, k); ok {
					k = resume
				} else {
					dst = emit(dst, src, start, i)
					start = k
				}
			} else if start < i && (isBulletAt(src, k) || isHeading(src, start, lineStart, i, k)) {
				dst = emit(dst, src, start, i)
				start = k
			} else if start < i && (rows.is(src, lineStart, i) || rows.is(src, k, lineEnd(src, k))) {
				// A row of a table of figures is a span of its own, not
				// part of its caption or of the sentence around it.
				dst = emit(dst, src, start, i)
				start = k
			} else if start >= lineStart && start < i && isMarkerLine(src[start:i]) {
				// A timestamp or bracketed number on a line of its own
				// ("[10:41]" in a transcript) starts no sentence.
				start = k
			}
			lineStart = k
			i = k
		case c == '.' || c == '!' || c == '?':
			end, next, ok := boundary(src, start, i)
			if ok {
				dst = emit(dst, src, start, end)
				start = next
				i = next
				continue
			}
			i = end
		case c == 0xE2 && i+2 < n && src[i+1] == 0x80 && src[i+2] == 0xA6: // …
			end, next, ok := boundary(src, start, i)
			if ok {
				dst = emit(dst, src, start, end)
				start = next
				i = next
				continue
			}
			i = end
		default:
			i++
		}
	}
	return emit(dst, src, start, n)
}

// emit appends src[start:end] trimmed, when it holds a letter.
func emit(dst []Sentence, src string, start, end int) []Sentence {
	if start >= end {
		return dst
	}
	end = trimSpaceEnd(src, start, end)
	start = skipSpace(src[:end], start)
	if start >= end {
		return dst
	}
	for i := start; i < end; {
		c := src[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				return append(dst, Sentence{start, end})
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(src[i:end])
		if unicode.IsLetter(r) {
			return append(dst, Sentence{start, end})
		}
		i += w
	}
	return dst
}

// boundary decides whether the terminal punctuation at src[p] ends the
// sentence that began at start. It returns the end of the sentence (after
// punctuation, closing quotes and footnote digits), the start of the next
// one, and ok. When !ok, end is where scanning resumes.
func boundary(src string, start, p int) (end, next int, ok bool) {
	n := len(src)
	single := src[p] == '.'
	first := p
	// Consume the run of terminal punctuation.
	i := p
	for i < n {
		c := src[i]
		if c == '.' || c == '!' || c == '?' {
			i++
			continue
		}
		if c == 0xE2 && i+2 < n && src[i+1] == 0x80 && src[i+2] == 0xA6 {
			i += 3
			continue
		}
		break
	}
	if i-p > 1 {
		single = false
	}
	// A period inside a token: 3.5, U.S.A, e.g.x, www.un.org; but not a
	// footnote number after a word ("NATO.2 The").
	if i < n && single {
		r, _ := utf8.DecodeRuneInString(src[i:])
		if unicode.IsLetter(r) {
			return i, 0, false
		}
		if unicode.IsDigit(r) {
			prev, _ := utf8.DecodeLastRuneInString(src[:first])
			d := digitsAt(src, i)
			if !unicode.IsLetter(prev) || d > 3 || (i+d < n && !isSpaceByte(src[i+d])) {
				return i, 0, false
			}
		}
	}
	// Closing quotes and brackets, then a footnote number.
	closed := false
	for i < n {
		r, w := utf8.DecodeRuneInString(src[i:])
		if r == '”' || r == '’' || r == '"' || r == '\'' || r == ')' || r == ']' || r == '»' || r == '“' {
			i += w
			closed = true
			continue
		}
		break
	}
	if d := digitsAt(src, i); d > 0 && d <= 3 && (closed || !single || i > 0) {
		if i+d == n || isSpaceByte(src[i+d]) {
			// "yours.”1 Next" or "NATO.2 Next": a footnote.
			prev, _ := utf8.DecodeLastRuneInString(src[:first])
			if closed || unicode.IsLetter(prev) {
				i += d
			}
		}
	}
	for i < n {
		r, w := utf8.DecodeRuneInString(src[i:])
		if isSuperDigit(r) {
			i += w
			continue
		}
		break
	}
	if i >= n {
		return n, n, true
	}
	if !isSpaceByte(src[i]) && !isUnicodeSpaceAt(src, i) {
		return i, 0, false
	}
	k := skipSpace(src, i)
	if k >= n {
		return i, n, true
	}
	if !startsSentence(src, k) {
		return i, 0, false
	}
	if single {
		// A list number: "1. First".
		if d := digitsAt(src, start); d > 0 && d <= 3 && start+d == first {
			return i, 0, false
		}
		w0, w1 := wordBefore(src, start, first)
		word := src[w0:w1]
		if numericAbbrev(word) && !(src[k] >= '0' && src[k] <= '9') {
			// "said no. The", "in Jan. The": a word, not "No. 5", "Jan. 5".
			return i, k, true
		}
		switch abbrevKind(word) {
		case abbrevTitle:
			return i, 0, false
		case abbrevMaybe:
			if !openerAt(src, k) {
				return i, 0, false
			}
		}
	}
	return i, k, true
}

// wordBefore returns the span of the word (letters and inner periods)
// before the period at p, not reaching before start.
func wordBefore(src string, start, p int) (int, int) {
	b := p
	for b > start {
		r, w := utf8.DecodeLastRuneInString(src[start:b])
		if unicode.IsLetter(r) || r == '.' {
			b -= w
			continue
		}
		break
	}
	return b, p
}

type abbrev int

const (
	abbrevNone  abbrev = iota
	abbrevTitle        // never ends a sentence: Mr. Dr. Gen. e.g.
	abbrevMaybe        // ends one only before a common opener: U.S. etc.
)

// titles are abbreviations after which a period never ends a sentence;
// keys are lower case without the final period.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "messrs": true, "dr": true, "prof": true,
	"st": true, "gen": true, "lt": true, "col": true, "maj": true, "capt": true,
	"cpt": true, "sgt": true, "cmdr": true, "adm": true, "gov": true, "sen": true,
	"rep": true, "reps": true, "amb": true, "pres": true, "hon": true, "rev": true,
	"fr": true, "mme": true, "mlle": true, "rt": true, "excl": true, "incl": true,
	"no": true, "nos": true, "vol": true, "vols": true, "art": true, "arts": true,
	"para": true, "paras": true, "fig": true, "figs": true, "pp": true, "p": true,
	"ch": true, "sec": true, "sect": true, "ed": true, "eds": true, "op": true,
	"jan": true, "feb": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"e.g": true, "i.e": true, "cf": true, "vs": true, "viz": true, "approx": true,
	"dept": true, "est": true, "ca": true, "mt": true, "ft": true, "univ": true,
	"assn": true, "govt": true, "min": true, "max": true, "tel": true, "ref": true,
	"nr": true, "al": true,
}

// maybes are abbreviations that end a sentence only before an opener.
var maybes = map[string]bool{
	"etc": true, "inc": true, "ltd": true, "co": true, "corp": true, "jr": true,
	"sr": true, "bros": true, "plc": true, "llc": true,
}

// numericOnly are abbreviations that are abbreviations only before a
// number ("No. 5", "p. 12", "Jan. 5"); before a capital they end a
// sentence.
var numericOnly = map[string]bool{
	"no": true, "nos": true, "vol": true, "vols": true, "art": true, "arts": true,
	"para": true, "paras": true, "fig": true, "figs": true, "pp": true, "p": true,
	"ch": true, "sec": true, "sect": true, "jan": true, "feb": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "nr": true, "op": true, "ref": true, "tel": true,
}

func numericAbbrev(word string) bool {
	if word == "" || len(word) > 5 {
		return false
	}
	var buf [5]byte
	for i := 0; i < len(word); i++ {
		buf[i] = lowerASCII(word[i])
	}
	return numericOnly[string(buf[:len(word)])]
}

func abbrevKind(word string) abbrev {
	if word == "" || len(word) > 8 {
		return abbrevNone
	}
	var buf [8]byte
	for i := 0; i < len(word); i++ {
		buf[i] = lowerASCII(word[i])
	}
	w := string(buf[:len(word)])
	if titles[w] {
		return abbrevTitle
	}
	if maybes[w] {
		return abbrevMaybe
	}
	// An initial: one capital letter (J. Smith, George W. Bush).
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) && unicode.IsUpper(r) {
		return abbrevMaybe
	}
	// A dotted acronym: U.S, U.N, U.S.S.R, a.m, p.m.
	if len(word) >= 3 && word[1] == '.' {
		return abbrevMaybe
	}
	return abbrevNone
}

// openers are words that commonly open a sentence; after a dotted acronym
// or an initial, a following opener marks a sentence end.
var openers = map[string]bool{
	"the": true, "this": true, "that": true, "these": true, "those": true,
	"it": true, "its": true, "we": true, "he": true, "she": true, "they": true,
	"i": true, "in": true, "on": true, "at": true, "as": true, "but": true,
	"and": true, "however": true, "yet": true, "our": true, "his": true,
	"her": true, "their": true, "there": true, "a": true, "an": true,
	"for": true, "moreover": true, "furthermore": true, "meanwhile": true,
	"since": true, "when": true, "while": true, "if": true, "after": true,
	"before": true, "according": true, "today": true, "now": true,
	"thus": true, "therefore": true, "also": true, "nevertheless": true,
	"such": true, "what": true, "why": true, "how": true, "some": true,
	"many": true, "most": true, "all": true, "both": true, "each": true,
	"officials": true, "during": true, "last": true, "later": true,
	"earlier": true, "then": true, "still": true, "instead": true,
}

func openerAt(src string, k int) bool {
	e := k
	for e < len(src) && e-k < 14 && isASCIILetter(src[e]) {
		e++
	}
	if e == k || e-k > 12 {
		return false
	}
	var buf [12]byte
	for i := k; i < e; i++ {
		buf[i-k] = lowerASCII(src[i])
	}
	return openers[string(buf[:e-k])]
}

// startsSentence reports whether src[k:] can start a sentence.
func startsSentence(src string, k int) bool {
	r, _ := utf8.DecodeRuneInString(src[k:])
	switch {
	case unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r):
		return true
	case r == '“' || r == '"' || r == '‘' || r == '\'' || r == '(' || r == '[' || r == '«' || r == '„':
		return true
	case isBulletRune(r):
		return true
	case unicode.IsLetter(r) && !unicode.IsLower(r):
		return true // scripts without case
	}
	return false
}

func isBulletRune(r rune) bool {
	switch r {
	case '•', '◦', '▪', '▫', '■', '□', '●', '○', '‣', '⁃', '·', '–', '—', '*', '-', '\uf0b7', '➢', '►', '✓':
		return true
	}
	return false
}

// isBulletAt reports whether a list item starts at src[k]: a bullet
// symbol, or a number or letter followed by "." or ")" and a space.
func isBulletAt(src string, k int) bool {
	r, w := utf8.DecodeRuneInString(src[k:])
	if isBulletRune(r) {
		return k+w < len(src) && (src[k+w] == ' ' || src[k+w] == '\t')
	}
	i := k
	if i < len(src) && src[i] == '(' {
		i++
	}
	j := i
	for j < len(src) && j-i < 3 && src[j] >= '0' && src[j] <= '9' {
		j++
	}
	if j == i && j < len(src) && isASCIILetter(src[j]) && (j+1 < len(src) && src[j+1] == ')') {
		j++
	}
	if j == i || j+1 >= len(src) {
		return false
	}
	return (src[j] == '.' || src[j] == ')') && (src[j+1] == ' ' || src[j+1] == '\t')
}

// isHeading reports whether the line src[lineStart:i] is a heading that
// ends the sentence started at start: it starts that sentence, lacks final
// punctuation, and is short next to the following line (which starts at
// k) or written in title case.
func isHeading(src string, start, lineStart, i, k int) bool {
	if start != skipSpace(src, lineStart) {
		// A heading hyphenated over two lines: "The limits of coop-\neration".
		prev := trimSpaceEnd(src, start, lineStart)
		if prev <= start || src[prev-1] != '-' || lineStart-start > 100 {
			return false
		}
		for j := start; j < prev-1; j++ {
			if src[j] == '\n' {
				return false
			}
		}
	}
	end := trimSpaceEnd(src, start, i)
	if end <= start || end-start > 100 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(src[start:end])
	switch last {
	case '.', '!', '?', ',', ';', ':', '-', '–', '—', '(', '/', '&':
		return false
	}
	if !startsSentence(src, k) {
		return false
	}
	// The last word must not be a function word that needs a continuation.
	b := end
	for b > start && isASCIILetter(src[b-1]) {
		b--
	}
	if functionWord(src[b:end]) {
		return false
	}
	next := k
	for next < len(src) && src[next] != '\n' {
		next++
	}
	words, caps := 0, 0
	inWord := false
	for j := start; j < end; j++ {
		c := src[j]
		letter := isASCIILetter(c) || c >= utf8.RuneSelf
		if letter && !inWord && j >= 2 && src[j-1] == '\n' && src[j-2] == '-' {
			// The rest of a word hyphenated at the line end
			// ("Arme-\nnia’s"): the same word, whatever its case.
			inWord = true
			continue
		}
		if letter && !inWord {
			words++
			if (c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf {
				caps++
			} else if functionWord(wordAt(src, j, end)) {
				caps++ // "of", "and" in a title
			}
		}
		inWord = letter || c == '\''
	}
	if words >= 3 && caps == words && end-start <= 80 {
		return true // "Belarus Between Russia and the West"
	}
	// A short line before a full one ("Introduction" before a paragraph);
	// a short next line means narrow columns, where this proves nothing.
	return next-k >= 50 && (end-start)*10 < (next-k)*6
}

func wordAt(src string, j, end int) string {
	e := j
	for e < end && isASCIILetter(src[e]) {
		e++
	}
	return src[j:e]
}

// functionWord reports whether w (ASCII letters) is a short word that
// cannot end a sentence or heading.
func functionWord(w string) bool {
	if len(w) == 0 || len(w) > 7 {
		return false
	}
	var buf [7]byte
	for i := 0; i < len(w); i++ {
		buf[i] = lowerASCII(w[i])
	}
	return functionWords[string(buf[:len(w)])]
}

var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true,
	"to": true, "in": true, "on": true, "for": true, "with": true, "by": true,
	"at": true, "from": true, "as": true, "that": true, "its": true,
	"their": true, "his": true, "her": true, "our": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "will": true, "would": true,
	"not": true, "but": true, "this": true, "which": true, "who": true,
	"between": true, "against": true, "into": true, "about": true,
	"than": true, "both": true, "nor": true, "whose": true, "said": true,
}

// pageContinues reports whether a paragraph break at src[i:k] splits one
// sentence across a page: the sentence so far lacks final punctuation and,
// after any page-number lines, the text goes on in lower case (or after a
// function word). It returns where the text goes on.
func pageContinues(src string, start, i, k int) (int, bool) {
	end := trimSpaceEnd(src, start, i)
	if end <= start {
		return 0, false
	}
	last, _ := utf8.DecodeLastRuneInString(src[start:end])
	switch last {
	case '.', '!', '?', ':', '”', '"', '…':
		return 0, false
	}
	for tries := 0; tries < 3 && k < len(src); tries++ {
		e, ok := pageNumberLine(src, k)
		if !ok {
			break
		}
		k = skipSpace(src, e)
	}
	if k >= len(src) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(src[k:])
	if unicode.IsLower(r) {
		return k, true
	}
	// "… with the\n\n12\n\nWest": a function word cannot end a sentence.
	b := end
	for b > start && isASCIILetter(src[b-1]) {
		b--
	}
	return k, functionWord(src[b:end]) && startsSentence(src, k) && !isBulletAt(src, k)
}

// spaceRun returns the end of the run of white space starting at i, the
// number of newlines in it and whether it holds a form feed.
func spaceRun(src string, i int) (k, newlines int, ff bool) {
	k = i
	for k < len(src) {
		switch src[k] {
		case '\n':
			newlines++
		case '\f':
			ff = true
		case ' ', '\t', '\r', '\v':
		default:
			if isUnicodeSpaceAt(src, k) {
				_, w := utf8.DecodeRuneInString(src[k:])
				k += w
				continue
			}
			return k, newlines, ff
		}
		k++
	}
	return k, newlines, ff
}

func digitsAt(src string, i int) int {
	j := i
	for j < len(src) && src[j] >= '0' && src[j] <= '9' {
		j++
	}
	return j - i
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// isUnicodeSpaceAt reports a non-ASCII space (no-break space etc.) at i.
func isUnicodeSpaceAt(src string, i int) bool {
	if src[i] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return unicode.IsSpace(r) || r == 0x200B
}

// skipSpace returns the first offset at or after i that is not space.
func skipSpace(src string, i int) int {
	for i < len(src) {
		if isSpaceByte(src[i]) {
			i++
			continue
		}
		if isUnicodeSpaceAt(src, i) {
			_, w := utf8.DecodeRuneInString(src[i:])
			i += w
			continue
		}
		break
	}
	return i
}

// trimSpaceEnd returns end moved left over trailing space, not before start.
func trimSpaceEnd(src string, start, end int) int {
	for end > start {
		c := src[end-1]
		if isSpaceByte(c) {
			end--
			continue
		}
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeLastRuneInString(src[start:end])
			if unicode.IsSpace(r) || r == 0x200B {
				end -= w
				continue
			}
		}
		break
	}
	return end
}

// isMarkerLine reports whether line (without its newline) is a marker
// that holds no words: a timestamp ("10:41", "00:12:05") or a bracketed
// run without letters ("[10:41]", "(12)", "[…]").
func isMarkerLine(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return false
	}
	for _, r := range line {
		if unicode.IsLetter(r) {
			return false
		}
	}
	if o, c := line[0], line[len(line)-1]; (o == '[' && c == ']') || (o == '(' && c == ')') {
		return true
	}
	// A timestamp: digits and colons only, at least one colon.
	colon := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ':':
			colon = true
		case c < '0' || c > '9':
			return false
		}
	}
	return colon
}

// lineEnd returns the offset of the newline or form feed that ends the
// line holding src[k], or len(src).
func lineEnd(src string, k int) int {
	for k < len(src) && src[k] != '\n' && src[k] != '\f' {
		k++
	}
	return k
}

// tableRowMemo remembers the last line [isTableRow] was asked about.
type tableRowMemo struct {
	from, to int
	row, set bool
}

// is returns isTableRow(src, from, to), computing it only for a line other
// than the last one asked about.
func (m *tableRowMemo) is(src string, from, to int) bool {
	if !m.set || m.from != from || m.to != to {
		m.from, m.to, m.row, m.set = from, to, isTableRow(src, from, to), true
	}
	return m.row
}

// isTableRow reports whether the line src[from:to] is a row of a table of
// figures: at least three cells separated by runs of two or more spaces
// or tabs, most of them holding digits ("Russia   5,216   7,332").
func isTableRow(src string, from, to int) bool {
	if to-from > 200 {
		return false
	}
	line := strings.TrimSpace(src[from:to])
	cells, numeric := 0, 0
	for line != "" {
		j := 0
		for j < len(line) {
			if line[j] == '\t' || (line[j] == ' ' && j+1 < len(line) && (line[j+1] == ' ' || line[j+1] == '\t')) {
				break
			}
			j++
		}
		cell := line[:j]
		cells++
		if strings.ContainsAny(cell, "0123456789") {
			numeric++
		}
		line = strings.TrimLeft(line[j:], " \t")
	}
	return cells >= 3 && 2*numeric > cells
}
