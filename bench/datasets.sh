#!/bin/sh
# Throughput figures for fulcrum's dataset import and series (issue 5).
#
#   bench/datasets.sh                 # 1 M-row GDELT import, 100 M-event series
#   ROWS=200000 EVENTS=2000000 bench/datasets.sh    # a quick run
#   CLICKHOUSE=1 bench/datasets.sh    # also start a local ClickHouse (.ci/clickhouse/start.sh)
#
# Prints, from one run on this machine:
#   - import of a generated GDELT 2.0 file into DuckDB by fulcrum (rows/s) and
#     DuckDB's own read_csv of the same file into a table, and their ratio
#     (target: >= 1 M rows/s, ratio <= 1.5);
#   - the dyad-month series of one country (every directed dyad of BLR,
#     deduplicated) over EVENTS events generated in DuckDB, with DuckDB's
#     memory_limit at 1 GB (target: < 2 s), and the process's peak RSS;
#   - the same import and series against ClickHouse when FULCRUM_CLICKHOUSE_URL
#     is set (or CLICKHOUSE=1 starts one).
set -eu
cd "$(dirname "$0")/.."

rows=${ROWS:-1000000}
events=${EVENTS:-100000000}
memory=${MEMORY:-1GB}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

metric() { # metric FILE BENCHMARK UNIT -> value
	awk -v b="$2" -v u="$3" '$1 ~ "^"b"(-[0-9]+)?$" { for (i = 2; i < NF; i++) if ($(i+1) == u) print $i }' "$1" | tail -n1
}

echo "== DuckDB import: $rows generated GDELT 2.0 rows (2 threads, memory_limit $memory)"
go test ./internal/datasets -run '^$' -bench '^(BenchmarkImportGDELT|BenchmarkReadCSVBaseline)$' -benchtime 3x \
	-bench.rows "$rows" -bench.memory "$memory" -bench.threads 2 | tee "$tmp/import.txt"
imp=$(metric "$tmp/import.txt" BenchmarkImportGDELT rows/s)
base=$(metric "$tmp/import.txt" BenchmarkReadCSVBaseline rows/s)

echo "== DuckDB series: dyad-month series of BLR over $events events"
# First process: generate the events in DuckDB (SQL, no file). Second
# process: reuse the database and time the query, so its peak RSS is the
# query's own.
go test ./internal/datasets -run '^$' -bench '^BenchmarkSeries$' -benchtime 1x -timeout 60m \
	-bench.events "$events" -bench.memory "$memory" -bench.threads 2 -bench.db "$tmp/series.duckdb" -v
go test ./internal/datasets -run '^$' -bench '^BenchmarkSeries$' -benchtime 5x -timeout 60m \
	-bench.events "$events" -bench.memory "$memory" -bench.threads 2 -bench.db "$tmp/series.duckdb" -v | tee "$tmp/series.txt"
sns=$(metric "$tmp/series.txt" BenchmarkSeries ns/op)
rss=$(metric "$tmp/series.txt" BenchmarkSeries peak-RSS-MB)

ch=${FULCRUM_CLICKHOUSE_URL:-}
if [ -z "$ch" ] && [ "${CLICKHOUSE:-0}" = 1 ]; then
	ch=$(.ci/clickhouse/start.sh | tail -n1)
fi
if [ -n "$ch" ]; then
	echo "== ClickHouse at $ch: import of $rows rows, series over $events events"
	FULCRUM_CLICKHOUSE_URL=$ch go test ./internal/clickhouse -run '^$' -bench '^BenchmarkImport$' -benchtime 1x \
		-bench.rows "$rows" | tee "$tmp/ch-import.txt"
	FULCRUM_CLICKHOUSE_URL=$ch go test ./internal/clickhouse -run '^$' -bench '^BenchmarkSeries$' -benchtime 5x -timeout 60m \
		-bench.events "$events" -v | tee "$tmp/ch-series.txt"
	chimp=$(metric "$tmp/ch-import.txt" BenchmarkImport rows/s)
	chsns=$(metric "$tmp/ch-series.txt" BenchmarkSeries ns/op)
fi

echo
echo "== Summary ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v i="$imp" -v b="$base" 'BEGIN {
	printf "DuckDB import:        %12.0f rows/s (target >= 1,000,000)\n", i
	printf "DuckDB read_csv:      %12.0f rows/s (same file, same run)\n", b
	printf "import time / read_csv time: %.2f (target <= 1.5)\n", b / i }'
awk -v n="$sns" -v r="$rss" -v e="$events" 'BEGIN {
	printf "DuckDB series:        %12.3f s over %d events (target < 2 s), peak RSS %.0f MB (target <= 1024)\n", n / 1e9, e, r }'
if [ -n "$ch" ]; then
	awk -v i="$chimp" -v n="$chsns" -v e="$events" 'BEGIN {
		printf "ClickHouse import:    %12.0f rows/s (Go parser, TabSeparated over HTTP)\n", i
		printf "ClickHouse series:    %12.3f s over %d events\n", n / 1e9, e }'
else
	echo "ClickHouse: skipped (set FULCRUM_CLICKHOUSE_URL or CLICKHOUSE=1)"
fi
