package ingest_test

import (
	"bytes"
	"errors"
	"fmt"
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
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
// with Helvetica in WinAnsiEncoding as /F1.
func rawPDF(content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
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
