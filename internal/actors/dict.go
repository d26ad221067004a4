package actors

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Kind says whether an actor is a state, an organisation or a person.
type Kind uint8

// The kinds of actor.
const (
	State  Kind = iota + 1 // a sovereign or de facto state, coded ISO3
	Org                    // an international organisation, bloc or grouping
	Person                 // a named person, with offices over time
)

// String returns "state", "org" or "person" ("kind(N)" for an unknown value).
func (k Kind) String() string {
	switch k {
	case State:
		return "state"
	case Org:
		return "org"
	case Person:
		return "person"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Form says how a text named an actor.
type Form uint8

// The forms of a name.
const (
	Name      Form = iota + 1 // the full or official name: "Republic of Belarus", "Alexander Lukashenko"
	ShortName                 // the usual short name or acronym: "Belarus", "NATO"
	Adjective                 // "Belarusian", "Russian-led", "pro-Western"
	Demonym                   // "Belarusians", "Russians"
	Capital                   // a capital used as a metonym: "Minsk", "Brussels" (EU)
	Alias                     // another name or a seat of government: "the Kremlin", "the Alliance"
	Surname                   // a person named by surname alone, or with a title: "Lukashenko", "Mr Lavrov"
)

var formNames = [...]string{"", "name", "short", "adjective", "demonym", "capital", "alias", "surname"}

// String returns the form's lower-case name as used in dictionary files
// ("name", "short", "adjective", …).
func (f Form) String() string {
	if int(f) < len(formNames) && f != 0 {
		return formNames[f]
	}
	return fmt.Sprintf("form(%d)", uint8(f))
}

// Actor is a state, organisation or person known to a [Dict].
type Actor struct {
	Code string // "BLR", "NATO"; for a person the entry id ("lukashenko-alexander")
	Name string // canonical name: "Belarus", "North Atlantic Treaty Organization"
	Kind Kind
}

// Match is one actor name found by [Dict.Find].
type Match struct {
	Start, End int // byte offsets into the text given to Find

	// Code is the actor the text refers to: a state's ISO3 code or an
	// organisation's code. For a person it is the state (or, for a
	// secretary-general, the organisation) whose office they held on the
	// date given to Find, else their nationality.
	Code string
	// Role is the CAMEO-style role: "GOV" for heads of state and government,
	// ministers, seats of government and phrases such as "the Belarusian
	// government"; "MIL" for defence ministers and armed forces; "LEG" for
	// parliaments ("the State Duma"); "OPP" for the opposition and its
	// leaders; "MED" for the media ("Russian state media"); "" when the
	// text says nothing more than the actor. Capitals and demonyms carry no
	// role: "Minsk said" may mean the government, "in Minsk" does not.
	Role string
	// Office is the office a person held on the date ("president",
	// "foreign minister", …), or the office a phrase names ("the Belarusian
	// Foreign Minister", "the President of Belarus"); "" otherwise, and for
	// persons out of office.
	Office string
	// Person is the canonical name of a matched person, or of the holder on
	// the date of the office a phrase names, when the dictionaries know
	// them; else "".
	Person string
	Kind   Kind
	Form   Form
	// Entry is the stable id of the dictionary entry that matched, for
	// provenance: "state:BLR", "org:NATO", "person:lukashenko-alexander", or
	// "user:<file>:<line>" for a name added by a user's dictionary.
	Entry string
	// Attached is true when the name is joined by a hyphen to a neighbouring
	// word ("pro-Russian", "Russian-led", "EU-funded"): it modifies that
	// word and is not itself a speaker or target.
	Attached bool
}

// Pole is a named set of actors that alignment is measured against.
type Pole struct {
	Name string
	// Core lists the pole's actor codes: states and organisations
	// ("RUS", "CSTO", "EAEU", "CIS"). [Dict.PoleMembers] expands the
	// organisations into their member states on a date.
	Core []string
}

// period is a half-open span of days [start, end) written as yyyymmdd
// integers; end 0 means open.
type period struct {
	start, end int32
}

func (p period) contains(d int32) bool {
	return d >= p.start && (p.end == 0 || d < p.end)
}

// office is one office a person held.
type office struct {
	code   string // state or organisation
	title  string // "president", "foreign minister"
	role   string // "GOV" or "MIL"
	period period
	line   int
}

type person struct {
	id      string
	name    string
	nat     string // nationality: the code used when out of office
	entry   string // provenance: "person:<id>" or "user:<file>:<line>"
	offices []office
}

type actorRec struct {
	Actor
	members map[string][]period // for organisations: member state → spells
	weight  int                 // how many names and persons refer to it (Suggest tie-break)
}

// Dict is a set of actor dictionaries: actors, names, persons, memberships
// and poles. A Dict is safe for concurrent use by Find and the other
// read methods; Add and AddFile must not run concurrently with them.
type Dict struct {
	actors  map[string]*actorRec
	persons map[string]*person
	poles   map[string]Pole
	m       matcher
	holders map[string][]holding // code + "\x00" + office title → who held it, built by finish
	pending []ref                // codes referred to by lines, checked by finish
}

//go:embed data/*.txt
var builtinFS embed.FS

var (
	builtinOnce sync.Once
	builtinDict *Dict
	builtinErr  error
)

// Builtin returns the embedded dictionaries, parsed once per process. The
// result is shared: use [Dict.Clone] before adding a user's files.
func Builtin() (*Dict, error) {
	builtinOnce.Do(func() {
		builtinDict, builtinErr = loadBuiltin()
	})
	return builtinDict, builtinErr
}

func loadBuiltin() (*Dict, error) {
	d := newDict()
	names, err := fs.Glob(builtinFS, "data/*.txt")
	if err != nil {
		return nil, fmt.Errorf("list built-in dictionaries: %w", err)
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := builtinFS.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("read built-in dictionary %s: %w", n, err)
		}
		p := parser{d: d, file: n, builtin: true}
		if err := p.parse(string(b)); err != nil {
			return nil, err
		}
	}
	if err := d.finish(); err != nil {
		return nil, err
	}
	return d, nil
}

// New returns an empty Dict, for analysts who want only their own
// dictionaries; fill it with [Dict.Add] or [Dict.AddFile].
func New() *Dict {
	d := newDict()
	return d
}

func newDict() *Dict {
	return &Dict{
		actors:  make(map[string]*actorRec),
		persons: make(map[string]*person),
		poles:   make(map[string]Pole),
		m:       newMatcher(),
	}
}

// Clone returns a deep copy of d that [Dict.Add] and [Dict.AddFile] may
// extend without changing d.
func (d *Dict) Clone() *Dict {
	c := &Dict{
		actors:  make(map[string]*actorRec, len(d.actors)),
		persons: make(map[string]*person, len(d.persons)),
		poles:   make(map[string]Pole, len(d.poles)),
		m:       d.m.clone(),
	}
	for k, a := range d.actors {
		na := *a
		if a.members != nil {
			na.members = make(map[string][]period, len(a.members))
			for s, ps := range a.members {
				na.members[s] = slices.Clone(ps)
			}
		}
		c.actors[k] = &na
	}
	for k, p := range d.persons {
		np := *p
		np.offices = slices.Clone(p.offices)
		c.persons[k] = &np
	}
	for k, p := range d.poles {
		c.poles[k] = Pole{Name: p.Name, Core: slices.Clone(p.Core)}
	}
	c.indexHolders()
	return c
}

// Actor returns the state or organisation with the given code, or the person
// with the given entry id ("lukashenko-alexander"). The bool is false when
// the code is unknown.
func (d *Dict) Actor(code string) (Actor, bool) {
	if a, ok := d.actors[code]; ok {
		return a.Actor, true
	}
	if p, ok := d.persons[code]; ok {
		return Actor{Code: p.id, Name: p.name, Kind: Person}, true
	}
	return Actor{}, false
}

// Actors returns every state and organisation, sorted by code.
func (d *Dict) Actors() []Actor {
	out := make([]Actor, 0, len(d.actors))
	for _, a := range d.actors {
		out = append(out, a.Actor)
	}
	slices.SortFunc(out, func(a, b Actor) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// dayOf converts a date to a yyyymmdd integer; the zero time gives 0.
func dayOf(t time.Time) int32 {
	if t.IsZero() {
		return 0
	}
	y, m, dd := t.Date()
	return int32(y*10000 + int(m)*100 + dd)
}

// Members returns the ISO3 codes of the states that belonged to org on date,
// sorted. A zero date means today. It returns nil for an unknown org or one
// without member lists.
func (d *Dict) Members(org string, date time.Time) []string {
	a, ok := d.actors[org]
	if !ok || a.members == nil {
		return nil
	}
	day := dayOf(date)
	if day == 0 {
		day = dayOf(time.Now().UTC())
	}
	var out []string
	for s, ps := range a.members {
		for _, p := range ps {
			if p.contains(day) {
				out = append(out, s)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// MemberOf returns the codes of the organisations state belonged to on
// date, sorted. A zero date means today.
func (d *Dict) MemberOf(state string, date time.Time) []string {
	day := dayOf(date)
	if day == 0 {
		day = dayOf(time.Now().UTC())
	}
	var out []string
	for code, a := range d.actors {
		for _, p := range a.members[state] {
			if p.contains(day) {
				out = append(out, code)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// Pole returns the pole with the given name ("RUSSIA", "WEST", "CHINA" are
// built in). The bool is false when no such pole is defined.
func (d *Dict) Pole(name string) (Pole, bool) {
	p, ok := d.poles[name]
	if !ok {
		return Pole{}, false
	}
	return Pole{Name: p.Name, Core: slices.Clone(p.Core)}, true
}

// Poles returns the names of all defined poles, sorted.
func (d *Dict) Poles() []string {
	return slices.Sorted(maps.Keys(d.poles))
}

// PoleMembers returns the pole's core codes plus the member states, on date,
// of every organisation among them: sorted and without duplicates. A zero
// date means today.
func (d *Dict) PoleMembers(p Pole, date time.Time) []string {
	set := make(map[string]struct{}, len(p.Core)*8)
	for _, c := range p.Core {
		set[c] = struct{}{}
		for _, m := range d.Members(c, date) {
			set[m] = struct{}{}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// Suggest returns the known actor code or pole name closest to code, for a
// "did you mean" hint ("BLS" → "BLR"), or "" when nothing is close. A
// name the dictionaries know ("belarus", "Byelorussia") suggests its code. Ties go to the
// actor the dictionaries say most about.
func (d *Dict) Suggest(code string) string {
	q := strings.ToUpper(strings.TrimSpace(code))
	if q == "" {
		return ""
	}
	if _, ok := d.actors[q]; ok {
		return q
	}
	if _, ok := d.poles[q]; ok {
		return q
	}
	for _, a := range d.actors {
		if strings.EqualFold(a.Name, code) {
			return a.Code
		}
	}
	for i := range d.m.pats {
		if p := &d.m.pats[i]; p.class == tActor && strings.EqualFold(p.text, strings.TrimSpace(code)) {
			return p.code
		}
	}
	limit := 1
	if len([]rune(q)) >= 5 {
		limit = 2
	}
	best, bestDist, bestWeight := "", limit+1, -1
	consider := func(c string, w int) {
		dist := editDistance(q, c)
		if dist < bestDist || (dist == bestDist && (w > bestWeight || (w == bestWeight && c < best))) {
			best, bestDist, bestWeight = c, dist, w
		}
	}
	for c, a := range d.actors {
		consider(c, a.weight)
	}
	for c := range d.poles {
		consider(c, 1<<20) // poles are few and what users most often mean
	}
	if bestDist > limit {
		return ""
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b
// (Levenshtein plus adjacent transpositions), over runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// holding is one spell of one person in an office.
type holding struct {
	p      *person
	period period
}

// indexHolders rebuilds the office → holders index from d's persons.
func (d *Dict) indexHolders() {
	d.holders = make(map[string][]holding)
	for _, pr := range d.persons {
		for _, o := range pr.offices {
			k := o.code + "\x00" + o.title
			d.holders[k] = append(d.holders[k], holding{p: pr, period: o.period})
		}
	}
}

// holder returns the person who held office (a title such as "foreign
// minister") of code on day, or the latest holder for a zero day; nil when
// the dictionaries know of none.
func (d *Dict) holder(code, office string, day int32) *person {
	var best *person
	var bestStart int32 = -1
	for _, h := range d.holders[code+"\x00"+office] {
		if day == 0 {
			if h.period.start > bestStart {
				best, bestStart = h.p, h.period.start
			}
			continue
		}
		if h.period.contains(day) && h.period.start > bestStart {
			best, bestStart = h.p, h.period.start
		}
	}
	return best
}

// officeAt returns the office p held on day (0: the most recent office), or
// false when p held none of the listed offices then.
func (p *person) officeAt(day int32) (office, bool) {
	var best office
	found := false
	for _, o := range p.offices {
		if day == 0 {
			if !found || o.period.start > best.period.start {
				best, found = o, true
			}
			continue
		}
		if o.period.contains(day) && (!found || rank(o.title) < rank(best.title) ||
			(rank(o.title) == rank(best.title) && o.period.start > best.period.start)) {
			best, found = o, true
		}
	}
	return best, found
}

// rank orders offices when a person held two at once (a president who is
// also party chairman): the lower rank is reported.
func rank(title string) int {
	switch title {
	case "president", "monarch", "secretary general", "commission president", "council president":
		return 0
	case "prime minister", "chancellor", "premier", "vice president":
		return 1
	case "foreign minister", "high representative":
		return 2
	case "defence minister":
		return 3
	}
	return 4
}
