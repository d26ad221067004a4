package datasets_test

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
)

const icewsHeader = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude"

func TestParseICEWS(t *testing.T) {
	l, err := datasets.NewICEWSLayout(strings.Split(icewsHeader, "\t"))
	if err != nil {
		t.Fatal(err)
	}
	noCode := strings.Replace(icewsHeader, "\tCAMEO Code", "", 1)
	l19, err := datasets.NewICEWSLayout(strings.Split(noCode, "\t"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name                  string
		layout                *datasets.ICEWSLayout
		line                  string
		src, tgt, cameo, date string
		gold                  float64
		err                   string
	}{
		{"states by country name", l,
			"101\t2019-03-05\tForeign Affairs (Belarus)\tGovernment\tBelarus\tConsult\t040\t1\tVladimir Putin\tGovernment\tRussian Federation\t9\t1\tWire\tMinsk\tNA\tMinsk\tBelarus\t53.9\t27.56",
			"BLR", "RUS", "040", "2019-03-05", 1, ""},
		{"organisation by name", l,
			"102\t2019-03-06\tEuropean Union\tNA\tNA\tAccuse\t112\t-2\tBelarus\tNA\tBelarus\t9\t2\tWire\tNA\tNA\tNA\tNA\tNA\tNA",
			"EU", "BLR", "112", "2019-03-06", -2, ""},
		{"organisation in parenthesis", l,
			"103\t2019-03-06\tSecretary General (North Atlantic Treaty Organization)\tNA\tNA\tMake a visit\t042\t1.9\tGovernment (Ukraine)\tGovernment\tUkraine\t9\t2\tWire\tNA\tNA\tNA\tNA\tNA\tNA",
			"NATO", "UKR", "042", "2019-03-06", 1.9, ""},
		{"no CAMEO column: code from label", l19,
			"104\t2019-03-07\tBelarus\tNA\tBelarus\tSign formal agreement\t8\tChina\tNA\tChina\t9\t2\tWire\tNA\tNA\tNA\tNA\tNA\tNA",
			"BLR", "CHN", "057", "2019-03-07", 8, ""},
		{"quoted .tab values", l,
			"\"105\"\t\"2019-03-08\"\t\"Russia\"\t\"NA\"\t\"Russian Federation\"\t\"Threaten\"\t\"130\"\t\"-4.4\"\t\"Ukraine\"\t\"NA\"\t\"Ukraine\"\t\"9\"\t\"2\"\t\"Wire\"\t\"NA\"\t\"NA\"\t\"NA\"\t\"NA\"\t\"NA\"\t\"NA\"",
			"RUS", "UKR", "130", "2019-03-08", -4.4, ""},
		{"unknown actor maps to empty", l,
			"106\t2019-03-08\tSomeone\tNA\tNA\tConsult\t040\t1\tRussia\tNA\tRussian Federation\t9\t2\tWire\tNA\tNA\tNA\tNA\tNA\tNA",
			"", "RUS", "040", "2019-03-08", 1, ""},
		{"bad date", l, "107\t05/03/2019\tBelarus\tNA\tBelarus\tConsult\t040\t1\tRussia\tNA\tRussia\t9\t2\tWire\tNA\tNA\tNA\tNA\tNA\tNA",
			"", "", "", "", 0, `Event Date "05/03/2019"`},
		{"bad intensity", l, "108\t2019-03-05\tBelarus\tNA\tBelarus\tConsult\t040\tlots\tRussia\tNA\tRussia\t9\t2\tWire\tNA\tNA\tNA\tNA\tNA\tNA",
			"", "", "", "", 0, `Intensity "lots"`},
		{"bad code", l, "109\t2019-03-05\tBelarus\tNA\tBelarus\tConsult\t04x\t1\tRussia\tNA\tRussia\t9\t2\tWire\tNA\tNA\tNA\tNA\tNA\tNA",
			"", "", "", "", 0, `CAMEO Code "04x"`},
		{"short row", l, "110\t2019-03-05\tBelarus", "", "", "", "", 0, "want 20 tab-separated columns"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.layout.Parse(strings.Split(tc.line, "\t"))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Source != tc.src || r.Target != tc.tgt || r.CAMEO != tc.cameo || r.Date != tc.date || r.Goldstein != tc.gold {
				t.Errorf("got %s→%s %s %s %v, want %s→%s %s %s %v", r.Source, r.Target, r.CAMEO, r.Date, r.Goldstein,
					tc.src, tc.tgt, tc.cameo, tc.date, tc.gold)
			}
			if r.Origin != "icews" {
				t.Errorf("origin %q, want icews", r.Origin)
			}
			if e := r.Event(); e.Origin != "icews" || e.CAMEO != tc.cameo || e.Source != tc.src || e.ID == "" {
				t.Errorf("event %+v", e)
			}
		})
	}
}

