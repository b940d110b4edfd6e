#!/usr/bin/env bash
# Puts the Python `holidays` package (PyPI) into .tools/holidays, the independent reference the
# calendar cross-check test compares the shipped calendars with. Idempotent: a second run with the
# pinned version in place returns at once.
set -euo pipefail
HOLIDAYS_VERSION=0.109
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.tools/holidays"
if [ -x "$venv/bin/python" ] && grep -qx "$HOLIDAYS_VERSION" "$venv/.version" 2>/dev/null; then exit 0; fi
python=$(command -v python3 || command -v python || true)
if [ -z "$python" ]; then echo "plaint: Python 3 with venv is needed for the holiday reference (the calendar cross-check test)" >&2; exit 1; fi
echo "plaint: installing holidays==$HOLIDAYS_VERSION into .tools/holidays" >&2
[ -x "$venv/bin/pip" ] || "$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "holidays==$HOLIDAYS_VERSION"
echo "$HOLIDAYS_VERSION" > "$venv/.version"
