package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// Replaced reports what became of the analysts' corrections when stored
// events were replaced by a new coding of the same texts
// ([Store.ReplaceEvents]). It counts log entries of the kinds that change
// an event in place (wrong, restore, set); added events are never replaced.
type Replaced struct {
	// Added counts the new events stored.
	Added int
	// Reapplied counts the entries applied again to a new event: the one
	// with the corrected event's id, else the one with its key (see
	// [Store.ReplaceEvents]).
	Reapplied int
	// Orphaned counts the entries whose event is among the new events
	// neither by id nor by key. They stay in the log, unapplied, and are
	// tried again at the next replacement.
	Orphaned int
	// Invalid counts the entries that found their event but no longer
	// apply to it (a CAMEO code the tables retired, say). They stay in the
	// log, unapplied.
	Invalid int
}

// ReplaceEvents replaces the stored events of documents that the store
// does not hold as documents (a built-in dataset that cites texts it does
// not ship, such as the UN General Debate speeches) by a new coding of
// them, in one transaction, and applies the corrections of the replaced
// events again.
//
// It deletes the events of docs that are not manual and whose document is
// not stored, stores events as [Store.PutEvents] does (an id already
// stored is skipped), and applies each replaced event's log entries to the
// new event that is the same event: the one with the same id, else the
// only one with the same key, which is the document, the evidence span and
// the source, target and CAMEO code as first coded (before any
// correction). Ids hash the coder's rule, so a better coder changes them
// while the key stays. Entries that found their event are moved to its
// id in the log; the others stay as they were and are counted as orphaned
// in the result, which an upgrade should show its user.
func (s *Store) ReplaceEvents(ctx context.Context, docs []string, events []event.Event) (Replaced, error) {
	rows := make([]row, len(events))
	for i := range events {
		if err := checkEvent(&events[i], -1); err != nil {
			return Replaced{}, fmt.Errorf("replace events: event %d: %w", i, err)
		}
		rows[i].Event = events[i]
	}
	var res Replaced
	var moves map[string]string
	err := s.withTx(ctx, func(conn *sql.Conn) error {
		old, err := correctedEvents(ctx, conn, docs, func(c *corrected) bool {
			return !c.present || c.origin != event.OriginManual && !c.docStored
		})
		if err != nil {
			return err
		}
		err = inChunks(docs, func(in string, args []any) error {
			_, err := conn.ExecContext(ctx, `DELETE FROM events WHERE doc IN (`+in+`) AND origin <> ?
				AND doc NOT IN (SELECT id FROM documents)`, append(args, event.OriginManual)...)
			return err
		})
		if err != nil {
			return fmt.Errorf("delete old events: %w", err)
		}
		moves, res = reapply(old, rows)
		if res.Added, err = insertEvents(ctx, conn, rows); err != nil {
			return err
		}
		return moveCorrections(ctx, conn, moves)
	})
	if err != nil {
		return Replaced{}, fmt.Errorf("replace events: %w", err)
	}
	return res, nil
}

// eventKey finds an event again among a new coding of its text: its
// document, evidence span, and source, target and CAMEO code as coded.
type eventKey struct {
	doc                   string
	start, end            int
	source, target, cameo string
}

// corrected is a stored event with its log entries (wrong, restore, set;
// oldest first), read before the event is replaced.
type corrected struct {
	id  string
	log []Correction
	// present is false when the event is already gone (its corrections
	// were orphaned by an earlier replacement); it can then only be found
	// again by id.
	present bool
	// key is the event's key when present; origin its origin, docStored
	// whether its document is stored.
	key       eventKey
	origin    string
	docStored bool
}

