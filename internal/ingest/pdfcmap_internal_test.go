package ingest

import (
	"testing"
	"unicode/utf8"
)

const wideCMap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0003> <0020>
<00B1> <D83DDE00>
endbfchar
2 beginbfrange
<1000> <1002> [<0041> <0042> <00430044>]
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

func TestToUnicodeMap(t *testing.T) {
	m := parseCMap([]byte(wideCMap))
	if m == nil {
		t.Fatal("parseCMap returned nil")
	}
	cases := []struct {
		name, raw, want string
	}{
		{"wide-range", "\x04\x1b\x04\x43", "Лу"},
		{"carry-into-high-byte", "\x01\x00", "Ā"},
		{"bfchar-first", "\x00\x03", " "},
		{"surrogate-pair", "\x00\xb1", "😀"},
		{"array-range", "\x10\x00\x10\x01\x10\x02", "ABCD"},
		{"odd-byte-left", "\x04", "\ufffd"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := m.Decode(tc.raw); got != tc.want {
				t.Errorf("Decode(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
	if parseCMap([]byte("1 beginbfchar <01> <0041> endbfchar")) != nil {
		t.Error("a map without codespace should be nil")
	}
}

func FuzzToUnicodeMap(f *testing.F) {
	f.Add([]byte(wideCMap), []byte("\x04\x1b\x00\xb1\x10\x02"))
	f.Add([]byte("1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <00> <FF> [<0041>] endbfrange (a(b)c\\)"), []byte("\x00\x01"))
	f.Fuzz(func(t *testing.T, cmap, raw []byte) {
		m := parseCMap(cmap)
		if m == nil {
			return
		}
		if got := m.Decode(string(raw)); !utf8.ValidString(got) {
			t.Fatalf("Decode gave invalid UTF-8: %q", got)
		}
	})
}
