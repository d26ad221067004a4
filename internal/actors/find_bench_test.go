package actors_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
)

func benchSentences(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile("testdata/bench/sentences.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// BenchmarkFind reports the cost of matching one realistic sentence
// (about 130 bytes) with all built-in dictionaries loaded.
func BenchmarkFind(b *testing.B) {
	d := builtin(b)
	sents := benchSentences(b)
	date := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	var dst []actors.Match
	var bytes int
	for _, s := range sents {
		bytes += len(s)
	}
	b.SetBytes(int64(bytes / len(sents)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		dst = d.Find(sents[i%len(sents)], date, dst[:0])
		i++
	}
}

// BenchmarkClone reports the cost of copying the built-in dictionaries
// before a user's files are added.
func BenchmarkClone(b *testing.B) {
	d := builtin(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = d.Clone()
	}
}
