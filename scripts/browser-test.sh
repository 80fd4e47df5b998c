#!/usr/bin/env bash
# The console in a real headless browser (Chromium + chromedriver from Debian, Selenium from PyPI) against a demo
# server: sign in, register, search by phone tail, the 360° view, a VOC complaint, a points adjustment, language and
# keyboard. Without a browser it fails when DANGOL_REQUIRE_BROWSER=1 (CI) and is skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/browser-env.sh
if ! ensure_browser; then
  if [ "${DANGOL_REQUIRE_BROWSER:-0}" = 1 ]; then exit 1; fi
  echo "browser tests skipped: no Chromium here"; exit 0
fi
start_demo_server
"$BROWSER_PYTHON" Tests/Browser/console_flows.py --base "http://127.0.0.1:$PORT"
