#!/bin/sh
# Coding throughput on the UN General Debate speeches (../shared/data/
# ungdc_speeches, 873 documents) from raw text to events, with all
# built-in dictionaries and rules loaded, on one core (GOMAXPROCS=1).
# Prints sentences/s (wall and CPU time: the machine may be shared), the
# peak resident memory while coding the whole corpus one document at a
# time, and the first (uncached) load time of the dictionary and rules.
# Targets (issue 2): >= 50,000 sentences/s, <= 200 MB, load < 1 s.
set -eu
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/code.test
trap 'rm -rf "$(dirname "$bin")"' EXIT
go test -c -o "$bin" ./internal/code
cd internal/code
echo "== coding the speech corpus (GOMAXPROCS=1, 3 passes)"
GOMAXPROCS=1 "$bin" -test.run '^$' -test.bench '^BenchmarkCode$' -test.benchtime 3x -test.benchmem |
	awk '/^Benchmark/ { for (i = 3; i < NF; i += 2) printf "  %-20s %s\n", $(i+1), $i } /skip|SKIP/ { print }'
echo "== dictionary and rules load (fresh process)"
GOMAXPROCS=1 "$bin" -test.run '^$' -test.bench '^BenchmarkLoad$' -test.benchtime 1x |
	awk '/^Benchmark/ { for (i = 3; i < NF; i += 2) printf "  %-20s %s\n", $(i+1), $i }'
