#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 for tests and prints its URL on stdout.
# Usage: scripts/postgres-up.sh [PORT]   (data lives in a temporary directory)
set -euo pipefail
port="${1:-55432}"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$(mktemp -d /tmp/zhaoshang-pg.XXXXXX)
chown postgres:postgres "$data"
su postgres -c "$bin/initdb -D $data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$bin/pg_ctl -D $data -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off' -l $data/log -w start" >/dev/null
su postgres -c "psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE zhaoshang_test'" >/dev/null
echo "postgres://postgres@127.0.0.1:$port/zhaoshang_test"
