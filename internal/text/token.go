package text

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind tells words, numbers and punctuation apart.
type TokenKind uint8

// Kinds of [Token].
const (
	Word   TokenKind = iota + 1 // letters, with inner apostrophes and periods (don't, U.S)
	Number                      // digits, with inner . or , (3.5, 1,000)
	Punct                       // one punctuation mark or quotation mark
)

// Token is a word, number or punctuation mark at src[Start:End].
type Token struct {
	Start, End int
	Kind       TokenKind
}

// AppendTokens appends the tokens of s[start:end] to dst, with offsets
// into s. Hyphens, slashes and other symbols between words separate them
// and are not tokens; "," ";" ":" "." "!" "?" brackets, dashes and
// quotation marks are Punct tokens. Pass text from [Normalize] so that
// line-end hyphenation is already rejoined. Out-of-range bounds are
// clamped.
func AppendTokens(dst []Token, s string, start, end int) []Token {
	if end > len(s) {
		end = len(s)
	}
	if start < 0 {
		start = 0
	}
	i := start
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIILetter(c):
				j := wordEnd(s, i, end)
				dst = append(dst, Token{i, j, Word})
				i = j
			case c >= '0' && c <= '9':
				j := i + 1
				for j < end {
					d := s[j]
					if d >= '0' && d <= '9' {
						j++
						continue
					}
					if (d == '.' || d == ',') && j+1 < end && s[j+1] >= '0' && s[j+1] <= '9' {
						j += 2
						continue
					}
					if isASCIILetter(d) { // 2nd, 1990s, G7
						j = wordEnd(s, j, end)
						dst = append(dst, Token{i, j, Word})
						i = j
						goto next
					}
					break
				}
				dst = append(dst, Token{i, j, Number})
				i = j
			case c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')' || c == '[' || c == ']' || c == '"':
				dst = append(dst, Token{i, i + 1, Punct})
				i++
			default:
				i++
			}
		next:
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:end])
		switch {
		case unicode.IsLetter(r):
			j := wordEnd(s, i, end)
			dst = append(dst, Token{i, j, Word})
			i = j
		case unicode.IsDigit(r):
			dst = append(dst, Token{i, i + w, Number})
			i += w
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»' || r == '‘' || r == '’' || r == '—' || r == '–' || r == '…':
			dst = append(dst, Token{i, i + w, Punct})
			i += w
		default:
			i += w
		}
	}
	return dst
}

// wordEnd returns the end of the word starting at s[i]: letters and digits
// with inner apostrophes and, after single letters, inner periods (U.S.A).
func wordEnd(s string, i, end int) int {
	j := i
	seg := 0
	for j < end {
		c := s[j]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) || (c >= '0' && c <= '9') {
				j++
				seg++
				continue
			}
			if (c == '\'' || c == '.') && j+1 < end && isASCIILetter(s[j+1]) {
				if c == '.' && seg != 1 {
					return j
				}
				j++
				seg = 0
				continue
			}
			return j
		}
		r, w := utf8.DecodeRuneInString(s[j:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += w
			seg++
			continue
		}
		if r == '’' && j+w < end {
			nr, _ := utf8.DecodeRuneInString(s[j+w : end])
			if unicode.IsLetter(nr) {
				j += w
				seg = 0
				continue
			}
		}
		return j
	}
	return j
}
