#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 for tests and prints its URL on stdout.
# Usage: scripts/postgres-up.sh [PORT]   (data lives in a temporary directory)
set -euo pipefail
port="${1:-55432}"
# a port another server already holds (an earlier run's, say) is skipped, not fought over
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$(mktemp -d /tmp/zhaoshang-pg.XXXXXX)
chown postgres:postgres "$data"
su postgres -c "$bin/initdb -D $data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$bin/pg_ctl -D $data -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=1000 -c fsync=off' -l $data/log -w start" >/dev/null
# whoever started it may stop it: PG_DATA_RECORD names a file to write the data directory to
[ -n "${PG_DATA_RECORD:-}" ] && echo "$data" >> "$PG_DATA_RECORD"
su postgres -c "psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE zhaoshang_test'" >/dev/null
echo "postgres://postgres@127.0.0.1:$port/zhaoshang_test"
