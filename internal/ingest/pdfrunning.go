package ingest

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
	edges := make([][]int, len(pages))   // per page: indexes of edge lines
	keys := make([][]string, len(pages)) // their running keys
	lines := make([][]string, len(pages))
	count := map[string]int{}
	for p, page := range pages {
		lines[p] = strings.Split(page, "\n")
		edges[p] = edgeLines(lines[p])
		keys[p] = make([]string, len(edges[p]))
		seen := map[string]bool{}
		for e, i := range edges[p] {
			k := runningKey(lines[p][i])
			keys[p][e] = k
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
		for e, i := range edges[p] {
			if n := count[keys[p][e]]; n >= 2 && 2*n >= len(pages) {
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
	nonBlank := nonBlankLines(lines)
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

// nonBlankLines returns the indexes of the lines that hold more than
// white space.
func nonBlankLines(lines []string) []int {
	var nonBlank []int
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			nonBlank = append(nonBlank, i)
		}
	}
	return nonBlank
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

// moveFootnotes moves the footnotes at the foot of each page of PDF text
// (pages separated by "\f") to the end of the text, after a page break of
// their own, so that a sentence running on to the next page is not cut by
// them ("American officials\n1 The announcement …\fhave instead …").
// A footnote block is the last lines of a page, in its lower half, from a
// line that starts with a number ("1 The announcement", "12Ibid.") through
// the page's end, where the numbers of the block's notes follow one
// another and the page's body has the first one as a mark glued to a word
// or punctuation ("exercises.1", "Yerevan12"). Text without such blocks is
// returned unchanged.
func moveFootnotes(text string) string {
	pages := strings.Split(text, "\f")
	var notes []string
	for p, page := range pages {
		body, block, ok := splitFootnotes(page)
		if !ok {
			continue
		}
		pages[p] = body
		notes = append(notes, block)
	}
	if notes == nil {
		return text
	}
	return strings.Join(pages, "\f") + "\f" + strings.Join(notes, "\n")
}

// splitFootnotes splits a page into its body and the footnote block at its
// foot (see [moveFootnotes]).
func splitFootnotes(page string) (body, block string, ok bool) {
	lines := strings.Split(page, "\n")
	nonBlank := nonBlankLines(lines)
	if len(nonBlank) < 4 {
		return page, "", false
	}
	// Try the topmost start first, within the lower half of the page.
	for _, i := range nonBlank[len(nonBlank)/2:] {
		n, ok := footnoteStart(lines[i])
		if !ok {
			continue
		}
		next, valid := n+1, true
		for _, l := range lines[i+1:] {
			if m, ok := footnoteStart(l); ok {
				if m != next {
					valid = false
					break
				}
				next++
			}
		}
		body := strings.Join(lines[:i], "\n")
		if !valid || !hasNoteMark(body, n) {
			continue
		}
		return body, strings.TrimRight(strings.Join(lines[i:], "\n"), "\n"), true
	}
	return page, "", false
}

// footnoteStart reports whether a line starts a footnote: at most three
// digits, then (after optional spaces) a letter or an opening quote.
func footnoteStart(line string) (int, bool) {
	s := strings.TrimLeft(line, " \t")
	n, k := 0, 0
	for k < len(s) && k < 4 && s[k] >= '0' && s[k] <= '9' {
		n = n*10 + int(s[k]-'0')
		k++
	}
	if k == 0 || k > 3 || n == 0 {
		return 0, false
	}
	rest := strings.TrimLeft(s[k:], " \t")
	if rest == "" {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return n, unicode.IsLetter(r) || strings.ContainsRune("“‘\"'", r)
}

// hasNoteMark reports whether body has the number n as a footnote mark:
// right after a letter or closing punctuation and not followed by another
// digit.
func hasNoteMark(body string, n int) bool {
	mark := strconv.Itoa(n)
	for i := 0; ; {
		j := strings.Index(body[i:], mark)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(mark)
		if j > 0 && (end == len(body) || body[end] < '0' || body[end] > '9') {
			r, _ := utf8.DecodeLastRuneInString(body[:j])
			if unicode.IsLetter(r) || strings.ContainsRune(".,;:”’\")", r) {
				return true
			}
		}
		i = end
	}
}
