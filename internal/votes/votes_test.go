package votes_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// testdata/tiny is a made-up assembly of five states and eight roll calls
// (AAA … EEE; rows are roll calls 1–8):
//
//	rc year session flags          AAA BBB CCC DDD EEE
//	1  1946 1                       Y   Y   N   Y   -
//	2  1947 1                       A   Y   N   N   Y
//	3  1947 2       unanimous       Y   Y   Y   Y   -
//	4  1965 19                      Y   A   A   N   Y
//	5  1990 44      amendment       N   Y   Y   A   Y
//	6  1990 44      paragraph       Y   N   -   Y   N
//	7  1991 45      important, hr   Y   Y   N   N   A
//	8  1991 45      me, co          N   -   N   Y   Y
func tiny(t testing.TB) *votes.Data {
	t.Helper()
	d, err := votes.ReadShared("testdata/tiny", "testdata/tiny")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// summary prints buckets as "label:n/same" for compact comparison.
func summary(as []votes.Agreement) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, fmt.Sprintf("%s:%d/%d", a.Bucket, a.N(), a.Same()))
	}
	return strings.Join(parts, " ")
}

func TestPairBuckets(t *testing.T) {
	d := tiny(t)
	tests := []struct {
		name string
		a, b string
		opt  votes.Options
		want string
	}{
		{"by year", "AAA", "BBB", votes.Options{}, "1946:1/1 1947:2/1 1965:1/0 1990:2/0 1991:1/1"},
		{"by session", "AAA", "BBB", votes.Options{By: votes.BySession}, "1:2/1 2:1/1 19:1/0 44:2/0 45:1/1"},
		{"5-year periods", "AAA", "BBB", votes.Options{By: votes.ByPeriod}, "1946-1950:3/2 1961-1965:1/0 1986-1990:2/0 1991-1991:1/1"},
		{"periods anchored at From", "AAA", "BBB", votes.Options{By: votes.ByPeriod, From: 1947}, "1947-1951:2/1 1962-1966:1/0 1987-1991:3/1"},
		{"periods cut at To", "AAA", "BBB", votes.Options{By: votes.ByPeriod, PeriodYears: 50, From: 1946, To: 1965}, "1946-1965:4/2"},
		{"Voeten set", "AAA", "BBB", votes.Options{Filter: votes.VoetenFilter()}, "1946:1/1 1947:1/0 1991:1/1"},
		{"drop unanimous only", "AAA", "BBB", votes.Options{Filter: votes.Filter{DropUnanimous: true}}, "1946:1/1 1947:1/0 1965:1/0 1990:2/0 1991:1/1"},
		{"important only", "AAA", "BBB", votes.Options{Filter: votes.Filter{ImportantOnly: true}}, "1991:1/1"},
		{"issues", "AAA", "CCC", votes.Options{Filter: votes.Filter{Issues: []string{"hr", "co"}}}, "1991:2/1"},
		{"issue without joint votes", "AAA", "BBB", votes.Options{Filter: votes.Filter{Issues: []string{"me"}}}, ""},
		{"year range", "AAA", "BBB", votes.Options{From: 1947, To: 1965}, "1947:2/1 1965:1/0"},
		{"lower case codes", "aaa", "bbb", votes.Options{From: 1991}, "1991:1/1"},
		{"state absent in range", "AAA", "EEE", votes.Options{To: 1946}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as, err := d.Pair(tc.a, tc.b, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(as); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestAgreementSpan(t *testing.T) {
	d := tiny(t)
	as, err := d.Pair("AAA", "BBB", votes.Options{By: votes.BySession})
	if err != nil {
		t.Fatal(err)
	}
	a := as[0]
	got := fmt.Sprintf("%s %d %d %s %s %v", a.Bucket, a.Start, a.End, a.First.Format(time.DateOnly), a.Last.Format(time.DateOnly), a.Table)
	want := "1 1 1 1946-12-01 1947-01-15 [[1 0 0] [1 0 0] [0 0 0]]"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestVersusPole(t *testing.T) {
	d := tiny(t)
	pole := votes.GroupRef("P", "BBB", "CCC", "DDD")
	js, err := d.JointVotes("AAA", pole, votes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Majorities: rc1 Y (2–1), rc2 N, rc3 Y, rc4 A, rc5 Y, rc7 N;
	// rc6 (N–Y) and rc8 (N–Y) are ties without a reference vote.
	var got []string
	for _, j := range js {
		got = append(got, fmt.Sprintf("%d:%v%v%v", j.RollCall.RCID, j.Vote, j.Ref, j.RefCounts))
	}
	want := "1:YY[2 0 1] 2:AN[1 0 2] 3:YY[3 0 0] 4:YA[0 2 1] 5:NY[2 1 0] 7:YN[1 0 2]"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got %q, want %q", g, want)
	}
	if !js[0].Agree() || js[1].Agree() {
		t.Errorf("Agree: got %v %v, want true false", js[0].Agree(), js[1].Agree())
	}
	as, err := d.Versus("AAA", pole, votes.Options{By: votes.BySession})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(as), "1:2/1 2:1/1 19:1/0 44:1/0 45:1/0"; got != want {
		t.Errorf("Versus: got %q, want %q", got, want)
	}
}

func TestPoleExcludesFocalState(t *testing.T) {
	d := tiny(t)
	withSelf, err := d.Versus("AAA", votes.GroupRef("Q", "AAA", "BBB", "BBB"), votes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	alone, err := d.Pair("AAA", "BBB", votes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(withSelf), summary(alone); got != want {
		t.Errorf("got %q, want %q (AAA left out of its own reference, BBB counted once)", got, want)
	}
}

func TestPoleMembersByDate(t *testing.T) {
	d := tiny(t)
	var calls []string
	members := func(date time.Time) []string {
		calls = append(calls, date.Format(time.DateOnly))
		if date.Year() < 1950 {
			return []string{"BBB", "XYZ"} // XYZ casts no votes: ignored
		}
		return []string{"ccc"}
	}
	as, err := d.Versus("AAA", votes.PoleRef("P", members), votes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// BBB for 1946–47, then CCC: rc4 Y–A, rc5 N–Y, rc7 Y–N, rc8 N–N.
	if got, want := summary(as), "1946:1/1 1947:2/1 1965:1/0 1990:1/0 1991:2/1"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(calls) != 8 {
		t.Errorf("members called %d times, want once per vote date (8)", len(calls))
	}
}

func TestSplit(t *testing.T) {
	d := tiny(t)
	a, b := votes.StateRef("BBB"), votes.StateRef("CCC")
	ss, err := d.Split("AAA", a, b, votes.Options{By: votes.ByPeriod, PeriodYears: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 {
		t.Fatalf("got %d buckets, want 1", len(ss))
	}
	s := ss[0]
	// Split roll calls: rc1 (Y/N, AAA Y), rc2 (Y/N, AAA A), rc7 (Y/N, AAA Y).
	if got, want := fmt.Sprintf("%s %d %d %d %d", s.Bucket, s.N, s.WithA, s.WithB, s.Neither), "1946-1991 3 2 0 1"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !near(s.ShareA(), 2.0/3, 1e-12) || s.ShareB() != 0 || !near(s.ShareNeither(), 1.0/3, 1e-12) {
		t.Errorf("shares %v %v %v", s.ShareA(), s.ShareB(), s.ShareNeither())
	}
	sv, err := d.SplitVotes("AAA", a, b, votes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range sv {
		got = append(got, fmt.Sprintf("%d:%v%v%v:%v", v.RollCall.RCID, v.Vote, v.A, v.B, v.Side))
	}
	if g, w := strings.Join(got, " "), "1:YYN:A 2:AYN:neither 7:YYN:A"; g != w {
		t.Errorf("got %q, want %q", g, w)
	}
	// With DDD as B: rc1 no split (Y/Y); rc2 Y/N AAA A; rc4 A/N AAA Y;
	// rc5 Y/A AAA N; rc6 N/Y AAA Y → B; rc7 Y/N AAA Y → A.
	ss, err = d.Split("AAA", a, votes.StateRef("DDD"), votes.Options{By: votes.ByPeriod, PeriodYears: 100})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(ss[0].N, ss[0].WithA, ss[0].WithB, ss[0].Neither), "5 1 1 3"; got != want {
		t.Errorf("BBB/DDD split: got %q, want %q", got, want)
	}
}

func TestAllDyadYearsTiny(t *testing.T) {
	d := tiny(t)
	all, err := d.AllDyadYears(votes.Options{Weight: votes.Linear})
	if err != nil {
		t.Fatal(err)
	}
	// Every dyad-year agrees with Pair, and every pair with a joint vote
	// in a year is present.
	seen := map[string]bool{}
	for _, dy := range all {
		key := fmt.Sprint(dy.A.String(), dy.B.String(), dy.Year)
		seen[key] = true
		if dy.A.String() >= dy.B.String() {
			t.Errorf("%s: A not before B", key)
		}
		p, err := d.Pair(dy.A.String(), dy.B.String(), votes.Options{From: int(dy.Year), To: int(dy.Year)})
		if err != nil {
			t.Fatal(err)
		}
		if len(p) != 1 || p[0].Table != dy.Table() {
			t.Errorf("%s: table %v, Pair %v", key, dy.Table(), p)
			continue
		}
		if !near(dy.Kappa, p[0].Kappa(votes.Linear), 1e-12) || !near(dy.Pi, p[0].Pi(votes.Linear), 1e-12) || !near(dy.S, p[0].S(votes.Linear), 1e-12) {
			t.Errorf("%s: κ π S %v %v %v, want %v %v %v", key, dy.Kappa, dy.Pi, dy.S, p[0].Kappa(votes.Linear), p[0].Pi(votes.Linear), p[0].S(votes.Linear))
		}
	}
	states := d.States()
	for y := 1946; y <= 1991; y++ {
		for i, a := range states {
			for _, b := range states[i+1:] {
				p, _ := d.Pair(a, b, votes.Options{From: y, To: y})
				if len(p) == 1 && !seen[fmt.Sprint(a, b, y)] {
					t.Errorf("%s-%s %d missing", a, b, y)
				}
			}
		}
	}
	// 1946: AAA, BBB, CCC, DDD voted (EEE absent): 6 dyads.
	n := 0
	for _, dy := range all {
		if dy.Year == 1946 {
			n++
		}
	}
	if n != 6 {
		t.Errorf("1946: got %d dyads, want 6", n)
	}
	filtered, err := d.AllDyadYears(votes.Options{From: 1990, Filter: votes.VoetenFilter()})
	if err != nil {
		t.Fatal(err)
	}
	for _, dy := range filtered {
		if dy.Year != 1991 {
			t.Errorf("Voeten set from 1990: got year %d, want only 1991", dy.Year)
		}
	}
}

func TestUnanimous(t *testing.T) {
	d := tiny(t)
	var got []int
	for _, rc := range d.RollCalls() {
		if rc.Unanimous {
			got = append(got, rc.RCID)
		}
	}
	if fmt.Sprint(got) != "[3]" {
		t.Errorf("unanimous roll calls %v, want [3]", got)
	}
}

func TestRollCallFields(t *testing.T) {
	d := tiny(t)
	rc, ok := d.RollCall(8)
	if !ok {
		t.Fatal("rcid 8 missing")
	}
	got := fmt.Sprintf("%d %d %s %d %s %d%d%d %q %q %v", rc.RCID, rc.Session, rc.Date.Format(time.DateOnly), rc.Year, rc.Resolution,
		rc.Important, rc.Amend, rc.Para, rc.Short, rc.Descr, rc.Issues)
	want := `8 45 1991-12-02 1991 R/45/8 000 "TWO ISSUES" "A VOTE ON THE \"MIDDLE EAST\" AND COLONIES" [me co]`
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	rc, _ = d.RollCall(2)
	if rc.Amend != -1 || rc.Para != -1 || rc.Important != 0 {
		t.Errorf("blank flags: got %d %d %d, want -1 -1 0", rc.Amend, rc.Para, rc.Important)
	}
	if _, ok := d.RollCall(99); ok {
		t.Error("rcid 99 found")
	}
	if got := d.Vote(6, "CCC"); got != votes.Absent {
		t.Errorf("absent vote: got %v", got)
	}
	if got := d.Vote(6, "BBB"); got != votes.No {
		t.Errorf("got %v, want N", got)
	}
	if got, want := d.IssueName("co"), "Colonialism"; got != want {
		t.Errorf("issue name: got %q, want %q", got, want)
	}
	c, err := d.Country("DDD")
	if err != nil {
		t.Fatal(err)
	}
	if c.ISO2 != "NA" {
		t.Errorf("ISO2 %q, want the literal NA", c.ISO2)
	}
}

func TestIdealPoints(t *testing.T) {
	d := tiny(t)
	ps, err := d.IdealPoints("AAA")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("got %d rows, want 2", len(ps))
	}
	p := ps[1]
	if p.Session != 2 || p.Year != 1947 || p.Point != -1.25 || p.Q100 != -0.1 || p.USAgree != 1 || !math.IsNaN(p.ChinaAgree) {
		t.Errorf("got %+v", p)
	}
	ps, err = d.IdealPoints("EEE")
	if err != nil || len(ps) != 0 {
		t.Errorf("EEE: got %v, %v; want no rows, no error", ps, err)
	}
	if _, err := d.IdealPoints("ZZZ"); !errors.Is(err, votes.ErrUnknownState) {
		t.Errorf("ZZZ: got %v, want ErrUnknownState", err)
	}
}

func TestErrors(t *testing.T) {
	d := tiny(t)
	tests := []struct {
		name   string
		call   func() error
		target error
		msg    string
	}{
		{"unknown state with suggestion", func() error { _, err := d.Pair("AAB", "BBB", votes.Options{}); return err },
			votes.ErrUnknownState, `unknown state "AAB" in the UN vote data (did you mean AAA?)`},
		{"unknown reference", func() error { _, err := d.Pair("AAA", "QQQ", votes.Options{}); return err },
			votes.ErrUnknownState, `unknown state "QQQ" in the UN vote data`},
		{"unknown split reference", func() error {
			_, err := d.Split("AAA", votes.StateRef("BBB"), votes.StateRef("CCX"), votes.Options{})
			return err
		}, votes.ErrUnknownState, `reference CCX: unknown state "CCX" in the UN vote data (did you mean CCC?)`},
		{"from after to", func() error { _, err := d.Pair("AAA", "BBB", votes.Options{From: 2000, To: 1990}); return err },
			votes.ErrOptions, "invalid vote options: from 2000 is after to 1990"},
		{"unknown issue", func() error {
			_, err := d.Pair("AAA", "BBB", votes.Options{Filter: votes.Filter{Issues: []string{"xx"}}})
			return err
		}, votes.ErrOptions, `invalid vote options: unknown issue "xx" (known: hr, me, co)`},
		{"negative period", func() error {
			_, err := d.AllDyadYears(votes.Options{By: votes.ByPeriod, PeriodYears: -1})
			return err
		}, votes.ErrOptions, "invalid vote options: period of -1 years"},
		{"empty reference", func() error { _, err := d.Versus("AAA", votes.Ref{}, votes.Options{}); return err },
			votes.ErrOptions, "invalid vote options: empty reference"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, tc.target) {
				t.Fatalf("got %v, want %v", err, tc.target)
			}
			if got := err.Error(); got != tc.msg {
				t.Errorf("got %q, want %q", got, tc.msg)
			}
		})
	}
	var ue *votes.UnknownStateError
	_, err := d.Country("bbc")
	if !errors.As(err, &ue) || ue.Suggestion != "BBB" {
		t.Errorf("got %v, want a suggestion of BBB", err)
	}
	if d.Known("AAB") || !d.Known("AAA") {
		t.Error("Known is wrong")
	}
}
