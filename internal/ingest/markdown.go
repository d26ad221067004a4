package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// parseMarkdown reads Markdown. The text keeps every word and line of the
// source and drops only markup: heading markers, setext underlines and
// thematic breaks, code fences, blockquote markers, paired emphasis and
// code-span delimiters, link and image syntax (the link text or alt text
// stays), backslash escapes and reference definitions. A YAML front matter
// block gives the title and date; otherwise the first heading is the title
// and the date is that of a dateline near the top (see [datelineDate]).
func (r *Reader) parseMarkdown(source string, data []byte) (doc.Document, error) {
	raw, err := cleanText(source, data)
	if err != nil {
		return doc.Document{}, err
	}
	d := doc.Document{}
	body, meta := splitFrontMatter(raw)
	d.Title = meta["title"]
	if v, ok := meta["date"]; ok {
		if t, prec, err := ParseDate(v); err == nil {
			d.Date, d.DatePrecision = t, prec
		}
	}
	text, heading := MarkdownText(body)
	if d.Title == "" {
		d.Title = heading
	}
	if blank(text) {
		return doc.Document{}, newError(source, ErrNoText)
	}
	d.Text = text
	dateFromDateline(&d)
	r.finish(&d, source, FormatMarkdown)
	return d, nil
}

// splitFrontMatter separates a leading "---" … "---" YAML block from the
// body and returns its top-level "key: value" pairs (lower-case keys,
// quotes trimmed). Without a front matter block it returns src unchanged.
func splitFrontMatter(src string) (string, map[string]string) {
	if !strings.HasPrefix(src, "---\n") {
		return src, nil
	}
	rest := src[len("---\n"):]
	var block string
	switch {
	case strings.HasPrefix(rest, "---\n"):
		block, rest = "", rest[len("---\n"):]
	default:
		i := strings.Index(rest, "\n---\n")
		if i < 0 {
			if !strings.HasSuffix(rest, "\n---") {
				return src, nil
			}
			i = len(rest) - len("\n---")
			block, rest = rest[:i], ""
		} else {
			block, rest = rest[:i], rest[i+len("\n---\n"):]
		}
	}
	meta := map[string]string{}
	for _, line := range strings.Split(block, "\n") {
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		meta[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return rest, meta
}

// MarkdownText returns the text of Markdown source with its markup
// removed and the text of its first heading. It drops heading markers,
// setext underlines, thematic breaks, code fences, blockquote markers,
// reference definitions, backslash escapes, code-span backticks, paired
// emphasis delimiters, and link and image syntax (keeping the link text
// and alt text); everything else stays as written. Lines stay lines: a dropped line (a fence, a setext
// underline, a thematic break) becomes an empty line, so paragraphs keep
// their breaks. Valid UTF-8 in gives valid UTF-8 out.
func MarkdownText(src string) (text, title string) {
	lines := strings.Split(src, "\n")
	out := make([]string, len(lines))
	var fence string // the open fence's marker, "" outside code blocks
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if fence != "" {
			if indent < 4 && strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]+" \t") == "" {
				fence = ""
				continue
			}
			out[i] = line
			continue
		}
		if indent < 4 {
			if m := fenceMarker(trimmed); m != "" {
				fence = m
				continue
			}
		}
		if indent < 4 && isThematicBreak(trimmed) {
			// "Title\n---" is a setext heading, not a break.
			if trimmed[0] == '-' && i > 0 && out[i-1] != "" && isSetextLine(trimmed) {
				if title == "" {
					title = strings.TrimSpace(out[i-1])
				}
			}
			continue
		}
		if indent < 4 && isSetextLine(trimmed) && i > 0 && strings.TrimSpace(out[i-1]) != "" {
			if title == "" {
				title = strings.TrimSpace(out[i-1])
			}
			continue
		}
		if indent < 4 && isRefDefinition(trimmed) {
			continue
		}
		// Blockquote markers.
		for indent < 4 && strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimPrefix(trimmed[1:], " ")
			line = trimmed
			indent = 0
		}
		if indent < 4 {
			if h, ok := atxHeading(trimmed); ok {
				h = inlineText(h)
				if title == "" {
					title = strings.TrimSpace(h)
				}
				out[i] = h
				continue
			}
		}
		out[i] = inlineText(line)
	}
	return strings.Join(out, "\n"), title
}

// fenceMarker returns "```" or "~~~" (as long as the run) when line opens a
// fenced code block.
func fenceMarker(line string) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(line) && line[n] == c {
			n++
		}
		if n >= 3 {
			if c == '`' && strings.IndexByte(line[n:], '`') >= 0 {
				return ""
			}
			return line[:n]
		}
	}
	return ""
}

// isThematicBreak reports a line of three or more '-', '*' or '_' (spaces
// allowed between them).
func isThematicBreak(line string) bool {
	line = strings.TrimRight(line, " \t")
	if line == "" {
		return false
	}
	c := line[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isSetextLine reports a line of only '=' or only '-'.
func isSetextLine(line string) bool {
	line = strings.TrimRight(line, " \t")
	if line == "" {
		return false
	}
	c := line[0]
	if c != '=' && c != '-' {
		return false
	}
	return strings.Trim(line, string(c)) == ""
}

// isRefDefinition reports a link reference definition: "[label]: url".
func isRefDefinition(line string) bool {
	if !strings.HasPrefix(line, "[") || strings.HasPrefix(line, "[^") {
		return false
	}
	i := strings.Index(line, "]:")
	if i <= 1 || strings.Contains(line[:i], "]") {
		return false
	}
	rest := strings.TrimSpace(line[i+2:])
	return rest != "" && !strings.ContainsAny(rest[:min(len(rest), 1)], " \t")
}

// atxHeading returns the text of an ATX heading ("## Title ##").
func atxHeading(line string) (string, bool) {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return "", false
	}
	if n < len(line) && line[n] != ' ' && line[n] != '\t' {
		return "", false
	}
	h := strings.TrimSpace(line[n:])
	// Closing sequence: " ##".
	if t := strings.TrimRight(h, "#"); t != h && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		h = strings.TrimSpace(t)
	}
	return h, true
}

