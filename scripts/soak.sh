#!/usr/bin/env bash
# make soak: a search load with wrk (text, filtered and similar-photo queries) against `viewfinder serve` on
# loopback while `viewfinder index` indexes a generated library of SOAK_PHOTOS small pictures (and, once done,
# re-reads it with --force, so the indexer stays busy for the whole run). Prints throughput, p50/p99 latency, the
# error count (non-2xx and socket errors; must be 0) and the server's RSS sampled every SOAK_SAMPLE seconds, which
# must stay within SOAK_RSS_MARGIN percent of its level after warm-up (the first fifth of the run).
#   scripts/soak.sh BINARY [WORK_FOLDER]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$1"; WORK="${2:-$ROOT/var/soak}"
SECONDS_TOTAL="${SOAK_SECONDS:-120}"; PHOTOS="${SOAK_PHOTOS:-2000}"; SAMPLE="${SOAK_SAMPLE:-2}"
MARGIN="${SOAK_RSS_MARGIN:-25}"; CONNECTIONS="${SOAK_CONNECTIONS:-8}"
PYTHON="$ROOT/.vendor/venv/bin/python3"; [ -x "$PYTHON" ] || PYTHON=python3
export VIEWFINDER_ORT_LIBRARY="${VIEWFINDER_ORT_LIBRARY:-$(ls "$ROOT"/.vendor/onnxruntime/lib/libonnxruntime.so* | head -n1)}"
command -v wrk >/dev/null || { echo "soak: wrk is missing; run make bootstrap" >&2; exit 1; }
log() { echo "soak: $*" >&2; }

rm -rf "$WORK"; mkdir -p "$WORK"
STORAGE="$WORK/storage"
log "generating $PHOTOS pictures and a colour seed library"
"$PYTHON" - "$WORK/library" "$PHOTOS" <<'PY'
import os, random, sys
from PIL import Image
out, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(11)
for i in range(count):
    sub = os.path.join(out, "f%02d" % (i % 40))
    os.makedirs(sub, exist_ok=True)
    img = Image.new("RGB", (160, 120), tuple(rng.randrange(256) for _ in range(3)))
    px = img.load()
    for _ in range(400):
        px[rng.randrange(160), rng.randrange(120)] = tuple(rng.randrange(256) for _ in range(3))
    img.save(os.path.join(sub, "p%05d.jpg" % i), quality=85)
PY
"$PYTHON" "$ROOT/tools/samples/generate_colour_photos.py" "$WORK/seed" --no-check >/dev/null
"$BIN" models import "$ROOT/models/viewfinder-test-tiny" --storage "$STORAGE" >/dev/null
"$BIN" index "$WORK/seed" --model viewfinder-test-tiny --storage "$STORAGE" --json >/dev/null

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN" serve --port "$PORT" --model viewfinder-test-tiny --storage "$STORAGE" >"$WORK/serve.log" 2>&1 &
SERVE=$!
INDEXER=""
# Stops the indexer loop and the index run it waits for (frozen first, so it starts no new run meanwhile).
stop_indexer() {
    [ -n "$INDEXER" ] || return 0
    kill -STOP "$INDEXER" 2>/dev/null || true
    pkill -P "$INDEXER" 2>/dev/null || true
    kill "$INDEXER" 2>/dev/null || true
    kill -CONT "$INDEXER" 2>/dev/null || true
    INDEXER=""
}
cleanup() {
    stop_indexer
    kill "$SERVE" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
UIDS="$(curl -sf "http://127.0.0.1:$PORT/api/v1/photos?count=20" | "$PYTHON" -c 'import json, sys; print(" ".join(p["uid"] for p in json.load(sys.stdin)))')"

# The indexer: the big library, then forced re-reads until the load stops.
(
    "$BIN" index "$WORK/library" --model viewfinder-test-tiny --storage "$STORAGE" --json >"$WORK/index.log" 2>&1
    date +%s > "$WORK/first-index-done"
    while true; do
        "$BIN" index "$WORK/library" --model viewfinder-test-tiny --storage "$STORAGE" --force --json >>"$WORK/index.log" 2>&1
    done
) &
INDEXER=$!

started=$(date +%s)
( while kill -0 "$SERVE" 2>/dev/null; do
    echo "$(( $(date +%s) - started )) $(awk '/VmRSS/ {print $2}' "/proc/$SERVE/status")"
    sleep "$SAMPLE"
done ) > "$WORK/rss.txt" 2>/dev/null &
SAMPLER=$!

log "wrk: $CONNECTIONS connections for ${SECONDS_TOTAL}s on 127.0.0.1:$PORT while indexing"
# shellcheck disable=SC2086
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TOTAL}s" --timeout 10s -s "$ROOT/tools/soak/mix.lua" \
    "http://127.0.0.1:$PORT" -- $UIDS | tee "$WORK/wrk.txt"
kill "$SAMPLER" 2>/dev/null || true
stop_indexer

"$PYTHON" - "$WORK" "$SECONDS_TOTAL" "$MARGIN" "$PHOTOS" <<'PY'
import os, sys
work, total, margin, photos = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
line = next(l for l in open(os.path.join(work, "wrk.txt")) if l.startswith("SOAK "))
f = dict(kv.split("=") for kv in line.split()[1:])
errors = sum(int(f[k]) for k in ("non2xx", "connect", "read", "write", "timeout"))
samples = [tuple(map(int, l.split())) for l in open(os.path.join(work, "rss.txt")) if len(l.split()) == 2]
samples = [s for s in samples if s[0] <= total]
warm = [kb for t, kb in samples if t >= total / 5]
base = warm[0] if warm else 0
peak = max(warm) if warm else 0
growth = 100.0 * (peak - base) / base if base else 0.0
first = os.path.join(work, "first-index-done")
passes = sum(1 for l in open(os.path.join(work, "index.log")) if '"root"' in l and '"embedded"' in l)
print(f"requests {f['requests']} in {f['seconds']} s: {f['rps']} req/s, p50 {f['p50_ms']} ms, p99 {f['p99_ms']} ms, max {f['max_ms']} ms")
print(f"errors {errors} (non-2xx {f['non2xx']}, connect {f['connect']}, read {f['read']}, write {f['write']}, timeout {f['timeout']})")
print(f"indexing: {photos} generated pictures; first full pass {'finished' if os.path.exists(first) else 'still running'} during the load; {passes} passes completed")
step = max(1, len(samples) // 12)
print("RSS (s: MiB): " + ", ".join(f"{t}: {kb / 1024:.0f}" for t, kb in samples[::step]))
print(f"RSS after warm-up: {base / 1024:.0f} MiB at {total // 5} s, peak {peak / 1024:.0f} MiB (+{growth:.1f} %, margin {margin:.0f} %)")
ok = errors == 0 and growth <= margin
print("SOAK " + ("PASSED" if ok else "FAILED"))
sys.exit(0 if ok else 1)
PY
