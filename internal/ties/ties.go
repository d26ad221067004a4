package ties

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.gz data/*.csv
var files embed.FS

// ErrUnknown is returned for an actor or organisation code that the data
// and the caller's additions do not know.
var ErrUnknown = errors.New("unknown code")

// base is the parsed embedded data, shared read-only by every [Data].
type base struct {
	states  []StateSpell
	iso     map[int]string           // ccode → actor code
	byCode  map[string][]StateSpell  // actor code → state spells
	dyads   map[string][]*dyad       // actor code → dyads it is part of
	orgs    map[string]IGO           // org code → COW organisation
	members map[string][]memberSpell // org code → spells
	byState map[string][]memberSpell // actor code → spells
}

type dyadYear struct {
	year   int
	ab, ba Obligations // a owes b, b owes a
}

// dyad is one pair of states (a < b by actor code) with its alliance years
// in ascending order.
type dyad struct {
	a, b  string
	years []dyadYear
}

type memberSpell struct {
	state  string
	org    string // fulcrum code
	ioname string // COW name, empty for added spells
	status Status
	from   int
	to     int // inclusive; 0 = open
	source string
}

type allianceSpell struct {
	a, b     string
	from, to int // to 0 = open
	obl      Obligations
}

var (
	loadOnce sync.Once
	loaded   *base
	loadErr  error
)

// Data answers questions about ties: the embedded reference data plus the
// spells a caller added. A Data is not safe for concurrent use while spells
// are being added; queries alone may run concurrently.
type Data struct {
	// CarryForward, when true (the default from [New]), assumes that a tie
	// still in force in the last year of its source (ATOPLastYear,
	// IGOLastYear) continues afterwards; such ties are flagged Censored.
	// Carry-forward never applies to an organisation for which the caller
	// added spells: those spells are then the only source after the COW
	// data end. When false, nothing is known after the data end except the
	// added spells.
	CarryForward bool

	b         *base
	added     map[string][]memberSpell // org → added spells
	addedBy   map[string][]memberSpell // state → added spells
	alliances map[string][]allianceSpell
}

// New returns the embedded reference data, parsed on the first call, with
// CarryForward on and no added spells.
func New() (*Data, error) {
	loadOnce.Do(func() { loaded, loadErr = loadBase() })
	if loadErr != nil {
		return nil, loadErr
	}
	return &Data{
		CarryForward: true,
		b:            loaded,
		added:        map[string][]memberSpell{},
		addedBy:      map[string][]memberSpell{},
		alliances:    map[string][]allianceSpell{},
	}, nil
}

func open(name string) (io.Reader, error) {
	raw, err := files.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("open embedded %s: %w", name, err)
	}
	if !strings.HasSuffix(name, ".gz") {
		return bytes.NewReader(raw), nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("decompress embedded %s: %w", name, err)
	}
	// The gzip trailer holds the uncompressed size (mod 2³²): decompress
	// into a buffer of that size at once.
	size := 0
	if n := len(raw); n >= 4 {
		size = int(binary.LittleEndian.Uint32(raw[n-4:]))
	}
	out := make([]byte, size)
	if _, err := io.ReadFull(zr, out); err != nil {
		return nil, fmt.Errorf("decompress embedded %s: %w", name, err)
	}
	if n, _ := zr.Read(make([]byte, 1)); n != 0 {
		return nil, fmt.Errorf("decompress embedded %s: longer than its gzip trailer says", name)
	}
	return bytes.NewReader(out), nil
}

func loadBase() (*base, error) {
	r, err := open("cow_states2016_iso3.csv")
	if err != nil {
		return nil, err
	}
	states, err := ReadStates("cow_states2016_iso3.csv", r)
	if err != nil {
		return nil, err
	}
	r, err = open("atop5_1_ndy.csv.gz")
	if err != nil {
		return nil, err
	}
	ndy, err := ReadATOP("atop5_1_ndy.csv", r)
	if err != nil {
		return nil, err
	}
	r, err = open("atop5_1_ddy_asymmetric.csv.gz")
	if err != nil {
		return nil, err
	}
	ddy, err := ReadATOPDirected("atop5_1_ddy_asymmetric.csv", r)
	if err != nil {
		return nil, err
	}
	r, err = open("igos.csv.gz")
	if err != nil {
		return nil, err
	}
	igos, err := ReadIGOs("igos.csv", r)
	if err != nil {
		return nil, err
	}
	r, err = open("igo_membership_spells.csv.gz")
	if err != nil {
		return nil, err
	}
	spells, err := ReadSpells("igo_membership_spells.csv", r)
	if err != nil {
		return nil, err
	}
	return build(states, ndy, ddy, igos, spells), nil
}

// isoFixes corrects the crosswalk where the BSV-derived iso3 column is
// wrong for fulcrum: it gives South Yemen (680) the code of North Yemen
// (YAR); the UN vote data use YMD.
var isoFixes = map[int]string{680: "YMD"}

// isoAliases are further codes accepted by [Data.CCode]: codes the vote
// data use (GFR, YMD, ZAN), ISO codes of successor names (SRB, SCG for COW
// 345) and the user-assigned XKX for Kosovo.
var isoAliases = map[string]int{"GFR": 260, "YMD": 680, "ZAN": 511, "SRB": 345, "SCG": 345, "XKX": 347}

// build indexes parsed reference data: the embedded tables, or small
// synthetic ones in tests.
func build(states []StateSpell, ndy []DyadYear, ddy []DirectedYear, igos []IGO, spells []Spell) *base {
	b := &base{
		states:  states,
		iso:     map[int]string{},
		byCode:  map[string][]StateSpell{},
		dyads:   map[string][]*dyad{},
		orgs:    map[string]IGO{},
		members: map[string][]memberSpell{},
		byState: map[string][]memberSpell{},
	}
	for _, s := range states {
		code := s.ISO3
		if fix, ok := isoFixes[s.CCode]; ok {
			code = fix
		}
		if code == "" {
			code = "COW" + strconv.Itoa(s.CCode)
		}
		b.iso[s.CCode] = code
		b.byCode[code] = append(b.byCode[code], s)
	}
	type dkey struct{ a, b, year int }
	directed := map[dkey]Obligations{}
	for _, d := range ddy {
		directed[dkey{d.From, d.To, d.Year}] = d.Obl
	}
	index := map[[2]string]*dyad{}
	for _, r := range ndy {
		ca, cb := b.code(r.A), b.code(r.B)
		ab, ba := r.Obl, r.Obl
		if r.Asymmetric {
			x, okx := directed[dkey{r.A, r.B, r.Year}]
			y, oky := directed[dkey{r.B, r.A, r.Year}]
			if okx || oky {
				ab, ba = x, y
			}
		}
		if ca > cb {
			ca, cb = cb, ca
			ab, ba = ba, ab
		}
		if ca == cb { // two COW codes of one actor (GMY, GFR): not a tie
			continue
		}
		k := [2]string{ca, cb}
		d := index[k]
		if d == nil {
			d = &dyad{a: ca, b: cb}
			index[k] = d
			b.dyads[ca] = append(b.dyads[ca], d)
			b.dyads[cb] = append(b.dyads[cb], d)
		}
		if n := len(d.years); n > 0 && d.years[n-1].year == r.Year {
			d.years[n-1].ab |= ab
			d.years[n-1].ba |= ba
			continue
		}
		d.years = append(d.years, dyadYear{year: r.Year, ab: ab, ba: ba})
	}
	for _, d := range index {
		sort.Slice(d.years, func(i, j int) bool { return d.years[i].year < d.years[j].year })
		// merge equal years that arrived out of order
		out := d.years[:0]
		for _, y := range d.years {
			if n := len(out); n > 0 && out[n-1].year == y.year {
				out[n-1].ab |= y.ab
				out[n-1].ba |= y.ba
				continue
			}
			out = append(out, y)
		}
		d.years = out
	}
	for _, g := range igos {
		if end, ok := knownEnds[g.IOName]; ok && g.End == 0 {
			g.End = end
		}
		b.orgs[OrgCode(g.IOName)] = g
	}
	for _, s := range spells {
		m := memberSpell{
			state: b.code(s.CCode), org: OrgCode(s.IOName), ioname: s.IOName,
			status: s.Status, from: s.From, to: s.To, source: SourceCOW,
		}
		b.members[m.org] = append(b.members[m.org], m)
		b.byState[m.state] = append(b.byState[m.state], m)
	}
	return b
}

// code is the actor code of a COW state code: its ISO3 code, or "COW"
// followed by the number for states that have none (Bavaria, Korea before
// 1905, the Republic of Vietnam, Kosovo, …).
func (b *base) code(ccode int) string {
	if c, ok := b.iso[ccode]; ok {
		return c
	}
	return "COW" + strconv.Itoa(ccode)
}

// ISO3 returns the actor code of a COW state code and whether the code is
// in the COW state list. Caveats (data/README.md): 365 is RUS for both
// Russia and the Soviet Union, 345 is YUG for Yugoslavia and for Serbia
// after 2006, 255 (Germany) and 260 (German Federal Republic, 1955–1990)
// are both DEU, 265 is DDR, 680 is YMD (the crosswalk's YAR is corrected),
// and states without an ISO code get "COW<ccode>" (e.g. COW347 Kosovo).
func (d *Data) ISO3(ccode int) (string, bool) {
	c, ok := d.b.iso[ccode]
	if !ok {
		return "COW" + strconv.Itoa(ccode), false
	}
	return c, true
}

// CCode returns the COW state code of an actor code in a year. DEU is 260
// up to 1990 and 255 from 1991 (unification on 3 October 1990 falls in
// COW's 255 spell from 1990; 260 covers 1955–1990, and 1990 goes to 260
// as the longer part of that year). Aliases GFR, YMD, ZAN, SRB, SCG and XKX
// are accepted, as are "COW<n>" codes. ok is false for unknown codes.
func (d *Data) CCode(code string, year int) (int, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if n, ok := isoAliases[code]; ok {
		return n, true
	}
	if rest, ok := strings.CutPrefix(code, "COW"); ok {
		n, err := strconv.Atoi(rest)
		if err == nil {
			if _, known := d.b.iso[n]; known {
				return n, true
			}
		}
		return 0, false
	}
	spells := d.b.byCode[code]
	if len(spells) == 0 {
		return 0, false
	}
	if code == "DEU" {
		if year <= 1990 && year >= 1955 {
			return 260, true
		}
		return 255, true
	}
	best := spells[0].CCode
	for _, s := range spells {
		if s.From <= year && year <= s.To {
			return s.CCode, true
		}
	}
	return best, true
}

// States returns the COW state list with the actor code of each spell in
// ISO3 (after the corrections described at [Data.ISO3]).
func (d *Data) States() []StateSpell {
	out := make([]StateSpell, len(d.b.states))
	for i, s := range d.b.states {
		s.ISO3 = d.b.code(s.CCode)
		out[i] = s
	}
	return out
}

// Known reports whether code is a state in the data or in added spells.
func (d *Data) Known(code string) bool {
	if _, ok := d.b.byCode[code]; ok {
		return true
	}
	if _, ok := d.CCode(code, 0); ok {
		return true
	}
	_, ok := d.addedBy[code]
	return ok || len(d.alliances[code]) > 0
}

// Org returns the COW record of an organisation code (see [OrgCode]).
func (d *Data) Org(code string) (IGO, bool) {
	g, ok := d.b.orgs[code]
	return g, ok
}

// Alliance is an alliance between a state and Partner in force in one
// year.
type Alliance struct {
	Partner     string      `json:"partner"`     // actor code of the ally
	Obligations Obligations `json:"obligations"` // union of both directions
	Owes        Obligations `json:"owes"`        // what the state owes Partner
	Owed        Obligations `json:"owed"`        // what Partner owes the state
	From        int         `json:"from"`
	To          int         `json:"to"`       // run of consecutive alliance years that contains the year; To 0 = still in force at the end of the data
	Source      string      `json:"source"`   // SourceATOP or SourceAdded
	Censored    bool        `json:"censored"` // the year is after ATOPLastYear and the obligations were carried forward
}

// Alliances lists the alliances of state in year, sorted by partner. After
// ATOPLastYear they come from added spells and, when CarryForward is on,
// from ATOP dyads still in force in ATOPLastYear (flagged Censored).
func (d *Data) Alliances(state string, year int) []Alliance {
	byPartner := map[string]*Alliance{}
	for _, dy := range d.b.dyads[state] {
		y := year
		censored := false
		if year > ATOPLastYear {
			if !d.CarryForward {
				continue
			}
			y, censored = ATOPLastYear, true
		}
		i, found := slices.BinarySearchFunc(dy.years, y, func(e dyadYear, t int) int { return e.year - t })
		if !found {
			continue
		}
		rec := dy.years[i]
		al := Alliance{Source: SourceATOP, Censored: censored}
		if dy.a == state {
			al.Partner, al.Owes, al.Owed = dy.b, rec.ab, rec.ba
		} else {
			al.Partner, al.Owes, al.Owed = dy.a, rec.ba, rec.ab
		}
		al.Obligations = al.Owes | al.Owed
		if al.Obligations == 0 {
			continue
		}
		lo := i
		for lo > 0 && dy.years[lo-1].year == dy.years[lo].year-1 {
			lo--
		}
		hi := i
		for hi+1 < len(dy.years) && dy.years[hi+1].year == dy.years[hi].year+1 {
			hi++
		}
		al.From, al.To = dy.years[lo].year, dy.years[hi].year
		if al.To == ATOPLastYear && d.CarryForward {
			al.To = 0
		}
		byPartner[al.Partner] = &al
	}
	for _, s := range d.alliances[state] {
		if year < s.from || (s.to != 0 && year > s.to) {
			continue
		}
		partner := s.b
		if partner == state {
			partner = s.a
		}
		if al, ok := byPartner[partner]; ok {
			al.Obligations |= s.obl
			al.Owes |= s.obl
			al.Owed |= s.obl
			al.Source += "; " + SourceAdded
			al.Censored = false
			continue
		}
		byPartner[partner] = &Alliance{Partner: partner, Obligations: s.obl, Owes: s.obl, Owed: s.obl,
			From: s.from, To: s.to, Source: SourceAdded}
	}
	out := make([]Alliance, 0, len(byPartner))
	for _, al := range byPartner {
		out = append(out, *al)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Partner < out[j].Partner })
	return out
}

// Membership is a state's membership of an organisation in force in one
// year.
type Membership struct {
	State    string `json:"state"`            // actor code
	Org      string `json:"org"`              // fulcrum organisation code (see OrgCode)
	IOName   string `json:"ioname,omitempty"` // COW ioname, empty for added spells
	Status   Status `json:"status"`
	From     int    `json:"from"`
	To       int    `json:"to"`       // the spell; To 0 = open (still in force at the end of its source)
	Source   string `json:"source"`   // SourceCOW or SourceAdded
	Censored bool   `json:"censored"` // the year is after IGOLastYear and the COW spell was carried forward
}

// covers reports whether a spell covers year, and whether it does so only
// by carry-forward.
func (d *Data) covers(m memberSpell, year int) (ok, censored bool) {
	if year < m.from {
		return false, false
	}
	if m.source == SourceAdded {
		return m.to == 0 || year <= m.to, false
	}
	if year <= m.to {
		return true, false
	}
	if !d.CarryForward || m.to != IGOLastYear || year <= IGOLastYear {
		return false, false
	}
	if len(d.added[m.org]) > 0 {
		return false, false
	}
	if g, ok := d.b.orgs[m.org]; ok && g.End != 0 && year > g.End {
		return false, false
	}
	return true, true
}

func (d *Data) membership(m memberSpell, censored bool) Membership {
	to := m.to
	if m.source == SourceCOW && to == IGOLastYear && d.CarryForward && len(d.added[m.org]) == 0 {
		if g, ok := d.b.orgs[m.org]; !ok || g.End == 0 || g.End > IGOLastYear {
			to = 0
		}
	}
	return Membership{State: m.state, Org: m.org, IOName: m.ioname, Status: m.status,
		From: m.from, To: to, Source: m.source, Censored: censored}
}

// Memberships lists the organisations state belongs to in year with its
// strongest status in each, sorted by organisation code. Added spells are
// merged with the COW spells; after IGOLastYear see [Data.CarryForward].
func (d *Data) Memberships(state string, year int) []Membership {
	best := map[string]Membership{}
	add := func(list []memberSpell) {
		for _, m := range list {
			ok, cens := d.covers(m, year)
			if !ok {
				continue
			}
			if cur, seen := best[m.org]; seen && !m.status.better(cur.Status) && !(cur.Censored && !cens) {
				continue
			}
			best[m.org] = d.membership(m, cens)
		}
	}
	add(d.b.byState[state])
	add(d.addedBy[state])
	out := make([]Membership, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Org < out[j].Org })
	return out
}

// MembershipOf returns state's strongest membership of org in year,
// counting the org's [Predecessors] too; ok is false when it has none.
func (d *Data) MembershipOf(state, org string, year int) (Membership, bool) {
	var best Membership
	found := false
	for _, o := range append([]string{org}, Predecessors[org]...) {
		for _, list := range [][]memberSpell{d.b.members[o], d.added[o]} {
			for _, m := range list {
				if m.state != state {
					continue
				}
				ok, cens := d.covers(m, year)
				if !ok {
					continue
				}
				if found && !m.status.better(best.Status) && !(best.Censored && !cens) {
					continue
				}
				best, found = d.membership(m, cens), true
			}
		}
	}
	return best, found
}

// Members lists the members of org (and of its [Predecessors]) in year
// with their strongest status, sorted by state. Use minStatus Full to get
// full members only, Observer to get everyone.
func (d *Data) Members(org string, year int, minStatus Status) []Membership {
	best := map[string]Membership{}
	for _, o := range append([]string{org}, Predecessors[org]...) {
		for _, list := range [][]memberSpell{d.b.members[o], d.added[o]} {
			for _, m := range list {
				if m.status > minStatus {
					continue
				}
				ok, cens := d.covers(m, year)
				if !ok {
					continue
				}
				if cur, seen := best[m.state]; seen && !m.status.better(cur.Status) && !(cur.Censored && !cens) {
					continue
				}
				best[m.state] = d.membership(m, cens)
			}
		}
	}
	out := make([]Membership, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].State < out[j].State })
	return out
}

// Exists reports whether org (or one of its [Predecessors]) existed in
// year: founded and not dissolved according to COW, or covered by a spell
// the caller added. An organisation that did not exist is left out of the
// membership component of [Data.Score] rather than counted as 0.
func (d *Data) Exists(org string, year int) bool {
	for _, o := range append([]string{org}, Predecessors[org]...) {
		for _, m := range d.added[o] {
			if ok, _ := d.covers(m, year); ok {
				return true
			}
		}
		g, ok := d.b.orgs[o]
		if !ok || g.Start == 0 || year < g.Start {
			continue
		}
		if g.End != 0 && year > g.End {
			continue
		}
		if year > IGOLastYear && (!d.CarryForward || len(d.added[o]) > 0) {
			continue
		}
		return true
	}
	return false
}

// AddMembership records that state belonged to org with status from year
// from to year to inclusive (to 0 = still a member). Both years count.
// Once any spell is added for an organisation, COW spells of that
// organisation are no longer carried forward after IGOLastYear: the added
// spells are the only source for later years.
func (d *Data) AddMembership(state, org string, from, to int, status Status) error {
	state, org = strings.TrimSpace(state), strings.TrimSpace(org)
	switch {
	case state == "" || org == "":
		return fmt.Errorf("add membership %q in %q: empty code", state, org)
	case status != Full && status != Associate && status != Observer:
		return fmt.Errorf("add membership %s in %s: status %d is not full, associate or observer", state, org, status)
	case from <= 0 || (to != 0 && to < from):
		return fmt.Errorf("add membership %s in %s: bad years %d–%d", state, org, from, to)
	}
	m := memberSpell{state: state, org: org, status: status, from: from, to: to, source: SourceAdded}
	d.added[org] = append(d.added[org], m)
	d.addedBy[state] = append(d.addedBy[state], m)
	return nil
}

// AddAlliance records an alliance between states a and b with obligations
// o owed by each to the other, from year from to year to inclusive (to 0 =
// still in force). It is merged with ATOP's dyad-years.
func (d *Data) AddAlliance(a, b string, from, to int, o Obligations) error {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "" || b == "" || a == b:
		return fmt.Errorf("add alliance %q–%q: need two different states", a, b)
	case o == 0 || o >= Consultation<<1:
		return fmt.Errorf("add alliance %s–%s: obligations %d out of range", a, b, o)
	case from <= 0 || (to != 0 && to < from):
		return fmt.Errorf("add alliance %s–%s: bad years %d–%d", a, b, from, to)
	}
	s := allianceSpell{a: a, b: b, from: from, to: to, obl: o}
	d.alliances[a] = append(d.alliances[a], s)
	d.alliances[b] = append(d.alliances[b], s)
	return nil
}
