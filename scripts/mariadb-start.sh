#!/usr/bin/env bash
# Starts a MariaDB test server on 127.0.0.1 and prints its URL (progress goes to stderr).
#   scripts/mariadb-start.sh 10   MariaDB 10.11 from Debian 12 (apt package mariadb-server)
#   scripts/mariadb-start.sh 11   MariaDB 11.8 from Debian 13, which Debian 12 lacks: a trixie chroot made with
#                                 debootstrap (cached in .vendor/mariadb-trixie, about a minute the first time)
# The system service is never used: each server gets its own data folder and a spare loopback port.
# Stop with scripts/mariadb-stop.sh 10|11.
set -euo pipefail
source "$(dirname "$0")/servers/common.sh"
GENERATION="${1:-}"
case "$GENERATION" in 10 | 11) ;; *) die "usage: $0 10|11" ;; esac
STATE="$SERVERS_DIR/mariadb$GENERATION"
CHROOT_CACHE="$VENDOR/mariadb-trixie"
MIRROR="${VIEWFINDER_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
started=$(now)

if state_is_running "$STATE"; then cat "$STATE/url"; exit 0; fi
[ "$(id -u)" -eq 0 ] || die "needs root (mariadbd switches to the mysql user; the 11.8 server runs in a chroot)"

# Builds the Debian 13 chroot with mariadb-server once; later runs reuse it.
build_chroot() {
    command -v debootstrap >/dev/null || die "debootstrap is missing; run make bootstrap"
    log "building a Debian 13 (trixie) chroot with mariadb-server in $CHROOT_CACHE (once)"
    local partial="$CHROOT_CACHE.partial"
    rm -rf "$partial"
    debootstrap --variant=minbase trixie "$partial" "$MIRROR" >"$SERVERS_DIR/debootstrap.log" 2>&1 \
        || { tail -n 20 "$SERVERS_DIR/debootstrap.log" >&2; die "debootstrap failed"; }
    # No service starts inside the chroot during installation.
    printf '#!/bin/sh\nexit 101\n' > "$partial/usr/sbin/policy-rc.d"; chmod +x "$partial/usr/sbin/policy-rc.d"
    chroot "$partial" /bin/sh -c 'export DEBIAN_FRONTEND=noninteractive LC_ALL=C
        apt-get update -qq && apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
        apt-get clean; rm -rf /var/lib/apt/lists/* /usr/share/doc /usr/share/man /usr/share/locale' \
        >"$SERVERS_DIR/chroot-apt.log" 2>&1 \
        || { tail -n 20 "$SERVERS_DIR/chroot-apt.log" >&2; die "installing mariadb-server in the chroot failed"; }
    mv "$partial" "$CHROOT_CACHE"
}

mkdir -p "$SERVERS_DIR"; chmod 755 "$SERVERS_DIR"
rm -rf "$STATE"; mkdir -p "$STATE"
if [ "$GENERATION" = 11 ]; then
    [ -x "$CHROOT_CACHE/usr/sbin/mariadbd" ] || build_chroot
    # The server runs in a copy of the cached chroot (hard links where possible), so its data stays under
    # $STATE and the cache stays clean.
    cp -al "$CHROOT_CACHE" "$STATE/root" 2>/dev/null || { rm -rf "$STATE/root"; cp -a "$CHROOT_CACHE" "$STATE/root"; }
    SYSROOT="$STATE/root"
    # mariadb-install-db resolves this host's name; the chroot's own hosts file must know it (replace, not
    # edit, so the hard-linked cache is untouched).
    rm -f "$SYSROOT/etc/hosts"
    printf '127.0.0.1 localhost\n127.0.1.1 %s\n' "$(hostname 2>/dev/null || cat /etc/hostname)" > "$SYSROOT/etc/hosts"
    run() { chroot "$SYSROOT" "$@"; }
    INNER="/srv/viewfinder"
else
    command -v mariadbd >/dev/null || die "mariadbd is missing; run make bootstrap (apt package mariadb-server)"
    SYSROOT=""
    run() { "$@"; }
    INNER="$STATE"
fi
mkdir -p "$SYSROOT$INNER/data" "$SYSROOT$INNER/run"
run chown -R mysql:mysql "$INNER/data" "$INNER/run"

run mariadb-install-db --no-defaults --user=mysql --datadir="$INNER/data" --auth-root-authentication-method=socket \
    --skip-name-resolve \
    --skip-test-db >"$STATE/install-db.log" 2>&1 || { cat "$STATE/install-db.log" >&2; die "mariadb-install-db failed"; }

PORT="${VIEWFINDER_MARIADB_PORT:-$(free_port)}"
SOCKET="$INNER/run/mysqld.sock"
# A throwaway test server: durability settings relaxed for speed.
setsid nohup chroot "${SYSROOT:-/}" mariadbd --no-defaults --user=mysql --datadir="$INNER/data" \
    --socket="$SOCKET" --port="$PORT" --bind-address=127.0.0.1 --skip-name-resolve \
    --pid-file="$INNER/run/mysqld.pid" --log-error="$INNER/error.log" --skip-log-bin \
    --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    --max-connections=300 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    </dev/null >"$STATE/mariadbd.out" 2>&1 &
echo $! > "$STATE/pid"
if ! wait_until "run mariadb-admin --no-defaults --socket=$SOCKET -uroot ping" 60; then
    tail -n 30 "$SYSROOT$INNER/error.log" >&2 || true
    die "MariaDB did not become ready"
fi
run mariadb --no-defaults --socket="$SOCKET" -uroot -e "
    CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'127.0.0.1' WITH GRANT OPTION;"
VERSION="$(run mariadb --no-defaults --socket="$SOCKET" -uroot -Nse 'SELECT VERSION()')"

URL="mariadb://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
echo "$URL" > "$STATE/url"
log "MariaDB $VERSION ready on 127.0.0.1:$PORT in $(awk "BEGIN {printf \"%.1f\", $(now) - $started}") s"
echo "$URL"
