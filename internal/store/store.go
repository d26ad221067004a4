// Package store keeps fulcrum's data in one embedded DuckDB database file:
// documents with their verbatim text, coded events (DESIGN.md §2), the
// analysts' corrections with their audit trail, and reference tables that
// other packages load once and reuse.
//
// The SQL of these tables lives in this package, one file per entity,
// written by hand over database/sql; packages with tables of their own
// reach the engine through [Store.DB] and [Store.EnsureTable]. The schema is an ordered list of migrations (see
// migrations.go), each applied in a transaction and recorded in the
// schema_version table; [Open] refuses a database whose schema is newer than
// this build knows.
//
// DuckDB lets one process at a time open a file. [Open] turns DuckDB's lock
// failure into a [*LockError] (matching [ErrLocked]) that tells the user
// what to do instead of showing the engine's message. Within one process,
// opening the same file twice shares one engine instance and one write
// lock.
//
// Corrections are materialised: the events table holds each event as
// corrected, and the corrections table holds the log (who, when, why, old
// and new value). Re-ingesting a document, or replacing a built-in dataset
// by a new coding ([Store.ReplaceEvents]), re-applies the log to the new
// events that are the same events: the one with the corrected event's id,
// else the one with its key (document, evidence span, and source, target
// and CAMEO code as first coded), since ids change with the coder's rule
// names. Log entries follow their event to its new id; those whose event
// is gone stay in the log, unapplied, and are counted.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/duckdb/duckdb-go/v2"
)

// Memory is the path that opens a private in-memory database, gone on
// [Store.Close]. Useful for tests of packages that need a store.
const Memory = ":memory:"

// Errors returned by the store. Test for them with [errors.Is].
var (
	// ErrNotFound: no document, event or reference table with that id.
	ErrNotFound = errors.New("not found")
	// ErrLocked: another process holds the database file; the error is a
	// [*LockError] that says what to do.
	ErrLocked = errors.New("database is locked by another process")
	// ErrSchemaTooNew: the database was written by a newer fulcrum.
	ErrSchemaTooNew = errors.New("database schema is newer than this fulcrum")
)

// LockError reports that another process holds the database file. Its
// message names the file and the way out; it never shows DuckDB's own
// message. It matches [ErrLocked] with [errors.Is].
type LockError struct {
	// Path is the database file.
	Path string
	// PID is the process holding the lock, or 0 when DuckDB did not say.
	PID int
	// Holder is the program holding the lock as DuckDB reported it (a
	// path), or "" when unknown.
	Holder string
}

// Error tells the user what to do. When DuckDB named a holder that is not
// fulcrum (the duckdb shell, a notebook), the message names it instead of
// guessing `fulcrum serve`.
func (e *LockError) Error() string {
	pid := ""
	if e.PID > 0 {
		pid = fmt.Sprintf("PID %d, ", e.PID)
	}
	who := fmt.Sprintf("another fulcrum process (%sprobably `fulcrum serve`)", pid)
	if e.Holder != "" && !strings.Contains(strings.ToLower(filepath.Base(e.Holder)), "fulcrum") {
		who = fmt.Sprintf("another program (%s%s)", pid, e.Holder)
	}
	return fmt.Sprintf("the database %s is in use by %s; stop it, or pass --db to use another file", e.Path, who)
}

// Unwrap returns [ErrLocked].
func (e *LockError) Unwrap() error { return ErrLocked }

// lockPID finds "(PID 1234)" and the holder path in DuckDB's lock message:
//
//	IO Error: Could not set lock on file "/x.db": Conflicting lock is held in /usr/bin/fulcrum (PID 1234) by user …
var (
	lockPID    = regexp.MustCompile(`\(PID (\d+)\)`)
	lockHolder = regexp.MustCompile(`lock is held in (.+?) \(PID`)
)

