package cli

import (
	"context"
	"fmt"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// maxDatasetEvents caps the imported dataset events one report reads into
// memory (the most recent are kept, and the report says so).
const maxDatasetEvents = 500_000

// statementEvents gathers the country's coded events from the database:
// the built-in UN General Debate statements (loaded on first use), the
// user's ingested documents and manual corrections, and the deduplicated
// events of imported datasets (GDELT, ICEWS, POLECAT) in the period. It
// returns notes on what it had to leave out.
func statementEvents(ctx context.Context, env *Env, country string, from, to int, vd *votes.Data, p *progress) ([]event.Event, []string, error) {
	st, err := openStore(ctx, env)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	if err := ensureReference(ctx, st, vd, p); err != nil {
		return nil, nil, err
	}
	evs, err := st.Events(ctx, store.EventFilter{Sources: []string{country}})
	if err != nil {
		return nil, nil, fmt.Errorf("read events of %s: %w", country, err)
	}
	unquoted, err := builtinMeta(ctx, env, st, evs)
	if err != nil {
		return nil, nil, err
	}
	ds, cut, err := datasets.SourceEvents(ctx, st.DB(), country, from, to, maxDatasetEvents)
	if err != nil {
		return nil, nil, err
	}
	var notes []string
	if unquoted > 0 {
		notes = append(notes, fmt.Sprintf("%d built-in UN General Debate events are cited by speech and byte offsets, not quoted: the speech texts are not shipped with fulcrum. Set FULCRUM_UNGDC to a copy of the UNGDC corpus (the folder with index.csv and texts/) to quote them.", unquoted))
	}
	if cut {
		notes = append(notes, fmt.Sprintf("Only the %d most recent imported dataset events of %s were used; narrow --from/--to to use them all.", maxDatasetEvents, country))
	}
	return append(evs, ds...), notes, nil
}
