package web

import (
	"fmt"
	"math"
	"net/http"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// dyadRow is one year of two states' UN vote agreement.
type dyadRow struct {
	Year      string  `json:"year"`
	N         int     `json:"n"`
	Identical float64 `json:"identical"`
	Kappa     float64 `json:"kappa"`
	Width     int     `json:"-"` // bar width in percent
	KappaText string  `json:"-"`
}

// dyadView is the dyad page's data.
type dyadView struct {
	A, B         string
	NameA, NameB string
	Votes        []dyadRow
	AtoB, BtoA   []event.Event
	CountAB      int
	CountBA      int
}

// dyadShow compares two states: their UN vote agreement per year and their
// coded events in both directions (the latest 100 each way).
func (s *Server) dyadShow(w http.ResponseWriter, r *http.Request) {
	a, b := strings.ToUpper(r.PathValue("a")), strings.ToUpper(r.PathValue("b"))
	v := dyadView{A: a, B: b}
	for _, c := range []struct {
		code string
		name *string
	}{{a, &v.NameA}, {b, &v.NameB}} {
		act, ok := s.cfg.Dict.Actor(c.code)
		if !codeRE.MatchString(c.code) || (!ok && !s.cfg.Votes.Known(c.code)) {
			s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no state or organisation %q", c.code))
			return
		}
		*c.name = c.code
		if ok {
			*c.name = act.Name
		}
	}
	if s.cfg.Votes.Known(a) && s.cfg.Votes.Known(b) && a != b {
		ag, err := s.cfg.Votes.Pair(a, b, votes.Options{})
		if err != nil {
			s.failErr(w, r, fmt.Errorf("vote agreement %s–%s: %w", a, b, err))
			return
		}
		for _, g := range ag {
			m := g.Measures(votes.Nominal)
			row := dyadRow{Year: g.Bucket, N: m.N, Identical: m.Identical, Kappa: m.Kappa}
			if !math.IsNaN(m.Identical) {
				row.Width = int(math.Round(m.Identical * 100))
			}
			row.KappaText = "–"
			if !math.IsNaN(m.Kappa) {
				row.KappaText = fmt.Sprintf("%+.2f", m.Kappa)
			}
			if math.IsNaN(row.Kappa) {
				row.Kappa = 0
			}
			if math.IsNaN(row.Identical) {
				row.Identical = 0
			}
			v.Votes = append(v.Votes, row)
		}
	}
	ctx := r.Context()
	for _, dir := range []struct {
		src, tgt string
		out      *[]event.Event
		n        *int
	}{{a, b, &v.AtoB, &v.CountAB}, {b, a, &v.BtoA, &v.CountBA}} {
		f := store.EventFilter{Sources: []string{dir.src}, Targets: []string{dir.tgt}}
		n, err := s.cfg.Store.CountEvents(ctx, f)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		*dir.n = n
		f.Limit, f.Offset = 100, max(0, n-100)
		evs, err := s.cfg.Store.Events(ctx, f)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		s.fillText(ctx, evs)
		*dir.out = evs
	}
	if isAPI(r) {
		s.json(w, r, http.StatusOK, map[string]any{"a": a, "b": b, "votes": v.Votes,
			"events_a_to_b": v.AtoB, "events_b_to_a": v.BtoA, "count_a_to_b": v.CountAB, "count_b_to_a": v.CountBA})
		return
	}
	s.html(w, r, http.StatusOK, "dyad", v.NameA+" and "+v.NameB, v)
}
