package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os/exec"
	"sort"
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
// pdftotext does), apart from line-end normalisation, the removal of
// NUL and replacement characters the font maps could not decode, and the
// removal of running headers and footers (see [dropRunningLines]); the
// footnotes at the foot of each page are moved to the end, after a page
// break (see [moveFootnotes]).
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
	d.Text = moveFootnotes(dropRunningLines(d.Text))
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
// follows the library's GetPlainText (strings of Tj, TJ, ' and " decoded
// with the current font, a line break at each text object and T*), but
// decodes fonts through fontEncoders and decides the breaks between
// strings itself (see [pageScanner]).
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

// wordGap is the smallest distance, in ems of the font size, between
// where one glyph ends and the next starts on the same line that counts
// as a word space. Kerning and tracking move glyphs by less than a tenth
// of an em (Helvetica's widest kern, "AV", is 0.071 em; Chromium writes
// each kerned pair as a Td move of the advance less the kern), while the
// narrowest word space is about a fifth of an em (Times' space is 0.25 em,
// and justification shrinks it by at most a fifth; TeX's Computer Modern
// space is 0.333 em less at most 0.111).
const wordGap = 0.15

// sep is a break owed before the next string shown.
type sep int

const (
	sepNone    sep = iota
	sepSpace       // a word space
	sepLine        // a line break, unless the text ends in one
	sepNewText     // a line break even after one: a new text object
)

// textState is the part of the graphics state that places glyphs: the
// font and the text state parameters (PDF 32000-1:2008, 9.3).
type textState struct {
	font      string
	enc       pdf.TextEncoding // nil: the raw bytes are the text
	metrics   *fontMetrics     // nil: glyph widths unknown
	size      float64          // Tf
	charSpace float64          // Tc
	wordSpace float64          // Tw
	hscale    float64          // Tz / 100
	leading   float64          // TL
}

// pageScanner turns one page's content stream into text.
//
// Where the fonts give glyph widths, it follows the text position in
// device space and decides each break from where the last glyph shown
// ended and where the next string starts: on another line it is a line
// break, along the line a word space if the gap is wider than [wordGap]
// ems, else nothing (kerning, or a new text object continuing the line).
// Producers such as Chromium (Skia) write space glyphs and position
// kerned pairs with Td, so a move along the line is no word gap there.
//
// Where a width is unknown, it keeps the rules that need none: a move to
// another line (Td, TD, Tm, T*, ', ") or a new text object is a line
// break, a move along the line a word space, and so is a TJ shift of more
// than a quarter em (typesetters such as TeX write no space characters).
type pageScanner struct {
	b      *bytes.Buffer
	fonts  map[string]pdf.TextEncoding
	widths map[string]*fontMetrics
	page   pdf.Page

	ctm   affine
	ts    textState
	stack []graphicsState // q … Q
	tm    affine          // text matrix
	tlm   affine          // text line matrix
	y     float64         // the line's vertical position as Td, TD and Tm say, for the rules without widths
	owed  sep             // the break the rules without widths ask for

	// The device-space point where the last glyph shown ended and the
	// font size there, when its font's widths were known (ended).
	endX, endY, endSize float64
	ended               bool
	endGlyphs           int // glyphs in the last string shown

	// Gaps between strings on the line being written, decided when the
	// line ends (see flushLine).
	marks []gapMark
}

// gapMark is a gap between two strings on one line: at byte off of the
// text, gap ems wide; single when the strings on both sides are one
// glyph each (as a producer that tracks or hints text writes them).
type gapMark struct {
	off    int
	gap    float64
	single bool
}

// graphicsState is what q saves and Q restores.
type graphicsState struct {
	ctm affine
	ts  textState
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
	s := &pageScanner{
		b:      b,
		fonts:  fontEncoders(p),
		widths: map[string]*fontMetrics{},
		page:   p,
		ctm:    identity,
		ts:     textState{hscale: 1},
		tm:     identity,
		tlm:    identity,
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		s.op(op, args)
	})
	s.flushLine()
	return nil
}

