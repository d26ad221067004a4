package ties_test

import (
	"slices"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

func TestAddMemberList(t *testing.T) {
	d := newData(t)
	// A dated list like the actors file's: EAEU from 1 January 2015, Armenia
	// from 2 January 2015, Kyrgyzstan from 12 August 2015; a made-up member
	// that left on 30 June 2017.
	day := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
	members := func(date time.Time) []string {
		out := []string{"BLR", "KAZ", "RUS"}
		if !date.Before(day(2015, 1, 2)) {
			out = append(out, "ARM")
		}
		if !date.Before(day(2015, 8, 12)) {
			out = append(out, "KGZ")
		}
		if date.Before(day(2017, 6, 30)) {
			out = append(out, "XYZ")
		}
		return out
	}
	if err := d.AddMemberList("EAEU", 2015, 2020, members); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		state string
		year  int
		want  bool
	}{
		{"BLR", 2015, true}, {"BLR", 2020, true}, {"BLR", 2021, false},
		{"ARM", 2015, true}, {"KGZ", 2015, true}, // the year of joining counts
		{"XYZ", 2017, true}, {"XYZ", 2018, false}, // the year of leaving counts
		{"TJK", 2016, false},
	}
	for _, tc := range tests {
		_, got := d.MembershipOf(tc.state, "EAEU", tc.year)
		if got != tc.want {
			t.Errorf("%s in EAEU %d = %v, want %v", tc.state, tc.year, got, tc.want)
		}
	}
	// Before 2015 the EAEC (COW) still counts as the EAEU's predecessor.
	if m, ok := d.MembershipOf("TJK", "EAEU", 2010); !ok || m.Org != "EAEC" {
		t.Errorf("TJK EAEU 2010 = %+v, %v", m, ok)
	}
	s, err := d.Score("BLR", russia, 2016)
	if err != nil {
		t.Fatal(err)
	}
	if s.Orgs != 3 || s.Membership != 1 {
		t.Errorf("BLR 2016 with EAEU list: orgs %d membership %v, want 3 and 1 (notes %v)", s.Orgs, s.Membership, s.Notes)
	}
	if err := d.AddMemberList("EAEU", 2020, 2015, members); err == nil {
		t.Error("reversed years: no error")
	}
	if err := d.AddMemberList("EAEU", 2015, 2016, nil); err == nil {
		t.Error("nil function: no error")
	}
}

func TestPoleOf(t *testing.T) {
	d := newData(t)
	tests := []struct {
		core            []string
		states, orgs, u []string
	}{
		{[]string{"RUS", "CSTO", "EAEU", "CIS", "UNIONSTATE"}, []string{"RUS"}, []string{"CSTO", "EAEU", "CIS"}, []string{"UNIONSTATE"}},
		{[]string{"USA", "EU", "NATO", "G7", "WEST"}, []string{"USA"}, []string{"EU", "NATO"}, []string{"G7", "WEST"}},
		{[]string{"CHN", "SCO"}, []string{"CHN"}, []string{"SCO"}, nil},
	}
	for _, tc := range tests {
		p, unknown := d.PoleOf("P", tc.core)
		if !slices.Equal(p.States, tc.states) || !slices.Equal(p.Orgs, tc.orgs) || !slices.Equal(unknown, tc.u) {
			t.Errorf("PoleOf(%v) = %v %v unknown %v; want %v %v %v", tc.core, p.States, p.Orgs, unknown, tc.states, tc.orgs, tc.u)
		}
	}
	if err := d.AddMembership("BLR", "UNIONSTATE", 1999, 0, ties.Full); err != nil {
		t.Fatal(err)
	}
	if p, unknown := d.PoleOf("RUSSIA", []string{"RUS", "UNIONSTATE"}); len(unknown) != 0 || !slices.Equal(p.Orgs, []string{"UNIONSTATE"}) {
		t.Errorf("after adding UNIONSTATE spells: %+v unknown %v", p, unknown)
	}
}
