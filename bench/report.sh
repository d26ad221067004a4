#!/usr/bin/env bash
# Prints how long `fulcrum report` takes on the built-in data: the first run
# (which loads the reference data into a new database) and warm runs, and the
# peak memory of a warm run. Targets (issue 3): < 10 s first run, < 1 s warm.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/fulcrum
go build -o "$bin" ./cmd/fulcrum
db=$(mktemp -d)/bench.duckdb
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
echo "first run (new database):  $(t "$bin" --db "$db" report BLR --poles RUSSIA,WEST) s"
for i in 1 2 3; do
  echo "warm run $i:                $(t "$bin" --db "$db" report BLR --poles RUSSIA,WEST) s"
done
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "warm run peak RSS:         %M KB" "$bin" --db "$db" report BLR --poles RUSSIA,WEST >/dev/null
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; compare runs made at the same load)"
