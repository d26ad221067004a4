package actors

import (
	"fmt"
	"slices"
	"testing"
)

// TestOfficesDoNotOverlap checks the built-in office-holder data: no two
// persons hold the same single-holder office of the same state or
// organisation on the same day, and nobody holds an office that ends
// before it starts.
func TestOfficesDoNotOverlap(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	type spell struct {
		who string
		p   period
	}
	single := map[string]bool{
		"president": true, "prime minister": true, "chancellor": true, "foreign minister": true,
		"defence minister": true, "secretary general": true, "commission president": true,
		"council president": true, "high representative": true, "monarch": true,
		"eurasian economic commission chairman": true, "head of state": true,
	}
	byOffice := map[string][]spell{}
	for _, pr := range d.persons {
		for _, o := range pr.offices {
			if o.period.end != 0 && o.period.end <= o.period.start {
				t.Errorf("%s: office %s %s ends before it starts", pr.id, o.code, o.title)
			}
			if single[o.title] {
				k := o.code + " " + o.title
				byOffice[k] = append(byOffice[k], spell{pr.id, o.period})
			}
		}
	}
	for k, ss := range byOffice {
		slices.SortFunc(ss, func(a, b spell) int { return int(a.p.start - b.p.start) })
		for i := 1; i < len(ss); i++ {
			prev, cur := ss[i-1], ss[i]
			if prev.p.end == 0 || cur.p.start < prev.p.end {
				t.Errorf("%s: %s %v overlaps %s %v", k, prev.who, fmtPeriod(prev.p), cur.who, fmtPeriod(cur.p))
			}
		}
	}
}

func fmtPeriod(p period) string {
	if p.end == 0 {
		return fmt.Sprintf("[%d, -)", p.start)
	}
	return fmt.Sprintf("[%d, %d)", p.start, p.end)
}

// TestMemberSpellsDoNotOverlap checks that each state's membership spells
// of an organisation are ordered and disjoint.
func TestMemberSpellsDoNotOverlap(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for code, a := range d.actors {
		for state, ps := range a.members {
			for i := 1; i < len(ps); i++ {
				if ps[i-1].end == 0 || ps[i].start < ps[i-1].end {
					t.Errorf("%s member %s: spell %s overlaps or precedes %s", code, state, fmtPeriod(ps[i]), fmtPeriod(ps[i-1]))
				}
			}
		}
	}
}
