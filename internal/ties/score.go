package ties

import (
	"fmt"
	"slices"
	"strings"
)

// Pole is a named set of actors as [Data.Score] sees it: anchor states
// (RUS; USA) and organisations (CSTO, EAEU, CIS; EU, NATO) whose full
// members in the year belong to the pole. The actors package defines poles;
// callers pass their parts here.
type Pole struct {
	Name   string   `json:"name"`
	States []string `json:"states"`
	Orgs   []string `json:"orgs"`
}

// Weights of the ties channel (see [Data.Score]).
var (
	// ObligationWeight is the strength of an alliance by its strongest
	// obligation: defense 1, offense 0.75, neutrality and non-aggression
	// 0.5, consultation 0.25.
	ObligationWeight = map[Obligations]float64{
		Defense: 1, Offense: 0.75, Neutrality: 0.5, NonAggression: 0.5, Consultation: 0.25,
	}
	// StatusWeight is the strength of a membership: full 1, associate 0.5,
	// observer 0.25.
	StatusWeight = map[Status]float64{Full: 1, Associate: 0.5, Observer: 0.25}
)

// Strength returns the weight of the strongest obligation in o under
// [ObligationWeight]; 0 for none.
func Strength(o Obligations) float64 {
	w := 0.0
	for _, n := range oblNames {
		if o&n.o != 0 && ObligationWeight[n.o] > w {
			w = ObligationWeight[n.o]
		}
	}
	return w
}

// Tie is one piece of evidence behind a [Score]: an alliance with a pole
// state or a membership of a pole organisation.
type Tie struct {
	ID          string      `json:"id"`            // stable: "atop:BLR-RUS:1993" or "igo:BLR:CSTO:2002"
	Kind        string      `json:"kind"`          // "alliance" or "membership"
	State       string      `json:"state"`         // the focal state
	Partner     string      `json:"partner"`       // the ally (alliance) or the organisation code (membership)
	Obligations Obligations `json:"obligations"`   // alliance only
	Status      Status      `json:"status"`        // membership only
	Via         string      `json:"via,omitempty"` // membership through a predecessor organisation (EEC for EU), else empty
	From        int         `json:"from"`
	To          int         `json:"to"`       // the alliance run or membership spell; To 0 = open
	Source      string      `json:"source"`   // SourceATOP, SourceCOW or SourceAdded (possibly joined with "; ")
	Censored    bool        `json:"censored"` // carried forward beyond the end of its source
	Weight      float64     `json:"weight"`   // the strength this tie contributes (ObligationWeight or StatusWeight)
	Text        string      `json:"text"`     // one line for people
}

// Score is the ties channel for one focal state, pole and year.
type Score struct {
	State string `json:"state"`
	Pole  string `json:"pole"`
	Year  int    `json:"year"`
	// Alliance is the alliance component A in [0,1]; HasAlliance is false
	// when the pole has no state other than the focal one.
	Alliance    float64 `json:"alliance"`
	HasAlliance bool    `json:"has_alliance"`
	// Membership is the membership component M in [0,1]; HasMembership is
	// false when none of the pole's organisations existed in the year.
	Membership    float64 `json:"membership"`
	HasMembership bool    `json:"has_membership"`
	// Share is s in [0,1], Value = 2s − 1 in [−1,1].
	Share float64 `json:"share"`
	Value float64 `json:"value"`
	// Anchors and Members count the pole states considered: the pole's own
	// states and the other full members of its organisations.
	Anchors int `json:"anchors"`
	Members int `json:"members"`
	// Orgs counts the pole's organisations that existed in the year.
	Orgs int `json:"orgs"`
	// PoleStates lists the pole states considered (anchors and other
	// members, sorted) and PoleOrgs the pole organisations that existed:
	// the pole as used, for the record.
	PoleStates []string `json:"pole_states"`
	PoleOrgs   []string `json:"pole_orgs"`
	Evidence   []Tie    `json:"evidence"`
	// Censored is true when any evidence was carried forward past the end
	// of its source, or the year is past a source's end; Notes say how.
	Censored bool     `json:"censored"`
	Notes    []string `json:"notes,omitempty"`
}

