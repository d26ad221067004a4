package cli

import (
	"context"
	"fmt"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// statementEvents gathers the country's coded events from the database:
// the built-in UN General Debate statements (loaded on first use), the
// user's ingested documents and imported datasets, with the analysts'
// corrections applied.
func statementEvents(ctx context.Context, env *Env, country string, vd *votes.Data, p *progress) ([]event.Event, error) {
	st, err := openStore(ctx, env)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if err := ensureReference(ctx, st, vd, p); err != nil {
		return nil, err
	}
	evs, err := st.Events(ctx, store.EventFilter{Sources: []string{country}})
	if err != nil {
		return nil, fmt.Errorf("read events of %s: %w", country, err)
	}
	if err := builtinMeta(ctx, env, st, evs); err != nil {
		return nil, err
	}
	return evs, nil
}
