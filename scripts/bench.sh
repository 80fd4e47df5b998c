#!/usr/bin/env bash
# Customer import and API lookup benchmarks on SQLite and PostgreSQL, side by side in one run.
#   scripts/bench.sh [customers]        (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
swift build -c release --product dangol
BIN=$(swift build -c release --show-bin-path)/dangol
mkdir -p bench-data
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(date -u +%Y-%m-%d)"
"$BIN" bench import --customers "$N" --db bench-data/bench.sqlite
"$BIN" bench lookup --db bench-data/bench.sqlite
scripts/with-postgres.sh bash -c "
  \"$BIN\" bench import --customers $N --db \"\$DANGOL_TEST_POSTGRES\" &&
  \"$BIN\" bench lookup --db \"\$DANGOL_TEST_POSTGRES\""
