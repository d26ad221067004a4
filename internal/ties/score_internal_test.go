package ties

import (
	"errors"
	"math"
	"slices"
	"testing"
)

// synthetic builds a small world, worked by hand in TestScoreHandWorked:
//
//	states 1 AAA, 2 BBB, 3 CCC, 4 DDD, 5 FFF (the focal state)
//	alliances in 2000: FFF–AAA defense+consultation, FFF–BBB consultation,
//	                   FFF–DDD non-aggression (DDD is not in the pole)
//	ORG1 (1990–): AAA, BBB, CCC full; FFF associate (1995–2000)
//	ORG2 (1990–): BBB full; FFF not a member
//	ORG3 (2005–): not yet founded in 2000
func synthetic() *Data {
	states := []StateSpell{
		{CCode: 1, ISO3: "AAA", From: 1900, To: 2016},
		{CCode: 2, ISO3: "BBB", From: 1900, To: 2016},
		{CCode: 3, ISO3: "CCC", From: 1900, To: 2016},
		{CCode: 4, ISO3: "DDD", From: 1900, To: 2016},
		{CCode: 5, ISO3: "FFF", From: 1900, To: 2016},
	}
	ndy := []DyadYear{
		{A: 1, B: 5, Year: 2000, Obl: Defense | Consultation},
		{A: 2, B: 5, Year: 2000, Obl: Consultation},
		{A: 4, B: 5, Year: 2000, Obl: NonAggression},
	}
	igos := []IGO{
		{IOName: "ORG1", Start: 1990, LastYear: 2014},
		{IOName: "ORG2", Start: 1990, LastYear: 2014},
		{IOName: "ORG3", Start: 2005, LastYear: 2014},
	}
	spells := []Spell{
		{CCode: 1, IOName: "ORG1", Status: Full, From: 1990, To: 2014},
		{CCode: 2, IOName: "ORG1", Status: Full, From: 1990, To: 2014},
		{CCode: 3, IOName: "ORG1", Status: Full, From: 1990, To: 2014},
		{CCode: 5, IOName: "ORG1", Status: Associate, From: 1995, To: 2000},
		{CCode: 2, IOName: "ORG2", Status: Full, From: 1990, To: 2014},
		{CCode: 5, IOName: "ORG3", Status: Full, From: 2005, To: 2014},
	}
	return &Data{CarryForward: true, b: build(states, ndy, nil, igos, spells),
		added: map[string][]memberSpell{}, addedBy: map[string][]memberSpell{}, alliances: map[string][]allianceSpell{}}
}

