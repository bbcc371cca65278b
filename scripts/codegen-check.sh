#!/usr/bin/env bash
# Fails when the committed graphql-codegen output differs from what `npm run codegen` generates.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s codegen >/dev/null
if ! git diff --quiet -- client/src/gql resolvers/types || [ -n "$(git ls-files --others --exclude-standard client/src/gql resolvers/types)" ]; then
  echo "Generated code is stale: run 'npm run codegen' and commit the result." >&2
  git status --short -- client/src/gql resolvers/types >&2
  exit 1
fi
echo "Generated code is up to date."
