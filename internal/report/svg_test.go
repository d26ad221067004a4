package report_test

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// yearly builds chart points from 2000 on; NaN is a gap, and a value in
// thin is a thin year. Every point has a band of ±0.1.
func yearly(values []float64, thin map[int]bool) []report.ChartPoint {
	var out []report.ChartPoint
	for i, v := range values {
		p := report.ChartPoint{X: float64(2000 + i), Y: v, Lo: v - 0.1, Hi: v + 0.1, Thin: thin[i]}
		if thin[i] {
			p.Lo, p.Hi = 0, 0
		}
		out = append(out, p)
	}
	return out
}

func svgOf(t *testing.T, c report.Chart) string {
	t.Helper()
	var b bytes.Buffer
	if err := c.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var nan = math.NaN()

// TestChartGaps: lines and bands break at years without data and at thin
// years; a lone year is a point with a whisker; a thin year is a hollow
// point with no band.
func TestChartGaps(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		thin   map[int]bool
		lines  int // <polyline
		bands  int // <polygon
		whisk  int // whisker paths
		hollow int // thin points
		solid  int // other points
	}{
		{"no gap", []float64{0.1, 0.2, 0.3, 0.2}, nil, 1, 1, 0, 0, 4},
		{"one gap", []float64{0.1, 0.2, nan, 0.3, 0.2}, nil, 2, 2, 0, 0, 4},
		{"lone year between gaps", []float64{0.1, 0.2, nan, 0.3, nan, 0.2, 0.1}, nil, 2, 2, 1, 0, 5},
		{"single year", []float64{0.4}, nil, 0, 0, 1, 0, 1},
		{"thin year breaks the line", []float64{0.1, 0.2, 0.9, 0.3, 0.2}, map[int]bool{2: true}, 2, 2, 0, 1, 4},
		{"thin last year", []float64{0.1, 0.2, 0.3, 1}, map[int]bool{3: true}, 1, 1, 0, 1, 3},
		{"only thin years", []float64{0.1, nan, 0.3}, map[int]bool{0: true, 2: true}, 0, 0, 0, 2, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svg := svgOf(t, report.Chart{Title: "t", Lines: []report.ChartLine{{Label: "WEST", Points: yearly(tc.values, tc.thin)}}})
			for _, c := range []struct {
				what      string
				got, want int
			}{
				{"lines", strings.Count(svg, "<polyline "), tc.lines},
				{"bands", strings.Count(svg, "<polygon "), tc.bands},
				{"whiskers", strings.Count(svg, `stroke-opacity="0.6"`), tc.whisk},
				{"hollow points", len(regexp.MustCompile(`<circle [^>]*fill="#fff"`).FindAllString(svg, -1)), tc.hollow},
				{"solid points", len(regexp.MustCompile(`<circle [^>]*fill="#[0-9a-e]`).FindAllString(svg, -1)), tc.solid},
			} {
				if c.got != c.want {
					t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
				}
			}
			// No band or line spans a gap or a thin year.
			for i, v := range tc.values {
				if !math.IsNaN(v) && !tc.thin[i] {
					continue
				}
				x := xOf(t, svg, 2000+i, tc.values)
				for _, m := range regexp.MustCompile(`<(?:polygon|polyline) points="([^"]*)"`).FindAllStringSubmatch(svg, -1) {
					lo, hi := math.Inf(1), math.Inf(-1)
					for _, pt := range strings.Fields(m[1]) {
						px, _ := strconv.ParseFloat(strings.Split(pt, ",")[0], 64)
						lo, hi = math.Min(lo, px), math.Max(hi, px)
					}
					if lo < x && x < hi {
						t.Errorf("a line or band spans %d (x=%.1f): %.80s", 2000+i, x, m[0])
					}
				}
			}
		})
	}
}

// xOf is the pixel x of a year on a default-size chart of values.
func xOf(t *testing.T, _ string, year int, values []float64) float64 {
	t.Helper()
	// WriteSVG: left 48, right 130, width 720, half a year of room each side.
	xmin, xmax := 2000.0-0.5, float64(2000+len(values)-1)+0.5
	return 48 + (float64(year)-xmin)/(xmax-xmin)*(720-48-130)
}

