package cli

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/statements"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// ensureReference loads the built-in reference data into the database on
// first use (and again when a new fulcrum ships different data): the UN
// roll calls and votes, the ideal points, and the built-in statements
// dataset as events. Later runs find the versions unchanged and skip it.
func ensureReference(ctx context.Context, st *store.Store, vd *votes.Data, p *progress) error {
	rcs := vd.RollCalls()
	states := vd.States()
	ver := fmt.Sprintf("unvotes-2021/%d-rollcalls", len(rcs))
	p.Printf("first run: loading UN roll calls…")
	if _, err := st.EnsureTable(ctx, store.Table{
		Name: "un_roll_calls", Version: ver,
		Create: `CREATE TABLE un_roll_calls (rcid INTEGER PRIMARY KEY, session INTEGER, date DATE, year INTEGER,
			resolution VARCHAR, short VARCHAR, descr VARCHAR, important TINYINT, amend TINYINT, para TINYINT,
			issues VARCHAR, unanimous BOOLEAN)`,
		Fill: func(add func(...any) error) error {
			for _, rc := range rcs {
				if err := add(int32(rc.RCID), int32(rc.Session), rc.Date, int32(rc.Year), rc.Resolution, rc.Short, rc.Descr,
					int8(rc.Important), int8(rc.Amend), int8(rc.Para), strings.Join(rc.Issues, ","), rc.Unanimous); err != nil {
					return err
				}
			}
			return nil
		},
	}); err != nil {
		return fmt.Errorf("load roll calls: %w", err)
	}
	p.Printf("first run: loading UN votes…")
	if _, err := st.EnsureTable(ctx, store.Table{
		Name: "un_votes", Version: ver,
		Create: `CREATE TABLE un_votes (rcid INTEGER, iso3 VARCHAR, vote VARCHAR)`,
		Fill: func(add func(...any) error) error {
			for _, rc := range rcs {
				for _, s := range states {
					v := vd.Vote(rc.RCID, s)
					if v == votes.Absent {
						continue
					}
					if err := add(int32(rc.RCID), s, v.String()); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}); err != nil {
		return fmt.Errorf("load votes: %w", err)
	}
	p.Printf("first run: loading ideal points…")
	if _, err := st.EnsureTable(ctx, store.Table{
		Name: "ideal_points", Version: votes.IdealRelease,
		Create: `CREATE TABLE ideal_points (ccode INTEGER, iso3 VARCHAR, state VARCHAR, session INTEGER, year INTEGER,
			nvotes INTEGER, ideal_point DOUBLE, q5 DOUBLE, q95 DOUBLE, us_agree DOUBLE, russia_agree DOUBLE, china_agree DOUBLE)`,
		Fill: func(add func(...any) error) error {
			for _, ip := range vd.AllIdealPoints() {
				if err := add(int32(ip.CCode), ip.ISO3, ip.State, int32(ip.Session), int32(ip.Year), int32(ip.NVotes),
					nullable(ip.Point), nullable(ip.Q5), nullable(ip.Q95), nullable(ip.USAgree), nullable(ip.RussiaAgree), nullable(ip.ChinaAgree)); err != nil {
					return err
				}
			}
			return nil
		},
	}); err != nil {
		return fmt.Errorf("load ideal points: %w", err)
	}
	return ensureStatements(ctx, st, p)
}

func nullable(f float64) any {
	if math.IsNaN(f) {
		return nil
	}
	return f
}

// ensureStatements stores the built-in statements dataset as events, once
// per version of the dataset. When a newer fulcrum ships a re-coded
// dataset, the events of the old one are replaced and the analysts'
// corrections re-applied to the events that are still there; the user is
// told how many were carried over and how many no longer match an event.
func ensureStatements(ctx context.Context, st *store.Store, p *progress) error {
	version := statements.Version() + "/meta2"
	old, err := st.TableVersion(ctx, "builtin_statements")
	switch {
	case err == nil && old == version:
		return nil
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return fmt.Errorf("load built-in statements: %w", err)
	}
	upgrade := err == nil
	evs, err := statements.Builtin()
	if err != nil {
		return fmt.Errorf("built-in statements: %w", err)
	}
	// The speeches are never stored as documents: the old dataset's events
	// are the events of the speeches it listed.
	var oldDocs []string
	if upgrade {
		if oldDocs, err = builtinDocs(ctx, st); err != nil {
			return err
		}
	}
	if upgrade {
		p.Printf("upgrading the built-in statements to %d events…", len(evs))
	} else {
		p.Printf("first run: storing %d built-in statement events…", len(evs))
	}
	plain := make([]event.Event, len(evs))
	for i := range evs {
		plain[i] = evs[i].Event
	}
	res, err := st.ReplaceEvents(ctx, oldDocs, plain)
	if err != nil {
		return fmt.Errorf("store built-in statements: %w", err)
	}
	if upgrade {
		noteUpgrade(p, res)
	}
	// Recorded last: should this fail, the next run replaces the events
	// again, which is harmless.
	_, err = st.EnsureTable(ctx, store.Table{
		Name: "builtin_statements", Version: version,
		Create: `CREATE TABLE builtin_statements (doc VARCHAR, path VARCHAR, title VARCHAR, url VARCHAR, doc_date VARCHAR)`,
		Fill: func(add func(...any) error) error {
			seen := map[string]bool{}
			for _, e := range evs {
				if !seen[e.Doc] {
					seen[e.Doc] = true
					if err := add(e.Doc, e.Path, e.DocTitle, e.DocURL, e.DocDate); err != nil {
						return err
					}
				}
			}
			return nil
		},
	})
	if err != nil {
		return fmt.Errorf("load built-in statements: %w", err)
	}
	return nil
}

// noteUpgrade tells the user what became of their corrections when the
// built-in statements were upgraded. It says nothing when there were none.
func noteUpgrade(p *progress, res store.Replaced) {
	if res.Reapplied+res.Orphaned+res.Invalid == 0 {
		return
	}
	p.Notef("The built-in statements were upgraded: %d %s re-applied to the new events.",
		res.Reapplied, plural(res.Reapplied, "correction", "corrections"))
	if n := res.Orphaned; n > 0 {
		p.Notef("%d %s any event (the new coding does not find that statement); %s in the log: fulcrum export corrections.",
			n, plural(n, "correction no longer matches", "corrections no longer match"), plural(n, "it stays", "they stay"))
	}
	if n := res.Invalid; n > 0 {
		p.Notef("%d %s to the new events and %s in the log, unapplied.",
			n, plural(n, "correction no longer applies", "corrections no longer apply"), plural(n, "stays", "stay"))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// builtinDocs lists the speeches of the built-in statements dataset as
// loaded in the database.
func builtinDocs(ctx context.Context, st *store.Store) ([]string, error) {
	rows, err := st.DB().QueryContext(ctx, `SELECT DISTINCT doc FROM builtin_statements ORDER BY doc`)
	if err != nil {
		return nil, fmt.Errorf("built-in statements: %w", err)
	}
	defer rows.Close()
	var docs []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, fmt.Errorf("built-in statements: %w", err)
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("built-in statements: %w", err)
	}
	return docs, nil
}

// builtinMeta gives built-in statement events their speech's title, URL
// and date (the database keeps those with documents, and the speeches are
// not stored as documents), and fills their evidence text from a local copy
// of the UN General Debate corpus when one is found: the folder in
// $FULCRUM_UNGDC, else ../shared/data/ungdc_speeches. The corpus is not
// shipped with fulcrum; without it the evidence is cited by speech and byte
// offsets, and builtinMeta returns how many events it could not quote.
func builtinMeta(ctx context.Context, env *Env, st *store.Store, events []event.Event) (unquoted int, err error) {
	rows, err := st.DB().QueryContext(ctx, `SELECT doc, path, title, url, doc_date FROM builtin_statements`)
	if err != nil {
		return 0, fmt.Errorf("speech metadata: %w", err)
	}
	defer rows.Close()
	type meta struct{ path, title, url, date string }
	docs := map[string]meta{}
	for rows.Next() {
		var d string
		var m meta
		if err := rows.Scan(&d, &m.path, &m.title, &m.url, &m.date); err != nil {
			return 0, fmt.Errorf("speech metadata: %w", err)
		}
		docs[d] = m
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("speech metadata: %w", err)
	}
	paths := map[string]string{}
	for i := range events {
		e := &events[i]
		if m, ok := docs[e.Doc]; ok {
			if e.DocTitle == "" {
				e.DocTitle, e.DocURL, e.DocDate = m.title, m.url, m.date
			}
			paths[e.Doc] = m.path
		}
	}
	dir := env.Getenv("FULCRUM_UNGDC")
	if dir == "" {
		dir = filepath.Join("..", "shared", "data", "ungdc_speeches")
	}
	if _, err := os.Stat(filepath.Join(dir, "index.csv")); err == nil {
		statements.FillText(events, paths, dir)
	}
	for i := range events {
		if _, ok := paths[events[i].Doc]; ok && events[i].Evidence.Text == "" {
			unquoted++
		}
	}
	return unquoted, nil
}
