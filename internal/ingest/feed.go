package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// parseFeed reads an RSS, Atom or RDF feed: one document per item, with
// the item's title, link and published (else updated) date, and its
// content (else description) as text, HTML stripped and without the
// links feeds append to it (see [trimFeedTail]). Each document's
// Source is "source#N" for the N-th item (from 1). A feed that does not
// parse is [ErrFormat]; a feed with no readable item is [ErrNoText]. Items
// with no text are skipped unless none has any.
func (r *Reader) parseFeed(source string, data []byte) (docs []doc.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			docs, err = nil, newError(source, fmt.Errorf("%w: feed: %v", ErrFormat, p))
		}
	}()
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, newError(source, ErrEmpty)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &Error{Source: source, Offset: int64(i), Err: ErrBinary}
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, newError(source, fmt.Errorf("%w: feed: %w", ErrFormat, err))
	}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		text := trimFeedTail(fragmentText(body))
		if blank(text) {
			continue
		}
		d := doc.Document{
			Title: collapseSpace(fragmentText(it.Title)),
			URL:   strings.TrimSpace(it.Link),
			Text:  text,
		}
		switch {
		case it.PublishedParsed != nil:
			d.Date, d.DatePrecision = it.PublishedParsed.UTC(), event.PrecisionDay
		case it.UpdatedParsed != nil:
			d.Date, d.DatePrecision = it.UpdatedParsed.UTC(), event.PrecisionDay
		default:
			d.Date, d.DatePrecision = feedItemDate(it)
		}
		r.finish(&d, source+"#"+strconv.Itoa(i+1), FormatFeed)
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, newError(source, fmt.Errorf("%w: feed has %d items, none with text", ErrNoText, len(f.Items)))
	}
	return docs, nil
}

// feedItemDate tries the item's raw date strings when gofeed could not
// parse them.
func feedItemDate(it *gofeed.Item) (time.Time, string) {
	for _, s := range []string{it.Published, it.Updated} {
		if t, prec, err := ParseDate(s); err == nil {
			return t, prec
		}
	}
	return time.Time{}, ""
}

// fragmentText renders an HTML fragment (a feed item's content) as text;
// plain text passes through with its white space tidied.
func fragmentText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	s = strings.ToValidUTF8(s, "")
	if !strings.ContainsAny(s, "<&") {
		return tidyLines(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return tidyLines(s)
	}
	root := &html.Node{Type: html.DocumentNode}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return HTMLText(root)
}

// readMore are the link texts feeds put after an item's text, lower case.
var readMore = []string{"read more", "continue reading", "read the full story", "read the full article", "read full article", "full story", "more", "share", "share this", "tweet", "print", "comments"}

// trimFeedTail removes what feed software appends to an item's text: a
// "Read more »", "Continue reading →" or "Share" link at its end, and WordPress's
// "The post <title> appeared first on <site>." line, which repeats the
// title and would be coded as a second event.
func trimFeedTail(text string) string {
	out, trimmed := text, false
	for {
		t := strings.TrimRight(out, " \t\n")
		last := t[strings.LastIndexByte(t, '\n')+1:]
		if strings.HasPrefix(last, "The post ") && strings.Contains(last, " appeared first on ") {
			out, trimmed = t[:len(t)-len(last)], true
			continue
		}
		before, ok := cutReadMore(t)
		if !ok {
			if !trimmed {
				return text
			}
			return t + "\n"
		}
		out, trimmed = before, true
	}
}

// cutReadMore cuts a "Read more »" link off the end of t, when it follows a
// sentence end or starts a line ("… said. Read more", not "… wanted more").
func cutReadMore(t string) (string, bool) {
	tt := strings.TrimRight(t, " \t»›→….[]>-–—")
	for _, m := range readMore {
		if len(tt) < len(m) || !strings.EqualFold(tt[len(tt)-len(m):], m) {
			continue
		}
		before := strings.TrimRight(tt[:len(tt)-len(m)], " \t[")
		if before == "" || before[len(before)-1] == '\n' || strings.ContainsAny(before[len(before)-1:], ".!?\"") || strings.HasSuffix(before, "”") {
			return before, true
		}
	}
	return t, false
}
