package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"sync"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// evidenceView is the evidence browser's data.
type evidenceView struct {
	Q        evidenceQuery
	Total    int
	Events   []event.Event
	Prev     string
	Next     string
	Poles    []string
	From, To int // shown rows, 1-based
}

// evidenceList is the evidence browser: coded events filtered by source,
// target, pole, date range, CAMEO root, PLOVER type, negation, modality and
// origin, 50 a page. /api/events returns the same rows as JSON.
func (s *Server) evidenceList(w http.ResponseWriter, r *http.Request) {
	f, eq, err := s.eventFilter(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	p, err := s.evidence(r.Context(), r.URL.Query().Encode(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	total, evs := p.total, p.events
	if isAPI(r) {
		p.jsonOnce.Do(func() {
			p.json, _ = json.MarshalIndent(map[string]any{"total": total, "offset": f.Offset, "limit": f.Limit, "events": evs}, "", "  ")
			p.json = append(p.json, '\n')
		})
		w.Header().Set("Content-Type", "application/json")
		w.Write(p.json)
		return
	}
	v := evidenceView{Q: eq, Total: total, Events: evs, Poles: s.cfg.Dict.Poles(), From: f.Offset + 1, To: f.Offset + len(evs)}
	page := func(n int) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(n))
		return "/evidence?" + q.Encode()
	}
	if eq.Page > 1 {
		v.Prev = page(eq.Page - 1)
	}
	if f.Offset+len(evs) < total {
		v.Next = page(eq.Page + 1)
	}
	s.html(w, r, http.StatusOK, "evidence", "Evidence", v)
}

// fillText adds evidence text to events whose documents are not stored.
func (s *Server) fillText(ctx context.Context, evs []event.Event) {
	if s.cfg.FillText == nil || len(evs) == 0 {
		return
	}
	if err := s.cfg.FillText(ctx, evs); err != nil {
		s.log.Warn("fill evidence text", "err", err)
	}
}

// docLink is the document page of an event, scrolled to its evidence.
func docLink(e event.Event) string {
	if e.Doc == "" {
		return "/events/" + url.PathEscape(e.ID)
	}
	return "/docs/" + url.PathEscape(e.Doc) + "?event=" + url.QueryEscape(e.ID) + "#ev-" + e.ID
}

// evidencePage is one page of the evidence browser as queried; done is
// closed once total, events and err are set.
type evidencePage struct {
	done   chan struct{}
	total  int
	events []event.Event
	err    error
	// jsonOnce encodes the API reply once per page.
	jsonOnce sync.Once
	json     []byte
}

// evidenceCache keeps recent evidence pages per query and write counter,
// so that paging back and forth and repeated API calls do not query the
// database again; a write makes every entry stale. Concurrent requests for
// one query wait for a single database query.
type evidenceCache struct {
	mu sync.Mutex
	m  map[string]*evidencePage
}

const maxEvidenceCache = 256

// evidence returns the page of events f selects with their total, from the
// cache when the same query (canonical query string) was answered since
// the last write. Database queries run at most maxDBQueries at a time.
func (s *Server) evidence(ctx context.Context, query string, f store.EventFilter) (*evidencePage, error) {
	key := strconv.FormatInt(s.version.Load(), 10) + "?" + query
	c := &s.evCache
	c.mu.Lock()
	p, ok := c.m[key]
	if !ok {
		if c.m == nil || len(c.m) >= maxEvidenceCache {
			c.m = map[string]*evidencePage{}
		}
		p = &evidencePage{done: make(chan struct{})}
		c.m[key] = p
	}
	c.mu.Unlock()
	if ok {
		select {
		case <-p.done:
			return p, p.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	// The query outlives a client that goes away: others may wait for it.
	p.total, p.events, p.err = s.queryEvidence(context.WithoutCancel(ctx), f)
	close(p.done)
	if p.err != nil {
		c.mu.Lock()
		if c.m[key] == p {
			delete(c.m, key)
		}
		c.mu.Unlock()
	}
	return p, p.err
}

func (s *Server) queryEvidence(ctx context.Context, f store.EventFilter) (int, []event.Event, error) {
	s.dbSem <- struct{}{}
	defer func() { <-s.dbSem }()
	total, err := s.cfg.Store.CountEvents(ctx, f)
	if err != nil {
		return 0, nil, err
	}
	evs, err := s.cfg.Store.Events(ctx, f)
	if err != nil {
		return 0, nil, err
	}
	s.fillText(ctx, evs)
	return total, evs, nil
}
