package actors_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
)

func TestMembers(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		org, date, state string
		want             bool
	}{
		{"NATO", "1999-06-01", "POL", true},
		{"NATO", "1999-03-11", "POL", false},
		{"NATO", "1999-03-12", "HUN", true},
		{"NATO", "2004-03-28", "LTU", false},
		{"NATO", "2004-03-29", "LTU", true},
		{"NATO", "2023-04-04", "FIN", true},
		{"NATO", "2024-03-06", "SWE", false},
		{"NATO", "2024-03-07", "SWE", true},
		{"NATO", "2020-01-01", "UKR", false},
		{"EU", "2004-05-01", "LTU", true},
		{"EU", "2004-04-30", "LTU", false},
		{"EU", "2020-01-31", "GBR", true},
		{"EU", "2020-02-01", "GBR", false},
		{"EU", "2013-07-01", "HRV", true},
		{"CSTO", "1995-01-01", "UZB", true},
		{"CSTO", "2000-01-01", "UZB", false},
		{"CSTO", "2007-01-01", "UZB", true},
		{"CSTO", "2013-01-01", "UZB", false},
		{"CSTO", "1998-01-01", "GEO", true},
		{"CSTO", "1999-04-02", "GEO", false},
		{"CSTO", "1999-04-02", "AZE", false},
		{"CSTO", "2020-01-01", "BLR", true},
		{"CIS", "2009-08-17", "GEO", true},
		{"CIS", "2009-08-18", "GEO", false},
		{"CIS", "2015-01-01", "UKR", true},
		{"CIS", "2019-01-01", "UKR", false},
		{"EAEU", "2015-01-01", "BLR", true},
		{"EAEU", "2015-06-01", "KGZ", false},
		{"EAEU", "2016-01-01", "KGZ", true},
		{"EAEU", "2016-01-01", "ARM", true},
		{"EAEU", "2010-01-01", "TJK", true},
		{"EAEU", "2016-01-01", "TJK", false},
		{"SCO", "2018-01-01", "IND", true},
		{"SCO", "2024-07-04", "BLR", true},
		{"SCO", "2024-07-03", "BLR", false},
		{"G7", "2010-01-01", "RUS", false},
		{"G8", "2010-01-01", "RUS", true},
		{"G8", "2014-03-24", "RUS", false},
		{"BRICS", "2024-06-01", "IRN", true},
		{"BRICS", "2010-06-01", "ZAF", false},
		{"EAP", "2021-06-27", "BLR", true},
		{"EAP", "2021-06-28", "BLR", false},
	}
	for _, tc := range tests {
		t.Run(tc.org+"/"+tc.date+"/"+tc.state, func(t *testing.T) {
			got := slices.Contains(d.Members(tc.org, day(tc.date)), tc.state)
			if got != tc.want {
				t.Errorf("%s in Members(%s, %s): got %v, want %v", tc.state, tc.org, tc.date, got, tc.want)
			}
			got = slices.Contains(d.MemberOf(tc.state, day(tc.date)), tc.org)
			if got != tc.want {
				t.Errorf("%s in MemberOf(%s, %s): got %v, want %v", tc.org, tc.state, tc.date, got, tc.want)
			}
		})
	}
}

func TestMemberCounts(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		org, date string
		want      int
	}{
		{"NATO", "1990-01-01", 16},
		{"NATO", "2004-06-01", 26},
		{"NATO", "2025-01-01", 32},
		{"EU", "1995-06-01", 15},
		{"EU", "2007-06-01", 27},
		{"EU", "2015-01-01", 28},
		{"EU", "2021-01-01", 27},
		{"CSTO", "2015-01-01", 6},
		{"CIS", "2000-01-01", 12},
		{"EAEU", "2020-01-01", 5},
		{"SCO", "2025-01-01", 10},
		{"G7", "2000-01-01", 7},
		{"UN", "2000-01-01", 0},
		{"XXX", "2000-01-01", 0},
	}
	for _, tc := range tests {
		if got := len(d.Members(tc.org, day(tc.date))); got != tc.want {
			t.Errorf("len(Members(%s, %s)): got %d, want %d", tc.org, tc.date, got, tc.want)
		}
	}
}

