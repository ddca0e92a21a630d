#!/usr/bin/env python3
"""Write a small, deterministic library of colourful generated "photos" for demos
and end-to-end tests, then check each one with the viewfinder-test-tiny model.

    python3 tools/samples/generate_colour_photos.py OUT_DIR [--count-per-colour K]

Layout: OUT_DIR/<colour>/<colour>-NN.<ext>, e.g. red/red-01.jpg, for the colours
red, orange, yellow, green, blue, purple, pink, white, black and grey. Most files
are JPEG; a couple are PNG and one is WebP. Sizes cycle through 640x480, 480x640
and 512x512 (as displayed). Each picture is a dominant colour with lighting
gradients, blotchy texture, grain and a few small shapes in other colours, plus a
small marker square in the displayed top-left corner. Some JPEGs are stored
rotated with an EXIF Orientation tag (6, 8 or 3), so a viewer that honours the
tag shows them upright. OUT_DIR/manifest.json lists every file.

The check (skip with --no-check) preprocesses each file like the app does (EXIF
auto-rotate, shortest side to 224 bicubic, centre crop, normalise), embeds it
with Python onnxruntime and requires its own colour word to rank first among the
colour words of each of English, German, French and Spanish.
"""

import argparse
import json
import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
MODELS_TOOLS = os.path.join(REPO, "tools", "models")

COLOURS = ["red", "orange", "yellow", "green", "blue", "purple", "pink", "white", "black", "grey"]

# Dominant shades (sRGB 0..255) per colour; picture k uses shade k mod len.
SHADES = {
    "red": [(196, 32, 38), (170, 24, 30), (222, 58, 48)],
    "orange": [(238, 128, 28), (244, 150, 50), (226, 112, 20)],
    "yellow": [(242, 214, 48), (236, 206, 78), (250, 228, 96)],
    "green": [(58, 150, 62), (36, 118, 48), (104, 180, 74)],
    "blue": [(38, 84, 204), (30, 52, 150), (78, 126, 226)],
    "purple": [(118, 46, 160), (92, 32, 124), (150, 86, 190)],
    "pink": [(242, 140, 188), (226, 104, 160), (248, 176, 208)],
    "white": [(246, 246, 244), (240, 241, 246), (248, 246, 238)],
    "black": [(14, 14, 16), (24, 22, 26), (10, 12, 18)],
    "grey": [(128, 128, 130), (156, 156, 158), (104, 104, 106)],
}

# Colours for the small detail shapes (any colour other than the dominant one).
DETAIL_COLOURS = [
    (220, 40, 40), (240, 140, 30), (245, 220, 60), (50, 160, 60), (30, 170, 180),
    (40, 80, 210), (130, 50, 170), (245, 150, 195), (120, 75, 35), (248, 248, 248),
    (128, 128, 128), (15, 15, 15),
]
DETAIL_NAMES = ["red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink", "brown",
                "white", "grey", "black"]

SIZES = [(640, 480), (480, 640), (512, 512)]  # displayed (width, height)

# Stored pixels = displayed picture turned by the inverse of the orientation.
ORIENTATION_STORE = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,    # viewer turns it 90 degrees clockwise
    8: Image.Transpose.ROTATE_270,   # viewer turns it 90 degrees counter-clockwise
}


