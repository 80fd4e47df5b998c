#!/usr/bin/env bash
# The whole test suite on SQLite and on PostgreSQL (a throwaway server is started for it), then the console in a real
# headless browser (scripts/browser-test.sh; skipped where no Chromium can be had, required in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
export DANGOL_REQUIRE_POSTGRES=1
scripts/with-postgres.sh swift test "$@"
scripts/browser-test.sh
