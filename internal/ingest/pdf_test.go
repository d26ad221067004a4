package ingest_test

import (
	"bytes"
	"errors"
	"fmt"
	"go/build"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

// pdfSpec describes a PDF for makePDF.
type pdfSpec struct {
	title      string
	created    time.Time
	paragraphs []string // each on its own; "\f" starts a new page
}

// makePDF writes a PDF with a text layer in Helvetica (Windows-1252).
func makePDF(t testing.TB, s pdfSpec) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(true)
	if s.title != "" {
		p.SetTitle(s.title, true)
	}
	if !s.created.IsZero() {
		p.SetCreationDate(s.created)
	}
	tr := p.UnicodeTranslatorFromDescriptor("")
	p.AddPage()
	p.SetFont("Helvetica", "", 11)
	for _, para := range s.paragraphs {
		if para == "\f" {
			p.AddPage()
			continue
		}
		p.MultiCell(0, 5, tr(para), "", "L", false)
		p.Ln(4)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatalf("make pdf: %v", err)
	}
	return b.Bytes()
}

// scannedPDF writes a PDF whose pages hold only drawings, as a scan holds
// only images: no text layer.
func scannedPDF(t testing.TB) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	for range 2 {
		p.AddPage()
		p.SetFillColor(200, 200, 200)
		p.Rect(20, 20, 170, 250, "F")
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatalf("make pdf: %v", err)
	}
	return b.Bytes()
}

// briefParagraphs is a short policy brief, long enough to wrap lines.
var briefParagraphs = []string{
	"Belarus Between the Blocs",
	"On 23 March 2014 the Belarusian foreign minister stated that Minsk would not recognise the annexation, while avoiding any direct criticism of Moscow.",
	"According to the president, “Belarus will never be a junior partner of anyone.” In the same session he proposed a new round of talks with the European Union.",
	"\f",
	"In 2018 trade with the post-Soviet states still made up most of the country’s exports.",
}

func TestPDF(t *testing.T) {
	created := time.Date(2019, 3, 5, 10, 30, 0, 0, time.UTC)
	data := makePDF(t, pdfSpec{title: "Belarus Between the Blocs", created: created, paragraphs: briefParagraphs})
	d := readOne(t, "brief.pdf", "", data)
	if got, want := d.Format, "pdf"; got != want {
		t.Errorf("format: got %q, want %q", got, want)
	}
	if got, want := d.Title, "Belarus Between the Blocs"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	if got, want := d.Date.UTC(), created; !got.Equal(want) || d.DatePrecision != "day" {
		t.Errorf("date: got %v (%s), want %v (day)", got, d.DatePrecision, want)
	}
	flat := strings.Join(strings.Fields(d.Text), " ")
	for _, want := range []string{
		"On 23 March 2014 the Belarusian foreign minister stated",
		"“Belarus will never be a junior partner of anyone.”",
		"country’s exports",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
	if strings.ContainsAny(d.Text, "\r\x00\ufffd") {
		t.Errorf("text holds CR, NUL or U+FFFD: %q", d.Text)
	}
}

func TestPDFNoDate(t *testing.T) {
	data := makePDF(t, pdfSpec{paragraphs: []string{"A statement without metadata."}})
	// fpdf always writes CreationDate and ModDate; rename them to test a
	// PDF without either.
	data = bytes.Replace(data, []byte("/CreationDate"), []byte("/XreationDate"), 1)
	data = bytes.Replace(data, []byte("/ModDate"), []byte("/XodDate"), 1)
	d := readOne(t, "nodate.pdf", "", data)
	if !d.Date.IsZero() || d.DatePrecision != "" {
		t.Errorf("date: got %v (%q), want none", d.Date, d.DatePrecision)
	}
}

func TestPDFMalformed(t *testing.T) {
	good := makePDF(t, pdfSpec{paragraphs: []string{"Text."}})
	cases := []struct {
		name string
		data []byte
	}{
		{"header-only", []byte("%PDF-1.4\n")},
		{"garbage-after-header", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("obj << /Type /Page >> endobj\n"), 20)...)},
		{"truncated", good[:len(good)*2/3]},
		{"no-trailer", bytes.ReplaceAll(good, []byte("trailer"), []byte("xxxxxxx"))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var docs []doc.Document
			errs := ingest.New(ingest.Options{PDFToText: "-"}).ReadBytes("bad.pdf", ingest.FormatPDF, tc.data, func(d doc.Document) error {
				docs = append(docs, d)
				return nil
			})
			if len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("got %d documents and errors %v, want one error", len(docs), errs)
			}
			if !errors.Is(errs[0], ingest.ErrFormat) && !errors.Is(errs[0], ingest.ErrNoTextLayer) {
				t.Errorf("got %v, want ErrFormat or ErrNoTextLayer", errs[0])
			}
		})
	}
}

