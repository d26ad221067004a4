package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// parsePDF reads a PDF's text layer. The title and date come from the info
// dictionary (Title, CreationDate "D:20190305…", else ModDate). A PDF
// without text (a scan), or whose text is mostly glyphs its fonts cannot
// map to characters, is [ErrNoTextLayer]; an encrypted or malformed one is
// [ErrFormat]. When the built-in reader fails or finds no usable text and
// poppler's pdftotext is available (see [Options.PDFToText]), its text is
// used instead.
//
// The extracted text is kept as extracted (line breaks inside sentences,
// hyphenation and all), pages separated by a form feed ("\f", as
// pdftotext does), apart from line-end normalisation and the removal of
// NUL and replacement characters the font maps could not decode.
func (r *Reader) parsePDF(source string, data []byte) (doc.Document, error) {
	if !hasPDFHeader(data) {
		return doc.Document{}, newError(source, fmt.Errorf("%w: no %%PDF header", ErrFormat))
	}
	d, err := readPDF(data)
	if err != nil && r.pdftotext != "" {
		if text, perr := r.runPDFToText(data); perr == nil && !blank(text) {
			d.Text, err = text, nil
		} else if perr != nil {
			err = fmt.Errorf("%w (pdftotext: %w)", err, perr)
		}
	}
	if err != nil {
		return doc.Document{}, newError(source, err)
	}
	r.finish(&d, source, FormatPDF)
	return d, nil
}

// readPDF extracts text and metadata with the built-in reader. On an
// error the returned document still holds any metadata that was read.
func readPDF(data []byte) (d doc.Document, err error) {
	defer func() {
		// The PDF library panics on some malformed files.
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: pdf: %v", ErrFormat, p)
		}
	}()
	pr, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return d, fmt.Errorf("%w: pdf: %w", ErrFormat, err)
	}
	info := pr.Trailer().Key("Info")
	d.Title = collapseSpace(strings.ToValidUTF8(info.Key("Title").Text(), ""))
	for _, key := range []string{"CreationDate", "ModDate"} {
		if t, prec, err := ParseDate(info.Key(key).Text()); err == nil {
			d.Date, d.DatePrecision = t, prec
			break
		}
	}
	if pr.NumPage() == 0 {
		return d, fmt.Errorf("%w: pdf has no pages", ErrFormat)
	}
	raw, err := pdfPages(pr)
	if err != nil {
		return d, fmt.Errorf("%w: pdf text: %w", ErrFormat, err)
	}
	text, dropped := pdfText(raw)
	if blank(text) {
		return d, fmt.Errorf("%w (%d pages)", ErrNoTextLayer, pr.NumPage())
	}
	if kept := utf8.RuneCountInString(text); dropped > kept {
		// Fonts without a usable character map: what is left is noise.
		return d, fmt.Errorf("%w (%d of %d glyphs cannot be decoded)", ErrNoTextLayer, dropped, dropped+kept)
	}
	d.Text = text
	return d, nil
}

// runPDFToText extracts a PDF's text with poppler's pdftotext, bounded by
// the reader's timeout and size limit.
func (r *Reader) runPDFToText(data []byte) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.pdftotext, "-q", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	var out, stderr bytes.Buffer
	cmd.Stdout = &capWriter{w: &out, n: r.maxBytes}
	cmd.Stderr = &capWriter{w: &stderr, n: 4 << 10}
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("%w: %s", err, msg)
		}
		return "", err
	}
	text, dropped := pdfText(bytes.TrimRight(out.Bytes(), "\f"))
	if kept := utf8.RuneCountInString(text); dropped > kept {
		return "", fmt.Errorf("%d of %d glyphs cannot be decoded", dropped, dropped+kept)
	}
	return text, nil
}

// capWriter writes at most n bytes to w and then fails, so that a runaway
// child process cannot fill memory.
type capWriter struct {
	w io.Writer
	n int64
}

