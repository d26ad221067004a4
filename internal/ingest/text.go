package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// parseText reads plain text. The title is the first line when it stands
// alone as a heading: short, followed by a blank line and more text, and
// not ending like a sentence or a salutation. The date is that of a
// dateline near the top (see [datelineDate]).
func (r *Reader) parseText(source string, data []byte) (doc.Document, error) {
	text, err := cleanText(source, data)
	if err != nil {
		return doc.Document{}, err
	}
	d := doc.Document{Text: text, Title: textTitle(text)}
	dateFromDateline(&d)
	r.finish(&d, source, FormatText)
	return d, nil
}

// cleanText turns raw bytes into document text: UTF-16 with a byte-order
// mark is decoded, a UTF-8 BOM is dropped, "\r\n" and lone "\r" become
// "\n". Binary content, invalid UTF-8 (with the offset of the first bad
// byte in data) and empty or blank input are errors; nothing is dropped or
// replaced silently.
func cleanText(source string, data []byte) (string, error) {
	if len(data) == 0 {
		return "", newError(source, fmt.Errorf("%w (0 bytes)", ErrEmpty))
	}
	base := int64(0) // bytes dropped from the front, to report file offsets
	decoded := false
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
		base = int64(len(bomUTF8))
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		dec, err := decodeUTF16(source, data)
		if err != nil {
			return "", err
		}
		data, decoded = dec, true
	}
	// A doubled mark (a BOM written over a BOM) is still not text.
	for bytes.HasPrefix(data, bomUTF8) {
		data = data[len(bomUTF8):]
		base += int64(len(bomUTF8))
	}
	if off, ok := binaryAt(data); ok {
		if decoded {
			// The offset would point into the decoded text, not the file.
			return "", newError(source, fmt.Errorf("%w (NUL or control characters in UTF-16 text)", ErrBinary))
		}
		return "", &Error{Source: source, Offset: base + off, Err: ErrBinary}
	}
	if off, ok := invalidUTF8At(data); ok {
		return "", &Error{Source: source, Offset: base + off, Err: ErrInvalidUTF8}
	}
	text := normalizeNewlines(string(data))
	if blank(text) {
		return "", newError(source, fmt.Errorf("%w (only white space)", ErrEmpty))
	}
	return text, nil
}

// decodeUTF16 decodes UTF-16 text that starts with its byte-order mark.
// An odd length or an unpaired surrogate is an error at its offset.
func decodeUTF16(source string, data []byte) ([]byte, error) {
	if len(data)%2 != 0 {
		return nil, &Error{Source: source, Offset: int64(len(data) - 1), Err: fmt.Errorf("%w: UTF-16 text with an odd number of bytes", ErrInvalidUTF8)}
	}
	little := data[0] == 0xFF
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i < len(data); i += 2 {
		if little {
			units = append(units, uint16(data[i])|uint16(data[i+1])<<8)
		} else {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		}
	}
	var out []byte
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u >= 0xDC00 || i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] > 0xDFFF {
				return nil, &Error{Source: source, Offset: int64(2 + 2*i), Err: fmt.Errorf("%w: unpaired UTF-16 surrogate", ErrInvalidUTF8)}
			}
			out = utf8.AppendRune(out, utf16.DecodeRune(rune(u), rune(units[i+1])))
			i++
		default:
			out = utf8.AppendRune(out, rune(u))
		}
	}
	return out, nil
}

// binaryAt reports whether data looks binary, and the offset that shows
// it: the first NUL byte, or, when more than a tenth of the first 8 KiB
// are control characters other than tab, newline, carriage return, form
// feed, vertical tab and escape, the first such character.
func binaryAt(data []byte) (int64, bool) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return int64(i), true
	}
	head := data
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	first, n := -1, 0
	for i, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n > 0 && n*10 > len(head) {
		return int64(first), true
	}
	return 0, false
}

// invalidUTF8At returns the offset of the first byte of data that is not
// part of a valid UTF-8 sequence.
func invalidUTF8At(data []byte) (int64, bool) {
	if utf8.Valid(data) {
		return 0, false
	}
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return int64(i), true
		}
		i += size
	}
	return 0, false
}

// blank reports text with nothing but white space and byte-order marks.
func blank(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }) == ""
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n".
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// maxTitle is the longest line taken as a title, in bytes.
const maxTitle = 200

// textTitle returns the first line of text when it reads as a title: at
// most maxTitle bytes, followed by a blank line and more text, and not
// ending in sentence or clause punctuation. Otherwise "".
func textTitle(text string) string {
	text = strings.TrimLeft(text, " \t\n\f\v")
	line, rest, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if line == "" || len(line) > maxTitle {
		return ""
	}
	if next, _, _ := strings.Cut(rest, "\n"); strings.TrimSpace(next) != "" || strings.TrimSpace(rest) == "" {
		return ""
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':':
		return ""
	}
	return line
}
