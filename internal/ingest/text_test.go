package ingest_test

import (
	"errors"
	"testing"
	"unicode/utf16"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, little bool) []byte {
	units := utf16.Encode([]rune(s))
	out := []byte{0xFE, 0xFF}
	if little {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range units {
		if little {
			out = append(out, byte(u), byte(u>>8))
		} else {
			out = append(out, byte(u>>8), byte(u))
		}
	}
	return out
}

func TestText(t *testing.T) {
	cases := []struct {
		name        string
		in          []byte
		text, title string
	}{
		{"plain", []byte("Minsk hosted the talks."), "Minsk hosted the talks.", ""},
		{"bom", []byte("\ufeffMinsk hosted the talks.\n"), "Minsk hosted the talks.\n", ""},
		{"crlf", []byte("One.\r\nTwo.\r\n"), "One.\nTwo.\n", ""},
		{"lone-cr", []byte("One.\rTwo.\r"), "One.\nTwo.\n", ""},
		{"title", []byte("Belarus at the UN\n\nMr. President, ..."), "Belarus at the UN\n\nMr. President, ...", "Belarus at the UN"},
		{"no-title-salutation", []byte("Mr. President,\n\nIt is an honour."), "Mr. President,\n\nIt is an honour.", ""},
		{"no-title-paragraph", []byte("First line of a paragraph\nthat goes on."), "First line of a paragraph\nthat goes on.", ""},
		{"utf16le", utf16Bytes("Łukašenka said “no”.\r\n", true), "Łukašenka said “no”.\n", ""},
		{"utf16be", utf16Bytes("Москва 😀", false), "Москва 😀", ""},
		{"tabs-and-escape-kept", []byte("a\tb\x1b[0m c\f"), "a\tb\x1b[0m c\f", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := readOne(t, "in.txt", "", tc.in)
			if d.Text != tc.text {
				t.Errorf("text: got %q, want %q", d.Text, tc.text)
			}
			if d.Title != tc.title {
				t.Errorf("title: got %q, want %q", d.Title, tc.title)
			}
			if d.ID != doc.HashID(tc.text) {
				t.Errorf("id: got %s, want HashID of the text", d.ID)
			}
			if d.Format != "text" {
				t.Errorf("format: got %q, want text", d.Format)
			}
		})
	}
}

func TestTextUTF16Errors(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		off  int64
	}{
		{"odd-length", []byte{0xFF, 0xFE, 'a', 0, 'b'}, 4},
		{"lone-high-surrogate", []byte{0xFF, 0xFE, 'a', 0, 0x3D, 0xD8, 'b', 0}, 4},
		{"lone-low-surrogate", []byte{0xFE, 0xFF, 0xDE, 0x00}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := readBytes(t, "u16.txt", "", tc.in)
			if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrInvalidUTF8) {
				t.Fatalf("got %v, want one ErrInvalidUTF8", errs)
			}
			if got := asError(t, errs[0]).Offset; got != tc.off {
				t.Errorf("offset: got %d, want %d", got, tc.off)
			}
		})
	}
}

// TestSameTextSameID checks idempotence: the same text read twice, or
// from differently encoded files, has the same id.
func TestSameTextSameID(t *testing.T) {
	a := readOne(t, "a.txt", "", []byte("Minsk.\r\n"))
	b := readOne(t, "b.txt", "", []byte("\ufeffMinsk.\n"))
	c := readOne(t, "c.txt", "", utf16Bytes("Minsk.\n", true))
	if a.ID != b.ID || b.ID != c.ID {
		t.Errorf("ids differ: %s %s %s", a.ID, b.ID, c.ID)
	}
}
