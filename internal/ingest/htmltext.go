package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLText renders the visible text under n as plain text: paragraphs,
// headings, list items and table rows on their own lines, paragraphs
// separated by a blank line, white space collapsed outside <pre>, and
// scripts, styles, form controls and hidden elements left out.
func HTMLText(n *html.Node) string {
	if n == nil {
		return ""
	}
	return renderText(n, cleanNone)
}

// articleText renders readability's article: visible text without the
// advertising, sharing, cookie and navigation blocks it sometimes keeps.
func articleText(n *html.Node) string {
	return renderText(n, cleanArticle)
}

// visibleText renders the page's visible body text without boilerplate:
// the fallback when readability finds no article.
func visibleText(root *html.Node) string {
	return renderText(visibleBody(root), cleanPage)
}

// visibleBody returns the node whose text is the page's content when
// readability finds none: the <main> element, else the only <article>,
// else <body> (or the whole tree).
func visibleBody(root *html.Node) *html.Node {
	var body, main *html.Node
	var articles []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Body:
				if body == nil {
					body = n
				}
			case atom.Main:
				if main == nil && !isInvisible(n) {
					main = n
				}
			case atom.Article:
				if !isInvisible(n) {
					articles = append(articles, n)
				}
			case atom.Script, atom.Style, atom.Template, atom.Head:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	var pick *html.Node
	switch {
	case main != nil:
		pick = main
	case len(articles) == 1:
		pick = articles[0]
	case body != nil:
		pick = body
	default:
		pick = root
	}
	return pick
}

// boilerplateTags are elements whose content is never page text.
var boilerplateTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Dialog: true, atom.Menu: true,
	// Image captions repeat the story and carry photo credits ("Tokayev
	// speaks in Astana. Photo: Reuters"); coded, they double its events.
	atom.Figcaption: true,
}

// boilerplateRoles are ARIA landmark roles of page furniture.
var boilerplateRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
}

// boilerplateWords are class or id words of page furniture; an element is
// dropped when any word of its class or id is one of them.
var boilerplateWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true, "breadcrumbs": true,
	"header": true, "masthead": true, "footer": true, "sidebar": true, "aside": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "banner": true,
	"ad": true, "ads": true, "advert": true, "advertisement": true, "sponsor": true, "sponsored": true, "promo": true,
	"newsletter": true, "subscribe": true, "subscription": true, "share": true, "sharing": true, "social": true,
	"related": true, "comments": true, "popup": true, "modal": true, "skip": true, "toolbar": true,
}

// cleaning says how much renderText drops besides invisible elements.
type cleaning int

const (
	cleanNone    cleaning = iota // everything visible
	cleanArticle                 // boilerplate inside an article, keeping its header and footer
	cleanPage                    // all page furniture
)

// pageOnlyWords are boilerplate words that inside an article may name its
// own header or footer.
var pageOnlyWords = map[string]bool{"header": true, "footer": true, "masthead": true}

// isBoilerplate reports page furniture: navigation, headers, footers,
// asides, forms, landmark roles, and cookie, advertising, sharing and
// related-links blocks named by class or id. With cleanArticle, headers
// and footers (which inside an article hold its headline and notes) stay.
func isBoilerplate(n *html.Node, mode cleaning) bool {
	if n.Type != html.ElementNode || mode == cleanNone {
		return false
	}
	if boilerplateTags[n.DataAtom] {
		return mode == cleanPage || (n.DataAtom != atom.Header && n.DataAtom != atom.Footer)
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	if boilerplateRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))] {
		return true
	}
	for _, key := range []string{"class", "id"} {
		v := attr(n, key)
		if v == "" {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			if boilerplateWords[w] && (mode == cleanPage || !pageOnlyWords[w]) {
				return true
			}
		}
	}
	return false
}

// invisibleTags are elements that never render as text.
var invisibleTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Button: true, atom.Select: true, atom.Option: true, atom.Input: true,
	atom.Textarea: true, atom.Audio: true, atom.Video: true, atom.Map: true,
}