func BenchmarkPDF(b *testing.B) {
	var paras []string
	for range 4 {
		paras = append(paras, briefParagraphs...)
	}
	data := makePDF(b, pdfSpec{title: "Brief", paragraphs: paras})
	r := ingest.New(ingest.Options{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if errs := r.ReadBytes("brief.pdf", ingest.FormatPDF, data, func(d doc.Document) error { return nil }); errs != nil {
			b.Fatal(errs)
		}
	}
}

// undecodablePDF writes a PDF whose text uses byte codes the font's
// encoding (WinAnsi) leaves undefined: a text layer with no usable text,
// as a PDF whose fonts lack character maps has.
func undecodablePDF(t testing.TB) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.SetFont("Helvetica", "", 11)
	p.MultiCell(0, 5, strings.Repeat("\x81\x8d\x8f\x90\x9d", 20)+" ab", "", "L", false)
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatalf("make pdf: %v", err)
	}
	return b.Bytes()
}

// unicodeFont returns a TrueType font with Cyrillic and Latin Extended
// glyphs: DejaVu from fpdf's module folder or the system, or skips.
func unicodeFont(t *testing.T) []byte {
	t.Helper()
	var paths []string
	if bi, ok := debug.ReadBuildInfo(); ok {
		cache := os.Getenv("GOMODCACHE")
		if cache == "" {
			cache = filepath.Join(build.Default.GOPATH, "pkg", "mod")
		}
		for _, m := range bi.Deps {
			if m.Path == "github.com/go-pdf/fpdf" {
				paths = append(paths, filepath.Join(cache, "github.com", "go-pdf", "fpdf@"+m.Version, "font", "DejaVuSansCondensed.ttf"))
			}
		}
	}
	paths = append(paths, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			return data
		}
	}
	t.Skipf("no DejaVu TrueType font found (looked in %v); skipping", paths)
	return nil
}

// TestPDFUnicodeFont reads a PDF whose embedded Unicode font maps all
// codes with one wide ToUnicode range, which the PDF library alone
// decodes as ASCII noise.
func TestPDFUnicodeFont(t *testing.T) {
	ttf := unicodeFont(t)
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("dejavu", "", ttf)
	p.AddPage()
	p.SetFont("dejavu", "", 11)
	const text = "Лукашенко заявил: «Беларусь не вступит в НАТО». Łukašenka met officials in Zürich and São Paulo — “quoted”."
	p.MultiCell(0, 5, text, "", "L", false)
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	d := readOne(t, "cyrillic.pdf", "", b.Bytes())
	if got := strings.Join(strings.Fields(d.Text), " "); got != text {
		t.Errorf("got %q, want %q", got, text)
	}
}

