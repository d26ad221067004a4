package ingest_test

import (
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

func TestDetect(t *testing.T) {
	cases := []struct {
		name, file, head string
		want             ingest.Format
	}{
		{"txt", "a.txt", "Hello.", ingest.FormatText},
		{"md", "a.MD", "# Title", ingest.FormatMarkdown},
		{"html-ext", "a.htm", "no tags", ingest.FormatHTML},
		{"pdf-ext", "a.pdf", "%PDF-1.7", ingest.FormatPDF},
		{"pdf-named-txt", "a.txt", "%PDF-1.4\n%\xe2\xe3", ingest.FormatPDF},
		{"pdf-after-junk", "", "\r\n  junk %PDF-1.5\n%\xe2\xe3\xcf\xd3\n", ingest.FormatPDF},
		{"text-mentioning-pdf-header", "notes.md", "A PDF file starts with %PDF-1.7 and a binary comment.", ingest.FormatMarkdown},
		{"sniffed-text-mentioning-pdf-header", "", "A PDF file starts with %PDF-1.7.", ingest.FormatText},
		{"jsonl-ext", "a.ndjson", "", ingest.FormatJSONL},
		{"rss-ext", "a.rss", "", ingest.FormatFeed},
		{"sniff-rss", "feed", `<?xml version="1.0" encoding="utf-8"?>` + "\n<rss version=\"2.0\">", ingest.FormatFeed},
		{"sniff-atom-after-comment", "x.xml", `<?xml version="1.0"?><!-- generated --><feed xmlns="http://www.w3.org/2005/Atom">`, ingest.FormatFeed},
		{"sniff-rdf", "", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, ingest.FormatFeed},
		{"sniff-xhtml", "page.xml", `<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">`, ingest.FormatHTML},
		{"sniff-doctype", "", "\ufeff  <!DOCTYPE html>", ingest.FormatHTML},
		{"sniff-fragment", "", "<p>Only a paragraph.</p>", ingest.FormatHTML},
		{"sniff-json", "data.json", `  {"text": "x"}`, ingest.FormatJSONL},
		{"sniff-text", "README", "Plain words <b>not first.", ingest.FormatText},
		{"sniff-angle-text", "", "<3 is a heart", ingest.FormatText},
		{"sniff-empty", "", "", ingest.FormatText},
		{"sniff-xml-unknown", "", `<?xml version="1.0"?><catalog/>`, ingest.FormatFeed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ingest.Detect(tc.file, []byte(tc.head)); got != tc.want {
				t.Errorf("Detect(%q, %q) = %q, want %q", tc.file, tc.head, got, tc.want)
			}
		})
	}
}
