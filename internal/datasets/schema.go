package datasets

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// eventColumns are dataset_events' columns with their DuckDB types, in
// table order; the staging files of the checked import use the same order.
var eventColumns = []struct{ name, typ string }{
	{"id", "VARCHAR"}, {"origin", "VARCHAR"}, {"orig_id", "VARCHAR"}, {"date", "DATE"},
	{"source", "VARCHAR"}, {"target", "VARCHAR"},
	{"source_raw", "VARCHAR"}, {"target_raw", "VARCHAR"}, {"source_name", "VARCHAR"}, {"target_name", "VARCHAR"},
	{"cameo", "VARCHAR"}, {"plover", "VARCHAR"}, {"mode", "VARCHAR"}, {"context", "VARCHAR"},
	{"goldstein", "DOUBLE"}, {"quad", "TINYINT"}, {"orig_goldstein", "DOUBLE"}, {"orig_quad", "TINYINT"},
	{"mentions", "INTEGER"}, {"sources", "INTEGER"}, {"articles", "INTEGER"}, {"tone", "DOUBLE"},
	{"place", "VARCHAR"}, {"place_name", "VARCHAR"}, {"place_country", "VARCHAR"}, {"lat", "DOUBLE"}, {"lon", "DOUBLE"},
	{"url", "VARCHAR"}, {"added", "VARCHAR"}, {"file", "VARCHAR"},
}

// migrations create fulcrum's dataset tables. Each runs once, in order, in
// its own transaction; dataset_schema records the version reached.
var migrations = []string{
	// 1: imported records, code maps, import progress, rejected rows and the
	// deduplicated view.
	`CREATE TABLE dataset_events (` + columnDefs() + `);
CREATE TABLE dataset_actor_codes (kind VARCHAR NOT NULL, code VARCHAR NOT NULL, fulcrum VARCHAR NOT NULL);
CREATE TABLE dataset_cameo (code VARCHAR PRIMARY KEY, goldstein DOUBLE, quad TINYINT, plover VARCHAR, mode VARCHAR, context VARCHAR);
CREATE TABLE dataset_imports (
	file_key VARCHAR PRIMARY KEY, -- sha256 of the first 64 KiB and the size: the file's identity, whatever its path
	path VARCHAR, format VARCHAR, origin VARCHAR, size BIGINT,
	byte_offset BIGINT,           -- input bytes committed (uncompressed for .zip/.gz)
	line BIGINT,                  -- input lines committed
	rows BIGINT,                  -- records stored
	bad BIGINT,                   -- rows rejected
	done BOOLEAN,
	started TIMESTAMP, finished TIMESTAMP);
CREATE TABLE dataset_rejects (file_key VARCHAR, line BIGINT, error VARCHAR);
CREATE VIEW dataset_dedup AS ` + dedupSelect,
}

// dedupSelect is the deduplication rule (see the package documentation):
// one event per origin, day, directed dyad, event code and place.
const dedupSelect = `SELECT origin, date, source, target, cameo, plover, mode, place,
	min(id) AS id,
	count(*) AS reports,
	sum(mentions) AS mentions, sum(sources) AS sources, sum(articles) AS articles,
	avg(goldstein) AS goldstein, max(quad) AS quad, avg(tone) AS tone
FROM dataset_events
GROUP BY origin, date, source, target, cameo, plover, mode, place`

func columnDefs() string {
	var b strings.Builder
	for i, c := range eventColumns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.name + " " + c.typ)
		switch c.name {
		case "id", "origin", "orig_id", "date", "source", "target":
			b.WriteString(" NOT NULL")
		}
	}
	return b.String()
}

// Migrate creates or upgrades fulcrum's dataset tables in db (DuckDB) and
// refreshes the code tables the fast import joins against. It is safe to
// call on every start.
func Migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS dataset_schema (version INTEGER)`); err != nil {
		return fmt.Errorf("migrate datasets: %w", err)
	}
	var v int
	err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM dataset_schema`).Scan(&v)
	if err != nil {
		return fmt.Errorf("migrate datasets: read version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("migrate datasets: database schema version %d is newer than this fulcrum (%d)", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate datasets: %w", err)
		}
		for _, stmt := range splitSQL(migrations[i]) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback()
				return fmt.Errorf("migrate datasets to version %d: %w", i+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM dataset_schema; INSERT INTO dataset_schema VALUES (?)`, i+1); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate datasets: record version: %w", err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate datasets: %w", err)
		}
	}
	return refreshCodes(ctx, db)
}

func splitSQL(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// codesVersion identifies the compiled-in code tables: a hash of the
// actor tables and of every CAMEO weight, so the SQL tables are reloaded
// only when fulcrum's own tables changed.
func codesVersion() string {
	h := sha256.New()
	h.Write(countriesTSV)
	h.Write(orgsTSV)
	for _, c := range event.Codes() {
		fmt.Fprintf(h, "%s|%v|%d|%s|%s|%s\n", c.Code, c.Goldstein, c.Quad, c.PLOVER, c.Mode, c.Context)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// refreshCodes reloads dataset_actor_codes and dataset_cameo from the
// tables compiled into fulcrum, so that SQL and Go map alike; it does
// nothing when they are already current.
func refreshCodes(ctx context.Context, db *sql.DB) error {
	ver := codesVersion()
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS dataset_codes_version (version VARCHAR)`); err != nil {
		return fmt.Errorf("refresh code tables: %w", err)
	}
	var have int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM dataset_codes_version WHERE version = ?`, ver).Scan(&have); err != nil {
		return fmt.Errorf("refresh code tables: %w", err)
	}
	if have > 0 {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("refresh code tables: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM dataset_actor_codes; DELETE FROM dataset_cameo; DELETE FROM dataset_codes_version`); err != nil {
		return fmt.Errorf("refresh code tables: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO dataset_codes_version VALUES (?)`, ver); err != nil {
		return fmt.Errorf("refresh code tables: %w", err)
	}
	var b strings.Builder
	var args []any
	b.WriteString(`INSERT INTO dataset_actor_codes VALUES `)
	for i, r := range actorCodeRows() {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("(?,?,?)")
		args = append(args, r[0], r[1], r[2])
	}
	if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
		return fmt.Errorf("refresh actor codes: %w", err)
	}
	b.Reset()
	args = args[:0]
	b.WriteString(`INSERT INTO dataset_cameo VALUES `)
	for i, c := range allCAMEO() {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("(?,?,?,?,?,?)")
		args = append(args, c.Code, c.Goldstein, c.Quad, c.PLOVER, c.Mode, c.Context)
	}
	if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
		return fmt.Errorf("refresh cameo table: %w", err)
	}
	return tx.Commit()
}

// allCAMEO lists event.Lookup's answer for every 2–4 digit code it
// accepts, parents' weights included, so that a SQL join on the code gives
// exactly what [event.Lookup] gives in Go.
func allCAMEO() []event.Code {
	var out []event.Code
	for _, n := range []int{2, 3, 4} {
		lim := 1
		for range n {
			lim *= 10
		}
		for i := range lim {
			code := fmt.Sprintf("%0*d", n, i)
			if c, ok := event.Lookup(code); ok {
				c.Code = code
				out = append(out, c)
			}
		}
	}
	return out
}
