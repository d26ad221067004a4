// Package ingest reads an analyst's documents into [doc.Document] values:
// plain text, Markdown, HTML, PDF (from its text layer), RSS/Atom feeds and
// JSON lines, from files, directories (recursively), standard input ("-")
// and http(s) URLs.
//
// Every document's Text is valid UTF-8 with "\n" line ends and no byte-order
// mark; all later byte offsets point into it, and its ID is [doc.HashID] of
// that text. Bad input never stops a batch: each failure is reported as an
// [*Error] naming the source and, where it matters, the line or byte offset,
// and the reader carries on with the next source.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// Default limits used when the matching [Options] field is zero.
const (
	// DefaultMaxBytes is the largest input read: 64 MiB.
	DefaultMaxBytes = 64 << 20
	// DefaultTimeout bounds one URL fetch.
	DefaultTimeout = 30 * time.Second
)

// Sentinel errors, matched with [errors.Is] through an [*Error].
var (
	// ErrEmpty reports an input with no bytes, or only white space.
	ErrEmpty = errors.New("empty document")
	// ErrBinary reports an input that is not text (NUL bytes or many
	// control characters).
	ErrBinary = errors.New("binary content, not text")
	// ErrInvalidUTF8 reports text that is not valid UTF-8; the [*Error]
	// carries the offset of the first bad byte.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge reports an input over [Options.MaxBytes].
	ErrTooLarge = errors.New("over the size limit")
	// ErrNoText reports a document that parsed but holds no visible text
	// (an HTML page of scripts only, a feed item with no content).
	ErrNoText = errors.New("no text found")
	// ErrNoTextLayer reports a PDF without extractable text, typically a
	// scanned document that needs OCR first.
	ErrNoTextLayer = errors.New("PDF has no text layer (scanned? run OCR first)")
	// ErrFormat reports input that no reader accepts (a malformed PDF or
	// feed, an XML file that is not a feed).
	ErrFormat = errors.New("unrecognised or malformed format")
	// ErrHTTPStatus reports a URL that answered with a non-2xx status.
	ErrHTTPStatus = errors.New("unexpected HTTP status")
)

// Error is one failure to read a source. Its message is a single line:
//
//	ingest: notes.jsonl:3: text: empty document
//	ingest: speech.txt: offset 1234: invalid UTF-8
//	ingest: big.txt: over the size limit (209715200 bytes > 67108864)
type Error struct {
	// Source is the path, URL or "-" as the user named it.
	Source string
	// Line is the 1-based line of the problem, or 0 when no line applies.
	Line int
	// Offset is the byte offset of the problem in the source, or -1 when
	// no offset applies.
	Offset int64
	// Err is the underlying error, often wrapping one of the ErrX
	// sentinels of this package.
	Err error
}

// Error returns the one-line message described on [Error].
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("ingest: ")
	b.WriteString(e.Source)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Offset >= 0 {
		fmt.Fprintf(&b, "offset %d: ", e.Offset)
	}
	if e.Err != nil {
		b.WriteString(oneLine(e.Err.Error()))
	} else {
		b.WriteString("unknown error")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// newError returns an [*Error] with no line or offset.
func newError(source string, err error) *Error {
	return &Error{Source: source, Offset: -1, Err: err}
}

// oneLine folds every run of white space in s into one space, so that a
// library's multi-line message stays on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Options tunes a [Reader]. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest input read, per file, stdin or URL; larger
	// inputs are refused with [ErrTooLarge] without being read into memory.
	// Zero means [DefaultMaxBytes].
	MaxBytes int64
	// HTTPClient fetches URLs. Nil means a client with Timeout.
	HTTPClient *http.Client
	// Timeout bounds each URL fetch, on top of any deadline of the
	// context. Zero means [DefaultTimeout].
	Timeout time.Duration
	// Format, when set, is the reader used for every source instead of
	// the one detected from its name, Content-Type and first bytes (for
	// Markdown on stdin, say). Empty means detect.
	Format Format
	// PDFToText is the path of poppler's pdftotext, run on a PDF that the
	// built-in reader cannot read or finds no usable text in. Empty means
	// "pdftotext" looked up in PATH (no fallback when it is absent); "-"
	// means never.
	PDFToText string
	// Author is the actor code given to documents that do not name their
	// own (a JSONL line's "author" or "source" field wins). Empty means
	// unknown.
	Author string
}

// Reader reads sources into documents. It keeps no state between calls,
// so several goroutines may use one Reader at once.
type Reader struct {
	maxBytes  int64
	timeout   time.Duration
	client    *http.Client
	author    string
	format    Format
	pdftotext string // "" when there is no fallback
}

// New returns a [Reader] with opt's defaults filled in.
func New(opt Options) *Reader {
	r := &Reader{
		maxBytes: opt.MaxBytes,
		timeout:  opt.Timeout,
		client:   opt.HTTPClient,
		author:   opt.Author,
		format:   opt.Format,
	}
	if r.maxBytes <= 0 {
		r.maxBytes = DefaultMaxBytes
	}
	if r.timeout <= 0 {
		r.timeout = DefaultTimeout
	}
	if r.client == nil {
		r.client = &http.Client{Timeout: r.timeout}
	}
	switch opt.PDFToText {
	case "-":
	case "":
		r.pdftotext, _ = exec.LookPath("pdftotext")
	default:
		r.pdftotext = opt.PDFToText
	}
	return r
}

