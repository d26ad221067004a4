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
# metric(u): the value printed before unit u on this line.
function metric(u,   i) { for (i = 3; i < NF; i++) if ($(i+1) == u) return $i; return 0 }
/^BenchmarkDecode/ {
	printf "decode embedded data (Load, once per process): %.0f ms wall, %.0f ms CPU\n", metric("ns/op")/1e6, metric("cpu-s/op")*1e3
}
/^BenchmarkAllDyadYears/ {
	s = metric("ns/op")/1e9
	printf "all dyad-years 1946-2019: %d dyads in %.3f s wall on %d cores = %.2f M dyads/s (%.3f s CPU summed over cores)\n", metric("dyads"), s, cores, metric("dyads/s")/1e6, metric("cpu-s/op")
	printf "  vs R matrix algebra 12.9 s: %.0fx faster; vs numpy 11.1 s: %.0fx faster; target <= 1 s: %s\n", 12.9/s, 11.1/s, (s <= 1 ? "met" : "NOT met")
}
/^BenchmarkVersusPole/ { printf "one state vs a 30-member pole, by year, all years: %.1f ms\n", metric("ns/op")/1e6 }
/^BenchmarkPair/       { printf "one state pair, by year, all years: %.2f ms\n", metric("ns/op")/1e6 }
'
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) (the machine is shared; rerun when it is quiet)"
