#!/usr/bin/env bash
# The test command: the Debian tools the tests need, then every test, then a one-line summary; last,
# a check that the run left nothing behind in the checkout but what is expected (build output).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
report=$(mktemp)
trap 'rm -f "$report"' EXIT
in_git=false
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  in_git=true
  before=$(git status --porcelain --ignored --untracked-files=all | sort)
fi
status=0
npx vitest run --reporter=default --reporter=json --outputFile="$report" "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$report" || true
if $in_git; then
  # What the run added: only builds and the demo's output may appear.
  left=$(comm -13 <(echo "$before") <(git status --porcelain --ignored --untracked-files=all | sort) |
    grep -vE '^!! (packages/[^/]+/(dist/|tsconfig\.tsbuildinfo)|examples/[^/]+/out/|node_modules/|packages/[^/]+/node_modules/)' || true)
  if [ -n "$left" ]; then
    echo "The test run left these in the checkout:" >&2
    echo "$left" >&2
    status=1
  fi
fi
exit $status
