package web_test

import (
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// TestDyadChart checks the dyad page's vote chart against the UN votes
// themselves: one point per year with joint votes for the share of
// identical votes, one per year where κ is defined, a κ band, labelled
// axes, a title and a description, and the table below it.
func TestDyadChart(t *testing.T) {
	f := newFixture(t, "")
	_, vd := reference(t)
	ag, err := vd.Pair("BLR", "RUS", votes.Options{From: 1992, To: 2020})
	if err != nil {
		t.Fatalf("votes: %v", err)
	}
	kappas := 0
	for _, g := range ag {
		if !math.IsNaN(g.Measures(votes.Nominal).Kappa) {
			kappas++
		}
	}
	// Belarus and Russia both voted in every session 1992–2020.
	if got, want := len(ag), 29; got != want {
		t.Fatalf("BLR–RUS years with joint votes 1992–2020: got %d, want %d", got, want)
	}

	w := f.get("/dyad/BLR/RUS?from=1992&to=2020")
	if w.Code != 200 {
		t.Fatalf("got status %d, want 200: %.500s", w.Code, w.Body)
	}
	body := w.Body.String()
	fig := regexp.MustCompile(`(?s)<figure class="chart wide" id="dyad-chart">(<svg.*?</svg>)`).FindStringSubmatch(body)
	if fig == nil {
		t.Fatalf("no SVG chart in figure#dyad-chart:\n%.2000s", body)
	}
	svg := fig[1]
	count := func(re string) int { return len(regexp.MustCompile(re).FindAllString(svg, -1)) }
	tests := []struct {
		name      string
		got, want int
	}{
		{"points (circles)", count(`<circle `), len(ag) + kappas},
		{"lines", count(`<polyline `), 2},
		{"κ band", count(`<polygon `), 1},
		{"title", count(`<title>Belarus and Russia — UN General Assembly votes, 1992–2020</title>`), 1},
		{"desc", count(`<desc>Line chart by year, 1992 to 2020`), 1},
		{"year labels", count(`>(1995|2000|2005|2010|2015|2020)</text>`), 6},
		{"value labels", count(`>(-1|-0.5|0|0.5|1)</text>`), 5},
		{"legend", count(`>identical \(share\)</text>|>κ, 90% band</text>`), 2},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, tc.got, tc.want)
		}
	}
	// The table stays below the chart, one row a year.
	tbl := regexp.MustCompile(`(?s)<table class="list compact" id="dyad-votes">.*?</table>`).FindString(body)
	if got, want := strings.Count(tbl, "<tr><td>"), len(ag); got != want {
		t.Errorf("table rows: got %d, want %d", got, want)
	}
	if strings.Index(body, `id="dyad-votes"`) < strings.Index(body, `id="dyad-chart"`) {
		t.Errorf("the table comes before the chart")
	}
}

