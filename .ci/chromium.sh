#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/test_web_ui.py drive it with Playwright
# for Python, executable_path=/usr/bin/chromium; `playwright install` is never run: no browser
# download). Run as root on a fresh Debian machine; safe to run again.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium.sh: installing chromium from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
fi
chromium --version >&2 || true
