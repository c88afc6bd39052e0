#!/usr/bin/env bash
# The test command: the Debian tools the tests need, then every test, then a one-line summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
npx vitest run --reporter=default --reporter=json --outputFile="$report" "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$report" || true
exit $status
