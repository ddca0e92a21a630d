# Shared helpers for the test-server scripts (sourced, not run). Servers listen on 127.0.0.1 only;
# their data lives under $VIEWFINDER_SERVERS_DIR (default /tmp/viewfinder-servers), never in the repository.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENDOR="$ROOT/.vendor"
SERVERS_DIR="${VIEWFINDER_SERVERS_DIR:-/tmp/viewfinder-servers}"
DB_USER="viewfinder"
DB_PASSWORD="${VIEWFINDER_TEST_DB_PASSWORD:-viewfinder}"
DB_NAME="viewfinder"

log() { echo "$(basename "$0"): $*" >&2; }
die() { log "error: $*"; exit 1; }

# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Seconds since the epoch with decimals, for timing the start.
now() { date +%s.%N; }

# Waits up to $2 seconds for command $1 (a string evaluated) to succeed.
wait_until() {
    local check="$1" timeout="$2" start
    start=$(date +%s)
    until eval "$check" >/dev/null 2>&1; do
        (( $(date +%s) - start < timeout )) || return 1
        sleep 0.2
    done
}

# Whether the server whose state folder is $1 has a live process.
state_is_running() {
    local pid
    pid="$(cat "$1/pid" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ -s "$1/url" ]
}

# Creates system user $1 (no login, no home) when it does not exist yet.
ensure_system_user() {
    id -u "$1" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$1"
}

# Stops process $1 (TERM, then KILL after $2 seconds).
stop_pid() {
    local pid="$1" timeout="${2:-30}" waited=0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && (( waited < timeout * 5 )); do sleep 0.2; waited=$((waited + 1)); done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
}