func TestScoreHandWorked(t *testing.T) {
	d := synthetic()
	tests := []struct {
		name       string
		pole       Pole
		year       int
		a, m, s, v float64
		hasA, hasM bool
		evidence   int
	}{
		{
			// S={AAA}: a=1 (defense). R={BBB,CCC}: (0.25+0)/2 = 0.125.
			// A = (1+0.125)/2 = 0.5625. M: ORG1 associate 0.5, ORG2 0,
			// ORG3 not founded (left out) → 0.25. s = 0.40625, v = −0.1875.
			name: "anchors, members and orgs", year: 2000,
			pole: Pole{Name: "P", States: []string{"AAA"}, Orgs: []string{"ORG1", "ORG2", "ORG3"}},
			a:    0.5625, m: 0.25, s: 0.40625, v: -0.1875, hasA: true, hasM: true, evidence: 3,
		},
		{
			// No orgs: s = A = mean over {AAA, DDD} = (1 + 0.5)/2.
			name: "states only", year: 2000,
			pole: Pole{Name: "Q", States: []string{"AAA", "DDD"}},
			a:    0.75, s: 0.75, v: 0.5, hasA: true, evidence: 2,
		},
		{
			// Orgs only: R = {AAA,BBB,CCC}: (1+0.25+0)/3; M = 0.5.
			name: "orgs only", year: 2000,
			pole: Pole{Name: "R", Orgs: []string{"ORG1"}},
			a:    1.25 / 3, m: 0.5, s: (1.25/3 + 0.5) / 2, v: 1.25/3 + 0.5 - 1, hasA: true, hasM: true, evidence: 3,
		},
		{
			// 2001: no alliances; FFF's ORG1 spell ended in 2000.
			name: "nothing binds", year: 2001,
			pole: Pole{Name: "P", States: []string{"AAA"}, Orgs: []string{"ORG1"}},
			a:    0, m: 0, s: 0, v: -1, hasA: true, hasM: true,
		},
		{
			name: "focal is an anchor", year: 2000,
			pole: Pole{Name: "F", States: []string{"FFF"}, Orgs: []string{"ORG2"}},
			s:    1, v: 1,
		},
		{
			// 2010: ORG3 founded, FFF full member → M = 1; AAA not allied → A = 0.
			name: "later org", year: 2010,
			pole: Pole{Name: "P", States: []string{"AAA"}, Orgs: []string{"ORG3"}},
			a:    0, m: 1, s: 0.5, v: 0, hasA: true, hasM: true, evidence: 1,
		},
	}
	const eps = 1e-12
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := d.Score("FFF", tc.pole, tc.year)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got.Alliance-tc.a) > eps || math.Abs(got.Membership-tc.m) > eps ||
				math.Abs(got.Share-tc.s) > eps || math.Abs(got.Value-tc.v) > eps {
				t.Errorf("got A=%v M=%v s=%v v=%v, want A=%v M=%v s=%v v=%v",
					got.Alliance, got.Membership, got.Share, got.Value, tc.a, tc.m, tc.s, tc.v)
			}
			if got.HasAlliance != tc.hasA || got.HasMembership != tc.hasM {
				t.Errorf("has A/M = %v/%v, want %v/%v", got.HasAlliance, got.HasMembership, tc.hasA, tc.hasM)
			}
			if len(got.Evidence) != tc.evidence {
				t.Errorf("evidence %d items, want %d: %+v", len(got.Evidence), tc.evidence, got.Evidence)
			}
			if tc.name == "anchors, members and orgs" &&
				(!slices.Equal(got.PoleStates, []string{"AAA", "BBB", "CCC"}) || !slices.Equal(got.PoleOrgs, []string{"ORG1", "ORG2"})) {
				t.Errorf("pole as used: states %v orgs %v", got.PoleStates, got.PoleOrgs)
			}
			for _, e := range got.Evidence {
				if e.ID == "" || e.Text == "" || e.Weight <= 0 {
					t.Errorf("incomplete evidence %+v", e)
				}
			}
		})
	}
}

func TestScoreNoData(t *testing.T) {
	d := synthetic()
	if _, err := d.Score("ZZZ", Pole{Name: "P", States: []string{"AAA"}}, 2000); !errors.Is(err, ErrUnknown) {
		t.Errorf("unknown state: %v", err)
	}
	s, err := d.Score("FFF", Pole{Name: "P", States: []string{"AAA"}}, 1850)
	if err != nil || len(s.Notes) != 1 || s.Notes[0] != "FFF was not a state in the COW state system in 1850" {
		t.Errorf("before the state existed: %v %v", s.Notes, err)
	}
	if _, err := d.Score("FFF", Pole{Name: "E", Orgs: []string{"ORG3"}}, 2000); err == nil {
		t.Error("pole with only an org that did not exist: want error")
	}
}

func TestStrength(t *testing.T) {
	tests := []struct {
		o    Obligations
		want float64
	}{
		{0, 0},
		{Consultation, 0.25},
		{NonAggression | Consultation, 0.5},
		{Neutrality, 0.5},
		{Offense | Consultation, 0.75},
		{Defense | Offense | Neutrality | NonAggression | Consultation, 1},
	}
	for _, tc := range tests {
		if got := Strength(tc.o); got != tc.want {
			t.Errorf("Strength(%s) = %v, want %v", tc.o, got, tc.want)
		}
	}
}

// BenchmarkLoad measures parsing and indexing the embedded data, which
// New does once per process.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadBase(); err != nil {
			b.Fatal(err)
		}
	}
}
