package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/fulcrum-dev/fulcrum/internal/datasets"
	"html/template"
	"strings"
	"sync"

	"github.com/fulcrum-dev/fulcrum/internal/report"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

// reportKey names one built report. Version is the server's write counter
// when the build started, so any write makes older builds stale.
type reportKey struct {
	Country  string
	Poles    string
	From, To int
	Version  int64
}

// built is a report with its renderings, computed once per key.
type built struct {
	Report *report.Report
	JSON   []byte
	Charts []chart

	// body is the country page's content, rendered once.
	bodyOnce sync.Once
	body     template.HTML
	bodyErr  error
	// anon is the whole country page for visitors without a session.
	anonOnce sync.Once
	anon     []byte
	anonErr  error
}

type chart struct {
	Name string
	SVG  template.HTML // rendered by report.Chart, which escapes its text
}

type cacheEntry struct {
	done chan struct{}
	b    *built
	err  error
}

// reportCache holds built reports; concurrent requests for one key wait for
// a single build.
type reportCache struct {
	mu  sync.Mutex
	max int
	m   map[reportKey]*cacheEntry
}

func newReportCache(max int) *reportCache {
	return &reportCache{max: max, m: map[reportKey]*cacheEntry{}}
}

// get returns the cached report for k, building it with build when absent.
// Failed builds are not kept.
func (c *reportCache) get(ctx context.Context, k reportKey, build func() (*built, error)) (*built, error) {
	c.mu.Lock()
	e, ok := c.m[k]
	if !ok {
		if len(c.m) >= c.max {
			for old := range c.m {
				if old.Version < k.Version || len(c.m) >= c.max {
					delete(c.m, old)
				}
			}
		}
		e = &cacheEntry{done: make(chan struct{})}
		c.m[k] = e
		c.mu.Unlock()
		e.b, e.err = build()
		close(e.done)
		if e.err != nil {
			c.mu.Lock()
			if c.m[k] == e {
				delete(c.m, k)
			}
			c.mu.Unlock()
		}
		return e.b, e.err
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.b, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// maxDatasetEvents caps the imported dataset events one report reads.
const maxDatasetEvents = 500_000

// report returns the report of country between poles over [from, to],
// built from the store's events as corrected.
func (s *Server) report(ctx context.Context, country string, poles []string, from, to int) (*built, error) {
	k := reportKey{Country: country, Poles: strings.Join(poles, ","), From: from, To: to, Version: s.version.Load()}
	return s.reports.get(ctx, k, func() (*built, error) {
		// The build outlives a client that goes away: others may wait
		// for it.
		ctx := context.WithoutCancel(ctx)
		evs, err := s.cfg.Store.Events(ctx, store.EventFilter{Sources: []string{country}})
		if err != nil {
			return nil, fmt.Errorf("read events of %s: %w", country, err)
		}
		s.fillText(ctx, evs)
		// Imported datasets (GDELT, ICEWS, POLECAT) feed the statements
		// channel too, as in the command line's report.
		ds, cut, err := datasets.SourceEvents(ctx, s.cfg.Store.DB(), country, from, to, maxDatasetEvents)
		if err != nil {
			return nil, err
		}
		evs = append(evs, ds...)
		td, err := ties.New()
		if err != nil {
			return nil, fmt.Errorf("load ties: %w", err)
		}
		var notes []string
		if cut {
			notes = append(notes, fmt.Sprintf("Only the %d most recent imported dataset events of %s were used.", maxDatasetEvents, country))
		}
		r, err := report.Build(ctx, report.Inputs{Dict: s.cfg.Dict, Votes: s.cfg.Votes, Ties: td, Events: evs, Notes: notes},
			report.Options{Country: country, Poles: poles, From: from, To: to, Bootstrap: s.cfg.Bootstrap})
		if err != nil {
			return nil, err
		}
		b := &built{Report: r}
		var buf bytes.Buffer
		if err := r.WriteJSON(&buf); err != nil {
			return nil, fmt.Errorf("encode report: %w", err)
		}
		// Compact: the indented form is about twice the bytes, and
		// the API serves it to every client.
		var compact bytes.Buffer
		if err := json.Compact(&compact, buf.Bytes()); err != nil {
			return nil, fmt.Errorf("compact report: %w", err)
		}
		b.JSON = append(compact.Bytes(), '\n')
		names, svgs := r.Charts()
		for _, n := range names {
			b.Charts = append(b.Charts, chart{Name: n, SVG: template.HTML(svgs[n])})
		}
		return b, nil
	})
}

// bump records a write: cached reports are rebuilt on next use.
func (s *Server) bump() { s.version.Add(1) }
