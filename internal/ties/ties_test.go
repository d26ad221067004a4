package ties_test

import (
	"slices"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

func newData(t testing.TB) *ties.Data {
	t.Helper()
	d, err := ties.New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return d
}

var (
	russia = ties.Pole{Name: "RUSSIA", States: []string{"RUS"}, Orgs: []string{"CSTO", "EAEU", "CIS"}}
	west   = ties.Pole{Name: "WEST", States: []string{"USA"}, Orgs: []string{"EU", "NATO"}}
)

func TestISO3(t *testing.T) {
	d := newData(t)
	tests := []struct {
		ccode int
		want  string
		ok    bool
	}{
		{365, "RUS", true},
		{370, "BLR", true},
		{705, "KAZ", true},
		{2, "USA", true},
		{255, "DEU", true},
		{260, "DEU", true},
		{265, "DDR", true},
		{680, "YMD", true}, // the crosswalk says YAR: corrected
		{678, "YAR", true},
		{345, "YUG", true},
		{347, "COW347", true},
		{730, "COW730", true},
		{9999, "COW9999", false},
	}
	for _, tc := range tests {
		got, ok := d.ISO3(tc.ccode)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ISO3(%d) = %q, %v; want %q, %v", tc.ccode, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCCode(t *testing.T) {
	d := newData(t)
	tests := []struct {
		code string
		year int
		want int
		ok   bool
	}{
		{"BLR", 2000, 370, true},
		{"blr", 2000, 370, true},
		{"RUS", 1970, 365, true},
		{"DEU", 1980, 260, true},
		{"DEU", 1990, 260, true},
		{"DEU", 1991, 255, true},
		{"DEU", 1930, 255, true},
		{"GFR", 1980, 260, true},
		{"YMD", 1980, 680, true},
		{"SRB", 2010, 345, true},
		{"XKX", 2010, 347, true},
		{"COW347", 2010, 347, true},
		{"COW9999", 2010, 0, false},
		{"CZE", 2000, 316, true},
		{"CSK", 1980, 315, true},
		{"XXX", 2000, 0, false},
		{"", 2000, 0, false},
	}
	for _, tc := range tests {
		got, ok := d.CCode(tc.code, tc.year)
		if got != tc.want || ok != tc.ok {
			t.Errorf("CCode(%q, %d) = %d, %v; want %d, %v", tc.code, tc.year, got, ok, tc.want, tc.ok)
		}
	}
}

// TestCrosswalkRoundTrip checks that every COW state with an ISO code maps
// back to itself in each year of its spells.
func TestCrosswalkRoundTrip(t *testing.T) {
	d := newData(t)
	for _, s := range d.States() {
		for _, year := range []int{s.From, s.To} {
			if s.CCode == 255 && year == 1990 {
				continue // 1990 is documented to go to 260 (German Federal Republic)
			}
			got, ok := d.CCode(s.ISO3, year)
			if !ok || got != s.CCode {
				t.Errorf("%s (%d) in %d: CCode(%q) = %d, %v", s.Name, s.CCode, year, s.ISO3, got, ok)
			}
		}
	}
}

func findAlliance(list []ties.Alliance, partner string) (ties.Alliance, bool) {
	for _, a := range list {
		if a.Partner == partner {
			return a, true
		}
	}
	return ties.Alliance{}, false
}

func TestAlliancesBelarusRussia(t *testing.T) {
	d := newData(t)
	tests := []struct {
		year     int
		defense  bool
		censored bool
	}{
		{1992, false, false},
		{1993, true, false},
		{2010, true, false},
		{2018, true, false},
		{2019, true, true},
		{2020, true, true},
	}
	for _, tc := range tests {
		al, ok := findAlliance(d.Alliances("BLR", tc.year), "RUS")
		if !ok {
			t.Errorf("%d: no BLR–RUS alliance", tc.year)
			continue
		}
		if got := al.Obligations&ties.Defense != 0; got != tc.defense {
			t.Errorf("%d: defense = %v, want %v (%s)", tc.year, got, tc.defense, al.Obligations)
		}
		if al.Censored != tc.censored {
			t.Errorf("%d: censored = %v, want %v", tc.year, al.Censored, tc.censored)
		}
		if al.Source != ties.SourceATOP {
			t.Errorf("%d: source %q", tc.year, al.Source)
		}
	}
	al, _ := findAlliance(d.Alliances("BLR", 2000), "RUS")
	if al.From != 1992 || al.To != 0 {
		t.Errorf("run of BLR–RUS = %d–%d, want 1992–0 (open)", al.From, al.To)
	}
	if _, ok := findAlliance(d.Alliances("BLR", 1990), "RUS"); ok {
		t.Error("BLR–RUS alliance in 1990, before Belarus existed")
	}
	d.CarryForward = false
	if _, ok := findAlliance(d.Alliances("BLR", 2019), "RUS"); ok {
		t.Error("without carry-forward, BLR–RUS alliance in 2019")
	}
	al, _ = findAlliance(d.Alliances("BLR", 2000), "RUS")
	if al.To != 2018 {
		t.Errorf("without carry-forward the run ends %d, want 2018", al.To)
	}
}

func TestAlliancesAsymmetric(t *testing.T) {
	d := newData(t)
	// 1944: the USA owes Portugal (235) defense and offense; Portugal owes
	// only offense (atop5_1_ddy_asymmetric.csv, first rows).
	al, ok := findAlliance(d.Alliances("USA", 1944), "PRT")
	if !ok {
		t.Fatal("no USA–PRT alliance in 1944")
	}
	if al.Owes != ties.Defense|ties.Offense || al.Owed != ties.Offense {
		t.Errorf("USA owes %s, is owed %s; want defense+offense and offense", al.Owes, al.Owed)
	}
	back, _ := findAlliance(d.Alliances("PRT", 1944), "USA")
	if back.Owes != al.Owed || back.Owed != al.Owes {
		t.Errorf("PRT view owes %s owed %s: not the mirror", back.Owes, back.Owed)
	}
}

func hasOrg(list []ties.Membership, org string) bool {
	return slices.ContainsFunc(list, func(m ties.Membership) bool { return m.Org == org })
}

func TestMembershipYearsCount(t *testing.T) {
	d := newData(t)
	tests := []struct {
		state, org string
		year       int
		want       bool
	}{
		{"POL", "NATO", 1998, false},
		{"POL", "NATO", 1999, true},
		{"POL", "EU", 2003, false},
		{"POL", "EU", 2004, true},
		{"POL", "WPACT", 1990, true},
		{"POL", "WPACT", 1992, false},
		{"BLR", "CIS", 1992, true},
		{"BLR", "CSTO", 2001, false},
		{"BLR", "CSTO", 2002, true},
		{"BLR", "EAEC", 2000, true},
		{"BLR", "EAEC", 2015, false}, // dissolved
		{"BLR", "CIS", 2020, true},   // carried forward
		{"BLR", "NATO", 2010, false},
		{"BLR", "EU", 2010, false},
	}
	for _, tc := range tests {
		if got := hasOrg(d.Memberships(tc.state, tc.year), tc.org); got != tc.want {
			t.Errorf("%s in %s %d = %v, want %v", tc.state, tc.org, tc.year, got, tc.want)
		}
	}
}

func TestMembersWithPredecessor(t *testing.T) {
	d := newData(t)
	eu1990 := d.Members("EU", 1990, ties.Full)
	var fra *ties.Membership
	for i := range eu1990 {
		if eu1990[i].State == "FRA" {
			fra = &eu1990[i]
		}
	}
	if fra == nil || fra.Org != "EEC" {
		t.Fatalf("FRA not in EU 1990 through EEC: %+v", fra)
	}
	if n := len(d.Members("EU", 2010, ties.Full)); n != 27 {
		t.Errorf("EU 2010 has %d full members, want 27", n)
	}
	if n := len(d.Members("NATO", 2010, ties.Full)); n != 28 {
		t.Errorf("NATO 2010 has %d full members, want 28", n)
	}
	uk := d.Members("CIS", 2010, ties.Observer)
	i := slices.IndexFunc(uk, func(m ties.Membership) bool { return m.State == "UKR" })
	if i < 0 || uk[i].Status != ties.Associate {
		t.Errorf("UKR in CIS 2010: %+v, want associate", uk)
	}
	if slices.ContainsFunc(d.Members("CIS", 2010, ties.Full), func(m ties.Membership) bool { return m.State == "UKR" }) {
		t.Error("UKR listed as a full CIS member in 2010")
	}
}

func TestAddMembershipStopsCarryForward(t *testing.T) {
	d := newData(t)
	if !hasOrg(d.Memberships("UKR", 2016), "CIS") {
		t.Fatal("UKR CIS membership not carried forward to 2016")
	}
	if d.Exists("EAEU", 2016) {
		t.Error("EAEU exists in 2016 without added spells")
	}
	for _, s := range []struct {
		state, org string
		from, to   int
	}{
		{"BLR", "EAEU", 2015, 0}, {"RUS", "EAEU", 2015, 0},
		{"BLR", "CIS", 1991, 0}, {"RUS", "CIS", 1991, 0}, {"UKR", "CIS", 1991, 2018},
	} {
		if err := d.AddMembership(s.state, s.org, s.from, s.to, ties.Full); err != nil {
			t.Fatal(err)
		}
	}
	if !d.Exists("EAEU", 2016) || !d.Exists("EAEU", 2013) {
		t.Error("EAEU (with EAEC before 2015) should exist in 2013 and 2016")
	}
	m, ok := d.MembershipOf("BLR", "EAEU", 2016)
	if !ok || m.Source != ties.SourceAdded || m.Censored {
		t.Errorf("BLR EAEU 2016 = %+v, %v", m, ok)
	}
	m, ok = d.MembershipOf("BLR", "EAEU", 2010)
	if !ok || m.Org != "EAEC" {
		t.Errorf("BLR EAEU 2010 = %+v, %v; want through EAEC", m, ok)
	}
	if !hasOrg(d.Memberships("UKR", 2018), "CIS") || hasOrg(d.Memberships("UKR", 2019), "CIS") {
		t.Error("UKR CIS membership should end with the added spell in 2018")
	}
	// Kazakhstan has no added CIS spell: no carry-forward once CIS has added spells.
	if hasOrg(d.Memberships("KAZ", 2016), "CIS") {
		t.Error("KAZ CIS carried forward although CIS has added spells")
	}
	if !hasOrg(d.Memberships("KAZ", 2010), "CIS") {
		t.Error("KAZ CIS 2010 from COW lost")
	}
}

func TestAddErrors(t *testing.T) {
	d := newData(t)
	tests := []struct {
		name string
		err  error
	}{
		{"empty state", d.AddMembership("", "NATO", 2000, 0, ties.Full)},
		{"bad status", d.AddMembership("POL", "NATO", 2000, 0, ties.NotMember)},
		{"bad years", d.AddMembership("POL", "NATO", 2000, 1999, ties.Full)},
		{"zero year", d.AddMembership("POL", "NATO", 0, 0, ties.Full)},
		{"same states", d.AddAlliance("POL", "POL", 2000, 0, ties.Defense)},
		{"no obligations", d.AddAlliance("POL", "USA", 2000, 0, 0)},
		{"bad obligations", d.AddAlliance("POL", "USA", 2000, 0, 64)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil {
				t.Error("got nil error")
			}
		})
	}
}

func TestAddAlliance(t *testing.T) {
	d := newData(t)
	if err := d.AddAlliance("BLR", "NZL", 2019, 0, ties.Consultation); err != nil {
		t.Fatal(err)
	}
	if _, ok := findAlliance(d.Alliances("BLR", 2018), "NZL"); ok {
		t.Error("added alliance active before it starts")
	}
	al, ok := findAlliance(d.Alliances("NZL", 2020), "BLR")
	if !ok || al.Obligations != ties.Consultation || al.Source != ties.SourceAdded {
		t.Errorf("NZL–BLR 2020 = %+v, %v", al, ok)
	}
	if err := d.AddAlliance("BLR", "RUS", 2019, 0, ties.Offense); err != nil {
		t.Fatal(err)
	}
	al, _ = findAlliance(d.Alliances("BLR", 2019), "RUS")
	if al.Obligations&(ties.Defense|ties.Offense) != ties.Defense|ties.Offense || al.Censored {
		t.Errorf("merged BLR–RUS 2019 = %+v", al)
	}
}
