package ingest

import (
	"bytes"
	"encoding/hex"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// This file works around one defect of github.com/ledongthuc/pdf: in a
// ToUnicode CMap it applies a bfrange by adding the difference of the
// last bytes only, so a range wider than 256 codes ("<0000> <FFFF>
// <0000>", as fpdf and other generators write for Unicode fonts) maps
// U+041B to U+001B and Cyrillic turns into ASCII noise. Fonts with such a
// range get the decoder below; all others keep the library's.

// maxCMapBytes bounds the ToUnicode stream read for one font.
const maxCMapBytes = 4 << 20

// toUnicodeMap is a parsed ToUnicode CMap.
type toUnicodeMap struct {
	spaces []codeRange  // codespace ranges
	ranges []cmapRange  // bfrange entries
	chars  []cmapChar   // bfchar entries
	lens   map[int]bool // code lengths in use, from the codespace
}

// codeRange is a range of codes of one length, inclusive.
type codeRange struct{ lo, hi string }

// cmapRange maps lo…hi to dst+(code−lo), or to dsts[code−lo].
type cmapRange struct {
	lo, hi string
	dst    string
	dsts   []string
}

// cmapChar maps one code.
type cmapChar struct{ code, dst string }

// fontEncoders returns the decoders for a page's fonts: the library's,
// except for fonts whose ToUnicode map has a range the library decodes
// wrongly.
func fontEncoders(p pdf.Page) map[string]pdf.TextEncoding {
	encs := make(map[string]pdf.TextEncoding)
	for _, name := range p.Fonts() {
		f := p.Font(name)
		if m := wideToUnicode(f); m != nil {
			encs[name] = m
			continue
		}
		encs[name] = f.Encoder()
	}
	return encs
}

// wideToUnicode returns the font's ToUnicode map when it is a CID font
// (Identity-H or no encoding) whose map has a range that spans more than
// its last byte, else nil.
func wideToUnicode(f pdf.Font) *toUnicodeMap {
	enc := f.V.Key("Encoding")
	if !(enc.Kind() == pdf.Null || enc.Kind() == pdf.Name && enc.Name() == "Identity-H") {
		return nil
	}
	tu := f.V.Key("ToUnicode")
	if tu.Kind() != pdf.Stream {
		return nil
	}
	rc := tu.Reader()
	data, err := io.ReadAll(io.LimitReader(rc, maxCMapBytes))
	rc.Close()
	if err != nil {
		return nil
	}
	m := parseCMap(data)
	if m == nil {
		return nil
	}
	for _, r := range m.ranges {
		if len(r.lo) > 1 && r.lo[:len(r.lo)-1] != r.hi[:len(r.hi)-1] {
			return m
		}
	}
	return nil
}

// parseCMap reads the codespace, bfchar and bfrange sections of a CMap.
// It returns nil when the map has no codespace.
func parseCMap(data []byte) *toUnicodeMap {
	m := &toUnicodeMap{lens: map[int]bool{}}
	toks := cmapTokens(data)
	var vals []any // hex strings (string) and arrays ([]string) of the section
	for _, t := range toks {
		switch v := t.(type) {
		case string:
			vals = append(vals, v)
			continue
		case []string:
			vals = append(vals, v)
			continue
		case keyword:
			switch v {
			case "begincodespacerange", "beginbfchar", "beginbfrange":
				vals = nil
			case "endcodespacerange":
				for i := 0; i+1 < len(vals); i += 2 {
					lo, ok1 := vals[i].(string)
					hi, ok2 := vals[i+1].(string)
					if ok1 && ok2 && lo != "" && len(lo) == len(hi) {
						m.spaces = append(m.spaces, codeRange{lo, hi})
						m.lens[len(lo)] = true
					}
				}
			case "endbfchar":
				for i := 0; i+1 < len(vals); i += 2 {
					code, ok1 := vals[i].(string)
					dst, ok2 := vals[i+1].(string)
					if ok1 && ok2 {
						m.chars = append(m.chars, cmapChar{code, dst})
					}
				}
			case "endbfrange":
				for i := 0; i+2 < len(vals); i += 3 {
					lo, ok1 := vals[i].(string)
					hi, ok2 := vals[i+1].(string)
					if !ok1 || !ok2 || len(lo) != len(hi) || lo == "" {
						continue
					}
					r := cmapRange{lo: lo, hi: hi}
					switch d := vals[i+2].(type) {
					case string:
						r.dst = d
					case []string:
						r.dsts = d
					}
					m.ranges = append(m.ranges, r)
				}
			}
		}
	}
	if len(m.spaces) == 0 {
		return nil
	}
	return m
}

// keyword is a bare word in a CMap.
type keyword string

// cmapTokens splits a CMap into hex strings (decoded), arrays of hex
// strings and keywords; everything else (names, numbers, dictionaries,
// literal strings) is skipped.
func cmapTokens(data []byte) []any {
	var toks []any
	var arr []string
	inArr := false
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<':
			i += 2
		case c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
		case c == '<':
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				return toks
			}
			h := strings.Map(func(r rune) rune {
				if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
					return -1
				}
				return r
			}, string(data[i+1:i+j]))
			if len(h)%2 == 1 {
				h += "0"
			}
			s, err := hex.DecodeString(h)
			if err == nil {
				if inArr {
					arr = append(arr, string(s))
				} else {
					toks = append(toks, string(s))
				}
			}
			i += j + 1
		case c == '[':
			inArr, arr = true, nil
			i++
		case c == ']':
			if inArr {
				toks = append(toks, arr)
			}
			inArr = false
			i++
		case c == '(':
			// Literal strings are skipped, with nesting and escapes.
			depth := 0
		literal:
			for i < len(data) {
				switch data[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
				i++
				if depth == 0 {
					break literal
				}
			}
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(data) && (data[j] >= 'a' && data[j] <= 'z' || data[j] >= 'A' && data[j] <= 'Z') {
				j++
			}
			toks = append(toks, keyword(data[i:j]))
			i = j
		default:
			i++
		}
	}
	return toks
}

