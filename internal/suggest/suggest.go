// Package suggest finds the known name nearest to a mistyped one, for the
// "did you mean …?" hints of unknown commands, states and poles.
package suggest

import (
	"slices"
	"strings"
)

// Distance is the Levenshtein edit distance between a and b: the fewest
// single-byte insertions, deletions and substitutions that turn a into b.
// It compares bytes, so a multi-byte character counts as several.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Closest returns the candidate nearest to s by [Distance], ignoring case,
// or "" when none is within two edits. Ties go to the candidate that sorts
// first. The candidates slice is not modified.
func Closest(s string, candidates []string) string {
	sorted := slices.Clone(candidates)
	slices.Sort(sorted)
	low := strings.ToLower(s)
	best, bestD := "", 3
	for _, c := range sorted {
		if d := Distance(low, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
