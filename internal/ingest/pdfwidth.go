package ingest

import (
	"math"
	"sort"

	"github.com/ledongthuc/pdf"
)

// This file gives the built-in PDF reader what it needs to tell a word
// gap from kerning: the advance widths of a font's glyphs, so that the
// place where shown text ended can be compared with the place where the
// next text starts (PDF 32000-1:2008, 9.4.4 and 9.7.4.3).

// maxWidthRanges bounds the entries read from a CID font's W array.
const maxWidthRanges = 1 << 16

// fontMetrics holds a font's glyph widths in glyph space units, as its
// Widths (simple fonts) or W and DW (Type0 fonts with Identity-H) say.
type fontMetrics struct {
	codeLen int       // bytes per character code: 1, or 2 for Identity-H
	scale   float64   // glyph space to text space: 1/1000, or FontMatrix[0] for Type3
	first   int       // simple fonts: the code of widths[0]
	widths  []float64 // simple fonts
	missing float64   // simple fonts: the width of a code outside widths
	cids    []cidWidths
	dw      float64 // CID fonts: the width of a CID outside cids
}

// cidWidths gives the widths of the CIDs lo…hi: ws[cid-lo], or w for all.
type cidWidths struct {
	lo, hi int
	w      float64
	ws     []float64
}

// newFontMetrics reads a font's widths. It returns nil when they are not
// known: a font without a Widths array or whose widths are all zero (the
// standard 14 fonts of old producers, broken fonts), a Type0 font with an
// encoding other than Identity-H, or vertical writing.
func newFontMetrics(f pdf.Font) *fontMetrics {
	v := f.V
	if v.Key("Subtype").Name() == "Type0" {
		enc := v.Key("Encoding")
		if enc.Kind() != pdf.Name || enc.Name() != "Identity-H" {
			return nil
		}
		d := v.Key("DescendantFonts").Index(0)
		if d.Kind() != pdf.Dict {
			return nil
		}
		m := &fontMetrics{codeLen: 2, scale: 1.0 / 1000, dw: 1000}
		if dw := d.Key("DW"); isNumber(dw) {
			m.dw = dw.Float64()
		}
		m.cids = readCIDWidths(d.Key("W"))
		return m
	}
	w := v.Key("Widths")
	if w.Kind() != pdf.Array || w.Len() == 0 {
		return nil
	}
	m := &fontMetrics{codeLen: 1, scale: 1.0 / 1000, first: int(v.Key("FirstChar").Int64())}
	m.widths = make([]float64, min(w.Len(), 256))
	nonzero := false
	for i := range m.widths {
		m.widths[i] = w.Index(i).Float64()
		nonzero = nonzero || m.widths[i] != 0
	}
	if !nonzero {
		return nil
	}
	m.missing = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if v.Key("Subtype").Name() == "Type3" {
		fm := v.Key("FontMatrix")
		if fm.Len() != 6 || fm.Index(0).Float64() == 0 {
			return nil
		}
		m.scale = math.Abs(fm.Index(0).Float64())
	}
	return m
}

// isNumber reports whether v is an integer or a real.
func isNumber(v pdf.Value) bool {
	return v.Kind() == pdf.Integer || v.Kind() == pdf.Real
}

// readCIDWidths reads a W array, "c [w1 w2 …]" and "cfirst clast w"
// entries, sorted by first CID. It stops at the first malformed entry.
func readCIDWidths(w pdf.Value) []cidWidths {
	var out []cidWidths
	for i := 0; i < w.Len() && len(out) < maxWidthRanges; {
		lo := w.Index(i)
		if lo.Kind() != pdf.Integer {
			break
		}
		next := w.Index(i + 1)
		switch {
		case next.Kind() == pdf.Array:
			ws := make([]float64, next.Len())
			for j := range ws {
				ws[j] = next.Index(j).Float64()
			}
			if len(ws) > 0 {
				out = append(out, cidWidths{lo: int(lo.Int64()), hi: int(lo.Int64()) + len(ws) - 1, ws: ws})
			}
			i += 2
		case next.Kind() == pdf.Integer && isNumber(w.Index(i+2)):
			if next.Int64() >= lo.Int64() {
				out = append(out, cidWidths{lo: int(lo.Int64()), hi: int(next.Int64()), w: w.Index(i + 2).Float64()})
			}
			i += 3
		default:
			i = w.Len()
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	return out
}

// width returns the width of one character code in glyph space units.
func (m *fontMetrics) width(code int) float64 {
	if m.codeLen == 1 {
		if i := code - m.first; i >= 0 && i < len(m.widths) {
			return m.widths[i]
		}
		return m.missing
	}
	// The last range starting at or before code.
	i := sort.Search(len(m.cids), func(i int) bool { return m.cids[i].lo > code }) - 1
	for ; i >= 0; i-- {
		r := m.cids[i]
		if code > r.hi {
			continue
		}
		if r.ws != nil {
			return r.ws[code-r.lo]
		}
		return r.w
	}
	return m.dw
}

// affine is a PDF transformation matrix [a b c d e f], mapping (x, y) to
// (a·x + c·y + e, b·x + d·y + f).
type affine [6]float64

// identity is the identity matrix.
var identity = affine{1, 0, 0, 1, 0, 0}

// translation returns the matrix that moves by (tx, ty).
func translation(tx, ty float64) affine {
	return affine{1, 0, 0, 1, tx, ty}
}

// times returns m × n: the transformation m followed by n.
func (m affine) times(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// affineArgs reads six numbers as a matrix; ok is false unless there are
// six finite numbers.
func affineArgs(args []pdf.Value) (m affine, ok bool) {
	if len(args) != 6 {
		return m, false
	}
	for i, a := range args {
		if !isNumber(a) {
			return m, false
		}
		m[i] = a.Float64()
		if math.IsNaN(m[i]) || math.IsInf(m[i], 0) {
			return m, false
		}
	}
	return m, true
}