// isInvisible reports elements a browser would not show as text.
func isInvisible(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return n.Type == html.CommentNode
	}
	if invisibleTags[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// blockBreaks is how many line breaks surround each block element: 2 for
// paragraph-like blocks (a blank line between), 1 for lines.
var blockBreaks = map[atom.Atom]int{
	atom.P: 2, atom.H1: 2, atom.H2: 2, atom.H3: 2, atom.H4: 2, atom.H5: 2, atom.H6: 2,
	atom.Blockquote: 2, atom.Pre: 2, atom.Ul: 2, atom.Ol: 2, atom.Dl: 2, atom.Table: 2,
	atom.Section: 2, atom.Article: 2, atom.Figure: 2, atom.Hr: 2, atom.Address: 2,
	atom.Header: 2, atom.Footer: 2, atom.Main: 2, atom.Aside: 2, atom.Nav: 2, atom.Details: 2,
	atom.Div: 1, atom.Li: 1, atom.Tr: 1, atom.Dt: 1, atom.Dd: 1, atom.Figcaption: 1,
	atom.Caption: 1, atom.Summary: 1, atom.Form: 1, atom.Fieldset: 1, atom.Legend: 1,
	atom.Center: 1, atom.Tbody: 1, atom.Thead: 1, atom.Tfoot: 1,
}

// textWriter accumulates rendered text, collapsing white space and
// counting pending line breaks.
type textWriter struct {
	b       strings.Builder
	breaks  int  // line breaks owed before the next text
	space   bool // a space is owed before the next text
	started bool // some text has been written
}

// text writes a run of text; pre keeps its white space.
func (w *textWriter) text(s string, pre bool) {
	if pre {
		if s == "" {
			return
		}
		w.flush()
		w.b.WriteString(s)
		w.started = true
		return
	}
	for s != "" {
		i := strings.IndexFunc(s, isHTMLSpace)
		if i != 0 {
			word := s
			if i > 0 {
				word = s[:i]
			}
			w.flush()
			w.b.WriteString(word)
			w.started = true
			if i < 0 {
				return
			}
			s = s[i:]
		}
		j := strings.IndexFunc(s, func(r rune) bool { return !isHTMLSpace(r) })
		if j < 0 {
			j = len(s)
		}
		s = s[j:]
		if w.started && w.breaks == 0 && !w.atLineStart() {
			w.space = true
		}
	}
}

// atLineStart reports whether the text written so far ends a line.
func (w *textWriter) atLineStart() bool {
	s := w.b.String()
	return s != "" && s[len(s)-1] == '\n'
}

// flush writes the owed breaks or space.
func (w *textWriter) flush() {
	if !w.started {
		w.breaks, w.space = 0, false
		return
	}
	if w.breaks > 0 {
		w.b.WriteString("\n\n"[:w.breaks])
	} else if w.space {
		w.b.WriteByte(' ')
	}
	w.breaks, w.space = 0, false
}

// brk owes at least n line breaks (1 or 2).
func (w *textWriter) brk(n int) {
	if n > w.breaks {
		w.breaks = n
	}
	w.space = false
}

// isHTMLSpace reports the white space HTML collapses.
func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0':
		return true
	}
	return false
}

// renderText renders the text under n, leaving out invisible elements and
// the boilerplate clean names (see isBoilerplate).
func renderText(n *html.Node, clean cleaning) string {
	var w textWriter
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			w.text(n.Data, pre)
			return
		case html.ElementNode:
			if isInvisible(n) || isBoilerplate(n, clean) {
				return
			}
		case html.DocumentNode:
		default:
			return
		}
		breaks := blockBreaks[n.DataAtom]
		switch n.DataAtom {
		case atom.Br:
			if w.started {
				w.flushBreak()
			}
			return
		case atom.Td, atom.Th:
			w.space = w.started && w.breaks == 0
		case atom.Pre:
			pre = true
		}
		if breaks > 0 {
			w.brk(breaks)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if breaks > 0 {
			w.brk(breaks)
		}
	}
	walk(n, false)
	return tidyLines(w.b.String())
}

// flushBreak writes the line breaks owed and one more at once, so that
// consecutive <br> elements each start a line and a <br> after a block
// keeps the block's blank line.
func (w *textWriter) flushBreak() {
	w.b.WriteString("\n\n\n"[:w.breaks+1])
	w.breaks, w.space = 0, false
}

// tidyLines trims trailing spaces from each line, turns "\r" line ends
// into "\n", keeps at most one blank line in a row and trims blank lines
// at both ends.
func tidyLines(s string) string {
	s = normalizeNewlines(s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[0] == "" {
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}
