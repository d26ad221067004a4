#!/bin/sh
# Accuracy of the text coder on the evaluation set of internal/codeeval
# (set.jsonl: wire news, policy briefs and UN speeches written by the
# team, every CAMEO root and the hard cases). Prints the full report:
# event-level precision, recall and F1 on (source, target, root); exact
# code, negation, modality and date accuracy; per-root, per-register and
# per-topic tables; every miss, false positive and mismatch with its text.
# Exits 1 when a figure is under the floors in eval_test.go.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
go test ./internal/codeeval -run '^TestEval$' -v -count=1 >"$out" 2>&1 || status=$?
# t.Log indents the report by 8 spaces; the floor failures follow it.
sed -n -e '/^=== RUN/d' -e 's/^        //p' -e '/under its floor/p' -e '/^FAIL\|^ok\|cannot\|error/p' "$out"
exit "$status"
