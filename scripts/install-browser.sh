#!/usr/bin/env bash
# Debian's chromium and fonts with Persian glyphs, for the accessibility tests in test/browser
# (driven by playwright-core, which never downloads a browser). Idempotent: with /usr/bin/chromium
# and a font that covers Persian in place it returns at once. Installs through apt-get when run as root; otherwise it says what
# to install and stops, since the browser tests cannot run without it.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-noto-core fonts-dejavu-core)
has_persian_font() { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=fa family)" ]; }
if [ -x "$CHROMIUM" ] && has_persian_font; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "plaint: installing ${PACKAGES[*]} (apt-get) for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  exit 0
fi
echo "plaint: the browser tests need Debian's chromium at $CHROMIUM and fonts with Persian glyphs:" >&2
echo "  sudo apt-get install ${PACKAGES[*]}" >&2
exit 1
