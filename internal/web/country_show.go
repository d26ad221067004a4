package web

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/report"
)

// Default report period and poles of the country page.
const (
	defaultFrom  = 1992
	defaultTo    = 2020
	defaultPoles = "RUSSIA,WEST"
)

// reportParams are a country page's validated parameters.
type reportParams struct {
	Country  string
	Poles    []string
	From, To int
}

// reportParams reads the country code from the path and poles, from and to
// from the query: an unknown country is a 404, a malformed parameter a 400.
func (s *Server) reportParams(r *http.Request) (reportParams, int, error) {
	var p reportParams
	p.Country = strings.ToUpper(r.PathValue("code"))
	if !codeRE.MatchString(p.Country) {
		return p, http.StatusNotFound, fmt.Errorf("no country %q: use an ISO3 code such as BLR", r.PathValue("code"))
	}
	if a, ok := s.cfg.Dict.Actor(p.Country); (!ok || a.Kind != actors.State) && !s.cfg.Votes.Known(p.Country) {
		msg := fmt.Sprintf("no country %q in the dictionary or the UN votes", p.Country)
		if sug := s.cfg.Dict.Suggest(p.Country); sug != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", sug)
		}
		return p, http.StatusNotFound, errors.New(msg)
	}
	q := r.URL.Query()
	poles := q.Get("poles")
	if strings.TrimSpace(poles) == "" {
		poles = defaultPoles
	}
	seen := map[string]bool{}
	for _, name := range strings.Split(poles, ",") {
		name = strings.ToUpper(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if _, ok := s.cfg.Dict.Pole(name); !ok {
			return p, http.StatusBadRequest, badParam("poles", "unknown pole %q (known: %s)", name, strings.Join(s.cfg.Dict.Poles(), ", "))
		}
		if seen[name] {
			return p, http.StatusBadRequest, badParam("poles", "pole %s is named twice", name)
		}
		seen[name] = true
		p.Poles = append(p.Poles, name)
	}
	if len(p.Poles) < 2 {
		return p, http.StatusBadRequest, badParam("poles", "name at least two poles, e.g. RUSSIA,WEST")
	}
	maxYear := s.cfg.Now().Year()
	var err error
	if p.From, err = year(q, "from", defaultFrom, maxYear); err != nil {
		return p, http.StatusBadRequest, err
	}
	if p.To, err = year(q, "to", min(defaultTo, maxYear), maxYear); err != nil {
		return p, http.StatusBadRequest, err
	}
	if p.From > p.To {
		return p, http.StatusBadRequest, badParam("from", "%d is after to %d", p.From, p.To)
	}
	return p, 0, nil
}

// countryView is the country page's data.
type countryView struct {
	reportParams
	PoleList string
	AllPoles []string
	R        *report.Report
	Charts   []chart
	Channels []channelView
	// Counted is the number of distinct statement events that count
	// toward at least one pole over the period; PoleCounts the number
	// toward each pole. An event toward a state in two poles counts once
	// in Counted and once for each pole: Shared is the number of such
	// events, and PoleSum what the pole counts add up to.
	Counted    int
	PoleCounts []poleCount
	Shared     int
	PoleSum    int
	NoData     string
	Dyads      []string
	Writeable  bool
}

// poleCount is the number of statement events counted toward one pole.
type poleCount struct {
	Pole string
	N    int
}

type channelView struct {
	Name   string
	Method string
	Poles  []string
	Rows   []periodRow
}

type periodRow struct {
	Period string
	Cells  []cellView
}

// cellView is one value of the country page's table. Interval is "[lo,
// hi]", or empty where there is none to show: a thin point (Thin says
// what it rests on, "thin: 1 roll call") or a channel without sampling
// uncertainty (ties: Lo = Hi = Value).
type cellView struct {
	Value, Interval string
	Thin            string
	N               int
	Empty           bool
}

// countryShow is the country page: verdict, charts, per-period values with
// intervals, shifts and the strongest evidence. /api/country/{code} returns
// the report's JSON.
func (s *Server) countryShow(w http.ResponseWriter, r *http.Request) {
	p, status, err := s.reportParams(r)
	if err != nil {
		s.fail(w, r, status, err.Error())
		return
	}
	b, err := s.report(r.Context(), p.Country, p.Poles, p.From, p.To)
	var ue *report.UnknownError
	switch {
	case errors.As(err, &ue):
		s.fail(w, r, http.StatusNotFound, err.Error())
		return
	case errors.Is(err, report.ErrNoData):
		if isAPI(r) {
			s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no data for %s in %d–%d: %v", p.Country, p.From, p.To, err))
			return
		}
		var buf bytes.Buffer
		if err := s.pages["country"].ExecuteTemplate(&buf, "body", countryView{reportParams: p, PoleList: strings.Join(p.Poles, ","),
			AllPoles: s.cfg.Dict.Poles(), NoData: fmt.Sprintf("No data for %s in %d–%d.", p.Country, p.From, p.To)}); err != nil {
			s.failErr(w, r, err)
			return
		}
		s.html(w, r, http.StatusOK, "country", p.Country, countryPage{reportParams: p, Body: template.HTML(buf.String())})
		return
	case err != nil:
		s.failErr(w, r, err)
		return
	}
	if isAPI(r) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(b.JSON)
		return
	}
	body, err := s.countryBody(b, p)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if s.session(r) != nil {
		s.html(w, r, http.StatusOK, "country", b.Report.CountryName, countryPage{reportParams: p, Body: body})
		return
	}
	// Visitors without a session all get the same page: render it once.
	b.anonOnce.Do(func() {
		b.anon, b.anonErr = s.render(r, "country", b.Report.CountryName, countryPage{reportParams: p, Body: body})
	})
	if b.anonErr != nil {
		s.failErr(w, r, b.anonErr)
		return
	}
	writeHTML(w, http.StatusOK, b.anon)
}

