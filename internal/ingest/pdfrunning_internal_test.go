package ingest

import (
	"strings"
	"testing"
)

func TestDropRunningLines(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "one page is left alone",
			in:   "Policy Monitor\nThe talks resumed.\nPage 1",
			want: "Policy Monitor\nThe talks resumed.\nPage 1",
		},
		{
			name: "header and numbered footer on every page",
			in: "Policy Monitor   No. 4\nThe ministers met in Vienna\nPage 1 of 3\f" +
				"Policy Monitor   No. 4\nand agreed on a ceasefire.\nPage 2 of 3\f" +
				"Policy Monitor   No. 4\nThe envoy left.\nPage 3 of 3",
			want: "The ministers met in Vienna\fand agreed on a ceasefire.\fThe envoy left.",
		},
		{
			name: "header missing from the first page",
			in: "A Title Page\nThe ministers met in Vienna.\n\f" +
				"Eastern Review\nThey agreed.\nInstitute 2\f" +
				"Eastern Review\nThey left.\nInstitute 3",
			want: "A Title Page\nThe ministers met in Vienna.\n\fThey agreed.\fThey left.",
		},
		{
			name: "a line repeated on one page only is kept",
			in:   "Intro\nRussia objected.\fThe council met.\nSummary\nSummary\fChina abstained.",
			want: "Intro\nRussia objected.\fThe council met.\nSummary\nSummary\fChina abstained.",
		},
		{
			name: "repeated on a third of the pages is body text",
			in:   "Annex\nA.\fB.\nAnnex\fC.\fD.\fE.\fF.",
			want: "Annex\nA.\fB.\nAnnex\fC.\fD.\fE.\fF.",
		},
		{
			name: "lines in the middle of a long page are kept",
			in: "H\n1\n2\n3\nRussia objected.\n4\n5\n6\nF\f" +
				"H\n1\n2\n3\nRussia objected.\n4\n5\n6\nF",
			want: "1\n2\n3\nRussia objected.\n4\n5\n6\f1\n2\n3\nRussia objected.\n4\n5\n6",
		},
		{
			name: "blank and symbol-only lines have no key",
			in:   "* * *\nA.\n\f* * *\nB.\n",
			want: "* * *\nA.\n\f* * *\nB.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dropRunningLines(tt.in); got != tt.want {
				t.Errorf("dropRunningLines(%q)\ngot  %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRunningKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Page 12 of 40", "page # of #"},
		{"  Eastern   Review  ", "eastern review"},
		{"Caspian Institute 2", "caspian institute #"},
		{"– 7 –", ""},
		{"2019  45.1  12", ""},
		{"* * *", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := runningKey(tt.in); got != tt.want {
			t.Errorf("runningKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzDropRunningLines checks that only whole lines are removed: page
// breaks are kept and the text left is the input's lines, in order.
func FuzzDropRunningLines(f *testing.F) {
	f.Add("H 1\nA.\nF\fH 2\nB.\nF\fH 3\nC.\nF")
	f.Add("\f\f\n\f")
	f.Add("a\nb\nc\nd\ne\nf\ng\fa\nb\nc\nd\ne\nf\ng")
	f.Fuzz(func(t *testing.T, in string) {
		got := dropRunningLines(in)
		if strings.Count(got, "\f") != strings.Count(in, "\f") {
			t.Fatalf("page breaks: got %d, want %d", strings.Count(got, "\f"), strings.Count(in, "\f"))
		}
		gotPages, inPages := strings.Split(got, "\f"), strings.Split(in, "\f")
		for p := range gotPages {
			if gotPages[p] == "" {
				continue // every line dropped, or an empty page
			}
			rest := strings.Split(inPages[p], "\n")
			for _, l := range strings.Split(gotPages[p], "\n") {
				for len(rest) > 0 && rest[0] != l {
					rest = rest[1:]
				}
				if len(rest) == 0 {
					t.Fatalf("page %d: line %q is not a line of the input page %q", p, l, inPages[p])
				}
				rest = rest[1:]
			}
		}
	})
}

func TestMoveFootnotes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "a note cutting a sentence across pages",
			in:   "Russia objected.2 The\nministers met\nin Vienna and\nagreed\n2 The talks were closed.\fto a truce.",
			want: "Russia objected.2 The\nministers met\nin Vienna and\nagreed\fto a truce.\f2 The talks were closed.",
		},
		{
			name: "two notes with a continuation line, glued to a word and a quote",
			in:   "The envoy left Yerevan7 and\nsaid it was “over.”8 Then\nhe flew to\nBaku.\n7 On 3 May.\n8 Interview with\nthe author.\fNext page.",
			want: "The envoy left Yerevan7 and\nsaid it was “over.”8 Then\nhe flew to\nBaku.\fNext page.\f7 On 3 May.\n8 Interview with\nthe author.",
		},
		{
			name: "a line starting with a number but no mark in the body",
			in:   "The summit\nopened and\nleaders of\n20 states signed it.\fNext.",
			want: "The summit\nopened and\nleaders of\n20 states signed it.\fNext.",
		},
		{
			name: "numbers out of order are no footnote block",
			in:   "A.1 B\nC\nD\n1 Note one.\n3 Note three.\fNext.",
			want: "A.1 B\nC\nD\n1 Note one.\n3 Note three.\fNext.",
		},
		{
			name: "a numbered line in the upper half is body text",
			in:   "A.1 B\n1 Note\nC\nD\nE\nF\fNext.",
			want: "A.1 B\n1 Note\nC\nD\nE\nF\fNext.",
		},
		{
			name: "a year is no footnote number",
			in:   "In 2019\nthe talks\nstalled\n2019 Annual report.",
			want: "In 2019\nthe talks\nstalled\n2019 Annual report.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := moveFootnotes(tt.in); got != tt.want {
				t.Errorf("moveFootnotes(%q)\ngot  %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzMoveFootnotes checks that footnotes are moved, never lost: the
// output has the input's lines, page breaks aside, and one page break
// more when anything moved.
func FuzzMoveFootnotes(f *testing.F) {
	f.Add("Russia objected.2 The\nministers met\nin Vienna and\nagreed\n2 The talks were closed.\fto a truce.")
	f.Add("A1\n\n\n1 B\f")
	f.Fuzz(func(t *testing.T, in string) {
		got := moveFootnotes(in)
		if got == in {
			return
		}
		if strings.Count(got, "\f") != strings.Count(in, "\f")+1 {
			t.Fatalf("page breaks: got %q from %q", got, in)
		}
		count := map[string]int{}
		for _, l := range strings.FieldsFunc(in, func(r rune) bool { return r == '\n' || r == '\f' }) {
			count[l]++
		}
		for _, l := range strings.FieldsFunc(got, func(r rune) bool { return r == '\n' || r == '\f' }) {
			count[l]--
		}
		for l, n := range count {
			if n != 0 {
				t.Fatalf("line %q: %d more in the input than in %q", l, n, got)
			}
		}
	})
}