func TestParseGDELT(t *testing.T) {
	line := gdeltLine("77", "20190305", "BLR", "", "", "EEC", "0874", "2", "10.0", "4", "2", "F9")
	f := strings.Split(line, "\t")
	r, err := datasets.ParseGDELT(f)
	if err != nil {
		t.Fatal(err)
	}
	if r.Source != "BLR" || r.Target != "EU" || r.Goldstein != 10 || r.Quad != 2 || r.Mentions != 4 || r.Articles != 2 || r.Place != "F9" || r.PLOVER != "RETREAT" {
		t.Errorf("got %+v", r)
	}
	// GDELT 1.0: drop the three ADM2 columns (58), and SOURCEURL (57).
	var v1 []string
	for i, x := range f {
		if i != 39 && i != 47 && i != 55 {
			v1 = append(v1, x)
		}
	}
	for _, n := range []int{58, 57} {
		r1, err := datasets.ParseGDELT(v1[:n])
		if err != nil {
			t.Fatalf("%d columns: %v", n, err)
		}
		if r1.Place != "F9" || r1.Source != "BLR" || r1.Date != "2019-03-05" {
			t.Errorf("%d columns: got %+v", n, r1)
		}
		if (n == 58) != (r1.URL != "") {
			t.Errorf("%d columns: url %q", n, r1.URL)
		}
	}
	bad := []struct{ name, col, val, want string }{
		{"id", "0", "x1", "GLOBALEVENTID"},
		{"date", "1", "20191305", "SQLDATE"},
		{"code", "26", "ABC", "EventCode"},
		{"quad", "29", "7", "QuadClass"},
		{"goldstein", "30", "11", "GoldsteinScale"},
		{"mentions", "31", "-1", "NumMentions"},
		{"tone", "34", "warm", "AvgTone"},
		{"lat", "56", "north", "ActionGeo_Lat"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			g := append([]string(nil), f...)
			var i int
			for _, c := range tc.col {
				i = i*10 + int(c-'0')
			}
			g[i] = tc.val
			if _, err := datasets.ParseGDELT(g); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error naming %s", err, tc.want)
			}
		})
	}
	if _, err := datasets.ParseGDELT(f[:40]); err == nil {
		t.Error("40 columns: no error")
	}
}