// rawPDF builds a one-page PDF around a content stream written by hand,
// with these fonts:
//
//   - /F1 Helvetica in WinAnsiEncoding without widths, as old producers
//     write the standard 14 fonts;
//   - /F2 a simple font whose glyphs are all 500 units wide, the space 250;
//   - /F3 a Type0 font with Identity-H whose codes are Unicode code points,
//     500 units wide by default (DW), the space 250 and capitals 800 (W),
//     and code 0100 the "ﬁ" ligature.
//
// At 10 points a glyph of /F2 or /F3 is thus 5 units wide, a space 2.5.
func rawPDF(content string) []byte {
	widths := "250" + strings.Repeat(" 500", 126-32)
	const toUnicode = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"1 beginbfrange <0000> <00FF> <0000> endbfrange\n" +
		"1 beginbfchar <0100> <FB01> endbfchar\n" +
		"endcmap CMapName currentdict /CMap defineresource pop end end"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /TrueType /BaseFont /Even /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + widths + "] >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /EvenCID /Encoding /Identity-H /DescendantFonts [8 0 R] /ToUnicode 9 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /EvenCID /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [32 [250] 65 90 800] >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(toUnicode), toUnicode),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// TestPDFTextLayout checks that words are not glued when a producer
// moves between lines inside one text object or spaces words by
// positioning instead of space characters.
func TestPDFTextLayout(t *testing.T) {
	cases := []struct {
		name, content, want string
	}{
		{"one-text-object-per-line", "BT /F1 11 Tf 72 700 Td (Minsk hosted) Tj ET BT /F1 11 Tf 72 686 Td (the talks.) Tj ET", "\nMinsk hosted\nthe talks."},
		{"td-line-moves", "BT /F1 11 Tf 72 700 Td (a sovereign) Tj 0 -14 Td (state) Tj 0 -14 TD (again) Tj ET", "\na sovereign\nstate\nagain"},
		{"tj-word-gaps", "BT /F1 11 Tf 72 700 Td [(Belarus)-333(has)-50(n)20(ever)-333(joined)] TJ ET", "\nBelarus hasnever joined"},
		{"td-along-the-line", "BT /F1 11 Tf 72 700 Td (Minsk) Tj 40 0 Td (and) Tj 30 0 Td (Moscow) Tj ET", "\nMinsk and Moscow"},
		{"tm-lines", "BT /F1 11 Tf 1 0 0 1 72 700 Tm (first line) Tj 1 0 0 1 72 686 Tm (second line) Tj 1 0 0 1 150 686 Tm (same line) Tj ET", "\nfirst line\nsecond line same line"},
		{"quote-operators", "BT /F1 11 Tf 14 TL 72 700 Td (one) Tj (two) ' 1 2 (three) \" T* (four) Tj ET", "\none\ntwo\nthree\nfour"},
		{"space-kept", "BT /F1 11 Tf 72 700 Td (word ) Tj 30 0 Td (next) Tj ET", "\nword next"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := readOne(t, "hand.pdf", ingest.FormatPDF, rawPDF(tc.content))
			if d.Text != tc.want {
				t.Errorf("got %q, want %q", d.Text, tc.want)
			}
		})
	}
}

