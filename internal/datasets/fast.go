package datasets

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// gdelt2Names are the GDELT 2.0 export columns in order (event-data.md §2.3).
var gdelt2Names = strings.Fields(`GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL`)

// gdeltNames returns the column names of a GDELT layout with n columns.
func gdeltNames(n int) []string {
	if n == GDELT2Columns {
		return gdelt2Names
	}
	var out []string
	for _, c := range gdelt2Names {
		if strings.HasSuffix(c, "_ADM2Code") || (n == GDELT1BackColumns && c == "SOURCEURL") {
			continue
		}
		out = append(out, c)
	}
	return out
}

// gdeltType is the DuckDB type a GDELT column is read as when typed; a row
// whose field does not convert is rejected with its line number.
func gdeltType(c string) string {
	switch c {
	case "GLOBALEVENTID":
		return "UBIGINT"
	case "SQLDATE":
		return "DATE"
	case "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles",
		"Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type":
		return "INTEGER"
	case "FractionDate", "GoldsteinScale", "AvgTone",
		"Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long":
		return "DOUBLE"
	}
	return "VARCHAR"
}

// gdeltStored are the typed GDELT columns the import stores; the others
// are read as text and dropped, so, as in [ParseGDELT], a bad value in a
// column fulcrum does not keep (MonthYear, FractionDate, the actors'
// coordinates) neither costs a conversion nor rejects the row.
var gdeltStored = map[string]bool{
	"GLOBALEVENTID": true, "SQLDATE": true, "QuadClass": true, "GoldsteinScale": true,
	"NumMentions": true, "NumSources": true, "NumArticles": true, "AvgTone": true,
	"ActionGeo_Lat": true, "ActionGeo_Long": true,
}

// GDELTColumnTypes returns the read_csv columns={…} struct literal for a
// GDELT layout with n columns (61, 58 or 57): the column names of the
// codebook, every one typed as the codebook gives it.
func GDELTColumnTypes(n int) string { return gdeltColumns(n, func(string) bool { return true }) }

func gdeltColumns(n int, typed func(string) bool) string {
	var cols strings.Builder
	cols.WriteString("{")
	for i, c := range gdeltNames(n) {
		if i > 0 {
			cols.WriteString(", ")
		}
		t := "VARCHAR"
		if typed(c) {
			t = gdeltType(c)
		}
		fmt.Fprintf(&cols, "'%s': '%s'", c, t)
	}
	cols.WriteString("}")
	return cols.String()
}

// gdeltReadCSV is the read_csv call of the fast path for a file with n
// columns; rejects go to the temporary table fulcrum_rejects.
func gdeltReadCSV(path string, n int) string {
	return `read_csv(` + sqlString(path) + `, delim='\t', quote='', escape='', header=false, auto_detect=false,
	dateformat='%Y%m%d', columns=` + gdeltColumns(n, func(c string) bool { return gdeltStored[c] }) + `,
	store_rejects=true, rejects_table='fulcrum_rejects', rejects_scan='fulcrum_reject_scans', rejects_limit=0)`
}

// gdeltInsertSQL maps GDELT columns to dataset_events in SQL: actors by the
// group, then country, code tables (as [GDELTActor] does), CAMEO weights by
// dataset_cameo (as [event.Lookup] does), place by FeatureID, else name.
// With dedup, records whose id is stored already are left out; without,
// the caller has made sure no GDELT record is stored yet.
func gdeltInsertSQL(path string, n int, file string, dedup bool) string {
	where := ""
	if dedup {
		where = `
WHERE NOT EXISTS (SELECT 1 FROM dataset_events e WHERE e.origin = 'gdelt' AND e.id = 'gdelt:' || r.GLOBALEVENTID)`
	}
	url := "r.SOURCEURL"
	if n == GDELT1BackColumns {
		url = "''"
	}
	return `INSERT INTO dataset_events
SELECT 'gdelt:' || r.GLOBALEVENTID, 'gdelt', r.GLOBALEVENTID::VARCHAR, r.SQLDATE,
	coalesce(g1.fulcrum, c1.fulcrum, ''), coalesce(g2.fulcrum, c2.fulcrum, ''),
	coalesce(r.Actor1Code, ''), coalesce(r.Actor2Code, ''), coalesce(r.Actor1Name, ''), coalesce(r.Actor2Name, ''),
	r.EventCode, coalesce(k.plover, ''), coalesce(k.mode, ''), coalesce(k.context, ''),
	coalesce(k.goldstein, r.GoldsteinScale, 0), coalesce(k.quad, r.QuadClass, 0), r.GoldsteinScale, r.QuadClass,
	coalesce(r.NumMentions, 0), coalesce(r.NumSources, 0), coalesce(r.NumArticles, 0), r.AvgTone,
	coalesce(r.ActionGeo_FeatureID, r.ActionGeo_FullName, ''), coalesce(r.ActionGeo_FullName, ''), coalesce(r.ActionGeo_CountryCode, ''),
	r.ActionGeo_Lat, r.ActionGeo_Long, coalesce(` + url + `, ''), coalesce(r.DATEADDED, ''), ` + sqlString(file) + `
FROM ` + gdeltReadCSV(path, n) + ` r
LEFT JOIN dataset_actor_codes g1 ON g1.kind = 'group' AND g1.code = r.Actor1KnownGroupCode
LEFT JOIN dataset_actor_codes c1 ON c1.kind = 'country' AND c1.code = r.Actor1CountryCode
LEFT JOIN dataset_actor_codes g2 ON g2.kind = 'group' AND g2.code = r.Actor2KnownGroupCode
LEFT JOIN dataset_actor_codes c2 ON c2.kind = 'country' AND c2.code = r.Actor2CountryCode
LEFT JOIN dataset_cameo k ON k.code = r.EventCode` + where
}

