#!/usr/bin/env bash
# The full test suite: unit, integration (real DynamoDB Local, cognito-local, s3rver) and
# end-to-end browser tests (Debian's Chromium driven by playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh

# The suite runs on Node 20; the AWS SDK's notice about its future Node 22 requirement is noise here.
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node scripts/test-summary.mjs test-results/vitest.json || true
exit "$status"
