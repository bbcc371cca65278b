#!/usr/bin/env bash
# The full test suite: unit, integration (real DynamoDB Local, cognito-local, s3rver) and
# end-to-end browser tests (Debian's Chromium driven by playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

# The project's Node.js (the `node` devDependency) first, as `npm test` does, so `bash scripts/test.sh` works too.
export PATH="$PWD/node_modules/.bin:$PATH"
node scripts/require-node.mjs

bash scripts/ensure-system-deps.sh

mkdir -p test-results
status=0
# A stale report from an earlier run must never be summarised as this run's result.
rm -f test-results/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node scripts/test-summary.mjs test-results/vitest.json || true
exit "$status"