// TestPDFWordGaps checks that, with glyph widths known, a word gap is
// told from kerning by the distance between where the glyphs shown end
// and where the next string starts, whatever operator moves there. The
// fonts are rawPDF's: at 10 points a glyph is 5 units wide, a space 2.5,
// a capital of /F3 8, so a gap of 1.5 units is the threshold.
func TestPDFWordGaps(t *testing.T) {
	cases := []struct {
		name, content, want string
	}{
		// T ends at 77, okayev starts at 76.6 (kerned) and ends at
		// 106.6, Y starts 3 further (a word gap), et 0.3 back.
		{"td-kerning", "BT /F2 10 Tf 72 700 Td (T) Tj 4.6 0 Td (okayev) Tj 33 0 Td (Y) Tj 4.7 0 Td (et) Tj ET", "\nTokayev Yet"},
		{"td-gap-below-threshold", "BT /F2 10 Tf 72 700 Td (Wa) Tj 11 0 Td (rsaw) Tj ET", "\nWarsaw"},
		{"td-gap-above-threshold", "BT /F2 10 Tf 72 700 Td (Minsk) Tj 27 0 Td (and) Tj ET", "\nMinsk and"},
		{"tm-on-the-line", "BT /F2 10 Tf 1 0 0 1 72 700 Tm (W) Tj 1 0 0 1 76.8 700 Tm (arsaw) Tj 1 0 0 1 104 700 Tm (talks) Tj ET", "\nWarsaw talks"},
		{"tm-scales-the-font", "BT /F2 1 Tf 10 0 0 10 72 700 Tm (Vien) Tj 10 0 0 10 92.5 700 Tm (na) Tj 10 0 0 10 105 700 Tm (talks) Tj ET", "\nVienna talks"},
		{"cm-scales-the-page", "q 2 0 0 2 0 0 cm BT /F2 5 Tf 36 350 Td (Tok) Tj 7.6 0 Td (ayev) Tj 11 0 Td (said) Tj ET Q", "\nTokayev said"},
		{"tj-adjustments", "BT /F2 10 Tf 72 700 Td [(Vi)80(enna)-200(and)-220(Ky)-60(iv)] TJ ET", "\nVienna and Kyiv"},
		{"horizontal-scaling", "BT /F2 10 Tf 50 Tz 72 700 Td (Min) Tj 8 0 Td (sk) Tj 8.5 0 Td (and) Tj ET", "\nMinsk and"},
		// Ghostscript: the gap after the comma is character spacing, and
		// the space in "ev an" is narrowed to 0.3 units, a kern.
		{"character-spacing", "BT /F2 10 Tf 72 700 Td (border) Tj 4 Tc 30 0 Td (,a) Tj 0 Tc 14 0 Td (nd Yer) Tj -2.2 Tw 27.5 0 Td (ev an) Tj ET", "\nborder, and Yerevan"},
		// Chromium's letter-spacing: every glyph apart by a quarter em,
		// the word space a glyph.
		{"tracked-line", "BT /F2 10 Tf 72 700 Td (O) Tj 7.5 0 Td (s) Tj 7.5 0 Td (l) Tj 7.5 0 Td (o) Tj 7.5 0 Td ( ) Tj 5 0 Td (Y) Tj 7.5 0 Td (e) Tj 7.5 0 Td (s) Tj ET", "\nOslo Yes"},
		{"single-glyph-cells", "BT /F2 10 Tf 72 700 Td (Y) Tj 40 0 Td (N) Tj 40 0 Td (A) Tj 40 0 Td (Y) Tj ET", "\nY N A Y"},
		{"text-objects-continue-the-line", "BT /F2 10 Tf 1 0 0 1 72 700 Tm (The ) Tj ET BT /F2 10 Tf 1 0 0 1 89.5 700 Tm (Belarusian) Tj ET BT /F2 10 Tf 1 0 0 1 139.5 700 Tm ( leadership) Tj ET", "\nThe Belarusian leadership"},
		{"text-objects-on-other-lines", "BT /F2 10 Tf 1 0 0 1 72 700 Tm (Minsk) Tj ET BT /F2 10 Tf 1 0 0 1 72 686 Tm (Moscow) Tj ET BT /F2 10 Tf 1 0 0 1 60 686 Tm (Riga) Tj ET", "\nMinsk\nMoscow\nRiga"},
		// W: capitals are 8 wide, so T ends at 80 and okayev starts at
		// 79.6; with the default width (5) it would seem a word gap.
		{"type0-identity-h", "BT /F3 10 Tf 72 700 Td <0054> Tj 7.6 0 Td <006F006B0061007900650076> Tj 33 0 Td <0059> Tj 7.7 0 Td <00650074> Tj ET", "\nTokayev Yet"},
		{"ligature-spelled-out", "BT /F3 10 Tf 72 700 Td <0100007200730074> Tj ET", "\nfirst"},
		// A font without widths keeps the rules that need none.
		{"no-widths-kerning-splits", "BT /F1 10 Tf 72 700 Td (T) Tj 5.6 0 Td (okayev) Tj ET", "\nT okayev"},
		{"widths-then-no-widths", "BT /F2 10 Tf 72 700 Td (Minsk) Tj /F1 10 Tf 30 0 Td (Moscow) Tj /F2 10 Tf 40 0 Td (Riga) Tj ET", "\nMinsk Moscow Riga"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := readOne(t, "hand.pdf", ingest.FormatPDF, rawPDF(tc.content))
			if got, want := d.Text, tc.want; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// FuzzPDFWordGaps checks that spacing decisions only ever add or drop
// white space: whatever the font, size, spacing and moves, the text less
// its white space is the strings shown.
func FuzzPDFWordGaps(f *testing.F) {
	f.Add(uint8(1), "Tok", "ayev", "Yet", 10.0, 0.0, 0.0, 100.0, 4.6, 0.0, -200.0)
	f.Add(uint8(2), "T", "okayev", "Yet", 10.0, 0.0, 0.0, 100.0, 7.6, 0.0, 40.0)
	f.Add(uint8(1), "border", "a", "nd", 10.0, 4.0, -2.2, 50.0, 30.0, 0.0, -300.0)
	f.Add(uint8(0), "Minsk", "and", "Moscow", 0.0, 0.0, 0.0, 0.0, 0.0, -14.0, 0.0)
	f.Fuzz(func(t *testing.T, font uint8, w1, w2, w3 string, size, tc, tw, tz, dx, dy, adj float64) {
		words := []string{letters(w1), letters(w2), letters(w3)}
		for _, w := range words {
			if w == "" {
				return
			}
		}
		nums := []float64{size, tc, tw, tz, dx, dy, adj}
		arg := make([]any, len(nums))
		for i, x := range nums {
			if math.IsNaN(x) || math.Abs(x) > 1e6 {
				return
			}
			arg[i] = strconv.FormatFloat(x, 'f', -1, 64)
		}
		str := func(w string) string { return "(" + w + ")" }
		if font%3 == 2 {
			str = func(w string) string {
				var b strings.Builder
				for _, c := range w {
					fmt.Fprintf(&b, "%04X", c)
				}
				return "<" + b.String() + ">"
			}
		}
		content := fmt.Sprintf("BT /F%d %s Tf %s Tc %s Tw %s Tz 72 700 Td %s Tj %s %s Td [%s %s %s] TJ ET",
			font%3+1, arg[0], arg[1], arg[2], arg[3], str(words[0]), arg[4], arg[5], str(words[1]), arg[6], str(words[2]))
		d := readOne(t, "hand.pdf", ingest.FormatPDF, rawPDF(content))
		if got, want := strings.Join(strings.Fields(d.Text), ""), strings.Join(words, ""); got != want {
			t.Fatalf("content %q: got %q, want %q", content, d.Text, want)
		}
	})
}

// letters keeps at most 20 ASCII letters of s.
func letters(s string) string {
	var b strings.Builder
	for _, c := range s {
		if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') && b.Len() < 20 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// producerCase is a folder of testdata/pdf: input.pdf, and source.html
// or want.txt with the text it holds.
type producerCase struct {
	name string
	pdf  []byte
	want []string // the words, case-folded
}

// producerCases reads testdata/pdf.
func producerCases(t *testing.T) []producerCase {
	t.Helper()
	entries, err := os.ReadDir("testdata/pdf")
	if err != nil {
		t.Fatal(err)
	}
	var cases []producerCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join("testdata/pdf", e.Name())
		data, err := os.ReadFile(filepath.Join(dir, "input.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		var want string
		if src, err := os.ReadFile(filepath.Join(dir, "source.html")); err == nil {
			want = htmlBodyText(string(src))
		} else if txt, err := os.ReadFile(filepath.Join(dir, "want.txt")); err == nil {
			want = string(txt)
		} else {
			t.Fatalf("%s: neither source.html nor want.txt", dir)
		}
		cases = append(cases, producerCase{e.Name(), data, strings.Fields(strings.ToLower(want))})
	}
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/pdf")
	}
	return cases
}

var (
	htmlHead      = regexp.MustCompile(`(?is)<head>.*</head>`)
	htmlBlockTag  = regexp.MustCompile(`(?i)</?(p|h[1-6]|li|ul|ol|div|table|tr|td|th|br)\b[^>]*>`)
	htmlOtherTags = regexp.MustCompile(`<[^>]*>`)
)

// htmlBodyText is the text of a fixture's HTML body: block tags are word
// breaks, inline tags (b, i, sup) are not.
func htmlBodyText(src string) string {
	src = htmlHead.ReplaceAllString(src, " ")
	src = htmlBlockTag.ReplaceAllString(src, " ")
	src = htmlOtherTags.ReplaceAllString(src, "")
	return html.UnescapeString(src)
}

// TestPDFProducers reads PDFs made by Chromium, groff and Ghostscript
// with the built-in reader and checks that it neither splits nor glues
// words: the words read are the source's, in order.
func TestPDFProducers(t *testing.T) {
	for _, tc := range producerCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			var docs []doc.Document
			errs := ingest.New(ingest.Options{PDFToText: "-"}).ReadBytes(tc.name+".pdf", ingest.FormatPDF, tc.pdf, func(d doc.Document) error {
				docs = append(docs, d)
				return nil
			})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("got %d documents and errors %v", len(docs), errs)
			}
			got := strings.Fields(strings.ToLower(docs[0].Text))
			if i := firstDiff(got, tc.want); i >= 0 {
				t.Errorf("word %d: got %q, want %q\ntext:\n%s", i, around(got, i), around(tc.want, i), docs[0].Text)
			}
		})
	}
}

// firstDiff returns the index of the first word where got and want
// differ, or -1.
func firstDiff(got, want []string) int {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return i
		}
	}
	if len(got) != len(want) {
		return min(len(got), len(want))
	}
	return -1
}

