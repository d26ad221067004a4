package datasets

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// DefaultChunkRows is how many input lines the checked import commits at a
// time, with its byte offset, when Options.ChunkRows is 0.
const DefaultChunkRows = 250_000

// Options tune an import. The zero value imports with the defaults.
type Options struct {
	// Kind is the format asked for: "gdelt", "icews" or "polecat". A file in
	// another format is rejected with a [*FormatError]. Empty accepts any.
	Kind string
	// Checked makes GDELT files go through the Go parser ([ParseGDELT]) with
	// its field checks and chunked, byte-offset resume, instead of the fast
	// path (DuckDB's own CSV reader, mapping in SQL, one transaction per
	// file). ICEWS and POLECAT files always take the checked path.
	Checked bool
	// ChunkRows is the number of input lines per committed chunk in the
	// checked path; 0 means [DefaultChunkRows].
	ChunkRows int
	// Progress receives a progress line, redrawn with "\r"; nil draws none.
	// Pass a terminal only (see [Terminal]).
	Progress io.Writer
	// OnChunk, when set, is called after each committed chunk of the checked
	// path with the totals so far.
	OnChunk func(Result)
	// TempDir holds staging files; "" means os.TempDir().
	TempDir string
	// MaxBadListed caps Result.BadRows; 0 means 20. Bad rows are all counted
	// and all stored in dataset_rejects regardless.
	MaxBadListed int
}

// BadRow is an input row that was not imported.
type BadRow struct {
	Line int64  // 1-based line number in the (uncompressed) file
	Err  string // why
}

// Result reports one file's import.
type Result struct {
	File    string
	Format  Format
	Path    string // "fast" or "checked"
	Lines   int64  // input lines committed, header included, over all runs
	Rows    int64  // records stored from this file, over all runs
	Bad     int64  // rows rejected, over all runs
	BadRows []BadRow
	Skipped bool  // the file had been imported completely before: nothing done
	Resumed int64 // the line an interrupted import resumed after; 0 if it started afresh
	Elapsed time.Duration
}

// ImportFile imports one event file into db, whose dataset tables must
// exist ([Migrate]). The format is detected from the first line and must
// match opt.Kind.
//
// Imports are idempotent and resumable: the file is identified by content
// (see dataset_imports); a file imported completely is skipped, and a file
// whose import was interrupted continues after its last committed chunk
// (checked path) or starts again (fast path, whose single transaction was
// rolled back). Record ids (origin and the dataset's id) keep repeated rows
// out. Bad rows are counted, listed with their line numbers and stored in
// dataset_rejects; the rest of the file is imported.
func ImportFile(ctx context.Context, db *sql.DB, path string, opt Options) (Result, error) {
	start := time.Now()
	res := Result{File: path}
	rd, err := Open(path, opt.Kind)
	if err != nil {
		return res, err
	}
	defer rd.Close()
	f, key := rd.Format(), rd.Key()
	res.Format = f

	var done bool
	var line, off, rows, bad int64
	err = db.QueryRowContext(ctx, `SELECT done, line, byte_offset, rows, bad FROM dataset_imports WHERE file_key = ?`, key).
		Scan(&done, &line, &off, &rows, &bad)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = db.ExecContext(ctx, `INSERT INTO dataset_imports VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, false, now(), NULL)`,
			key, path, string(f), f.Origin(), rd.Size())
		if err != nil {
			return res, fmt.Errorf("record import of %s: %w", path, err)
		}
	case err != nil:
		return res, fmt.Errorf("read import progress of %s: %w", path, err)
	case done:
		res.Skipped, res.Lines, res.Rows, res.Bad = true, line, rows, bad
		res.BadRows, _ = listRejects(ctx, db, key, opt.maxBad())
		res.Elapsed = time.Since(start)
		return res, nil
	}

	if (f == GDELT1 || f == GDELT2) && !opt.Checked {
		res.Path = "fast"
		first, perr := peekLine(rd.br)
		if perr != nil {
			return res, fmt.Errorf("read %s: %w", path, perr)
		}
		ncol := bytes.Count(bytes.TrimSuffix(first, []byte("\r")), []byte("\t")) + 1
		err = importFast(ctx, db, rd.in, rd.br, key, ncol, opt, &res)
	} else {
		res.Path = "checked"
		res.Lines, res.Rows, res.Bad = line, rows, bad
		if line > 0 {
			res.Resumed = line
		}
		if err = rd.SkipTo(off, line); err == nil {
			err = importChecked(ctx, db, rd, opt, &res)
		}
	}
	res.Elapsed = time.Since(start)
	if err != nil {
		return res, err
	}
	res.BadRows, err = listRejects(ctx, db, key, opt.maxBad())
	return res, err
}

