#!/usr/bin/env bash
# API fuzzing: schemathesis against the served /api/v1/openapi.json on loopback, auth off and auth on, on a small
# generated library indexed with the colour test model. Fails on any 5xx or schema violation.
# Usage: scripts/api-fuzz.sh VIEWFINDER_BINARY [MAX_EXAMPLES]   (API_FUZZ_EXAMPLES overrides the default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$1"
EXAMPLES="${2:-${API_FUZZ_EXAMPLES:-50}}"
PYTHON=.vendor/venv/bin/python3
WORK="$(mktemp -d /tmp/viewfinder-api-fuzz.XXXXXX)"
LOGS=var/api-fuzz
mkdir -p "$LOGS"
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
"$PYTHON" -c 'import schemathesis' 2>/dev/null || "$PYTHON" -m pip install -q -r tools/requirements-fuzz.txt

vf() { "$BIN" "$@" --storage "$WORK/storage"; }
"$PYTHON" tools/samples/generate_colour_photos.py "$WORK/library" --no-check >/dev/null
vf models import models/viewfinder-test-tiny >/dev/null
vf index "$WORK/library" --model viewfinder-test-tiny >/dev/null

port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
serve() {  # serve PORT [env...]: starts the server and waits for /api/v1/health
    local p="$1"; shift
    env "$@" "$BIN" serve --host 127.0.0.1 --port "$p" --library "$WORK/library" --model viewfinder-test-tiny \
        --storage "$WORK/storage" >"$WORK/serve-$p.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$p/api/v1/health" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "api-fuzz: the server did not start" >&2; cat "$WORK/serve-$p.log" >&2; return 1
}
stop() { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; server=; }

run() {  # run LABEL PORT EXCLUDED-CHECKS [schemathesis options...]
    local label="$1" p="$2" excluded="$3"; shift 3
    echo "== schemathesis, $label, $EXAMPLES examples per operation"
    local status=0
    "$PYTHON" -m schemathesis.cli run "http://127.0.0.1:$p/api/v1/openapi.json" --url "http://127.0.0.1:$p" \
        --checks all --exclude-checks "$excluded" --max-examples "$EXAMPLES" --seed 1 --no-color \
        --report junit --report-junit-path "$LOGS/$label.xml" "$@" 2>&1 | tee "$LOGS/$label.log" | tail -25 || status=$?
    local fivexx
    fivexx=$(grep -c 'Server error\|status code 5[0-9][0-9]\|HTTP 5[0-9][0-9]' "$LOGS/$label.log" || true)
    echo "api-fuzz $label: exit $status, 5xx mentions $fivexx"
    return $status
}

# Known and documented in RELIABILITY.md, not yet fixed: Hummingbird answers a method a path does not have with
# 404, not 405 (unsupported_method); the schema cannot express every rule of the q grammar, so some
# schema-valid queries get a 400 (positive_data_acceptance).
KNOWN=unsupported_method,positive_data_acceptance
status=0
p=$(port); serve "$p"
# Auth off means every route is open by design, so the check that protected routes refuse anonymous calls is off.
run auth-off "$p" "$KNOWN,ignored_auth" || status=1
stop

token="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(24))')"
token_hash="$(printf '%s' "$token" | "$BIN" serve --hash-token)"
password_hash="$(printf 'fuzz password' | "$BIN" serve --hash-password)"
p=$(port); serve "$p" VIEWFINDER_API_TOKEN_HASHES="$token_hash" VIEWFINDER_ADMIN_PASSWORD_HASH="$password_hash"
run auth-on "$p" "$KNOWN" -H "Authorization: Bearer $token" || status=1
stop
exit $status
