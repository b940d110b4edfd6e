#!/usr/bin/env bash
# Puts schemathesis (PyPI) into .tools/fuzz, for the test that fuzzes the API from its OpenAPI
# document, and prometheus-client, whose parser checks GET /metrics (an implementation of the
# text format we did not write). Idempotent: a second run with the pinned versions in place returns at once.
set -euo pipefail
SCHEMATHESIS_VERSION=4.32.5
PROMETHEUS_CLIENT_VERSION=0.26.0
PINNED="$SCHEMATHESIS_VERSION+prometheus-client-$PROMETHEUS_CLIENT_VERSION"
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.tools/fuzz"
if [ -x "$venv/bin/st" ] && grep -qx "$PINNED" "$venv/.version" 2>/dev/null; then exit 0; fi
python=$(command -v python3 || command -v python || true)
if [ -z "$python" ]; then echo "plaint: Python 3 with venv is needed for schemathesis (the API fuzz test)" >&2; exit 1; fi
echo "plaint: installing schemathesis==$SCHEMATHESIS_VERSION into .tools/fuzz" >&2
[ -x "$venv/bin/pip" ] || "$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" "prometheus-client==$PROMETHEUS_CLIENT_VERSION"
echo "$PINNED" > "$venv/.version"
