package cameodict_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

func loadTest(t testing.TB, f cameodict.Format) *cameodict.Dictionary {
	t.Helper()
	d, err := cameodict.Load("testdata/dict", f)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) > 0 {
		t.Fatalf("test dictionaries have warnings: %v", d.Warnings)
	}
	return d
}

// brief renders events as "SRC TGT CODE" plus markers for negation and
// modality, in order.
func brief(evs []cameodict.Coded) string {
	var out []string
	for _, e := range evs {
		s := e.SourceCode + " " + e.TargetCode + " " + e.CAMEO
		if e.Negated {
			s += " neg"
		}
		if e.Modality != event.Asserted {
			s += " " + e.Modality
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestCodePatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		date int
		want string // events, "; "-separated
		rule int    // verb-file line of the rule of the first event, 0 to skip
		disc string // expected discard phrase
	}{
		{"person and agent compose", "Belarusian President Alyaksandr Lukashenka met the Russian President in Sochi.", 19950101, "BLRGOV RUSGOV 040", 21, ""},
		{"compound marker", "Belarus and Russia met in Minsk.", 0, "BLR RUS 040; RUS BLR 040", 22, ""},
		{"compound marker needs two actors", "Belarus met Russia.", 0, "BLR RUS 040", 21, ""},
		{"paired code", "The Russian foreign minister visited Minsk.", 0, "RUSGOVFRM BLR 042; BLR RUSGOVFRM 043", 16, ""},
		{"synset and symmetric pair", "Lukashenka visited Moscow for negotiations.", 20100101, "BLRGOV RUS 046; RUS BLRGOV 046", 18, ""},
		{"verb's own code", "Russia condemned the European Union.", 0, "RUS IGOEUREEC 112", 26, ""},
		{"block code", "China criticized Russia.", 0, "CHN RUS 111", 25, ""},
		{"source and target markers", "Belarus was criticized by Russia.", 0, "RUS BLR 111", 27, ""},
		{"null pattern", "Russia criticized Belarus of nothing.", 0, "", 0, ""},
		{"word before the verb", "Belarus verbally attacked the EU.", 0, "BLR IGOEUREEC 111", 32, ""},
		{"discard code", "Russia attacked the chess club of Belarus.", 0, "", 0, "###"},
		{"synset plural and prepositional target", "Russia sent missiles to Belarus.", 0, "RUS BLR 072", 37, ""},
		{"skip marker", "Russia sent doctors to Belarus.", 0, "RUS BLR 070", 38, ""},
		{"skip marker needs a word", "Russia sent to Belarus a letter.", 0, "", 0, ""},
		{"consecutive words", "Belarus signed a peace treaty with Russia.", 0, "BLR RUS 057", 42, ""},
		{"consecutive words broken", "Belarus signed a peace and trade treaty with Russia.", 0, "", 0, ""},
		{"gap too long", "Belarus signed, after many long years of very difficult and protracted talks, a peace treaty with Russia.", 0, "", 0, ""},
		{"second code only", "Belarus denounced Russia.", 0, "RUS BLR 111", 0, ""},
		{"multi-word verb", "Russia called off the talks with Belarus.", 0, "RUS BLR 161", 0, ""},
		{"negation", "Belarus did not criticize Russia.", 0, "BLR RUS 111 neg", 0, ""},
		{"never", "Belarus never condemned Russia.", 0, "BLR RUS 112 neg", 0, ""},
		{"contraction", "Belarus didn't condemn Russia.", 0, "BLR RUS 112 neg", 0, ""},
		{"intent", "Belarus will visit Russia.", 0, "BLR RUS 042 intent; RUS BLR 043 intent", 0, ""},
		{"hypothetical", "Belarus would visit Russia.", 0, "BLR RUS 042 hypothetical; RUS BLR 043 hypothetical", 0, ""},
		{"comma and starts a clause", "Belarus did not criticize Russia, and Russian armies attacked China.", 0, "BLR RUS 111 neg; RUSMIL CHN 190", 0, ""},
		{"list with a serial comma stays a compound", "Belarus criticized Russia, China, and the EU.", 0, "BLR RUS 111; BLR CHN 111; BLR IGOEUREEC 111", 0, ""},
		{"reporting verb gives way", "Belarus said that Russia attacked China.", 0, "RUS CHN 190", 0, ""},
		{"date before office", "Lukashenka criticized Russia.", 19900101, "BLRELI RUS 111", 0, ""},
		{"date in office", "Lukashenka criticized Russia.", 19950101, "BLRGOV RUS 111", 0, ""},
		{"date unknown takes default", "Lukashenka criticized Russia.", 0, "BLRELI RUS 111", 0, ""},
		{"no code outside dates", "Vyachaslau Kebich criticized Russia.", 19950101, "", 0, ""},
		{"code inside dates", "Vyachaslau Kebich criticized Russia.", 19920101, "BLRGOV RUS 111", 0, ""},
		{"inline restriction early", "The Old Republic criticized Russia.", 19500101, "XOR RUS 111", 0, ""},
		{"inline restriction late", "The Old Republic criticized Russia.", 20100101, "XNR RUS 111", 0, ""},
		{"prefix agent and plural", "Belarusian activists criticized Russia.", 0, "NGMBLR RUS 111", 0, ""},
		{"irregular agent plural", "Russian armies attacked China.", 0, "RUSMIL CHN 190", 0, ""},
		{"agent without actor", "The police criticized Russia.", 0, "", 0, ""},
		{"noun is not a verb", "Russia condemned the visit of China.", 0, "RUS CHN 112", 0, ""},
		{"possessive", "Russia's army attacked China.", 0, "RUSMIL CHN 190", 0, ""},
		{"sentence discard", "Belarus criticized Russia after the football match.", 0, "", 0, "FOOTBALL"},
		{"discard stem", "Belarus criticized Russia's footballers.", 0, "", 0, "FOOTBALL"},
		{"discard exact word", "Belarus criticized Russia at the chess tournaments.", 0, "BLR RUS 111", 0, ""},
		{"null actor is no actor", "Nobody criticized Russia.", 0, "", 0, ""},
		{"capital abbreviation is an actor", "Russia criticized the US.", 0, "RUS USA 111", 0, ""},
		{"lower-case pronoun is not", "Russia criticized us.", 0, "", 0, ""},
		{"syllable break at a line end", "Russia criti-\ncized China.", 0, "RUS CHN 111", 0, ""},
		{"hyphen at a line end", "Russia criticized pro-\nChina groups.", 0, "", 0, ""},
		{"petrarch matches whole words", "Ukrainian troops criticized Russia.", 0, "", 0, ""},
	}
	d := loadTest(t, cameodict.FormatPETRARCH)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := cameodict.NewCoder(d, cameodict.DefaultOptions())
			res, err := c.Code(cameodict.Record{ID: "t-1", Date: tc.date, Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(res.Events); got != tc.want {
				t.Errorf("events: got %q, want %q", got, tc.want)
			}
			if res.Discard != tc.disc {
				t.Errorf("discard: got %q, want %q", res.Discard, tc.disc)
			}
			if tc.rule != 0 && len(res.Events) > 0 {
				if got, want := res.Events[0].Rule, fmt.Sprintf("CAMEO.test.verbs.txt:%d", tc.rule); got != want {
					t.Errorf("rule: got %q, want %q", got, want)
				}
			}
			for _, e := range res.Events {
				if e.Evidence.Text != tc.text || e.Origin != event.OriginPhoenix || e.ID == "" {
					t.Errorf("event %+v: evidence, origin or id not set", e)
				}
				if e.PLOVER == "" && !strings.HasPrefix(e.CAMEO, "01") && !strings.HasPrefix(e.CAMEO, "02") {
					t.Errorf("event %s has no PLOVER type", e.CAMEO)
				}
			}
		})
	}
}

