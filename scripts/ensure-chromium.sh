#!/usr/bin/env bash
# Installs Debian's Chromium for the Playwright end-to-end tests. Playwright's own browser
# download needs the internet, which this workplace (and CI) does not have; Debian's package
# mirror is reachable. Idempotent and quiet: does nothing when /usr/bin/chromium exists.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "ensure-chromium: installing Debian's chromium (one-time)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq chromium >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM still missing after apt-get install chromium" >&2
  exit 1
fi
