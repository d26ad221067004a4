package cameodict

import (
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence. start and end are
// byte offsets into the sentence text; ustart and uend into the coder's
// upper-case buffer, which holds the normalised word ("’" becomes "'").
type token struct {
	start, end   int32
	ustart, uend int32
	id           int32 // vocabulary id, -1 when the word is in no dictionary
	punct        byte  // ',', ';', ':', '.', '!', '?', '(', ')' for punctuation tokens, else 0
	upper        bool  // the word began with an upper-case letter in the text
	caps         bool  // every letter of the word was upper case in the text ("US", "U.N.")
	// brk is the position, in the upper-case word, of a hyphen that stood
	// at a line break ("post-\nSoviet", "criti-\ncized"), 0 if none.
	brk int16
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits s into tokens, appending to toks and writing normalised
// upper-case words to up. Words keep inner hyphens, ampersands and
// apostrophes ("KI-MOON", "AT&T", "O'BRIEN") and the periods of
// abbreviations ("U.N.", "K."); a possessive "'s" and a negative "n't"
// become tokens of their own.
func tokenize(s string, toks []token, up []byte) ([]token, []byte) {
	i := 0
	for i < len(s) {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			switch r {
			case ',', ';', ':', '.', '!', '?', '(', ')':
				toks = append(toks, token{start: int32(i), end: int32(i + 1), id: -1, punct: byte(r), ustart: int32(len(up)), uend: int32(len(up))})
			}
			i += w
			continue
		}
		start := i
		ustart := len(up)
		upper := unicode.IsUpper(r)
		caps := true
		brk := 0
		dots := false
		letters := 0
		for i < len(s) {
			r, w = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(s[i:])
			}
			if isWordRune(r) {
				if unicode.IsLower(r) {
					caps = false
				}
				up = appendUpper(up, r)
				letters++
				i += w
				continue
			}
			// "post-\nSoviet": a hyphen at a line break joins the word.
			if r == '-' && letters > 0 {
				k := i + 1
				for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r') {
					k++
				}
				if k < len(s) && s[k] == '\n' {
					k++
					for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
						k++
					}
					if isWordRuneAt(s, k) {
						brk = len(up) - ustart
						up = append(up, '-')
						i = k
						continue
					}
				}
			}
			// Joiners need a word character after them.
			nr, nw := rune(0), 0
			if i+w < len(s) {
				nr, nw = utf8.DecodeRuneInString(s[i+w:])
			}
			if r == '.' && (dots || letters == 1) {
				up = append(up, '.')
				dots = true
				i += w
				if !isWordRune(nr) {
					break
				}
				letters = 0
				continue
			}
			if !isWordRune(nr) {
				break
			}
			if isApos(r) {
				rest := s[i+w:]
				// "'s" then a non-word: possessive, its own token.
				if (nr == 's' || nr == 'S') && (len(rest) == nw || !isWordRuneAt(rest, nw)) {
					break
				}
				// "n't": split before the n.
				if (nr == 't' || nr == 'T') && (len(rest) == nw || !isWordRuneAt(rest, nw)) && len(up) > ustart && (up[len(up)-1] == 'N') {
					up = up[:len(up)-1]
					i--
					break
				}
				up = append(up, '\'')
				i += w
				continue
			}
			if r == '-' || r == '&' || r == '.' {
				up = append(up, byte(r))
				i += w
				continue
			}
			break
		}
		if i > start && len(up) > ustart {
			toks = append(toks, token{start: int32(start), end: int32(i), ustart: int32(ustart), uend: int32(len(up)), id: -1, upper: upper, caps: caps, brk: int16(min(brk, 1<<15-1))})
		}
		if i < len(s) {
			r, w = utf8.DecodeRuneInString(s[i:])
			switch {
			case isApos(r) && i+w < len(s) && (s[i+w] == 's' || s[i+w] == 'S') && !isWordRuneAt(s, i+w+1):
				us := len(up)
				up = append(up, "'S"...)
				toks = append(toks, token{start: int32(i), end: int32(i + w + 1), ustart: int32(us), uend: int32(len(up)), id: -1})
				i += w + 1
			case (s[i] == 'n' || s[i] == 'N') && i+1 < len(s):
				r2, w2 := utf8.DecodeRuneInString(s[i+1:])
				if isApos(r2) && i+1+w2 < len(s) && (s[i+1+w2] == 't' || s[i+1+w2] == 'T') && !isWordRuneAt(s, i+2+w2) {
					us := len(up)
					up = append(up, "N'T"...)
					toks = append(toks, token{start: int32(i), end: int32(i + 2 + w2), ustart: int32(us), uend: int32(len(up)), id: -1})
					i += 2 + w2
				}
			}
		}
		if i <= start { // never loop without progress
			_, w = utf8.DecodeRuneInString(s[start:])
			i = start + w
		}
	}
	return toks, up
}

func isWordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func appendUpper(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		return append(b, byte(r))
	}
	return utf8.AppendRune(b, unicode.ToUpper(r))
}
