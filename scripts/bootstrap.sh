#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and run Viewfinder. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
ORT_VERSION="${VIEWFINDER_ORT_VERSION:-1.32.0}"
VENDOR="$ROOT/.vendor"

need_apt=()
for pkg in libvips-dev libsqlite3-dev pkg-config; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
    echo "bootstrap: installing ${need_apt[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# ONNX Runtime: only the shared library from the PyPI wheel; --no-deps keeps numpy out.
ORT_DIR="$VENDOR/onnxruntime"
if [ ! -e "$ORT_DIR/lib/libonnxruntime.so" ] || [ "$(cat "$ORT_DIR/VERSION" 2>/dev/null)" != "$ORT_VERSION" ]; then
    echo "bootstrap: fetching onnxruntime $ORT_VERSION wheel"
    tmp="$(mktemp -d)"
    python3 -m pip download -q --no-deps --only-binary=:all: -d "$tmp" "onnxruntime==$ORT_VERSION"
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
