#!/usr/bin/env bash
# `npm start`: install what a fresh clone lacks, then run the whole stack (scripts/stack.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-installed.sh
exec node --import tsx scripts/stack.ts
