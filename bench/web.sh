#!/bin/sh
# Dashboard load test (issue 4): starts `fulcrum serve` on a fresh database
# (built-in data: UN votes, ties, the built-in statements coded from the UN
# General Debate speeches, with the speech texts read from ../shared/data/
# ungdc_speeches when present), warms the report cache, then runs wrk with
# 50 connections for 30 s against loopback on the country page, the JSON
# report API, the evidence API and the dyad page. Prints requests/s, latency percentiles,
# errors (socket errors and non-2xx) and the server's peak RSS.
# Targets: p99 < 100 ms, zero errors, RSS < 300 MB.
# Needs wrk (apt-get install wrk). DURATION=10s shortens the runs.
set -eu
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
dur=${DURATION:-30s}
port=${PORT:-18181}
tmp=$(mktemp -d)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/fulcrum" ./cmd/fulcrum
base="http://127.0.0.1:$port"
start() {
	"$tmp/fulcrum" --db "$tmp/bench.duckdb" serve --addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
	pid=$!
	i=0
	until curl -fs "$base/api/health" >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 1200 ] || ! kill -0 "$pid" 2>/dev/null; then
			echo "server did not start:" >&2; cat "$tmp/serve.log" >&2; exit 1
		fi
		sleep 0.5
	done
}
rss() { awk '/VmHWM|VmRSS/ { printf "%s %.0f MB  ", $1, $2 / 1024 } END { print "" }' "/proc/$pid/status"; }
# The first start of a new database loads the reference data (UN votes,
# ideal points, built-in statements) into DuckDB once; measure serving on
# the second start, as an analyst's server runs.
t0=$(date +%s)
start
printf '== first start (loads reference data, %ss): ' "$(( $(date +%s) - t0 ))"
rss
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
start
printf '== second start: '
rss
country="$base/country/BLR?poles=RUSSIA,WEST&from=1992&to=2020"
api="$base/api/country/BLR?poles=RUSSIA,WEST&from=1992&to=2020"
events="$base/api/events?source=BLR&target=RUS"
dyad="$base/dyad/BLR/RUS"
printf '== cold report build (BLR, RUSSIA/WEST, 1992-2020): '
curl -fs -o /dev/null -w '%{time_total}s\n' "$country"
curl -fs -o /dev/null "$api"
printf '== uncached evidence queries (first request of a query): '
for q in "source=BLR&target=RUS&page=2" "source=UKR&cameo=05" "pole=WEST&from=2014&to=2019"; do
	curl -fs -o /dev/null -w '%{time_total}s ' "$base/api/events?$q"
done
echo
run() {
	name=$1 url=$2
	echo "== $name: wrk -t2 -c50 -d$dur $url"
	wrk -t2 -c50 -d"$dur" --latency "$url" | awk '
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
		/requests in/ { n = $1 }
		/Socket errors/ { sock = $0 }
		/Non-2xx/ { non2xx = $NF }
		END {
			printf "  requests %s, %s req/s, latency p50 %s p90 %s p99 %s\n", n, rps, p50, p90, p99
			printf "  errors: non-2xx %s; %s\n", (non2xx == "" ? 0 : non2xx), (sock == "" ? "no socket errors" : sock)
		}'
}
run "country page (HTML)" "$country"
run "report API (JSON)" "$api"
run "evidence API (JSON, 50 rows; cached per query until a write)" "$events"
run "dyad page (HTML, BLR-RUS: UN votes per year and events both ways)" "$dyad"
printf '== server memory after the runs: '
rss
