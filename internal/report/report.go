// Package report answers fulcrum's main question for one state: where it
// stands between named poles, per channel (votes, ties, statements) and
// period, how sure we are, when it moved, and on what evidence. [Build]
// assembles a [Report] from the reference data and the coded events; the
// writers render it as Markdown, HTML (with inline SVG charts) or JSON. Every
// number in a report carries the ids of the evidence behind it.
package report

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/ties"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// Channel names.
const (
	Votes      = align.Votes
	Ties       = align.Ties
	Statements = align.Statements
)

// Inputs are the data a report is built from.
type Inputs struct {
	Dict  *actors.Dict
	Votes *votes.Data
	Ties  *ties.Data
	// Events are the focal state's coded events (any target); Build keeps
	// those toward each pole's members. They may come from the built-in
	// speeches dataset, the user's ingested documents and imported datasets.
	Events []event.Event
	// Notes are caveats about the inputs that the report must carry
	// (a capped dataset, say).
	Notes []string
}

// Options choose what a report covers.
type Options struct {
	Country  string   // ISO3 of the focal state
	Poles    []string // two or more pole names known to the dictionary
	From, To int      // calendar years, inclusive
	// VoteFilter selects roll calls; the default (zero Filter) keeps every
	// recorded roll call. Voeten's estimation set is votes.VoetenFilter().
	VoteFilter votes.Filter
	// Weights are the channel weights of the combined tilt; nil means
	// equal weights over the channels with data.
	Weights map[string]float64
	// Bootstrap is the number of resamples for intervals; 0 means
	// align.DefaultB.
	Bootstrap int
	// Progress, when not nil, is told what the builder is doing.
	Progress func(step string)
}

// Report is the answer for one state, poles and period. Its JSON form is
// the machine-readable report: every number with the ids of its evidence.
type Report struct {
	Country     string         `json:"country"`
	CountryName string         `json:"country_name"`
	Poles       []PoleInfo     `json:"poles"`
	From        int            `json:"from"`
	To          int            `json:"to"`
	Period      string         `json:"period"` // "calendar year"
	Verdict     string         `json:"verdict"`
	Thresholds  Thresholds     `json:"thresholds"`
	Channels    []Channel      `json:"channels"`
	Combined    []CombinedRow  `json:"combined,omitempty"`
	Shifts      []align.Shift  `json:"shifts"`
	Evidence    []PoleEvidence `json:"evidence"`
	Notes       []string       `json:"notes"`
	Sources     []string       `json:"sources"`
	Generator   string         `json:"generator"`
}

// Thresholds are the verdict thresholds on |tilt|, shown with the verdict.
type Thresholds struct {
	BalancedBelow float64 `json:"balanced_below"`
	SidesAbove    float64 `json:"sides_above"`
}

// PoleInfo records a pole as it was used: its core actors and its member
// states at the start and end of the report's period.
type PoleInfo struct {
	Name         string   `json:"name"`
	Core         []string `json:"core"`
	MembersFirst []string `json:"members_first_year"`
	MembersLast  []string `json:"members_last_year"`
}

// Channel is one channel's series toward each pole and, for two poles, its
// tilt series.
type Channel struct {
	Name    string         `json:"name"`
	Method  string         `json:"method"`
	Series  []align.Series `json:"series"`
	Tilt    *align.Series  `json:"tilt,omitempty"`
	Neither []NeitherRow   `json:"neither,omitempty"`
	// Shares are, for three or more poles, each period's shares and
	// normalised entropy.
	Shares  []SharesRow `json:"shares,omitempty"`
	Origins []string    `json:"origins,omitempty"`
	HasData bool        `json:"has_data"`
	// Unit names what the thin rule counts (align.ThinCount: "roll calls"
	// for votes, the points' units; "events" for statements, the points'
	// N), and MinUnits is the least number of them for a period not to be
	// thin (align.MinUnits; 0: the channel is never thin). A statements
	// point's units are its documents, and its "resampled" says whether
	// its interval resampled documents or events. A
	// thin point (align.Point.Thin) is drawn without an interval and left
	// out of the verdict, the combined tilt and shift detection.
	Unit     string `json:"unit"`
	MinUnits int    `json:"min_units"`
}