// around returns the words around index i.
func around(words []string, i int) string {
	return strings.Join(words[max(0, i-3):min(len(words), i+4)], " ")
}

// TestPDFKernedPairs checks the words with kerned pairs in Chromium's
// output, which writes a pair such as "To" as "T", a move by the advance
// less the kern, and "o": each must be read whole, as often as the
// source has it (a reader that takes such a move for a word gap reads
// "T okayev" and "Y et").
func TestPDFKernedPairs(t *testing.T) {
	var tc producerCase
	for _, c := range producerCases(t) {
		if c.name == "chromium-kerned-pairs" {
			tc = c
		}
	}
	if tc.pdf == nil {
		t.Fatal("no chromium-kerned-pairs case")
	}
	d := readOne(t, "kerned.pdf", ingest.FormatPDF, tc.pdf)
	count := func(words []string) map[string]int {
		n := map[string]int{}
		for _, w := range words {
			n[strings.Trim(w, ".,;:“”()")]++
		}
		return n
	}
	got, want := count(strings.Fields(strings.ToLower(d.Text))), count(tc.want)
	checked := 0
	for w, n := range want {
		if !regexp.MustCompile(`^(t[oaeywr]|v[aoei]|w[aeo]|y[eoav]|av|wa|la|py)`).MatchString(w) {
			continue
		}
		checked++
		if got[w] != n {
			t.Errorf("%q: got %d, want %d", w, got[w], n)
		}
	}
	if checked < 20 {
		t.Fatalf("only %d words with kerned pairs checked; the fixture lost them", checked)
	}
}

