package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

// TestBadInput reads one bad file next to a good one and checks that the
// bad one gives a single one-line error naming the file (and its offset
// or line where it matters) while the good one is still read.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name    string
		file    string
		make    func(t *testing.T, path string) // writes the bad file
		is      error                           // sentinel the error wraps; nil to skip
		offset  int64                           // want Offset; -1 for none
		line    int
		message string // substring of the message
	}{
		{
			name: "binary", file: "photo.txt",
			make: writeBytes([]byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff")),
			is:   ingest.ErrBinary, offset: 7, message: "photo.txt: offset 7: binary content",
		},
		{
			name: "binary-unsupported-extension", file: "report.docx",
			make: writeBytes([]byte("PK\x03\x04\x14\x00\x06\x00")),
			is:   ingest.ErrBinary, offset: 5, message: "report.docx: offset 5: binary content, not text (.docx files are not a format fulcrum reads)",
		},
		{
			name: "binary-control-characters", file: "blob",
			make: writeBytes(bytes.Repeat([]byte("\x01\x02\x03ab"), 100)),
			is:   ingest.ErrBinary, offset: 0, message: "blob: offset 0: binary",
		},
		{
			name: "invalid-utf8", file: "latin1.txt",
			make: writeBytes([]byte("Minsk and Br\xfcssel agreed.\n")),
			is:   ingest.ErrInvalidUTF8, offset: 12, message: "latin1.txt: offset 12: invalid UTF-8",
		},
		{
			name: "invalid-utf8-after-bom", file: "bom.txt",
			make: writeBytes([]byte("\xef\xbb\xbfok \xc3\x28")),
			is:   ingest.ErrInvalidUTF8, offset: 6, message: "offset 6",
		},
		{
			name: "empty", file: "empty.txt",
			make: writeBytes(nil),
			is:   ingest.ErrEmpty, offset: -1, message: "empty.txt: empty document (0 bytes)",
		},
		{
			name: "blank", file: "blank.md",
			make: writeBytes([]byte(" \n\t\r\n")),
			is:   ingest.ErrEmpty, offset: -1, message: "blank.md: empty document",
		},
		{
			name: "too-large", file: "huge.txt",
			make: func(t *testing.T, path string) {
				// A sparse 200 MB file: refused by size, never read.
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				f.Close()
				if err := os.Truncate(path, 200<<20); err != nil {
					t.Fatal(err)
				}
			},
			is: ingest.ErrTooLarge, offset: -1, message: "huge.txt: over the size limit (209715200 bytes > 67108864)",
		},
		{
			name: "pdf-without-text-layer", file: "scan.pdf",
			make: func(t *testing.T, path string) { os.WriteFile(path, scannedPDF(t), 0o644) },
			is:   ingest.ErrNoTextLayer, offset: -1, message: "scan.pdf: PDF has no text layer",
		},
		{
			name: "pdf-undecodable-glyphs", file: "fonts.pdf",
			make: func(t *testing.T, path string) { os.WriteFile(path, undecodablePDF(t), 0o644) },
			is:   ingest.ErrNoTextLayer, offset: -1, message: "fonts.pdf: PDF has no text layer (scanned? run OCR first) (100 of ",
		},
		{
			name: "pdf-truncated", file: "cut.pdf",
			make: func(t *testing.T, path string) {
				data := makePDF(t, pdfSpec{paragraphs: []string{"Some text."}})
				os.WriteFile(path, data[:len(data)/2], 0o644)
			},
			is: ingest.ErrFormat, offset: -1, message: "cut.pdf: unrecognised or malformed format",
		},
		{
			name: "broken-feed", file: "news.rss",
			make: writeBytes([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>One</item></channel>`)),
			is:   ingest.ErrFormat, offset: -1, message: "news.rss: unrecognised or malformed format: feed:",
		},
		{
			name: "xml-not-a-feed", file: "data.xml",
			make: writeBytes([]byte(`<?xml version="1.0"?><catalog><book>Go</book></catalog>`)),
			is:   ingest.ErrFormat, offset: -1, message: "data.xml:",
		},
		{
			name: "jsonl-bad-line", file: "docs.jsonl",
			make:   writeBytes([]byte("{\"text\": \"Fine.\"}\n{\"text\": \"Broken\n")),
			offset: -1, line: 2, message: "docs.jsonl:2: json:",
		},
		{
			name: "html-without-text", file: "blank.html",
			make: writeBytes([]byte("<html><head><script>var x = 1;</script></head><body><nav><a href=/>Home</a></nav></body></html>")),
			is:   ingest.ErrNoText, offset: -1, message: "blank.html: no text found",
		},
		{
			name: "missing-file", file: "",
			is: os.ErrNotExist, offset: -1, message: "nowhere.txt: stat:",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			good := writeFile(t, dir, "good.txt", []byte("Belarus voted with Russia.\n"))
			bad := filepath.Join(dir, "nowhere.txt")
			if tc.file != "" {
				bad = filepath.Join(dir, tc.file)
				tc.make(t, bad)
			}
			// Without the pdftotext fallback, so that the result does not
			// depend on what is installed (TestPDFToTextFallback has it).
			r := ingest.New(ingest.Options{PDFToText: "-"})
			docs, errs := readAll(t, r, []string{bad, good}, nil)
			if len(docs) == 0 || docs[len(docs)-1].Source != good {
				t.Errorf("the good file after the bad one was not read: got %d documents", len(docs))
			}
			if len(errs) != 1 {
				t.Fatalf("got %d errors %v, want 1", len(errs), errs)
			}
			e := asError(t, errs[0])
			msg := e.Error()
			if strings.ContainsAny(msg, "\n\r") {
				t.Errorf("message is not one line: %q", msg)
			}
			if !strings.HasPrefix(msg, "ingest: "+bad) {
				t.Errorf("message %q does not start with ingest: and the path %s", msg, bad)
			}
			if !strings.Contains(msg, tc.message) {
				t.Errorf("message %q does not contain %q", msg, tc.message)
			}
			if tc.is != nil && !errors.Is(e, tc.is) {
				t.Errorf("error %v does not wrap %v", e, tc.is)
			}
			if got, want := e.Offset, tc.offset; got != want {
				t.Errorf("offset: got %d, want %d", got, want)
			}
			if got, want := e.Line, tc.line; got != want {
				t.Errorf("line: got %d, want %d", got, want)
			}
		})
	}
}

// writeBytes returns a maker that writes data.
func writeBytes(data []byte) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSingleLineText checks that a 5 MB text with no line break is read
// whole: only binary or oversized input is refused.
func TestSingleLineText(t *testing.T) {
	sentence := "Minsk reaffirmed its commitment to a multi-vector foreign policy — “между Востоком и Западом”. "
	var b strings.Builder
	for b.Len() < 5<<20 {
		b.WriteString(sentence)
	}
	path := writeFile(t, t.TempDir(), "line.txt", []byte(b.String()))
	docs, errs := readAll(t, nil, []string{path}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	if got, want := docs[0].Text, b.String(); got != want {
		t.Errorf("text of %d bytes differs from the %d bytes written", len(got), len(want))
	}
}

func TestMaxBytesOption(t *testing.T) {
	dir := t.TempDir()
	small := writeFile(t, dir, "small.txt", []byte("Short enough."))
	big := writeFile(t, dir, "big.txt", bytes.Repeat([]byte("word "), 100))
	r := ingest.New(ingest.Options{MaxBytes: 100})
	docs, errs := readAll(t, r, []string{small, big}, nil)
	if len(docs) != 1 || len(errs) != 1 || !errors.Is(errs[0], ingest.ErrTooLarge) {
		t.Fatalf("got %d documents and errors %v, want 1 document and one ErrTooLarge", len(docs), errs)
	}
	// Stdin has no size to check first: it is cut off at the limit.
	_, errs = readAll(t, r, []string{"-"}, bytes.NewReader(bytes.Repeat([]byte("word "), 100)))
	if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrTooLarge) {
		t.Fatalf("stdin: got errors %v, want one ErrTooLarge", errs)
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("First document.\n"))
	writeFile(t, dir, "sub/b.md", []byte("# Heading\n\nSecond *document*.\n"))
	writeFile(t, dir, "sub/deeper/c", []byte("<!doctype html><html><body><p>Third document, sniffed as HTML.</p></body></html>"))
	writeFile(t, dir, "sub/d.jsonl", []byte(`{"id": 1, "text": "Fourth."}`+"\n"+`{"id": 2, "text": "Fifth."}`+"\n"))
	writeFile(t, dir, ".hidden.txt", []byte("Hidden file."))
	writeFile(t, dir, ".git/config.txt", []byte("Hidden folder."))
	writeFile(t, dir, "sub/.cache/e.txt", []byte("Hidden nested folder."))
	docs, errs := readAll(t, nil, []string{dir}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, d := range docs {
		rel, _ := filepath.Rel(dir, d.Source)
		got = append(got, filepath.ToSlash(rel)+" "+d.Format+" "+strings.TrimSpace(d.Text))
	}
	want := []string{
		"a.txt text First document.",
		"sub/b.md markdown Heading\n\nSecond document.",
		"sub/d.jsonl#1 jsonl Fourth.",
		"sub/d.jsonl#2 jsonl Fifth.",
		"sub/deeper/c html Third document, sniffed as HTML.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestStdin(t *testing.T) {
	in := "\ufeffStatement of the Ministry\r\n\r\nThe Ministry welcomes the talks.\r\n"
	docs, errs := readAll(t, ingest.New(ingest.Options{Author: "BLR"}), []string{"-"}, strings.NewReader(in))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	want := doc.Document{
		ID:     doc.HashID("Statement of the Ministry\n\nThe Ministry welcomes the talks.\n"),
		Source: "-", Format: "text", Title: "Statement of the Ministry", Author: "BLR",
		Text: "Statement of the Ministry\n\nThe Ministry welcomes the talks.\n",
	}
	if d != want {
		t.Errorf("got %+v\nwant %+v", d, want)
	}
	_, errs = readAll(t, nil, []string{"-"}, nil)
	if len(errs) != 1 {
		t.Errorf("no stdin: got errors %v, want 1", errs)
	}
}

func TestCallbackErrorStops(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("One."))
	b := writeFile(t, dir, "b.txt", []byte("Two."))
	stop := errors.New("disk full")
	n := 0
	errs := ingest.New(ingest.Options{}).Read(t.Context(), []string{a, "/nonexistent/x.txt", b}, nil, func(doc.Document) error {
		n++
		return stop
	})
	if n != 1 {
		t.Errorf("callback ran %d times, want 1", n)
	}
	if len(errs) != 1 || errs[0] != stop {
		t.Errorf("got %v, want only the callback's error", errs)
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", []byte("One."))
	n := 0
	errs := ingest.New(ingest.Options{}).Read(ctx, []string{a}, nil, func(doc.Document) error { n++; return nil })
	if n != 0 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("got %d documents and %v, want none and context.Canceled", n, errs)
	}
}

func TestErrorMessage(t *testing.T) {
	cases := []struct {
		name string
		err  ingest.Error
		want string
	}{
		{"line", ingest.Error{Source: "a.jsonl", Line: 3, Offset: -1, Err: errors.New("text: empty document")}, "ingest: a.jsonl:3: text: empty document"},
		{"offset", ingest.Error{Source: "a.txt", Offset: 1234, Err: ingest.ErrInvalidUTF8}, "ingest: a.txt: offset 1234: invalid UTF-8"},
		{"offset-zero", ingest.Error{Source: "b", Offset: 0, Err: ingest.ErrBinary}, "ingest: b: offset 0: binary content, not text"},
		{"neither", ingest.Error{Source: "http://x", Offset: -1, Err: errors.New("get: unreachable:\n  connection refused")}, "ingest: http://x: get: unreachable: connection refused"},
		{"nil", ingest.Error{Source: "c", Offset: -1}, "ingest: c: unknown error"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFormatOption(t *testing.T) {
	in := "# Statement\n\nMinsk *welcomes* the talks."
	docs, errs := readAll(t, ingest.New(ingest.Options{Format: ingest.FormatMarkdown}), []string{"-"}, strings.NewReader(in))
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("got %d documents and %v, want 1 and none", len(docs), errs)
	}
	if got, want := docs[0].Text, "Statement\n\nMinsk welcomes the talks."; got != want || docs[0].Format != "markdown" || docs[0].Title != "Statement" {
		t.Errorf("got %q (%s, title %q), want %q (markdown, title Statement)", got, docs[0].Format, docs[0].Title, want)
	}
	// Without the option, stdin is sniffed as plain text.
	docs, _ = readAll(t, nil, []string{"-"}, strings.NewReader(in))
	if len(docs) != 1 || docs[0].Format != "text" || docs[0].Text != in {
		t.Errorf("sniffed: got %+v, want the text unchanged as format text", docs)
	}
}
