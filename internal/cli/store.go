package cli

import (
	"context"

	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// openStore opens the database named by --db / $FULCRUM_DB, or the default.
// A database held by another process (a running "fulcrum serve") is a
// *store.LockError whose message says what to do, never DuckDB's raw lock
// message.
func openStore(ctx context.Context, env *Env) (*store.Store, error) {
	return store.Open(ctx, env.DB)
}
