package clickhouse

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

// Table definitions. dataset_events is a ReplacingMergeTree whose sorting
// key ends with the record id, so a chunk sent twice (an import interrupted
// between sending rows and recording progress) collapses to one copy;
// queries read it with FINAL.
func (c *Client) schema() []string {
	return []string{
		`CREATE DATABASE IF NOT EXISTS ` + c.Database,
		`CREATE TABLE IF NOT EXISTS dataset_events (
	id String, origin String, orig_id String, date Date, source String, target String,
	source_raw String, target_raw String, source_name String, target_name String,
	cameo String, plover String, mode String, context String,
	goldstein Float64, quad Int8, orig_goldstein Float64, orig_quad Int8,
	mentions UInt32, sources UInt32, articles UInt32, tone Float64,
	place String, place_name String, place_country String, lat Float64, lon Float64,
	url String, added String, file String
) ENGINE = ReplacingMergeTree PARTITION BY toYear(date) ORDER BY (source, target, date, id)`,
		`CREATE TABLE IF NOT EXISTS dataset_imports (
	file_key String, path String, format String, origin String, size Int64,
	byte_offset Int64, line Int64, rows Int64, bad Int64, done UInt8, seq UInt64, updated DateTime
) ENGINE = ReplacingMergeTree(seq) ORDER BY file_key`,
		`CREATE TABLE IF NOT EXISTS dataset_rejects (file_key String, line Int64, error String)
ENGINE = ReplacingMergeTree ORDER BY (file_key, line)`,
	}
}

// Migrate creates the database and fulcrum's dataset tables when missing.
func (c *Client) Migrate(ctx context.Context) error {
	for i, q := range c.schema() {
		var err error
		if i == 0 {
			var rc io.ReadCloser
			if rc, err = c.do(ctx, q, nil, false); err == nil {
				rc.Close()
			}
		} else {
			err = c.Exec(ctx, q)
		}
		if err != nil {
			return fmt.Errorf("migrate clickhouse: %w", err)
		}
	}
	return nil
}

type progressRow struct {
	offset, line, rows, bad int64
	done                    bool
	seq                     uint64
	found                   bool
}

func (c *Client) progress(ctx context.Context, key string) (progressRow, error) {
	var p progressRow
	err := c.Query(ctx, `SELECT argMax(byte_offset, seq), argMax(line, seq), argMax(rows, seq), argMax(bad, seq), argMax(done, seq), max(seq), count()
FROM dataset_imports WHERE file_key = `+quote(key), func(f []string) error {
		if len(f) != 7 {
			return fmt.Errorf("clickhouse: progress row has %d fields", len(f))
		}
		if f[6] == "0" {
			return nil
		}
		p.found = true
		p.offset, _ = strconv.ParseInt(f[0], 10, 64)
		p.line, _ = strconv.ParseInt(f[1], 10, 64)
		p.rows, _ = strconv.ParseInt(f[2], 10, 64)
		p.bad, _ = strconv.ParseInt(f[3], 10, 64)
		p.done = f[4] == "1"
		p.seq, _ = strconv.ParseUint(f[5], 10, 64)
		return nil
	})
	return p, err
}

// ImportFile imports one event file: the same formats, checks, mapping and
// resume rules as [datasets.ImportFile]'s checked path. Records are sent in
// chunks of opt.ChunkRows lines as TabSeparated INSERTs, each followed by a
// progress row; an interrupted import resumes after the last recorded chunk.
func (c *Client) ImportFile(ctx context.Context, path string, opt datasets.Options) (datasets.Result, error) {
	start := time.Now()
	res := datasets.Result{File: path, Path: "clickhouse"}
	rd, err := datasets.Open(path, opt.Kind)
	if err != nil {
		return res, err
	}
	defer rd.Close()
	res.Format = rd.Format()
	p, err := c.progress(ctx, rd.Key())
	if err != nil {
		return res, fmt.Errorf("read import progress of %s: %w", path, err)
	}
	if p.done {
		res.Skipped, res.Lines, res.Rows, res.Bad = true, p.line, p.rows, p.bad
		res.BadRows, err = c.rejects(ctx, rd.Key(), opt)
		res.Elapsed = time.Since(start)
		return res, err
	}
	if p.found && p.line > 0 {
		res.Resumed = p.line
		res.Lines, res.Rows, res.Bad = p.line, p.rows, p.bad
		if err := rd.SkipTo(p.offset, p.line); err != nil {
			return res, err
		}
	}
	chunk := opt.ChunkRows
	if chunk <= 0 {
		chunk = datasets.DefaultChunkRows
	}
	base := filepath.Base(path)
	seq := p.seq
	for {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("import %s interrupted (committed up to line %d): %w", path, res.Lines, err)
		}
		var bads []datasets.BadRow
		var added int64
		var eof bool
		var readErr error
		startLine := rd.Line()
		pr, pw := io.Pipe()
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			w := bufio.NewWriterSize(pw, 1<<20)
			for rd.Line()-startLine < int64(chunk) {
				recs, err := rd.Next()
				if err == io.EOF {
					eof = true
					break
				}
				if re, ok := err.(*datasets.RowError); ok {
					bads = append(bads, datasets.BadRow{Line: re.Line, Err: re.Err.Error()})
					continue
				}
				if err != nil {
					readErr = err
					break
				}
				for i := range recs {
					writeRecord(w, &recs[i], base)
					added++
				}
			}
			if err := w.Flush(); err != nil {
				pw.CloseWithError(err)
				return
			}
			pw.Close()
		}()
		err := c.Insert(ctx, `INSERT INTO dataset_events FORMAT TabSeparated`, pr)
		pr.CloseWithError(io.ErrClosedPipe) // unblock the writer if the insert failed early
		<-finished
		if err != nil {
			return res, fmt.Errorf("import %s after line %d: %w", path, res.Lines, err)
		}
		if readErr != nil {
			return res, readErr
		}
		if len(bads) > 0 {
			var b strings.Builder
			w := bufio.NewWriter(&b)
			for _, x := range bads {
				escape(w, rd.Key())
				fmt.Fprintf(w, "\t%d\t", x.Line)
				escape(w, x.Err)
				w.WriteByte('\n')
			}
			w.Flush()
			if err := c.Insert(ctx, `INSERT INTO dataset_rejects FORMAT TabSeparated`, strings.NewReader(b.String())); err != nil {
				return res, fmt.Errorf("import %s: store rejected rows: %w", path, err)
			}
		}
		res.Rows += added
		res.Bad += int64(len(bads))
		res.Lines = rd.Line()
		seq++
		done := 0
		if eof {
			done = 1
		}
		row := fmt.Sprintf("%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n",
			rd.Key(), tsv(path), rd.Format(), rd.Format().Origin(), rd.Size(), rd.Offset(), rd.Line(), res.Rows, res.Bad, done, seq,
			time.Now().UTC().Format("2006-01-02 15:04:05"))
		if err := c.Insert(ctx, `INSERT INTO dataset_imports FORMAT TabSeparated`, strings.NewReader(row)); err != nil {
			return res, fmt.Errorf("import %s: record progress: %w", path, err)
		}
		if opt.OnChunk != nil {
			opt.OnChunk(res)
		}
		if eof {
			break
		}
	}
	res.BadRows, err = c.rejects(ctx, rd.Key(), opt)
	res.Elapsed = time.Since(start)
	return res, err
}

