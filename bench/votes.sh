#!/bin/sh
# bench/votes.sh — UN vote figures: decoding the embedded data and κ, S, π
# for every pair of states in every year 1946–2019 (819,308 dyad-years),
# against the baselines measured on this kind of machine (issue 3):
# R matrix algebra 12.9 s, numpy/pandas 11.1 s.
#
# Usage: bench/votes.sh [COUNT]   (COUNT runs per benchmark, default 5)
set -eu
cd "$(dirname "$0")/.."
count=${1:-5}
out=$(go test -run '^$' -bench '^(BenchmarkDecode|BenchmarkAllDyadYears|BenchmarkVersusPole|BenchmarkPair)$' \
	-benchtime "${count}x" -count 1 ./internal/votes)
echo "$out" | grep -E '^(cpu|Benchmark)'
echo "$out" | awk -v cores="$(getconf _NPROCESSORS_ONLN)" '
/^BenchmarkDecode/        { printf "decode embedded data (Load, once per process): %.0f ms\n", $3/1e6 }
/^BenchmarkAllDyadYears/  {
	s = $3/1e9
	printf "all dyad-years 1946-2019: %d dyads in %.3f s on %d cores = %.2f M dyads/s\n", $5, s, cores, $7/1e6
	printf "  vs R matrix algebra 12.9 s: %.0fx faster; vs numpy 11.1 s: %.0fx faster; target <= 1 s: %s\n", 12.9/s, 11.1/s, (s <= 1 ? "met" : "NOT met")
}
/^BenchmarkVersusPole/    { printf "one state vs a 30-member pole, by year, all years: %.1f ms\n", $3/1e6 }
/^BenchmarkPair/          { printf "one state pair, by year, all years: %.2f ms\n", $3/1e6 }
'
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) (the machine is shared; rerun when it is quiet)"
