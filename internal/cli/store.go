package cli

import (
	"context"

	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// openStore opens the database named by --db / $FULCRUM_DB, or the default.
// A database held by another process is a *store.LockError whose message
// says what to do, never DuckDB's raw lock message; when the holder is a
// running "fulcrum serve", the hint names its address and pid (commands
// that can, hand their work to it instead: see runningServer).
func openStore(ctx context.Context, env *Env) (*store.Store, error) {
	st, err := store.Open(ctx, env.DB)
	if err != nil {
		if _, ok := runningServer(err); ok {
			return nil, withHint(err, lockedHint(err))
		}
		return nil, err
	}
	return st, nil
}
