package clickhouse

import (
	"bufio"
	"strings"
	"testing"
)

func escaped(s string) string {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	escape(w, s)
	w.Flush()
	return b.String()
}

func TestEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\tb\nc\\d\re\x00", `a\tb\nc\\d\re\0`},
		{"", ""},
	}
	for _, tc := range cases {
		if got := escaped(tc.in); got != tc.want {
			t.Errorf("escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := unescape(tc.want); got != tc.in {
			t.Errorf("unescape(%q) = %q, want %q", tc.want, got, tc.in)
		}
	}
	if got := quote(`it's a \ test`); got != `'it\'s a \\ test'` {
		t.Errorf("quote: got %s", got)
	}
}

// FuzzEscape checks that TabSeparated escaping round-trips and never
// leaves a raw tab or newline in a field.
func FuzzEscape(f *testing.F) {
	f.Add("a\tb\nc\\d")
	f.Add(`\\\`)
	f.Fuzz(func(t *testing.T, s string) {
		e := escaped(s)
		if strings.ContainsAny(e, "\t\n") {
			t.Fatalf("escape(%q) = %q keeps a separator", s, e)
		}
		if got := unescape(e); got != s {
			t.Fatalf("round trip of %q gave %q", s, got)
		}
	})
}
