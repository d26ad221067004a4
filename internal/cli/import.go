package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"github.com/fulcrum-dev/fulcrum/internal/clickhouse"
	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

const importUsage = `Usage: fulcrum import gdelt|icews|polecat [options] FILE...

Import public event datasets: GDELT 2.0 event exports (61 columns) and
GDELT 1.0 files (58/57 columns), plain or .zip as distributed; ICEWS
Dataverse files (.tsv or quoted .tab); POLECAT TSV files or PLOVER JSON
lines. Actors are mapped to fulcrum's codes, events carry their origin.
A file in another format is rejected at once. Bad rows are counted and
listed with their line numbers; the rest is imported. Imports are
idempotent: a file already imported is skipped, an interrupted import
resumes. With --db clickhouse://host:8123/db the data go to ClickHouse.

Examples:
  fulcrum import gdelt 20190305.export.CSV.zip 20190306.export.CSV.zip
  fulcrum import icews events.2018.20200427084805.tab
  fulcrum --db clickhouse://127.0.0.1:8123/fulcrum import gdelt *.export.CSV`

func runImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "import", importUsage)
	checked := fs.Bool("checked", false, "GDELT: parse rows in Go with field checks and resume by byte offset, instead of DuckDB's reader")
	chunk := fs.Int("chunk", 0, "lines per committed chunk of the checked path (default 250000)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return usagef("import: name a format (gdelt, icews or polecat) and at least one FILE")
	}
	kind := pos[0]
	switch kind {
	case "gdelt", "icews", "polecat":
	default:
		return usagef("import: unknown format %q (want gdelt, icews or polecat)", kind)
	}
	opt := datasets.Options{Kind: kind, Checked: *checked, ChunkRows: *chunk, Progress: datasets.Terminal(env.Stderr)}
	var importFile func(string) (datasets.Result, error)
	if clickhouse.IsURL(env.DB) {
		c, err := openClickHouse(ctx, env)
		if err != nil {
			return err
		}
		importFile = func(p string) (datasets.Result, error) { return c.ImportFile(ctx, p, opt) }
	} else {
		st, err := openStore(ctx, env)
		if err != nil {
			return err
		}
		defer st.Close()
		db := st.DB()
		if err := datasets.Migrate(ctx, db); err != nil {
			return err
		}
		importFile = func(p string) (datasets.Result, error) { return datasets.ImportFile(ctx, db, p, opt) }
	}
	failed := 0
	for _, p := range pos[1:] {
		r, err := importFile(p)
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("%w; run the same command again to resume", err)
			}
			fmt.Fprintf(env.Stderr, "Error: %s\n", err)
			var fe *datasets.FormatError
			if errors.As(err, &fe) && fe.Got != "" && fe.Got.Origin() != "" {
				fmt.Fprintf(env.Stderr, "Try: fulcrum import %s %s\n", fe.Got.Origin(), p)
			}
			failed++
			continue
		}
		printImport(env.Stdout, env.Stderr, r)
	}
	if failed > 0 {
		return &failedError{n: failed}
	}
	return nil
}

func printImport(out, errw io.Writer, r datasets.Result) {
	if r.Skipped {
		fmt.Fprintf(out, "%s: already imported (%d records, %d bad rows); skipped\n", r.File, r.Rows, r.Bad)
		return
	}
	resumed := ""
	if r.Resumed > 0 {
		resumed = fmt.Sprintf(", resumed after line %d", r.Resumed)
	}
	rate := ""
	if s := r.Elapsed.Seconds(); s > 0 {
		rate = fmt.Sprintf(", %.0f lines/s", float64(r.Lines)/s)
	}
	fmt.Fprintf(out, "%s: %s, %d records imported, %d bad rows (%s path%s%s)\n", r.File, r.Format, r.Rows, r.Bad, r.Path, resumed, rate)
	for _, b := range r.BadRows {
		fmt.Fprintf(errw, "%s:%d: %s\n", r.File, b.Line, b.Err)
	}
	if n := r.Bad - int64(len(r.BadRows)); n > 0 {
		fmt.Fprintf(errw, "%s: … and %d more bad rows (table dataset_rejects)\n", r.File, n)
	}
}

// openClickHouse connects to the ClickHouse server named by --db and
// creates fulcrum's tables there when missing.
func openClickHouse(ctx context.Context, env *Env) (*clickhouse.Client, error) {
	c, err := clickhouse.Open(env.DB)
	if err != nil {
		return nil, usagef("%v", err)
	}
	if err := c.Migrate(ctx); err != nil {
		return nil, withHint(err, "check that ClickHouse answers at "+c.Endpoint+" (.ci/clickhouse/start.sh starts a local one)")
	}
	return c, nil
}

// datasetsDB opens the DuckDB store and its dataset tables.
func datasetsDB(ctx context.Context, env *Env) (*sql.DB, func(), error) {
	st, err := openStore(ctx, env)
	if err != nil {
		return nil, nil, err
	}
	if err := datasets.Migrate(ctx, st.DB()); err != nil {
		st.Close()
		return nil, nil, err
	}
	return st.DB(), func() { st.Close() }, nil
}
