#!/usr/bin/env bash
# wait-for.sh URL SECONDS: waits until URL answers 200, or fails after SECONDS.
url="$1"; limit="${2:-60}"
for _ in $(seq 1 "$limit"); do
  curl -fs "$url" >/dev/null 2>&1 && exit 0
  sleep 1
done
echo "timed out waiting for $url" >&2
exit 1
