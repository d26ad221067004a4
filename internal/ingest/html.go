package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// minArticleText is the least text, in bytes, that readability must find
// for its result to be used; below it the page's visible body text is used.
const minArticleText = 80

// maxReadabilityElems is the largest page, in elements, given to
// readability.
const maxReadabilityElems = 100_000

// parseHTML reads an HTML page: the main text as found by readability
// (Mozilla's algorithm), or, when it finds too little, the visible text of
// the body without navigation, headers, footers, asides, forms, scripts,
// styles, hidden elements and cookie or advertising blocks. The title
// comes from og:title, JSON-LD headline, the first <h1> or <title>; the
// date from article:published_time and similar meta tags, JSON-LD
// datePublished, a <time> marked pubdate or itemprop="datePublished", or
// the first <time datetime>, else a dateline at the top of the text
// ("Geneva, 2 May 2024"). A page read from a file gets its URL from
// <link rel=canonical> or og:url.
func (r *Reader) parseHTML(source string, data []byte, in input) (doc.Document, error) {
	data, err := htmlUTF8(source, data, in.contentType)
	if err != nil {
		return doc.Document{}, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return doc.Document{}, newError(source, fmt.Errorf("parse html: %w", err))
	}
	meta := htmlMeta(root)

	var pageURL *url.URL
	if in.url != "" {
		pageURL, _ = url.Parse(in.url)
	}
	text := ""
	p := readability.NewParser()
	p.KeepClasses = true // so that articleText can drop ads and sharing blocks
	// Readability scores every node several times; past this size the
	// visible-text fallback is used instead.
	p.MaxElemsToParse = maxReadabilityElems
	if art, err := p.ParseDocument(root, pageURL); err == nil && art.Node != nil {
		text = articleText(art.Node)
		if meta.title == "" {
			meta.title = strings.TrimSpace(art.Title())
		}
		if meta.date.IsZero() {
			if t, err := art.PublishedTime(); err == nil {
				meta.date, meta.precision = t, "day"
			}
		}
	}
	if len(strings.TrimSpace(text)) < minArticleText {
		if fb := visibleText(root); !blank(fb) {
			text = fb
		}
	}
	if blank(text) {
		return doc.Document{}, newError(source, ErrNoText)
	}
	d := doc.Document{
		Title:         meta.title,
		Date:          meta.date,
		DatePrecision: meta.precision,
		Text:          text,
	}
	if in.url == "" {
		d.URL = meta.url // a saved page: where it was saved from
	}
	dateFromDateline(&d)
	r.finish(&d, source, FormatHTML)
	return d, nil
}

// htmlUTF8 checks the bytes of a page and returns them as UTF-8. A page
// that declares another charset (in the Content-Type or a <meta> tag) and
// is not valid UTF-8 is transcoded; an undeclared page must be UTF-8.
func htmlUTF8(source string, data []byte, contentType string) ([]byte, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, newError(source, ErrEmpty)
	}
	base := int64(0)
	if bytes.HasPrefix(data, bomUTF8) {
		data, base = data[len(bomUTF8):], int64(len(bomUTF8))
	} else if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return decodeUTF16(source, data)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &Error{Source: source, Offset: base + int64(i), Err: ErrBinary}
	}
	off, bad := invalidUTF8At(data)
	if !bad {
		return data, nil
	}
	head := data[:min(len(data), 1024)]
	if enc, name, _ := charset.DetermineEncoding(data, contentType); name != "utf-8" &&
		(strings.Contains(strings.ToLower(contentType), "charset") || bytes.Contains(bytes.ToLower(head), []byte("charset"))) {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, newError(source, fmt.Errorf("decode %s: %w", name, err))
		}
		return out, nil
	}
	return nil, &Error{Source: source, Offset: base + off, Err: ErrInvalidUTF8}
}

// pageMeta is what htmlMeta finds in a page's head and markup.
type pageMeta struct {
	title     string
	date      time.Time
	precision string
	// url is the page's own address from <link rel=canonical> or
	// og:url, when absolute http(s).
	url string
}

// dateMetaNames are <meta name|property|itemprop> values that give the
// publication date, best first.
var dateMetaNames = []string{
	"article:published_time", "og:published_time", "datepublished",
	"date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
	"citation_publication_date", "citation_date", "pubdate", "publishdate", "publish-date",
	"publication_date", "parsely-pub-date", "sailthru.date", "article.published",
}

// htmlMeta collects the title and publication date of a page.
func htmlMeta(root *html.Node) pageMeta {
	metas := map[string]string{}
	var title, h1, timeAttr, pubTime, ldDate, ldTitle, canonical string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				if key != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = strings.TrimSpace(attr(n, "content"))
					}
				}
			case atom.Link:
				for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
					if rel == "canonical" && canonical == "" {
						canonical = strings.TrimSpace(attr(n, "href"))
					}
				}
			case atom.Title:
				if title == "" {
					title = collapseSpace(textContent(n))
				}
			case atom.H1:
				if h1 == "" {
					h1 = collapseSpace(textContent(n))
				}
			case atom.Time:
				dt := strings.TrimSpace(attr(n, "datetime"))
				if timeAttr == "" {
					timeAttr = dt
				}
				if _, pub := attrOK(n, "pubdate"); pubTime == "" && (pub || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					pubTime = dt
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					d, t := jsonLD(textContent(n))
					if ldDate == "" {
						ldDate = d
					}
					if ldTitle == "" {
						ldTitle = t
					}
				}
				return
			case atom.Style, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)

	var m pageMeta
	switch {
	case metas["og:title"] != "":
		m.title = collapseSpace(metas["og:title"])
	case ldTitle != "":
		m.title = collapseSpace(ldTitle)
	case h1 != "":
		m.title = h1
	default:
		m.title = title
	}
	for _, u := range []string{canonical, metas["og:url"]} {
		if pu, err := url.Parse(u); err == nil && (pu.Scheme == "http" || pu.Scheme == "https") && pu.Host != "" {
			m.url = u
			break
		}
	}
	candidates := make([]string, 0, len(dateMetaNames)+2)
	for _, k := range dateMetaNames {
		candidates = append(candidates, metas[k])
	}
	candidates = append(candidates, ldDate, pubTime, timeAttr)
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if t, prec, err := ParseDate(c); err == nil {
			m.date, m.precision = t, prec
			break
		}
	}
	return m
}

// jsonLD returns the first datePublished and headline in a JSON-LD block,
// searching nested objects and @graph arrays. Malformed JSON gives "".
func jsonLD(src string) (date, headline string) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return "", ""
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 20 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok && date == "" {
				date = s
			}
			if s, ok := x["headline"].(string); ok && headline == "" {
				headline = s
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if c, ok := x[k]; ok {
					walk(c, depth+1)
				}
			}
		case []any:
			for _, c := range x {
				walk(c, depth+1)
			}
		}
	}
	walk(v, 0)
	return date, headline
}

// attrOK returns the value of n's attribute key and whether it is present.
func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textContent concatenates the text nodes under n.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapseSpace trims s and folds runs of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
