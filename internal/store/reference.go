package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/duckdb/duckdb-go/v2"
)

// Table is a reference table another package loads once (vote records,
// ideal points, alliance tables …). The store keeps its version in the
// reference_tables table, so a later run with the same version skips it.
type Table struct {
	// Name is the table's name: lower-case letters, digits and _, starting
	// with a letter. It must not be one of the store's own tables.
	Name string
	// Version identifies the content, such as the data file's hash or
	// release. A different version drops and reloads the table.
	Version string
	// Create is the CREATE TABLE statement for Name (one statement).
	Create string
	// Fill, when not nil, adds the rows: it calls add once per row with one
	// value per column, in column order, of Go types DuckDB's appender
	// accepts (string, int*, float64, bool, time.Time, nil for NULL).
	Fill func(add func(values ...any) error) error
	// Load, when not empty, is SQL run after Create and Fill in the same
	// transaction, such as an INSERT … SELECT from read_csv of a file.
	Load string
}

var tableName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// ownTables are the store's tables, which EnsureTable must not replace.
var ownTables = map[string]bool{
	"documents": true, "events": true, "corrections": true, "schema_version": true,
	"reference_tables": true, "event_stage": true, "event_rows": true,
}

// EnsureTable makes sure t is loaded at t.Version. When the stored version
// matches it does nothing and returns loaded=false; otherwise it drops any
// older table, creates and fills it and records the version, all in one
// transaction, and returns loaded=true. A failing Fill leaves the previous
// table (if any) in place.
func (s *Store) EnsureTable(ctx context.Context, t Table) (loaded bool, err error) {
	if !tableName.MatchString(t.Name) || ownTables[t.Name] {
		return false, fmt.Errorf("ensure table %q: not a valid reference table name", t.Name)
	}
	if t.Version == "" || t.Create == "" {
		return false, fmt.Errorf("ensure table %s: version and create statement are required", t.Name)
	}
	err = s.withTx(ctx, func(conn *sql.Conn) error {
		var v string
		err := conn.QueryRowContext(ctx, `SELECT version FROM reference_tables WHERE name = ?`, t.Name).Scan(&v)
		switch {
		case err == nil && v == t.Version:
			return nil
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		}
		loaded = true
		if _, err := conn.ExecContext(ctx, `DROP TABLE IF EXISTS `+t.Name); err != nil {
			return fmt.Errorf("drop old table: %w", err)
		}
		if _, err := conn.ExecContext(ctx, t.Create); err != nil {
			return fmt.Errorf("create: %w", err)
		}
		if t.Fill != nil {
			if err := fillTable(conn, t); err != nil {
				return err
			}
		}
		if t.Load != "" {
			if _, err := conn.ExecContext(ctx, t.Load); err != nil {
				return fmt.Errorf("load: %w", err)
			}
		}
		var n int64
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM `+t.Name).Scan(&n); err != nil {
			return fmt.Errorf("count rows: %w", err)
		}
		_, err = conn.ExecContext(ctx, `INSERT OR REPLACE INTO reference_tables VALUES (?, ?, ?, ?)`,
			t.Name, t.Version, n, time.Now().UTC())
		return err
	})
	if err != nil {
		return false, fmt.Errorf("ensure table %s: %w", t.Name, err)
	}
	return loaded, nil
}

// fillTable streams t.Fill's rows into the table with DuckDB's appender.
func fillTable(conn *sql.Conn, t Table) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("fill: unexpected driver connection %T", dc)
		}
		a, err := duckdb.NewAppenderFromConn(c, "", t.Name)
		if err != nil {
			return fmt.Errorf("fill: %w", err)
		}
		rowNum := 0
		var vals []driver.Value // reused: the appender copies the values
		add := func(values ...any) error {
			rowNum++
			vals = vals[:0]
			for _, v := range values {
				vals = append(vals, v)
			}
			if err := a.AppendRow(vals...); err != nil {
				return fmt.Errorf("row %d: %w", rowNum, err)
			}
			return nil
		}
		if err := t.Fill(add); err != nil {
			a.Close()
			return fmt.Errorf("fill: %w", err)
		}
		if err := a.Close(); err != nil {
			return fmt.Errorf("fill: %w", err)
		}
		return nil
	})
}

// TableVersion returns the loaded version of a reference table, or an
// error matching [ErrNotFound] when it was never loaded.
func (s *Store) TableVersion(ctx context.Context, name string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT version FROM reference_tables WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("reference table %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("reference table %s: %w", name, err)
	}
	return v, nil
}
