#!/usr/bin/env bash
# Transaction import benchmark: generates N sales (2 lines each, one in three with a phone — no customer holds it in
# the empty database, so those sales stay anonymous) as CSV,
# then imports them into an empty SQLite database with a release build. Prints the importer's summary.
#   scripts/bench-transactions.sh [N]        (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
swift build -c release --scratch-path .build-release --product dangol >/dev/null
BIN=.build-release/release/dangol
mkdir -p bench-data
DB=bench-data/transactions.sqlite
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.key"
CSV=bench-data/transactions-$N.csv
if [ ! -f "$CSV" ]; then
  python3 - "$N" "$CSV" <<'PY'
import sys, random
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(42)
with open(path, "w", encoding="utf-8") as f:
    f.write("external_id,occurred_at,channel,store,mobile_phone,sku,quantity,unit_price,unit_cost\n")
    for i in range(n):
        day = 1 + i % 28
        phone = f"010-{1000 + i % 9000:04d}-{(i * 7) % 10000:04d}" if i % 3 == 0 else ""
        for line in range(2):
            f.write(f"S{i},2026-10-{day:02d} {10 + line}:{i % 60:02d},store,강남점,{phone},SKU{(i + line) % 500},{1 + line},{1000 * (1 + i % 20)},{400 * (1 + i % 20)}\n")
PY
fi
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(date -u +%Y-%m-%dT%H:%MZ)"
DANGOL_DB=$DB "$BIN" migrate >/dev/null
/usr/bin/time -f "wall %e s, max RSS %M KB" env DANGOL_DB=$DB "$BIN" import transactions "$CSV" --source bench