// Write implements [io.Writer].
func (c *capWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > c.n {
		return 0, fmt.Errorf("output %w", ErrTooLarge)
	}
	c.n -= int64(len(p))
	return c.w.Write(p)
}

// pdfPages extracts the text of every page, pages separated by "\f". It
// follows the library's GetPlainText (a line break at each text object
// and T*, strings of Tj, TJ, ' and " decoded with the current font), but
// decodes fonts through fontEncoders and, where the library glues words,
// breaks the line at a move to another line (Td, TD, Tm, ', ") and puts a
// space at a move along the line or a wide TJ gap.
func pdfPages(pr *pdf.Reader) ([]byte, error) {
	var b bytes.Buffer
	for i := 1; i <= pr.NumPage(); i++ {
		if i > 1 {
			b.WriteByte('\f')
		}
		if err := pageText(&b, pr.Page(i)); err != nil {
			return nil, fmt.Errorf("page %d: %w", i, err)
		}
	}
	return b.Bytes(), nil
}

// pageText appends one page's text to b.
func pageText(b *bytes.Buffer, p pdf.Page) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return nil
	}
	encs := fontEncoders(p)
	var enc pdf.TextEncoding
	show := func(raw string) {
		if enc == nil {
			b.WriteString(raw)
			return
		}
		b.WriteString(enc.Decode(raw))
	}
	// gap writes sep ("\n" or " ") unless the text already ends in white
	// space, so that line moves and word gaps never glue words together.
	gap := func(sep byte) {
		if n := b.Len(); n > 0 {
			switch b.Bytes()[n-1] {
			case '\n', '\f':
				return
			case ' ', '\t':
				if sep == ' ' {
					return
				}
			}
			b.WriteByte(sep)
		}
	}
	y := 0.0 // the text line's vertical position, as far as Td, TD and Tm say
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "BT":
			b.WriteByte('\n')
			y = 0
		case "T*":
			show("\n")
		case "Td", "TD":
			// A move to another line is a line break; a move along the
			// line is a word gap.
			if len(args) == 2 {
				switch dy := args[1].Float64(); {
				case dy != 0:
					y += dy
					gap('\n')
				case args[0].Float64() != 0:
					gap(' ')
				}
			}
		case "Tm":
			if len(args) == 6 {
				if ny := args[5].Float64(); ny != y {
					y = ny
					gap('\n')
				} else {
					gap(' ')
				}
			}
		case "Tf":
			enc = nil
			if len(args) == 2 {
				enc = encs[args[0].Name()]
			}
		case "Tj", "'", "\"":
			if op != "Tj" {
				gap('\n')
			}
			if len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) > 0 {
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					switch x := v.Index(i); x.Kind() {
					case pdf.String:
						show(x.RawString())
					case pdf.Integer, pdf.Real:
						// A shift of more than a quarter em to the
						// right is a word space (typesetters such as
						// TeX write no space characters).
						if x.Float64() < -250 {
							gap(' ')
						}
					}
				}
			}
		}
	})
	return nil
}

// pdfText makes extracted PDF text valid document text: invalid UTF-8
// bytes, NULs and U+FFFD (glyphs the font's map could not decode) are
// dropped, other control characters except tab, newline and form feed
// become spaces, and line ends become "\n". It also returns how many
// characters were dropped.
func pdfText(raw []byte) (string, int) {
	var b strings.Builder
	b.Grow(len(raw))
	dropped := 0
	for i := 0; i < len(raw); {
		c, size := utf8.DecodeRune(raw[i:])
		i += size
		switch {
		case c == utf8.RuneError, c == 0:
			dropped++
			continue
		case c == '\r':
			if i < len(raw) && raw[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case c == '\n', c == '\t', c == '\f':
			b.WriteRune(c)
		case unicode.IsControl(c):
			b.WriteByte(' ')
		default:
			b.WriteRune(c)
		}
	}
	return b.String(), dropped
}
