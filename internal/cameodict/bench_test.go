package cameodict_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
)

// BenchmarkLoadPhoenix loads and compiles the full Phoenix dictionaries
// (issue 6: under 5 s; PETRARCH-2 needs 4.5 s).
func BenchmarkLoadPhoenix(b *testing.B) {
	dir := sharedtest.Dir(b, "petrarch_dictionaries")
	cpu0 := cpuSeconds()
	for b.Loop() {
		if _, err := cameodict.Load(dir, cameodict.FormatAuto); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(cpu/float64(b.N), "cpu-s/load")
	}
}

// speechSentences splits the UN General Debate speeches into sentences.
func speechSentences(b *testing.B) []cameodict.Record {
	b.Helper()
	dir := sharedtest.Dir(b, "ungdc_speeches", "texts")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no speeches under %s", dir)
	}
	var recs []cameodict.Record
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		s := strings.TrimPrefix(string(raw), "\ufeff")
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		recs = append(recs, cameodict.Sentences(s, filepath.Base(f), 20150915)...)
	}
	return recs
}

// BenchmarkCodeSpeeches codes every sentence of the UN speeches corpus with
// the full Phoenix dictionaries (issue 6: at least 20,000 sentences/s on
// one core; PETRARCH-2 codes 600–830 sentences/s given parse trees).
func BenchmarkCodeSpeeches(b *testing.B) {
	d := loadPhoenix(b)
	recs := speechSentences(b)
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	events := 0
	cpu0 := cpuSeconds()
	for b.Loop() {
		events = 0
		for _, r := range recs {
			res, err := c.Code(r)
			if err != nil {
				b.Fatal(err)
			}
			events += len(res.Events)
		}
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(recs)*b.N)/cpu, "sentences/cpu-s")
	}
	b.ReportMetric(float64(len(recs)), "sentences")
	b.ReportMetric(float64(events), "events")
}

// BenchmarkCodeSmall codes the committed test records with the test
// dictionaries: a check of the coder's overhead that needs no shared data.
func BenchmarkCodeSmall(b *testing.B) {
	d := loadTest(b, cameodict.FormatPETRARCH)
	raw, err := os.ReadFile("testdata/records/speech.txt")
	if err != nil {
		b.Fatal(err)
	}
	recs := cameodict.Sentences(strings.Repeat(string(raw)+"\n\n", 50), "s", 20150101)
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	for b.Loop() {
		for _, r := range recs {
			if _, err := c.Code(r); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkSentences splits the speeches corpus into sentences.
func BenchmarkSentences(b *testing.B) {
	dir := sharedtest.Dir(b, "ungdc_speeches", "texts")
	files, _ := filepath.Glob(filepath.Join(dir, "BLR", "*.txt"))
	var texts []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	for b.Loop() {
		for _, t := range texts {
			cameodict.Sentences(t, "d", 0)
		}
	}
}
