package votes

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Ref is a reference vote: a named state's vote, or a pole's — the vote
// cast by the plurality of the pole's member states present (a strict
// plurality among their Y, A and N votes; a tie leaves the roll call
// without a reference vote). The focal state is never counted in its own
// reference; members that are not in the vote data cast no votes and are
// ignored (check them with [Data.Known]).
type Ref struct {
	// Name labels the reference in outputs ("RUS", "WEST").
	Name    string
	state   string
	members func(date time.Time) []string
}

// StateRef is the vote of state iso3.
func StateRef(iso3 string) Ref {
	c := strings.ToUpper(strings.TrimSpace(iso3))
	return Ref{Name: c, state: c}
}

// PoleRef is the majority vote of a pole whose member states on a date are
// given by members (such as actors.PoleMembers bound to a pole). members is
// called once per distinct vote date and must be safe to call then.
func PoleRef(name string, members func(date time.Time) []string) Ref {
	return Ref{Name: name, members: members}
}

// GroupRef is the majority vote of a fixed list of states.
func GroupRef(name string, members ...string) Ref {
	ms := slices.Clone(members)
	return Ref{Name: name, members: func(time.Time) []string { return ms }}
}

// IsPole reports whether r is a majority vote of several states.
func (r Ref) IsPole() bool { return r.members != nil }

// resolved is a Ref bound to the data for one focal state.
type resolved struct {
	col   int // state column, or -1 for a pole
	focal int
	d     *Data
	fn    func(time.Time) []string
	cache map[time.Time][]int
}

func (d *Data) resolve(r Ref, focal int) (*resolved, error) {
	if r.members != nil {
		return &resolved{col: -1, focal: focal, d: d, fn: r.members, cache: map[time.Time][]int{}}, nil
	}
	if r.state == "" {
		return nil, fmt.Errorf("%w: empty reference", ErrOptions)
	}
	c, err := d.state(r.state)
	if err != nil {
		return nil, err
	}
	return &resolved{col: c, focal: focal, d: d}, nil
}

// seatAlias maps a state code that has no column of its own to the code
// its seat is recorded under on every date: Serbia's seat is YUG throughout
// (Yugoslavia, Serbia and Montenegro, Serbia).
var seatAlias = map[string]string{"SRB": "YUG"}

// memberAlias maps a member code of the actors world to its vote-data code
// on a date: Serbia votes as YUG (see [seatAlias]), West Germany before
// unification as GFR, North Yemen before unification as YAR.
func memberAlias(code string, date time.Time) string {
	if a, ok := seatAlias[code]; ok {
		return a
	}
	switch code {
	case "DEU":
		if date.Before(time.Date(1990, 10, 3, 0, 0, 0, 0, time.UTC)) {
			return "GFR"
		}
	case "YEM":
		if date.Before(time.Date(1990, 5, 22, 0, 0, 0, 0, time.UTC)) {
			return "YAR"
		}
	}
	return code
}