func tsv(s string) string {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	escape(w, s)
	w.Flush()
	return b.String()
}

func (c *Client) rejects(ctx context.Context, key string, opt datasets.Options) ([]datasets.BadRow, error) {
	n := opt.MaxBadListed
	if n <= 0 {
		n = 20
	}
	var out []datasets.BadRow
	err := c.Query(ctx, fmt.Sprintf(`SELECT line, any(error) FROM dataset_rejects WHERE file_key = %s GROUP BY line ORDER BY line LIMIT %d`, quote(key), n),
		func(f []string) error {
			if len(f) != 2 {
				return fmt.Errorf("clickhouse: reject row has %d fields", len(f))
			}
			l, _ := strconv.ParseInt(f[0], 10, 64)
			out = append(out, datasets.BadRow{Line: l, Err: f[1]})
			return nil
		})
	return out, err
}

// writeRecord writes r as one TabSeparated row in dataset_events order.
func writeRecord(w *bufio.Writer, r *datasets.Record, file string) {
	str := func(s string) { escape(w, s); w.WriteByte('\t') }
	num := func(v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			w.WriteString("nan")
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
	escape(w, file)
	w.WriteByte('\n')
}

// SeriesSQL is the ClickHouse query for q: the deduplication rule of
// internal/datasets applied in a subquery (GROUP BY origin, day, dyad,
// code and place, counting distinct record ids), then aggregated per period.
func SeriesSQL(q datasets.SeriesQuery) (string, error) {
	q, err := q.Check()
	if err != nil {
		return "", err
	}
	period := map[string]string{"day": "date", "week": "toMonday(date)", "month": "toStartOfMonth(date)", "year": "toStartOfYear(date)"}[q.By]
	// No FINAL: a record sent twice has the same id and the same values,
	// so counting distinct ids in each deduplicated event (and keeping one
	// row per id for raw counts) gives exact results at a fraction of
	// FINAL's cost.
	inner := `SELECT ` + period + ` AS p, source AS s, target AS t, uniqExact(id) AS reports, avg(goldstein) AS g, max(quad) AS quad
	FROM dataset_events
	WHERE ` + q.Where() + `
	GROUP BY origin, date, source, target, cameo, plover, mode, place`
	if q.Raw {
		inner = `SELECT any(` + period + `) AS p, any(source) AS s, any(target) AS t, 1 AS reports, any(goldstein) AS g, any(quad) AS quad
	FROM dataset_events
	WHERE ` + q.Where() + `
	GROUP BY id`
	}
	return `SELECT toString(p), s, t, count(), sum(reports),
	countIf(quad NOT IN (1, 2, 3, 4)), countIf(quad = 1), countIf(quad = 2), countIf(quad = 3), countIf(quad = 4),
	round(sum(g), 6), round(avg(g), 6)
FROM (` + inner + `)
GROUP BY p, s, t
ORDER BY p, s, t`, nil
}

// Series computes a dyadic series on the server, like [datasets.Series].
func (c *Client) Series(ctx context.Context, q datasets.SeriesQuery) ([]datasets.SeriesRow, error) {
	s, err := SeriesSQL(q)
	if err != nil {
		return nil, err
	}
	var out []datasets.SeriesRow
	err = c.Query(ctx, s, func(f []string) error {
		if len(f) != 12 {
			return fmt.Errorf("clickhouse: series row has %d fields", len(f))
		}
		r := datasets.SeriesRow{Period: f[0], Source: f[1], Target: f[2]}
		r.Events, _ = strconv.ParseInt(f[3], 10, 64)
		r.Reports, _ = strconv.ParseInt(f[4], 10, 64)
		for i := range 5 {
			r.Quad[i], _ = strconv.ParseInt(f[5+i], 10, 64)
		}
		r.Net, _ = strconv.ParseFloat(f[10], 64)
		r.Mean, _ = strconv.ParseFloat(f[11], 64)
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("series query: %w", err)
	}
	return out, nil
}
