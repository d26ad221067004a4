package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/report"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// dyadEventLimit is the number of events shown in each direction: the
// latest ones.
const dyadEventLimit = 100

// dyadRow is one year of two states' UN vote agreement. Identical is the
// share of joint roll calls on which both cast the same vote; Kappa is
// Cohen's κ (nominal), null when undefined, with its 90% bootstrap
// interval over roll calls.
//
// Thin is true when the year has fewer joint roll calls than
// align.MinRollCalls (align.Point.Thin): κ's bootstrap over so few is no
// interval, so the chart draws the year hollow without a band and the
// table prints no interval.
type dyadRow struct {
	Year      string   `json:"year"`
	N         int      `json:"n"`
	Identical float64  `json:"identical"`
	Kappa     *float64 `json:"kappa"`
	KappaLo   *float64 `json:"kappa_lo"`
	KappaHi   *float64 `json:"kappa_hi"`
	Thin      bool     `json:"thin"`
}

// Pct is the share of identical votes in whole percent, for the table.
func (r dyadRow) Pct() string { return fmt.Sprintf("%.0f%%", r.Identical*100) }

// KappaText is κ with two decimals, or "–" when undefined.
func (r dyadRow) KappaText() string {
	if r.Kappa == nil {
		return "–"
	}
	return fmt.Sprintf("%+.2f", *r.Kappa)
}

// IntervalText is κ's interval, "thin: 1 roll call" for a thin year, or
// "–".
func (r dyadRow) IntervalText() string {
	if r.Thin {
		return "thin: " + plural(r.N, "roll call", "roll calls")
	}
	if r.KappaLo == nil || r.KappaHi == nil {
		return "–"
	}
	return fmt.Sprintf("[%+.2f, %+.2f]", *r.KappaLo, *r.KappaHi)
}

// plural is "1 roll call" or "3 roll calls".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// dyadVotes is the vote part of a dyad page: it depends only on the UN
// votes, which do not change while the server runs.
type dyadVotes struct {
	Rows  []dyadRow
	Chart template.HTML // rendered by report.Chart, which escapes its text
	// Thin lists the thin years (dyadRow.Thin), drawn hollow, and
	// ThinNote says so under the chart.
	Thin     []string
	ThinNote string
}

// dyadEvents is the events part of a dyad page, valid until the next write.
// It also keeps the page's renderings that depend on nothing else: the
// whole page for visitors without a session, and the API's reply.
type dyadEvents struct {
	AtoB, BtoA       []event.Event
	CountAB, CountBA int

	anonOnce sync.Once
	anon     []byte
	anonErr  error
	jsonOnce sync.Once
	json     []byte
	jsonErr  error
}

// dyadView is the dyad page's data.
type dyadView struct {
	A, B         string
	NameA, NameB string
	From, To     int // 0: open
	Period       string
	// NoVotes says in words why there is no vote chart; empty when there is.
	NoVotes string
	Votes   *dyadVotes
	Events  *dyadEvents
}

type dyadKey struct {
	A, B     string
	From, To int
}

type dyadEventKey struct {
	dyadKey
	Version int64
}