// TestChartYearTicks: the x axis labels whole years, each once, from one
// year of data to sixty.
func TestChartYearTicks(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 29, 60} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			vals := make([]float64, n)
			svg := svgOf(t, report.Chart{Title: "t", Lines: []report.ChartLine{{Label: "a", Points: yearly(vals, nil)}}})
			labels := regexp.MustCompile(`text-anchor="middle" fill="#444">(\d{4})</text>`).FindAllStringSubmatch(svg, -1)
			seen := map[string]bool{}
			for _, l := range labels {
				if seen[l[1]] {
					t.Errorf("year %s labelled twice", l[1])
				}
				seen[l[1]] = true
				if y, _ := strconv.Atoi(l[1]); y < 2000 || y > 2000+n-1 {
					t.Errorf("label %d outside the data 2000–%d", y, 2000+n-1)
				}
			}
			if len(labels) == 0 || len(labels) > 12 {
				t.Errorf("got %d year labels, want 1–12", len(labels))
			}
		})
	}
}

// TestChartMarks: shift labels are numbers above the plot that never
// overlap, and each shift is listed below the chart with its text.
func TestChartMarks(t *testing.T) {
	tests := []struct {
		name  string
		marks []float64
		want  []string // labels drawn above the plot
	}{
		{"one", []float64{2004.5}, []string{"1"}},
		{"same year", []float64{2004.5, 2004.5, 2004.5}, []string{"1,2,3"}},
		{"adjacent years", []float64{2003.5, 2004.5, 2005.5, 2006.5}, []string{"1", "2", "3", "4"}},
		{"unsorted", []float64{2010.5, 2002.5}, []string{"1", "2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var marks []report.ChartMark
			for i, x := range tc.marks {
				marks = append(marks, report.ChartMark{X: x, Label: "shift " + strconv.Itoa(i)})
			}
			vals := make([]float64, 60)
			svg := svgOf(t, report.Chart{Title: "t", Marks: marks, Lines: []report.ChartLine{{Label: "a", Points: yearly(vals, nil)}}})
			re := regexp.MustCompile(`<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" fill="#333" font-size="10" font-weight="bold">([\d,]+)</text>`)
			got := re.FindAllStringSubmatch(svg, -1)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d labels, want %d:\n%s", len(got), len(tc.want), svg)
			}
			type box struct{ l, r, y float64 }
			var boxes []box
			for i, g := range got {
				if g[3] != tc.want[i] {
					t.Errorf("label %d: got %q, want %q", i, g[3], tc.want[i])
				}
				x, _ := strconv.ParseFloat(g[1], 64)
				y, _ := strconv.ParseFloat(g[2], 64)
				w := 6*float64(len(g[3])) + 4
				boxes = append(boxes, box{x - w/2, x + w/2, y})
			}
			for i := range boxes {
				for j := range i {
					a, b := boxes[i], boxes[j]
					if a.y == b.y && a.l < b.r && b.l < a.r {
						t.Errorf("labels %q and %q overlap", got[i][3], got[j][3])
					}
				}
			}
			for i := range tc.marks {
				if !strings.Contains(svg, ">"+strconv.Itoa(i+1)+". shift ") {
					t.Errorf("shift %d is not listed below the chart", i+1)
				}
			}
		})
	}
}

// TestChartGolden renders a chart with a gap, a lone year, a thin year and
// two close shifts; rewrite with go test ./internal/report -update.
func TestChartGolden(t *testing.T) {
	c := report.Chart{
		Title: "Testland — votes toward each pole, 2000–2011", YLabel: "Cohen's κ with the pole's vote", XLabel: "calendar year",
		Marks: []report.ChartMark{{X: 2004.5, Label: "votes toward A from 2005: value fell by 0.300"}, {X: 2005.5, Label: "votes from 2006: tilt moved +0.200 toward B"}},
		Lines: []report.ChartLine{
			{Label: "A", Points: yearly([]float64{0.6, 0.62, 0.58, nan, 0.6, 0.3, 0.32, nan, 0.3, nan, 0.28, 0.9}, map[int]bool{11: true})},
			{Label: "B", Points: yearly([]float64{0.1, 0.1, 0.12, 0.1, 0.1, 0.3, 0.35, 0.33, 0.3, 0.31, 0.3, -0.2}, map[int]bool{11: true})},
		},
		Notes: []string{"Band: 90% bootstrap interval over the year's roll calls.", "Hollow point: thin year, fewer than 10 roll calls."},
	}
	got := []byte(svgOf(t, c))
	path := filepath.Join("testdata", "chart", "gaps-thin-shifts.svg")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("chart differs from %s; rerun with -update and review the diff", path)
	}
}
