package ties

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// AddMemberList adds full memberships of org for the years from..to
// (inclusive) from a dated member list such as the actors file's
// (members(date) returns the member states on a date). A state counts as
// a member in a year when it is a member on 1 January or on 31 December
// of that year, so the year of joining and the year of leaving both count
// (a membership that begins and ends between those two days is missed).
// Consecutive years become one spell ending in to, or earlier when the
// state left. Like [Data.AddMembership], this stops carry-forward of the
// COW spells of org.
func (d *Data) AddMemberList(org string, from, to int, members func(date time.Time) []string) error {
	org = strings.TrimSpace(org)
	if org == "" || from <= 0 || to < from {
		return fmt.Errorf("add member list %q: bad organisation or years %d–%d", org, from, to)
	}
	if members == nil {
		return fmt.Errorf("add member list %s: no member function", org)
	}
	years := map[string][]int{}
	for y := from; y <= to; y++ {
		seen := map[string]bool{}
		for _, day := range []time.Time{
			time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
			time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC),
		} {
			for _, s := range members(day) {
				if s = strings.TrimSpace(s); s != "" && !seen[s] {
					seen[s] = true
					years[s] = append(years[s], y)
				}
			}
		}
	}
	states := make([]string, 0, len(years))
	for s := range years {
		states = append(states, s)
	}
	slices.Sort(states)
	for _, s := range states {
		ys := years[s]
		start := ys[0]
		for i := 1; i <= len(ys); i++ {
			if i < len(ys) && ys[i] == ys[i-1]+1 {
				continue
			}
			if err := d.AddMembership(s, org, start, ys[i-1], Full); err != nil {
				return fmt.Errorf("add member list %s: %w", org, err)
			}
			if i < len(ys) {
				start = ys[i]
			}
		}
	}
	return nil
}

// PoleOf builds a [Pole] from a pole's core codes as the actors file lists
// them (states and organisations mixed: "RUS", "CSTO", "EAEU", "CIS"):
// codes of states known to the COW list go to States, codes of
// organisations known to COW IGO, to [Predecessors] or to added spells go
// to Orgs, and the rest (such as WEST, an actor without members) are
// returned as unknown, for the caller to report.
func (d *Data) PoleOf(name string, core []string) (p Pole, unknown []string) {
	p.Name = name
	for _, c := range core {
		switch {
		case d.isOrg(c):
			p.Orgs = append(p.Orgs, c)
		case d.isState(c):
			p.States = append(p.States, c)
		default:
			unknown = append(unknown, c)
		}
	}
	return p, unknown
}

func (d *Data) isOrg(code string) bool {
	if _, ok := d.b.orgs[code]; ok {
		return true
	}
	if _, ok := Predecessors[code]; ok {
		return true
	}
	return len(d.added[code]) > 0
}

func (d *Data) isState(code string) bool {
	if _, ok := d.b.byCode[code]; ok {
		return true
	}
	if _, ok := isoAliases[code]; ok {
		return true
	}
	return len(d.addedBy[code]) > 0 || len(d.alliances[code]) > 0
}
