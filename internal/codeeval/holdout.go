package codeeval

import (
	"bytes"
	_ "embed"
	"fmt"
)

// holdout is the held-out evaluation set. Its items were written apart
// from set.jsonl, with their wanted events fixed before the coder was run
// on them, and the coder's rules must never be tuned to them: its figures
// estimate how the coder does on text it has not seen. Change a want only
// when it is wrong by the codebook, and say so in the commit.
//
//go:embed holdout.jsonl
var holdout []byte

// Holdout returns the held-out evaluation set (holdout.jsonl, embedded):
// items in the same format and registers as [Default]'s, on other events,
// actors and wording, that the coder's rules are not tuned to. Use
// [Default] to find and fix errors and Holdout only to measure; the
// difference between their figures is how much the rules overfit the
// development set.
func Holdout() ([]Item, error) {
	items, err := Load(bytes.NewReader(holdout))
	if err != nil {
		return nil, fmt.Errorf("holdout.jsonl: %w", err)
	}
	return items, nil
}
