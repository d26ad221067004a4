package votes

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/suggest"
)

// Vote is one state's vote on one roll call.
type Vote uint8

// Votes. Absent covers absence and non-membership (Voeten codes 8 and 9),
// which are not in the data.
const (
	Absent  Vote = 0
	Yes     Vote = 1
	Abstain Vote = 2
	No      Vote = 3
)

// String returns "Y", "A", "N" or "-" for Absent.
func (v Vote) String() string {
	switch v {
	case Yes:
		return "Y"
	case Abstain:
		return "A"
	case No:
		return "N"
	}
	return "-"
}

// Country is one voting entity of the data, with the summary figures of
// the source's countries.csv.
type Country struct {
	ISO3 string // ISO 3166-1 alpha-3, or ISO 3166-3 / COW code (CSK, DDR, GFR, YAR, YMD, YUG, ZAN, TWN)
	ISO2 string // ISO2 code of the source; empty for GFR, YAR, ZAN; Namibia is the literal "NA"
	Name string // name as in the source
	// FirstVote and LastVote are the dates of its first and last recorded vote.
	FirstVote, LastVote time.Time
	// NVotes counts its recorded votes; NYes, NAbstain, NNo by kind.
	NVotes, NYes, NAbstain, NNo int
}

// RollCall is one recorded UNGA vote.
type RollCall struct {
	RCID    int       // Voeten's roll-call id (> 9000: emergency special sessions)
	Session int       // UNGA session (session + 1945 is the year it opens)
	Date    time.Time // vote date (early sessions: often only accurate to the month)
	Year    int       // calendar year of Date
	// Resolution is the resolution code (unres), e.g. "R/1/66".
	Resolution string
	// Important, Amend and Para are 1 (yes), 0 (no) or -1 (not coded):
	// on the US State Department's important-votes list (from session 39),
	// an amendment vote, a paragraph vote. Amend and Para are coded
	// systematically only until 1985.
	Important, Amend, Para int8
	Short                  string   // short title
	Descr                  string   // description
	Issues                 []string // issue codes: me, nu, di, hr, co, ec (see [Data.IssueName])
	// Unanimous is true when every state that voted cast the same vote.
	Unanimous bool
}

// Data is the vote data set and the ideal points. It is read-only after
// [Load] or [ReadShared] and safe for concurrent use.
type Data struct {
	countries []Country // in source order (sorted by ISO3)
	index     map[string]int
	rolls     []RollCall       // in source order (by RCID)
	byRCID    map[int]int      // RCID → index in rolls
	votes     []Vote           // votes[r*len(countries)+c]
	issues    []issue          // issue code → name, in first-seen order
	ideal     []IdealPoint     // in source order
	idealBy   map[string][]int // vote-data state code → indices into ideal
	last      int              // calendar year of the last roll call
}

type issue struct{ code, name string }

// ErrUnknownState is matched (with errors.Is) by every [*UnknownStateError].
var ErrUnknownState = errors.New("unknown state")

// UnknownStateError reports a state code that is not in the vote data, with
// the nearest known code when one is close.
type UnknownStateError struct {
	Code       string
	Suggestion string // nearest known code, or ""
}

// Error names the code and the suggestion.
func (e *UnknownStateError) Error() string {
	if e.Suggestion != "" {
		return fmt.Sprintf("unknown state %q in the UN vote data (did you mean %s?)", e.Code, e.Suggestion)
	}
	return fmt.Sprintf("unknown state %q in the UN vote data", e.Code)
}

// Is reports whether target is [ErrUnknownState].
func (e *UnknownStateError) Is(target error) bool { return target == ErrUnknownState }

//go:embed data/unga.bin.gz
var embedded []byte

var loadOnce = sync.OnceValues(func() (*Data, error) {
	d, err := decodeGzip(embedded)
	if err != nil {
		return nil, fmt.Errorf("embedded vote data: %w", err)
	}
	return d, nil
})

// Load returns the embedded data set, decoding it on first use; later calls
// return the same *Data.
func Load() (*Data, error) { return loadOnce() }