// Score computes the ties channel (DESIGN.md §5, channel 3) of state toward
// pole p in year:
//
//	targets   T = (p.States ∪ full members in year of p.Orgs) \ {state}
//	          S = p.States \ {state} (anchors), R = T \ p.States (other members)
//	a(t)      = Strength of the obligations between state and t in year
//	            (either direction): defense 1, offense 0.75,
//	            neutrality 0.5, non-aggression 0.5, consultation 0.25, none 0
//	A         = (mean_{t∈S} a(t) + mean_{t∈R} a(t)) / 2, or the one mean
//	            that exists when S or R is empty
//	w(o)      = StatusWeight of state's membership of o (or a predecessor)
//	            in year: full 1, associate 0.5, observer 0.25, none 0
//	M         = mean of w(o) over the organisations of p that existed in
//	            year (see [Data.Exists])
//	s         = mean of A and M (whichever exist) ∈ [0,1];
//	            s = 1 when state is itself one of p.States
//	Value     = 2s − 1 ∈ [−1,1]
//
// Value −1 means bound to the pole by nothing (not hostility). On this
// scale the alignment model's tilt (x_B − x_A)/2 equals s_B − s_A.
// Organisations that did not exist in the year count neither for nor
// against. Evidence lists every alliance with a target and every
// membership of a pole organisation, with its weight. Score returns an
// error wrapping [ErrUnknown] for a state that neither the data nor added
// spells know, and when neither component exists.
func (d *Data) Score(state string, p Pole, year int) (Score, error) {
	sc := Score{State: state, Pole: p.Name, Year: year}
	if year > ATOPLastYear || year > IGOLastYear {
		sc.Censored = true
		if year > ATOPLastYear {
			sc.Notes = append(sc.Notes, fmt.Sprintf("ATOP alliance data end in %d", ATOPLastYear))
		}
		if year > IGOLastYear {
			sc.Notes = append(sc.Notes, fmt.Sprintf("COW IGO membership data end in %d", IGOLastYear))
		}
		if d.CarryForward {
			sc.Notes = append(sc.Notes, "ties in force at the end of their source are assumed to continue unless added spells say otherwise")
		}
	}
	if !d.Known(state) {
		return sc, fmt.Errorf("ties score %q toward %s: state %w", state, p.Name, ErrUnknown)
	}
	if spells := d.b.byCode[state]; len(spells) > 0 && !slices.ContainsFunc(spells, func(s StateSpell) bool { return s.From <= year && year <= s.To }) && year <= spells[len(spells)-1].To {
		sc.Notes = append(sc.Notes, fmt.Sprintf("%s was not a state in the COW state system in %d", state, year))
	}
	if slices.Contains(p.States, state) {
		sc.Share, sc.Value = 1, 1
		sc.Notes = append(sc.Notes, fmt.Sprintf("%s is an anchor state of %s", state, p.Name))
		return sc, nil
	}
	anchors := map[string]bool{}
	for _, s := range p.States {
		anchors[s] = true
	}
	others := map[string]bool{}
	for _, o := range p.Orgs {
		for _, m := range d.Members(o, year, Full) {
			if m.State != state && !anchors[m.State] {
				others[m.State] = true
			}
		}
	}
	sc.Anchors, sc.Members = len(anchors), len(others)
	for t := range anchors {
		if t != state {
			sc.PoleStates = append(sc.PoleStates, t)
		}
	}
	for t := range others {
		sc.PoleStates = append(sc.PoleStates, t)
	}
	slices.Sort(sc.PoleStates)
	allies := map[string]Alliance{}
	for _, al := range d.Alliances(state, year) {
		allies[al.Partner] = al
	}
	mean := func(set map[string]bool) float64 {
		sum := 0.0
		for t := range set {
			sum += Strength(allies[t].Obligations)
		}
		return sum / float64(len(set))
	}
	switch {
	case len(anchors) > 0 && len(others) > 0:
		sc.Alliance, sc.HasAlliance = (mean(anchors)+mean(others))/2, true
	case len(anchors) > 0:
		sc.Alliance, sc.HasAlliance = mean(anchors), true
	case len(others) > 0:
		sc.Alliance, sc.HasAlliance = mean(others), true
	}
	partners := make([]string, 0, len(allies))
	for t, al := range allies {
		if (anchors[t] || others[t]) && al.Obligations != 0 {
			partners = append(partners, t)
		}
	}
	slices.Sort(partners)
	for _, t := range partners {
		al := allies[t]
		sc.Evidence = append(sc.Evidence, allianceTie(state, year, al))
		sc.Censored = sc.Censored || al.Censored
	}
	nOrgs, sum := 0, 0.0
	for _, o := range p.Orgs {
		if !d.Exists(o, year) {
			sc.Notes = append(sc.Notes, fmt.Sprintf("%s: no membership data for %d; left out", o, year))
			continue
		}
		nOrgs++
		sc.PoleOrgs = append(sc.PoleOrgs, o)
		m, ok := d.MembershipOf(state, o, year)
		if !ok {
			continue
		}
		w := StatusWeight[m.Status]
		sum += w
		sc.Evidence = append(sc.Evidence, membershipTie(state, o, year, m, w))
		sc.Censored = sc.Censored || m.Censored
	}
	sc.Orgs = nOrgs
	if nOrgs > 0 {
		sc.Membership, sc.HasMembership = sum/float64(nOrgs), true
	}
	switch {
	case sc.HasAlliance && sc.HasMembership:
		sc.Share = (sc.Alliance + sc.Membership) / 2
	case sc.HasAlliance:
		sc.Share = sc.Alliance
	case sc.HasMembership:
		sc.Share = sc.Membership
	default:
		return sc, fmt.Errorf("ties score %s toward %s in %d: pole has no states or organisations with data: %w", state, p.Name, year, ErrUnknown)
	}
	sc.Value = 2*sc.Share - 1
	return sc, nil
}

