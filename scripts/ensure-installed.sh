#!/usr/bin/env bash
# Installs npm dependencies when missing or older than the lock file, and Temporal's servers.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "plaint: installing npm dependencies (npm ci) …" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
node scripts/patch-dependencies.mjs
bash scripts/install-temporal.sh