// lockError reports whether err is DuckDB's file-lock failure and, if so,
// returns the [*LockError] to show instead.
func lockError(path string, err error) (*LockError, bool) {
	if err == nil {
		return nil, false
	}
	msg := err.Error()
	low := strings.ToLower(msg)
	if !strings.Contains(low, "could not set lock on file") && !strings.Contains(low, "conflicting lock is held") {
		return nil, false
	}
	le := &LockError{Path: path}
	if m := lockPID.FindStringSubmatch(msg); m != nil {
		le.PID, _ = strconv.Atoi(m[1])
	}
	if m := lockHolder.FindStringSubmatch(msg); m != nil {
		le.Holder = m[1]
	}
	return le, true
}

// Store is an open fulcrum database. It is safe for concurrent use; writes
// are serialised inside the store so that concurrent writers never meet
// DuckDB's transaction conflicts.
type Store struct {
	db   *sql.DB
	path string
	// wmu serialises write transactions, shared by every Store of the
	// same file in this process (see writeLock).
	wmu *sync.Mutex
}

// writeLocks holds one write mutex per database file opened in this
// process: DuckDB shares one engine instance between handles on the same
// file, so their writers must take turns too.
var writeLocks sync.Map // absolute path → *sync.Mutex

func writeLock(path string) *sync.Mutex {
	if path == Memory {
		return new(sync.Mutex)
	}
	m, _ := writeLocks.LoadOrStore(path, new(sync.Mutex))
	return m.(*sync.Mutex)
}

// DefaultPath returns the database path used when none is given: $FULCRUM_DB
// when set, else $XDG_DATA_HOME/fulcrum/fulcrum.duckdb, else
// ~/.local/share/fulcrum/fulcrum.duckdb. When no home directory is known it
// falls back to fulcrum.duckdb in the working directory.
func DefaultPath() string {
	if p := os.Getenv("FULCRUM_DB"); p != "" {
		return p
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "fulcrum", "fulcrum.duckdb")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "fulcrum.duckdb"
	}
	return filepath.Join(home, ".local", "share", "fulcrum", "fulcrum.duckdb")
}

// Open opens the database at path, creating its folder and file on first
// use, and migrates it to the current schema. An empty path means
// [DefaultPath]; [Memory] opens a private in-memory database.
//
// When another process holds the file, Open returns a [*LockError]
// (matching [ErrLocked]). When the file was written by a newer fulcrum it
// returns an error matching [ErrSchemaTooNew] and changes nothing.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		path = DefaultPath()
	}
	dsn := path
	if path != Memory {
		if strings.Contains(path, "://") {
			return nil, fmt.Errorf("open database %s: a URL, but the embedded store takes a file path", path)
		}
		if strings.ContainsAny(path, "?#") {
			return nil, fmt.Errorf("open database %s: the path must not contain '?' or '#'", path)
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
		path, dsn = abs, abs
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
		if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("open database %s: is a directory", path)
		}
	}
	connector, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		if le, ok := lockError(path, err); ok {
			return nil, le
		}
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if le, ok := lockError(path, err); ok {
			return nil, le
		}
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, path: path, wmu: writeLock(path)}
	if err := migrate(ctx, db, migrations); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// Path returns the absolute path of the database file, or [Memory].
func (s *Store) Path() string { return s.path }

// Close checkpoints and closes the database. The store must not be used
// afterwards.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// DB returns the underlying database handle, for packages that keep their
// own tables (dataset imports, reference data) and need raw SQL on them.
// Such callers own those tables; they must not write to the tables of this
// package (documents, events, corrections, schema_version,
// reference_tables) except through its methods, so that corrections and
// idempotency hold.
func (s *Store) DB() *sql.DB { return s.db }

// withTx runs fn inside a transaction on one connection, holding the write
// lock, and commits when fn returns nil; otherwise it rolls back. A single
// connection (not [sql.Tx]) is used so that fn can reach the driver
// connection for DuckDB's appender inside the same transaction.
func (s *Store) withTx(ctx context.Context, fn func(conn *sql.Conn) error) (err error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connection: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			// A failed statement may already have aborted the transaction;
			// use a fresh context so that cancellation cannot skip rollback.
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	if err = fn(conn); err != nil {
		return err
	}
	if _, err = conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
