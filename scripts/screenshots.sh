#!/usr/bin/env bash
# Full-page screenshots of the console's main pages in Korean and English, for review.
#   scripts/screenshots.sh [OUT_DIR]      (default: screenshots/, which git ignores)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-screenshots}
source scripts/browser-env.sh
ensure_browser
DEMO_CUSTOMERS=${DEMO_CUSTOMERS:-2000} start_demo_server
mkdir -p "$OUT"
"$BROWSER_PYTHON" Tests/Browser/screenshots.py --base "http://127.0.0.1:$PORT" --db "$WORK/console.sqlite" --out "$OUT"
