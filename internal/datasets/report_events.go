package datasets

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// SourceEvents returns the deduplicated dataset events (view dataset_dedup)
// whose source is the actor code source and whose day lies in the calendar
// years from…to, as event records for the alignment model: at most limit
// events (0: no limit), the most recent first when the limit cuts, and
// whether it did. Each event's Doc is "<origin>:<day>", so that the
// statements channel's bootstrap resamples news days (reports of one day
// are not independent); Reports is the number of source records collapsed
// into it.
//
// A database into which nothing was ever imported (no dataset tables) has
// no dataset events: SourceEvents returns none, without creating tables.
func SourceEvents(ctx context.Context, db *sql.DB, source string, from, to, limit int) ([]event.Event, bool, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_name = 'dataset_dedup'`).Scan(&n); err != nil {
		return nil, false, fmt.Errorf("dataset events of %s: %w", source, err)
	}
	if n == 0 {
		return nil, false, nil
	}
	q := `SELECT id, origin, date, source, target, cameo, plover, mode, reports
		FROM dataset_dedup WHERE source = ? AND target <> '' AND date >= ? AND date < ?
		ORDER BY date DESC, id`
	args := []any{source, time.Date(from, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(to+1, 1, 1, 0, 0, 0, 0, time.UTC)}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit+1)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, false, fmt.Errorf("dataset events of %s: %w", source, err)
	}
	defer rows.Close()
	var out []event.Event
	for rows.Next() {
		var e event.Event
		var day time.Time
		var plover, mode sql.NullString
		if err := rows.Scan(&e.ID, &e.Origin, &day, &e.Source, &e.Target, &e.CAMEO, &plover, &mode, &e.Reports); err != nil {
			return nil, false, fmt.Errorf("dataset events of %s: %w", source, err)
		}
		e.Date = day.Format("2006-01-02")
		e.DatePrecision = event.PrecisionDay
		e.Doc = e.Origin + ":" + e.Date
		e.Modality = event.Asserted
		e.Rule = e.Origin + " record"
		if !e.Fill() {
			continue // a code outside CAMEO: counted as a bad row at import
		}
		if plover.Valid && plover.String != "" {
			e.PLOVER, e.Mode = plover.String, mode.String
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("dataset events of %s: %w", source, err)
	}
	cut := limit > 0 && len(out) > limit
	if cut {
		out = out[:limit]
	}
	return out, cut, nil
}