// op interprets one operator.
func (s *pageScanner) op(op string, args []pdf.Value) {
	num := func(i int) float64 { return args[i].Float64() }
	switch op {
	case "q":
		if len(s.stack) < 1024 {
			s.stack = append(s.stack, graphicsState{s.ctm, s.ts})
		}
	case "Q":
		if n := len(s.stack); n > 0 {
			s.ctm, s.ts = s.stack[n-1].ctm, s.stack[n-1].ts
			s.stack = s.stack[:n-1]
		}
	case "cm":
		if m, ok := affineArgs(args); ok {
			s.ctm = m.times(s.ctm)
		}
	case "BT":
		s.tm, s.tlm = identity, identity
		s.y = 0
		s.owe(sepNewText)
	case "Tf":
		s.ts.font, s.ts.enc, s.ts.metrics = "", nil, nil
		if len(args) == 2 {
			s.ts.font = args[0].Name()
			s.ts.enc = s.fonts[s.ts.font]
			s.ts.metrics = s.metrics(s.ts.font)
			s.ts.size = num(1)
		}
	case "Tc":
		if len(args) == 1 {
			s.ts.charSpace = num(0)
		}
	case "Tw":
		if len(args) == 1 {
			s.ts.wordSpace = num(0)
		}
	case "Tz":
		if len(args) == 1 {
			s.ts.hscale = num(0) / 100
		}
	case "TL":
		if len(args) == 1 {
			s.ts.leading = num(0)
		}
	case "T*":
		s.nextLine()
		s.owe(sepLine)
	case "Td", "TD":
		if len(args) != 2 {
			return
		}
		dx, dy := num(0), num(1)
		if op == "TD" {
			s.ts.leading = -dy
		}
		s.tlm = translation(dx, dy).times(s.tlm)
		s.tm = s.tlm
		// Without widths, a move to another line is a line break and a
		// move along the line a word gap.
		switch {
		case dy != 0:
			s.y += dy
			s.owe(sepLine)
		case dx != 0:
			s.owe(sepSpace)
		}
	case "Tm":
		m, ok := affineArgs(args)
		if !ok {
			return
		}
		s.tm, s.tlm = m, m
		if m[5] != s.y {
			s.y = m[5]
			s.owe(sepLine)
		} else {
			s.owe(sepSpace)
		}
	case "Tj", "'", "\"":
		if len(args) == 0 {
			return
		}
		if op == "\"" && len(args) == 3 {
			s.ts.wordSpace, s.ts.charSpace = num(0), num(1)
		}
		if op != "Tj" {
			s.nextLine()
			s.owe(sepLine)
		}
		s.show(args[len(args)-1].RawString())
	case "TJ":
		if len(args) == 0 {
			return
		}
		v := args[0]
		for i := 0; i < v.Len(); i++ {
			switch x := v.Index(i); x.Kind() {
			case pdf.String:
				s.show(x.RawString())
			case pdf.Integer, pdf.Real:
				adj := x.Float64()
				s.tm = translation(-adj/1000*s.ts.size*s.ts.hscale, 0).times(s.tm)
				if adj < -250 {
					s.owe(sepSpace)
				}
			}
		}
	}
}

// metrics returns the widths of the page's font name, or nil.
func (s *pageScanner) metrics(name string) *fontMetrics {
	m, ok := s.widths[name]
	if !ok {
		m = newFontMetrics(s.page.Font(name))
		s.widths[name] = m
	}
	return m
}

// nextLine moves to the start of the next line (T*).
func (s *pageScanner) nextLine() {
	s.tlm = translation(0, -s.ts.leading).times(s.tlm)
	s.tm = s.tlm
}

// owe records a break the rules without widths ask for; the strongest
// owed break wins.
func (s *pageScanner) owe(k sep) {
	s.owed = max(s.owed, k)
}

// show writes the break owed before raw, then raw decoded, and moves the
// text position past it.
func (s *pageScanner) show(raw string) {
	if raw == "" {
		return
	}
	trm := s.tm.times(s.ctm)
	size := s.ts.size * math.Hypot(trm[2], trm[3])
	m := s.ts.metrics
	glyphs := 0
	if m != nil {
		glyphs = len(raw) / m.codeLen
	}
	k := s.owed
	s.owed = sepNone
	if s.ended {
		if gap, ok := s.gapTo(trm, size); ok {
			k = sepLine
			if !math.IsNaN(gap) {
				k = sepNone
				s.marks = append(s.marks, gapMark{off: s.b.Len(), gap: gap, single: glyphs == 1 && s.endGlyphs == 1})
			}
		}
	}
	s.write(k)
	s.ended = false
	if m == nil || !(size > 0) {
		s.writeText(raw)
		return
	}
	// Character spacing wide enough to be a word gap in a string without
	// spaces, or spacing that narrows space characters into mere
	// positioning (Ghostscript writes both), needs a decision between
	// glyphs; other strings are decoded whole. (Wide spacing in a string
	// with spaces is tracking, as in a letter-spaced heading.)
	em := math.Abs(s.ts.size)
	perGlyph := s.ts.charSpace*s.ts.hscale > wordGap*em && !strings.Contains(s.decode(raw), " ") ||
		s.ts.charSpace+s.ts.wordSpace < 0
	// Each glyph advances by its width times the font size, plus the
	// character spacing, plus the word spacing after a single-byte code
	// 32, all times the horizontal scaling (PDF 32000-1:2008, 9.4.4).
	pen, trail := 0.0, 0.0 // the advance so far, and the spacing after the last glyph's width
	for i := 0; i+m.codeLen <= len(raw); i += m.codeLen {
		code := int(raw[i])
		if m.codeLen == 2 {
			code = code<<8 | int(raw[i+1])
		}
		w := m.width(code) * m.scale * s.ts.size * s.ts.hscale
		spacing := s.ts.charSpace
		if m.codeLen == 1 && code == ' ' {
			spacing += s.ts.wordSpace
		}
		spacing *= s.ts.hscale
		if perGlyph {
			t := s.decode(raw[i : i+m.codeLen])
			switch {
			case t == " " && spacing < 0 && w+spacing < wordGap*em:
				// Not a word space: a move of less than one.
				trail += w + spacing
			default:
				if i > 0 && trail > wordGap*em {
					s.write(sepSpace)
				}
				s.b.WriteString(t)
				trail = spacing
			}
		} else {
			trail = spacing
		}
		pen += w + spacing
	}
	if !perGlyph {
		s.writeText(raw)
	}
	s.tm = translation(pen, 0).times(s.tm)
	end := translation(-trail, 0).times(s.tm).times(s.ctm)
	s.endX, s.endY, s.endSize = end[4], end[5], size
	s.ended = !math.IsNaN(s.endX+s.endY) && !math.IsInf(s.endX+s.endY, 0)
	s.endGlyphs = glyphs
}