func (o Options) maxBad() int {
	if o.MaxBadListed <= 0 {
		return 20
	}
	return o.MaxBadListed
}

func (o Options) chunk() int {
	if o.ChunkRows <= 0 {
		return DefaultChunkRows
	}
	return o.ChunkRows
}

func listRejects(ctx context.Context, db *sql.DB, key string, n int) ([]BadRow, error) {
	rs, err := db.QueryContext(ctx, `SELECT line, error FROM dataset_rejects WHERE file_key = ? ORDER BY line LIMIT ?`, key, n)
	if err != nil {
		return nil, fmt.Errorf("list rejected rows: %w", err)
	}
	defer rs.Close()
	var out []BadRow
	for rs.Next() {
		var b BadRow
		if err := rs.Scan(&b.Line, &b.Err); err != nil {
			return nil, fmt.Errorf("list rejected rows: %w", err)
		}
		out = append(out, b)
	}
	return out, rs.Err()
}

// peekLine returns the first line without consuming it.
func peekLine(br *bufio.Reader) ([]byte, error) {
	for n := 4096; ; n *= 2 {
		b, err := br.Peek(n)
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return b[:i], nil
		}
		if err != nil {
			if err == io.EOF || errors.Is(err, bufio.ErrBufferFull) {
				return b, nil
			}
			return nil, err
		}
	}
}

// sqlString quotes s as a SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// importChecked streams the file through the Go parsers, writing mapped
// records to a staging file that DuckDB loads chunk by chunk; each chunk
// commits together with the byte offset and line reached.
func importChecked(ctx context.Context, db *sql.DB, rd *Reader, opt Options, res *Result) error {
	path := rd.Path()
	dir := opt.TempDir
	if dir == "" {
		dir = os.TempDir()
	}
	stage, err := os.CreateTemp(dir, "fulcrum-stage-*.tsv")
	if err != nil {
		return fmt.Errorf("create staging file: %w", err)
	}
	defer os.Remove(stage.Name())
	defer stage.Close()
	w := bufio.NewWriterSize(stage, 1<<20)
	prog := newProgress(opt.Progress, path, rd.Size())
	defer prog.finish()

	var bads []BadRow
	staged := 0
	chunkStart := rd.Line()
	base := filepath.Base(path)
	commit := func(done bool) error {
		if err := w.Flush(); err != nil {
			return fmt.Errorf("write staging file: %w", err)
		}
		added, err := commitChunk(ctx, db, stage.Name(), staged > 0, rd.Key(), rd.Offset(), rd.Line(), bads, done)
		if err != nil {
			return fmt.Errorf("import %s up to line %d: %w", path, rd.Line(), err)
		}
		res.Rows += added
		res.Bad += int64(len(bads))
		res.Lines = rd.Line()
		bads, staged, chunkStart = bads[:0], 0, rd.Line()
		if _, err := stage.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("rewind staging file: %w", err)
		}
		if err := stage.Truncate(0); err != nil {
			return fmt.Errorf("truncate staging file: %w", err)
		}
		w.Reset(stage)
		if opt.OnChunk != nil {
			opt.OnChunk(*res)
		}
		return nil
	}
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("import %s interrupted at line %d (committed up to line %d): %w", path, rd.Line(), res.Lines, err)
			}
			prog.update(rd.Offset(), rd.Line())
		}
		recs, err := rd.Next()
		if err == io.EOF {
			return commit(true)
		}
		if re, ok := isRowError(err); ok {
			bads = append(bads, BadRow{Line: re.Line, Err: re.Err.Error()})
		} else if err != nil {
			return err
		}
		for i := range recs {
			writeStaged(w, &recs[i], base)
			staged++
		}
		if rd.Line()-chunkStart >= int64(opt.chunk()) {
			if err := commit(false); err != nil {
				return err
			}
		}
	}
}