// dyadShow compares two states: their UN vote agreement per year (a chart
// and its table) and their coded events in both directions (the latest
// 100 each way), optionally limited to the years from and to.
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
	q := r.URL.Query()
	maxYear := s.cfg.Now().Year()
	var err error
	if v.From, err = year(q, "from", 0, maxYear); err != nil {
		s.failErr(w, r, err)
		return
	}
	if v.To, err = year(q, "to", 0, maxYear); err != nil {
		s.failErr(w, r, err)
		return
	}
	if v.From != 0 && v.To != 0 && v.From > v.To {
		s.failErr(w, r, badParam("from", "%d is after to %d", v.From, v.To))
		return
	}
	v.Period = period(v.From, v.To)
	k := dyadKey{A: a, B: b, From: v.From, To: v.To}
	ctx := r.Context()
	switch {
	case a == b:
		v.NoVotes = "The same state twice: nothing to compare."
	case !s.cfg.Votes.Known(a) || !s.cfg.Votes.Known(b):
		who := v.NameA
		if s.cfg.Votes.Known(a) {
			who = v.NameB
		}
		v.NoVotes = fmt.Sprintf("%s casts no UN General Assembly votes (organisations and non-members do not vote), so there is no vote agreement to show.", who)
	default:
		dv, err := s.dyadVoteCache.get(ctx, k, func(context.Context) (*dyadVotes, error) { return s.buildDyadVotes(v) })
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		v.Votes = dv
		if len(dv.Rows) == 0 {
			v.NoVotes = fmt.Sprintf("No roll call on which both %s and %s voted (%s).", v.NameA, v.NameB, v.Period)
		}
	}
	if v.Votes == nil {
		v.Votes = &dyadVotes{}
	}
	v.Events, err = s.dyadEventCache.get(ctx, dyadEventKey{k, s.version.Load()}, func(ctx context.Context) (*dyadEvents, error) {
		return s.buildDyadEvents(ctx, k)
	})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ev := v.Events
	if isAPI(r) {
		ev.jsonOnce.Do(func() {
			rows := v.Votes.Rows
			if rows == nil {
				rows = []dyadRow{}
			}
			ev.json, ev.jsonErr = json.MarshalIndent(map[string]any{"a": a, "b": b, "from": v.From, "to": v.To, "votes": rows,
				"events_a_to_b": ev.AtoB, "events_b_to_a": ev.BtoA, "count_a_to_b": ev.CountAB, "count_b_to_a": ev.CountBA}, "", "  ")
			ev.json = append(ev.json, '\n')
		})
		if ev.jsonErr != nil {
			s.failErr(w, r, fmt.Errorf("encode dyad %s–%s: %w", a, b, ev.jsonErr))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(ev.json)
		return
	}
	title := v.NameA + " and " + v.NameB
	if s.session(r) != nil {
		s.html(w, r, http.StatusOK, "dyad", title, v)
		return
	}
	// Visitors without a session all get the same page: render it once.
	ev.anonOnce.Do(func() { ev.anon, ev.anonErr = s.render(r, "dyad", title, v) })
	if ev.anonErr != nil {
		s.failErr(w, r, fmt.Errorf("render dyad %s–%s: %w", a, b, ev.anonErr))
		return
	}
	writeHTML(w, http.StatusOK, ev.anon)
}

// jan1 is 1 January of year y, UTC.
func jan1(y int) time.Time { return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC) }