def plan(count_per_colour):
    """(colour, k, global index, format, orientation) for every picture."""
    entries = []
    g = 0
    for colour in COLOURS:
        for k in range(count_per_colour):
            entries.append([colour, k, g, "jpg", 1])
            g += 1
    n = len(entries)
    # Fixed, spread-out choices so that small libraries still get each feature.
    for index, fmt in ((4 % n, "png"), ((n * 2) // 3, "png"), ((n // 2) + 1 if n > 2 else 0, "webp")):
        entries[index][3] = fmt
    jpegs = [e for e in entries if e[3] == "jpg"]
    for position, orientation in ((1, 6), (len(jpegs) // 2, 8), (len(jpegs) - 2, 3)):
        if 0 <= position < len(jpegs):
            jpegs[position][4] = orientation
    return [tuple(e) for e in entries]


def smooth_noise(rng, width, height, cells):
    """Low-frequency noise in about -1..1: a coarse random grid, upscaled bicubic."""
    grid = rng.uniform(0, 255, size=(cells[1], cells[0])).astype(np.uint8)
    field = Image.fromarray(grid, "L").resize((width, height), Image.BICUBIC)
    return np.asarray(field, dtype=np.float64) / 127.5 - 1.0


def paint(colour, k, size, rng):
    """The displayed picture as an RGB PIL image."""
    width, height = size
    base = np.array(SHADES[colour][k % len(SHADES[colour])], dtype=np.float64)
    yy, xx = np.mgrid[0:height, 0:width]
    u, v = xx / width - 0.5, yy / height - 0.5

    # Lighting: a gentle linear gradient plus blotches; weaker at the extremes
    # (white stays white, black stays black).
    angle = rng.uniform(0, 2 * np.pi)
    strength = {"white": 0.03, "black": 0.0, "grey": 0.08}.get(colour, 0.14)
    light = 1.0 + strength * (np.cos(angle) * u + np.sin(angle) * v) * 2
    light += (strength * 0.6) * smooth_noise(rng, width, height, (7, 5))
    picture = base[None, None, :] * light[:, :, None]
    # Soft diagonal stripes of texture, and grain.
    picture *= (1.0 + 0.03 * np.sin((xx + yy) / rng.uniform(9, 17)))[:, :, None]
    if colour == "black":
        picture += 6.0 * (smooth_noise(rng, width, height, (9, 7)) + 1.0)[:, :, None]
    picture += rng.normal(0.0, 6.0, picture.shape)
    image = Image.fromarray(np.clip(picture, 0, 255).round().astype(np.uint8), "RGB")

    # A few small shapes in other colours: about 8-15% of the area in total.
    draw = ImageDraw.Draw(image)
    own = DETAIL_NAMES.index(colour)
    choices = [i for i in range(len(DETAIL_COLOURS)) if i != own]
    area = width * height
    for _ in range(int(rng.integers(3, 7))):
        fill = DETAIL_COLOURS[choices[int(rng.integers(len(choices)))]]
        share = rng.uniform(0.012, 0.03)
        side = int(np.sqrt(share * area))
        w = int(side * rng.uniform(0.7, 1.4))
        h = max(4, int(share * area / max(w, 1)))
        x0 = int(rng.integers(0, width - w))
        y0 = int(rng.integers(0, height - h))
        kind = int(rng.integers(3))
        box = [x0, y0, x0 + w, y0 + h]
        if kind == 0:
            draw.ellipse(box, fill=fill)
        elif kind == 1:
            draw.rectangle(box, fill=fill)
        else:
            draw.polygon([(x0, y0 + h), (x0 + w // 2, y0), (x0 + w, y0 + h)], fill=fill)
    # Orientation marker: a small square in the displayed top-left corner.
    marker = (15, 15, 15) if colour in ("white", "yellow", "pink", "grey") else (250, 250, 250)
    side = max(12, width // 16)
    draw.rectangle([6, 6, 6 + side, 6 + side], fill=marker)
    return image


def exif_for(orientation, g):
    exif = Image.Exif()
    exif[0x010F] = "Viewfinder"                      # Make
    exif[0x0110] = "generate_colour_photos.py"       # Model
    exif[0x0132] = f"2023:{1 + g % 12:02d}:{1 + g % 28:02d} 12:{g % 60:02d}:00"  # DateTime
    if orientation != 1:
        exif[0x0112] = orientation                   # Orientation
    return exif


def generate(out_dir, count_per_colour, seed):
    records = []
    for colour, k, g, fmt, orientation in plan(count_per_colour):
        rng = np.random.default_rng([seed, g])
        size = SIZES[(k + COLOURS.index(colour)) % len(SIZES)]
        displayed = paint(colour, k, size, rng)
        stored = displayed.transpose(ORIENTATION_STORE[orientation]) if orientation != 1 else displayed
        name = f"{colour}-{k + 1:02d}.{fmt}"
        path = os.path.join(out_dir, colour, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if fmt == "jpg":
            stored.save(path, "JPEG", quality=90, exif=exif_for(orientation, g).tobytes())
        elif fmt == "png":
            stored.save(path, "PNG", optimize=False)
        else:
            stored.save(path, "WEBP", quality=85, method=4)
        with Image.open(path) as check:
            upright = ImageOps.exif_transpose(check)
            assert upright.size == size, (path, upright.size, size)
        records.append({
            "path": f"{colour}/{name}",
            "colour": colour,
            "format": {"jpg": "jpeg"}.get(fmt, fmt),
            "width": size[0],
            "height": size[1],
            "stored_width": stored.size[0],
            "stored_height": stored.size[1],
            "exif_orientation": orientation,
            "marker": "top-left",
        })
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"generator": "tools/samples/generate_colour_photos.py", "seed": seed,
                   "photos": records}, f, indent=2)
        f.write("\n")
    return records


def check(out_dir, records, model_dir):
    sys.path.insert(0, MODELS_TOOLS)
    from lexicon import BASE_WORDS, CONCEPTS
    from tinymodel import TinyModel, cosine_matrix

    model = TinyModel(model_dir)
    paths = [os.path.join(out_dir, r["path"]) for r in records]
    image_emb = model.encode_files(paths)
    languages = ["en", "de", "fr", "es"]
    sims = {lang: cosine_matrix(image_emb, model.encode_texts([BASE_WORDS[lang][c] for c in CONCEPTS]))
            for lang in languages}

    failures = []
    print(f"\n{'file':24} {'size':>8} {'orient':>6}  " + "  ".join(f"{l:>17}" for l in languages))
    for row, record in enumerate(records):
        cells = []
        for lang in languages:
            scores = sims[lang][row]
            order = np.argsort(-scores)
            top = CONCEPTS[order[0]]
            own = scores[CONCEPTS.index(record["colour"])]
            runner_up = scores[order[1]] if top == record["colour"] else scores[order[0]]
            mark = "" if top == record["colour"] else "!"
            cells.append(f"{BASE_WORDS[lang][top][:8]:>8}{mark} {own:.2f}/{runner_up:.2f}")
            if top != record["colour"]:
                failures.append(f"{record['path']}: nearest {lang} word is '{BASE_WORDS[lang][top]}'")
        size = f"{record['width']}x{record['height']}"
        print(f"{record['path']:24} {size:>8} {record['exif_orientation']:>6}  " + "  ".join(cells))
    print("(cells: nearest word, cosine to own word / to the best other word)")

    # The search direction: each colour word's best photo has that colour.
    colours = [r["colour"] for r in records]
    per_colour = len(records) // len(COLOURS)
    hits = 0
    for colour in COLOURS:
        scores = sims["en"][:, CONCEPTS.index(colour)]
        ranked = [colours[i] for i in np.argsort(-scores)]
        if ranked[0] != colour:
            failures.append(f"query '{colour}' finds a {ranked[0]} photo first")
        hits += sum(c == colour for c in ranked[:per_colour])
    print(f"retrieval: precision@{per_colour} over the {len(COLOURS)} English colour words = "
          f"{hits / (per_colour * len(COLOURS)):.2f}")
    if failures:
        print("CHECK FAILED:\n  " + "\n  ".join(failures))
        raise SystemExit(1)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("--count-per-colour", type=int, default=3, metavar="K")
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--model-dir", default=os.path.join(REPO, "models", "viewfinder-test-tiny"))
    parser.add_argument("--no-check", action="store_true", help="skip the onnxruntime check")
    args = parser.parse_args(argv)
    if args.count_per_colour < 1:
        parser.error("--count-per-colour must be at least 1")

    records = generate(args.out_dir, args.count_per_colour, args.seed)
    formats = {}
    for r in records:
        formats[r["format"]] = formats.get(r["format"], 0) + 1
    rotated = sum(r["exif_orientation"] != 1 for r in records)
    print(f"wrote {len(records)} photos to {args.out_dir} "
          f"({', '.join(f'{n} {f}' for f, n in sorted(formats.items()))}; {rotated} with an EXIF rotation)")
    if not args.no_check:
        check(args.out_dir, records, args.model_dir)
        print("all photos rank their own colour word first in en, de, fr and es")


if __name__ == "__main__":
    main()
