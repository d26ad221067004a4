package datasets

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// SeriesQuery selects a dyadic series: events between Source and Target
// (directed), or every directed dyad that involves Source when Target is
// empty, aggregated per period.
type SeriesQuery struct {
	Source string // actor code, required ("BLR")
	Target string // actor code; "" means every dyad with Source on either side
	// By is the period: "day", "week" (ISO weeks, from Monday), "month" or
	// "year"; "" means "month".
	By string
	// Origins restricts the origins counted ("gdelt", "icews", "polecat");
	// empty means all.
	Origins []string
	// From and To bound the dates, inclusive, as YYYY-MM-DD; "" is open.
	From, To string
	// Raw counts source records instead of deduplicated events.
	Raw bool
}

// SeriesRow is one period of one directed dyad.
type SeriesRow struct {
	Period  string // first day of the period, YYYY-MM-DD
	Source  string
	Target  string
	Events  int64    // deduplicated events (records when Raw)
	Reports int64    // source records behind them
	Quad    [5]int64 // events per quad class; Quad[1] verbal cooperation … Quad[4] material conflict; Quad[0] unknown
	Net     float64  // net cooperation: Σ Goldstein over events
	Mean    float64  // mean intensity: Net / Events
}

var codeRE = regexp.MustCompile(`^[A-Z0-9]{2,12}$`)

// Check validates q and returns it with defaults filled in (By "month").
// Actor codes must be 2–12 upper-case letters or digits, origins known
// ones, dates YYYY-MM-DD; so the values can be inlined in SQL safely.
func (q SeriesQuery) Check() (SeriesQuery, error) {
	if q.By == "" {
		q.By = "month"
	}
	switch q.By {
	case "day", "week", "month", "year":
	default:
		return q, fmt.Errorf("series period %q: want day, week, month or year", q.By)
	}
	if !codeRE.MatchString(q.Source) {
		return q, fmt.Errorf("series source %q: want an actor code such as BLR", q.Source)
	}
	if q.Target != "" && !codeRE.MatchString(q.Target) {
		return q, fmt.Errorf("series target %q: want an actor code such as RUS", q.Target)
	}
	for _, o := range q.Origins {
		switch o {
		case "gdelt", "icews", "polecat", "phoenix":
		default:
			return q, fmt.Errorf("series origin %q: want gdelt, icews or polecat", o)
		}
	}
	for _, d := range []string{q.From, q.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return q, fmt.Errorf("series date %q: want YYYY-MM-DD", d)
		}
	}
	return q, nil
}

// Where returns the SQL condition selecting q's records (standard SQL that
// DuckDB and ClickHouse both accept). Call it on a checked query.
func (q SeriesQuery) Where() string {
	var where []string
	if q.Target != "" {
		where = append(where, fmt.Sprintf("source = '%s' AND target = '%s'", q.Source, q.Target))
	} else {
		where = append(where, fmt.Sprintf("(source = '%s' AND target <> '') OR (target = '%s' AND source <> '')", q.Source, q.Source))
	}
	if len(q.Origins) > 0 {
		where = append(where, "origin IN ('"+strings.Join(q.Origins, "', '")+"')")
	}
	if q.From != "" {
		where = append(where, fmt.Sprintf("date >= '%s'", q.From))
	}
	if q.To != "" {
		where = append(where, fmt.Sprintf("date <= '%s'", q.To))
	}
	return "(" + strings.Join(where, ") AND (") + ")"
}

// seriesSQL builds the series query. Values are validated and inlined, so
// the same text works inside COPY, which takes no parameters.
func seriesSQL(q SeriesQuery) (string, error) {
	q, err := q.Check()
	if err != nil {
		return "", err
	}
	by := q.By
	period := "date"
	if by != "day" {
		period = "date_trunc('" + by + "', date)"
	}
	from, reports := "dataset_dedup", "sum(reports)"
	if q.Raw {
		from, reports = "dataset_events", "count(*)"
	}
	return `SELECT strftime(` + period + `, '%Y-%m-%d') AS period, source, target,
	count(*) AS events, ` + reports + ` AS reports,
	count(*) FILTER (WHERE quad NOT BETWEEN 1 AND 4) AS q0,
	count(*) FILTER (WHERE quad = 1) AS q1, count(*) FILTER (WHERE quad = 2) AS q2,
	count(*) FILTER (WHERE quad = 3) AS q3, count(*) FILTER (WHERE quad = 4) AS q4,
	round(sum(goldstein), 6) AS net_cooperation, round(avg(goldstein), 6) AS mean_intensity
FROM ` + from + `
WHERE ` + q.Where() + `
GROUP BY ALL ORDER BY period, source, target`, nil
}