// inlineText removes inline markup from one line: backslash escapes, code
// spans, images and links (keeping their text), and paired emphasis.
// Escaped characters and code are never taken as emphasis.
func inlineText(line string) string {
	if !strings.ContainsAny(line, "\\`*_[!<") {
		return line
	}
	var w litWriter
	w.b.Grow(len(line))
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && isASCIIPunct(line[i+1]):
			w.write(line[i+1:i+2], true)
			i += 2
			continue
		case c == '`':
			n := runLen(line, i, '`')
			if j := strings.Index(line[i+n:], line[i:i+n]); j >= 0 {
				w.write(line[i+n:i+n+j], true)
				i += n + j + n
				continue
			}
			w.write(line[i:i+n], true)
			i += n
			continue
		case c == '!' && i+1 < len(line) && line[i+1] == '[':
			if label, next, ok := linkAt(line, i+1); ok {
				w.write(inlineText(label), true)
				i = next
				continue
			}
		case c == '[':
			if label, next, ok := linkAt(line, i); ok {
				w.write(inlineText(label), true)
				i = next
				continue
			}
		case c == '<':
			if j := strings.IndexByte(line[i:], '>'); j > 0 {
				inner := line[i+1 : i+j]
				if (strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") || strings.HasPrefix(inner, "mailto:")) && !strings.ContainsAny(inner, " <") {
					w.write(inner, true)
					i += j + 1
					continue
				}
			}
		}
		// Copy up to the next character that may start markup.
		j := i + 1
		for j < len(line) && strings.IndexByte("\\`![<", line[j]) < 0 {
			j++
		}
		w.write(line[i:j], false)
		i = j
	}
	return emphasis(w.b.String(), w.lit)
}

// litWriter builds a line and remembers which bytes are literal (escaped,
// code, already processed), which emphasis must leave alone.
type litWriter struct {
	b   strings.Builder
	lit []bool
}

// write appends s, marking its bytes literal or not.
func (w *litWriter) write(s string, literal bool) {
	w.b.WriteString(s)
	for range len(s) {
		w.lit = append(w.lit, literal)
	}
}

// linkAt parses "[label](dest)" or "[label][ref]" starting at the '[' at
// i, returning the label and the offset after the link.
func linkAt(line string, i int) (label string, next int, ok bool) {
	depth := 0
	for j := i; j < len(line); j++ {
		switch line[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			label = line[i+1 : j]
			rest := line[j+1:]
			switch {
			case strings.HasPrefix(rest, "("):
				if k := closingParen(rest); k > 0 {
					return label, j + 1 + k + 1, true
				}
			case strings.HasPrefix(rest, "["):
				if k := strings.IndexByte(rest, ']'); k > 0 {
					return label, j + 1 + k + 1, true
				}
			}
			return "", 0, false
		}
	}
	return "", 0, false
}

// closingParen returns the index of the ')' closing the '(' at s[0],
// allowing nested parentheses, or -1.
func closingParen(s string) int {
	depth := 0
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k
			}
		case ' ':
			// A destination may be followed by a quoted title, but a
			// space inside an unquoted destination ends it.
			if k+1 < len(s) && s[k+1] != '"' && s[k+1] != '\'' && s[k+1] != '(' {
				return -1
			}
		}
	}
	return -1
}

// delim is one run of '*' or '_' that may open or close emphasis.
type delim struct {
	pos, n          int
	c               byte
	canOpen, canCls bool
}

// emphasis removes '*' and '_' runs that open and close emphasis in pairs
// on the line; unpaired runs (footnote stars, snake_case, "5 * 3") and
// bytes marked literal stay.
func emphasis(s string, literal []bool) string {
	if !strings.ContainsAny(s, "*_") {
		return s
	}
	var ds []delim
	for i := 0; i < len(s); {
		c := s[i]
		if (c != '*' && c != '_') || literal[i] {
			i++
			continue
		}
		n := 0
		for i+n < len(s) && s[i+n] == c && !literal[i+n] {
			n++
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+n:])
		if i == 0 {
			before = ' '
		}
		if i+n == len(s) {
			after = ' '
		}
		left := !unicode.IsSpace(after) && (!isPunctRune(after) || unicode.IsSpace(before) || isPunctRune(before))
		right := !unicode.IsSpace(before) && (!isPunctRune(before) || unicode.IsSpace(after) || isPunctRune(after))
		open, cls := left, right
		if c == '_' {
			open = left && (!right || isPunctRune(before))
			cls = right && (!left || isPunctRune(after))
		}
		ds = append(ds, delim{pos: i, n: n, c: c, canOpen: open, canCls: cls})
		i += n
	}
	drop := make([]bool, len(ds))
	var stack []int
	for k, d := range ds {
		if d.canCls {
			matched := false
			for j := len(stack) - 1; j >= 0; j-- {
				o := ds[stack[j]]
				if o.c == d.c && o.n == d.n {
					drop[stack[j]], drop[k] = true, true
					stack = stack[:j]
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if d.canOpen {
			stack = append(stack, k)
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for k, d := range ds {
		if drop[k] {
			b.WriteString(s[last:d.pos])
			last = d.pos + d.n
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// runLen counts the bytes equal to c from s[i].
func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// isASCIIPunct reports the ASCII punctuation a backslash may escape.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// isPunctRune reports Unicode punctuation or symbols, as CommonMark's
// flanking rules use them.
func isPunctRune(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