// correctedEvents reads the corrected events of docs that keep says will be
// replaced, with their log entries and keys.
func correctedEvents(ctx context.Context, conn *sql.Conn, docs []string, keep func(*corrected) bool) ([]*corrected, error) {
	type entry struct {
		c  Correction
		ev corrected
	}
	var entries []entry
	err := inChunks(docs, func(in string, args []any) error {
		got, err := queryAll(ctx, conn, `SELECT c.id, c.event_id, c.action, c.field, c.old, c.new,
				e.id IS NOT NULL, coalesce(e.doc, ''), coalesce(e.evidence_start, 0), coalesce(e.evidence_end, 0),
				coalesce(e.source, ''), coalesce(e.target, ''), coalesce(e.cameo, ''), coalesce(e.origin, ''),
				d.id IS NOT NULL
			FROM corrections c LEFT JOIN events e ON e.id = c.event_id LEFT JOIN documents d ON d.id = c.doc
			WHERE c.doc IN (`+in+`) AND c.action IN (?, ?, ?)`,
			append(args, ActionWrong, ActionRestore, ActionSet), func(sc scanner) (entry, error) {
				var x entry
				k := &x.ev.key
				err := sc.Scan(&x.c.ID, &x.c.EventID, &x.c.Action, &x.c.Field, &x.c.Old, &x.c.New,
					&x.ev.present, &k.doc, &k.start, &k.end, &k.source, &k.target, &k.cameo, &x.ev.origin, &x.ev.docStored)
				return x, err
			})
		entries = append(entries, got...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load corrections: %w", err)
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.c.ID, b.c.ID) })
	byID := map[string]*corrected{}
	var out []*corrected
	for _, x := range entries {
		e, ok := byID[x.c.EventID]
		if !ok {
			e = &x.ev
			e.id = x.c.EventID
			byID[e.id] = e
			out = append(out, e)
		}
		e.log = append(e.log, x.c)
	}
	kept := out[:0]
	for _, e := range out {
		if !keep(e) {
			continue
		}
		// The key holds the values as coded: a field an analyst set is
		// taken from the first set entry's old value.
		seen := map[string]bool{}
		for _, c := range e.log {
			if c.Action != ActionSet || seen[c.Field] {
				continue
			}
			seen[c.Field] = true
			switch c.Field {
			case "source":
				e.key.source = c.Old
			case "target":
				e.key.target = c.Old
			case "cameo":
				e.key.cameo = c.Old
			}
		}
		kept = append(kept, e)
	}
	return kept, nil
}

// reapply applies the log entries of the replaced events old to the new
// rows, in memory before they are stored: to the row with the same id,
// else to the only row with the same key. It returns the moves of log
// entries to new ids (old id → new id) and the counts (Added not set).
func reapply(old []*corrected, rows []row) (map[string]string, Replaced) {
	byID := make(map[string]int, len(rows))
	byKey := make(map[eventKey][]int, len(rows))
	for i := range rows {
		e := &rows[i].Event
		if _, dup := byID[e.ID]; !dup {
			byID[e.ID] = i
		}
		k := eventKey{e.Doc, e.Evidence.Start, e.Evidence.End, e.Source, e.Target, e.CAMEO}
		byKey[k] = append(byKey[k], i)
	}
	var res Replaced
	moves := map[string]string{}
	logs := map[int][]Correction{} // row → entries to apply
	for _, e := range old {
		i, ok := byID[e.id]
		if !ok && e.present {
			if m := byKey[e.key]; len(m) == 1 {
				i, ok = m[0], true
				moves[e.id] = rows[i].ID
			}
		}
		if !ok {
			res.Orphaned += len(e.log)
			continue
		}
		logs[i] = append(logs[i], e.log...)
	}
	for i, log := range logs {
		// Entries of two old events that meet in one new event apply in
		// the order they were made.
		slices.SortFunc(log, func(a, b Correction) int { return cmp.Compare(a.ID, b.ID) })
		for _, c := range log {
			if err := apply(&rows[i], c.Action, c.Field, c.New); err != nil {
				res.Invalid++
				continue
			}
			res.Reapplied++
		}
	}
	return moves, res
}

// moveCorrections points the log entries of replaced events at the new
// events they were applied to.
func moveCorrections(ctx context.Context, conn *sql.Conn, moves map[string]string) error {
	for from, to := range moves {
		if _, err := conn.ExecContext(ctx, `UPDATE corrections SET event_id = ? WHERE event_id = ? AND action IN (?, ?, ?)`,
			to, from, ActionWrong, ActionRestore, ActionSet); err != nil {
			return fmt.Errorf("move corrections of event %s: %w", from, err)
		}
	}
	return nil
}

// inChunks calls fn for successive chunks of ids with the placeholders of
// an IN list ("?, ?, ?") and the chunk as arguments, so that no statement
// carries thousands of parameters. No ids, no call.
func inChunks(ids []string, fn func(in string, args []any) error) error {
	const chunk = 500
	for lo := 0; lo < len(ids); lo += chunk {
		hi := min(lo+chunk, len(ids))
		args := make([]any, 0, hi-lo)
		for _, id := range ids[lo:hi] {
			args = append(args, id)
		}
		if err := fn(strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", "), args); err != nil {
			return err
		}
	}
	return nil
}
