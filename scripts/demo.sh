#!/usr/bin/env bash
# Indexes a sample library (generated colour photos + Debian wallpapers) and runs example searches.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$1"
DEMO="${2:-var/demo}"
PYTHON=.vendor/venv/bin/python3
LIBRARY="$DEMO/library"
vf() { "$BIN" "$@" --storage "$DEMO/storage"; }

if ! dpkg-query -W -f='${Status}' plasma-workspace-wallpapers 2>/dev/null | grep -q "install ok installed"; then
    echo "demo: installing Debian's plasma-workspace-wallpapers (real photographs)"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq plasma-workspace-wallpapers >/dev/null
fi

mkdir -p "$LIBRARY"
[ -d "$LIBRARY/colours" ] || "$PYTHON" tools/samples/generate_colour_photos.py "$LIBRARY/colours" --no-check >/dev/null
if [ ! -d "$LIBRARY/wallpapers" ]; then
    mkdir -p "$LIBRARY/wallpapers"
    # One size per wallpaper keeps the demo quick; the originals stay where Debian put them.
    for dir in /usr/share/wallpapers/*/contents/images; do
        pick="$(ls "$dir"/*.jpg "$dir"/*.png 2>/dev/null | sort -V | tail -n1 || true)"
        [ -n "$pick" ] && cp "$pick" "$LIBRARY/wallpapers/$(basename "$(dirname "$(dirname "$dir")")").${pick##*.}"
    done
fi

vf models import models/viewfinder-test-tiny >/dev/null
echo "== indexing $LIBRARY"
vf index "$LIBRARY" --model viewfinder-test-tiny
for query in "red" "blau" "une photo verte" "amarillo" "黑色"; do
    echo
    echo "== viewfinder search \"$query\""
    vf search "$query" --model viewfinder-test-tiny --limit 5
done
