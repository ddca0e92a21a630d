#!/usr/bin/env bash
# Starts or stops the database servers the storage and end-to-end tests need, all on 127.0.0.1:
#   scripts/test-servers.sh start   PostgreSQL 16 + pgvector, MariaDB 10.11 and MariaDB 11.8, in parallel;
#                                   prints `export VIEWFINDER_TEST_*_URL=…` lines for the tests
#   scripts/test-servers.sh stop    stops all three and removes their data
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/servers/common.sh

case "${1:-}" in
start)
    mkdir -p "$SERVERS_DIR"; chmod 755 "$SERVERS_DIR"
    started=$(now)
    ./scripts/postgres-start.sh >"$SERVERS_DIR/postgres.url" & pg=$!
    ./scripts/mariadb-start.sh 10 >"$SERVERS_DIR/mariadb10.url" & m10=$!
    ./scripts/mariadb-start.sh 11 >"$SERVERS_DIR/mariadb11.url" & m11=$!
    failed=0
    wait "$pg" || failed=1
    wait "$m10" || failed=1
    wait "$m11" || failed=1
    ((failed == 0)) || die "a database server did not start (see the messages above)"
    printf 'export VIEWFINDER_TEST_POSTGRES_URL=%q\n' "$(cat "$SERVERS_DIR/postgres.url")"
    printf 'export VIEWFINDER_TEST_MARIADB10_URL=%q\n' "$(cat "$SERVERS_DIR/mariadb10.url")"
    printf 'export VIEWFINDER_TEST_MARIADB11_URL=%q\n' "$(cat "$SERVERS_DIR/mariadb11.url")"
    log "all database servers ready in $(awk "BEGIN {printf \"%.1f\", $(now) - $started}") s"
    ;;
stop)
    ./scripts/mariadb-stop.sh 11 || true
    ./scripts/mariadb-stop.sh 10 || true
    ./scripts/postgres-stop.sh || true
    rm -f "$SERVERS_DIR"/*.url
    ;;
*)
    die "usage: $0 start|stop"
    ;;
esac
