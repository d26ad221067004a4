package datasets_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

// gdeltLine builds a 61-column GDELT 2.0 record from the fields the tests
// care about; the rest are plausible constants.
func gdeltLine(id, date, a1country, a1group, a2country, a2group, code, quad, gold, mentions, articles, feature string) string {
	f := make([]string, 61)
	f[0], f[1], f[2], f[3], f[4] = id, date, date[:6], date[:4], date[:4]+".1"
	f[5], f[7], f[8] = a1country+a1group, a1country, a1group
	f[6] = "ACTOR ONE"
	f[15], f[17], f[18] = a2country+a2group, a2country, a2group
	f[16] = "ACTOR TWO"
	f[25], f[26], f[27], f[28] = "1", code, code[:3], code[:2]
	f[29], f[30], f[31], f[32], f[33], f[34] = quad, gold, mentions, "1", articles, "-1.5"
	f[51], f[52], f[53], f[56], f[57], f[58] = "4", "Minsk, Belarus", "BO", "53.9", "27.5667", feature
	f[59], f[60] = date+"120000", "https://example.org/"+id
	return strings.Join(f, "\t")
}

// seriesFixture is a hand-checked set of GDELT records:
//
//	1, 2  2019-03-05 BLR→RUS 040 at F1: one event reported twice (mentions 2+3, articles 2+1)
//	3     2019-03-20 BLR→RUS 112 at F2
//	4     2019-04-02 BLR→RUS 057 at F2
//	5     2019-03-07 RUS→BLR 190 at F1
//	6     2019-03-08 BLR→RUS 040 at F1: same dyad, code and place as 1, another day
//	7     2019-03-05 BLR→RUS 040 at F3: same day, dyad and code as 1, another place
var seriesFixture = []string{
	gdeltLine("1", "20190305", "BLR", "", "RUS", "", "040", "1", "1.0", "2", "2", "F1"),
	gdeltLine("2", "20190305", "BLR", "", "RUS", "", "040", "1", "1.0", "3", "1", "F1"),
	gdeltLine("3", "20190320", "BLR", "", "RUS", "", "112", "3", "-2.0", "1", "1", "F2"),
	gdeltLine("4", "20190402", "BLR", "", "RUS", "", "057", "1", "8.0", "1", "1", "F2"),
	gdeltLine("5", "20190307", "RUS", "", "BLR", "", "190", "4", "-10.0", "1", "1", "F1"),
	gdeltLine("6", "20190308", "BLR", "", "RUS", "", "040", "1", "1.0", "1", "1", "F1"),
	gdeltLine("7", "20190305", "BLR", "", "RUS", "", "040", "1", "1.0", "1", "1", "F3"),
}

func TestDedupRule(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	p := writeFile(t, "fix.CSV", strings.Join(seriesFixture, "\n")+"\n")
	if _, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt"}); err != nil {
		t.Fatal(err)
	}
	if got, want := count(t, db, `SELECT count(*) FROM dataset_events`), int64(7); got != want {
		t.Errorf("records: got %d, want %d", got, want)
	}
	if got, want := count(t, db, `SELECT count(*) FROM dataset_dedup`), int64(6); got != want {
		t.Errorf("deduplicated events: got %d, want %d", got, want)
	}
	var reports, mentions, articles int64
	err := db.QueryRow(`SELECT reports, mentions, articles FROM dataset_dedup WHERE date = '2019-03-05' AND place = 'F1'`).Scan(&reports, &mentions, &articles)
	if err != nil {
		t.Fatal(err)
	}
	if reports != 2 || mentions != 5 || articles != 3 {
		t.Errorf("merged event: reports %d mentions %d articles %d; want 2, 5, 3", reports, mentions, articles)
	}
}

