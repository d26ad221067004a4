#!/bin/sh
# Accuracy of the text coder on an evaluation set of internal/codeeval.
# By default the development set (set.jsonl: wire news, policy briefs and
# UN speeches written by the team, every CAMEO root and the hard cases,
# the set the rules are tuned on); with SET=holdout the held-out set
# (holdout.jsonl: new items in the same registers that the rules must
# never be tuned to, so its figures estimate accuracy on unseen text).
# Prints the full report: event-level precision, recall and F1 on
# (source, target, root); exact code, negation, modality and date
# accuracy; per-root, per-register and per-topic tables; every miss,
# false positive and mismatch with its text. Exits 1 when a figure is
# under the floors in eval_test.go (dev) or holdout_test.go (holdout).
#
#   bench/eval.sh               # development set (TestEval)
#   SET=holdout bench/eval.sh   # held-out set (TestHoldout)
set -eu
cd "$(dirname "$0")/.."
case "${SET:-dev}" in
dev | set) test=TestEval ;;
holdout) test=TestHoldout ;;
*)
	echo "Error: SET=${SET} is not dev or holdout" >&2
	exit 2
	;;
esac
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
go test ./internal/codeeval -run "^${test}\$" -v -count=1 >"$out" 2>&1 || status=$?
# t.Log indents the report by 8 spaces; the floor failures follow it.
sed -n -e '/^=== RUN/d' -e 's/^        //p' -e '/under its floor/p' -e '/^FAIL\|^ok\|cannot\|error/p' "$out"
exit "$status"
