#!/usr/bin/env bash
# The whole test suite on SQLite and on PostgreSQL (a throwaway server is started for it).
set -euo pipefail
cd "$(dirname "$0")/.."
export DANGOL_REQUIRE_POSTGRES=1
exec scripts/with-postgres.sh swift test "$@"
