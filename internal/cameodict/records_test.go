package cameodict_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
)

func collect(t *testing.T, read func(fn func(cameodict.Record) error, bad func(*cameodict.RecordError)) error) ([]cameodict.Record, []string, error) {
	t.Helper()
	var recs []cameodict.Record
	var bad []string
	err := read(func(r cameodict.Record) error {
		recs = append(recs, r)
		return nil
	}, func(e *cameodict.RecordError) {
		if !errors.Is(e, cameodict.ErrBadRecord) && !errors.Is(e, cameodict.ErrEmptyRecord) {
			t.Errorf("bad record error %v does not wrap ErrBadRecord or ErrEmptyRecord", e)
		}
		bad = append(bad, fmt.Sprintf("%d:%s", e.Line, e.ID))
	})
	return recs, bad, err
}

func recSummary(recs []cameodict.Record) string {
	var out []string
	for _, r := range recs {
		out = append(out, fmt.Sprintf("%s@%d:%d:%s:%s", r.ID, r.Line, r.Date, r.Publisher, r.Text))
	}
	return strings.Join(out, "|")
}

func TestReadTABARI(t *testing.T) {
	tests := []struct {
		name, in, want, bad string
	}{
		{"two records", "950101 DEMO-01\nRussia criticized\nBelarus.\n\n950102 DEMO-02 extra\nChina met Russia.\n",
			"DEMO-01@1:19950101::Russia criticized Belarus.|DEMO-02@5:19950102::China met Russia.", ""},
		{"four-digit years and CRLF", "\ufeff20150301 A-1\r\nBelarus met Russia.\r\n\r\n", "A-1@1:20150301::Belarus met Russia.", ""},
		{"many blank lines", "\n\n950101 X-1\nText one.\n\n\n\n950101 X-2\nText two.", "X-1@3:19950101::Text one.|X-2@8:19950101::Text two.", ""},
		{"bad date is skipped", "951301 BAD-1\nNot a month.\n\n950101 OK-1\nFine.\n", "OK-1@4:19950101::Fine.", "1:BAD-1"},
		{"header without id", "950101\nNo id.\n\n950101 OK-2\nFine.\n", "OK-2@4:19950101::Fine.", "1:"},
		{"header only", "950101 EMPTY-1\n\n950101 OK-3\nFine.\n", "OK-3@3:19950101::Fine.", "1:EMPTY-1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, bad, err := collect(t, func(fn func(cameodict.Record) error, b func(*cameodict.RecordError)) error {
				return cameodict.ReadTABARI(strings.NewReader(tc.in), "in.txt", fn, b)
			})
			if err != nil {
				t.Fatal(err)
			}
			if got := recSummary(recs); got != tc.want {
				t.Errorf("records:\ngot  %s\nwant %s", got, tc.want)
			}
			if got := strings.Join(bad, ","); got != tc.bad {
				t.Errorf("bad: got %q, want %q", got, tc.bad)
			}
		})
	}
}

func TestReadXML(t *testing.T) {
	tests := []struct {
		name, in, want, bad string
		wantErr             bool
	}{
		{"with parse trees", `<Sentences>
<Sentence date="20150101" id="abc12_3" source="AFP" sentence="True">
<Text>
Belarus accused the European Union
of interfering.
</Text>
<Parse>(ROOT (S (NP (NNP Belarus)) (VP (VBD accused))))</Parse>
</Sentence>
<Sentence date="150102" id="abc12_4" source="AFP" sentence="True"><Text>Russia &amp; China met.</Text></Sentence>
</Sentences>`, "abc12_3@2:20150101:AFP:Belarus accused the European Union of interfering.|abc12_4@9:20150102:AFP:Russia & China met.", "", false},
		{"missing date and id are reported", `<Sentences>
<Sentence id="n1"><Text>No date.</Text></Sentence>
<Sentence date="20150101"><Text>No id.</Text></Sentence>
<Sentence date="2015-13-01" id="n3"><Text>Bad date.</Text></Sentence>
<Sentence date="20150101" id="n4"><Text>  </Text></Sentence>
<Sentence date="20150101" id="ok"><Text>Fine.</Text></Sentence>
</Sentences>`, "ok@6:20150101::Fine.", "2:n1,3:,4:n3,5:n4", false},
		{"malformed XML is reported and skipped", "<Sentences>\n<Sentence date=\"20150101\" id=\"a\"><Text>One.</Text></Sentence>\n<Sentence <<< \n\n<Sentence date=\"20150102\" id=\"b\"><Text>Two &amp; more.</Text></Sentence>\n<Sentence date=\"20150103\" id=\"c\"><Text>Three <b>bold</Text></Sentence>\n<Sentence date=\"20150104\" id=\"d\"><Text>Four.</Text></Sentence></Sentences>",
			"a@2:20150101::One.|b@5:20150102::Two & more.|c@6:20150103::Three bold|d@7:20150104::Four.", "3:", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, bad, err := collect(t, func(fn func(cameodict.Record) error, b func(*cameodict.RecordError)) error {
				return cameodict.ReadXML(strings.NewReader(tc.in), "in.xml", fn, b)
			})
			if (err != nil) != tc.wantErr {
				t.Fatalf("error: got %v, want error %v", err, tc.wantErr)
			}
			var re *cameodict.RecordError
			if err != nil && (!errors.As(err, &re) || re.Line == 0) {
				t.Errorf("error %v is not a RecordError with a line", err)
			}
			if got := recSummary(recs); got != tc.want {
				t.Errorf("records:\ngot  %s\nwant %s", got, tc.want)
			}
			if got := strings.Join(bad, ","); got != tc.bad {
				t.Errorf("bad: got %q, want %q", got, tc.bad)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"simple", "Belarus met Russia. China met Belarus!", []string{"Belarus met Russia.", "China met Belarus!"}},
		{"abbreviations", "Mr. Lukashenka met the U.S. envoy. Then he left.", []string{"Mr. Lukashenka met the U.S. envoy.", "Then he left."}},
		{"line breaks inside", "Belarus met\nRussia. China\nmet Belarus.", []string{"Belarus met\nRussia.", "China\nmet Belarus."}},
		{"blank line ends", "A heading\n\nBelarus met Russia.", []string{"A heading", "Belarus met Russia."}},
		{"quotes", `He said "we agree." They left.`, []string{`He said "we agree."`, "They left."}},
		{"lower case after period", "It cost 5.5 million. e.g. this stays.", []string{"It cost 5.5 million. e.g. this stays."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs := cameodict.Sentences(tc.in, "doc", 0)
			var got []string
			for i, r := range recs {
				got = append(got, r.Text)
				if tc.in[r.Offset:r.Offset+len(r.Text)] != r.Text {
					t.Errorf("sentence %d: offset %d does not point at its text", i, r.Offset)
				}
				if want := fmt.Sprintf("doc-%d", i+1); r.ID != want {
					t.Errorf("id: got %q, want %q", r.ID, want)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseRecordDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"950101", 19950101, true}, {"300101", 20300101, true}, {"310101", 19310101, true},
		{"20150229", 0, false}, {"20160229", 20160229, true}, {"2015-03-05", 20150305, true},
		{"1995", 0, false}, {"abcdef", 0, false}, {"-50101", 0, false},
	} {
		got, err := cameodict.ParseRecordDate(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseRecordDate(%q): got %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