// NeitherRow is, for the votes channel, the share of roll calls on which
// the poles split and the state voted with neither.
type NeitherRow struct {
	Period  string  `json:"period"`
	N       int     `json:"n_split"`
	WithA   float64 `json:"with_a"`
	WithB   float64 `json:"with_b"`
	Neither float64 `json:"neither"`
	// Thin marks shares over fewer than align.MinRollCalls split votes
	// (2020 has one), shown but not to be read as a year's pattern.
	Thin bool `json:"thin,omitempty"`
}

// SharesRow gives, for k ≥ 3 poles, each pole's share of the state's
// positive alignment in a period and the normalised entropy of the shares
// (1 = evenly spread, 0 = all with one pole).
type SharesRow struct {
	Period  string    `json:"period"`
	Shares  []float64 `json:"shares"`
	Entropy float64   `json:"entropy"`
	// Thin is true when any pole's value in the period is thin
	// (align.Point.Thin); the verdict leaves the row out.
	Thin bool `json:"thin"`
	// Unbound is true, on the ties channel, when no pole binds the state
	// in the period (every value 2s − 1 ≤ 0: no more than non-aggression
	// or neutrality pacts' worth of ties); Shares and Entropy are then 0,
	// and the verdict counts the row as bound to none.
	Unbound bool `json:"unbound,omitempty"`
}

// CombinedRow is the cross-channel summary of one period.
type CombinedRow struct {
	Period string `json:"period"`
	align.Combined
}

// PoleEvidence is the strongest evidence that the state stands with one
// pole, by channel.
type PoleEvidence struct {
	Pole       string      `json:"pole"`
	Statements []Statement `json:"statements"`
	Votes      []RollCall  `json:"votes"`
	Ties       []ties.Tie  `json:"ties"`
}