func span(from, to int) string {
	if to == 0 {
		return fmt.Sprintf("%d–", from)
	}
	if to == from {
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

func allianceTie(state string, year int, al Alliance) Tie {
	a, b := state, al.Partner
	if b < a {
		a, b = b, a
	}
	var text strings.Builder
	fmt.Fprintf(&text, "%s–%s alliance (%s), %s: %s", state, al.Partner, al.Source, span(al.From, al.To), al.Obligations)
	if al.Owes != al.Owed {
		fmt.Fprintf(&text, " (%s owes %s; %s owes %s)", state, al.Owes, al.Partner, al.Owed)
	}
	if al.Censored {
		fmt.Fprintf(&text, "; carried forward from %d", ATOPLastYear)
	}
	return Tie{
		ID: fmt.Sprintf("atop:%s-%s:%d", a, b, year), Kind: "alliance", State: state, Partner: al.Partner,
		Obligations: al.Obligations, From: al.From, To: al.To, Source: al.Source, Censored: al.Censored,
		Weight: Strength(al.Obligations), Text: text.String(),
	}
}

func membershipTie(state, org string, year int, m Membership, w float64) Tie {
	via := ""
	if m.Org != org {
		via = m.Org
	}
	var text strings.Builder
	fmt.Fprintf(&text, "%s %s member of %s", state, m.Status, org)
	if via != "" {
		fmt.Fprintf(&text, " (through its predecessor %s)", via)
	}
	fmt.Fprintf(&text, ", %s (%s)", span(m.From, m.To), m.Source)
	if m.Censored {
		fmt.Fprintf(&text, "; carried forward from %d", IGOLastYear)
	}
	return Tie{
		ID: fmt.Sprintf("igo:%s:%s:%d", state, m.Org, m.From), Kind: "membership", State: state, Partner: org,
		Status: m.Status, Via: via, From: m.From, To: m.To, Source: m.Source, Censored: m.Censored,
		Weight: w, Text: text.String(),
	}
}
