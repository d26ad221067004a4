package suggest_test

import (
	"fmt"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/suggest"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"equal", "report", "report", 0},
		{"both empty", "", "", 0},
		{"from empty", "", "abc", 3},
		{"to empty", "abc", "", 3},
		{"substitution", "BLS", "BLR", 1},
		{"insertion", "repot", "report", 1},
		{"deletion", "reportt", "report", 1},
		{"transposition counts twice", "BRL", "BLR", 2},
		{"kitten", "kitten", "sitting", 3},
		{"case matters", "blr", "BLR", 3},
		{"bytes not runes", "é", "e", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := suggest.Distance(tc.a, tc.b); got != tc.want {
				t.Errorf("Distance(%q, %q): got %d, want %d", tc.a, tc.b, got, tc.want)
			}
			if got := suggest.Distance(tc.b, tc.a); got != tc.want {
				t.Errorf("Distance(%q, %q): got %d, want %d (not symmetric)", tc.b, tc.a, got, tc.want)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	commands := []string{"votes", "report", "ingest", "serve", "code", "export"}
	tests := []struct {
		name       string
		s          string
		candidates []string
		want       string
	}{
		{"one typo", "reprot", commands, "report"},
		{"ignores case", "INGEST", commands, "ingest"},
		{"keeps the candidate's case", "west", []string{"RUSSIA", "WEST", "CHINA"}, "WEST"},
		{"two edits", "vots2", commands, "votes"},
		{"three edits is too far", "xyzzy", commands, ""},
		{"no candidates", "report", nil, ""},
		{"tie goes to the first in order", "cde", []string{"cdf", "cdd"}, "cdd"},
		{"nearer beats first in order", "serve2", []string{"serve", "serv"}, "serve"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := suggest.Closest(tc.s, tc.candidates); got != tc.want {
				t.Errorf("Closest(%q, %q): got %q, want %q", tc.s, tc.candidates, got, tc.want)
			}
		})
	}
}

func TestClosestKeepsCandidates(t *testing.T) {
	candidates := []string{"votes", "code", "report"}
	suggest.Closest("cod", candidates)
	if got, want := fmt.Sprint(candidates), "[votes code report]"; got != want {
		t.Errorf("candidates after Closest: got %s, want %s", got, want)
	}
}

func ExampleClosest() {
	commands := []string{"code", "ingest", "report", "serve", "votes"}
	fmt.Println(suggest.Closest("reprot", commands))
	fmt.Println(suggest.Closest("frobnicate", commands) == "")
	// Output:
	// report
	// true
}

func ExampleDistance() {
	fmt.Println(suggest.Distance("BLS", "BLR"))
	// Output: 1
}