func TestActorsBuiltin(t *testing.T) {
	d := builtin(t)
	states := 0
	for _, a := range d.Actors() {
		if a.Kind == actors.State {
			states++
		}
	}
	if states != 197 {
		t.Errorf("got %d states, want 197 (193 UN members, VAT, PSE, XKX, TWN)", states)
	}
	for _, tc := range []struct {
		code, name string
		kind       actors.Kind
	}{
		{"BLR", "Belarus", actors.State},
		{"NATO", "North Atlantic Treaty Organization", actors.Org},
		{"lukashenko-alexander", "Alexander Lukashenko", actors.Person},
	} {
		a, ok := d.Actor(tc.code)
		if !ok || a.Name != tc.name || a.Kind != tc.kind {
			t.Errorf("Actor(%q) = %+v, %v; want name %q kind %v", tc.code, a, ok, tc.name, tc.kind)
		}
	}
	if _, ok := d.Actor("NOPE"); ok {
		t.Error("Actor(NOPE) found")
	}
}

func TestPoles(t *testing.T) {
	d := builtin(t)
	if got, want := d.Poles(), []string{"CHINA", "RUSSIA", "WEST"}; !slices.Equal(got, want) {
		t.Fatalf("Poles() = %v, want %v", got, want)
	}
	tests := []struct {
		pole, date string
		in, out    []string
	}{
		{"RUSSIA", "2010-01-01", []string{"RUS", "CSTO", "BLR", "KAZ", "ARM", "UKR", "UNIONSTATE"}, []string{"POL", "USA"}},
		{"RUSSIA", "2020-01-01", []string{"RUS", "BLR", "KGZ"}, []string{"UKR", "GEO"}},
		{"WEST", "2005-01-01", []string{"USA", "EU", "NATO", "POL", "LTU", "TUR", "JPN"}, []string{"CHE", "RUS"}},
		{"WEST", "2024-06-01", []string{"FIN", "SWE"}, []string{"UKR"}},
		{"CHINA", "2018-01-01", []string{"CHN"}, []string{"BLR", "RUS", "KAZ"}},
	}
	for _, tc := range tests {
		p, ok := d.Pole(tc.pole)
		if !ok {
			t.Fatalf("Pole(%s) not found", tc.pole)
		}
		got := d.PoleMembers(p, day(tc.date))
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("PoleMembers(%s) not sorted and unique: %v", tc.pole, got)
		}
		for _, c := range tc.in {
			if !slices.Contains(got, c) {
				t.Errorf("PoleMembers(%s, %s) lacks %s", tc.pole, tc.date, c)
			}
		}
		for _, c := range tc.out {
			if slices.Contains(got, c) {
				t.Errorf("PoleMembers(%s, %s) has %s", tc.pole, tc.date, c)
			}
		}
	}
	if _, ok := d.Pole("EAST"); ok {
		t.Error("Pole(EAST) found")
	}
}