// writeText writes raw decoded with the current font.
func (s *pageScanner) writeText(raw string) {
	s.b.WriteString(s.decode(raw))
}

// decode decodes raw with the current font; without an encoding the raw
// bytes are the text.
func (s *pageScanner) decode(raw string) string {
	if s.ts.enc == nil {
		return raw
	}
	return s.ts.enc.Decode(raw)
}

// gapTo measures the gap between the end of the last glyph shown and
// text starting at trm (the text rendering matrix, without font size)
// with the given font size in device space: the gap in ems when the text
// continues the line, NaN when it starts another line (or goes back along
// this one: another column or cell). ok is false when the geometry says
// nothing (a degenerate matrix).
func (s *pageScanner) gapTo(trm affine, size float64) (gap float64, ok bool) {
	ux, uy := trm[0], trm[1] // the line's direction
	n := math.Hypot(ux, uy)
	em := (size + s.endSize) / 2
	if n == 0 || !(em > 0) || math.IsInf(em, 0) {
		return 0, false
	}
	ux, uy = ux/n, uy/n
	dx, dy := trm[4]-s.endX, trm[5]-s.endY
	along := dx*ux + dy*uy
	across := dy*ux - dx*uy
	switch {
	case math.IsNaN(along + across):
		return 0, false
	case math.Abs(across) > em/2, along < -em:
		return math.NaN(), true
	}
	return along / em, true
}

// maxTracking is the widest letter spacing, in ems, that flushLine
// takes for tracking; wider gaps between single glyphs are cells of a
// table row ("Y N A Y") or spaced-out words.
const maxTracking = 0.6

// flushLine decides the gaps marked on the line being written: a gap is
// a word space when it is wider than [wordGap] ems plus the line's
// tracking. The tracking is the median gap between single glyphs, of
// those narrower than [maxTracking], when the line has at least three
// (a letter-spaced heading from Chromium places every glyph apart and
// writes its word spaces as glyphs), else zero.
func (s *pageScanner) flushLine() {
	if len(s.marks) == 0 {
		return
	}
	var singles []float64
	for _, m := range s.marks {
		if m.single && m.gap < maxTracking {
			singles = append(singles, m.gap)
		}
	}
	limit := wordGap
	if len(singles) >= 3 {
		sort.Float64s(singles)
		limit += max(0, singles[len(singles)/2])
	}
	from := s.marks[0].off
	tail := append([]byte(nil), s.b.Bytes()[from:]...)
	s.b.Truncate(from)
	for i, m := range s.marks {
		end := len(tail)
		if i+1 < len(s.marks) {
			end = s.marks[i+1].off - from
		}
		seg := tail[m.off-from : end]
		if m.gap > limit && len(seg) > 0 && !isBlank(seg[0]) {
			if n := s.b.Len(); n > 0 && !isBlank(s.b.Bytes()[n-1]) {
				s.b.WriteByte(' ')
			}
		}
		s.b.Write(seg)
	}
	s.marks = s.marks[:0]
}

// isBlank reports whether c is white space the text layer uses.
func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f'
}

// write writes break k, without doubling white space: a word space is
// not written after white space, nor a line break after one.
func (s *pageScanner) write(k sep) {
	if k == sepNone {
		return
	}
	if k != sepSpace {
		s.flushLine()
	}
	if k == sepNewText {
		s.b.WriteByte('\n')
		return
	}
	n := s.b.Len()
	if n == 0 {
		return
	}
	switch s.b.Bytes()[n-1] {
	case '\n', '\f':
		return
	case ' ', '\t':
		if k == sepSpace {
			return
		}
	}
	if k == sepSpace {
		s.b.WriteByte(' ')
	} else {
		s.b.WriteByte('\n')
	}
}

// pdfText makes extracted PDF text valid document text: invalid UTF-8
// bytes, NULs and U+FFFD (glyphs the font's map could not decode) are
// dropped, other control characters except tab, newline and form feed
// become spaces, Latin ligatures (U+FB00–FB06, which fonts map their
// "fi" and "ffl" glyphs to) become their letters, as pdftotext does, so
// that "ﬁrst" is "first", and line ends become "\n". It also returns how
// many characters were dropped.
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
		case c >= 0xFB00 && c <= 0xFB06:
			b.WriteString(latinLigatures[c-0xFB00])
		default:
			b.WriteRune(c)
		}
	}
	return b.String(), dropped
}

// latinLigatures spells out U+FB00…U+FB06.
var latinLigatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}
