package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

const exportUsage = `Usage: fulcrum export events|votes|series|corrections [options]

Write data out for R, pandas or a spreadsheet: CSV, JSON lines or Parquet
(DuckDB writes them, so large tables never pass through memory).

  events       coded and imported events (the DESIGN.md §2 record, corrections applied)
  votes        UN General Assembly votes joined to their roll calls
  series       dyadic event series (see "fulcrum export series -h")
  corrections  the analysts' corrections with who, when and why

Examples:
  fulcrum export events --format parquet -o events.parquet
  fulcrum export events --source BLR --format csv > blr.csv
  fulcrum export votes --format csv -o unvotes.csv
  fulcrum export corrections --format jsonl -o corrections.jsonl`

func runExport(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(env.Stdout, exportUsage)
		if len(args) == 0 {
			return usagef("export: name what to export: events, votes, series or corrections")
		}
		return nil
	}
	what := args[0]
	switch what {
	case "series":
		return runExportSeries(ctx, env, args[1:])
	case "corrections":
		return runExportCorrections(ctx, env, args[1:])
	}
	fs := newFlagSet(env, "export "+what, exportUsage)
	format := fs.String("format", "csv", "output `format`: csv, jsonl or parquet")
	out := fs.String("o", "", "write to `file` (default standard output; parquet needs a file)")
	var sources, targets, origins stringList
	fs.Var(&sources, "source", "keep events whose source is this actor `code` (repeatable; events only)")
	fs.Var(&targets, "target", "keep events whose target is this actor `code` (repeatable; events only)")
	fs.Var(&origins, "origin", "keep events of this `origin`: text, manual, gdelt, icews, polecat (repeatable; events only)")
	pos, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("export %s: unexpected argument %q", what, pos[0])
	}
	switch *format {
	case store.FormatCSV, store.FormatJSONL:
	case store.FormatParquet:
		if *out == "" {
			return usagef("export: --format parquet needs -o FILE")
		}
	default:
		return usagef("export: --format must be csv, jsonl or parquet, not %q", *format)
	}
	if what != "events" && len(sources)+len(targets)+len(origins) > 0 {
		return usagef("export %s: --source, --target and --origin apply to events only", what)
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	var n int64
	switch what {
	case "events":
		f := store.EventFilter{Sources: upper(sources), Targets: upper(targets), Origins: origins}
		if *out == "" {
			n, err = st.ExportEventsTo(ctx, env.Stdout, f, *format)
		} else {
			n, err = st.ExportEvents(ctx, f, *format, *out)
		}
	case "votes":
		vd, lerr := votes.Load()
		if lerr != nil {
			return fmt.Errorf("load UN votes: %w", lerr)
		}
		if err := ensureReference(ctx, st, vd, newProgress(env.Stderr)); err != nil {
			return err
		}
		n, err = exportTo(env, *out, func(path string) (int64, error) {
			return st.Export(ctx, `SELECT v.rcid, r.session, r.date, r.resolution, r.short, v.iso3, v.vote, r.important, r.amend, r.para, r.issues, r.unanimous
				FROM un_votes v JOIN un_roll_calls r USING (rcid) ORDER BY v.rcid, v.iso3`, nil, *format, path)
		})
	default:
		return usagef("export: unknown table %q (events, votes, series or corrections)", what)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", what, err)
	}
	if *out != "" {
		fmt.Fprintf(env.Stderr, "wrote %d rows to %s\n", n, *out)
	}
	return nil
}

// exportTo runs write on the named file, or on a temporary file copied to
// standard output when no file is named.
func exportTo(env *Env, out string, write func(path string) (int64, error)) (int64, error) {
	if out != "" {
		return write(out)
	}
	dir, err := os.MkdirTemp("", "fulcrum-export-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	path := dir + "/out"
	n, err := write(path)
	if err != nil {
		return n, err
	}
	f, err := os.Open(path)
	if err != nil {
		return n, err
	}
	defer f.Close()
	_, err = io.Copy(env.Stdout, f)
	return n, err
}

func upper(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = strings.ToUpper(v)
	}
	return out
}
