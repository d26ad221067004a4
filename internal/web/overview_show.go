package web

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
)

// countryRow is one state on the overview.
type countryRow struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Events int    `json:"events"`
	Votes  int    `json:"votes"`
}

// overviewShow lists the states with data: UN votes or coded events,
// filtered by ?q= (code or name).
func (s *Server) overviewShow(w http.ResponseWriter, r *http.Request) {
	rows, err := s.countries(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 100 {
		s.fail(w, r, http.StatusBadRequest, "parameter q: longer than 100 characters")
		return
	}
	if q != "" {
		lq := strings.ToLower(q)
		kept := rows[:0:0]
		for _, c := range rows {
			if strings.Contains(strings.ToLower(c.Code), lq) || strings.Contains(strings.ToLower(c.Name), lq) {
				kept = append(kept, c)
			}
		}
		rows = kept
	}
	if isAPI(r) {
		s.json(w, r, http.StatusOK, map[string]any{"countries": rows, "poles": s.cfg.Dict.Poles()})
		return
	}
	s.html(w, r, http.StatusOK, "overview", "Countries", map[string]any{"Countries": rows, "Q": q, "Poles": s.cfg.Dict.Poles()})
}

// countries joins the UN voting states with the sources of stored events,
// most events first, then by name.
func (s *Server) countries(ctx context.Context) ([]countryRow, error) {
	byCode := map[string]*countryRow{}
	for _, c := range s.cfg.Votes.Countries() {
		byCode[c.ISO3] = &countryRow{Code: c.ISO3, Name: c.Name, Votes: c.NVotes}
	}
	rows, err := s.cfg.Store.DB().QueryContext(ctx, `SELECT source, count(*) FROM events WHERE NOT wrong AND source <> '' GROUP BY source`)
	if err != nil {
		return nil, fmt.Errorf("count events per state: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			return nil, fmt.Errorf("count events per state: %w", err)
		}
		c := byCode[code]
		if c == nil {
			a, ok := s.cfg.Dict.Actor(code)
			if !ok || a.Kind != actors.State {
				continue
			}
			c = &countryRow{Code: code, Name: a.Name}
			if vc, err := s.cfg.Votes.Country(code); err == nil {
				c.Votes = vc.NVotes // a seat under another code: SRB votes as YUG
			}
			byCode[code] = c
		}
		c.Events = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count events per state: %w", err)
	}
	out := make([]countryRow, 0, len(byCode))
	for _, c := range byCode {
		if a, ok := s.cfg.Dict.Actor(c.Code); ok && a.Name != "" {
			c.Name = a.Name
		}
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}