// States returns the ISO3 codes of every voting entity, sorted.
func (d *Data) States() []string {
	out := make([]string, len(d.countries))
	for i, c := range d.countries {
		out[i] = c.ISO3
	}
	sort.Strings(out)
	return out
}

// Known reports whether iso3 (upper case) is a voting entity of the data.
func (d *Data) Known(iso3 string) bool {
	_, err := d.state(iso3)
	return err == nil
}

// Country returns the entity with code iso3, or an [*UnknownStateError].
func (d *Data) Country(iso3 string) (Country, error) {
	i, err := d.state(iso3)
	if err != nil {
		return Country{}, err
	}
	return d.countries[i], nil
}

// Countries returns every voting entity in ISO3 order.
func (d *Data) Countries() []Country { return slices.Clone(d.countries) }

// RollCalls returns every roll call in RCID order. The slice is shared:
// callers must not modify it.
func (d *Data) RollCalls() []RollCall { return d.rolls }

// RollCall returns the roll call with id rcid.
func (d *Data) RollCall(rcid int) (RollCall, bool) {
	i, ok := d.byRCID[rcid]
	if !ok {
		return RollCall{}, false
	}
	return d.rolls[i], true
}

// Vote returns iso3's vote on roll call rcid (Absent when it cast none or
// either code is unknown).
func (d *Data) Vote(rcid int, iso3 string) Vote {
	r, ok := d.byRCID[rcid]
	c, ok2 := d.index[iso3]
	if !ok || !ok2 {
		return Absent
	}
	return d.votes[r*len(d.countries)+c]
}

// IssueName returns the long name of an issue code ("hr" → "Human rights"),
// or "" when unknown.
func (d *Data) IssueName(code string) string {
	for _, is := range d.issues {
		if is.code == code {
			return is.name
		}
	}
	return ""
}

// Issues returns the issue codes in the data.
func (d *Data) Issues() []string {
	out := make([]string, len(d.issues))
	for i, is := range d.issues {
		out[i] = is.code
	}
	return out
}

// state resolves a state code (case-insensitive) to its column.
func (d *Data) state(code string) (int, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if i, ok := d.index[code]; ok {
		return i, nil
	}
	if a, ok := seatAlias[code]; ok {
		if i, ok := d.index[a]; ok {
			return i, nil
		}
	}
	return -1, &UnknownStateError{Code: code, Suggestion: d.suggest(code)}
}

// suggest returns the known code nearest to code: at most one edit away
// (or whose name is code), then sharing the longest prefix, then with the
// most recorded votes ("BLS" → BLR rather than BHS or BLZ).
func (d *Data) suggest(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	best, bestD, bestP, bestN := "", 2, -1, -1
	for _, c := range d.countries {
		dist := suggest.Distance(code, c.ISO3)
		if strings.EqualFold(c.Name, code) {
			dist = 0
		}
		if dist > 1 {
			continue
		}
		p := 0
		for p < len(code) && p < len(c.ISO3) && code[p] == c.ISO3[p] {
			p++
		}
		if dist < bestD || (dist == bestD && (p > bestP || (p == bestP && c.NVotes > bestN))) {
			best, bestD, bestP, bestN = c.ISO3, dist, p, c.NVotes
		}
	}
	return best
}

// finish builds the indexes and derived fields after the tables are filled.
func (d *Data) finish() {
	nc := len(d.countries)
	d.index = make(map[string]int, nc)
	for i, c := range d.countries {
		d.index[c.ISO3] = i
	}
	d.byRCID = make(map[int]int, len(d.rolls))
	for i := range d.rolls {
		r := &d.rolls[i]
		d.byRCID[r.RCID] = i
		d.last = max(d.last, r.Year)
		var seen Vote
		r.Unanimous = true
		for _, v := range d.votes[i*nc : (i+1)*nc] {
			if v == Absent {
				continue
			}
			if seen == Absent {
				seen = v
			} else if v != seen {
				r.Unanimous = false
				break
			}
		}
	}
	d.idealBy = make(map[string][]int)
	for i, p := range d.ideal {
		d.idealBy[p.State] = append(d.idealBy[p.State], i)
	}
}
