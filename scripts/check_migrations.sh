#!/usr/bin/env bash
# A landed migration is never edited (DEVELOPERS.md, STYLE.md): fail when a numbered migration
# file that existed at the last landed commit known to this script was changed, renamed or
# removed since. New migrations are added as new numbered files. When a later session starts, it
# may move LANDED forward to the newest landed commit, so the files that landed since are
# protected too.
set -euo pipefail
cd "$(dirname "$0")/.."
LANDED=1cfb6af
dir=Sources/App/Migrations
base=$(git rev-parse --verify --quiet "$LANDED^{commit}" || true)
if [ -z "$base" ]; then
  echo "FAIL: the landed commit ${LANDED:0:7} is not in this clone's history (a shallow clone?)"; exit 1
fi
changed=$(git diff --name-status --diff-filter=MDRT "$base" HEAD -- "$dir" | grep -E "/[0-9]{3}_[A-Za-z]+\.swift" || true)
dirty=$(git status --porcelain -- "$dir" | grep -E "^ ?[MDR]" | grep -E "/[0-9]{3}_[A-Za-z]+\.swift" || true)
if [ -n "$changed$dirty" ]; then
  echo "FAIL: landed migrations changed since ${base:0:7} — add a new numbered migration instead:"
  printf '%s\n' "$changed" "$dirty" | sed '/^$/d'
  exit 1
fi
echo "landed migrations unchanged since ${base:0:7} ($(git ls-tree --name-only "$base" -- "$dir/" | grep -cE '/[0-9]{3}_') files)"
