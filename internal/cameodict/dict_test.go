package cameodict_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
)

func TestLoadTestDictionaries(t *testing.T) {
	d := loadTest(t, cameodict.FormatAuto)
	if d.Format != cameodict.FormatPETRARCH {
		t.Errorf("format: got %q, want petrarch (the verb file has block headers)", d.Format)
	}
	got := d.Stats()
	want := cameodict.Stats{Actors: 10, ActorPhrases: 18, Agents: 10, VerbSets: 9, Verbs: 11, VerbForms: 44, Patterns: 9, Synsets: 2, Discards: 3, Issues: 13}
	if got != want {
		t.Errorf("stats:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestReadActors(t *testing.T) {
	in := "ALYAKSANDR_LUKASHENKA_  # CountryInfo.txt\n+LUKASHENKA\n\t[BLRELI 720101-000101]\n\t[BLRGOV >940720]\n\t[BLRELI]\n" +
		"JAMES_BYRNES_ [USAELI 18970101-450703] [USAGOV 450703-470121]\nAFGHANISTAN_  [AFG]\n+AFGHAN_\nSHAH_\n\t[AFGGOV <331108]\n"
	as, err := cameodict.ReadActors(strings.NewReader(in), "t.actors", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 4 {
		t.Fatalf("got %d actors, want 4", len(as))
	}
	tests := []struct {
		actor int
		date  int
		want  string
	}{
		{0, 19800101, "BLRELI"}, {0, 19950101, "BLRGOV"}, {0, 20200101, "BLRGOV"}, {0, 19600101, "BLRELI"}, {0, 0, "BLRELI"},
		{1, 19000101, "USAELI"}, {1, 19460101, "USAGOV"}, {1, 19450703, "USAGOV"}, {1, 19600101, ""},
		{2, 20200101, "AFG"}, {3, 19300101, "AFGGOV"}, {3, 19400101, ""},
	}
	for _, tc := range tests {
		if got := as[tc.actor].CodeAt(tc.date); got != tc.want {
			t.Errorf("actor %d on %d: got %q, want %q", tc.actor, tc.date, got, tc.want)
		}
	}
	if got := as[0].Phrases[1]; got.String() != "LUKASHENKA" || !got.Stem {
		t.Errorf("synonym: got %v (stem %v), want LUKASHENKA as a stem", got, got.Stem)
	}
	if as[1].Line != 6 || as[3].Line != 9 {
		t.Errorf("lines: got %d and %d, want 6 and 9", as[1].Line, as[3].Line)
	}
}

func TestDictionaryErrors(t *testing.T) {
	tests := []struct {
		name string
		read func(string, func(error)) error
		in   string
		line int
	}{
		{"restriction before actor", readActors, "\t[BLRGOV >940720]\n", 1},
		{"synonym before actor", readActors, "# c\n+FOO_\n", 2},
		{"bad date", readActors, "A_\n\t[ABC >99x]\n", 2},
		{"impossible date", readActors, "A_\n\t[ABC 19990231-20000101]\n", 2},
		{"unclosed code", readActors, "A_ [ABC\n", 1},
		{"agent without code", readAgents, "PRESIDENT\n", 1},
		{"agent bad code", readAgents, "PRESIDENT [GOV]\n", 1},
		{"undefined substitution", readAgents, "X!NOPE! [~GOV]\n", 1},
		{"pattern before verb", readVerbs, "- * FOO [010]\n", 1},
		{"bad block code", readVerbs, "--- X [12x] ---\n", 1},
		{"bad verb code", readVerbs, "--- X [010] ---\nSAY [abc]\n", 2},
		{"unclosed verb forms", readVerbs, "--- X [010] ---\nSAY {SAID\n", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.read(tc.in, nil)
			var pe *cameodict.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if pe.Line != tc.line || pe.File != "t" {
				t.Errorf("got %s:%d, want t:%d (%v)", pe.File, pe.Line, tc.line, err)
			}
			// Lenient mode: the same problem is a warning, not a failure.
			var warned []error
			if err := tc.read(tc.in, func(e error) { warned = append(warned, e) }); err != nil && !strings.Contains(tc.name, "verb") && !strings.Contains(tc.name, "block") && !strings.Contains(tc.name, "pattern before") {
				t.Errorf("lenient: got error %v", err)
			}
		})
	}
}

func readActors(s string, warn func(error)) error {
	_, err := cameodict.ReadActors(strings.NewReader(s), "t", warn)
	return err
}

func readAgents(s string, warn func(error)) error {
	_, err := cameodict.ReadAgents(strings.NewReader(s), "t", warn)
	return err
}

func readVerbs(s string, warn func(error)) error {
	_, err := cameodict.ReadVerbs(strings.NewReader(s), "t", warn)
	return err
}

func TestReadAgents(t *testing.T) {
	in := "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\nPOLICE {} [~COP]\n" +
		"PARTY [~PTY]\nHUMAN_RIGHTS_BODY  [NGO~]\nMINIST [~GOV]\nTYPO [~ENV}\n"
	var warned []error
	as, err := cameodict.ReadAgents(strings.NewReader(in), "t", func(e error) { warned = append(warned, e) })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		s := a.Phrase.String() + "=" + a.Code
		if a.Prefix {
			s += "~"
		}
		got = append(got, s)
	}
	want := "CONGRESSMAN=LEG CONGRESSWOMAN=LEG ATTORNEY_GENERAL=GOVATG ATTORNEYS_GENERAL=GOVATG POLICE=COP PARTY=PTY PARTIES=PTY HUMAN_RIGHTS_BODY=NGO~ HUMAN_RIGHTS_BODIES=NGO~ MINIST=GOV MINISTS=GOV TYPO=ENV TYPOS=ENV"
	// String() marks exact phrases with "_"; these were all written without one.
	if g := strings.ReplaceAll(strings.Join(got, " "), "_=", "="); g != want {
		t.Errorf("agents:\ngot  %s\nwant %s", g, want)
	}
	if len(warned) != 1 || !strings.Contains(warned[0].Error(), "t:8") {
		t.Errorf("warnings: got %v, want one for line 8", warned)
	}
}

func TestReadVerbs(t *testing.T) {
	in := `&ARMS
+MISSILE
+TANK_
&TALK_
+TALKS

---  VISIT   [042:043]  ---
VISIT
HURRY {HURRIES HURRIED}
+ASK_FOR {+ASKED_FOR +ASKS_FOR} [020]
- $ * (TO +) &ARMS FOR_&TALK [046:046] # comment
- SPY_*_DEAL [111]
- * &NOPE [010]

ACCUSE [112]
`
	var warned []string
	v, err := cameodict.ReadVerbs(strings.NewReader(in), "t", func(e error) { warned = append(warned, e.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if got := len(v.Sets); got != 1 {
		t.Fatalf("sets: got %d, want 1 (a PETRARCH block runs to the next header)", got)
	}
	s := v.Sets[0]
	var forms []string
	for _, vb := range s.Verbs {
		for _, f := range vb.Forms {
			forms = append(forms, strings.Join(f, "_"))
		}
	}
	if got, want := strings.Join(forms, " "), "VISIT VISITS VISITED VISITING HURRY HURRIES HURRIED ASK_FOR ASKED_FOR ASKS_FOR ACCUSE ACCUSES ACCUSED ACCUSING"; got != want {
		t.Errorf("forms:\ngot  %s\nwant %s", got, want)
	}
	if got := v.Synsets["&ARMS"].Phrases; fmt.Sprint(got) != "[[MISSILE] [MISSILES] [TANK]]" {
		t.Errorf("synset &ARMS: got %v", got)
	}
	if got := v.Synsets["&TALK"].Phrases; fmt.Sprint(got) != "[[TALKS]]" {
		t.Errorf("synset &TALK_ (no plurals): got %v", got)
	}
	if len(s.Patterns) != 2 {
		t.Fatalf("patterns: got %d, want 2 (one skipped for an undefined synset); warnings %v", len(s.Patterns), warned)
	}
	p := s.Patterns[0]
	if p.Code != "046" || p.Code2 != "046" || !p.Paired || len(p.Pre) != 1 || p.Pre[0].Kind != cameodict.ElemSource || p.Line != 11 {
		t.Errorf("pattern 1: got %+v", p)
	}
	var kinds []string
	for _, e := range p.Post {
		kinds = append(kinds, fmt.Sprintf("%d:%s:%v", e.Kind, e.Word, e.Next))
	}
	if got, want := strings.Join(kinds, " "), "0:TO:false 3::false 1:&ARMS:false 0:FOR:false 1:&TALK:true"; got != want {
		t.Errorf("pattern 1 elements:\ngot  %s\nwant %s", got, want)
	}
	if got := s.Patterns[1]; got.Code != "111" || len(got.Pre) != 1 || got.Pre[0].Word != "SPY" || len(got.Post) != 1 || got.Post[0].Word != "DEAL" || !got.Post[0].Next {
		t.Errorf("pattern 2 (verb marker inside a word): got %+v", got)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "t:13") || !strings.Contains(warned[0], "&NOPE") {
		t.Errorf("warnings: got %v", warned)
	}
}

func TestReadVerbsTABARI(t *testing.T) {
	in := "SAY {SAID SAYS} [010]\nSTATE\n- * + LIED [018]\nACCUSE [112]\n- * + OF_LYING [1121]\n"
	v, err := cameodict.ReadVerbs(strings.NewReader(in), "t.verbs", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range v.Sets {
		var pats []string
		for _, p := range s.Patterns {
			pats = append(pats, p.Code)
		}
		got = append(got, fmt.Sprintf("%s[%s] %d verbs %v", s.Name, s.Code, len(s.Verbs), pats))
	}
	if want := "SAY[010] 1 verbs []; STATE[---] 1 verbs [018]; ACCUSE[112] 1 verbs [1121]"; strings.Join(got, "; ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "; "), want)
	}
}

func TestCodeTABARIDictionary(t *testing.T) {
	d, err := cameodict.Load("testdata/tabari", cameodict.FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != cameodict.FormatTABARI || len(d.Warnings) != 0 {
		t.Fatalf("format %q warnings %v, want tabari and none", d.Format, d.Warnings)
	}
	tests := []struct{ text, want string }{
		{"Belarus accused Russia.", "BLR RUS 112"},
		{"The Russians accuse Belarus.", "RUS BLR 112"},
		{"Belarus was accused by Russia.", "RUS BLR 112"},
		{"Belarus accused Russia of violating the treaty.", "BLR RUS 1123"},
		{"Belarus accused Russia of violent words.", "BLR RUS 112"}, // VIOLAT does not begin VIOLENT
		{"Belarus will act as mediator with Russia.", "BLR RUS 045 intent"},
		{"Belarus acted as mediator with Russia.", ""}, // ACT_ is exact and TABARI makes no forms
		{"Russia forced Belarus to visit Moscow.", "RUS BLR 100"},
		{"Russia visits Minsk.", "RUS BLR 042; BLR RUS 043"},
		{"The Russian president visits Minsk.", "RUSGOV BLR 042; BLR RUSGOV 043"},
		{"A Belarus human rights group accused Russia.", "NGOBLR RUS 112"},
		{"Russia visits Minsk for football.", ""},
	}
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			res, err := c.Code(cameodict.Record{ID: "tb-1", Date: 20100101, Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(res.Events); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestIssues(t *testing.T) {
	d := loadTest(t, cameodict.FormatPETRARCH)
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	tests := []struct{ text, want string }{
		{"Russia sent missiles to Belarus.", "WEAPONS 1"},
		{"Belarus criticized Russia over a missile, two missiles and nuclear-testing plans under the treaty.", "WEAPONS 2, NUCLEAR_TEST 1, TREATIES 1"},
		{"Belarus criticized Russia over nuclear tests.", "NUCLEAR_TEST 1"},
		{"Belarus criticized Russia at the missile defence museum.", ""},
		{"Belarus criticized Russia.", ""},
	}
	for _, tc := range tests {
		res, err := c.Code(cameodict.Record{ID: "i-1", Text: tc.text})
		if err != nil || len(res.Events) == 0 {
			t.Fatalf("%q: no events (%v)", tc.text, err)
		}
		if got := res.Events[0].Issues; got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