// Statement is a coded event shown as evidence.
type Statement struct {
	ID        string  `json:"id"`
	Date      string  `json:"date"`
	Speaker   string  `json:"speaker,omitempty"`
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	CAMEO     string  `json:"cameo"`
	Label     string  `json:"label"`
	Goldstein float64 `json:"goldstein"`
	Quote     string  `json:"quote"`
	Doc       string  `json:"doc"`
	DocTitle  string  `json:"doc_title,omitempty"`
	DocURL    string  `json:"doc_url,omitempty"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Origin    string  `json:"origin"`
	Rule      string  `json:"rule"`
}

// RollCall is a UN vote shown as evidence: the state voted with this pole
// and against the other.
type RollCall struct {
	ID         string `json:"id"` // "rc:<rcid>"
	RCID       int    `json:"rcid"`
	Date       string `json:"date"`
	Session    int    `json:"session"`
	Resolution string `json:"resolution"`
	Title      string `json:"title"`
	Vote       string `json:"vote"`
	PoleVote   string `json:"pole_vote"`
	OtherVote  string `json:"other_vote"`
	Important  bool   `json:"important"`
}

// Build computes the report. It returns an error naming the problem for an
// unknown country or pole (with a suggestion) and for an empty period.
func Build(ctx context.Context, in Inputs, opt Options) (*Report, error) {
	progress := opt.Progress
	if progress == nil {
		progress = func(string) {}
	}
	if opt.From > opt.To {
		return nil, fmt.Errorf("--from %d is after --to %d", opt.From, opt.To)
	}
	if len(opt.Poles) < 2 {
		return nil, errors.New("name at least two poles")
	}
	country := strings.ToUpper(opt.Country)
	a, ok := in.Dict.Actor(country)
	if !ok || a.Kind != actors.State {
		return nil, &UnknownError{What: "country", Name: opt.Country, Suggestion: in.Dict.Suggest(opt.Country)}
	}
	r := &Report{
		Country: country, CountryName: a.Name, From: opt.From, To: opt.To,
		Period:     "calendar year",
		Thresholds: Thresholds{align.BalancedBelow, align.SidesAbove},
		Generator:  "fulcrum",
		Sources:    sources,
	}
	poles := make([]actors.Pole, len(opt.Poles))
	for i, name := range opt.Poles {
		p, ok := in.Dict.Pole(strings.ToUpper(name))
		if !ok {
			return nil, &UnknownError{What: "pole", Name: name, Suggestion: in.Dict.Suggest(name), Known: in.Dict.Poles()}
		}
		poles[i] = p
		r.Poles = append(r.Poles, PoleInfo{
			Name: p.Name, Core: p.Core,
			MembersFirst: in.Dict.PoleMembers(p, midYear(opt.From)),
			MembersLast:  in.Dict.PoleMembers(p, midYear(opt.To)),
		})
	}
	periods := align.Years(opt.From, opt.To)
	boot := align.BootstrapOptions{B: opt.Bootstrap, Seed: 1}

	progress("votes")
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	vc, err := buildVotes(in, country, poles, periods, opt, boot)
	if err != nil {
		return nil, err
	}
	progress("ties")
	tc, err := buildTies(in, country, poles, opt)
	if err != nil {
		return nil, err
	}
	progress("statements")
	sc := buildStatements(in, country, poles, periods, boot)
	r.Channels = []Channel{vc, tc, sc}
	for i := range r.Channels {
		ch := &r.Channels[i]
		ch.Unit, ch.MinUnits = align.UnitName(ch.Name), align.MinUnits(ch.Name)
		for j := range ch.Series {
			align.MarkThin(&ch.Series[j])
		}
	}
	if !vc.HasData && !tc.HasData && !sc.HasData {
		return nil, fmt.Errorf("%w: no votes, ties or statements for %s in %d–%d", ErrNoData, country, opt.From, opt.To)
	}

	progress("tilts and shifts")
	A, B := poles[0].Name, poles[1].Name
	var lastTilts []align.Tilt // each channel's mean tilt over the period
	var tiltShifts []align.Shift
	for i := range r.Channels {
		ch := &r.Channels[i]
		if len(poles) == 2 && len(ch.Series) == 2 {
			t := align.TiltSeries(ch.Series[0], ch.Series[1])
			t.Channel = ch.Name
			ch.Tilt = &t
			if sh, err := align.Shifts(t, align.ChangeOptions{}); err == nil {
				sh = material(sh)
				r.Shifts = append(r.Shifts, sh...)
				tiltShifts = append(tiltShifts, sh...)
			}
		}
		// Shifts in the value toward each pole, too: a state can move away
		// from one pole without moving toward the other.
		for _, s := range ch.Series {
			if sh, err := align.Shifts(s, align.ChangeOptions{}); err == nil {
				r.Shifts = append(r.Shifts, material(sh)...)
			}
		}
		if len(poles) >= 3 {
			ch.Shares = shares(ch.Name, ch.Series)
		}
	}
	if len(poles) == 2 {
		r.Combined, lastTilts = combine(r.Channels, periods, opt.Weights)
		var comb *align.Combined
		if c, err := align.Combine(lastTilts, opt.Weights); err == nil && c.Channels > 0 {
			comb = &c
		}
		r.Verdict = fmt.Sprintf("%s, %d–%d: %s.", a.Name, opt.From, opt.To,
			align.Verdict(A, B, lastTilts, tiltShifts, comb))
		r.Verdict += periodSummary(r.Channels)
	} else {
		r.Verdict = sharesVerdict(a.Name, r.Channels, opt)
	}
	progress("evidence")
	r.Evidence = evidence(in, country, poles, opt, sc)
	r.Notes = append(r.Notes, in.Notes...)
	r.Notes = append(r.Notes, notes(in, r)...)
	return r, nil
}

// ErrNoData reports a period without any data.
var ErrNoData = errors.New("no data")

// UnknownError is an unknown country or pole, with the nearest known name.
type UnknownError struct {
	What, Name, Suggestion string
	Known                  []string
}

func (e *UnknownError) Error() string {
	msg := fmt.Sprintf("unknown %s %q", e.What, e.Name)
	if e.Suggestion != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", e.Suggestion)
	}
	if len(e.Known) > 0 {
		msg += "; known: " + strings.Join(e.Known, ", ")
	}
	return msg
}

func midYear(y int) time.Time { return time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC) }

// splitPole separates a pole's core into states and organisations.
func splitPole(d *actors.Dict, p actors.Pole) (states, orgs []string) {
	for _, c := range p.Core {
		if a, ok := d.Actor(c); ok && a.Kind == actors.Org {
			orgs = append(orgs, c)
		} else {
			states = append(states, c)
		}
	}
	return states, orgs
}

// buildVotes computes, per pole and year, Cohen's κ of the state with the
// pole's reference vote (the plurality of the pole's member states present,
// the state itself excluded), with a percentile bootstrap interval over roll
// calls.
func buildVotes(in Inputs, country string, poles []actors.Pole, periods []align.Period, opt Options, boot align.BootstrapOptions) (Channel, error) {
	ch := Channel{Name: Votes, Method: "Cohen's κ (nominal) of the state's UNGA votes with the pole's reference vote — the plurality of the pole's member states present — per calendar year; 90% bootstrap interval over roll calls (Häge 2011)."}
	if in.Votes == nil || !in.Votes.Known(country) {
		return ch, nil
	}
	vopt := votes.Options{By: votes.ByYear, From: opt.From, To: opt.To, Filter: opt.VoteFilter}
	refs := make([]votes.Ref, len(poles))
	for i, p := range poles {
		p := p
		refs[i] = votes.PoleRef(p.Name, func(t time.Time) []string { return in.Dict.PoleMembers(p, t) })
		jv, err := in.Votes.JointVotes(country, refs[i], vopt)
		if err != nil {
			return ch, fmt.Errorf("votes of %s with %s: %w", country, p.Name, err)
		}
		byYear := map[string][]votes.JointVote{}
		for _, j := range jv {
			byYear[j.Bucket] = append(byYear[j.Bucket], j)
		}
		s := align.Series{Channel: Votes, Pole: p.Name}
		for _, per := range periods {
			pt := align.Point{Period: per.Label, Start: per.Start, End: per.End}
			js := byYear[per.Label]
			if len(js) > 0 { // fewer than align.MinRollCalls: thin, marked in Build
				pt.N, pt.Units = len(js), len(js)
				pt.Value = kappa(js, nil)
				idx := make([]int, 0, len(js))
				lo, hi, err := align.Bootstrap(len(js), func(ix []int) float64 {
					idx = append(idx[:0], ix...)
					return kappa(js, idx)
				}, boot)
				if err == nil && !math.IsNaN(lo) && !math.IsNaN(hi) {
					pt.Lo, pt.Hi = lo, hi
				} else {
					pt.Lo, pt.Hi = pt.Value, pt.Value
				}
				if math.IsNaN(pt.Value) {
					pt.N = 0
					pt.Value, pt.Lo, pt.Hi = 0, 0, 0
				} else {
					ch.HasData = true
				}
				for _, j := range js {
					pt.Evidence = append(pt.Evidence, "rc:"+strconv.Itoa(j.RollCall.RCID))
				}
			}
			s.Points = append(s.Points, pt)
		}
		ch.Series = append(ch.Series, s)
	}
	if len(poles) == 2 {
		split, err := in.Votes.Split(country, refs[0], refs[1], vopt)
		if err == nil {
			for _, sp := range split {
				if sp.N == 0 {
					continue
				}
				ch.Neither = append(ch.Neither, NeitherRow{Period: sp.Bucket, N: sp.N,
					WithA: sp.ShareA(), WithB: sp.ShareB(), Neither: sp.ShareNeither(),
					Thin: sp.N < align.MinRollCalls})
			}
		}
	}
	return ch, nil
}

// kappa is Cohen's nominal κ between the state's votes and the reference
// votes over the joint votes js (or the subset idx when not nil):
//
//	κ = (p_o − p_e) / (1 − p_e),  p_e = Σ_a p_state(a)·p_ref(a)
//
// NaN when p_e = 1 (both always cast the same single category).
func kappa(js []votes.JointVote, idx []int) float64 {
	var same float64
	var ms, mr [4]float64
	n := 0
	add := func(j votes.JointVote) {
		if j.Vote == j.Ref {
			same++
		}
		ms[j.Vote&3]++
		mr[j.Ref&3]++
		n++
	}
	if idx == nil {
		for _, j := range js {
			add(j)
		}
	} else {
		for _, i := range idx {
			add(js[i])
		}
	}
	if n == 0 {
		return math.NaN()
	}
	fn := float64(n)
	po := same / fn
	pe := 0.0
	for c := range ms {
		pe += ms[c] / fn * mr[c] / fn
	}
	if pe >= 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

// buildTies scores the state's alliance obligations and memberships toward
// each pole per year (package ties), with organisation memberships after the
// COW data end taken from the actor dictionary's dated member lists.
func buildTies(in Inputs, country string, poles []actors.Pole, opt Options) (Channel, error) {
	ch := Channel{Name: Ties, Method: "2s − 1, where s is the weighted share of the pole's states the state is allied with (ATOP obligations) and of the pole's organisations it belongs to (COW IGO; dated member lists after 2014), per year."}
	if in.Ties == nil {
		return ch, nil
	}
	added := map[string]bool{}
	for _, p := range poles {
		states, orgs := splitPole(in.Dict, p)
		for _, org := range orgs {
			if added[org] {
				continue
			}
			added[org] = true
			if opt.To <= ties.IGOLastYear {
				continue
			}
			if err := in.Ties.AddMemberList(org, max(opt.From, ties.IGOLastYear+1), opt.To,
				func(t time.Time) []string { return in.Dict.Members(org, t) }); err != nil && !errors.Is(err, ties.ErrUnknown) {
				return ch, fmt.Errorf("members of %s: %w", org, err)
			}
		}
		s := align.TiesSeries(in.Ties, country, ties.Pole{Name: p.Name, States: states, Orgs: orgs}, opt.From, opt.To)
		s.Channel = Ties
		for _, pt := range s.Points {
			if pt.N > 0 {
				ch.HasData = true
			}
		}
		ch.Series = append(ch.Series, s)
	}
	return ch, nil
}

// buildStatements computes the statements channel from the state's events
// toward each pole's members.
func buildStatements(in Inputs, country string, poles []actors.Pole, periods []align.Period, boot align.BootstrapOptions) Channel {
	ch := Channel{Name: Statements, Method: fmt.Sprintf("Goldstein-weighted mean cooperation (/10) of the state's coded events toward the pole's members, shrunk toward 0 by a prior of %g neutral events; negated and hypothetical statements do not count; 90%% bootstrap interval over documents, or over the events of a year with 1 or 2 documents (narrower than the truth: events of one speech are not independent); a year with under %d such events is thin. In the tilt, a pole the state said nothing about stands at 0 (the prior), and a year is thin under %[2]d events toward the poles together.", align.DefaultPrior, align.MinEvents)}
	origins := map[string]bool{}
	for _, p := range poles {
		p := p
		inPole := membership(in.Dict, p)
		s := align.StatementSeries(country, p.Name, in.Events, inPole, periods, align.StatementOptions{Bootstrap: boot})
		for _, pt := range s.Points {
			if pt.N > 0 {
				ch.HasData = true
			}
		}
		ch.Series = append(ch.Series, s)
	}
	for _, e := range in.Events {
		if e.Source == country {
			origins[e.Origin] = true
		}
	}
	for o := range origins {
		ch.Origins = append(ch.Origins, o)
	}
	sort.Strings(ch.Origins)
	return ch
}

// combine computes the combined tilt per period. It also returns, for the
// verdict, each channel's mean tilt over the years in which that channel has
// data (value and interval bounds averaged, N summed): the verdict speaks
// for the whole period asked for, and the shifts tell how it moved. Thin
// years (align.Point.Thin) count for neither: a channel whose only data are
// thin gets a tilt with Thin set and no data.
func combine(chs []Channel, periods []align.Period, weights map[string]float64) ([]CombinedRow, []align.Tilt) {
	var rows []CombinedRow
	type acc struct {
		v, lo, hi float64
		n, k      int
	}
	sums := map[string]*acc{}
	thin := map[string]bool{}
	for i, per := range periods {
		var tilts []align.Tilt
		for _, ch := range chs {
			if ch.Tilt == nil || i >= len(ch.Tilt.Points) {
				continue
			}
			pt := ch.Tilt.Points[i]
			if pt.Thin {
				thin[ch.Name] = true
			}
			t := align.Tilt{Channel: ch.Name, Value: pt.Value, Lo: pt.Lo, Hi: pt.Hi, N: pt.N, HasData: pt.N > 0 && !pt.Thin, Evidence: pt.Evidence}
			tilts = append(tilts, t)
			if t.HasData {
				a := sums[ch.Name]
				if a == nil {
					a = &acc{}
					sums[ch.Name] = a
				}
				a.v += t.Value
				a.lo += t.Lo
				a.hi += t.Hi
				a.n += t.N
				a.k++
			}
		}
		c, err := align.Combine(tilts, weights)
		if err != nil || c.Channels == 0 {
			continue
		}
		rows = append(rows, CombinedRow{Period: per.Label, Combined: c})
	}
	var means []align.Tilt
	for _, ch := range chs {
		t := align.Tilt{Channel: ch.Name, Thin: thin[ch.Name]}
		if a, ok := sums[ch.Name]; ok {
			k := float64(a.k)
			t = align.Tilt{Channel: ch.Name, Value: a.v / k, Lo: a.lo / k, Hi: a.hi / k, N: a.n, HasData: true}
		}
		means = append(means, t)
	}
	return rows, means
}

// periodSummary says over which years each channel had data, since the
// verdict's per-channel tilts are means over those years, and how many thin
// years were left out.
func periodSummary(chs []Channel) string {
	var parts []string
	for _, ch := range chs {
		if ch.Tilt == nil {
			continue
		}
		n, thin := 0, 0
		first, last := "", ""
		for _, p := range ch.Tilt.Points {
			if p.Thin {
				thin++
			}
			if p.N == 0 || p.Thin {
				continue
			}
			if first == "" {
				first = p.Period
			}
			last = p.Period
			n++
		}
		var part string
		if n > 0 {
			span := first + "–" + last
			if first == last {
				span = first
			}
			part = fmt.Sprintf("%s %s (%s)", ch.Name, units(n, "years"), span)
		}
		if thin > 0 {
			if part == "" {
				part = ch.Name + " none"
			}
			part += fmt.Sprintf(", %d thin %s left out", thin, plural(thin, "year", "years"))
		}
		if part != "" {
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " Tilts are means over the years with enough data: " + strings.Join(parts, "; ") + "."
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// shares computes, per period, each pole's share of the positive channel
// values (align.Shares: only the positive part of each value counts) and
// their normalised entropy.
//
// On the ties channel the value is 2s − 1, s the weighted share of the
// pole's states and organisations the state is bound to, so a positive
// value means more than half: more than a non-aggression or neutrality
// pact (weight 0.5) with every pole state gives. Sharing out s itself
// instead named a pole "closest" for a state bound to none: Ukraine's one
// ATOP non-aggression pact with China (1994) is s = 0.5 toward the
// one-state CHINA pole, more than its non-aggression pacts with most WEST
// states (s ≈ 0.25), so CHINA took the largest share. A ties period where
// no value is positive gives a row with Unbound set.
func shares(channel string, series []align.Series) []SharesRow {
	if len(series) == 0 {
		return nil
	}
	var rows []SharesRow
	for i := range series[0].Points {
		vals := make([]float64, len(series))
		ok, thin := true, false
		for k, s := range series {
			if i >= len(s.Points) || s.Points[i].N == 0 {
				ok = false
				break
			}
			thin = thin || s.Points[i].Thin
			vals[k] = s.Points[i].Value
		}
		if !ok {
			continue
		}
		period := series[0].Points[i].Period
		sh, err := align.Shares(vals)
		if errors.Is(err, align.ErrNoPositive) && channel == Ties {
			rows = append(rows, SharesRow{Period: period, Shares: make([]float64, len(vals)), Thin: thin, Unbound: true})
			continue
		}
		if err != nil {
			continue
		}
		rows = append(rows, SharesRow{Period: period, Shares: sh, Entropy: align.Entropy(sh), Thin: thin})
	}
	return rows
}

// minShareYears is the fewest years with data on every pole for which the
// verdict with three or more poles names the closest pole on a channel.
const minShareYears = 3

// sharesVerdict is the verdict with three or more poles: per channel, the
// pole with the largest mean share over the years with data on every pole,
// thin years (SharesRow.Thin) left out, and over how many years that is.
func sharesVerdict(name string, chs []Channel, opt Options) string {
	var parts []string
	for _, ch := range chs {
		var rows []SharesRow
		var unbound []string
		thin := 0
		for _, r := range ch.Shares {
			switch {
			case r.Thin:
				thin++
			case r.Unbound:
				unbound = append(unbound, r.Period)
			default:
				rows = append(rows, r)
			}
		}
		if len(unbound) > 0 && len(rows) < minShareYears {
			// A state bound to no pole has no closest pole on ties.
			what := fmt.Sprintf("%s: bound to none (no pole's ties above half, 2s − 1 ≤ 0, in %d of the %d years with data on every pole", ch.Name, len(unbound), len(unbound)+len(rows))
			if len(rows) > 0 {
				var ps []string
				for _, r := range rows {
					ps = append(ps, r.Period)
				}
				what += "; bound to a pole in " + strings.Join(ps, ", ") + " only"
			}
			parts = append(parts, what+")")
			continue
		}
		if len(rows) == 0 && thin > 0 {
			parts = append(parts, fmt.Sprintf("%s: too little data to tell (only %d thin %s, under %d %s)", ch.Name, thin, plural(thin, "year", "years"), ch.MinUnits, ch.Unit))
			continue
		}
		if len(rows) == 0 {
			parts = append(parts, "no data on "+ch.Name)
			continue
		}
		var mean []float64
		var ent float64
		for _, r := range rows {
			if mean == nil {
				mean = make([]float64, len(r.Shares))
			}
			for k, v := range r.Shares {
				mean[k] += v / float64(len(rows))
			}
			ent += r.Entropy / float64(len(rows))
		}
		years := fmt.Sprintf("the %d years with data on every pole, %s–%s", len(rows), rows[0].Period, rows[len(rows)-1].Period)
		if thin > 0 {
			years += fmt.Sprintf(", %d thin %s left out", thin, plural(thin, "year", "years"))
		}
		if len(unbound) > 0 {
			years += fmt.Sprintf(", %d %s bound to none left out", len(unbound), plural(len(unbound), "year", "years"))
		}
		if len(rows) < minShareYears {
			// One or two years are anecdotes, not a position: say so
			// rather than name a pole.
			var ps []string
			for _, r := range rows {
				ps = append(ps, r.Period)
			}
			what := "year"
			if len(ps) > 1 {
				what = "years"
			}
			parts = append(parts, fmt.Sprintf("%s: too little data to tell (data on every pole in %d %s only: %s)", ch.Name, len(ps), what, strings.Join(ps, ", ")))
			continue
		}
		best := 0
		for k := range mean {
			if mean[k] > mean[best] {
				best = k
			}
		}
		parts = append(parts, fmt.Sprintf("%s: closest to %s (mean share %.2f, entropy %.2f, over %s)", ch.Name, strings.ToUpper(opt.Poles[best]), mean[best], ent, years))
	}
	return fmt.Sprintf("%s, %d–%d: %s.", name, opt.From, opt.To, strings.Join(parts, "; "))
}

// material keeps the shifts of at least align.MinShiftSize: smaller steps
// (a tie series moving by 0.01 when one more state joins an organisation)
// are real but too small to tell a reader about.
func material(sh []align.Shift) []align.Shift {
	out := sh[:0]
	for _, s := range sh {
		if math.Abs(s.Size) >= align.MinShiftSize {
			out = append(out, s)
		}
	}
	return out
}
