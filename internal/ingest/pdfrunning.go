package ingest

import (
	"strings"
	"unicode"
)

// runningWindow is how many non-blank lines at the top and at the bottom of
// a page may be a running header or footer.
const runningWindow = 3

// dropRunningLines removes running headers and footers from PDF text whose
// pages are separated by "\f": a line among the first or last
// [runningWindow] non-blank lines of a page that, with its digits ignored
// ("Policy Monitor · 3", "Page 4 of 9"), is also at the top or bottom of
// at least one other page and of at least half the pages. Such lines
// ("Eastern Policy Monitor  No. 14", "Caspian Institute … 2") would
// otherwise be glued into the first or last sentence of every page. Page
// breaks are kept; a document of one page is returned unchanged.
func dropRunningLines(text string) string {
	pages := strings.Split(text, "\f")
	if len(pages) < 2 {
		return text
	}
	edges := make([][]int, len(pages)) // per page: indexes of edge lines
	lines := make([][]string, len(pages))
	count := map[string]int{}
	for p, page := range pages {
		lines[p] = strings.Split(page, "\n")
		edges[p] = edgeLines(lines[p])
		seen := map[string]bool{}
		for _, i := range edges[p] {
			k := runningKey(lines[p][i])
			if k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	var b strings.Builder
	b.Grow(len(text))
	for p := range pages {
		if p > 0 {
			b.WriteByte('\f')
		}
		drop := map[int]bool{}
		for _, i := range edges[p] {
			if n := count[runningKey(lines[p][i])]; n >= 2 && 2*n >= len(pages) {
				drop[i] = true
			}
		}
		first := true
		for i, l := range lines[p] {
			if drop[i] {
				continue
			}
			if !first {
				b.WriteByte('\n')
			}
			first = false
			b.WriteString(l)
		}
	}
	return b.String()
}

// edgeLines returns the indexes of the first and last [runningWindow]
// non-blank lines, each once.
func edgeLines(lines []string) []int {
	var nonBlank []int
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			nonBlank = append(nonBlank, i)
		}
	}
	if len(nonBlank) <= 2*runningWindow {
		// A short page (the last lines of a brief): only its first and
		// last line can be a header or footer.
		if len(nonBlank) > 2 {
			return []int{nonBlank[0], nonBlank[len(nonBlank)-1]}
		}
		return nonBlank
	}
	out := append([]int(nil), nonBlank[:runningWindow]...)
	return append(out, nonBlank[len(nonBlank)-runningWindow:]...)
}

// runningKey is what a running line is compared by: its words, lower-cased,
// with every run of digits (page and issue numbers) as one "#". A line
// without a letter has no key: bare page numbers are left to the
// splitter, and rows of figures at the top of a page are not headers.
func runningKey(line string) string {
	var b strings.Builder
	digits, space, any := false, false, false
	for _, r := range line {
		switch {
		case unicode.IsDigit(r):
			if !digits {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteByte('#')
			}
			digits, space = true, false
			continue
		case unicode.IsSpace(r):
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if unicode.IsLetter(r) {
				any = true
			}
			b.WriteRune(unicode.ToLower(r))
		}
		digits = false
	}
	if !any {
		return ""
	}
	return b.String()
}
