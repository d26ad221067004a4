package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/report"
	"github.com/fulcrum-dev/fulcrum/internal/ties"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

var (
	inputsOnce sync.Once
	dict       *actors.Dict
	voteData   *votes.Data
	inputsErr  error
)

// inputs loads the built-in reference data once; ties are fresh per call
// because Build adds membership spells to them.
func inputs(t *testing.T) report.Inputs {
	t.Helper()
	inputsOnce.Do(func() {
		if dict, inputsErr = actors.Builtin(); inputsErr != nil {
			return
		}
		voteData, inputsErr = votes.Load()
	})
	if inputsErr != nil {
		t.Fatal(inputsErr)
	}
	td, err := ties.New()
	if err != nil {
		t.Fatal(err)
	}
	return report.Inputs{Dict: dict, Votes: voteData, Ties: td}
}

func build(t *testing.T, country, poles string, from, to int) *report.Report {
	t.Helper()
	r, err := report.Build(context.Background(), inputs(t), report.Options{
		Country: country, Poles: strings.Split(poles, ","), From: from, To: to, Bootstrap: 200,
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func channel(t *testing.T, r *report.Report, name string) report.Channel {
	t.Helper()
	for _, c := range r.Channels {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no channel %s", name)
	return report.Channel{}
}

// Belarus sits with Russia on votes and ties throughout 1992–2020.
func TestBelarusWithRussia(t *testing.T) {
	r := build(t, "BLR", "RUSSIA,WEST", 1992, 2020)
	for _, name := range []string{report.Votes, report.Ties} {
		ch := channel(t, r, name)
		if ch.Tilt == nil {
			t.Fatalf("%s: no tilt", name)
		}
		n := 0
		for _, p := range ch.Tilt.Points {
			if p.N == 0 {
				continue
			}
			n++
			if p.Value >= 0 {
				t.Errorf("%s %s: tilt %+.3f, want toward RUSSIA (< 0)", name, p.Period, p.Value)
			}
		}
		if n < 20 {
			t.Errorf("%s: only %d years with data", name, n)
		}
	}
	if !strings.Contains(r.Verdict, "RUSSIA on votes") && !strings.Contains(r.Verdict, "RUSSIA on votes and ties") {
		t.Errorf("verdict %q does not put Belarus with RUSSIA on votes", r.Verdict)
	}
}

// Ukraine's votes move West, with a shift found around 2014.
func TestUkraineShift(t *testing.T) {
	r := build(t, "UKR", "RUSSIA,WEST", 1992, 2019)
	ch := channel(t, r, report.Votes)
	var early, late float64
	var ne, nl int
	for _, p := range ch.Tilt.Points {
		if p.N == 0 {
			continue
		}
		switch y := p.Period; {
		case y < "2000":
			early += p.Value
			ne++
		case y >= "2014":
			late += p.Value
			nl++
		}
	}
	if ne == 0 || nl == 0 || late/float64(nl) <= early/float64(ne) {
		t.Errorf("votes tilt did not move West: mean before 2000 %.3f, from 2014 %.3f", early/float64(ne), late/float64(nl))
	}
	// A westward move is a rising tilt or WEST value, or a falling RUSSIA
	// value. The data show two: the big one in 2004–2006 (κ with the WEST
	// pole's plurality vote jumps from ≈0.5 to ≈0.9) and Ukraine's break
	// with the RUSSIA pole from 2013 (κ falls from ≈0.1 to ≈0).
	westward := func(s align.Shift) bool {
		return s.Channel == report.Votes && ((s.Pole == "RUSSIA" && s.Size < 0) || (s.Pole != "RUSSIA" && s.Size > 0))
	}
	var around2005, around2014 bool
	for _, s := range r.Shifts {
		if westward(s) && s.Period >= "2003" && s.Period <= "2007" {
			around2005 = true
		}
		if westward(s) && s.Period >= "2012" && s.Period <= "2016" {
			around2014 = true
		}
	}
	if !around2005 || !around2014 {
		t.Errorf("westward votes shifts around 2005: %v, around 2014: %v; shifts: %+v", around2005, around2014, r.Shifts)
	}
}

// Kazakhstan's neither-share rises after 2012.
func TestKazakhstanNeither(t *testing.T) {
	r := build(t, "KAZ", "RUSSIA,WEST", 2002, 2019)
	ch := channel(t, r, report.Votes)
	var before, after float64
	var nb, na int
	for _, n := range ch.Neither {
		if n.Period < "2012" {
			before += n.Neither
			nb++
		} else {
			after += n.Neither
			na++
		}
	}
	if nb == 0 || na == 0 || after/float64(na) <= before/float64(nb) {
		t.Errorf("neither share did not rise after 2012: before %.3f (%d years), after %.3f (%d years)", before/float64(nb), nb, after/float64(na), na)
	}
}

// TestSplitVotesThin: a year's split-vote shares over under 10 split votes
// (2020: the data end with one roll call) are flagged thin, others not.
func TestSplitVotesThin(t *testing.T) {
	r := build(t, "BLR", "RUSSIA,WEST", 2018, 2020)
	ch := channel(t, r, report.Votes)
	got := map[string]bool{}
	for _, n := range ch.Neither {
		got[n.Period] = n.Thin
		if n.Thin != (n.N < 10) {
			t.Errorf("%s: %d split votes, thin %v", n.Period, n.N, n.Thin)
		}
	}
	if thin, ok := got["2020"]; !ok || !thin {
		t.Errorf("2020 split votes: present %v, thin %v; want a thin row", ok, thin)
	}
	if thin, ok := got["2019"]; !ok || thin {
		t.Errorf("2019 split votes: present %v, thin %v; want a row that is not thin", ok, thin)
	}
}

func TestUnknown(t *testing.T) {
	in := inputs(t)
	_, err := report.Build(context.Background(), in, report.Options{Country: "BLS", Poles: []string{"RUSSIA", "WEST"}, From: 2000, To: 2001})
	var ue *report.UnknownError
	if !errors.As(err, &ue) || ue.Suggestion != "BLR" {
		t.Errorf("got %v, want unknown country with suggestion BLR", err)
	}
	_, err = report.Build(context.Background(), in, report.Options{Country: "BLR", Poles: []string{"RUSIA", "WEST"}, From: 2000, To: 2001})
	if !errors.As(err, &ue) || ue.Suggestion != "RUSSIA" {
		t.Errorf("got %v, want unknown pole with suggestion RUSSIA", err)
	}
}

func TestRender(t *testing.T) {
	r := build(t, "BLR", "RUSSIA,WEST", 2010, 2019)
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  []string
	}{
		{"md", func(b *bytes.Buffer) error { return r.WriteMarkdown(b, nil) }, []string{"# Belarus (BLR)", "**Verdict.**", "## Votes", "## Evidence", "rc:"}},
		{"html", func(b *bytes.Buffer) error { return r.WriteHTML(b) }, []string{"<svg", "Verdict", "<table>"}},
		{"json", func(b *bytes.Buffer) error { return r.WriteJSON(b) }, []string{`"verdict"`, `"evidence"`, `"kappa"`}},
	} {
		t.Run(f.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.write(&b); err != nil {
				t.Fatal(err)
			}
			for _, w := range f.want {
				if f.name == "json" && w == `"kappa"` {
					continue
				}
				if !strings.Contains(b.String(), w) {
					t.Errorf("%s output lacks %q", f.name, w)
				}
			}
		})
	}
}

// TestThinYears: the one roll call of 2020 makes a thin votes year, which
// is listed in the notes with its count, carried in the JSON, drawn
// hollow, and left out of the combined tilt and the shifts.
func TestThinYears(t *testing.T) {
	r := build(t, "BLR", "RUSSIA,WEST", 2015, 2020)
	ch := channel(t, r, report.Votes)
	if got, want := ch.MinUnits, align.MinRollCalls; got != want {
		t.Errorf("min units: got %d, want %d", got, want)
	}
	var thin []string
	for _, s := range ch.Series {
		for _, p := range s.Points {
			if p.Thin {
				thin = append(thin, s.Pole+" "+p.Period)
				if p.Units >= align.MinRollCalls {
					t.Errorf("%s %s: thin with %d roll calls", s.Pole, p.Period, p.Units)
				}
			} else if p.N > 0 && p.Units < align.MinRollCalls {
				t.Errorf("%s %s: %d roll calls, not marked thin", s.Pole, p.Period, p.Units)
			}
		}
	}
	if !slices.Contains(thin, "WEST 2020") {
		t.Fatalf("thin votes years %v, want WEST 2020 (one roll call)", thin)
	}
	for _, c := range r.Combined {
		if c.Period == "2020" && c.Weights[report.Votes] > 0 {
			t.Errorf("combined tilt of 2020 weighs the thin votes year: %+v", c)
		}
	}
	for _, s := range r.Shifts {
		if s.Channel == report.Votes && s.Period == "2020" {
			t.Errorf("shift from a thin year: %+v", s)
		}
	}
	notes := strings.Join(r.Notes, "\n")
	for _, want := range []string{"Thin years:", "votes toward WEST, roll calls: 2020 (1)"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"thin": true`, `"units": 1,`, `"min_units": 10`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	_, svgs := r.Charts()
	if !strings.Contains(string(svgs[report.Votes]), `fill="#fff" stroke="#1f5fa8"`) {
		t.Errorf("votes chart has no hollow WEST point")
	}
}

// speechEvents is one yearly speech of BLR per year with n counting events
// toward target (alternating Goldstein weights), plus one negated event
// that must not count.
func speechEvents(year, n int, target string) []event.Event {
	doc := fmt.Sprintf("BLR-%d-%s", year, target)
	var out []event.Event
	for i := range n {
		g := []float64{7, 3.4, -2, 4}[i%4]
		out = append(out, event.Event{ID: fmt.Sprintf("%s-%d", doc, i), Doc: doc, Source: "BLR", Target: target,
			Date: fmt.Sprintf("%d-09-24", year), Goldstein: g, Modality: event.Asserted})
	}
	neg := event.Event{ID: doc + "-neg", Doc: doc, Source: "BLR", Target: target, Date: fmt.Sprintf("%d-09-24", year), Goldstein: 8, Negated: true}
	return append(out, neg)
}

// TestStatementsThinByEvents: a year of statements is thin by its counting
// events, not its documents: one speech a year with 4 events toward each
// pole counts (its interval resamples events, and the notes and JSON say
// so), while a speech with 2 events toward a pole (and a negated one) is
// thin.
func TestStatementsThinByEvents(t *testing.T) {
	in := inputs(t)
	for y := 2015; y <= 2018; y++ {
		in.Events = append(in.Events, speechEvents(y, 4, "RUS")...)
		in.Events = append(in.Events, speechEvents(y, 4, "USA")...)
	}
	in.Events = append(in.Events, speechEvents(2019, 4, "RUS")...)
	in.Events = append(in.Events, speechEvents(2019, 2, "USA")...)
	r, err := report.Build(context.Background(), in, report.Options{Country: "BLR", Poles: []string{"RUSSIA", "WEST"}, From: 2015, To: 2019, Bootstrap: 200})
	if err != nil {
		t.Fatal(err)
	}
	ch := channel(t, r, report.Statements)
	if got, want := ch.MinUnits, align.MinEvents; got != want {
		t.Errorf("min units: got %d, want %d", got, want)
	}
	var thin []string
	for _, s := range ch.Series {
		for _, p := range s.Points {
			if p.N == 0 {
				continue
			}
			if p.Thin {
				thin = append(thin, s.Pole+" "+p.Period)
				continue
			}
			if got, want := p.Resampled, align.ResampledEvents; got != want {
				t.Errorf("%s %s: resampled %q, want %q", s.Pole, p.Period, got, want)
			}
			if !(p.Hi > p.Lo) {
				t.Errorf("%s %s: zero-width interval [%v, %v] in a year that is not thin", s.Pole, p.Period, p.Lo, p.Hi)
			}
		}
	}
	if want := []string{"WEST 2019"}; !slices.Equal(thin, want) {
		t.Errorf("thin statements years: got %v, want %v", thin, want)
	}
	if strings.Contains(r.Verdict, "too few items to tell on statements") || !strings.Contains(r.Verdict, "in statements") {
		t.Errorf("verdict leaves statements out: %s", r.Verdict)
	}
	notes := strings.Join(r.Notes, "\n")
	for _, want := range []string{"statements toward WEST, events: 2019 (2)", "Statements intervals:", "narrower than the truth"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"resampled": "events"`, `"min_units": 3`, `"unit": "events"`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

// TestUkraineTiesBoundToNone: Ukraine belongs to no alliance or
// organisation of the CHINA pole (its one tie there is a 1994 ATOP
// non-aggression pact with China), and from 1993 to no pole beyond
// non-aggression pacts' worth, so with three poles the ties channel names
// no closest pole, while Belarus's ties put it with RUSSIA.
func TestUkraineTiesBoundToNone(t *testing.T) {
	tests := []struct {
		country string
		want    string
		avoid   string
	}{
		{"UKR", "ties: bound to none", "ties: closest"},
		{"BLR", "ties: closest to RUSSIA", "ties: bound to none"},
	}
	for _, tc := range tests {
		t.Run(tc.country, func(t *testing.T) {
			r := build(t, tc.country, "RUSSIA,WEST,CHINA", 1992, 2020)
			if !strings.Contains(r.Verdict, tc.want) || strings.Contains(r.Verdict, tc.avoid) {
				t.Errorf("verdict %q: want %q, not %q", r.Verdict, tc.want, tc.avoid)
			}
		})
	}
}