func TestSpeaker(t *testing.T) {
	d := loadTest(t, cameodict.FormatPETRARCH)
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	for _, tc := range []struct{ text, want string }{
		{"Belarusian President Alyaksandr Lukashenka met the Russian President in Sochi.", "Alyaksandr Lukashenka"},
		{"The Russian foreign minister visited Minsk.", ""},
		{"Lukashenka and Russia met.", ""},
	} {
		res, err := c.Code(cameodict.Record{ID: "sp-1", Date: 19950801, Text: tc.text})
		if err != nil || len(res.Events) == 0 {
			t.Fatalf("%q: no events (%v)", tc.text, err)
		}
		if got := res.Events[0].Speaker; got != tc.want {
			t.Errorf("%q: speaker %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestCodeTABARIStems(t *testing.T) {
	d := loadTest(t, cameodict.FormatTABARI)
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	tests := []struct{ text, want string }{
		{"Ukrainian troops criticized Russia.", "UKR RUS 111"},
		{"Ukraine criticized Russia.", "UKR RUS 111"},
		{"Belarusians criticized Russia.", ""}, // BELARUSIAN_ is exact
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			res, err := c.Code(cameodict.Record{ID: "s-1", Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(res.Events); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCodeStoryDiscard(t *testing.T) {
	d := loadTest(t, cameodict.FormatPETRARCH)
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	recs := []struct {
		id, text, disc, want string
	}{
		{"S1-1", "Belarus hosted the World Cup.", "WORLD CUP", ""},
		{"S1-2", "Belarus criticized Russia.", "story", ""},
		{"S2-1", "Belarus criticized Russia.", "", "BLR RUS 111"},
	}
	for _, r := range recs {
		res, err := c.Code(cameodict.Record{ID: r.id, Text: r.text})
		if err != nil {
			t.Fatal(err)
		}
		if res.Discard != r.disc || brief(res.Events) != r.want {
			t.Errorf("%s: got discard %q events %q, want %q %q", r.id, res.Discard, brief(res.Events), r.disc, r.want)
		}
	}
}

func TestCodeOptionsAndReview(t *testing.T) {
	d := loadTest(t, cameodict.FormatPETRARCH)
	tests := []struct {
		name    string
		opt     func(*cameodict.Options)
		text    string
		want    string
		unknown string
	}{
		{"unknown source", nil, "Ruritania criticized Russia.", "", "Ruritania/source"},
		{"unknown target", nil, "Russia criticized Ruritania and Graustark.", "", "Ruritania/target"},
		{"default source for first person", func(o *cameodict.Options) { o.DefaultSource = "BLR" }, "We condemned Russia.", "BLR RUS 112", ""},
		{"default source needs first person", func(o *cameodict.Options) { o.DefaultSource = "BLR" }, "They condemned Russia.", "", ""},
		{"dyad required", nil, "Russia attacked yesterday.", "", ""},
		{"dyad not required", func(o *cameodict.Options) { o.RequireDyad = false }, "Russia attacked yesterday.", "RUS  190", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := cameodict.DefaultOptions()
			if tc.opt != nil {
				tc.opt(&opt)
			}
			res, err := cameodict.NewCoder(d, opt).Code(cameodict.Record{ID: "u-1", Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(res.Events); got != tc.want {
				t.Errorf("events: got %q, want %q", got, tc.want)
			}
			var unk []string
			for _, u := range res.Unknown {
				unk = append(unk, u.Text+"/"+u.Role)
			}
			if got := strings.Join(unk, ", "); !strings.HasPrefix(got, tc.unknown) || (tc.unknown == "") != (got == "") {
				t.Errorf("unknown: got %q, want prefix %q", got, tc.unknown)
			}
		})
	}
}

func TestCodeBadRecords(t *testing.T) {
	d := loadTest(t, cameodict.FormatPETRARCH)
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	for _, tc := range []struct {
		text string
		err  error
	}{
		{"  \n ", cameodict.ErrEmptyRecord},
		{strings.Repeat("Russia attacked China. ", 50000), cameodict.ErrRecordTooLong},
	} {
		_, err := c.Code(cameodict.Record{ID: "bad-1", Text: tc.text})
		if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), "bad-1") {
			t.Errorf("got %v, want %v naming the record", err, tc.err)
		}
	}
}
