package text_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
	"github.com/fulcrum-dev/fulcrum/internal/text"
)

func sentences(src string) []string {
	var out []string
	for _, s := range text.Split(src) {
		out = append(out, src[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"title-case-heading-hyphenated", "Between Brussels and Moscow: Arme-\nnia’s Hedging Problem\nArmenia’s government announced in February that it\nhad frozen its membership.",
			[]string{"Between Brussels and Moscow: Arme-\nnia’s Hedging Problem", "Armenia’s government announced in February that it\nhad frozen its membership."}},
		{"lower-case-line-after-hyphen-is-no-title", "The talks between the two coun-\ntries Went On\nRussia left.",
			[]string{"The talks between the two coun-\ntries Went On\nRussia left."}},
		{"table-rows-apart-from-caption", "Trade with partners (USD million)\nPartner   2022   2023\nRussia    5,216  7,332\nEU        2,114  2,430\nSource: statistics committee.",
			[]string{"Trade with partners (USD million)", "Partner   2022   2023", "Russia    5,216  7,332", "EU        2,114  2,430", "Source: statistics committee."}},
		{"justified-line-is-no-table-row", "On 5 March 2019   the   council\nmet in   Minsk  and 2,000  troops   left.",
			[]string{"On 5 March 2019   the   council\nmet in   Minsk  and 2,000  troops   left."}},
		{"two-cells-are-no-table", "Russia objected to the\nplan   2019\nand left.",
			[]string{"Russia objected to the\nplan   2019\nand left."}},
		{"transcript-timestamp-line", "We reject pressure.\n[10:41]\nMODERATOR: Thank you.\n00:12:05\nQ: Will Egypt join?",
			[]string{"We reject pressure.", "MODERATOR: Thank you.", "Q: Will Egypt join?"}},
		{"bracketed-marker-line", "The talks ended.\n(12)\nThe envoy left.",
			[]string{"The talks ended.", "The envoy left."}},
		{"number-starting-a-sentence-is-kept", "Troops left.\n2,000\nsoldiers crossed the border.",
			[]string{"Troops left.", "2,000\nsoldiers crossed the border."}},
		{"timestamp-inside-a-sentence-is-kept", "The vote was held at\n10:41\nin the hall.",
			[]string{"The vote was held at\n10:41\nin the hall."}},
		{"simple", "Belarus joined. Russia objected! Why? Nobody knows.",
			[]string{"Belarus joined.", "Russia objected!", "Why?", "Nobody knows."}},
		{"line-breaks-inside", "Minsk has pursued a multi-vector policy since the\nearly 1990s. It continues.",
			[]string{"Minsk has pursued a multi-vector policy since the\nearly 1990s.", "It continues."}},
		{"titles", "Mr. Makei met Dr. Smith and Gen. Petrov. Prof. Lee left.",
			[]string{"Mr. Makei met Dr. Smith and Gen. Petrov.", "Prof. Lee left."}},
		{"acronym-mid", "The U.S. State Department and the U.N. Secretariat agreed.",
			[]string{"The U.S. State Department and the U.N. Secretariat agreed."}},
		{"acronym-end", "Sanctions came from the U.S. The EU followed.",
			[]string{"Sanctions came from the U.S.", "The EU followed."}},
		{"initials", "George W. Bush met J. R. Smith in Minsk.",
			[]string{"George W. Bush met J. R. Smith in Minsk."}},
		{"eg-ie", "Some partners, e.g. China, i.e. the PRC, abstained.",
			[]string{"Some partners, e.g. China, i.e. the PRC, abstained."}},
		{"numbers", "Trade grew 3.5 per cent in 2019. No. 5 was signed on Jan. 5 in Minsk.",
			[]string{"Trade grew 3.5 per cent in 2019.", "No. 5 was signed on Jan. 5 in Minsk."}},
		{"ellipsis", "He paused... and went on. Then… Silence. Done … Next.",
			[]string{"He paused... and went on.", "Then…", "Silence.", "Done …", "Next."}},
		{"footnote-after-quote", "He called it “the choice of ours.”1 The West disagreed.",
			[]string{"He called it “the choice of ours.”1", "The West disagreed."}},
		{"footnote-after-period", "Belarus joined the CSTO.12 It stayed.",
			[]string{"Belarus joined the CSTO.12", "It stayed."}},
		{"quote-end", "He said: “We are ready.” Then he left.",
			[]string{"He said: “We are ready.”", "Then he left."}},
		{"question-in-quote", "“Why now?” he asked.",
			[]string{"“Why now?” he asked."}},
		{"heading", "Belarus Between Russia and the West\nMinsk has long balanced between its neighbours, and it still does today in 2019.",
			[]string{"Belarus Between Russia and the West", "Minsk has long balanced between its neighbours, and it still does today in 2019."}},
		{"short-heading", "Introduction\nThe study covers Belarus, Moldova and Armenia over three decades of change.",
			[]string{"Introduction", "The study covers Belarus, Moldova and Armenia over three decades of change."}},
		{"hyphenated-heading", "The limits of coop-\neration\nIn 2018 Belarus refused to recognise the independence of Abkhazia.",
			[]string{"The limits of coop-\neration", "In 2018 Belarus refused to recognise the independence of Abkhazia."}},
		{"not-heading-name-across-lines", "The European\nUnion imposed sanctions on Belarus.",
			[]string{"The European\nUnion imposed sanctions on Belarus."}},
		{"not-heading-function-word", "Minsk sought ties with\nRussia and the West.",
			[]string{"Minsk sought ties with\nRussia and the West."}},
		{"bullets", "Key points:\n• Belarus joined the EAEU\n• Minsk hosted talks\n- Trade grew\n1. First\n2) Second",
			[]string{"Key points:", "• Belarus joined the EAEU", "• Minsk hosted talks", "- Trade grew", "1. First", "2) Second"}},
		{"paragraph", "First paragraph without a stop\n\nSecond one.",
			[]string{"First paragraph without a stop", "Second one."}},
		{"page-break", "relations with the\n\n12\n\nWest improved. Next.",
			[]string{"relations with the\n\n12\n\nWest improved.", "Next."}},
		{"page-break-lowercase", "Minsk kept its ties with\n\n\f\n7\n\nthe Kremlin. Next.",
			[]string{"Minsk kept its ties with\n\n\f\n7\n\nthe Kremlin.", "Next."}},
		{"page-number-dropped", "One.\n\n12\n\nTwo.",
			[]string{"One.", "Two."}},
		{"no-as-word", "Belarus said no. The talks ended in Jan. They resumed on Jan. 5 under Art. 3 of the treaty.",
			[]string{"Belarus said no.", "The talks ended in Jan.", "They resumed on Jan. 5 under Art. 3 of the treaty."}},
		{"lowercase-after-period", "The talks in St. Petersburg ended. the end is lower.",
			[]string{"The talks in St. Petersburg ended. the end is lower."}},
		{"etc", "Gas, oil etc. The rest followed. Gas, oil, etc. are traded.",
			[]string{"Gas, oil etc.", "The rest followed.", "Gas, oil, etc. are traded."}},
		{"spaces", "  \n Lead space.   Trail space.  \n ",
			[]string{"Lead space.", "Trail space."}},
		{"crlf", "One.\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"empty", "", nil},
		{"no-letters", "12 … 34 --- ***", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentences(tc.src)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Split(%q)\n got  %q\n want %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // quoted text without marks
	}{
		{"curly", "Makei said: “Belarus will not choose.” Then he left.", []string{"Belarus will not choose."}},
		{"straight", `He said "we are ready" and left.`, []string{"we are ready"}},
		{"mixed", "He said “we are ready\" and left.", []string{"we are ready"}},
		{"pdf-both-open", "He said “we are ready“ and left.", []string{"we are ready"}},
		{"spans-lines", "He said: “We will\nnot join. We\nwill stay.” Done.", []string{"We will\nnot join. We\nwill stay."}},
		{"nested-single", "She said: “They call it ‘neutrality’, we don’t.” End.", []string{"They call it ‘neutrality’, we don’t."}},
		{"nested-straight", "She said: “They call it \"neutrality\" today.” End.", []string{"They call it \"neutrality\" today."}},
		{"single-top", "The minister said ‘we will never join NATO’ on Monday.", []string{"we will never join NATO"}},
		{"apostrophes-only", "Belarus’s and Russia’s ties; the ’90s.", nil},
		{"two", "“One,” he said, “two.”", []string{"One,", "two."}},
		{"low-9", "Er sagte „Nein“ dazu.", []string{"Nein"}},
		{"guillemets", "He said «no» twice.", []string{"no"}},
		{"unbalanced-recovers", "A stray “ mark here.\n\nLater he said “yes” again.", []string{"yes"}},
		{"unbalanced-restart", "He said “one and then “two” done.", []string{"two"}},
		{"multi-paragraph", "“First part.\n\n“Second part.” Done.", []string{"First part.\n\n“Second part."}},
		{"footnote", "It was “ours.”1 Next.", []string{"ours."}},
		{"empty-quote", "An empty “ ” pair.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range text.Quotes(tc.src) {
				got = append(got, tc.src[q.TextStart:q.TextEnd])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Quotes(%q)\n got  %q\n want %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestQuoteCap(t *testing.T) {
	src := "He said “" + strings.Repeat("word ", text.MaxQuote/5+10) + "end. Later “real quote” here."
	qs := text.Quotes(src)
	if len(qs) != 1 || src[qs[0].TextStart:qs[0].TextEnd] != "real quote" {
		t.Fatalf("got %d quotes, want only “real quote”", len(qs))
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"clean", "Nothing to do.", "Nothing to do."},
		{"newlines-kept", "a\nb\tc\fd", "a\nb\tc\fd"},
		{"hyphen-lower", "coop-\neration with", "cooperation   with"},
		{"hyphen-upper", "post-\nSoviet space", "post-Soviet  space"},
		{"hyphen-prefix", "non-\naligned states", "non-aligned  states"},
		{"hyphen-ex-broken-word", "ex-\npressed concern", "expressed   concern"},
		{"hyphen-ex-compound", "the ex-\npresident said", "the ex-president  said"},
		{"hyphen-pro-broken-word", "pro-\nposed talks", "proposed   talks"},
		{"hyphen-pro-compound", "pro-\ngovernment media", "pro-government  media"},
		{"hyphen-pro-proliferation", "non-pro-\nliferation", "non-proliferation  "},
		{"hyphen-so-broken-word", "so-\nvereignty", "sovereignty  "},
		{"hyphen-so-called", "so-\ncalled", "so-called "},
		{"hyphen-state-broken-word", "state-\nment", "statement  "},
		{"hyphen-state-compound", "state-\nowned firms", "state-owned  firms"},
		{"hyphen-pre-broken-word", "pre-\nsident", "president  "},
		{"hyphen-inter-broken-word", "inter-\nnational law", "international   law"},
		{"hyphen-multi-polar", "a multi-\npolar world", "a multipolar   world"},
		{"hyphen-multi-vector", "a multi-\nvector policy", "a multi-vector  policy"},
		{"hyphen-high-broken-word", "high-\nlighted", "highlighted  "},
		{"hyphen-spaces", "coop- \n  eration", "cooperation     "},
		{"dash-not-hyphen", "East -\nWest", "East -\nWest"},
		{"footnote-quote", "yours.”1 The", "yours.”  The"},
		{"footnote-period", "the CSTO.12 It", "the CSTO.   It"},
		{"footnote-after-word", "the agreement12 was signed", "the agreement   was signed"},
		{"footnote-after-name", "aid to Ukraine3 and Moldova", "aid to Ukraine  and Moldova"},
		{"footnote-after-possessive", "Russia’s1 position", "Russia’s  position"},
		{"footnote-after-word-at-line-end", "the sanctions7\nwere lifted", "the sanctions \nwere lifted"},
		{"acronym-with-number-kept", "backed by NATO12 and the G20", "backed by NATO12 and the G20"},
		{"model-number-kept", "Su-35 jets and S-400 systems", "Su-35 jets and S-400 systems"},
		{"short-capitalised-kept", "a Tor2 system", "a Tor2 system"},
		{"digit-word-kept", "covid19 vaccines and Sputnik5 doses", "covid19 vaccines and Sputnik5 doses"},
		{"long-number-kept", "the agreement2019 text", "the agreement2019 text"},
		{"glued-to-letters-kept", "the mp3 file, a 4x4 car", "the mp3 file, a 4x4 car"},
		{"not-footnote-number", "in 2019. 3 states", "in 2019. 3 states"},
		{"not-footnote-abbrev", "see No.5 now", "see No.5 now"},
		{"decimal", "grew 3.5 per cent", "grew 3.5 per cent"},
		{"page-number", "end of\n12\nthe page", "end of\n  \nthe page"},
		{"page-word", "end of\nPage 12\nthe page", "end of\n       \nthe page"},
		{"nbsp-kept", "a\u00a0b", "a\u00a0b"},
		{"zero-width", "a\u200bb", "a   b"},
		{"soft-hyphen", "coop\u00aderation", "cooperation  "},
		{"superscript", "ours¹ here", "ours   here"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := text.Normalize(tc.src)
			if got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.src, got, tc.want)
			}
			if len(got) != len(tc.src) {
				t.Errorf("length %d, want %d", len(got), len(tc.src))
			}
		})
	}
}

func TestClean(t *testing.T) {
	got, want := text.Clean("\uFEFFOne.\r\nTwo.\rThree."), "One.\nTwo.\nThree."
	if got != want {
		t.Errorf("Clean = %q, want %q", got, want)
	}
}

func TestTokens(t *testing.T) {
	src := "The U.S. didn’t sign; Belarus’s GDP grew 3.5% (1,000 firms) in the 1990s — “post-Soviet”."
	var got []string
	for _, tk := range text.AppendTokens(nil, src, 0, len(src)) {
		got = append(got, src[tk.Start:tk.End])
	}
	want := []string{"The", "U.S", ".", "didn’t", "sign", ";", "Belarus’s", "GDP", "grew", "3.5", "(", "1,000", "firms", ")", "in", "the", "1990s", "—", "“", "post", "Soviet", "”", "."}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("tokens\n got  %q\n want %q", got, want)
	}
}

// checkInvariants checks the properties every input must keep.
func checkInvariants(t *testing.T, src string) {
	t.Helper()
	prev := 0
	for _, s := range text.Split(src) {
		if s.Start < prev || s.Start >= s.End || s.End > len(src) {
			t.Fatalf("sentence %+v out of order or bounds (prev end %d, len %d)", s, prev, len(src))
		}
		prev = s.End
	}
	prev = 0
	for _, q := range text.Quotes(src) {
		if q.Start < prev || !(q.Start < q.TextStart && q.TextStart < q.TextEnd && q.TextEnd < q.End) || q.End > len(src) {
			t.Fatalf("quote %+v out of order or unbalanced (prev end %d, len %d)", q, prev, len(src))
		}
		if q.End-q.Start > text.MaxQuote+8 {
			t.Fatalf("quote %+v longer than MaxQuote", q)
		}
		prev = q.End
	}
	n := text.Normalize(src)
	if len(n) != len(src) {
		t.Fatalf("Normalize changed length %d -> %d", len(src), len(n))
	}
	prev = 0
	for _, tk := range text.AppendTokens(nil, n, 0, len(n)) {
		if tk.Start < prev || tk.Start >= tk.End || tk.End > len(n) {
			t.Fatalf("token %+v out of order or bounds", tk)
		}
		prev = tk.End
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "a", ".", "“", "”", "\"", "Mr. X said: “We will.”1 Next.", "post-\nSoviet", "coop-\neration",
		"a\n\n12\n\nb", "U.S. The", "„Nein“", "«no»", "‘x’", "a.\u00ad", "x-\n", "ours¹", "\xff\xfe.”1 ",
		"• item\n• item", "Head\nThe body of the text goes on here.", "x.”12345 Y", "¹²³", "He said “\n\n“",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkInvariants(t, src)
	})
}

