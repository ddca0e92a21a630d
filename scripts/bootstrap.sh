#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and run Viewfinder. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
ORT_VERSION="${VIEWFINDER_ORT_VERSION:-1.32.0}"
VENDOR="$ROOT/.vendor"

need_apt=()
python3 -m venv --help >/dev/null 2>&1 || need_apt+=(python3-venv python3-pip)
# mariadb-server (10.11, test server), libmariadb-dev (the C connector) and debootstrap (the Debian 13 chroot with
# MariaDB 11.8 for the tests) serve the MariaDB backend; PostgreSQL + pgvector comes from a PyPI wheel at test time.
# plasma-workspace-wallpapers (real photographs) and libimage-exiftool-perl (exiftool) feed the imaging tests,
# the fidelity comparison and `make bench-decode`; chromium (headless) drives the web UI browser test; wrk is the
# HTTP load generator of `make soak`. libjpeg62-turbo-dev (libjpeg-turbo ≥ 2.0, for jpeg_read_icc_profile) is the
# CJPEG target's fast JPEG decode; libvips-dev pulls it in too, but the target links it directly.
for pkg in libvips-dev libjpeg62-turbo-dev libsqlite3-dev pkg-config libmariadb-dev mariadb-server debootstrap \
    plasma-workspace-wallpapers libimage-exiftool-perl chromium wrk ${VIEWFINDER_EXTRA_APT:-}; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
    echo "bootstrap: installing ${need_apt[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# A private Python for the generators and reference scripts under tools/ (never used at run time).
VENV="$VENDOR/venv"
REQS="$ROOT/tools/requirements.txt"
STAMP="$VENV/.requirements.sha256"
if [ ! -x "$VENV/bin/python3" ]; then
    python3 -m venv "$VENV"
fi
if [ "$(cat "$STAMP" 2>/dev/null)" != "$(sha256sum "$REQS" | cut -d' ' -f1)" ]; then
    echo "bootstrap: installing Python tools (tools/requirements.txt)"
    "$VENV/bin/python3" -m pip install -q --upgrade pip >/dev/null
    "$VENV/bin/python3" -m pip install -q -r "$REQS"
    sha256sum "$REQS" | cut -d' ' -f1 > "$STAMP"
fi

# ONNX Runtime: only the shared library from the PyPI wheel; --no-deps keeps numpy out.
ORT_DIR="$VENDOR/onnxruntime"
if [ ! -e "$ORT_DIR/lib/libonnxruntime.so" ] || [ "$(cat "$ORT_DIR/VERSION" 2>/dev/null)" != "$ORT_VERSION" ]; then
    echo "bootstrap: fetching onnxruntime $ORT_VERSION wheel"
    tmp="$(mktemp -d)"
    "$VENV/bin/python3" -m pip download -q --no-deps --only-binary=:all: -d "$tmp" "onnxruntime==$ORT_VERSION"
    rm -rf "$ORT_DIR"; mkdir -p "$ORT_DIR/lib"
    python3 - "$tmp"/onnxruntime-*.whl "$ORT_DIR/lib" <<'PY'
import sys, zipfile, os
wheel, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        base = os.path.basename(name)
        if name.startswith("onnxruntime/capi/") and base.startswith("libonnxruntime") and ".so" in base:
            with z.open(name) as src, open(os.path.join(dest, base), "wb") as out:
                out.write(src.read())
PY
    real="$(cd "$ORT_DIR/lib" && ls libonnxruntime.so.* | head -n1)"
    ln -sf "$real" "$ORT_DIR/lib/libonnxruntime.so"
    echo "$ORT_VERSION" > "$ORT_DIR/VERSION"
    rm -rf "$tmp"
fi

if [ "${1:-}" != "--no-build" ]; then
    swift build -c "${VIEWFINDER_BUILD_CONFIG:-release}" --product viewfinder
fi