func TestSeries(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	p := writeFile(t, "fix.CSV", strings.Join(seriesFixture, "\n")+"\n")
	if _, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt"}); err != nil {
		t.Fatal(err)
	}
	row := func(period, src, tgt string, events, reports int64, q [5]int64, net, mean float64) datasets.SeriesRow {
		return datasets.SeriesRow{Period: period, Source: src, Target: tgt, Events: events, Reports: reports, Quad: q, Net: net, Mean: mean}
	}
	cases := []struct {
		name string
		q    datasets.SeriesQuery
		want []datasets.SeriesRow
	}{
		{"dyad by month", datasets.SeriesQuery{Source: "BLR", Target: "RUS", By: "month"}, []datasets.SeriesRow{
			// 1+2 merged (1.0), 7 (1.0), 3 (−2.0), 6 (1.0)
			row("2019-03-01", "BLR", "RUS", 4, 5, [5]int64{0, 3, 0, 1, 0}, 1, 0.25),
			row("2019-04-01", "BLR", "RUS", 1, 1, [5]int64{0, 1, 0, 0, 0}, 8, 8),
		}},
		{"raw records", datasets.SeriesQuery{Source: "BLR", Target: "RUS", Raw: true}, []datasets.SeriesRow{
			row("2019-03-01", "BLR", "RUS", 5, 5, [5]int64{0, 4, 0, 1, 0}, 2, 0.4),
			row("2019-04-01", "BLR", "RUS", 1, 1, [5]int64{0, 1, 0, 0, 0}, 8, 8),
		}},
		{"all dyads of BLR by year", datasets.SeriesQuery{Source: "BLR", By: "year"}, []datasets.SeriesRow{
			row("2019-01-01", "BLR", "RUS", 5, 6, [5]int64{0, 4, 0, 1, 0}, 9, 1.8),
			row("2019-01-01", "RUS", "BLR", 1, 1, [5]int64{0, 0, 0, 0, 1}, -10, -10),
		}},
		{"by ISO week", datasets.SeriesQuery{Source: "BLR", Target: "RUS", By: "week", To: "2019-03-10"}, []datasets.SeriesRow{
			// 2019-03-05 (Tue) and 03-08 (Fri) are in the week of Monday 03-04.
			row("2019-03-04", "BLR", "RUS", 3, 4, [5]int64{0, 3, 0, 0, 0}, 3, 1),
		}},
		{"by day from", datasets.SeriesQuery{Source: "BLR", Target: "RUS", By: "day", From: "2019-03-08", To: "2019-03-31"}, []datasets.SeriesRow{
			row("2019-03-08", "BLR", "RUS", 1, 1, [5]int64{0, 1, 0, 0, 0}, 1, 1),
			row("2019-03-20", "BLR", "RUS", 1, 1, [5]int64{0, 0, 0, 1, 0}, -2, -2),
		}},
		{"other origin only", datasets.SeriesQuery{Source: "BLR", Target: "RUS", Origins: []string{"icews"}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := datasets.Series(ctx, db, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
	for _, bad := range []datasets.SeriesQuery{
		{Source: "BLR", By: "fortnight"}, {Source: "blr'; DROP TABLE x"}, {Source: "BLR", Origins: []string{"x"}}, {Source: "BLR", From: "2019-13-01"},
	} {
		if _, err := datasets.Series(ctx, db, bad); err == nil {
			t.Errorf("%+v: got no error", bad)
		}
	}
}

func TestExportSeries(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	p := writeFile(t, "fix.CSV", strings.Join(seriesFixture, "\n")+"\n")
	if _, err := datasets.ImportFile(ctx, db, p, datasets.Options{Kind: "gdelt"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	q := datasets.SeriesQuery{Source: "BLR", Target: "RUS"}
	csvPath, pqPath := filepath.Join(dir, "s.csv"), filepath.Join(dir, "s.parquet")
	if err := datasets.ExportSeries(ctx, db, q, csvPath, "csv"); err != nil {
		t.Fatal(err)
	}
	if err := datasets.ExportSeries(ctx, db, q, pqPath, "parquet"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	want := "period,source,target,events,reports,q0,q1,q2,q3,q4,net_cooperation,mean_intensity\n" +
		"2019-03-01,BLR,RUS,4,5,0,3,0,1,0,1.0,0.25\n2019-04-01,BLR,RUS,1,1,0,1,0,0,0,8.0,8.0\n"
	if string(b) != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b, want)
	}
	if got := count(t, db, `SELECT sum(events) FROM read_parquet(`+"'"+pqPath+"'"+`)`); got != 5 {
		t.Errorf("parquet: got %d events, want 5", got)
	}
	var sb strings.Builder
	rows, _ := datasets.Series(ctx, db, q)
	if err := datasets.WriteSeriesCSV(&sb, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sb.String(), "period,source,target") || strings.Count(sb.String(), "\n") != 3 {
		t.Errorf("WriteSeriesCSV:\n%s", sb.String())
	}
	ev := filepath.Join(dir, "ev.parquet")
	if err := datasets.ExportEvents(ctx, db, ev, "parquet", []string{"gdelt"}); err != nil {
		t.Fatal(err)
	}
	if got := count(t, db, `SELECT count(*) FROM read_parquet('`+ev+`')`); got != 6 {
		t.Errorf("events parquet: got %d rows, want 6", got)
	}
}

func TestGenerateTable(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	if err := datasets.GenerateTable(ctx, db, 20000, 3, true); err != nil {
		t.Fatal(err)
	}
	if got := count(t, db, `SELECT count(DISTINCT id) FROM dataset_events`); got != 20000 {
		t.Errorf("got %d distinct ids, want 20000", got)
	}
	// The mix: USA is the most frequent source, BLR rare but present, a
	// third of targets empty, dates within 2015–2024.
	if got := count(t, db, `SELECT count(*) FROM dataset_events WHERE target = ''`); got < 5000 || got > 8500 {
		t.Errorf("%d empty targets, want about a third", got)
	}
	if got := count(t, db, `SELECT count(*) FROM dataset_events WHERE date < '2015-01-01' OR date > '2024-12-31'`); got != 0 {
		t.Errorf("%d dates out of range", got)
	}
	var top string
	db.QueryRow(`SELECT source FROM dataset_events WHERE source <> '' GROUP BY source ORDER BY count(*) DESC LIMIT 1`).Scan(&top)
	if top != "USA" {
		t.Errorf("most frequent source %q, want USA", top)
	}
	rows, err := datasets.Series(ctx, db, datasets.SeriesQuery{Source: "BLR", By: "year"})
	if err != nil || len(rows) == 0 {
		t.Fatalf("series: %d rows, %v", len(rows), err)
	}
	if _, err := datasets.GenerateTableSQL(10, 1, "oracle"); err == nil {
		t.Error("unknown dialect accepted")
	}
}

func TestGenerateTableWithoutIDs(t *testing.T) {
	ctx := context.Background()
	a, b := openDB(t), openDB(t)
	if err := datasets.GenerateTable(ctx, a, 5000, 9, true); err != nil {
		t.Fatal(err)
	}
	if err := datasets.GenerateTable(ctx, b, 5000, 9, false); err != nil {
		t.Fatal(err)
	}
	if got := count(t, b, `SELECT count(*) FROM dataset_events WHERE id = ''`); got != 5000 {
		t.Errorf("%d empty ids, want 5000", got)
	}
	q := datasets.SeriesQuery{Source: "USA", By: "year"}
	ra, _ := datasets.Series(ctx, a, q)
	rb, _ := datasets.Series(ctx, b, q)
	if len(ra) == 0 || !reflect.DeepEqual(ra, rb) {
		t.Errorf("series differ with and without ids:\n%v\n%v", ra, rb)
	}
}
