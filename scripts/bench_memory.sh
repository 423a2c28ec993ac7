#!/bin/bash
# The province benchmark's resident memory (issue #11), as the README's "Resident memory on the
# province set" measured it: a fresh `serve` over a database, one pass over the pages, then wrk
# on each page in turn, the server's VmRSS sampled every half second throughout.
#
#   scripts/bench_memory.sh BINARY DATABASE [PORT]
#
# BINARY is a release build (`swift build -c release --product zhaoshang`); DATABASE a copy made
# by `zhaoshang demo --seed 1 --scale province`. Logs in as demo-bureau; needs curl, wrk and
# sqlite3. Extra settings pass through the environment (SQLITE_CACHE_MB=4 …).
set -euo pipefail
BIN=$1
DB=$2
PORT=${3:-8199}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

PORT=$PORT DATABASE_PATH=$DB "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 120); do curl -s -o /dev/null "$BASE/login" && break; sleep 1; done

rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status"; }
JAR=$WORK/cookies
csrf() { curl -s -c "$JAR" -b "$JAR" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "_csrf=$(csrf /login)&login=demo-bureau&password=Demo-2026-zs" "$BASE/login"
COOKIE="zs_session=$(awk '/zs_session/ {print $7}' "$JAR")"
TOKEN=$(curl -s -b "$JAR" -d "_csrf=$(csrf /account/tokens)&name=bench-memory" "$BASE/account/tokens" \
    | grep -o 'zs_[A-Za-z0-9_-]\{20,\}' | head -1)
PROJECT=$(sqlite3 "$DB" "SELECT id FROM projects LIMIT 1 OFFSET 5000")

echo "start: $(rss) MB"
for path in /progress / /leads "/projects/ledger?stage=signed" /projects "/funnel?year=2026" /work-orders /activities; do
    curl -s -b "$JAR" -o /dev/null "$BASE$path"
    echo "after $path: $(rss) MB"
done

cat >"$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f / p95 %.1f / p99 %.1f ms, %.0f req/s, %d errors",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
LUA
echo 0 >"$WORK/max"
(
    while kill -0 "$PID" 2>/dev/null; do
        now=$(rss)
        [ "$now" -gt "$(cat "$WORK/max")" ] && echo "$now" >"$WORK/max"
        sleep 0.5
    done
) &
SAMPLER=$!
run() { # name seconds threads clients path [header]
    local out
    out=$(wrk -t"$3" -c"$4" -d"$2"s -s "$WORK/p95.lua" -H "Cookie: $COOKIE" -H "${6:-X-Bench: 1}" "$BASE$5" 2>&1 | tail -1)
    echo "$1 | $out | $(rss) MB, highest $(cat "$WORK/max") MB"
}
run progress 40 2 32 /progress
run workbench 10 2 32 /
run "ledger by stage" 10 2 32 "/projects/ledger?stage=signed"
run "lead list" 10 2 32 /leads
run "lead list again" 10 2 32 /leads
run "project page" 10 2 32 "/projects/$PROJECT"
run "API projects" 10 2 32 "/api/v1/projects?per=80" "Authorization: Bearer $TOKEN"
run "funnel, one client" 10 1 1 "/funnel?year=2026"
run board 40 2 32 /projects
kill "$SAMPLER" 2>/dev/null || true
echo "end: $(rss) MB, highest $(cat "$WORK/max") MB"