func TestSuggest(t *testing.T) {
	d := builtin(t)
	tests := []struct{ in, want string }{
		{"BLS", "BLR"},
		{"blr", "BLR"},
		{"RUSIA", "RUSSIA"},
		{"NATOO", "NATO"},
		{"belarus", "BLR"},
		{"Russia", "RUSSIA"},
		{"Byelorussia", "BLR"},
		{"QQQQQQQQ", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := d.Suggest(tc.in); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAddOverrides(t *testing.T) {
	base := builtin(t)
	d := base.Clone()
	src := `# a user's dictionary
state BLR Belarus
  alias the Blue-Eyed Land
org EAEU Eurasian Economic Union
  member KGZ 2015-01-01
org MYBLOC My Bloc
  short MyBloc
  member BLR 2020-01-01
  member POL 2020-01-01 2021-01-01
person doe-jane BLR Jane Doe
  office 2021-01-01 - BLR foreign minister
person lavrov-sergey RUS Sergey Lavrov
  office 2004-03-09 2020-01-01 RUS foreign minister
person ivanov-ivan RUS Ivan Ivanov
  office 2030-01-01 - RUS foreign minister
drop USSR
pole BALTIC LTU LVA EST
pole RUSSIA RUS MYBLOC
`
	if err := d.Add(strings.NewReader(src), "my.dict"); err != nil {
		t.Fatalf("Add: %v", err)
	}
	tests := []struct {
		name, text, date, code, role, entry string
	}{
		{"new alias", "the Blue-Eyed Land", "2020-01-01", "BLR", "", "user:my.dict:3"},
		{"new org", "MyBloc", "2020-01-01", "MYBLOC", "", "user:my.dict:7"},
		{"new person", "Foreign Minister Jane Doe", "2022-01-01", "BLR", "GOV", "user:my.dict:10"},
		{"new surname", "Doe", "2022-01-01", "BLR", "GOV", "user:my.dict:10"},
		{"offices replaced", "Lavrov", "2021-01-01", "RUS", "", "user:my.dict:12"},
		{"builtin kept", "Minsk", "2021-01-01", "BLR", "", "state:BLR"},
		{"shared surname, built-in person", "Ivanov", "2005-01-01", "RUS", "MIL", "person:ivanov-sergei"},
		{"shared surname, user's person", "Ivanov", "2031-01-01", "RUS", "GOV", "user:my.dict:14"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := d.Find(tc.text, day(tc.date), nil)
			if len(got) != 1 {
				t.Fatalf("Find(%q) = %s, want one match", tc.text, show(tc.text, got))
			}
			if got[0].Code != tc.code || got[0].Role != tc.role || got[0].Entry != tc.entry {
				t.Errorf("Find(%q) = %s/%s %s, want %s/%s %s", tc.text, got[0].Code, got[0].Role, got[0].Entry, tc.code, tc.role, tc.entry)
			}
		})
	}
	if got := d.Find("the USSR", day("1990-01-01"), nil); len(got) != 0 {
		t.Errorf("dropped name still matches: %s", show("the USSR", got))
	}
	if !slices.Contains(d.Members("EAEU", day("2015-06-01")), "KGZ") {
		t.Error("user member spell did not replace KGZ's EAEU spells")
	}
	if p, _ := d.Pole("RUSSIA"); !slices.Equal(p.Core, []string{"RUS", "MYBLOC"}) {
		t.Errorf("pole RUSSIA not overridden: %v", p.Core)
	}
	if _, ok := d.Pole("BALTIC"); !ok {
		t.Error("pole BALTIC not added")
	}
	// The shared built-in is untouched.
	if got := base.Find("the Blue-Eyed Land MyBloc Jane Doe", day("2022-01-01"), nil); len(got) != 0 {
		t.Errorf("Clone leaked into the built-in: %s", show("the Blue-Eyed Land MyBloc Jane Doe", got))
	}
	if got := base.Find("the USSR", day("1990-01-01"), nil); len(got) != 1 {
		t.Error("drop in a clone removed a built-in name")
	}
	if p, _ := base.Pole("RUSSIA"); slices.Contains(p.Core, "MYBLOC") {
		t.Error("pole override leaked into the built-in")
	}
	if slices.Contains(base.Members("EAEU", day("2015-06-01")), "KGZ") {
		t.Error("member override leaked into the built-in")
	}
}

func TestAddErrors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		lines []int
		is    error
		msg   string
	}{
		{"unknown keyword", "state BLR Belarus\n  colour blue\n", []int{2}, actors.ErrSyntax, `unknown keyword "colour"`},
		{"bad state code", "state BLRX Belarus\n", []int{1}, actors.ErrSyntax, "three capital letters"},
		{"missing name", "org ABC\n", []int{1}, actors.ErrSyntax, "missing name"},
		{"outside block", "name Foo\n", []int{1}, actors.ErrSyntax, "outside"},
		{"bad date", "org ABC Abc\n  member BLR 2020-13-01\n", []int{2}, actors.ErrSyntax, "2020-13-01"},
		{"end before start", "org ABC Abc\n  member BLR 2020-01-01 2019-01-01\n", []int{2}, actors.ErrSyntax, "not after"},
		{"unknown member", "org ABC Abc\n  member BLS 2020-01-01\n", []int{2}, actors.ErrUnknownCode, "did you mean BLR"},
		{"member not a state", "org ABC Abc\n  member NATO 2020-01-01\n", []int{2}, actors.ErrSyntax, "not a state"},
		{"unknown pole code", "pole P RUS XYZW\n", []int{1}, actors.ErrUnknownCode, "XYZW"},
		{"bad office", "person x-y BLR X Y\n  office 2020-01-01\n", []int{2}, actors.ErrSyntax, "office START"},
		{"bad person id", "person X BLR X Y\n", []int{1}, actors.ErrSyntax, "person id"},
		{"name without letters", "state BLR Belarus\n  alias ...\n", []int{2}, actors.ErrSyntax, "letter or digit"},
		{"drop unknown", "drop Narnia\n", []int{1}, actors.ErrSyntax, "no such name"},
		{"bad role", "role gov government\n", []int{1}, actors.ErrSyntax, "role"},
		{"state redefined as org", "org BLR Belarus\n", []int{1}, actors.ErrSyntax, "already defined"},
		{"invalid utf8", "state BLR Bel\xffarus\n", []int{1}, actors.ErrSyntax, "UTF-8"},
		{"several bad lines", "state BLR Belarus\n  colour blue\n\n  size big\n", []int{2, 4}, actors.ErrSyntax, "colour"},
		{"bad header skips its block", "org abc Abc\n  member QQQ 2000\n  short Abc\norg DEF Def\n  color red\n", []int{1, 5}, actors.ErrSyntax, "org code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := builtin(t).Clone()
			err := d.Add(strings.NewReader(tc.src), "user.dict")
			if err == nil {
				t.Fatal("Add: got nil error")
			}
			var le *actors.LineError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LineError", err)
			}
			if le.File != "user.dict" || le.Line != tc.lines[0] {
				t.Errorf("first error at %s:%d, want user.dict:%d", le.File, le.Line, tc.lines[0])
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
			for _, l := range tc.lines {
				if pre := "user.dict:" + strconv.Itoa(l) + ": "; !strings.Contains(err.Error(), pre) {
					t.Errorf("error %q does not report line %d", err, l)
				}
			}
			if got := d.Find("Belarus", day(""), nil); len(got) != 1 || got[0].Entry != "state:BLR" {
				t.Error("a failed Add changed the dictionary")
			}
		})
	}
}

func TestAddFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.txt", "org FOO Foo Group\n  member BLR 2000\n")
	write("sub/b.txt", "org BAR Bar Pact\n")
	write(".hidden.txt", "this is not a dictionary\n")
	d := builtin(t).Clone()
	if err := d.AddFile(dir); err != nil {
		t.Fatalf("AddFile(dir): %v", err)
	}
	for _, code := range []string{"FOO", "BAR"} {
		if _, ok := d.Actor(code); !ok {
			t.Errorf("AddFile(dir) did not add %s", code)
		}
	}
	if err := d.Add(strings.NewReader("org\tTABS\tTab  Separated\n\tmember\tBLR\t2000\n"), "tabs.dict"); err != nil {
		t.Errorf("tab-separated fields: %v", err)
	} else if a, _ := d.Actor("TABS"); a.Name != "Tab  Separated" {
		t.Errorf("tab-separated header: name %q", a.Name)
	}
	if got := d.Members("FOO", day("2001-01-01")); !slices.Equal(got, []string{"BLR"}) {
		t.Errorf("Members(FOO) = %v", got)
	}
	bad := write("bad/c.txt", "org BAZ Baz\n  member QQQ 2000\n")
	err := d.AddFile(bad)
	var le *actors.LineError
	if !errors.As(err, &le) || le.File != bad || le.Line != 2 {
		t.Errorf("AddFile(bad): got %v, want a LineError at %s:2", err, bad)
	}
	if err := d.AddFile(filepath.Join(dir, "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("AddFile(missing): got %v, want ErrNotExist", err)
	}
}

func TestLineError(t *testing.T) {
	e := &actors.LineError{File: "f.txt", Line: 7, Err: actors.ErrSyntax}
	if got, want := e.Error(), "f.txt:7: syntax error"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(e, actors.ErrSyntax) {
		t.Error("LineError does not unwrap")
	}
}

func TestNew(t *testing.T) {
	d := actors.New()
	if got := d.Find("Belarus and NATO", time.Time{}, nil); len(got) != 0 {
		t.Errorf("empty Dict found %d matches", len(got))
	}
	if err := d.Add(strings.NewReader("state BLR Belarus\n  adj Belarusian\nrole GOV government\n"), "own.dict"); err != nil {
		t.Fatal(err)
	}
	got := d.Find("the Belarusian government", time.Time{}, nil)
	if len(got) != 1 || got[0].Code != "BLR" || got[0].Role != "GOV" || got[0].Entry != "user:own.dict:2" {
		t.Errorf("Find after Add = %+v", got)
	}
	if len(d.Poles()) != 0 {
		t.Errorf("empty Dict has poles %v", d.Poles())
	}
}
