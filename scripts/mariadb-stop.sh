#!/usr/bin/env bash
# Stops a MariaDB test server started by scripts/mariadb-start.sh 10|11 and removes its data.
set -euo pipefail
source "$(dirname "$0")/servers/common.sh"
GENERATION="${1:-}"
case "$GENERATION" in 10 | 11) ;; *) die "usage: $0 10|11" ;; esac
STATE="$SERVERS_DIR/mariadb$GENERATION"
[ -d "$STATE" ] || exit 0
[ -f "$STATE/pid" ] && stop_pid "$(cat "$STATE/pid")" 30
rm -rf "$STATE"
log "MariaDB $GENERATION stopped"
