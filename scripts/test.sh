#!/usr/bin/env bash
# `npm test`: install what a fresh clone lacks, type-check, then every test (unit + integration).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-installed.sh
bash scripts/install-fuzzer.sh
bash scripts/install-holiday-reference.sh
bash scripts/install-browser.sh
mkdir -p .data && chmod 755 .data
npx tsc --noEmit -p .
npx eslint .
exec npx vitest run "$@"
