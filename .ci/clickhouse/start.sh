#!/bin/sh
# Start a throw-away ClickHouse server on loopback for fulcrum's tests and
# benchmarks, using the configuration kept next to this script.
#
#   .ci/clickhouse/start.sh            # prints http://127.0.0.1:8123/ when ready
#   FULCRUM_CLICKHOUSE_URL=$(.ci/clickhouse/start.sh | tail -n1) go test ./internal/clickhouse
#
# Installs Debian's clickhouse-server when the binary is missing (needs root
# and apt). Environment: CH_HTTP_PORT (default 8123), CH_TCP_PORT (default
# 9000), CH_DIR (default a new temp dir). The server's pid is written to
# $CH_DIR/server.pid; stop it with: kill "$(cat $CH_DIR/server.pid)".
set -eu

here=$(cd "$(dirname "$0")" && pwd)
http_port=${CH_HTTP_PORT:-8123}
tcp_port=${CH_TCP_PORT:-9000}

find_server() {
	for b in clickhouse-server /usr/bin/clickhouse-server /usr/bin/clickhouse; do
		if command -v "$b" >/dev/null 2>&1; then
			echo "$b"
			return 0
		fi
	done
	return 1
}

if ! bin=$(find_server); then
	echo "installing clickhouse-server from Debian..." >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq clickhouse-server clickhouse-client >&2
	bin=$(find_server)
fi

url="http://127.0.0.1:${http_port}/"
if curl -fsS "${url}ping" >/dev/null 2>&1; then
	echo "clickhouse already answering on ${url}" >&2
	echo "$url"
	exit 0
fi

dir=${CH_DIR:-$(mktemp -d /tmp/fulcrum-clickhouse.XXXXXX)}
mkdir -p "$dir/data" "$dir/tmp" "$dir/log" "$dir/user_files" "$dir/format_schemas"
sed -e "s#@DIR@#$dir#g" -e "s#@HTTP_PORT@#$http_port#g" -e "s#@TCP_PORT@#$tcp_port#g" \
	"$here/config.xml" >"$dir/config.xml"
cp "$here/users.xml" "$dir/users.xml"

# ClickHouse refuses nothing as root, but Debian's package runs it as its own
# user; do the same when that user exists.
run_as=""
if [ "$(id -u)" = 0 ] && id clickhouse >/dev/null 2>&1; then
	chown -R clickhouse "$dir"
	run_as="runuser -u clickhouse --"
fi

if [ "$(basename "$bin")" = clickhouse ]; then
	set -- "$bin" server
else
	set -- "$bin"
fi
# shellcheck disable=SC2086
$run_as "$@" --config-file="$dir/config.xml" >"$dir/log/stdout.log" 2>&1 &
echo $! >"$dir/server.pid"

i=0
until curl -fsS "${url}ping" >/dev/null 2>&1; do
	i=$((i + 1))
	if [ $i -gt 120 ]; then
		echo "clickhouse did not start within 60 s; log in $dir/log" >&2
		tail -n 20 "$dir/log/error.log" "$dir/log/stdout.log" >&2 2>/dev/null || true
		exit 1
	fi
	sleep 0.5
done
echo "clickhouse ready in $dir (pid $(cat "$dir/server.pid"))" >&2
echo "$url"
