package text

import (
	"unicode"
	"unicode/utf8"
)

// MaxQuote is the longest direct quotation, in bytes, that [Quotes]
// accepts. An opening mark with no closing mark within this distance (or
// before a paragraph that does not go on with an opening mark) is taken as
// stray, so that one unbalanced quote cannot swallow the rest of a
// document.
const MaxQuote = 6000

// maxSingleQuote bounds quotations in single marks (‘…’), which are easily
// confused with apostrophes.
const maxSingleQuote = 1200

// Quote is a direct quotation: Start is the offset of the opening mark and
// End the offset just after the closing mark; TextStart and TextEnd bound
// the quoted words inside the marks, trimmed of space. Start < TextStart
// <= TextEnd < End.
type Quote struct {
	Start, End         int
	TextStart, TextEnd int
}

// Quotes returns the direct quotations in src in order, without overlap.
// See [AppendQuotes].
func Quotes(src string) []Quote {
	return AppendQuotes(nil, src)
}

type mark int

const (
	markNone      mark = iota
	markCurly          // “ … ” (or “ … “ as some PDFs have it)
	markLow            // „ … “ or „ … ”
	markGuillemet      // « … »
	markStraight       // " … "
	markSingle         // ‘ … ’
)

// AppendQuotes appends the direct quotations in src to dst.
//
// Double quotation marks may be curly, straight, low-9 („) or guillemets,
// and may be mixed (an opening “ closed by a straight "), as in text
// extracted from PDFs. A quotation may span sentences and lines; one that
// spans paragraphs goes on when the next paragraph opens with a quotation
// mark. Single quotation marks nested inside double ones are part of the
// quotation; curly single marks (‘…’) at the top level make a quotation of
// their own when the closing ’ is not an apostrophe. Straight single
// quotes are never taken as quotation marks.
func AppendQuotes(dst []Quote, src string) []Quote {
	open := -1
	var kind mark
	var openLen int
	nested := false // a straight quote opened inside a curly one
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		if c == '\n' && open >= 0 {
			k, newlines, ff := spaceRun(src, i)
			if newlines >= 2 || ff {
				// A new paragraph continues the quote only if it opens with
				// a quotation mark of the same family.
				if k < n {
					if m, w := openingMark(src, k); m != markNone && (m == kind || (m != markSingle && kind != markSingle)) {
						i = k + w
						continue
					}
				}
				open, kind, nested = -1, markNone, false
			}
			i = k
			continue
		}
		if open >= 0 && i-open > MaxQuote || (kind == markSingle && i-open > maxSingleQuote) {
			open, kind, nested = -1, markNone, false
		}
		if c == '"' {
			prevSpace := i == 0 || isOpenContext(src, i)
			nextSpace := i+1 >= n || isSpaceByte(src[i+1]) || isUnicodeSpaceAt(src, i+1)
			switch {
			case open < 0:
				if prevSpace && !nextSpace {
					open, kind, openLen = i, markStraight, 1
				}
			case kind == markStraight || kind == markCurly || kind == markLow || kind == markGuillemet:
				if kind != markStraight && prevSpace && !nextSpace {
					nested = true
				} else if !prevSpace {
					if nested {
						nested = false
					} else {
						dst = appendQuote(dst, src, open, openLen, i, 1)
						open, kind, nested = -1, markNone, false
					}
				}
			}
			i++
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(src[i:])
		switch r {
		case '“':
			prevSpace := i == 0 || isOpenContext(src, i)
			switch {
			case open < 0:
				open, kind, openLen = i, markCurly, w
			case kind == markLow || (kind != markSingle && !prevSpace):
				dst = appendQuote(dst, src, open, openLen, i, w)
				open, kind, nested = -1, markNone, false
			default:
				// A second opening mark: the first was stray.
				open, kind, openLen, nested = i, markCurly, w, false
			}
		case '„':
			open, kind, openLen, nested = i, markLow, w, false
		case '«':
			if open < 0 || kind == markSingle {
				open, kind, openLen, nested = i, markGuillemet, w, false
			}
		case '”':
			if open >= 0 && kind != markSingle {
				dst = appendQuote(dst, src, open, openLen, i, w)
				open, kind, nested = -1, markNone, false
			}
		case '»':
			if open >= 0 && kind == markGuillemet {
				dst = appendQuote(dst, src, open, openLen, i, w)
				open, kind, nested = -1, markNone, false
			}
		case '‘':
			if open < 0 && (i == 0 || isOpenContext(src, i)) {
				open, kind, openLen = i, markSingle, w
			}
		case '’':
			if open >= 0 && kind == markSingle {
				nr, _ := utf8.DecodeRuneInString(src[i+w:])
				if i+w >= n || !unicode.IsLetter(nr) {
					dst = appendQuote(dst, src, open, openLen, i, w)
					open, kind, nested = -1, markNone, false
				}
			}
		}
		i += w
	}
	return dst
}

// openingMark reports the quotation mark that opens at src[k], if any.
func openingMark(src string, k int) (mark, int) {
	r, w := utf8.DecodeRuneInString(src[k:])
	switch r {
	case '“':
		return markCurly, w
	case '„':
		return markLow, w
	case '«':
		return markGuillemet, w
	case '"':
		return markStraight, w
	case '‘':
		return markSingle, w
	}
	return markNone, 0
}

// isOpenContext reports whether the byte before i is space, an opening
// bracket or a dash: a quotation mark at i then opens.
func isOpenContext(src string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(src[:i])
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == '/' || r == ':' || r == 0xA0
}

// appendQuote adds the quotation from the opening mark at open (olen
// bytes) to the closing mark at close (clen bytes) when it holds a letter.
func appendQuote(dst []Quote, src string, open, olen, close, clen int) []Quote {
	ts := skipSpace(src[:close], open+olen)
	te := trimSpaceEnd(src, ts, close)
	if te <= ts {
		return dst
	}
	has := false
	for _, r := range src[ts:te] {
		if unicode.IsLetter(r) {
			has = true
			break
		}
	}
	if !has {
		return dst
	}
	return append(dst, Quote{Start: open, End: close + clen, TextStart: ts, TextEnd: te})
}