func TestPOLECAT(t *testing.T) {
	hdr := "Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name\tActor Country\tActor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\tWikipedia Actor ID\tRecipient Name\tRecipient Country\tRecipient COW\tPrimary Recipient Sector\tRecipient Sectors\tRecipient Title\tRecipient Name Raw\tWikipedia Recipient ID\tPlacename\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\tGeoNames ID\tRaw Placename\tFeature Type\tSource\tPublication Date\tStory People\tStory Organizations\tStory Locations\tLanguage\tVersion"
	row := func(id, typ, intensity, actor, actorCountry, recip, recipCountry string) string {
		f := make([]string, 40)
		f[0], f[1], f[2], f[3], f[4], f[5], f[6] = id, "2023-05-02", typ, "", intensity, "", "diplomatic"
		f[7], f[8], f[15], f[16] = actor, actorCountry, recip, recipCountry
		f[23], f[27], f[28], f[29], f[30], f[33], f[34] = "Minsk", "BLR", "53.9", "27.56", "625144", "wire", "2023-05-03"
		return strings.Join(f, "\t")
	}
	l, err := datasets.NewPOLECATLayout(strings.Split(hdr, "\t"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := l.Parse(strings.Split(row("p1", "CONSULT", "", "Alexander Lukashenko;Vladimir Putin", "BLR;RUS", "Xi Jinping", "CHN"), "\t"))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Source != "BLR" || recs[1].Source != "RUS" || recs[0].Target != "CHN" || recs[0].OrigID != "p1#1.1" || recs[0].Goldstein != 2.5 || recs[0].Quad != 1 {
		t.Errorf("compound actor: got %+v", recs)
	}
	if _, err := l.Parse(strings.Split(row("p2", "HUG", "", "A", "BLR", "B", "RUS"), "\t")); err == nil || !strings.Contains(err.Error(), "PLOVER event type") {
		t.Errorf("bad type: got %v", err)
	}
	recs, err = l.Parse(strings.Split(row("p3", "SANCTION", "-6.5", "European Union", "", "Belarus", "Belarus"), "\t"))
	if err != nil || len(recs) != 1 || recs[0].Source != "EU" || recs[0].Target != "BLR" || recs[0].Goldstein != -6.5 || recs[0].Quad != 4 {
		t.Errorf("org actor: got %+v, %v", recs, err)
	}

	jsonCases := []struct{ name, line, src, tgt, typ string }{
		{"manual shape", `{"id":"j1","date":"2023-05-02","event":["AGREE"],"actor":[{"code":"BLR","entity_text":"Belarus"}],"recipient":[{"code":"RUS"}],"event_loc":{"name":"Minsk","geonamesid":625144,"lat":53.9,"lon":27.56}}`, "BLR", "RUS", "AGREE"},
		{"NGEC shape", `{"id":"j2","date":"2023-05-02","event_type":"ACCUSE","event_mode":"allege","contexts":["diplomatic"],"attributes":{"ACTOR":[{"text":"NATO","country":""}],"RECIP":[{"text":"Moscow","country":"RUS"}],"LOC":[{"text":"Brussels","geonamesid":"2800866"}]}}`, "NATO", "RUS", "ACCUSE"},
	}
	for _, tc := range jsonCases {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := datasets.ParsePLOVERJSON([]byte(tc.line))
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 || recs[0].Source != tc.src || recs[0].Target != tc.tgt || recs[0].PLOVER != tc.typ || recs[0].Origin != "polecat" {
				t.Errorf("got %+v", recs)
			}
		})
	}
	for _, bad := range []string{`{"id":"j3"`, `{"id":"j4","date":"2023-05-02","event":"AGREE"}`, `[]`, `{"id":"j5","date":"May","event":"AGREE","actor":"BLR"}`} {
		if _, err := datasets.ParsePLOVERJSON([]byte(bad)); err == nil {
			t.Errorf("%s: got no error", bad)
		}
	}

	// Both layouts through ImportFile.
	ctx := context.Background()
	db := openDB(t)
	tsv := writeFile(t, "polecat.tsv", hdr+"\n"+row("p1", "CONSULT", "", "Alexander Lukashenko;Vladimir Putin", "BLR;RUS", "Xi Jinping", "CHN")+"\n"+row("p2", "HUG", "", "A", "BLR", "B", "RUS")+"\n")
	r, err := datasets.ImportFile(ctx, db, tsv, datasets.Options{Kind: "polecat"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Rows != 2 || r.Bad != 1 || len(r.BadRows) != 1 || r.BadRows[0].Line != 3 {
		t.Errorf("polecat tsv: %+v", r)
	}
	js := writeFile(t, "p.jsonl", jsonCases[0].line+"\n"+jsonCases[1].line+"\n")
	if r, err = datasets.ImportFile(ctx, db, js, datasets.Options{Kind: "polecat"}); err != nil || r.Rows != 2 {
		t.Errorf("plover json: %+v, %v", r, err)
	}
}

func TestBadRowsReported(t *testing.T) {
	ctx := context.Background()
	good := seriesFixture
	lines := []string{good[0], good[1], "garbage line", good[2], strings.Replace(good[3], "20190402", "2019-04-02", 1), good[4]}
	for _, checked := range []bool{false, true} {
		name := map[bool]string{false: "fast", true: "checked"}[checked]
		t.Run(name, func(t *testing.T) {
			db := openDB(t)
			p := writeFile(t, "bad.CSV", strings.Join(lines, "\n")+"\n")
			r, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt", Checked: checked})
			if err != nil {
				t.Fatal(err)
			}
			if r.Rows != 4 || r.Bad != 2 {
				t.Fatalf("got %d rows, %d bad; want 4, 2", r.Rows, r.Bad)
			}
			if len(r.BadRows) != 2 || r.BadRows[0].Line != 3 || r.BadRows[1].Line != 5 {
				t.Fatalf("bad rows %+v, want lines 3 and 5", r.BadRows)
			}
			if !strings.Contains(r.BadRows[1].Err, "SQLDATE") {
				t.Errorf("line 5 error %q does not name SQLDATE", r.BadRows[1].Err)
			}
		})
	}
}

func TestZip(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	p := filepath.Join(t.TempDir(), "20190305.export.CSV.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("20190305.export.CSV")
	if err := datasets.Generate(w, 1000, 3); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	f.Close()
	for _, checked := range []bool{false, true} {
		db := db
		if checked {
			db = openDB(t)
		}
		r, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt", Checked: checked})
		if err != nil {
			t.Fatal(err)
		}
		if r.Rows != 1000 || r.Format != datasets.GDELT2 {
			t.Errorf("checked=%v: %+v", checked, r)
		}
	}
}

// TestResume interrupts an import mid-file by cancelling its context after
// the second committed chunk, runs it again and checks that every row is
// stored exactly once.
func TestResume(t *testing.T) {
	for _, checked := range []bool{true, false} {
		name := map[bool]string{false: "fast", true: "checked"}[checked]
		t.Run(name, func(t *testing.T) {
			db := openDB(t)
			p := genFile(t, 5000, 11)
			ctx, cancel := context.WithCancel(context.Background())
			chunks := 0
			opt := datasets.Options{Kind: "gdelt", Checked: checked, ChunkRows: 1000, OnChunk: func(datasets.Result) {
				if chunks++; chunks == 2 {
					cancel()
				}
			}}
			if !checked {
				cancel() // the fast path is one statement: interrupt it outright
			}
			_, err := datasets.ImportFile(ctx, db, p, opt)
			if err == nil {
				t.Fatal("interrupted import returned no error")
			}
			mid := count(t, db, `SELECT count(*) FROM dataset_events`)
			want := map[bool]int64{true: 2000, false: 0}[checked]
			if mid != want {
				t.Errorf("after interruption: %d rows, want %d", mid, want)
			}
			opt.OnChunk = nil
			r, err := datasets.ImportFile(context.Background(), db, p, opt)
			if err != nil {
				t.Fatal(err)
			}
			if checked && r.Resumed != 2000 {
				t.Errorf("resumed after line %d, want 2000", r.Resumed)
			}
			if got := count(t, db, `SELECT count(*) FROM dataset_events`); got != 5000 {
				t.Errorf("after resume: %d rows, want 5000", got)
			}
			if got := count(t, db, `SELECT count(DISTINCT id) FROM dataset_events`); got != 5000 {
				t.Errorf("after resume: %d distinct ids, want 5000", got)
			}
		})
	}
}

// TestICEWSSample imports the real ICEWS sample (3,705 rows) when
// ../shared is present.
func TestICEWSSample(t *testing.T) {
	dir := sharedtest.Dir(t, "icews_events_sample")
	ctx := context.Background()
	db := openDB(t)
	r, err := datasets.ImportFile(ctx, db, filepath.Join(dir, "icews_events_2018-06-01_02.tsv"), datasets.Options{Kind: "icews"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Rows != 3705 || r.Bad != 0 {
		t.Fatalf("got %d rows, %d bad (%+v); want 3705, 0", r.Rows, r.Bad, r.BadRows)
	}
	// The README's dyad counts.
	for _, d := range []struct {
		src, tgt string
		want     int64
	}{{"BLR", "RUS", 2}, {"RUS", "BLR", 1}, {"UKR", "RUS", 21}, {"RUS", "UKR", 14}, {"RUS", "USA", 14}} {
		if got := count(t, db, `SELECT count(*) FROM dataset_events WHERE source = ? AND target = ?`, d.src, d.tgt); got != d.want {
			t.Errorf("%s→%s: got %d, want %d", d.src, d.tgt, got, d.want)
		}
	}
	if got := count(t, db, `SELECT count(*) FROM dataset_events WHERE source = 'EU'`); got < 47 {
		t.Errorf("EU as source: got %d, want ≥ 47", got)
	}
	if got := count(t, db, `SELECT count(*) FROM dataset_events WHERE abs(goldstein - orig_goldstein) > 1e-9`); got != 0 {
		t.Errorf("%d rows where fulcrum's Goldstein differs from ICEWS Intensity", got)
	}
}

// TestGDELT1FastPath imports GDELT 1.0 files (58 and 57 columns) by both
// paths and checks they agree with the 2.0 record they were cut from.
func TestGDELT1FastPath(t *testing.T) {
	ctx := context.Background()
	var v58, v57 []string
	for _, l := range seriesFixture {
		var f []string
		for i, x := range strings.Split(l, "\t") {
			if i != 39 && i != 47 && i != 55 {
				f = append(f, x)
			}
		}
		v58 = append(v58, strings.Join(f, "\t"))
		v57 = append(v57, strings.Join(f[:57], "\t"))
	}
	for name, lines := range map[string][]string{"58 columns": v58, "57 columns": v57} {
		t.Run(name, func(t *testing.T) {
			p := writeFile(t, "v1.CSV", strings.Join(lines, "\n")+"\n")
			for _, checked := range []bool{false, true} {
				db := openDB(t)
				r, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt", Checked: checked})
				if err != nil {
					t.Fatal(err)
				}
				if r.Format != datasets.GDELT1 || r.Rows != int64(len(lines)) || r.Bad != 0 {
					t.Fatalf("checked=%v: %+v", checked, r)
				}
				var place, url string
				if err := db.QueryRow(`SELECT place, url FROM dataset_events WHERE orig_id = '1'`).Scan(&place, &url); err != nil {
					t.Fatal(err)
				}
				wantURL := "https://example.org/1"
				if name == "57 columns" {
					wantURL = ""
				}
				if place != "F1" || url != wantURL {
					t.Errorf("checked=%v: place %q url %q, want F1 %q", checked, place, url, wantURL)
				}
				rows, err := datasets.Series(ctx, db, datasets.SeriesQuery{Source: "BLR", Target: "RUS"})
				if err != nil || len(rows) != 2 || rows[0].Events != 4 || rows[0].Net != 1 {
					t.Errorf("checked=%v: series %+v, %v", checked, rows, err)
				}
			}
		})
	}
}

// TestRejectsPerFile imports two files with bad rows over one connection:
// each file's bad rows are its own.
func TestRejectsPerFile(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	db.SetMaxOpenConns(1)
	a := writeFile(t, "a.CSV", strings.Join([]string{seriesFixture[0], "bad a", seriesFixture[1]}, "\n")+"\n")
	b := writeFile(t, "b.CSV", strings.Join([]string{seriesFixture[2], seriesFixture[3], "bad b", "bad b again"}, "\n")+"\n")
	ra, err := datasets.ImportFile(ctx, db, a, datasets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rb, err := datasets.ImportFile(ctx, db, b, datasets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ra.Bad != 1 || len(ra.BadRows) != 1 || ra.BadRows[0].Line != 2 {
		t.Errorf("a: %+v", ra)
	}
	if rb.Bad != 2 || len(rb.BadRows) != 2 || rb.BadRows[0].Line != 3 || rb.BadRows[1].Line != 4 {
		t.Errorf("b: %+v", rb)
	}
	if got := count(t, db, `SELECT count(*) FROM dataset_rejects`); got != 3 {
		t.Errorf("dataset_rejects has %d rows, want 3", got)
	}
}
