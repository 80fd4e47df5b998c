#!/usr/bin/env bash
# What SQLite alone needs to store the customer import's rows: copies every row of an imported database (made with
# `dangol bench import --customers N --db SRC`) into a fresh database with the full schema — all indexes live, 16 KiB
# pages, WAL, foreign keys off, one transaction, a 4 GB page cache; no Swift, no parsing, no resolution — and then the
# same rows in a lean layout with integer keys (the UUID kept once as a unique public id). Prints wall, user and system
# seconds of each copy. Needs the sqlite3 shell.
#   scripts/sqlite-floor.sh SRC.sqlite [WORKDIR]        (WORKDIR defaults to /tmp; needs ~3× SRC's size free)
set -euo pipefail
SRC=$(realpath "$1")
WORK=${2:-/tmp}
FULL=$WORK/floor-full.sqlite LEANSRC=$WORK/floor-leansrc.sqlite LEAN=$WORK/floor-lean.sqlite
rm -f "$FULL"* "$LEANSRC"* "$LEAN"*

# The full schema as the import wrote it.
sqlite3 "$FULL" "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;" >/dev/null
sqlite3 "$SRC" .schema | grep -v sqlite_sequence | sqlite3 "$FULL"
/usr/bin/time -f "current layout: wall %e s, user %U s, system %S s" sqlite3 "$FULL" <<SQL
PRAGMA synchronous=NORMAL; PRAGMA cache_size=-4000000; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF;
ATTACH '$SRC' AS src;
BEGIN;
INSERT INTO customers SELECT * FROM src.customers;
INSERT INTO customer_tags SELECT * FROM src.customer_tags;
INSERT INTO identifiers SELECT * FROM src.identifiers ORDER BY customer_id;
INSERT INTO lifecycle_events SELECT * FROM src.lifecycle_events;
INSERT INTO consent_events SELECT * FROM src.consent_events;
INSERT INTO source_records SELECT * FROM src.source_records;
COMMIT;
SQL

# The same rows with integer keys, prepared untimed.
sqlite3 "$LEANSRC" >/dev/null <<SQL
PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4000000;
ATTACH '$SRC' AS src;
CREATE TABLE cmap (uuid TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
INSERT INTO cmap SELECT id, rowid FROM src.customers;
CREATE TABLE customers AS SELECT c.rowid AS id, c.id AS public_id, kind, display_name, name_key, lifecycle_stage, owner_id, created_at,
  updated_at, deleted_at, deletion_reason, NULL AS merged_into, tier FROM src.customers c ORDER BY c.rowid;
CREATE TABLE customer_tags AS SELECT m.n AS customer_id, t.tag FROM src.customer_tags t JOIN cmap m ON m.uuid = t.customer_id ORDER BY 1;
CREATE TABLE identifiers AS SELECT i.rowid AS id, m.n AS customer_id, type, raw, normalized, match_key, masked, tail, source, verified, strong,
  live, first_seen, last_seen, NULL AS resolved_via FROM src.identifiers i JOIN cmap m ON m.uuid = i.customer_id ORDER BY m.n, i.rowid;
CREATE TABLE lifecycle_events AS SELECT l.id, m.n AS customer_id, from_stage, to_stage, at, by_user_id, reason
  FROM src.lifecycle_events l JOIN cmap m ON m.uuid = l.customer_id ORDER BY l.id;
CREATE TABLE consent_events AS SELECT e.id, m.n AS customer_id, purpose, recipient, granted, channel, e.source, text_version, evidence,
  recorded_by, at FROM src.consent_events e JOIN cmap m ON m.uuid = e.customer_id ORDER BY e.id;
CREATE TABLE source_records AS SELECT s.source, s.external_id, m.n AS customer_id, first_seen, last_seen
  FROM src.source_records s JOIN cmap m ON m.uuid = s.customer_id ORDER BY 1, 2;
SQL
sqlite3 "$LEAN" "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;" >/dev/null
sqlite3 "$LEAN" <<'SQL'
CREATE TABLE customers (id INTEGER PRIMARY KEY, public_id TEXT NOT NULL, kind TEXT NOT NULL, display_name TEXT NOT NULL, name_key TEXT NOT NULL,
  lifecycle_stage TEXT NOT NULL, owner_id TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, deleted_at BIGINT, deletion_reason TEXT,
  merged_into INTEGER, tier TEXT);
CREATE UNIQUE INDEX customers_public ON customers (public_id);
CREATE INDEX customers_stage ON customers (lifecycle_stage, id);
CREATE INDEX customers_owner ON customers (owner_id, id);
CREATE TABLE customer_tags (customer_id INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (customer_id, tag)) WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags (tag, customer_id);
CREATE TABLE identifiers (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, type TEXT NOT NULL, raw TEXT, normalized TEXT NOT NULL,
  match_key TEXT NOT NULL, masked TEXT NOT NULL, tail TEXT, source TEXT NOT NULL, verified BOOLEAN NOT NULL, strong BOOLEAN NOT NULL,
  live BOOLEAN NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL, resolved_via INTEGER);
CREATE UNIQUE INDEX identifiers_strong_unique ON identifiers (type, match_key) WHERE strong AND live;
CREATE UNIQUE INDEX identifiers_per_customer ON identifiers (customer_id, type, match_key);
CREATE INDEX identifiers_tail ON identifiers (tail, customer_id) WHERE tail IS NOT NULL;
CREATE INDEX identifiers_weak_lookup ON identifiers (type, match_key) WHERE NOT strong;
CREATE TABLE lifecycle_events (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, from_stage TEXT, to_stage TEXT NOT NULL, at BIGINT NOT NULL,
  by_user_id TEXT, reason TEXT);
CREATE INDEX lifecycle_events_customer ON lifecycle_events (customer_id, id);
CREATE TABLE consent_events (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, purpose TEXT NOT NULL, recipient TEXT, granted BOOLEAN NOT NULL,
  channel TEXT NOT NULL, source TEXT NOT NULL, text_version TEXT, evidence TEXT, recorded_by TEXT, at BIGINT NOT NULL);
CREATE INDEX consent_events_customer ON consent_events (customer_id, id);
CREATE TABLE source_records (source TEXT NOT NULL, external_id TEXT NOT NULL, customer_id INTEGER NOT NULL, first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL, PRIMARY KEY (source, external_id)) WITHOUT ROWID;
CREATE INDEX source_records_customer ON source_records (customer_id);
SQL
/usr/bin/time -f "integer keys:   wall %e s, user %U s, system %S s" sqlite3 "$LEAN" <<SQL
PRAGMA synchronous=NORMAL; PRAGMA cache_size=-4000000; PRAGMA temp_store=MEMORY;
ATTACH '$LEANSRC' AS src;
BEGIN;
INSERT INTO customers SELECT * FROM src.customers;
INSERT INTO customer_tags SELECT * FROM src.customer_tags;
INSERT INTO identifiers SELECT * FROM src.identifiers;
INSERT INTO lifecycle_events SELECT * FROM src.lifecycle_events;
INSERT INTO consent_events SELECT * FROM src.consent_events;
INSERT INTO source_records SELECT * FROM src.source_records;
COMMIT;
SQL
ls -l "$FULL" "$LEAN" | awk '{print $5, $9}'
rm -f "$FULL"* "$LEANSRC"* "$LEAN"*
