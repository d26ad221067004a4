package report

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// ChartLine is one series drawn on a [Chart]: a line through the points
// that have values, with an optional shaded band between Lo and Hi.
type ChartLine struct {
	Label  string
	Color  string // CSS colour; empty picks from the palette
	Points []ChartPoint
}

// ChartPoint is one value on a chart's time axis. X is a fractional year
// (2014.5 is mid-2014). Lo and Hi bound the uncertainty band; when both are
// zero no band is drawn. Title is shown on hover and focus.
type ChartPoint struct {
	X, Y, Lo, Hi float64
	Title        string
}

// Chart is a time-series line chart rendered as a self-contained SVG: it
// opens as a plain file in a browser and embeds in HTML. The y axis runs
// from YMin to YMax (default −1 to 1).
type Chart struct {
	Title string
	// Desc, when not empty, is written as the SVG's <desc>: a sentence for
	// screen readers saying what the chart shows. Empty writes none.
	Desc       string
	YLabel     string
	YMin, YMax float64
	// Marks are vertical dashed lines with a label (shifts).
	Marks  []ChartMark
	Lines  []ChartLine
	Width  int // default 720
	Height int // default 280
}

// ChartMark is a labelled vertical line at fractional year X.
type ChartMark struct {
	X     float64
	Label string
}

var palette = []string{"#c0392b", "#1f5fa8", "#2e8b57", "#8e44ad", "#d35400", "#555555"}

// WriteSVG renders c. A chart with no points is an error: callers say "no
// data" in words instead of drawing an empty frame.
func (c *Chart) WriteSVG(w io.Writer) error {
	W, H := c.Width, c.Height
	if W == 0 {
		W = 720
	}
	if H == 0 {
		H = 280
	}
	ymin, ymax := c.YMin, c.YMax
	if ymin == 0 && ymax == 0 {
		ymin, ymax = -1, 1
	}
	xmin, xmax := math.Inf(1), math.Inf(-1)
	n := 0
	for _, l := range c.Lines {
		for _, p := range l.Points {
			if math.IsNaN(p.Y) {
				continue
			}
			xmin, xmax = math.Min(xmin, p.X), math.Max(xmax, p.X)
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("chart %q: no data points", c.Title)
	}
	if xmax-xmin < 1 {
		xmin, xmax = xmin-0.5, xmax+0.5
	}
	const left, right, top, bottom = 48.0, 130.0, 28.0, 30.0
	pw, ph := float64(W)-left-right, float64(H)-top-bottom
	sx := func(x float64) float64 { return left + (x-xmin)/(xmax-xmin)*pw }
	sy := func(y float64) float64 {
		y = math.Max(ymin, math.Min(ymax, y))
		return top + (ymax-y)/(ymax-ymin)*ph
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" font-family="sans-serif" font-size="11" role="img" aria-label="%s">`+"\n", W, H, W, H, esc(c.Title))
	fmt.Fprintf(&b, `<title>%s</title>`+"\n", esc(c.Title))
	if c.Desc != "" {
		fmt.Fprintf(&b, `<desc>%s</desc>`+"\n", esc(c.Desc))
	}
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="#fff"/>`+"\n", W, H)
	fmt.Fprintf(&b, `<text x="%g" y="16" font-size="13" font-weight="bold">%s</text>`+"\n", left, esc(c.Title))
	// y grid
	for _, y := range yTicks(ymin, ymax) {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`, left, left+pw, sy(y), sy(y), gridColor(y))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="#444">%s</text>`+"\n", left-4, sy(y)+4, trimFloat(y))
	}
	if c.YLabel != "" {
		fmt.Fprintf(&b, `<text transform="translate(12 %.1f) rotate(-90)" text-anchor="middle" fill="#444">%s</text>`+"\n", top+ph/2, esc(c.YLabel))
	}
	// x ticks
	step := niceStep(xmax - xmin)
	for x := math.Ceil(xmin/step) * step; x <= xmax+1e-9; x += step {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#888"/>`, sx(x), sx(x), top+ph, top+ph+4)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#444">%d</text>`+"\n", sx(x), top+ph+16, int(math.Round(x)))
	}
	fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%.1f" height="%.1f" fill="none" stroke="#888"/>`+"\n", left, top, pw, ph)
	for _, m := range c.Marks {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%g" y2="%.1f" stroke="#333" stroke-dasharray="4 3"/>`, sx(m.X), sx(m.X), top, top+ph)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#333" font-size="10">%s</text>`+"\n", sx(m.X)+3, top+10, esc(m.Label))
	}
	for i, l := range c.Lines {
		col := l.Color
		if col == "" {
			col = palette[i%len(palette)]
		}
		// band
		var band []string
		var lower []string
		for _, p := range l.Points {
			if math.IsNaN(p.Y) || (p.Lo == 0 && p.Hi == 0) {
				continue
			}
			band = append(band, fmt.Sprintf("%.1f,%.1f", sx(p.X), sy(p.Hi)))
			lower = append([]string{fmt.Sprintf("%.1f,%.1f", sx(p.X), sy(p.Lo))}, lower...)
		}
		if len(band) > 1 {
			fmt.Fprintf(&b, `<polygon points="%s %s" fill="%s" fill-opacity="0.15" stroke="none"/>`+"\n", strings.Join(band, " "), strings.Join(lower, " "), col)
		}
		// line, broken at gaps (NaN)
		var seg []string
		flush := func() {
			if len(seg) > 1 {
				fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(seg, " "), col)
			}
			seg = seg[:0]
		}
		for _, p := range l.Points {
			if math.IsNaN(p.Y) {
				flush()
				continue
			}
			seg = append(seg, fmt.Sprintf("%.1f,%.1f", sx(p.X), sy(p.Y)))
		}
		flush()
		for _, p := range l.Points {
			if math.IsNaN(p.Y) {
				continue
			}
			title := p.Title
			if title == "" {
				title = fmt.Sprintf("%s %s: %.3f", l.Label, trimFloat(p.X), p.Y)
			}
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s" tabindex="0"><title>%s</title></circle>`+"\n", sx(p.X), sy(p.Y), col, esc(title))
		}
		ly := top + 12 + float64(i)*16
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="3"/>`, left+pw+10, left+pw+26, ly-4, ly-4, col)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">%s</text>`+"\n", left+pw+30, ly, esc(l.Label))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func gridColor(y float64) string {
	if y == 0 {
		return "#999"
	}
	return "#e5e5e5"
}

func yTicks(lo, hi float64) []float64 {
	step := niceStep(hi - lo)
	var out []float64
	for y := math.Ceil(lo/step) * step; y <= hi+1e-9; y += step {
		out = append(out, math.Round(y*1e6)/1e6)
	}
	return out
}

// niceStep picks a tick step of 1, 2 or 5 × 10^k giving 4–10 ticks.
func niceStep(span float64) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / 6
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func esc(s string) string { return html.EscapeString(s) }
