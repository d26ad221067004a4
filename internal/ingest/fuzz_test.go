package ingest_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

// checkRead reads data in format and checks the properties every reader
// promises: no panic, documents with valid UTF-8 text without "\r" or a
// BOM and an id that is the hash of that text, and errors that are
// one-line *ingest.Error values naming the source.
func checkRead(t *testing.T, format ingest.Format, data []byte) {
	t.Helper()
	var docs []doc.Document
	// In-process only: no pdftotext child per input.
	errs := ingest.New(ingest.Options{PDFToText: "-"}).ReadBytes("fuzz.in", format, data, func(d doc.Document) error {
		docs = append(docs, d)
		return nil
	})
	for _, d := range docs {
		if !utf8.ValidString(d.Text) {
			t.Fatalf("text is not valid UTF-8: %q", d.Text)
		}
		if strings.ContainsRune(d.Text, '\r') || strings.HasPrefix(d.Text, "\ufeff") {
			t.Fatalf("text holds CR or starts with a BOM: %q", d.Text)
		}
		if strings.TrimSpace(d.Text) == "" {
			t.Fatalf("document with blank text: %+v", d)
		}
		if d.ID != doc.HashID(d.Text) {
			t.Fatalf("id %s is not the hash of the text", d.ID)
		}
		if !utf8.ValidString(d.Title) {
			t.Fatalf("title is not valid UTF-8: %q", d.Title)
		}
		if d.Date.IsZero() != (d.DatePrecision == "") {
			t.Fatalf("date %v with precision %q", d.Date, d.DatePrecision)
		}
	}
	for _, err := range errs {
		var e *ingest.Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v (%T) is not an *ingest.Error", err, err)
		}
		msg := e.Error()
		if strings.ContainsAny(msg, "\n\r") || !strings.HasPrefix(msg, "ingest: fuzz.in") {
			t.Fatalf("bad message %q", msg)
		}
		if e.Offset > int64(len(data)) {
			t.Fatalf("offset %d beyond the %d-byte input", e.Offset, len(data))
		}
	}
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{"%PDF-1.4", "<?xml version=\"1.0\"?><rss>", "<!-- c --><feed>", "<!DOCTYPE html><p>", "{\"text\":1}", "plain", "\ufeff<html", "<?xml", "<!--", "<!doctype x"} {
		f.Add("", []byte(s))
		f.Add("a.xml", []byte(s))
	}
	known := map[ingest.Format]bool{
		ingest.FormatText: true, ingest.FormatMarkdown: true, ingest.FormatHTML: true,
		ingest.FormatPDF: true, ingest.FormatFeed: true, ingest.FormatJSONL: true,
	}
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		if got := ingest.Detect(name, head); !known[got] {
			t.Fatalf("Detect gave unknown format %q", got)
		}
	})
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"Minsk.\r\nMoscow.", "\ufeffTitle\n\nBody.", "\xff\xfea\x00", "\xfe\xff\xd8\x3d", "a\x00b", "\x01\x02\x03", "   "} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, ingest.FormatText, data)
	})
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "title": "T", "url": "u", "date": "2019-03-05", "text": "Minsk."}`,
		"{\"text\": \"a\"}\n\n{\"text\": \"b\\r\\nc\", \"date\": \"2019\"}\r\n{bad",
		`{"id": {}, "text": "x"}`, `{"text": null}`, `[1,2]`, "{\"text\": \"\xff\"}", `{"text": "\ufeff\u0000"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, ingest.FormatJSONL, data)
	})
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"<html><head><title>T</title><meta name=date content=2019></head><body><nav>x</nav><p>Text.</p></body></html>",
		"<p>One<br>two</p><pre>  x\r\n y</pre><table><tr><td>a<td>b</table>",
		"<meta charset=latin1><p>\xe9t\xe9</p>",
		"<script type=\"application/ld+json\">{\"@graph\":[[[{\"datePublished\":\"2019-01-01\"}]]]}</script><p>x</p>",
		"<div hidden><p>no</p></div><main><article><p>yes</p></article></main>",
		"<time datetime=\"D:2019\"></time><p>pdf date in html</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, ingest.FormatHTML, data)
	})
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\ndate: 2019-03-05\n---\n# H #\n\nText *em* __strong__ `code` [link](u) ![img](i)",
		"Title\n===\n> quote\n```\ncode *x*\n```\n[ref]: http://x\n\\*esc\\*",
		"***\n_a_b_ *a**b* [a [b] c](d (e)) <http://x>",
		"\u00e9*\u00e9*\u00e9 _\u2014_ **\u201cq\u201d**",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		text, title := ingest.MarkdownText(src)
		if !utf8.ValidString(text) || !utf8.ValidString(title) {
			t.Fatalf("invalid UTF-8 out of valid input: %q / %q", text, title)
		}
		if len(text) > len(src) {
			t.Fatalf("text (%d bytes) longer than the source (%d)", len(text), len(src))
		}
		checkRead(t, ingest.FormatMarkdown, []byte(src))
	})
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(rssFeed))
	f.Add([]byte(atomFeed))
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;x</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, ingest.FormatFeed, data)
	})
}

func FuzzPDF(f *testing.F) {
	f.Add(makePDF(f, pdfSpec{title: "T", paragraphs: []string{"Minsk.", "\f", "Moscow."}}))
	f.Add(scannedPDF(f))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, ingest.FormatPDF, data)
	})
}
