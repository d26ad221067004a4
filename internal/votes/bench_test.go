package votes_test

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// BenchmarkDecode measures decoding the embedded file (what Load does
// once per process).
func BenchmarkDecode(b *testing.B) {
	raw, err := os.ReadFile("data/unga.bin.gz")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	cpu := cpuTime()
	for b.Loop() {
		if _, err := votes.Decode(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkAllDyadYears measures κ, π and S for every pair of states in
// every year 1946–2019 (the 819,308 dyad-years).
func BenchmarkAllDyadYears(b *testing.B) {
	d := load(b)
	opt := votes.Options{From: 1946, To: 2019, Weight: votes.Quadratic}
	n := 0
	cpu := cpuTime()
	for b.Loop() {
		all, err := d.AllDyadYears(opt)
		if err != nil {
			b.Fatal(err)
		}
		n = len(all)
	}
	cpu = cpuTime() - cpu
	b.ReportMetric(float64(n), "dyads")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "dyads/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkVersusPole measures one state against a 30-member pole, by
// year, over all years.
func BenchmarkVersusPole(b *testing.B) {
	d := load(b)
	west := []string{"USA", "GBR", "FRA", "DEU", "GFR", "ITA", "CAN", "NLD", "BEL", "LUX", "NOR", "DNK", "ISL", "PRT",
		"ESP", "GRC", "TUR", "POL", "CZE", "HUN", "EST", "LVA", "LTU", "SVK", "SVN", "ROU", "BGR", "HRV", "ALB", "MNE"}
	ref := votes.PoleRef("WEST", func(time.Time) []string { return west })
	for b.Loop() {
		if _, err := d.Versus("UKR", ref, votes.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPair measures one state pair by year over all years.
func BenchmarkPair(b *testing.B) {
	d := load(b)
	for b.Loop() {
		if _, err := d.Pair("BLR", "RUS", votes.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
