package datasets

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// RowError is a bad input row: its line number and why. [Reader.Next]
// returns it for a row it cannot parse; the reader stays usable.
type RowError struct {
	Line int64
	Err  error
}

func (e *RowError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *RowError) Unwrap() error { return e.Err }

// Reader streams the records of one event file, a line at a time, in
// constant memory. It reads plain, .zip and .gz files.
type Reader struct {
	in     *input
	br     *bufio.Reader
	format Format
	key    string
	parse  func([]string, []byte) ([]Record, error)
	pos    int64 // bytes consumed (uncompressed)
	line   int64 // lines consumed
	data   int64 // byte offset where data rows start (after a header)
}

// Open opens an event file and detects its format from the first line. A
// file in another format than kind ("gdelt", "icews", "polecat"; "" for
// any) is rejected with a [*FormatError]. The header row of ICEWS and
// POLECAT files is read here.
func Open(path, kind string) (*Reader, error) {
	key, err := fileKey(path)
	if err != nil {
		return nil, err
	}
	in, err := openInput(path)
	if err != nil {
		return nil, err
	}
	r := &Reader{in: in, br: bufio.NewReaderSize(in.rc, 1<<20), key: key}
	if err := r.detect(kind); err != nil {
		in.Close()
		return nil, err
	}
	return r, nil
}

func (r *Reader) detect(kind string) error {
	path := r.in.path
	first, err := peekLine(r.br)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if len(bytes.TrimSpace(first)) == 0 {
		return fmt.Errorf("%s: %w: empty first line", path, ErrUnknownFormat)
	}
	f, shape, err := Detect(first)
	if err != nil {
		if kind != "" {
			return &FormatError{File: path, Want: kind, Shape: shape}
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	if !matches(kind, f) {
		return &FormatError{File: path, Want: kind, Got: f, Shape: shape}
	}
	r.format = f
	switch f {
	case GDELT1, GDELT2:
		r.parse = func(fs []string, _ []byte) ([]Record, error) {
			rec, err := ParseGDELT(fs)
			return []Record{rec}, err
		}
	case ICEWS, POLECAT:
		hdr, err := r.br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("read %s: %w", path, err)
		}
		r.pos, r.line, r.data = int64(len(hdr)), 1, int64(len(hdr))
		fields := strings.Split(strings.TrimRight(string(hdr), "\r\n"), "\t")
		if f == ICEWS {
			l, err := NewICEWSLayout(fields)
			if err != nil {
				return fmt.Errorf("%s:1: %w", path, err)
			}
			r.parse = func(fs []string, _ []byte) ([]Record, error) {
				rec, err := l.Parse(fs)
				return []Record{rec}, err
			}
		} else {
			l, err := NewPOLECATLayout(fields)
			if err != nil {
				return fmt.Errorf("%s:1: %w", path, err)
			}
			r.parse = func(fs []string, _ []byte) ([]Record, error) { return l.Parse(fs) }
		}
	case PLOVERJSON:
		r.parse = func(_ []string, line []byte) ([]Record, error) { return ParsePLOVERJSON(line) }
	}
	return nil
}

// Format is the detected format.
func (r *Reader) Format() Format { return r.format }

// Key is the file's identity: a hash of its first 64 KiB and its size.
func (r *Reader) Key() string { return r.key }

// Path is the file's path.
func (r *Reader) Path() string { return r.in.path }

// Size is the uncompressed size in bytes, or -1 when unknown (.gz).
func (r *Reader) Size() int64 { return r.in.size }

// Offset is the number of (uncompressed) bytes consumed so far.
func (r *Reader) Offset() int64 { return r.pos }

// Line is the number of lines consumed so far, header included.
func (r *Reader) Line() int64 { return r.line }

// Close closes the file.
func (r *Reader) Close() error { return r.in.Close() }

// SkipTo skips to byte offset off, which must be the start of line line+1
// as recorded from an earlier [Reader.Offset] and [Reader.Line]. Plain
// files seek; compressed ones read forward.
func (r *Reader) SkipTo(off, line int64) error {
	if off <= r.pos {
		return nil
	}
	if r.in.file != nil {
		if _, err := r.in.file.Seek(off, io.SeekStart); err != nil {
			return fmt.Errorf("resume %s at byte %d: %w", r.in.path, off, err)
		}
		r.br.Reset(r.in.file)
	} else if _, err := io.CopyN(io.Discard, r.br, off-r.pos); err != nil {
		return fmt.Errorf("resume %s at byte %d: %w", r.in.path, off, err)
	}
	r.pos, r.line = off, line
	return nil
}

// Next returns the records of the next non-empty line: one for GDELT and
// ICEWS, one per actor–recipient pair for POLECAT. A line that does not
// parse gives a [*RowError] and the reader moves on; the end of the file
// gives io.EOF.
func (r *Reader) Next() ([]Record, error) {
	for {
		line, err := r.br.ReadBytes('\n')
		if len(line) > 0 {
			r.pos += int64(len(line))
			r.line++
			body := bytes.TrimRight(line, "\r\n")
			if len(bytes.TrimSpace(body)) > 0 {
				var fs []string
				if r.format != PLOVERJSON {
					fs = strings.Split(string(body), "\t")
				}
				recs, perr := r.parse(fs, body)
				if perr != nil {
					return nil, &RowError{Line: r.line, Err: perr}
				}
				return recs, nil
			}
		}
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("read %s at line %d: %w", r.in.path, r.line+1, err)
		}
	}
}

// isRowError reports whether err is a bad row (as opposed to an I/O error).
func isRowError(err error) (*RowError, bool) {
	var re *RowError
	ok := errors.As(err, &re)
	return re, ok
}
