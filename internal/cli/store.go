package cli

import (
	"context"
	"errors"

	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// openStore opens the database named by --db / $FULCRUM_DB, or the default.
// A database held by another process (a running "fulcrum serve") is an
// error that says what to do, never DuckDB's raw lock message.
func openStore(ctx context.Context, env *Env) (*store.Store, error) {
	st, err := store.Open(ctx, env.DB)
	if err != nil {
		var le *store.LockError
		if errors.As(err, &le) {
			return nil, withHint(err, "stop the other fulcrum process, or run this command with --db OTHER.duckdb")
		}
		return nil, err
	}
	return st, nil
}
