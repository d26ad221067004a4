package code_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/code"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

func TestDefaultRules(t *testing.T) {
	rs, err := code.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	if n := rs.NumRules(); n < 300 {
		t.Errorf("built-in rules: %d patterns, want several hundred", n)
	}
}

// TestRulesCoverRoots checks that the built-in rules reach every CAMEO
// root from 01 to 20.
func TestRulesCoverRoots(t *testing.T) {
	b, err := os.ReadFile("rules/cameo.rules")
	if err != nil {
		t.Fatal(err)
	}
	roots := map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || strings.HasPrefix(f[0], "#") || f[1] == "-" {
			continue
		}
		roots[f[1][:2]]++
	}
	for r := 1; r <= 20; r++ {
		key := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if roots[key] == 0 {
			t.Errorf("no rule for CAMEO root %s", key)
		}
	}
}

func TestLoadRulesErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"too-few-fields", "# c\nonlyid 111\n", 2, "want \"id code pattern"},
		{"unknown-code", "x 999 ~criticise\n", 1, "unknown CAMEO code"},
		{"bad-option", "x 111 ~criticise target=sideways\n", 1, "target=sideways"},
		{"unknown-option", "x 111 ~criticise colour=red\n", 1, "unknown option"},
		{"upper-case", "x 111 Criticise\n", 1, "lower case"},
		{"lone-function-word", "x 040 talks|with\n", 1, "lone function word"},
		{"empty-slot", "x 040 talks * * with\n", 1, "empty slot"},
		{"bad-gap", "x 040 talks *99 with\n", 1, "gap"},
		{"dup-id", "x 111 ~criticise\nx 112 ~accuse\n", 2, "already used on line 1"},
		{"unknown-class", "@nonsense: foo\n", 1, "unknown class"},
		{"empty-phrase", "@negation: not, , never\n", 1, "empty phrase"},
		{"no-colon", "@negation not never\n", 1, "@class: phrase"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := code.LoadRules(strings.NewReader(tc.src), "user.rules")
			if err == nil {
				t.Fatal("got no error")
			}
			var pe *code.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, code.ErrSyntax) {
				t.Fatalf("got %T %v, want *ParseError wrapping ErrSyntax", err, err)
			}
			if pe.File != "user.rules" || pe.Line != tc.line {
				t.Errorf("got %s:%d, want user.rules:%d", pe.File, pe.Line, tc.line)
			}
			if !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "user.rules:") {
				t.Errorf("error %q lacks %q", err, tc.msg)
			}
		})
	}
}

func TestUserRules(t *testing.T) {
	d, err := actors.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := code.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mine.rules")
	// A new pattern, and an override of the built-in "criticise" rule.
	src := "lambast-custom 1121 ~excoriate\ncriticise 112 ~criticise|~condemn\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := rs.LoadFile(path); err != nil {
		t.Fatal(err)
	}
	c := code.New(d, rs)
	evs := c.Code(doc.Document{ID: "u", Text: "Poland excoriated Belarus. Lithuania criticized Russia."})
	got := map[string]string{}
	for _, e := range evs {
		got[e.Source+">"+e.Target] = e.CAMEO + "/" + e.Rule
	}
	if got["POL>BLR"] != "1121/lambast-custom" {
		t.Errorf("user pattern: got %q, want 1121/lambast-custom (events %v)", got["POL>BLR"], got)
	}
	if got["LTU>RUS"] != "112/criticise" {
		t.Errorf("override: got %q, want 112/criticise (events %v)", got["LTU>RUS"], got)
	}
	// A bad file leaves the rules unchanged and names file and line.
	bad := filepath.Join(t.TempDir(), "bad.rules")
	if err := os.WriteFile(bad, []byte("ok 111 ~rebuke\nbroken 111\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	n := rs.NumRules()
	err = rs.LoadFile(bad)
	if err == nil || !strings.HasPrefix(err.Error(), "bad.rules:2:") {
		t.Errorf("got %v, want bad.rules:2: …", err)
	}
	if rs.NumRules() != n {
		t.Errorf("a bad file changed the rules: %d → %d", n, rs.NumRules())
	}
	if err := rs.LoadFile(filepath.Join(t.TempDir(), "absent.rules")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: got %v, want ErrNotExist", err)
	}
}

func TestInflections(t *testing.T) {
	rs, err := code.LoadRules(strings.NewReader("crit 111 ~criticise\nban 172 ~ban\nmeet 040 ~meet\ncommit 030 ~commit to\ncarry 070 ~carry\n"), "t.rules")
	if err != nil {
		t.Fatal(err)
	}
	c := code.New(nil, rs)
	for _, w := range []string{"criticise", "criticises", "criticised", "criticising", "criticize", "criticized", "criticizing",
		"ban", "bans", "banned", "banning", "meet", "met", "meets", "meeting", "committed to", "commits to", "carried", "carries", "carrying"} {
		evs := c.Code(doc.Document{ID: "i", Text: "We " + w + " them.", Author: "BLR"})
		if len(evs) == 0 {
			t.Errorf("%q: no event", w)
		}
	}
}

func FuzzLoadRules(f *testing.F) {
	for _, s := range []string{"x 111 ~criticise\n", "@negation: not, never\n", "x 040 a|b + c *3 d target=after kind=noun\n", "x 111 * y\n", "@x:", "x 0 ~|\n", "x 040 ~ * ~\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := code.LoadRules(strings.NewReader(s), "f.rules")
		if err != nil {
			var pe *code.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error %v without a line", err)
			}
			return
		}
		c := code.New(nil, rs)
		c.Code(doc.Document{ID: "f", Text: "We criticise and never meet them; " + s, Author: "BLR"})
	})
}