// period names the years from–to in words; 0 is open.
func period(from, to int) string {
	switch {
	case from == 0 && to == 0:
		return "all years"
	case from == 0:
		return fmt.Sprintf("up to %d", to)
	case to == 0:
		return fmt.Sprintf("from %d", from)
	case from == to:
		return strconv.Itoa(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

// buildDyadVotes computes the yearly agreement of v.A and v.B and draws
// it: the share of identical votes and Cohen's κ with its 90% bootstrap
// interval over roll calls, as the report's votes channel computes it.
func (s *Server) buildDyadVotes(v dyadView) (*dyadVotes, error) {
	opt := votes.Options{From: v.From, To: v.To}
	ag, err := s.cfg.Votes.Pair(v.A, v.B, opt)
	if err != nil {
		return nil, fmt.Errorf("vote agreement %s–%s: %w", v.A, v.B, err)
	}
	ks, err := align.VoteSeries(s.cfg.Votes, v.A, votes.StateRef(v.B), opt, align.BootstrapOptions{B: s.cfg.Bootstrap, Seed: 1})
	if err != nil {
		return nil, fmt.Errorf("vote agreement %s–%s: %w", v.A, v.B, err)
	}
	kappa := map[string]align.Point{}
	for _, p := range ks.Points {
		kappa[p.Period] = p
	}
	dv := &dyadVotes{}
	if len(ag) == 0 {
		return dv, nil
	}
	same := report.ChartLine{Label: "identical (share)", Color: "#1f5fa8"}
	kap := report.ChartLine{Label: "κ, 90% band", Color: "#c0392b"}
	num := func(x float64) *float64 { return &x }
	for i, g := range ag {
		m := g.Measures(votes.Nominal)
		row := dyadRow{Year: g.Bucket, N: m.N, Identical: m.Identical}
		if math.IsNaN(row.Identical) {
			row.Identical = 0
		}
		x := float64(g.Start)
		if i > 0 && g.Start > ag[i-1].Start+1 {
			// A year without joint votes: break both lines.
			gap := report.ChartPoint{X: x - 1, Y: math.NaN()}
			same.Points = append(same.Points, gap)
			kap.Points = append(kap.Points, gap)
		}
		// A year of few joint roll calls is thin for both lines (the
		// κ point's Thin, from align, is the same rule).
		row.Thin = align.IsThin(align.Votes, align.Point{N: m.N, Units: m.N})
		if row.Thin {
			dv.Thin = append(dv.Thin, g.Bucket)
		}
		same.Points = append(same.Points, report.ChartPoint{X: x, Y: row.Identical, Thin: row.Thin,
			Title: fmt.Sprintf("%s: %s identical of %s", g.Bucket, row.Pct(), plural(m.N, "joint roll call", "joint roll calls"))})
		if p, ok := kappa[g.Bucket]; ok && p.N > 0 {
			row.Kappa, row.KappaLo, row.KappaHi = num(p.Value), num(p.Lo), num(p.Hi)
			cp := report.ChartPoint{X: x, Y: p.Value, Lo: p.Lo, Hi: p.Hi, Thin: p.Thin,
				Title: fmt.Sprintf("%s: κ %+.2f, 90%% interval [%+.2f, %+.2f], %d roll calls", g.Bucket, p.Value, p.Lo, p.Hi, p.N)}
			if p.Thin { // drawn hollow, without its band, as in the report
				cp.Title = fmt.Sprintf("%s: κ %+.2f, thin: %s (minimum %d), no interval", g.Bucket, p.Value, plural(p.N, "roll call", "roll calls"), align.MinRollCalls)
			}
			kap.Points = append(kap.Points, cp)
		} else {
			kap.Points = append(kap.Points, report.ChartPoint{X: x, Y: math.NaN()})
		}
		dv.Rows = append(dv.Rows, row)
	}
	if len(dv.Thin) > 0 {
		dv.ThinNote = fmt.Sprintf("Hollow points: thin years (%s), with under %d joint roll calls: too few to tell, and κ over so few has no usable interval, so none is drawn.",
			strings.Join(dv.Thin, ", "), align.MinRollCalls)
	}
	first, last := ag[0].Bucket, ag[len(ag)-1].Bucket
	c := report.Chart{
		Title:  fmt.Sprintf("%s and %s — UN General Assembly votes, %s–%s", v.NameA, v.NameB, first, last),
		Desc:   fmt.Sprintf("Line chart by year, %s to %s: the share of joint roll calls on which %s and %s voted the same (0 to 1), and Cohen's κ, agreement beyond chance (−1 to 1), with its 90%% bootstrap interval as a band. %d years; the table below lists every value.", first, last, v.NameA, v.NameB, len(ag)),
		YLabel: "share identical · κ",
		YMin:   -1, YMax: 1,
		Width: 880, Height: 320,
		Lines: []report.ChartLine{same, kap},
	}
	var buf bytes.Buffer
	if err := c.WriteSVG(&buf); err != nil {
		return nil, fmt.Errorf("draw vote agreement %s–%s: %w", v.A, v.B, err)
	}
	dv.Chart = template.HTML(buf.String())
	return dv, nil
}

// buildDyadEvents counts the events of k's pair in both directions and
// reads the latest dyadEventLimit of each.
func (s *Server) buildDyadEvents(ctx context.Context, k dyadKey) (*dyadEvents, error) {
	s.dbSem <- struct{}{}
	defer func() { <-s.dbSem }()
	de := &dyadEvents{}
	for _, dir := range []struct {
		src, tgt string
		out      *[]event.Event
		n        *int
	}{{k.A, k.B, &de.AtoB, &de.CountAB}, {k.B, k.A, &de.BtoA, &de.CountBA}} {
		f := store.EventFilter{Sources: []string{dir.src}, Targets: []string{dir.tgt}}
		if k.From != 0 {
			f.From = jan1(k.From)
		}
		if k.To != 0 {
			f.To = jan1(k.To+1).AddDate(0, 0, -1)
		}
		n, err := s.cfg.Store.CountEvents(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("count events %s→%s: %w", dir.src, dir.tgt, err)
		}
		*dir.n = n
		f.Limit, f.Offset = dyadEventLimit, max(0, n-dyadEventLimit)
		evs, err := s.cfg.Store.Events(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("read events %s→%s: %w", dir.src, dir.tgt, err)
		}
		s.fillText(ctx, evs)
		*dir.out = evs
	}
	return de, nil
}