// countryPage is what the country template gets: the body is rendered once
// per built report, since it depends on nothing but the report.
type countryPage struct {
	reportParams
	Body template.HTML
}

// countryBody renders the country page's content for b once and keeps it.
func (s *Server) countryBody(b *built, p reportParams) (template.HTML, error) {
	b.bodyOnce.Do(func() {
		var buf bytes.Buffer
		if err := s.pages["country"].ExecuteTemplate(&buf, "body", s.countryView(b, p)); err != nil {
			b.bodyErr = fmt.Errorf("render country page: %w", err)
			return
		}
		b.body = template.HTML(buf.String())
	})
	return b.body, b.bodyErr
}

func (s *Server) countryView(b *built, p reportParams) countryView {
	v := countryView{reportParams: p, PoleList: strings.Join(p.Poles, ","), AllPoles: s.cfg.Dict.Poles(), R: b.Report, Charts: b.Charts}
	for _, ch := range b.Report.Channels {
		if ch.Name == report.Statements {
			v.Counted, v.PoleCounts, v.Shared, v.PoleSum = countStatements(ch)
		}
		v.Channels = append(v.Channels, channelTable(ch))
	}
	for _, pole := range b.Report.Poles {
		v.Dyads = append(v.Dyads, pole.Core...)
	}
	return v
}

// countStatements counts the statements channel's events: distinct
// events over all poles (by evidence id), each pole's own count, the
// events that count toward more than one pole, and the sum of the pole
// counts.
func countStatements(ch report.Channel) (distinct int, perPole []poleCount, shared, sum int) {
	poles := map[string]int{} // event id → poles it counts toward
	for _, se := range ch.Series {
		pc := poleCount{Pole: se.Pole}
		for _, pt := range se.Points {
			pc.N += pt.N
			for _, id := range pt.Evidence {
				poles[id]++
			}
		}
		sum += pc.N
		perPole = append(perPole, pc)
	}
	for _, n := range poles {
		if n > 1 {
			shared++
		}
	}
	return len(poles), perPole, shared, sum
}

func channelTable(ch report.Channel) channelView {
	cv := channelView{Name: ch.Name, Method: ch.Method}
	series := ch.Series
	if ch.Tilt != nil {
		series = append(series[:len(series):len(series)], *ch.Tilt)
	}
	for _, se := range series {
		cv.Poles = append(cv.Poles, se.Pole)
	}
	if len(series) == 0 {
		return cv
	}
	for i, pt := range series[0].Points {
		row := periodRow{Period: pt.Period}
		for j, se := range series {
			if i >= len(se.Points) {
				row.Cells = append(row.Cells, cellView{Empty: true})
				continue
			}
			tilt := ch.Tilt != nil && j == len(series)-1
			row.Cells = append(row.Cells, cell(ch, se.Points[i], tilt))
		}
		cv.Rows = append(cv.Rows, row)
	}
	return cv
}

// cell shows one point of channel ch; tilt is true for the tilt column,
// whose point is thin when either pole's is.
func cell(ch report.Channel, pt align.Point, tilt bool) cellView {
	if pt.N == 0 || math.IsNaN(pt.Value) {
		return cellView{Empty: true}
	}
	c := cellView{Value: fmt.Sprintf("%+.2f", pt.Value), N: pt.N}
	switch {
	case pt.Thin && tilt:
		c.Thin = "thin"
	case pt.Thin && ch.Name == report.Statements:
		c.Thin = "thin: " + plural(pt.N, "event", "events") + " in " + plural(pt.Units, "document", "documents")
	case pt.Thin:
		c.Thin = "thin: " + plural(align.ThinCount(ch.Name, pt), strings.TrimSuffix(ch.Unit, "s"), ch.Unit)
	case pt.Hi > pt.Lo:
		c.Interval = fmt.Sprintf("[%+.2f, %+.2f]", pt.Lo, pt.Hi)
	}
	return c
}

// reportShow writes the report as json, md or html (?format=): what
// `fulcrum report` prints, for the CLI while the server holds the database.
func (s *Server) reportShow(w http.ResponseWriter, r *http.Request) {
	p, status, err := s.reportParams(r)
	if err != nil {
		s.fail(w, r, status, err.Error())
		return
	}
	format := r.URL.Query().Get("format")
	switch format {
	case "", "json", "md", "html":
	default:
		s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("parameter format: %q is not json, md or html", format))
		return
	}
	b, err := s.report(r.Context(), p.Country, p.Poles, p.From, p.To)
	var ue *report.UnknownError
	switch {
	case errors.As(err, &ue):
		s.fail(w, r, http.StatusNotFound, err.Error())
		return
	case errors.Is(err, report.ErrNoData):
		s.fail(w, r, http.StatusNotFound, err.Error())
		return
	case err != nil:
		s.failErr(w, r, err)
		return
	}
	bw := bufio.NewWriter(w)
	switch format {
	case "", "json":
		w.Header().Set("Content-Type", "application/json")
		bw.Write(b.JSON)
	case "md":
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		err = b.Report.WriteMarkdown(bw, nil)
	case "html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		err = b.Report.WriteHTML(bw)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		s.log.Error("write report", "path", r.URL.Path, "err", err)
	}
}
