package align

import (
	"fmt"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

// TiesPoint turns a ties channel score ([ties.Data.Score]) into a point:
// Value = s.Value = 2·share − 1 (so the tilt (x_B − x_A)/2 equals
// share_B − share_A), Lo = Hi = Value (the data have no sampling
// uncertainty), N = the pole states and organisations considered,
// Evidence = the ids of the alliances and memberships, Notes = the
// score's notes (right-censoring).
func TiesPoint(s ties.Score) Point {
	start := time.Date(s.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	p := Point{
		Period: fmt.Sprint(s.Year), Start: start, End: start.AddDate(1, 0, 0),
		Value: s.Value, Lo: s.Value, Hi: s.Value,
		N:     s.Anchors + s.Members + s.Orgs,
		Units: len(s.Evidence),
		Notes: append([]string(nil), s.Notes...),
	}
	if p.N == 0 && s.Share == 1 { // the focal state anchors the pole
		p.N = 1
	}
	for _, e := range s.Evidence {
		p.Evidence = append(p.Evidence, e.ID)
	}
	return p
}

// TiesSeries scores state toward pole in each year from..to with d and
// returns the ties channel series. Years without any data for the pole
// give points with N = 0.
func TiesSeries(d *ties.Data, state string, pole ties.Pole, from, to int) Series {
	s := Series{Channel: Ties, Pole: pole.Name}
	for y := from; y <= to; y++ {
		sc, err := d.Score(state, pole, y)
		if err != nil {
			start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			s.Points = append(s.Points, Point{Period: fmt.Sprint(y), Start: start, End: start.AddDate(1, 0, 0),
				Notes: []string{err.Error()}})
			continue
		}
		s.Points = append(s.Points, TiesPoint(sc))
	}
	return s
}
