package report

import (
	"fmt"
	"slices"
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

// How many items of each kind a report shows per pole.
const (
	maxStatements = 6
	maxVotes      = 6
	maxTies       = 8
)

var sources = []string{
	"UN General Assembly roll calls 1946–2020: Voeten, E. 2013. \"Data and Analyses of Voting in the UN General Assembly.\" Routledge Handbook of International Organization; via the unvotes package (Robinson), CC0.",
	"Ideal points: Bailey, M. A., A. Strezhnev & E. Voeten. 2017. \"Estimating Dynamic State Preferences from United Nations Voting Data.\" JCR 61(2): 430–456 (June 2024 release).",
	"Alliances: Leeds, B. A., J. M. Ritter, S. M. Mitchell & A. G. Long. 2002. \"Alliance Treaty Obligations and Provisions, 1815–1944.\" International Interactions 28: 237–60 (ATOP v5.1, to 2018).",
	"IGO memberships: Pevehouse, J. C. W., T. Nordstrom, R. W. McManus & A. S. Jamison. 2020. \"Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets.\" JPR 57(3): 492–503 (to 2014).",
	"Statements: events coded by fulcrum from UN General Debate speeches (Jankin, Baturo & Dasandi, UNGDC v13; Baturo, Dasandi & Mikhaylov 2017) and from the documents the user ingested; CAMEO codes with Goldstein (1992) weights.",
}

// evidence picks, for each pole, the strongest statements, roll calls and
// ties that place the state with it.
func evidence(in Inputs, country string, poles []actors.Pole, opt Options, sc Channel) []PoleEvidence {
	out := make([]PoleEvidence, len(poles))
	vopt := votes.Options{By: votes.ByYear, From: opt.From, To: opt.To, Filter: opt.VoteFilter}
	var refs []votes.Ref
	for _, p := range poles {
		p := p
		refs = append(refs, votes.PoleRef(p.Name, memberFunc(in.Dict, p)))
	}
	for i, p := range poles {
		pe := PoleEvidence{Pole: p.Name}
		pe.Statements = statementEvidence(in, country, poles, i, opt.From, opt.To)
		if len(poles) >= 2 && in.Votes != nil && in.Votes.Known(country) {
			other := refs[(i+1)%len(refs)]
			if sv, err := in.Votes.SplitVotes(country, refs[i], other, vopt); err == nil {
				pe.Votes = voteEvidence(sv)
			}
		}
		if in.Ties != nil {
			pe.Ties = tieEvidence(in, country, p, opt)
		}
		out[i] = pe
	}
	return out
}

func memberFunc(d *actors.Dict, p actors.Pole) func(t time.Time) []string {
	return func(t time.Time) []string { return d.PoleMembers(p, t) }
}

// statementEvidence ranks the state's counting events in the period that
// are cooperative toward pole i's members, strongest first. (Conflict toward
// the other pole is not taken as support for this one: in speeches it is
// mostly historical narrative.)
func statementEvidence(in Inputs, country string, poles []actors.Pole, i, from, to int) []Statement {
	type scored struct {
		e     *event.Event
		score float64
	}
	var cand []scored
	inPole := membership(in.Dict, poles[i])
	for k := range in.Events {
		e := &in.Events[k]
		if e.Source != country || e.Target == "" || !e.Counts() || e.Goldstein <= 0 {
			continue
		}
		t, ok := align.EventTime(e)
		if !ok || t.Year() < from || t.Year() > to {
			continue
		}
		if inPole(e.Target, t) {
			cand = append(cand, scored{e, e.Goldstein})
		}
	}
	sort.SliceStable(cand, func(a, b int) bool {
		if cand[a].score != cand[b].score {
			return cand[a].score > cand[b].score
		}
		return cand[a].e.Date > cand[b].e.Date
	})
	var out []Statement
	seen := map[string]bool{}
	for _, c := range cand {
		e := c.e
		key := e.Doc + strconv.Itoa(e.Evidence.Start)
		if seen[key] {
			continue
		}
		seen[key] = true
		label := ""
		if code, ok := event.Lookup(e.CAMEO); ok {
			label = code.Label
		}
		out = append(out, Statement{ID: e.ID, Date: e.Date, Speaker: e.Speaker, Source: e.Source, Target: e.Target,
			CAMEO: e.CAMEO, Label: label, Goldstein: e.Goldstein, Quote: e.Evidence.Text, Doc: e.Doc,
			DocTitle: e.DocTitle, DocURL: e.DocURL, Start: e.Evidence.Start, End: e.Evidence.End, Origin: e.Origin, Rule: e.Rule})
		if len(out) == maxStatements {
			break
		}
	}
	return out
}

// membership returns a test of whether an actor code belongs to pole p at a
// time: one of its core codes, or a member state of its organisations in
// that calendar year (looked up once per code and year).
func membership(d *actors.Dict, p actors.Pole) func(code string, at time.Time) bool {
	cache := map[string]bool{}
	return func(code string, at time.Time) bool {
		if slices.Contains(p.Core, code) {
			return true
		}
		key := code + at.Format("2006")
		v, ok := cache[key]
		if !ok {
			v = slices.Contains(d.PoleMembers(p, at), code)
			cache[key] = v
		}
		return v
	}
}

// voteEvidence keeps the roll calls on which the state followed reference
// A against B: important votes first, then the most recent.
func voteEvidence(sv []votes.SplitVote) []RollCall {
	var with []votes.SplitVote
	for _, s := range sv {
		if s.Side == votes.WithA {
			with = append(with, s)
		}
	}
	sort.SliceStable(with, func(i, j int) bool {
		ii, ij := with[i].RollCall.Important == 1, with[j].RollCall.Important == 1
		if ii != ij {
			return ii
		}
		return with[i].RollCall.Date.After(with[j].RollCall.Date)
	})
	var out []RollCall
	for _, s := range with {
		rc := s.RollCall
		title := rc.Short
		if title == "" {
			title = rc.Descr
		}
		out = append(out, RollCall{ID: "rc:" + strconv.Itoa(rc.RCID), RCID: rc.RCID, Date: rc.Date.Format("2006-01-02"),
			Session: rc.Session, Resolution: rc.Resolution, Title: title, Vote: s.Vote.String(),
			PoleVote: s.A.String(), OtherVote: s.B.String(), Important: rc.Important == 1})
		if len(out) == maxVotes {
			break
		}
	}
	return out
}

// tieEvidence lists the ties to the pole in the last and first year of the
// period, strongest first.
func tieEvidence(in Inputs, country string, p actors.Pole, opt Options) []ties.Tie {
	states, orgs := splitPole(in.Dict, p)
	tp := ties.Pole{Name: p.Name, States: states, Orgs: orgs}
	seen := map[string]bool{}
	var out []ties.Tie
	for _, y := range []int{opt.To, (opt.From + opt.To) / 2, opt.From} {
		s, err := in.Ties.Score(country, tp, y)
		if err != nil {
			continue
		}
		for _, t := range s.Evidence {
			key := t.Kind + t.Partner
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight > out[j].Weight })
	if len(out) > maxTies {
		out = out[:maxTies]
	}
	return out
}

// notes lists the caveats a reader must know: censored data, empty
// channels, pole definitions.
func notes(in Inputs, r *Report) []string {
	var n []string
	for _, ch := range r.Channels {
		if !ch.HasData {
			n = append(n, fmt.Sprintf("No %s data for %s in %d–%d: the channel is left out of the verdict.", ch.Name, r.Country, r.From, r.To))
		}
	}
	if r.To > 2019 {
		n = append(n, "UN roll-call data end in January 2020; vote values after 2019 are missing.")
	}
	if r.To > ties.ATOPLastYear {
		n = append(n, fmt.Sprintf("ATOP alliances end in %d and COW IGO memberships in %d: alliances in force then are carried forward (flagged censored); organisation memberships after %d come from fulcrum's dated member lists.", ties.ATOPLastYear, ties.IGOLastYear, ties.IGOLastYear))
	}
	for _, p := range r.Poles {
		var states []string
		for _, m := range p.MembersLast {
			if a, ok := in.Dict.Actor(m); ok && a.Kind == actors.State {
				states = append(states, m)
			}
		}
		n = append(n, fmt.Sprintf("Pole %s = %s; member states in %d: %s.", p.Name, strings.Join(p.Core, " + "), r.To, strings.Join(states, " ")))
	}
	n = append(n, thinNotes(r)...)
	n = append(n, "Conclusions depend on the choice of poles: the votes channel compares with the plurality vote of each pole's member states, not with one capital.")
	return n
}

// thinNotes explains the thin-year rule and lists, per channel and pole,
// the thin years with their counts; and, when a statements interval
// resampled events, says why and what that costs.
func thinNotes(r *Report) []string {
	var lists []string
	eventsResampled := false
	for _, ch := range r.Channels {
		if ch.MinUnits == 0 {
			continue
		}
		for _, s := range ch.Series {
			var years []string
			for _, p := range s.Points {
				if p.Thin {
					c := fmt.Sprint(align.ThinCount(ch.Name, p))
					if allWeightZero(ch.Name, p) {
						c += ", all of weight 0"
					}
					years = append(years, fmt.Sprintf("%s (%s)", p.Period, c))
				} else if p.N > 0 && p.Resampled == align.ResampledEvents {
					eventsResampled = true
				}
			}
			if len(years) > 0 {
				lists = append(lists, fmt.Sprintf("%s toward %s, %s: %s", ch.Name, s.Pole, ch.Unit, strings.Join(years, ", ")))
			}
		}
	}
	var out []string
	if len(lists) > 0 {
		out = append(out,
			fmt.Sprintf("Thin years: a year with fewer than %d roll calls (votes) or %d coded events toward the pole (statements, counted after negated and hypothetical statements are dropped, as the value drops them) has no usable 90%% interval, and is drawn as a hollow point without a band and left out of the verdict's means, the combined tilt and shift detection. The minimums come from the data. Votes: every UN General Assembly year 1992–2019 has 61 or more recorded roll calls, while 2020, where the data end, has 1, and below 10 one roll call moves κ by 0.1 or more. Statements: a year's value rests on its events, however many documents hold them (one UN General Debate speech can hold 1 event toward a pole or 40); over one event a bootstrap has no interval, and over two it is just the two events' own values. In the built-in speeches (16 states, 1992–2020) half the state-pole-years with events have 1 or 2 of them (310 of 584), and the shrinkage toward 0 already holds such a year within ±2/7; %d keeps the other 274 (263 after the rule below), where a rule of 3 documents kept 26. A statements year whose events all weigh 0 (plain comments) is thin too: its value is 0 by construction, with no spread to resample.",
				align.MinRollCalls, align.MinEvents, align.MinEvents),
			"Thin years here (count in brackets: roll calls or events): "+strings.Join(lists, "; ")+".")
	}
	if eventsResampled {
		out = append(out, fmt.Sprintf("Statements intervals: a year with %d or more documents resamples documents (events of one document are not independent). A year with 1 or 2 documents, as every year of the built-in UN General Debate speeches (one speech per state and year), resamples the events of those documents instead, each drawn a Poisson(1) number of times (JSON: \"resampled\": \"events\"). Events of one speech share a speaker, an occasion and a line, so they are not independent either: such an interval shows how much the value rests on single events, and is narrower than the truth about how the state would speak on another occasion.", align.MinDocuments))
	}
	return out
}
