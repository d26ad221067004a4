package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

// datasetEnv returns an Env on a temp DuckDB file and its output buffers.
// runImport, runSeries and runExportSeries are called directly: the lead
// registers them in commands().
func datasetEnv(t *testing.T) (*Env, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	return &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, DB: filepath.Join(t.TempDir(), "f.duckdb"), Getenv: os.Getenv}, &out, &errb
}

func TestImportSeriesCLI(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen.export.CSV")
	f, err := os.Create(gen)
	if err != nil {
		t.Fatal(err)
	}
	if err := datasets.Generate(f, 5000, 3); err != nil {
		t.Fatal(err)
	}
	f.Close()
	icews := filepath.Join(dir, "icews.tsv")
	os.WriteFile(icews, []byte("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"+
		"1\t2019-03-05\tBelarus\tNA\tBelarus\tConsult\t040\t1\tRussia\tNA\tRussian Federation\t9\t1\tWire\tNA\tNA\tNA\tNA\tNA\tNA\n"+
		"2\t2019-03-05\tBelarus\tNA\tBelarus\tConsult\t0x0\t1\tRussia\tNA\tRussian Federation\t9\t1\tWire\tNA\tNA\tNA\tNA\tNA\tNA\n"), 0o644)

	env, out, errb := datasetEnv(t)
	ctx := t.Context()
	if err := runImport(ctx, env, []string{"gdelt", gen}); err != nil {
		t.Fatalf("import: %v\n%s", err, errb)
	}
	if !strings.Contains(out.String(), "GDELT 2.0, 5000 records imported, 0 bad rows (fast path") {
		t.Errorf("import output:\n%s", out)
	}
	out.Reset()
	if err := runImport(ctx, env, []string{"gdelt", gen}); err != nil || !strings.Contains(out.String(), "already imported (5000 records, 0 bad rows); skipped") {
		t.Errorf("second import: %v\n%s", err, out)
	}
	out.Reset()
	err = runImport(ctx, env, []string{"gdelt", icews})
	if err == nil || !strings.Contains(errb.String(), "is not GDELT: looks like ICEWS (20 columns") || !strings.Contains(errb.String(), "Try: fulcrum import icews "+icews) {
		t.Errorf("wrong format: %v\n%s", err, errb)
	}
	errb.Reset()
	if err := runImport(ctx, env, []string{"icews", icews}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 records imported, 1 bad rows") || !strings.Contains(errb.String(), icews+`:3: CAMEO Code "0x0"`) {
		t.Errorf("icews import:\nstdout %s\nstderr %s", out, errb)
	}
	out.Reset()
	if err := runSeries(ctx, env, []string{"BLR", "RUS", "--by", "year", "--origin", "icews"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "2019-01-01") || !strings.Contains(out.String(), "BLR → RUS by year; origins icews") {
		t.Errorf("series:\n%s", out)
	}
	out.Reset()
	if err := runExportSeries(ctx, env, []string{"BLR", "RUS", "--by", "year", "--origin", "icews", "--format", "csv"}); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "period,source,target,events,reports,q0,q1,q2,q3,q4,net_cooperation,mean_intensity\n2019-01-01,BLR,RUS,1,1,0,1,0,0,0,1,1\n"; got != want {
		t.Errorf("export csv:\n%s\nwant\n%s", got, want)
	}
	pq := filepath.Join(dir, "s.parquet")
	if err := runExportSeries(ctx, env, []string{"BLR", "--format", "parquet", "-o", pq}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(pq); err != nil || st.Size() == 0 {
		t.Errorf("parquet file: %v", err)
	}
	for _, bad := range [][]string{{"gdelt"}, {"acled", gen}, {"gdelt", "--chunk", "x", gen}} {
		if _, ok := runImport(ctx, env, bad).(*usageError); !ok {
			t.Errorf("%v: want a usage error", bad)
		}
	}
	if _, ok := runSeries(ctx, env, []string{"BLR", "--by", "decade"}).(*usageError); !ok {
		t.Errorf("bad period: want a usage error")
	}
}