// TestDyadAPI checks the JSON twin: κ is null where undefined, inside its
// interval elsewhere, and the period filters the rows.
func TestDyadAPI(t *testing.T) {
	f := newFixture(t, "")
	_, vd := reference(t)
	ag, err := vd.Pair("BLR", "RUS", votes.Options{From: 2010, To: 2020})
	if err != nil {
		t.Fatalf("votes: %v", err)
	}
	w := f.get("/api/dyad/BLR/RUS?from=2010&to=2020")
	if w.Code != 200 {
		t.Fatalf("got status %d, want 200: %s", w.Code, w.Body)
	}
	var got struct {
		Votes []struct {
			Year      string
			N         int
			Identical float64
			Kappa     *float64
			KappaLo   *float64 `json:"kappa_lo"`
			KappaHi   *float64 `json:"kappa_hi"`
		}
		CountAB int `json:"count_a_to_b"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if len(got.Votes) != len(ag) {
		t.Fatalf("rows: got %d, want %d", len(got.Votes), len(ag))
	}
	for i, row := range got.Votes {
		m := ag[i].Measures(votes.Nominal)
		if row.Year != ag[i].Bucket || row.N != m.N || math.Abs(row.Identical-m.Identical) > 1e-9 {
			t.Errorf("row %d: got %s n=%d identical %.3f, want %s n=%d %.3f", i, row.Year, row.N, row.Identical, ag[i].Bucket, m.N, m.Identical)
		}
		switch {
		case math.IsNaN(m.Kappa) && row.Kappa != nil:
			t.Errorf("%s: κ undefined, got %v, want null", row.Year, *row.Kappa)
		case !math.IsNaN(m.Kappa) && (row.Kappa == nil || math.Abs(*row.Kappa-m.Kappa) > 1e-9):
			t.Errorf("%s: κ got %v, want %.3f", row.Year, row.Kappa, m.Kappa)
		case row.Kappa != nil && (row.KappaLo == nil || row.KappaHi == nil || *row.KappaLo > *row.KappaHi):
			t.Errorf("%s: κ %.3f without an ordered interval [%v, %v]", row.Year, *row.Kappa, row.KappaLo, row.KappaHi)
		}
	}
	// The fixture's praise events are dated 2014–2018.
	if got.CountAB != 5 {
		t.Errorf("BLR → RUS events 2010–2020: got %d, want 5", got.CountAB)
	}
}

func TestDyadPages(t *testing.T) {
	f := newFixture(t, "")
	tests := []struct {
		name, target string
		status       int
		want, not    []string
	}{
		{"organisation", "/dyad/BLR/NATO", 200, []string{"casts no UN General Assembly votes", `id="no-votes"`}, []string{"<svg"}},
		{"same state", "/dyad/BLR/BLR", 200, []string{"nothing to compare"}, []string{"<svg"}},
		{"no joint votes in the years", "/dyad/BLR/RUS?from=2023&to=2024", 200, []string{"No roll call on which both", "(2023–2024)"}, []string{"<svg"}},
		{"events filtered by years", "/dyad/BLR/RUS?from=2017", 200, []string{"BLR → RUS: 2 coded events, from 2017", "<svg"}, nil},
		{"from after to", "/dyad/BLR/RUS?from=2015&to=2010", 400, []string{"parameter from"}, nil},
		{"bad year", "/dyad/BLR/RUS?to=20x0", 400, []string{"parameter to"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := f.get(tc.target)
			body := w.Body.String()
			if got, want := w.Code, tc.status; got != want {
				t.Fatalf("GET %s: got status %d, want %d: %.500s", tc.target, got, want, body)
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("GET %s: body lacks %q", tc.target, s)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(body, s) {
					t.Errorf("GET %s: body contains %q", tc.target, s)
				}
			}
		})
	}
}

// TestDyadEventsAfterWrite checks that the cached dyad page sees a
// correction at once.
func TestDyadEventsAfterWrite(t *testing.T) {
	f := newFixture(t, testToken)
	count := func() string {
		t.Helper()
		m := regexp.MustCompile(`BLR → RUS: (\d+) coded events`).FindStringSubmatch(f.get("/dyad/BLR/RUS").Body.String())
		if m == nil {
			t.Fatal("no BLR → RUS count on the dyad page")
		}
		return m[1]
	}
	if got, want := count(), "5"; got != want {
		t.Fatalf("before: got %s events, want %s", got, want)
	}
	w := f.do("POST", "/api/events/"+f.events["praise-2015"]+"/corrections", strings.NewReader(`{"action":"wrong","who":"ana","why":"test"}`),
		map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testToken})
	if w.Code != 201 {
		t.Fatalf("mark wrong: got %d %s", w.Code, w.Body)
	}
	if got, want := count(), "4"; got != want {
		t.Errorf("after marking one wrong: got %s events, want %s", got, want)
	}
}

// TestDyadPageSessions checks that the page rendered once for visitors
// without a session is not what a logged-in analyst gets, nor the reverse.
func TestDyadPageSessions(t *testing.T) {
	f := newFixture(t, testToken)
	if body := f.get("/dyad/BLR/RUS").Body.String(); !strings.Contains(body, "Log in to make changes") {
		t.Fatalf("anonymous dyad page lacks the log-in link")
	}
	cookie, csrf := login(t, f)
	body := f.do("GET", "/dyad/BLR/RUS", nil, map[string]string{"Cookie": cookie}).Body.String()
	if !strings.Contains(body, csrf) || strings.Contains(body, "Log in to make changes") {
		t.Errorf("logged-in dyad page: got the anonymous page (no CSRF token %s)", csrf)
	}
	if body := f.get("/dyad/BLR/RUS").Body.String(); strings.Contains(body, csrf) {
		t.Errorf("anonymous dyad page shows the session's CSRF token")
	}
}

// TestDyadThinYear: a year with fewer joint roll calls than
// align.MinRollCalls (2020: the UN data end in January, one roll call) is
// thin, as in the report: drawn hollow on both lines without a band,
// flagged in the table and the JSON, and named under the chart; a full
// year is not.
func TestDyadThinYear(t *testing.T) {
	f := newFixture(t, "")
	_, vd := reference(t)
	ag, err := vd.Pair("BLR", "RUS", votes.Options{From: 2018, To: 2020})
	if err != nil {
		t.Fatalf("votes: %v", err)
	}
	thin := map[string]bool{}
	for _, g := range ag {
		thin[g.Bucket] = g.Measures(votes.Nominal).N < align.MinRollCalls
	}
	if !thin["2020"] || thin["2019"] {
		t.Fatalf("fixture: thin years %v, want 2020 only", thin)
	}
	w := f.get("/dyad/BLR/RUS?from=2018&to=2020")
	if w.Code != 200 {
		t.Fatalf("got status %d, want 200: %.500s", w.Code, w.Body)
	}
	body := w.Body.String()
	svg := regexp.MustCompile(`(?s)<figure class="chart wide" id="dyad-chart">(<svg.*?</svg>)`).FindStringSubmatch(body)
	if svg == nil {
		t.Fatalf("no chart:\n%.2000s", body)
	}
	for _, tc := range []struct {
		year   string
		hollow bool
	}{{"2019", false}, {"2020", true}} {
		circle := regexp.MustCompile(`<circle [^>]*fill="([^"]+)"[^>]*><title>` + tc.year + `: [^<]*identical`).FindStringSubmatch(svg[1])
		if circle == nil {
			t.Errorf("%s: no identical-share point", tc.year)
			continue
		}
		if got := circle[1] == "#fff"; got != tc.hollow {
			t.Errorf("%s: point fill %s, hollow %v, want %v", tc.year, circle[1], got, tc.hollow)
		}
	}
	tbl := regexp.MustCompile(`(?s)id="dyad-votes">.*?</table>`).FindString(body)
	if !regexp.MustCompile(`<td>2020</td><td class="num">1</td>.*?thin: 1 roll call</td>`).MatchString(tbl) {
		t.Errorf("table row 2020 not marked thin:\n%s", tbl)
	}
	if strings.Contains(regexp.MustCompile(`(?s)<td>2019</td>.*?</tr>`).FindString(tbl), "thin") {
		t.Errorf("table row 2019 marked thin")
	}
	if !strings.Contains(body, `id="dyad-thin">Hollow points: thin years (2020)`) {
		t.Errorf("no thin-year note under the chart")
	}
	var got struct {
		Votes []struct {
			Year string
			Thin bool
		}
	}
	w = f.get("/api/dyad/BLR/RUS?from=2018&to=2020")
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	for _, row := range got.Votes {
		if row.Thin != thin[row.Year] {
			t.Errorf("JSON %s: thin %v, want %v", row.Year, row.Thin, thin[row.Year])
		}
	}
}