// writeStaged writes r as one tab-separated staging row in eventColumns
// order; \N is null.
func writeStaged(w *bufio.Writer, r *Record, file string) {
	str := func(s string) { w.WriteString(clean(s)); w.WriteByte('\t') }
	num := func(v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			w.WriteString(`\N`)
		} else {
			w.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
		w.WriteByte('\t')
	}
	integer := func(v int) { w.WriteString(strconv.Itoa(v)); w.WriteByte('\t') }
	str(r.ID())
	str(r.Origin)
	str(r.OrigID)
	str(r.Date)
	str(r.Source)
	str(r.Target)
	str(r.SourceRaw)
	str(r.TargetRaw)
	str(r.SourceName)
	str(r.TargetName)
	str(r.CAMEO)
	str(r.PLOVER)
	str(r.Mode)
	str(r.Context)
	num(r.Goldstein)
	integer(r.Quad)
	num(r.OrigGoldstein)
	integer(r.OrigQuad)
	integer(r.Mentions)
	integer(r.Sources)
	integer(r.Articles)
	num(r.Tone)
	str(r.Place)
	str(r.PlaceName)
	str(r.PlaceCountry)
	num(r.Lat)
	num(r.Lon)
	str(r.URL)
	str(r.Added)
	w.WriteString(clean(file))
	w.WriteByte('\n')
}

func stagingColumns() string {
	var b strings.Builder
	b.WriteString("{")
	for i, c := range eventColumns {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'%s': '%s'", c.name, c.typ)
	}
	b.WriteString("}")
	return b.String()
}

// commitChunk loads one staging file and records progress in a single
// transaction, and returns how many records it added.
func commitChunk(ctx context.Context, db *sql.DB, stage string, haveRows bool, key string, pos, line int64, bads []BadRow, done bool) (int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var added int64
	if haveRows {
		q := `INSERT INTO dataset_events SELECT s.* FROM read_csv(` + sqlString(stage) + `, delim='\t', quote='', escape='', header=false,
	auto_detect=false, nullstr='\N', columns=` + stagingColumns() + `) s
WHERE NOT EXISTS (SELECT 1 FROM dataset_events e WHERE e.id = s.id)
QUALIFY row_number() OVER (PARTITION BY s.id) = 1`
		r, err := tx.ExecContext(ctx, q)
		if err != nil {
			return 0, fmt.Errorf("load staged rows: %w", err)
		}
		added, _ = r.RowsAffected()
	}
	for len(bads) > 0 {
		n := min(len(bads), 500)
		var b strings.Builder
		args := make([]any, 0, 3*n)
		b.WriteString(`INSERT INTO dataset_rejects VALUES `)
		for i, x := range bads[:n] {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("(?,?,?)")
			args = append(args, key, x.Line, x.Err)
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return 0, fmt.Errorf("store rejected rows: %w", err)
		}
		bads = bads[n:]
	}
	_, err = tx.ExecContext(ctx, `UPDATE dataset_imports SET byte_offset = ?, line = ?, rows = rows + ?, bad = (SELECT count(*) FROM dataset_rejects WHERE file_key = ?),
	done = ?, finished = CASE WHEN ? THEN now() END WHERE file_key = ?`, pos, line, added, key, done, done, key)
	if err != nil {
		return 0, fmt.Errorf("record progress: %w", err)
	}
	return added, tx.Commit()
}