// importFast loads a GDELT file with DuckDB's CSV reader in one
// transaction. Compressed input is first unpacked (streamed) to a
// temporary file.
func importFast(ctx context.Context, db *sql.DB, in *input, br *bufio.Reader, key string, ncol int, opt Options, res *Result) error {
	path, size := in.path, in.size
	prog := newProgress(opt.Progress, in.path, in.size)
	defer prog.finish()
	if in.file == nil {
		dir := opt.TempDir
		if dir == "" {
			dir = os.TempDir()
		}
		tmp, err := os.CreateTemp(dir, "fulcrum-gdelt-*.tsv")
		if err != nil {
			return fmt.Errorf("unpack %s: %w", in.path, err)
		}
		defer os.Remove(tmp.Name())
		prog.note("unpacking")
		size, err = io.Copy(tmp, &ctxReader{ctx, br}) // the unpacked file's size
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("unpack %s: %w", in.path, err)
		}
		path = tmp.Name()
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("import %s: %w", in.path, err)
	}
	defer conn.Close()
	// store_rejects appends to its tables for the life of the connection:
	// start each file with empty ones.
	if _, err := conn.ExecContext(ctx, `DROP TABLE IF EXISTS fulcrum_rejects; DROP TABLE IF EXISTS fulcrum_reject_scans`); err != nil {
		return fmt.Errorf("import %s: clear rejects: %w", in.path, err)
	}
	// DuckDB cannot estimate the rows of a CSV file it has not read, and
	// its join planner then builds hash tables on the file's side (every
	// column of every row) rather than on the small code tables. Keeping
	// the joins in the order written, code tables as the build side, halves
	// the import's time. The setting is the connection's: put it back
	// before the connection returns to the pool, whatever happened.
	if _, err := conn.ExecContext(ctx, `SET disabled_optimizers = 'join_order,build_side_probe_side'`); err != nil {
		return fmt.Errorf("import %s: %w", in.path, err)
	}
	defer conn.ExecContext(context.Background(), `RESET disabled_optimizers`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("import %s: %w", in.path, err)
	}
	defer tx.Rollback()
	// The id check is needed only when GDELT records are stored already:
	// on a first import it would hold every row of the file in memory.
	var stored bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM dataset_events WHERE origin = 'gdelt')`).Scan(&stored); err != nil {
		return fmt.Errorf("import %s: %w", in.path, err)
	}
	stopWatch := prog.watchReads("loading with DuckDB", size)
	r, err := tx.ExecContext(ctx, gdeltInsertSQL(path, ncol, filepath.Base(in.path), stored))
	stopWatch()
	if err != nil {
		return fmt.Errorf("import %s: %w", in.path, err)
	}
	added, _ := r.RowsAffected()
	_, err = tx.ExecContext(ctx, `INSERT INTO dataset_rejects
SELECT ?, line, arg_min(
	CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN error_message
	ELSE coalesce(column_name || ': ', '') || error_message END,
	CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN -1 ELSE column_idx END)
FROM fulcrum_rejects GROUP BY line`, key)
	if err != nil {
		return fmt.Errorf("import %s: store rejected rows: %w", in.path, err)
	}
	var bad, lines int64
	if err := tx.QueryRowContext(ctx, `SELECT count(DISTINCT line) FROM fulcrum_rejects`).Scan(&bad); err != nil {
		return fmt.Errorf("import %s: count rejected rows: %w", in.path, err)
	}
	lines = added + bad
	_, err = tx.ExecContext(ctx, `UPDATE dataset_imports SET byte_offset = size, line = ?, rows = ?, bad = ?, done = true, finished = now() WHERE file_key = ?`,
		lines, added, bad, key)
	if err != nil {
		return fmt.Errorf("import %s: record progress: %w", in.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("import %s: %w", in.path, err)
	}
	res.Rows, res.Bad, res.Lines = added, bad, lines
	prog.update(in.size, lines)
	return nil
}

// ctxReader stops a copy when its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
