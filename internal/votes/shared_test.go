package votes_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"sync"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// These tests check the embedded data and the measures against the shared
// CSV files and the published reference values; they skip when ../shared
// is absent.

var (
	sharedOnce sync.Once
	sharedData *votes.Data
	sharedErr  error
)

func shared(t *testing.T) *votes.Data {
	t.Helper()
	dir := sharedtest.Dir(t, "unga_votes_unvotes")
	ideal := sharedtest.Dir(t, "unga_ideal_points")
	sharedOnce.Do(func() { sharedData, sharedErr = votes.ReadShared(dir, ideal) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedData
}

func load(t testing.TB) *votes.Data {
	t.Helper()
	d, err := votes.Load()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// readCSV returns the rows of a shared CSV as maps keyed by the header.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	if s == "" || s == "NA" {
		return math.NaN()
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// near reports whether got equals want within tol, NaN matching NaN.
func near(got, want, tol float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol
}

func sameFloat(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b))
}

func TestEmbeddedEqualsShared(t *testing.T) {
	want := shared(t)
	got := load(t)
	if g, w := got.Countries(), want.Countries(); !reflect.DeepEqual(g, w) {
		t.Errorf("countries differ: got %d, want %d", len(g), len(w))
	}
	gr, wr := got.RollCalls(), want.RollCalls()
	if len(gr) != len(wr) {
		t.Fatalf("got %d roll calls, want %d", len(gr), len(wr))
	}
	for i := range gr {
		if !reflect.DeepEqual(gr[i], wr[i]) {
			t.Errorf("roll call %d: got %+v, want %+v", wr[i].RCID, gr[i], wr[i])
		}
	}
	n := 0
	for _, rc := range wr {
		for _, s := range want.States() {
			if g, w := got.Vote(rc.RCID, s), want.Vote(rc.RCID, s); g != w {
				t.Errorf("rcid %d %s: got vote %v, want %v", rc.RCID, s, g, w)
			}
			if want.Vote(rc.RCID, s) != votes.Absent {
				n++
			}
		}
	}
	if n != 870109 {
		t.Errorf("got %d votes in the CSV, want the README's 870109", n)
	}
	gi, wi := got.AllIdealPoints(), want.AllIdealPoints()
	if len(gi) != len(wi) {
		t.Fatalf("got %d ideal points, want %d", len(gi), len(wi))
	}
	for i := range gi {
		g, w := gi[i], wi[i]
		gf := []float64{g.Point, g.Q0, g.Q5, g.Q10, g.Q50, g.Q90, g.Q95, g.Q100, g.USAgree, g.RussiaAgree, g.BrazilAgree, g.ChinaAgree, g.IndiaAgree, g.IsraelAgree}
		wf := []float64{w.Point, w.Q0, w.Q5, w.Q10, w.Q50, w.Q90, w.Q95, w.Q100, w.USAgree, w.RussiaAgree, w.BrazilAgree, w.ChinaAgree, w.IndiaAgree, w.IsraelAgree}
		for k := range gf {
			if !sameFloat(gf[k], wf[k]) {
				t.Errorf("ideal point row %d column %d: got %v, want %v", i, k, gf[k], wf[k])
			}
		}
		g.Point, w.Point = 0, 0
		if g.CCode != w.CCode || g.ISO3 != w.ISO3 || g.State != w.State || g.Name != w.Name || g.Session != w.Session || g.Year != w.Year || g.NVotes != w.NVotes {
			t.Errorf("ideal point row %d: got %+v, want %+v", i, g, w)
		}
	}
}

// TestCountrySummaries checks countries.csv's derived columns against the
// votes themselves.
func TestCountrySummaries(t *testing.T) {
	d := shared(t)
	for _, c := range d.Countries() {
		var n [4]int
		first, last := "", ""
		for _, rc := range d.RollCalls() {
			v := d.Vote(rc.RCID, c.ISO3)
			if v == votes.Absent {
				continue
			}
			n[v]++
			day := rc.Date.Format("2006-01-02")
			if first == "" || day < first {
				first = day
			}
			if day > last {
				last = day
			}
		}
		got := fmt.Sprint(n[1]+n[2]+n[3], n[1], n[2], n[3], first, last)
		want := fmt.Sprint(c.NVotes, c.NYes, c.NAbstain, c.NNo, c.FirstVote.Format("2006-01-02"), c.LastVote.Format("2006-01-02"))
		if got != want {
			t.Errorf("%s: got %s, want %s", c.ISO3, got, want)
		}
	}
}

func TestReferenceAgreement5y(t *testing.T) {
	dir := sharedtest.Dir(t, "unga_votes_unvotes")
	d := load(t)
	rows := readCSV(t, filepath.Join(dir, "reference_agreement_5y.csv"))
	if len(rows) != 144 {
		t.Fatalf("got %d reference rows, want 144", len(rows))
	}
	cache := map[string][]votes.Agreement{}
	for _, row := range rows {
		name := row["vote_set"] + "/" + row["focus"] + "-" + row["other"] + "/" + row["period"]
		t.Run(name, func(t *testing.T) {
			opt := votes.Options{By: votes.ByPeriod, PeriodYears: 5, From: 1992}
			switch row["vote_set"] {
			case "all":
			case "voeten_ideal_point_set":
				opt.Filter = votes.VoetenFilter()
			default:
				t.Fatalf("unknown vote set %q", row["vote_set"])
			}
			key := row["vote_set"] + row["focus"] + row["other"]
			as, ok := cache[key]
			if !ok {
				var err error
				as, err = d.Pair(row["focus"], row["other"], opt)
				if err != nil {
					t.Fatal(err)
				}
				cache[key] = as
			}
			var a *votes.Agreement
			for i := range as {
				if as[i].Bucket == row["period"] {
					a = &as[i]
				}
			}
			if a == nil {
				t.Fatalf("no bucket %s", row["period"])
			}
			if got, want := strconv.Itoa(a.N()), row["n_joint"]; got != want {
				t.Errorf("n: got %s, want %s", got, want)
			}
			if got, want := strconv.Itoa(a.Same()), row["n_identical"]; got != want {
				t.Errorf("identical: got %s, want %s", got, want)
			}
			checks := []struct {
				col  string
				got  float64
				prec float64
			}{
				{"pct_identical", 100 * a.Identical(), 0.005},
				{"agree_halfcredit", a.HalfCredit(), 5e-5},
				{"S_abs", a.S(votes.Linear), 5e-5},
				{"S_sq", a.S(votes.Quadratic), 5e-5},
				{"kappa_nominal", a.Kappa(votes.Nominal), 5e-5},
				{"pi_nominal", a.Pi(votes.Nominal), 5e-5},
				{"kappa_abs", a.Kappa(votes.Linear), 5e-5},
				{"pi_abs", a.Pi(votes.Linear), 5e-5},
				{"kappa_sq", a.Kappa(votes.Quadratic), 5e-5},
				{"pi_sq", a.Pi(votes.Quadratic), 5e-5},
			}
			for _, c := range checks {
				// The file is rounded to 2 or 4 decimals: allow the
				// rounding plus float noise.
				if want := num(t, row[c.col]); !near(c.got, want, c.prec+1e-9) {
					t.Errorf("%s: got %.6f, want %v", c.col, c.got, row[c.col])
				}
			}
		})
	}
}

func TestSimilarityByYear(t *testing.T) {
	dir := sharedtest.Dir(t, "unga_votes_unvotes")
	d := load(t)
	rows := readCSV(t, filepath.Join(dir, "reference_similarity_by_year.csv"))
	all, err := d.AllDyadYears(votes.Options{Weight: votes.Quadratic})
	if err != nil {
		t.Fatal(err)
	}
	index := map[string]votes.DyadYear{}
	for _, dy := range all {
		index[fmt.Sprint(dy.A.String(), dy.B.String(), dy.Year)] = dy
	}
	for _, row := range rows {
		t.Run(row["iso3_1"]+"-"+row["iso3_2"]+"/"+row["year"], func(t *testing.T) {
			a, b := row["iso3_1"], row["iso3_2"]
			if a > b {
				a, b = b, a
			}
			dy, ok := index[fmt.Sprint(a, b, row["year"])]
			if !ok {
				t.Fatal("dyad-year missing from AllDyadYears")
			}
			year, _ := strconv.Atoi(row["year"])
			pair, err := d.Pair(row["iso3_1"], row["iso3_2"], votes.Options{From: year, To: year})
			if err != nil {
				t.Fatal(err)
			}
			if len(pair) != 1 {
				t.Fatalf("Pair gave %d buckets, want 1", len(pair))
			}
			p := pair[0]
			if got, want := strconv.Itoa(dy.Table().N()), row["n"]; got != want {
				t.Errorf("n: got %s, want %s", got, want)
			}
			if dy.Table().N() != p.N() {
				t.Errorf("AllDyadYears n %d, Pair n %d", dy.Table().N(), p.N())
			}
			checks := []struct {
				col       string
				fast, ref float64
			}{
				{"kappa_sq", dy.Kappa, p.Kappa(votes.Quadratic)},
				{"pi_nominal", dy.Table().Pi(votes.Nominal), p.Pi(votes.Nominal)},
				{"S_abs", dy.S, p.S(votes.Linear)},
				{"S_sq", dy.Table().S(votes.Quadratic), p.S(votes.Quadratic)},
			}
			for _, c := range checks {
				want := num(t, row[c.col])
				if !near(c.fast, want, 1e-12) {
					t.Errorf("%s: AllDyadYears got %.15g, want %s", c.col, c.fast, row[c.col])
				}
				if !near(c.ref, want, 1e-12) {
					t.Errorf("%s: Pair got %.15g, want %s", c.col, c.ref, row[c.col])
				}
			}
		})
	}
}

// TestAllDyadYearsCount checks the dyad-year count and that the
// fast path agrees with the per-pair path on a spread of dyad-years.
func TestAllDyadYearsCount(t *testing.T) {
	sharedtest.Dir(t, "unga_votes_unvotes")
	d := load(t)
	all, err := d.AllDyadYears(votes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dy := range all {
		if dy.Year <= 2019 {
			n++
		}
	}
	if n != 819308 {
		t.Errorf("got %d dyad-years 1946-2019, want 819308", n)
	}
	for i := 0; i < len(all); i += 9973 {
		dy := all[i]
		p, err := d.Pair(dy.A.String(), dy.B.String(), votes.Options{From: int(dy.Year), To: int(dy.Year)})
		if err != nil {
			t.Fatal(err)
		}
		if len(p) != 1 || p[0].Table != dy.Table() {
			t.Errorf("%s-%s %d: AllDyadYears table %v, Pair %v", dy.A, dy.B, dy.Year, dy.Table(), p)
			continue
		}
		if !near(dy.Kappa, p[0].Kappa(votes.Nominal), 1e-12) || !near(dy.Pi, p[0].Pi(votes.Nominal), 1e-12) || !near(dy.S, p[0].S(votes.Linear), 1e-12) {
			t.Errorf("%s-%s %d: fast κ π S %v %v %v, slow %v %v %v", dy.A, dy.B, dy.Year, dy.Kappa, dy.Pi, dy.S,
				p[0].Kappa(votes.Nominal), p[0].Pi(votes.Nominal), p[0].S(votes.Linear))
		}
	}
}
