#!/usr/bin/env python3
"""Builds the picture set the preprocessing fidelity test and `make bench-decode` compare on.

    .vendor/venv/bin/python3 tools/samples/generate_fidelity_corpus.py OUT_DIR

Real photographs come from Debian's `plasma-workspace-wallpapers` (installed by
scripts/bootstrap.sh) and are used where Debian put them. The cases a photo library also
holds are derived from them into OUT_DIR: a portrait crop, EXIF-rotated JPEGs (orientations
3, 6 and 8, pixels stored rotated so the upright picture equals the original), a PNG with a
varying alpha channel, a CMYK JPEG without an ICC profile, a greyscale JPEG, a palette PNG and
a small picture that must be enlarged. Writes OUT_DIR/manifest.json: a list of
{"name", "file", "kind"} in a fixed order. Deterministic for a given wallpaper package.
"""

import json
import os
import sys

from PIL import Image

WALLPAPERS = "/usr/share/wallpapers"

# Photographs (camera EXIF) and two large renders; each (name, path below WALLPAPERS, kind).
REAL = [
    ("bythewater", "BytheWater/contents/images/2560x1600.jpg", "photo, landscape"),
    ("coldripple", "ColdRipple/contents/images/2560x1600.jpg", "photo, landscape"),
    ("colorfulcups", "ColorfulCups/contents/images/2560x1600.jpg", "photo, landscape"),
    ("darkesthour", "DarkestHour/contents/images/2560x1600.jpg", "photo, landscape"),
    ("fallenleaf", "FallenLeaf/contents/images/2560x1600.jpg", "photo, landscape"),
    ("kite", "Kite/contents/images/2560x1600.jpg", "photo, landscape, ICC profile"),
    ("onestandsout", "OneStandsOut/contents/images/2560x1600.jpg", "photo, landscape, ICC profile"),
    ("path", "Path/contents/images/2560x1600.jpg", "photo, landscape, ICC profile"),
    ("safelanding-portrait", "SafeLanding/contents/images/1622x2880.jpg", "portrait JPEG"),
    ("safelanding-5k", "SafeLanding/contents/images/5120x2880.jpg", "14.7 MP JPEG"),
    ("altai-portrait", "Altai/contents/images/1080x1920.png", "portrait PNG"),
]


def source(relative):
    path = os.path.join(WALLPAPERS, relative)
    if not os.path.isfile(path):
        sys.exit(f"missing {path}: install Debian's plasma-workspace-wallpapers (make bootstrap)")
    return path


def derived(out):
    """Writes the derived pictures; yields (name, file, kind)."""
    fallen = Image.open(source(REAL[4][1])).convert("RGB")
    portrait = fallen.crop((700, 0, 1700, 1600))
    yield "portrait-crop", save(portrait, out, "portrait-crop.jpg", quality=92), "portrait crop of a photo"

    path_photo = Image.open(source(REAL[7][1])).convert("RGB")
    # The stored pixels are the inverse transform of what the orientation tag says to apply.
    for orientation, stored in [(3, Image.Transpose.ROTATE_180), (6, Image.Transpose.ROTATE_90),
                                (8, Image.Transpose.ROTATE_270)]:
        image = path_photo.transpose(stored)
        exif = Image.Exif()
        exif[0x0112] = orientation
        name = f"rotated-{orientation}.jpg"
        save(image, out, name, quality=92, exif=exif.tobytes())
        yield f"exif-orientation-{orientation}", os.path.join(out, name), f"EXIF orientation {orientation}"

    cups = Image.open(source(REAL[2][1])).convert("RGB")
    alpha = Image.linear_gradient("L").resize(cups.size)
    rgba = cups.copy()
    rgba.putalpha(alpha)
    yield "png-alpha", save(rgba, out, "alpha.png"), "PNG with alpha"

    kite = Image.open(source(REAL[5][1])).convert("RGB")
    yield "cmyk", save(kite.convert("CMYK"), out, "cmyk.jpg", quality=92), "CMYK JPEG, no ICC profile"

    dark = Image.open(source(REAL[3][1])).convert("L")
    yield "greyscale", save(dark, out, "grey.jpg", quality=92), "greyscale JPEG"

    palette = Image.open(source(REAL[0][1])).convert("RGB").quantize(colors=200)
    yield "palette-png", save(palette, out, "palette.png"), "palette PNG"

    small = Image.open(source(REAL[1][1])).convert("RGB").resize((200, 125), Image.Resampling.LANCZOS)
    yield "small", save(small, out, "small.png"), "200×125, enlarged"


def save(image, out, name, **options):
    path = os.path.join(out, name)
    image.save(path, **options)
    return path


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    manifest = [{"name": name, "file": source(relative), "kind": kind} for name, relative, kind in REAL]
    manifest += [{"name": name, "file": file, "kind": kind} for name, file, kind in derived(out)]
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)
    print(f"{len(manifest)} pictures listed in {os.path.join(out, 'manifest.json')}")


if __name__ == "__main__":
    main()