// Series computes a dyadic series in the database (one GROUP BY; no rows
// are pulled into Go besides the result).
func Series(ctx context.Context, db *sql.DB, q SeriesQuery) ([]SeriesRow, error) {
	s, err := seriesSQL(q)
	if err != nil {
		return nil, err
	}
	rs, err := db.QueryContext(ctx, s)
	if err != nil {
		return nil, fmt.Errorf("series query: %w", err)
	}
	defer rs.Close()
	var out []SeriesRow
	for rs.Next() {
		var r SeriesRow
		if err := rs.Scan(&r.Period, &r.Source, &r.Target, &r.Events, &r.Reports,
			&r.Quad[0], &r.Quad[1], &r.Quad[2], &r.Quad[3], &r.Quad[4], &r.Net, &r.Mean); err != nil {
			return nil, fmt.Errorf("series query: %w", err)
		}
		out = append(out, r)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("series query: %w", err)
	}
	return out, nil
}

// SeriesHeader are the column names of series output, in order.
var SeriesHeader = []string{"period", "source", "target", "events", "reports", "q0", "q1", "q2", "q3", "q4", "net_cooperation", "mean_intensity"}

// WriteSeriesCSV writes rows as CSV with [SeriesHeader].
func WriteSeriesCSV(w io.Writer, rows []SeriesRow) error {
	cw := csv.NewWriter(w)
	cw.Write(SeriesHeader)
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, r := range rows {
		cw.Write([]string{r.Period, r.Source, r.Target, strconv.FormatInt(r.Events, 10), strconv.FormatInt(r.Reports, 10),
			strconv.FormatInt(r.Quad[0], 10), strconv.FormatInt(r.Quad[1], 10), strconv.FormatInt(r.Quad[2], 10),
			strconv.FormatInt(r.Quad[3], 10), strconv.FormatInt(r.Quad[4], 10), f(r.Net), f(r.Mean)})
	}
	cw.Flush()
	return cw.Error()
}

// ExportSeries writes the series to path with DuckDB's COPY, as "csv"
// (with a header) or "parquet".
func ExportSeries(ctx context.Context, db *sql.DB, q SeriesQuery, path, format string) error {
	s, err := seriesSQL(q)
	if err != nil {
		return err
	}
	var opts string
	switch format {
	case "csv":
		opts = "FORMAT csv, HEADER true"
	case "parquet":
		opts = "FORMAT parquet"
	default:
		return fmt.Errorf("export format %q: want csv or parquet", format)
	}
	if _, err := db.ExecContext(ctx, `COPY (`+s+`) TO `+sqlString(path)+` (`+opts+`)`); err != nil {
		return fmt.Errorf("export series to %s: %w", path, err)
	}
	return nil
}

// ExportEvents writes the deduplicated events (one row per event with its
// report count) to path as "csv" or "parquet", optionally restricted to
// origins.
func ExportEvents(ctx context.Context, db *sql.DB, path, format string, origins []string) error {
	var opts string
	switch format {
	case "csv":
		opts = "FORMAT csv, HEADER true"
	case "parquet":
		opts = "FORMAT parquet"
	default:
		return fmt.Errorf("export format %q: want csv or parquet", format)
	}
	q := `SELECT * FROM dataset_dedup`
	if len(origins) > 0 {
		var os []string
		for _, o := range origins {
			if o != "gdelt" && o != "icews" && o != "polecat" {
				return fmt.Errorf("export origin %q: want gdelt, icews or polecat", o)
			}
			os = append(os, "'"+o+"'")
		}
		q += ` WHERE origin IN (` + strings.Join(os, ", ") + `)`
	}
	q += ` ORDER BY date, source, target`
	if _, err := db.ExecContext(ctx, `COPY (`+q+`) TO `+sqlString(path)+` (`+opts+`)`); err != nil {
		return fmt.Errorf("export events to %s: %w", path, err)
	}
	return nil
}
