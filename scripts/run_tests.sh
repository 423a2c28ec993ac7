#!/usr/bin/env bash
# Runs the README's test command (already built) and fails unless it exits 0 AND ran at least as
# many tests as the sources declare (`@Test` attributes): a crash after the summary line, a filter
# or a suite that silently stopped registering cannot pass.
# usage: scripts/run_tests.sh LOG_FILE [extra swift test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."
log=$1; shift
swift test --skip-build "$@" 2>&1 | tee "$log" | grep -E "^(✘|✔ Test run|✘ Test run)|error:"
status=${PIPESTATUS[0]}
declared=$(grep -rhoE "@Test\b" Tests | wc -l)
ran=$(grep -oE "Test run with [0-9]+ tests?" "$log" | tail -1 | grep -oE "[0-9]+" || echo 0)
echo "swift test exited $status; $ran tests ran of $declared declared"
if [ "$status" -ne 0 ]; then echo "FAIL: swift test exited $status"; exit 1; fi
if ! grep -q "✔ Test run with" "$log"; then echo "FAIL: no passing summary line"; exit 1; fi
if [ "$ran" -lt "$declared" ]; then echo "FAIL: only $ran of $declared tests ran"; exit 1; fi
