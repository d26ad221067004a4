package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/fulcrum-dev/fulcrum/internal/clickhouse"
	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

const seriesUsage = `Usage: fulcrum series SOURCE [TARGET] [options]

Dyadic event series from the imported datasets, computed in the database:
per period, the deduplicated events from SOURCE to TARGET (or every
directed dyad of SOURCE when TARGET is omitted), their reports, counts per
quad class (q1 verbal cooperation, q2 material cooperation, q3 verbal
conflict, q4 material conflict), net cooperation (sum of Goldstein weights)
and mean intensity (mean Goldstein weight).

Examples:
  fulcrum series BLR RUS --by month
  fulcrum series BLR --by year --origin gdelt,icews --from 2014-01-01 --csv
  fulcrum --db clickhouse://127.0.0.1:8123/fulcrum series BLR RUS --by week`

// seriesFlags registers the query options shared by series and export series.
func seriesFlags(fs *flag.FlagSet) func(pos []string) (datasets.SeriesQuery, error) {
	by := fs.String("by", "month", "period: day, week, month or year")
	origin := fs.String("origin", "", "comma-separated origins to count (gdelt, icews, polecat); default all")
	from := fs.String("from", "", "first day, YYYY-MM-DD")
	to := fs.String("to", "", "last day, YYYY-MM-DD")
	raw := fs.Bool("raw", false, "count source records, not deduplicated events")
	return func(pos []string) (datasets.SeriesQuery, error) {
		if len(pos) < 1 || len(pos) > 2 {
			return datasets.SeriesQuery{}, usagef("series: want SOURCE [TARGET] actor codes, e.g. BLR RUS")
		}
		q := datasets.SeriesQuery{Source: strings.ToUpper(pos[0]), By: *by, From: *from, To: *to, Raw: *raw}
		if len(pos) == 2 {
			q.Target = strings.ToUpper(pos[1])
		}
		if *origin != "" {
			q.Origins = strings.Split(*origin, ",")
		}
		q, err := q.Check()
		if err != nil {
			return q, usagef("%v", err)
		}
		return q, nil
	}
}

func runSeries(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "series", seriesUsage)
	query := seriesFlags(fs)
	asCSV := fs.Bool("csv", false, "print CSV instead of a table")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	q, err := query(pos)
	if err != nil {
		return err
	}
	rows, err := seriesRows(ctx, env, q)
	if err != nil {
		return err
	}
	if *asCSV {
		return datasets.WriteSeriesCSV(env.Stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintf(env.Stderr, "no imported events for %s; import some with: fulcrum import gdelt FILE\n", describe(q))
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "period\tsource\ttarget\tevents\treports\tq1\tq2\tq3\tq4\tnet coop\tmean\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f\t%.2f\t\n", r.Period, r.Source, r.Target, r.Events, r.Reports,
			r.Quad[1], r.Quad[2], r.Quad[3], r.Quad[4], r.Net, r.Mean)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	origins := "all origins"
	if len(q.Origins) > 0 {
		origins = "origins " + strings.Join(q.Origins, ", ")
	}
	fmt.Fprintf(env.Stdout, "%s by %s; %s; deduplicated (same day, dyad, code and place)\n", describe(q), q.By, origins)
	return nil
}

func describe(q datasets.SeriesQuery) string {
	if q.Target == "" {
		return "all dyads of " + q.Source
	}
	return q.Source + " → " + q.Target
}

func seriesRows(ctx context.Context, env *Env, q datasets.SeriesQuery) ([]datasets.SeriesRow, error) {
	if clickhouse.IsURL(env.DB) {
		c, err := openClickHouse(ctx, env)
		if err != nil {
			return nil, err
		}
		return c.Series(ctx, q)
	}
	db, closeDB, err := datasetsDB(ctx, env)
	if err != nil {
		return nil, err
	}
	defer closeDB()
	return datasets.Series(ctx, db, q)
}

const exportSeriesUsage = `Usage: fulcrum export series SOURCE [TARGET] --format csv|parquet [-o FILE] [options]

Write a dyadic series (see "fulcrum series -h") as CSV or Parquet. CSV goes
to standard output unless -o is given; Parquet needs -o. DuckDB writes the
file itself (COPY), so no rows pass through fulcrum.

Examples:
  fulcrum export series BLR RUS --format csv > blr-rus.csv
  fulcrum export series BLR --by week --format parquet -o blr.parquet`

// runExportSeries is "fulcrum export series".
func runExportSeries(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "export series", exportSeriesUsage)
	query := seriesFlags(fs)
	format := fs.String("format", "csv", "csv or parquet")
	out := fs.String("o", "", "output `file` (default standard output for csv)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	q, err := query(pos)
	if err != nil {
		return err
	}
	if *format != "csv" && *format != "parquet" {
		return usagef("export series: --format %q (want csv or parquet)", *format)
	}
	if *format == "parquet" && *out == "" {
		return usagef("export series: Parquet needs -o FILE")
	}
	if *out == "" || clickhouse.IsURL(env.DB) {
		if *format == "parquet" {
			return usagef("export series: Parquet export works with the DuckDB database only")
		}
		rows, err := seriesRows(ctx, env, q)
		if err != nil {
			return err
		}
		if *out == "" {
			return datasets.WriteSeriesCSV(env.Stdout, rows)
		}
		return writeFileWith(*out, func(w *strings.Builder) error { return datasets.WriteSeriesCSV(w, rows) })
	}
	db, closeDB, err := datasetsDB(ctx, env)
	if err != nil {
		return err
	}
	defer closeDB()
	return datasets.ExportSeries(ctx, db, q, *out, *format)
}

// writeFileWith renders into memory (series are small) and writes path.
func writeFileWith(path string, fn func(*strings.Builder) error) error {
	var b strings.Builder
	if err := fn(&b); err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