func TestSpeeches(t *testing.T) {
	dir := sharedtest.Dir(t, "ungdc_speeches", "texts")
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no speeches under %s: %v", dir, err)
	}
	var nsent, nquote, nbytes int
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src := text.Clean(string(b))
		if !utf8.ValidString(src) {
			t.Fatalf("%s: invalid UTF-8", p)
		}
		checkInvariants(t, src)
		ss := text.Split(src)
		nsent += len(ss)
		nquote += len(text.Quotes(src))
		nbytes += len(src)
		for _, s := range ss {
			if s.End-s.Start > 5000 {
				t.Errorf("%s: sentence at %d is %d bytes long", p, s.Start, s.End-s.Start)
			}
		}
	}
	avg := float64(nbytes) / float64(nsent)
	t.Logf("%d speeches, %d sentences (avg %.0f bytes), %d quotations", len(paths), nsent, avg, nquote)
	if avg < 60 || avg > 400 {
		t.Errorf("average sentence %.0f bytes: implausible", avg)
	}
}

func BenchmarkSplit(b *testing.B) {
	dir := sharedtest.Dir(b, "ungdc_speeches", "texts")
	paths, _ := filepath.Glob(filepath.Join(dir, "BLR", "*.txt"))
	var docs []string
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, text.Clean(string(data)))
		size += int64(len(data))
	}
	b.SetBytes(size)
	var ss []text.Sentence
	var qs []text.Quote
	var ts []text.Token
	for b.Loop() {
		for _, d := range docs {
			ss = text.AppendSplit(ss[:0], d)
			qs = text.AppendQuotes(qs[:0], d)
			n := text.Normalize(d)
			ts = text.AppendTokens(ts[:0], n, 0, len(n))
		}
	}
}
