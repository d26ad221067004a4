package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations is the schema history: migrations[i] brings the schema from
// version i to version i+1. Append new steps at the end; never edit a step
// that has shipped. Each step runs in one transaction together with the
// version update, so a failed step leaves the previous version intact.
//
// The SQL keeps to what DuckDB and ClickHouse both understand where that is
// cheap (plain types, no foreign keys), so the server backend can follow
// the same shape.
//
// A step that adds a column to events must add it to event_stage too (same
// column order: the appender writes both by position), recreate the
// event_rows view, and extend row.values, scanEvent and eventColumns.
var migrations = [][]string{
	// 1: documents, events and the correction log.
	{
		`CREATE TABLE documents (
			id             VARCHAR PRIMARY KEY,
			source         VARCHAR NOT NULL DEFAULT '',
			format         VARCHAR NOT NULL DEFAULT '',
			title          VARCHAR NOT NULL DEFAULT '',
			url            VARCHAR NOT NULL DEFAULT '',
			date           TIMESTAMP,
			date_precision VARCHAR NOT NULL DEFAULT '',
			author         VARCHAR NOT NULL DEFAULT '',
			text           VARCHAR NOT NULL,
			events_hash    VARCHAR NOT NULL DEFAULT '',
			ingested_at    TIMESTAMP NOT NULL
		)`,
		// day is the first day of the period that date names ("2018" →
		// 2018-01-01), for range filters and grouping; date is kept as
		// given. wrong is set by a "wrong" correction.
		`CREATE TABLE events (
			id                VARCHAR PRIMARY KEY,
			doc               VARCHAR NOT NULL DEFAULT '',
			date              VARCHAR NOT NULL DEFAULT '',
			day               DATE,
			date_precision    VARCHAR NOT NULL DEFAULT '',
			source            VARCHAR NOT NULL DEFAULT '',
			target            VARCHAR NOT NULL DEFAULT '',
			source_role       VARCHAR NOT NULL DEFAULT '',
			speaker           VARCHAR NOT NULL DEFAULT '',
			cameo             VARCHAR NOT NULL DEFAULT '',
			goldstein         DOUBLE NOT NULL DEFAULT 0,
			goldstein_version VARCHAR NOT NULL DEFAULT '',
			quad              INTEGER NOT NULL DEFAULT 0 CHECK (quad BETWEEN 0 AND 4),
			plover            VARCHAR NOT NULL DEFAULT '',
			mode              VARCHAR NOT NULL DEFAULT '',
			context           VARCHAR NOT NULL DEFAULT '',
			polarity          INTEGER NOT NULL DEFAULT 0 CHECK (polarity BETWEEN -1 AND 1),
			negated           BOOLEAN NOT NULL DEFAULT false,
			modality          VARCHAR NOT NULL DEFAULT '',
			quote             BOOLEAN NOT NULL DEFAULT false,
			evidence_start    INTEGER NOT NULL DEFAULT 0,
			evidence_end      INTEGER NOT NULL DEFAULT 0 CHECK (evidence_end >= evidence_start),
			evidence_text     VARCHAR NOT NULL DEFAULT '',
			rule              VARCHAR NOT NULL DEFAULT '',
			origin            VARCHAR NOT NULL DEFAULT '',
			reports           INTEGER NOT NULL DEFAULT 0,
			wrong             BOOLEAN NOT NULL DEFAULT false
		)`,
		`CREATE SEQUENCE correction_ids START 1`,
		`CREATE TABLE corrections (
			id       BIGINT PRIMARY KEY DEFAULT nextval('correction_ids'),
			event_id VARCHAR NOT NULL,
			doc      VARCHAR NOT NULL DEFAULT '',
			action   VARCHAR NOT NULL,
			field    VARCHAR NOT NULL DEFAULT '',
			old      VARCHAR NOT NULL DEFAULT '',
			new      VARCHAR NOT NULL DEFAULT '',
			who      VARCHAR NOT NULL,
			why      VARCHAR NOT NULL DEFAULT '',
			made_at  TIMESTAMP NOT NULL
		)`,
	},
	// 2: reference tables loaded once by other packages, the staging table
	// for idempotent bulk event loads, and the event view that reads and
	// exports share.
	{
		`CREATE TABLE reference_tables (
			name      VARCHAR PRIMARY KEY,
			version   VARCHAR NOT NULL,
			rows      BIGINT NOT NULL,
			loaded_at TIMESTAMP NOT NULL
		)`,
		`CREATE TABLE event_stage AS SELECT * FROM events LIMIT 0`,
		`CREATE VIEW event_rows AS
		SELECT e.id, e.doc,
			coalesce(d.title, '') AS doc_title,
			coalesce(d.url, '') AS doc_url,
			coalesce(strftime(d.date, '%Y-%m-%d'), '') AS doc_date,
			e.date, e.date_precision, e.source, e.target, e.source_role, e.speaker,
			e.cameo, e.goldstein, e.goldstein_version, e.quad, e.plover, e.mode, e.context,
			e.polarity, e.negated, e.modality, e.quote,
			e.evidence_start, e.evidence_end, e.evidence_text,
			e.rule, e.origin, e.reports, e.wrong, e.day
		FROM events e LEFT JOIN documents d ON d.id = e.doc`,
	},
}

// SchemaVersion returns the schema version this build writes: the number
// of migrations.
func SchemaVersion() int { return len(migrations) }

// migrate brings db up to len(steps), one transaction per step. It returns
// an error matching [ErrSchemaTooNew] when the database is ahead of steps.
func migrate(ctx context.Context, db *sql.DB, steps [][]string) error {
	if _, err := db.ExecContext(ctx,
		`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	current, err := schemaVersion(ctx, db)
	if err != nil {
		return err
	}
	if current > len(steps) {
		return fmt.Errorf("%w: the file has schema version %d, this fulcrum knows up to %d; upgrade fulcrum or use another --db",
			ErrSchemaTooNew, current, len(steps))
	}
	for v := current; v < len(steps); v++ {
		if err := applyStep(ctx, db, v+1, steps[v]); err != nil {
			return err
		}
	}
	return nil
}

// schemaVersion reads the recorded version; 0 for a new database.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(v.Int64), nil
}

// applyStep runs one migration and records its version in one transaction.
func applyStep(ctx context.Context, db *sql.DB, version int, stmts []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate to version %d: %w", version, err)
	}
	defer tx.Rollback()
	for i, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("migrate to version %d, statement %d: %w", version, i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version`); err != nil {
		return fmt.Errorf("migrate to version %d: %w", version, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version VALUES (?)`, version); err != nil {
		return fmt.Errorf("migrate to version %d: %w", version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate to version %d: %w", version, err)
	}
	return nil
}