// Read reads every document under sources, in order, and calls fn for
// each. A source is a file, a directory (read recursively, skipping hidden
// files and folders, in lexical order), "-" for stdin, or an http(s) URL.
//
// Each document's Source names where it came from: the path or URL as
// given (for a file found in a directory, the directory joined with its
// relative path), "-" for stdin, and "source#N" for the N-th line of a
// JSONL file, item of a feed or element of a JSON array. Its URL is the
// page's final URL after redirects, or the feed item's link.
//
// Read never stops at a bad source: it returns one error per failure
// (each an [*Error]) and goes on with the rest. It stops early only when
// ctx is done or fn returns an error; that error is then the last one
// returned, unwrapped. The result is nil when everything was read.
func (r *Reader) Read(ctx context.Context, sources []string, stdin io.Reader, fn func(doc.Document) error) []error {
	var errs []error
	emit := func(d doc.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(d)
	}
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return append(errs, err)
		}
		var stop error
		switch {
		case src == "-":
			stop = r.readStdin(stdin, emit, &errs)
		case isURL(src):
			stop = r.readURL(ctx, src, emit, &errs)
		default:
			stop = r.readPath(ctx, src, emit, &errs)
		}
		if stop != nil {
			return append(errs, stop)
		}
	}
	return errs
}

// emitFunc hands one document to the caller; an error stops the batch.
type emitFunc func(doc.Document) error

// readPath reads a file or walks a directory.
func (r *Reader) readPath(ctx context.Context, path string, emit emitFunc, errs *[]error) error {
	info, err := os.Stat(path)
	if err != nil {
		*errs = append(*errs, newError(path, unwrapPathError(err)))
		return nil
	}
	if !info.IsDir() {
		return r.readFile(path, info, emit, errs)
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			*errs = append(*errs, newError(p, fmt.Errorf("walk: %w", unwrapPathError(err))))
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return ctx.Err()
		}
		if !d.Type().IsRegular() {
			// Symlinks are followed only when they point at a file.
			if d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
		}
		fi, err := os.Stat(p)
		if err != nil {
			*errs = append(*errs, newError(p, unwrapPathError(err)))
			return nil
		}
		if fi.IsDir() || !fi.Mode().IsRegular() {
			return nil
		}
		return r.readFile(p, fi, emit, errs)
	})
}

// unwrapPathError drops the *fs.PathError shell, whose path the [*Error]
// already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// readFile reads one regular file, refusing it by size before reading.
func (r *Reader) readFile(path string, info fs.FileInfo, emit emitFunc, errs *[]error) error {
	if info.Size() > r.maxBytes {
		*errs = append(*errs, newError(path, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, info.Size(), r.maxBytes)))
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		*errs = append(*errs, newError(path, unwrapPathError(err)))
		return nil
	}
	data, err := readCapped(f, r.maxBytes)
	f.Close()
	if err != nil {
		*errs = append(*errs, newError(path, err))
		return nil
	}
	return r.parse(path, r.formatOf(Detect(path, data)), data, input{}, emit, errs)
}

// formatOf returns the forced format, if any, else detected.
func (r *Reader) formatOf(detected Format) Format {
	if r.format != "" {
		return r.format
	}
	return detected
}

// readStdin reads "-".
func (r *Reader) readStdin(stdin io.Reader, emit emitFunc, errs *[]error) error {
	if stdin == nil {
		*errs = append(*errs, newError("-", errors.New("no standard input")))
		return nil
	}
	data, err := readCapped(stdin, r.maxBytes)
	if err != nil {
		*errs = append(*errs, newError("-", err))
		return nil
	}
	return r.parse("-", r.formatOf(Detect("", data)), data, input{}, emit, errs)
}

// readCapped reads all of rd, or fails with [ErrTooLarge] as soon as more
// than limit bytes arrive.
func readCapped(rd io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, limit)
	}
	return data, nil
}

// input carries what is known about a source besides its bytes.
type input struct {
	url         string // the document's URL, for pages fetched from the web
	contentType string // the HTTP Content-Type, when fetched
}

// parse runs the reader for format over data and emits its documents.
func (r *Reader) parse(source string, format Format, data []byte, in input, emit emitFunc, errs *[]error) error {
	var docs []doc.Document
	var err error
	switch format {
	case FormatJSONL:
		var lineErrs []error
		docs, lineErrs = r.parseJSONL(source, data)
		*errs = append(*errs, lineErrs...)
	case FormatFeed:
		docs, err = r.parseFeed(source, data)
	case FormatPDF:
		var d doc.Document
		d, err = r.parsePDF(source, data)
		docs = []doc.Document{d}
	case FormatHTML:
		var d doc.Document
		d, err = r.parseHTML(source, data, in)
		docs = []doc.Document{d}
	case FormatMarkdown:
		var d doc.Document
		d, err = r.parseMarkdown(source, data)
		docs = []doc.Document{d}
	default:
		var d doc.Document
		d, err = r.parseText(source, data)
		docs = []doc.Document{d}
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			e = newError(source, err)
		}
		if ext := strings.ToLower(filepath.Ext(source)); errors.Is(e.Err, ErrBinary) && format == FormatText && ext != "" && !isURL(source) {
			if _, known := extFormats[ext]; !known {
				e.Err = fmt.Errorf("%w (%s files are not a format fulcrum reads)", e.Err, ext)
			}
		}
		*errs = append(*errs, e)
		return nil
	}
	for _, d := range docs {
		if d.URL == "" {
			d.URL = in.url
		}
		if err := emit(d); err != nil {
			return err
		}
	}
	return nil
}

// finish sets the fields every reader fills the same way, and drops any
// byte-order mark left at the start of the text.
func (r *Reader) finish(d *doc.Document, source string, format Format) {
	d.Text = strings.TrimLeft(d.Text, "\uFEFF")
	d.Source = source
	d.Format = string(format)
	d.ID = doc.HashID(d.Text)
	if d.Author == "" {
		d.Author = r.author
	}
	if d.Date.IsZero() {
		d.DatePrecision = ""
	}
}
