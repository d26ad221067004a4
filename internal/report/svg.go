package report

import (
	"cmp"
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ChartLine is one series drawn on a [Chart]: a line through runs of
// consecutive points that have values, broken at gaps, with its interval
// as a shaded band.
type ChartLine struct {
	Label  string
	Color  string // CSS colour; empty picks from the palette
	Points []ChartPoint
}

// ChartPoint is one value on a chart's time axis. X is a fractional year
// (2014.5 is mid-2014); a NaN Y is a gap, which breaks the line and the
// band. Lo and Hi bound the uncertainty band; when both are zero no band is
// drawn. A point with a band but no neighbour with a value on either side
// gets its interval as a whisker. Thin points are drawn hollow, without a
// band and unconnected to their neighbours. Title is shown on hover and
// focus.
type ChartPoint struct {
	X, Y, Lo, Hi float64
	Thin         bool
	Title        string
}

// Chart is a time-series line chart rendered as a self-contained SVG: it
// opens as a plain file in a browser and embeds in HTML. The y axis runs
// from YMin to YMax (default −1 to 1).
type Chart struct {
	Title string
	// Desc, when not empty, is written as the SVG's <desc>: a sentence for
	// screen readers saying what the chart shows. Empty writes none.
	Desc   string
	YLabel string
	// XLabel names the x axis; empty writes none.
	XLabel     string
	YMin, YMax float64
	// Marks are vertical dashed lines (shifts), numbered above the plot in
	// order of X and listed with their labels below it, so that labels
	// never overlap however many there are and however close.
	Marks []ChartMark
	Lines []ChartLine
	// Notes are lines of small text below the chart (what the band is,
	// what a hollow point means); long lines are wrapped.
	Notes  []string
	Width  int // default 720
	Height int // default 280: the plot and its axes; marks and notes add to it
}

// ChartMark is a labelled vertical line at fractional year X.
type ChartMark struct {
	X     float64
	Label string
}

var palette = []string{"#c0392b", "#1f5fa8", "#2e8b57", "#8e44ad", "#d35400", "#555555"}

// markLabel is a group of marks at one x, numbered n..n+len(marks)−1,
// placed on a row of the strip above the plot.
type markLabel struct {
	x    float64 // data units
	text string  // "3" or "3,4"
	row  int
}

// layoutMarks groups marks at the same x, numbers them in order of x and
// gives each group's label the first row of the strip where it does not
// overlap a label already placed (labels are charW px a character wide,
// centred on their x). It returns the labels, the marks in numbered order
// and the number of rows used.
func layoutMarks(marks []ChartMark, px func(float64) float64, charW float64) ([]markLabel, []ChartMark, int) {
	sorted := slices.Clone(marks)
	slices.SortStableFunc(sorted, func(a, b ChartMark) int { return cmp.Compare(a.X, b.X) })
	var labels []markLabel
	for i, m := range sorted {
		if n := len(labels); n > 0 && math.Abs(labels[n-1].x-m.X) < 1e-9 {
			labels[n-1].text += "," + strconv.Itoa(i+1)
			continue
		}
		labels = append(labels, markLabel{x: m.X, text: strconv.Itoa(i + 1)})
	}
	var rowEnd []float64 // right edge of the last label on each row
	for i := range labels {
		w := charW*float64(len(labels[i].text)) + 4
		l := px(labels[i].x) - w/2
		r := 0
		for r < len(rowEnd) && l < rowEnd[r]+2 {
			r++
		}
		if r == len(rowEnd) {
			rowEnd = append(rowEnd, 0)
		}
		rowEnd[r] = l + w
		labels[i].row = r
	}
	return labels, sorted, len(rowEnd)
}

// wrap breaks s into lines of at most width characters at spaces.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

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
	// Half a year of room on either side, so that the first and last
	// points (and a lone year) sit inside the frame.
	xmin, xmax = xmin-0.5, xmax+0.5
	const left, right, bottom = 48.0, 130.0, 30.0
	const markRow, lineH, charW = 12.0, 13.0, 6.0
	pw := float64(W) - left - right
	sx := func(x float64) float64 { return left + (x-xmin)/(xmax-xmin)*pw }
	labels, marks, rows := layoutMarks(c.Marks, sx, charW)
	top := 28.0 + markRow*float64(rows)
	ph := float64(H) - 28 - bottom
	xAxis := 0.0
	if c.XLabel != "" {
		xAxis = lineH
	}
	var below []string
	for i, m := range marks {
		below = append(below, fmt.Sprintf("%d. %s", i+1, m.Label))
	}
	var notes []string
	for _, nt := range c.Notes {
		notes = append(notes, wrap(nt, int((float64(W)-left-8)/5.4))...)
	}
	totalH := top + ph + bottom + xAxis + lineH*float64(len(below)+len(notes))
	if len(below)+len(notes) > 0 {
		totalH += 6 + 5 // a gap above, room for descenders below
	}
	sy := func(y float64) float64 {
		y = math.Max(ymin, math.Min(ymax, y))
		return top + (ymax-y)/(ymax-ymin)*ph
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %.0f" width="%d" height="%.0f" font-family="sans-serif" font-size="11" role="img" aria-label="%s">`+"\n", W, totalH, W, totalH, esc(c.Title))
	fmt.Fprintf(&b, `<title>%s</title>`+"\n", esc(c.Title))
	if c.Desc != "" {
		fmt.Fprintf(&b, `<desc>%s</desc>`+"\n", esc(c.Desc))
	}
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%.0f" fill="#fff"/>`+"\n", W, totalH)
	fmt.Fprintf(&b, `<text x="%g" y="16" font-size="13" font-weight="bold">%s</text>`+"\n", left, esc(c.Title))
	// y grid
	for _, y := range yTicks(ymin, ymax) {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`, left, left+pw, sy(y), sy(y), gridColor(y))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="#444">%s</text>`+"\n", left-4, sy(y)+4, trimFloat(y))
	}
	if c.YLabel != "" {
		fmt.Fprintf(&b, `<text transform="translate(12 %.1f) rotate(-90)" text-anchor="middle" fill="#444">%s</text>`+"\n", top+ph/2, esc(c.YLabel))
	}
	// x ticks: whole years (labels are years), a small tick every year
	// when labels are further apart
	step := math.Max(1, niceStep(xmax-xmin))
	if step > 1 && xmax-xmin <= 100 {
		for x := math.Ceil(xmin); x <= xmax; x++ {
			fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#bbb"/>`, sx(x), sx(x), top+ph, top+ph+2)
		}
		b.WriteString("\n")
	}
	for x := math.Ceil(xmin/step) * step; x <= xmax+1e-9; x += step {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#888"/>`, sx(x), sx(x), top+ph, top+ph+4)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#444">%d</text>`+"\n", sx(x), top+ph+16, int(math.Round(x)))
	}
	if c.XLabel != "" {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#444">%s</text>`+"\n", left+pw/2, top+ph+29, esc(c.XLabel))
	}
	fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%.1f" height="%.1f" fill="none" stroke="#888"/>`+"\n", left, top, pw, ph)
	for _, m := range marks {
		x := sx(math.Max(xmin, math.Min(xmax, m.X)))
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%g" y2="%.1f" stroke="#333" stroke-dasharray="4 3"/>`+"\n", x, x, top, top+ph)
	}
	for _, l := range labels {
		x := sx(math.Max(xmin, math.Min(xmax, l.x)))
		y := 28 + markRow*float64(l.row) + 9
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#333" font-size="10" font-weight="bold">%s</text>`+"\n", x, y, esc(l.text))
		if y+3 < top {
			fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#bbb" stroke-dasharray="1 2"/>`+"\n", x, x, y+3, top)
		}
	}
	hasBand, hasThin := false, false
	for i, l := range c.Lines {
		col := l.Color
		if col == "" {
			col = palette[i%len(palette)]
		}
		// Runs of consecutive points with a value that are not thin: each
		// run gets its own band and line, a run of one a whisker.
		var run []ChartPoint
		flush := func() {
			defer func() { run = run[:0] }()
			banded := func(p ChartPoint) bool { return !(p.Lo == 0 && p.Hi == 0) }
			switch len(run) {
			case 0:
				return
			case 1:
				if p := run[0]; banded(p) && sy(p.Lo)-sy(p.Hi) >= 1 {
					hasBand = true
					x := sx(p.X)
					fmt.Fprintf(&b, `<path d="M%.1f %.1fV%.1fM%.1f %.1fh8M%.1f %.1fh8" stroke="%s" stroke-opacity="0.6" stroke-width="1.5" fill="none"/>`+"\n",
						x, sy(p.Hi), sy(p.Lo), x-4, sy(p.Hi), x-4, sy(p.Lo), col)
				}
				return
			}
			var upper, lower []string
			wide := false // some point's interval has width
			bandRun := func() {
				if len(upper) > 1 && wide {
					hasBand = true
					slices.Reverse(lower)
					fmt.Fprintf(&b, `<polygon points="%s %s" fill="%s" fill-opacity="0.15" stroke="none"/>`+"\n", strings.Join(upper, " "), strings.Join(lower, " "), col)
				}
				upper, lower, wide = upper[:0], lower[:0], false
			}
			var seg []string
			for _, p := range run {
				if !banded(p) {
					bandRun()
				} else {
					wide = wide || sy(p.Lo)-sy(p.Hi) >= 0.5
					upper = append(upper, fmt.Sprintf("%.1f,%.1f", sx(p.X), sy(p.Hi)))
					lower = append(lower, fmt.Sprintf("%.1f,%.1f", sx(p.X), sy(p.Lo)))
				}
				seg = append(seg, fmt.Sprintf("%.1f,%.1f", sx(p.X), sy(p.Y)))
			}
			bandRun()
			fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(seg, " "), col)
		}
		for _, p := range l.Points {
			if math.IsNaN(p.Y) || p.Thin {
				flush()
				continue
			}
			run = append(run, p)
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
			fill := col
			if p.Thin {
				hasThin = true
				fill = "#fff"
			}
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s" stroke="%s" stroke-width="1.5" tabindex="0"><title>%s</title></circle>`+"\n", sx(p.X), sy(p.Y), fill, col, esc(title))
		}
		ly := top + 12 + float64(i)*16
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="3"/>`, left+pw+10, left+pw+26, ly-4, ly-4, col)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">%s</text>`+"\n", left+pw+30, ly, esc(l.Label))
	}
	// key to the symbols, under the series in the legend
	ly := top + 12 + float64(len(c.Lines))*16 + 8
	if hasBand {
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="16" height="10" fill="#888" fill-opacity="0.25"/>`, left+pw+10, ly-9)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">90%% interval</text>`+"\n", left+pw+30, ly)
		ly += 16
	}
	if hasThin {
		fmt.Fprintf(&b, `<path d="M%.1f %.1fa3 3 0 1 0 6 0a3 3 0 1 0 -6 0" fill="#fff" stroke="#444" stroke-width="1.5"/>`, left+pw+15, ly-4)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">thin year</text>`+"\n", left+pw+30, ly)
		ly += 16
	}
	if len(marks) > 0 {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#333" stroke-dasharray="4 3"/>`, left+pw+18, left+pw+18, ly-10, ly+2)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">shift (below)</text>`+"\n", left+pw+30, ly)
	}
	y := top + ph + bottom + xAxis + 6
	for _, line := range below {
		y += lineH
		fmt.Fprintf(&b, `<text x="%g" y="%.1f" fill="#333" font-size="10">%s</text>`+"\n", left, y, esc(line))
	}
	for _, line := range notes {
		y += lineH
		fmt.Fprintf(&b, `<text x="%g" y="%.1f" fill="#555" font-size="10">%s</text>`+"\n", left, y, esc(line))
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
