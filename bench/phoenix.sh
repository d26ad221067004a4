#!/bin/sh
# bench/phoenix.sh — issue 6 figures: load the full Phoenix/PETRARCH-2 CAMEO
# dictionaries and code the UN General Debate speeches with them on one
# core, next to PETRARCH-2's figures on this machine.
#
# Needs ../shared/data/petrarch_dictionaries and ../shared/data/ungdc_speeches
# beside the repository (the benchmarks skip without them).
# Usage: bench/phoenix.sh [count]   (count = runs of each benchmark, default 3)
set -eu
cd "$(dirname "$0")/.."
count=${1:-3}
out=$(GOMAXPROCS=1 go test -run '^$' -bench 'LoadPhoenix|CodeSpeeches' -benchtime 1x -count "$count" ./internal/cameodict)
echo "$out" | grep -E '^(Benchmark|cpu:)' || { echo "$out"; exit 1; }
if echo "$out" | grep -q SKIP; then echo "$out" | grep SKIP; exit 1; fi
echo "$out" | awk '
/^BenchmarkLoadPhoenix/ { n1++; s=$3/1e9; if (!b1 || s < b1) b1 = s; for (i=4;i<NF;i++) if ($(i+1)=="cpu-s/load") { if (!c1 || $i < c1) c1 = $i } }
/^BenchmarkCodeSpeeches/ {
	for (i=4;i<NF;i++) {
		if ($(i+1)=="sentences/s" && $i > w) w = $i
		if ($(i+1)=="sentences/cpu-s" && $i > c) c = $i
		if ($(i+1)=="sentences") n = $i
		if ($(i+1)=="events") e = $i
	}
}
END {
	printf "\nfulcrum petrarch (GOMAXPROCS=1, best of %d runs)\n", n1
	printf "  dictionary load:  %.2f s wall, %.2f s CPU      target < 5 s     PETRARCH-2: 4.5 s\n", b1, c1
	printf "  coding speeches:  %d sentences, %d events\n", n, e
	printf "                    %.0f sentences/s wall, %.0f per CPU-second   target >= 20,000   PETRARCH-2: 600-830 (parse trees given)\n", w, c
	printf "  speed-up over PETRARCH-2: %.0fx (wall, vs 830/s)\n", w/830
}'
load=$(uptime | sed 's/.*load average: //')
echo "  machine load average during the run: $load (2 cores shared; wall figures include waiting for a core)"
