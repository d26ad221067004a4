package actors_test

import (
	"sync"
	"testing"
	"time"
)

// TestFindConcurrent runs Find from several goroutines on the shared
// built-in Dict (run with -race).
func TestFindConcurrent(t *testing.T) {
	d := builtin(t)
	sents := benchSentences(t)
	want := make([]int, len(sents))
	for i, s := range sents {
		want[i] = len(d.Find(s, time.Time{}, nil))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range sents {
				j := (i + g) % len(sents)
				if got := len(d.Find(sents[j], time.Time{}, nil)); got != want[j] {
					t.Errorf("goroutine %d sentence %d: %d matches, want %d", g, j, got, want[j])
				}
			}
		}()
	}
	wg.Wait()
}
