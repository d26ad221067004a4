package actors_test

import (
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
)

func builtin(tb testing.TB) *actors.Dict {
	tb.Helper()
	d, err := actors.Builtin()
	if err != nil {
		tb.Fatalf("Builtin: %v", err)
	}
	return d
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// want describes one expected match; zero fields are not checked except
// Code and the matched text.
type want struct {
	text     string
	code     string
	role     string
	office   string
	person   string
	form     actors.Form
	kind     actors.Kind
	attached bool
}

func TestFind(t *testing.T) {
	d := builtin(t)
	tests := []struct {
		name string
		text string
		date string
		want []want
	}{
		{"short name", "Belarus is a neighbour.", "", []want{{text: "Belarus", code: "BLR", form: actors.ShortName, kind: actors.State}}},
		{"full name longest", "the Russian Federation said", "", []want{{text: "the Russian Federation", code: "RUS", form: actors.Name}}},
		{"full name beats adjective", "Russian Federation troops", "", []want{{text: "Russian Federation troops", code: "RUS", role: "MIL", form: actors.Name}}},
		{"adjective", "a Belarussian delegation arrived", "", []want{{text: "Belarussian delegation", code: "BLR", role: "GOV", form: actors.Adjective}}},
		{"adjective historical spelling", "the Byelorussian SSR voted", "", []want{{text: "Byelorussian SSR", code: "BLR", form: actors.Name}}},
		{"demonym", "Belarusians protested", "", []want{{text: "Belarusians", code: "BLR", form: actors.Demonym}}},
		{"capital", "Minsk responded", "", []want{{text: "Minsk", code: "BLR", form: actors.Capital}}},
		{"capital of org", "Brussels insists", "", []want{{text: "Brussels", code: "EU", form: actors.Capital, kind: actors.Org}}},
		{"seat of government", "The Kremlin denied it.", "", []want{{text: "Kremlin", code: "RUS", role: "GOV", form: actors.Alias}}},
		{"white house", "the White House said", "", []want{{text: "White House", code: "USA", role: "GOV"}}},
		{"possessive", "Russia's position", "", []want{{text: "Russia", code: "RUS"}}},
		{"curly possessive", "Belarus’s position", "", []want{{text: "Belarus", code: "BLR"}}},
		{"possessive with role", "Belarus’s government", "", []want{{text: "Belarus’s government", code: "BLR", role: "GOV"}}},
		{"role word", "the Russian government", "", []want{{text: "Russian government", code: "RUS", role: "GOV"}}},
		{"military role", "Russia's armed forces", "", []want{{text: "Russia's armed forces", code: "RUS", role: "MIL"}}},
		{"role of actor", "the Government of the Republic of Belarus", "", []want{{text: "Government of the Republic of Belarus", code: "BLR", role: "GOV", form: actors.Name}}},
		{"role of actor military", "the armed forces of Ukraine", "", []want{{text: "armed forces of Ukraine", code: "UKR", role: "MIL"}}},
		{"hyphen prefix", "pro-Russian separatists", "", []want{{text: "Russian", code: "RUS", form: actors.Adjective, attached: true}}},
		{"hyphen suffix", "a Russian-led bloc", "", []want{{text: "Russian", code: "RUS", form: actors.Adjective, attached: true}}},
		{"hyphenated name is not attached", "Guinea-Bissau voted", "", []want{{text: "Guinea-Bissau", code: "GNB"}}},
		{"acronym", "the EU and NATO", "", []want{{text: "EU", code: "EU"}, {text: "NATO", code: "NATO"}}},
		{"dotted acronym", "the U.S. and the U.K.", "", []want{{text: "U.S.", code: "USA"}, {text: "U.K.", code: "GBR"}}},
		{"US not us", "Let us welcome the US delegation", "", []want{{text: "US delegation", code: "USA", role: "GOV"}}},
		{"headline capitals", "RUSSIA WARNS BELARUS", "", []want{{text: "RUSSIA", code: "RUS"}, {text: "BELARUS", code: "BLR"}}},
		{"lower case is not a name", "a turkey from china and a chad", "", nil},
		{"the Alliance", "the Alliance will respond", "", []want{{text: "the Alliance", code: "NATO"}}},
		{"lower-case alliance", "the alliance with Moscow", "", []want{{text: "Moscow", code: "RUS"}}},
		{"North Atlantic bloc", "a dialogue with the North Atlantic bloc", "", []want{{text: "the North Atlantic bloc", code: "NATO"}}},
		{"the West", "the West and Western countries", "", []want{{text: "the West", code: "WEST"}, {text: "Western countries", code: "WEST"}}},
		{"ignored phrase", "Western Europe and Latin America", "", nil},
		{"west african is not the West", "West African leaders and West Africa", "", nil},
		{"the West African bloc", "the West African bloc and ECOWAS", "", []want{{text: "the West African bloc", code: "ECOWAS", kind: actors.Org}, {text: "ECOWAS", code: "ECOWAS", kind: actors.Org}}},
		{"treaty named after a capital", "the Ottawa Convention and the Rome Statute, says Ottawa", "", []want{{text: "Ottawa", code: "CAN", form: actors.Capital}}},
		{"currency not state", "$US 13 billion and US$ 2 billion for the US", "", []want{{text: "US", code: "USA"}}},
		{"dprk misnamed", "the People's Democratic Republic of Korea", "", []want{{text: "People's Democratic Republic of Korea", code: "PRK"}}},
		{"georgia tech ignored", "Georgia Tech and Georgia", "", []want{{text: "Georgia", code: "GEO"}}},
		{"minsk agreements ignored", "the Minsk agreements failed", "", nil},
		{"eurasian integration", "Eurasian integration deepens", "", []want{{text: "Eurasian integration", code: "EAEU"}}},
		{"eaeu acronyms", "the EAEU, the EEU and EurAsEC", "", []want{{text: "EAEU", code: "EAEU"}, {text: "EEU", code: "EAEU"}, {text: "EurAsEC", code: "EAEU"}}},
		{"commission", "the European Commission proposed", "", []want{{text: "European Commission", code: "EU", role: "GOV"}}},
		{"union state", "the Union State of Russia and Belarus", "", []want{{text: "Union State of Russia and Belarus", code: "UNIONSTATE", kind: actors.Org}}},
		{"soviet union", "the Soviet Union collapsed", "", []want{{text: "the Soviet Union", code: "RUS"}}},
		{"cote d'ivoire straight apostrophe", "Côte d'Ivoire", "", []want{{text: "Côte d'Ivoire", code: "CIV"}}},
		{"cote d'ivoire curly apostrophe", "Côte d’Ivoire", "", []want{{text: "Côte d’Ivoire", code: "CIV"}}},
		{"word boundary", "Russians and Russianness", "", []want{{text: "Russians", code: "RUS", form: actors.Demonym}}},

		{"president in office", "President Lukashenko said", "2020-08-09", []want{{text: "President Lukashenko", code: "BLR", role: "GOV", office: "president", person: "Alexander Lukashenko", form: actors.Surname, kind: actors.Person}}},
		{"transliteration", "Aliaksandr Lukashenka", "2021-01-01", []want{{text: "Aliaksandr Lukashenka", code: "BLR", role: "GOV", office: "president", form: actors.Name}}},
		{"polish spelling", "Łukašenka", "2021-01-01", []want{{text: "Łukašenka", code: "BLR", role: "GOV", office: "president"}}},
		{"not yet in office", "Lavrov said", "2003-06-01", []want{{text: "Lavrov", code: "RUS", role: "", office: "", person: "Sergey Lavrov"}}},
		{"in office", "Lavrov said", "2004-03-09", []want{{text: "Lavrov", code: "RUS", role: "GOV", office: "foreign minister"}}},
		{"zero date means latest office", "Lavrov said", "", []want{{text: "Lavrov", code: "RUS", role: "GOV", office: "foreign minister"}}},
		{"makei first day", "Foreign Minister Makei", "2012-08-20", []want{{text: "Foreign Minister Makei", code: "BLR", role: "GOV", office: "foreign minister"}}},
		{"makei before", "Makei", "2012-08-19", []want{{text: "Makei", code: "BLR", role: ""}}},
		{"makei last day", "Makey", "2022-11-25", []want{{text: "Makey", code: "BLR", role: "GOV", office: "foreign minister"}}},
		{"makei after", "Makei", "2022-11-26", []want{{text: "Makei", code: "BLR", role: ""}}},
		{"defence minister is MIL", "Shoigu", "2015-01-01", []want{{text: "Shoigu", code: "RUS", role: "MIL", office: "defence minister"}}},
		{"office changes", "Putin", "2010-01-01", []want{{text: "Putin", code: "RUS", role: "GOV", office: "prime minister"}}},
		{"shared surname by date 2000", "Ivanov", "2000-01-01", []want{{text: "Ivanov", person: "Igor Ivanov", office: "foreign minister"}}},
		{"shared surname by date 2005", "Ivanov", "2005-01-01", []want{{text: "Ivanov", person: "Sergei Ivanov", office: "defence minister", role: "MIL"}}},
		{"zelensky spellings", "Zelenskyy and Zelenskiy", "2022-03-01", []want{{text: "Zelenskyy", code: "UKR", role: "GOV", office: "president"}, {text: "Zelenskiy", code: "UKR", role: "GOV"}}},
		{"title after adjective", "Russian President Vladimir Putin", "2020-01-01", []want{{text: "Russian", code: "RUS"}, {text: "President Vladimir Putin", code: "RUS", role: "GOV", office: "president", form: actors.Name}}},
		{"role word before person is a title", "the Belarusian leader Lukashenko", "2020-01-01", []want{{text: "Belarusian", code: "BLR"}, {text: "leader Lukashenko", code: "BLR", role: "GOV"}}},
		{"mr", "Mr. Lavrov", "2020-01-01", []want{{text: "Mr. Lavrov", code: "RUS", role: "GOV"}}},
		{"secretary-general of an organisation", "NATO Secretary General Stoltenberg", "2020-01-01", []want{{text: "NATO", code: "NATO"}, {text: "Secretary General Stoltenberg", code: "NATO", role: "GOV", office: "secretary general"}}},
		{"the Hague is not Hague", "talks in The Hague", "2012-01-01", nil},
		{"Hague the foreign secretary", "William Hague said", "2012-01-01", []want{{text: "William Hague", code: "GBR", role: "GOV", office: "foreign minister"}}},
		{"may is a month", "In May Theresa May said", "2017-01-01", []want{{text: "Theresa May", code: "GBR", role: "GOV", office: "prime minister"}}},
		{"johnson in 1965", "President Johnson", "1965-09-25", []want{{text: "President Johnson", code: "USA", role: "GOV", person: "Lyndon B. Johnson"}}},
		{"johnson in 2020", "Mr Johnson", "2020-09-25", []want{{text: "Mr Johnson", code: "GBR", role: "GOV", person: "Boris Johnson"}}},
		{"bush senior", "President Bush", "1991-09-25", []want{{text: "President Bush", code: "USA", role: "GOV", person: "George H. W. Bush"}}},
		{"bush junior", "President Bush", "2003-09-25", []want{{text: "President Bush", code: "USA", role: "GOV", person: "George W. Bush"}}},
		{"chinese surname first", "Xi Jinping and Xi", "2020-01-01", []want{{text: "Xi Jinping", code: "CHN", role: "GOV", office: "president"}, {text: "Xi", code: "CHN", role: "GOV"}}},
		{"particle surname", "von der Leyen", "2020-01-01", []want{{text: "von der Leyen", code: "EU", role: "GOV", office: "commission president"}}},
		{"von der Leyen as minister", "Ursula von der Leyen", "2015-01-01", []want{{text: "Ursula von der Leyen", code: "DEU", role: "MIL", office: "defence minister"}}},
		{"common word surname off", "Parts of the plan", "2004-01-01", nil},
		{"soviet leader coded RUS", "Gorbachev", "1988-01-01", []want{{text: "Gorbachev", code: "RUS", role: "GOV"}}},
		{"secretary-general of an org", "the Secretary-General of NATO", "", []want{{text: "Secretary-General of NATO", code: "NATO", role: "GOV"}}},
		{"state of is a name", "the State of Israel", "", []want{{text: "State of Israel", code: "ISR", form: actors.Name}}},
		{"president of an assembly", "the President of the General Assembly", "", []want{{text: "President of the General Assembly", code: "UNGA", role: "GOV"}}},
		{"compound after role word", "a Russian state-owned bank", "", []want{{text: "Russian", code: "RUS"}}},
		{"legislature", "the State Duma and the Belarusian parliament", "", []want{{text: "State Duma", code: "RUS", role: "LEG"}, {text: "Belarusian parliament", code: "BLR", role: "LEG"}}},
		{"us congress", "the U.S. Congress", "", []want{{text: "U.S. Congress", code: "USA", role: "LEG"}}},
		{"opposition", "the Belarusian opposition", "", []want{{text: "Belarusian opposition", code: "BLR", role: "OPP"}}},
		{"opposition leader in office", "Tsikhanouskaya", "2021-01-01", []want{{text: "Tsikhanouskaya", code: "BLR", role: "OPP", office: "opposition leader"}}},
		{"state media is not the state", "Russian state media reported", "", []want{{text: "Russian state media", code: "RUS", role: "MED"}}},
		{"office after actor names its holder", "the Belarusian Foreign Minister said", "2015-01-01", []want{{text: "Belarusian Foreign Minister", code: "BLR", role: "GOV", office: "foreign minister", person: "Vladimir Makei", kind: actors.State}}},
		{"office of actor names its holder", "the President of the Republic of Belarus", "2015-01-01", []want{{text: "President of the Republic of Belarus", code: "BLR", role: "GOV", office: "president", person: "Alexander Lukashenko"}}},
		{"defence minister office is MIL", "Russia's Defence Minister", "2020-01-01", []want{{text: "Russia's Defence Minister", code: "RUS", role: "MIL", office: "defence minister", person: "Sergei Shoigu"}}},
		{"office vacant", "China's defence minister", "2023-11-15", []want{{text: "China's defence minister", code: "CHN", role: "MIL", office: "defence minister", person: ""}}},
		{"org office", "the NATO Secretary General", "2025-01-01", []want{{text: "NATO Secretary General", code: "NATO", role: "GOV", office: "secretary general", person: "Mark Rutte"}}},
		{"west bank is not the West", "settlements in the West Bank", "", []want{{text: "the West Bank", code: "PSE"}}},
		{"person attached", "the Lukashenko-led government", "2020-01-01", []want{{text: "Lukashenko", code: "BLR", role: "GOV", attached: true}}},
		{"bare apostrophe possessive", "Belarus’ allies", "", []want{{text: "Belarus", code: "BLR"}}},
		{"korea alone is not matched", "Korea and the Korean people", "", nil},
		{"weak surname first in sentence", "Rice prices rose. Straw polls", "2006-01-01", nil},
		{"weak surname inside a sentence", "He met Rice and Secretary Rice", "2006-01-01", []want{{text: "Rice", code: "USA", role: "GOV", office: "foreign minister"}, {text: "Secretary Rice", code: "USA", role: "GOV"}}},
		{"un secretary-general alone", "the Secretary-General said", "", []want{{text: "Secretary-General", code: "UN", role: "GOV"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := d.Find(tc.text, day(tc.date), nil)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %d matches %s, want %d", tc.text, len(got), show(tc.text, got), len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if s := tc.text[g.Start:g.End]; s != w.text {
					t.Errorf("match %d: got text %q, want %q", i, s, w.text)
				}
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("match %d %q: got %s %q, want %q", i, w.text, field, got, want)
					}
				}
				check("code", g.Code, w.code)
				check("office", g.Office, w.office)
				check("person", g.Person, w.person)
				if (w.role != "" || w.code != "") && g.Role != w.role {
					t.Errorf("match %d %q: got role %q, want %q", i, w.text, g.Role, w.role)
				}
				if w.form != 0 && g.Form != w.form {
					t.Errorf("match %d %q: got form %v, want %v", i, w.text, g.Form, w.form)
				}
				if w.kind != 0 && g.Kind != w.kind {
					t.Errorf("match %d %q: got kind %v, want %v", i, w.text, g.Kind, w.kind)
				}
				if g.Attached != w.attached {
					t.Errorf("match %d %q: got attached %v, want %v", i, w.text, g.Attached, w.attached)
				}
				if g.Entry == "" {
					t.Errorf("match %d %q: empty entry", i, w.text)
				}
			}
		})
	}
}

func show(text string, ms []actors.Match) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("[" + text[m.Start:m.End] + " " + m.Code + "/" + m.Role + "]")
	}
	return b.String()
}

func TestFindAppendsAndEntries(t *testing.T) {
	d := builtin(t)
	prev := []actors.Match{{Code: "X"}}
	got := d.Find("Belarus and NATO and Lukashenko", time.Time{}, prev)
	if len(got) != 4 || got[0].Code != "X" {
		t.Fatalf("Find did not append to dst: %+v", got)
	}
	entries := []string{got[1].Entry, got[2].Entry, got[3].Entry}
	wantEntries := []string{"state:BLR", "org:NATO", "person:lukashenko-alexander"}
	for i := range entries {
		if entries[i] != wantEntries[i] {
			t.Errorf("entry %d: got %q, want %q", i, entries[i], wantEntries[i])
		}
	}
}

func TestKindAndFormString(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{actors.State.String(), "state"},
		{actors.Org.String(), "org"},
		{actors.Person.String(), "person"},
		{actors.Kind(9).String(), "kind(9)"},
		{actors.Adjective.String(), "adjective"},
		{actors.Surname.String(), "surname"},
		{actors.Form(0).String(), "form(0)"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
