#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond npm packages: Debian's Chromium.
# Playwright cannot download its own browsers on these machines (no internet but the package registries).
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && chromium --version >/dev/null 2>&1; then
  echo "chromium present: $(chromium --version 2>/dev/null)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "Chromium is missing and this user cannot install it. Run: apt-get install -y chromium" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

echo "installing Debian's chromium..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
chromium --version
