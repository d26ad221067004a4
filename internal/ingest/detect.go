package ingest

import (
	"bytes"
	"mime"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format names a reader; it becomes [doc.Document.Format].
type Format string

// The formats this package reads.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatPDF      Format = "pdf"
	FormatFeed     Format = "feed"
	FormatJSONL    Format = "jsonl"
)

// extFormats maps lower-case file extensions to formats.
var extFormats = map[string]Format{
	".txt":      FormatText,
	".text":     FormatText,
	".md":       FormatMarkdown,
	".markdown": FormatMarkdown,
	".mdown":    FormatMarkdown,
	".html":     FormatHTML,
	".htm":      FormatHTML,
	".xhtml":    FormatHTML,
	".pdf":      FormatPDF,
	".rss":      FormatFeed,
	".atom":     FormatFeed,
	".jsonl":    FormatJSONL,
	".ndjson":   FormatJSONL,
	".json":     FormatJSONL,
}

// sniffLen is how much of the head of an input Detect looks at.
const sniffLen = 1024

// Detect picks the format of an input from its name's extension, and when
// the extension is unknown or ambiguous (.xml, none), from its
// first bytes: "%PDF-" at the start (or in the first KiB of bytes that
// are not text) is PDF, whatever the extension; "<rss", "<feed", "<rdf:RDF" (after an
// optional "<?xml …?>" and comments) are feeds; "<!doctype html", "<html"
// and other HTML tags are HTML; "{" (or "[{", a JSON array of records) is
// JSON lines. Anything else is plain
// text, which [Reader] then checks for binary content and bad UTF-8.
func Detect(name string, head []byte) Format {
	if f, ok := extFormats[strings.ToLower(filepath.Ext(name))]; ok {
		// A PDF misnamed .txt or .html still goes by content: its
		// bytes are never text.
		if f != FormatPDF && isPDF(head) {
			return FormatPDF
		}
		return f
	}
	return Sniff(head)
}

// Sniff picks a format from the first bytes of an input alone; see
// [Detect].
func Sniff(head []byte) Format {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if isPDF(head) {
		return FormatPDF
	}
	h := bytes.TrimPrefix(head, bomUTF8)
	h = bytes.TrimLeft(h, " \t\r\n\f")
	if len(h) == 0 {
		return FormatText
	}
	switch h[0] {
	case '{':
		return FormatJSONL
	case '[':
		if j := bytes.TrimLeft(h[1:], " \t\r\n"); len(j) > 0 && j[0] == '{' {
			return FormatJSONL // a JSON array of records
		}
	case '<':
		return sniffMarkup(h)
	}
	return FormatText
}

// hasPDFHeader reports whether the PDF header appears in the first KiB,
// where PDF readers look for it.
func hasPDFHeader(head []byte) bool {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

// isPDF reports whether head is the start of a PDF: it begins with the
// header, or has the header in its first KiB and is not text (PDF writers
// put a comment of high bytes on the second line). A text that merely
// mentions "%PDF-" is not a PDF.
func isPDF(head []byte) bool {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\f\x00"), []byte("%PDF-")) {
		return true
	}
	if !hasPDFHeader(head) {
		return false
	}
	// Drop a rune cut by the sniff length before checking for text.
	for i := len(head) - 1; i >= 0 && i >= len(head)-3; i-- {
		if utf8.RuneStart(head[i]) {
			if !utf8.FullRune(head[i:]) {
				head = head[:i]
			}
			break
		}
	}
	return !utf8.Valid(head) || bytes.IndexByte(head, 0) >= 0
}

// htmlTags are tag openings that mark a document as HTML.
var htmlTags = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<main", "<section", "<h1", "<table", "<script", "<style", "<link", "<a ", "<br"}

// sniffMarkup tells feeds from HTML in input that starts with '<'.
func sniffMarkup(h []byte) Format {
	lower := bytes.ToLower(h)
	// Skip the XML declaration, processing instructions, comments and
	// doctype of XML, to reach the root element.
	rest := lower
prolog:
	for len(rest) > 0 {
		rest = bytes.TrimLeft(rest, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			i := bytes.Index(rest, []byte("?>"))
			if i < 0 {
				return FormatFeed // an XML declaration cut by the sniff length
			}
			rest = rest[i+2:]
			continue
		case bytes.HasPrefix(rest, []byte("<!--")):
			i := bytes.Index(rest, []byte("-->"))
			if i < 0 {
				rest = nil
				break prolog
			}
			rest = rest[i+3:]
			continue
		case bytes.HasPrefix(rest, []byte("<!doctype html")):
			return FormatHTML
		case bytes.HasPrefix(rest, []byte("<!doctype")):
			i := bytes.IndexByte(rest, '>')
			if i < 0 {
				rest = nil
				break prolog
			}
			rest = rest[i+1:]
			continue
		}
		break prolog
	}
	for _, root := range []string{"<rss", "<feed", "<rdf:rdf", "<rdf "} {
		if bytes.HasPrefix(rest, []byte(root)) {
			return FormatFeed
		}
	}
	for _, tag := range htmlTags {
		if bytes.Contains(lower, []byte(tag)) {
			return FormatHTML
		}
	}
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		// XML that is neither a feed nor XHTML: let the feed reader say
		// what is wrong with it.
		return FormatFeed
	}
	return FormatText
}

// formatForResponse picks the reader for a fetched URL: the Content-Type
// when it is specific, else the URL path's extension, else the content.
func formatForResponse(u *url.URL, contentType string, head []byte) Format {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		if isPDF(head) {
			return FormatPDF
		}
		return FormatHTML
	case "application/pdf", "application/x-pdf":
		return FormatPDF
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml":
		return FormatFeed
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return FormatJSONL
	case "text/markdown", "text/x-markdown":
		return FormatMarkdown
	}
	if u != nil {
		if _, ok := extFormats[strings.ToLower(path.Ext(u.Path))]; ok {
			return Detect(u.Path, head)
		}
	}
	return Sniff(head)
}
