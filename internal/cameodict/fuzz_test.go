package cameodict_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
)

func FuzzReadActors(f *testing.F) {
	f.Add("ALYAKSANDR_LUKASHENKA_  # x\n+LUKASHENKA\n\t[BLRELI 720101-000101]\n\t[BLRGOV >940720]\n\t[BLRELI]\n")
	f.Add("JAMES_BYRNES_ [USAELI 18970101-450703] [USAGOV 450703-470121]\n<!-- c\n -->\nX_ [Y <9912311]\n")
	f.Add("A_\n\t[EGYGOV > 140608]\n\t[MNEGOV 20121204]\n+B [C]\n")
	f.Fuzz(func(t *testing.T, in string) {
		for _, warn := range []func(error){nil, func(error) {}} {
			as, err := cameodict.ReadActors(strings.NewReader(in), "f", warn)
			if err != nil {
				continue
			}
			for _, a := range as {
				if len(a.Phrases) == 0 {
					t.Fatalf("actor without phrases: %+v", a)
				}
				for _, p := range a.Phrases {
					if len(p.Words) == 0 {
						t.Fatalf("empty phrase in %+v", a)
					}
				}
				for _, c := range a.Codes {
					if !validDate(c.From) || !validDate(c.To) {
						t.Fatalf("bad date in %+v", c)
					}
				}
				a.CodeAt(20150101)
			}
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	f.Add("!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\nPOLICE {} [~COP]\nTYPO [~ENV}\n")
	f.Add("!A! = !A!\nX!A! [~GOV]\n")
	f.Fuzz(func(t *testing.T, in string) {
		for _, warn := range []func(error){nil, func(error) {}} {
			as, err := cameodict.ReadAgents(strings.NewReader(in), "f", warn)
			if err != nil {
				continue
			}
			for _, a := range as {
				if len(a.Phrase.Words) == 0 || a.Code == "" {
					t.Fatalf("bad agent %+v", a)
				}
			}
		}
	})
}

func FuzzReadVerbs(f *testing.F) {
	for _, s := range []string{
		"&ARMS\n+MISSILE\n\n---  VISIT   [042:043]  ---\nVISIT\nHURRY {HURRIES HURRIED}\n+ASK_FOR {+ASKED_FOR} [020]\n- $ * (TO +) &ARMS FOR_&TALK [046:046] # c\n- SPY_*_DEAL [111]\n",
		"SAY {SAID SAYS} [010]\n- * + LIED [018]\nACCUSE [112]\n- ** + OF_LYING [:1121]\n- % ^ * [###]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := cameodict.ReadVerbs(strings.NewReader(in), "f", func(error) {})
		if err != nil {
			return
		}
		for _, s := range v.Sets {
			for _, vb := range s.Verbs {
				if len(vb.Forms) == 0 || len(vb.Forms[0]) == 0 {
					t.Fatalf("verb without forms in %+v", s)
				}
			}
		}
		// Whatever was read must compile and code without panicking.
		d := cameodict.New(cameodict.FormatPETRARCH, nil, nil, v, nil)
		c := cameodict.NewCoder(d, cameodict.DefaultOptions())
		if _, err := c.Code(cameodict.Record{ID: "f-1", Text: "Visit said missiles to accuse spy deal for talks."}); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
	})
}

func FuzzReadDiscards(f *testing.F) {
	f.Add("FOOTBALL\nCHESS_TOURNAMENT_\n+WORLD CUP_\n1914\n")
	f.Fuzz(func(t *testing.T, in string) {
		ds, err := cameodict.ReadDiscards(strings.NewReader(in), "f", func(error) {})
		if err != nil {
			return
		}
		for _, d := range ds {
			if len(d.Phrase.Words) == 0 {
				t.Fatalf("empty discard %+v", d)
			}
		}
	})
}

func FuzzReadTABARI(f *testing.F) {
	f.Add("950101 DEMO-01\nRussia criticized\nBelarus.\n\n950102 DEMO-02 extra\nChina met Russia.\n")
	f.Add("\ufeff951301 BAD\nx\n\n950101\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		err := cameodict.ReadTABARI(strings.NewReader(in), "f", func(r cameodict.Record) error {
			if r.ID == "" || strings.TrimSpace(r.Text) == "" || r.Date < 10101 || !validDate(r.Date) || r.Line < 1 {
				t.Fatalf("bad record %+v", r)
			}
			return nil
		}, func(e *cameodict.RecordError) {
			if e.Line < 1 {
				t.Fatalf("error without a line: %v", e)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzReadXML(f *testing.F) {
	f.Add(`<Sentences><Sentence date="20150101" id="a_1" source="AFP"><Text>Belarus met Russia.</Text><Parse>(ROOT)</Parse></Sentence></Sentences>`)
	f.Add(`<Sentence id="n1"><Text>No date.</Text></Sentence><Sentence date="x" id="n3">`)
	f.Fuzz(func(t *testing.T, in string) {
		_ = cameodict.ReadXML(strings.NewReader(in), "f", func(r cameodict.Record) error {
			if r.ID == "" || r.Text == "" || r.Date == 0 {
				t.Fatalf("bad record %+v", r)
			}
			return nil
		}, func(*cameodict.RecordError) {})
	})
}

func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Belarusian President Alyaksandr Lukashenka met the Russian President in Sochi.",
		"Russia's army didn't attack China; Belarus said that Russia sent missiles to Belarus.",
		"U.N. K. O’Brien can’t visit, AT&T Ki-moon's “talks” — n't 's ’s",
		"Belarus and Russia and China, the EU met.",
	} {
		f.Add(s)
	}
	d := loadTest(f, cameodict.FormatPETRARCH)
	dt := loadTest(f, cameodict.FormatTABARI)
	f.Fuzz(func(t *testing.T, in string) {
		for _, dd := range []*cameodict.Dictionary{d, dt} {
			c := cameodict.NewCoder(dd, cameodict.DefaultOptions())
			res, err := c.Code(cameodict.Record{ID: "f-1", Date: 20150101, Text: in})
			if err != nil {
				if strings.Contains(err.Error(), "internal error") {
					t.Fatal(err)
				}
				continue
			}
			for _, e := range res.Events {
				if e.Evidence.Text != in || e.SourceCode == "" || e.CAMEO == "" {
					t.Fatalf("bad event %+v", e)
				}
				if !strings.Contains(in, e.SourceText) || !strings.Contains(in, e.VerbText) {
					t.Fatalf("event texts not from the input: %+v", e)
				}
			}
			for _, u := range res.Unknown {
				if !strings.Contains(in, u.Text) {
					t.Fatalf("unknown %q not from the input", u.Text)
				}
			}
		}
		var buf bytes.Buffer
		for _, r := range cameodict.Sentences(in, "d", 0) {
			if r.Offset < 0 || r.Offset+len(r.Text) > len(in) || in[r.Offset:r.Offset+len(r.Text)] != r.Text {
				t.Fatalf("sentence %+v does not point into the input", r)
			}
			buf.WriteString(r.Text)
		}
		if strings.TrimSpace(in) != "" && buf.Len() == 0 {
			t.Fatalf("no sentences from non-blank input")
		}
	})
}

// validDate accepts 0 (no limit) or a YYYYMMDD with a real month and day.
func validDate(d int) bool {
	if d == 0 {
		return true
	}
	m, day := d/100%100, d%100
	return d > 0 && m >= 1 && m <= 12 && day >= 1 && day <= 31
}

func FuzzReadIssues(f *testing.F) {
	f.Add("<ISSUE CATEGORY=\"X\">\nn:missile [WEAPONS]\nnuclear+v:test [NUCLEAR_TEST]\n~missile defence\n~~album\ne.c.b.\n</ISSUE>\n")
	f.Add("n:+v:+n: [A]\nv: [B]\n+ [C]\n")
	f.Fuzz(func(t *testing.T, in string) {
		is, err := cameodict.ReadIssues(strings.NewReader(in), "f")
		if err != nil {
			return
		}
		if len(is) > 256*len(in)+1 {
			t.Fatalf("%d issues from %d bytes", len(is), len(in))
		}
		for _, x := range is {
			if len(x.Phrase.Words) == 0 || x.Exclude == (x.Code != "") && x.Exclude {
				t.Fatalf("bad issue %+v", x)
			}
		}
	})
}
