package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/fulcrum-dev/fulcrum/internal/event"
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
	total, err := s.cfg.Store.CountEvents(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	evs, err := s.cfg.Store.Events(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.fillText(r.Context(), evs)
	if isAPI(r) {
		s.json(w, r, http.StatusOK, map[string]any{"total": total, "offset": f.Offset, "limit": f.Limit, "events": evs})
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