// TestPDFToTextFallback checks that PDFs the built-in reader cannot read
// are handed to poppler's pdftotext when it is installed, and that a scan
// is still refused.
func TestPDFToTextFallback(t *testing.T) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (Debian poppler-utils) is not installed; skipping")
	}
	good := rawPDF("BT /F1 11 Tf 72 700 Td (Minsk hosted the talks.) Tj ET")
	xref := bytes.Index(good, []byte("xref\n"))
	cases := []struct {
		name string
		data []byte
	}{
		{"bad-startxref", regexp.MustCompile(`startxref\n\d+`).ReplaceAll(good, []byte("startxref\n9"))},
		{"no-xref-table", append(append([]byte{}, good[:xref]...), "trailer\n<< /Size 6 /Root 1 0 R >>\n%%EOF\n"...)},
		{"zeroed-xref-entry", bytes.Replace(good, []byte("0000000009 00000 n"), []byte("0000000000 00000 n"), 1)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			without := ingest.New(ingest.Options{PDFToText: "-"})
			if errs := without.ReadBytes("x.pdf", "", tc.data, func(doc.Document) error { return nil }); len(errs) != 1 || !errors.Is(errs[0], ingest.ErrFormat) {
				t.Fatalf("built-in reader: got %v, want one ErrFormat (else this case tests nothing)", errs)
			}
			var docs []doc.Document
			errs := ingest.New(ingest.Options{PDFToText: tool}).ReadBytes("x.pdf", "", tc.data, func(d doc.Document) error {
				docs = append(docs, d)
				return nil
			})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("with pdftotext: got %d documents and %v", len(docs), errs)
			}
			if got, want := strings.TrimSpace(docs[0].Text), "Minsk hosted the talks."; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
	t.Run("scan-still-refused", func(t *testing.T) {
		_, errs := readBytes(t, "scan.pdf", "", scannedPDF(t))
		if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrNoTextLayer) {
			t.Fatalf("got %v, want one ErrNoTextLayer", errs)
		}
	})
	t.Run("broken-tool", func(t *testing.T) {
		r := ingest.New(ingest.Options{PDFToText: "/nonexistent/pdftotext"})
		errs := r.ReadBytes("x.pdf", "", cases[0].data, func(doc.Document) error { return nil })
		if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrFormat) || !strings.Contains(errs[0].Error(), "(pdftotext: ") {
			t.Fatalf("got %v, want ErrFormat naming the pdftotext failure", errs)
		}
	})
}