// Decode maps raw character codes to text; a code outside the codespace
// or without a mapping gives U+FFFD, as the library's decoder does.
func (m *toUnicodeMap) Decode(raw string) string {
	var b strings.Builder
	for len(raw) > 0 {
		n := m.codeLen(raw)
		if n == 0 {
			b.WriteRune('\uFFFD')
			raw = raw[1:]
			continue
		}
		code := raw[:n]
		raw = raw[n:]
		b.WriteString(m.lookup(code))
	}
	return b.String()
}

// codeLen returns the length of the code at the start of raw, or 0.
func (m *toUnicodeMap) codeLen(raw string) int {
	for n := 1; n <= 4 && n <= len(raw); n++ {
		if !m.lens[n] {
			continue
		}
		c := raw[:n]
		for _, s := range m.spaces {
			if len(s.lo) == n && s.lo <= c && c <= s.hi {
				return n
			}
		}
	}
	return 0
}

// lookup maps one code.
func (m *toUnicodeMap) lookup(code string) string {
	for _, c := range m.chars {
		if c.code == code {
			return utf16Text(c.dst)
		}
	}
	for _, r := range m.ranges {
		if len(r.lo) != len(code) || code < r.lo || code > r.hi {
			continue
		}
		off := beInt(code) - beInt(r.lo)
		if r.dsts != nil {
			if off < uint64(len(r.dsts)) {
				return utf16Text(r.dsts[off])
			}
			return "\uFFFD"
		}
		return utf16Text(addBE(r.dst, off))
	}
	return "\uFFFD"
}

// beInt reads a big-endian unsigned integer of up to 8 bytes.
func beInt(s string) uint64 {
	var v uint64
	for i := 0; i < len(s) && i < 8; i++ {
		v = v<<8 | uint64(s[i])
	}
	return v
}

// addBE adds off to the big-endian number s, keeping its length.
func addBE(s string, off uint64) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0 && off > 0; i-- {
		sum := uint64(b[i]) + off&0xFF
		b[i] = byte(sum)
		off = off>>8 + sum>>8
	}
	return string(b)
}

// utf16Text decodes UTF-16BE, as ToUnicode destinations are written.
func utf16Text(s string) string {
	if len(s)%2 == 1 {
		s += "\x00"
	}
	units := make([]uint16, len(s)/2)
	for i := range units {
		units[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return string(utf16.Decode(units))
}