// vote returns the reference vote on roll call i and the Y/A/N counts
// behind it.
func (rs *resolved) vote(i int) (Vote, [3]int) {
	nc := len(rs.d.countries)
	row := rs.d.votes[i*nc : (i+1)*nc]
	var counts [3]int
	if rs.col >= 0 {
		v := row[rs.col]
		if v != Absent {
			counts[v-1] = 1
		}
		return v, counts
	}
	date := rs.d.rolls[i].Date
	cols, ok := rs.cache[date]
	if !ok {
		for _, m := range rs.fn(date) {
			c, ok := rs.d.index[memberAlias(strings.ToUpper(strings.TrimSpace(m)), date)]
			if ok && c != rs.focal && !slices.Contains(cols, c) {
				cols = append(cols, c)
			}
		}
		rs.cache[date] = cols
	}
	for _, c := range cols {
		if v := row[c]; v != Absent {
			counts[v-1]++
		}
	}
	best, bestN, tie := Absent, 0, false
	for k, n := range counts {
		switch {
		case n > bestN:
			best, bestN, tie = Vote(k+1), n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if tie {
		return Absent, counts
	}
	return best, counts
}

// Agreement is the joint-vote table of a state and a reference in one time
// bucket; its embedded [Table] gives every measure.
type Agreement struct {
	Bucket string // "1992", session "47", or period "1992-1996"
	// Start and End bound the bucket (inclusive): years, or sessions when
	// bucketing by session.
	Start, End int
	// First and Last are the dates of the first and last joint vote.
	First, Last time.Time
	Table
}

// Measures are every agreement measure of a [Table]; NaN marks an
// undefined value and is written as null in JSON.
type Measures struct {
	N          int     `json:"n"`
	Same       int     `json:"n_identical"`
	Identical  float64 `json:"identical"`
	HalfCredit float64 `json:"half_credit"`
	StateDept  float64 `json:"state_dept"`
	S          float64 `json:"s_abs"`
	SSquared   float64 `json:"s_sq"`
	// Weight is the distance used for Kappa and Pi.
	Weight Weight  `json:"-"`
	Kappa  float64 `json:"kappa"`
	Pi     float64 `json:"pi"`
}

// Measures computes every measure of t, with κ and π under weight w.
func (t Table) Measures(w Weight) Measures {
	return Measures{N: t.N(), Same: t.Same(), Identical: t.Identical(), HalfCredit: t.HalfCredit(),
		StateDept: t.StateDept(), S: t.S(Linear), SSquared: t.S(Quadratic),
		Weight: w, Kappa: t.Kappa(w), Pi: t.Pi(w)}
}

// MarshalJSON writes NaN as null and adds the weight's name.
func (m Measures) MarshalJSON() ([]byte, error) {
	num := func(x float64) *float64 {
		if math.IsNaN(x) {
			return nil
		}
		return &x
	}
	return json.Marshal(struct {
		N          int      `json:"n"`
		Same       int      `json:"n_identical"`
		Identical  *float64 `json:"identical"`
		HalfCredit *float64 `json:"half_credit"`
		StateDept  *float64 `json:"state_dept"`
		S          *float64 `json:"s_abs"`
		SSquared   *float64 `json:"s_sq"`
		Weight     string   `json:"weight"`
		Kappa      *float64 `json:"kappa"`
		Pi         *float64 `json:"pi"`
	}{m.N, m.Same, num(m.Identical), num(m.HalfCredit), num(m.StateDept), num(m.S), num(m.SSquared),
		m.Weight.String(), num(m.Kappa), num(m.Pi)})
}

// Pair compares states a and b: [Data.Versus] with [StateRef](b).
func (d *Data) Pair(a, b string, opt Options) ([]Agreement, error) {
	return d.Versus(a, StateRef(b), opt)
}

// Versus returns the joint-vote tables of state and ref per time bucket,
// in time order. Buckets without joint votes are left out, so an empty
// result means no data in the period. Errors: [*UnknownStateError] for an
// unknown state, [ErrOptions] for invalid options.
func (d *Data) Versus(state string, ref Ref, opt Options) ([]Agreement, error) {
	acc := newByBucket(func(a *Agreement) span { return span{&a.Bucket, &a.Start, &a.End, &a.First, &a.Last} })
	err := d.joint(state, ref, opt, func(i int, key int, v, rv Vote, _ [3]int) {
		acc.add(key, d.rolls[i].Date).Table.Add(v, rv)
	})
	if err != nil {
		return nil, err
	}
	return acc.done(opt, d.lastYear()), nil
}

// JointVote is one roll call on which a state and a reference both voted:
// the evidence behind an [Agreement].
type JointVote struct {
	RollCall *RollCall // points into the shared data: do not modify
	Bucket   string
	Vote     Vote // the state's vote
	Ref      Vote // the reference vote
	// RefCounts are the Y, A, N votes behind Ref: the members' votes for a
	// pole, a single 1 for a state.
	RefCounts [3]int
}

// Agree reports whether the state cast the reference vote.
func (j JointVote) Agree() bool { return j.Vote == j.Ref }

// JointVotes lists the roll calls behind [Data.Versus], in date order (then
// RCID), so that reports can cite which votes a state cast with or against
// a reference.
func (d *Data) JointVotes(state string, ref Ref, opt Options) ([]JointVote, error) {
	var out []JointVote
	last := d.lastYear()
	err := d.joint(state, ref, opt, func(i int, key int, v, rv Vote, counts [3]int) {
		label, _, _ := opt.bucketSpan(key, last)
		out = append(out, JointVote{RollCall: &d.rolls[i], Bucket: label, Vote: v, Ref: rv, RefCounts: counts})
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b JointVote) int { return a.RollCall.Date.Compare(b.RollCall.Date) })
	return out, nil
}

// joint calls fn for every roll call that passes opt on which state and
// ref both have a vote, in RCID order.
func (d *Data) joint(state string, ref Ref, opt Options, fn func(i, key int, v, rv Vote, counts [3]int)) error {
	s, err := d.voter(state, opt)
	if err != nil {
		return err
	}
	rs, err := d.resolve(ref, s)
	if err != nil {
		return err
	}
	d.each(s, opt, func(i int, r *RollCall, v Vote) {
		if rv, counts := rs.vote(i); rv != Absent {
			fn(i, opt.bucketKey(r), v, rv, counts)
		}
	})
	return nil
}

// voter checks opt and returns the index of state, for [Data.each].
func (d *Data) voter(state string, opt Options) (int, error) {
	if err := opt.validate(d); err != nil {
		return 0, err
	}
	return d.state(state)
}

// each calls fn for every roll call that passes opt on which the state of
// index s voted, in RCID order.
func (d *Data) each(s int, opt Options, fn func(i int, r *RollCall, v Vote)) {
	nc := len(d.countries)
	for i := range d.rolls {
		r := &d.rolls[i]
		if v := d.votes[i*nc+s]; v != Absent && opt.use(r) {
			fn(i, r, v)
		}
	}
}

// lastYear is the calendar year of the last roll call.
func (d *Data) lastYear() int { return d.last }
