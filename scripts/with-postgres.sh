#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on 127.0.0.1 (installed from Debian's packages if missing),
# exported as DANGOL_TEST_POSTGRES. The cluster is deleted when the command ends.
#   scripts/with-postgres.sh swift test
# DANGOL_PG_SERVER_OPTIONS adds server settings for benchmarks, e.g. "-c shared_buffers=4GB -c work_mem=256MB".
set -euo pipefail
PGPORT=${PGPORT:-54329}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing PostgreSQL from Debian packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PGROOT=$(mktemp -d)
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$PGROOT"; }
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGROOT -c fsync=off -c max_connections=300 ${DANGOL_PG_SERVER_OPTIONS:-}" start >/dev/null
export DANGOL_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PGPORT/postgres"
export DANGOL_TEST_POSTGRES_LOG="$PGROOT/server.log"
echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
"$@"
