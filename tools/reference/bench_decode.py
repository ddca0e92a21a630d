#!/usr/bin/env python3
"""The Pillow side of `make bench-decode`: benchmark sets, reference tensors and throughput.

    python3 tools/reference/bench_decode.py --out-dir var/bench/decode prepare --fidelity-dir var/bench/fidelity
    python3 tools/reference/bench_decode.py --out-dir var/bench/decode measure --set 12mp --variant draft --processes 2

`prepare` writes OUT_DIR/sets.json with two sets: "wallpapers" (photographs and large JPEGs of
Debian's plasma-workspace-wallpapers, used in place) and "12mp" (eight 4000×3000 JPEGs, quality
90, made from those photographs into OUT_DIR/12mp); and reference tensors of the fidelity corpus
(tools/samples/generate_fidelity_corpus.py) into OUT_DIR/fidelity with fidelity.json.

`measure` prints images per second of decode + preprocess to a 224-pixel CLIP tensor with the
reference pipeline (tools/reference/preprocess.py), as UForm's published pipeline does it ("full":
full decode, BICUBIC) or with Image.draft() ("draft": libjpeg DCT scaling first), over one set
with 1 or more worker processes (processes sidestep the GIL: the best Python can do). The Swift
benchmark calls it between its own measurements so that machine load drifts alike for both.
"""

import argparse
import json
import multiprocessing
import os
import sys
import time

import PIL
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import preprocess  # noqa: E402

SIZE = 224
MEAN = [0.48145466, 0.4578275, 0.40821073]
STD = [0.26862954, 0.26130258, 0.27577711]
WALLPAPERS = "/usr/share/wallpapers"
PHOTOS = ["BytheWater", "ColdRipple", "ColorfulCups", "DarkestHour", "FallenLeaf", "Kite", "OneStandsOut", "Path"]
LARGE = ["SafeLanding/contents/images/5120x2880.jpg", "SafeLanding/contents/images/1622x2880.jpg",
         "Volna/contents/images/5120x2880.jpg", "Honeywave/contents/images/5120x2880.jpg"]


def wallpaper_set():
    files = [os.path.join(WALLPAPERS, name, "contents/images/2560x1600.jpg") for name in PHOTOS]
    files += [os.path.join(WALLPAPERS, relative) for relative in LARGE]
    missing = [path for path in files if not os.path.isfile(path)]
    if missing:
        sys.exit(f"missing {missing[0]}: install Debian's plasma-workspace-wallpapers (make bootstrap)")
    return files


def twelve_megapixel_set(folder, sources):
    os.makedirs(folder, exist_ok=True)
    files = []
    for index, source in enumerate(sources[:8]):
        path = os.path.join(folder, f"12mp-{index}.jpg")
        if not os.path.isfile(path):
            with Image.open(source) as image:
                image.convert("RGB").resize((4000, 3000), Image.Resampling.BICUBIC).save(path, quality=90)
        files.append(path)
    return files


def work(arguments):
    files, draft, deadline = arguments
    count = 0
    while True:
        for path in files:
            preprocess.preprocess(path, SIZE, MEAN, STD, draft=draft)
            count += 1
        if time.perf_counter() >= deadline:
            return count


def rate(files, draft, processes, seconds):
    for path in files:  # warm the page cache and the code paths
        preprocess.preprocess(path, SIZE, MEAN, STD, draft=draft)
    with multiprocessing.Pool(processes) as pool:
        start = time.perf_counter()
        shares = [files[index::processes] or files for index in range(processes)]
        counts = pool.map(work, [(share, draft, start + seconds) for share in shares])
        elapsed = time.perf_counter() - start
    return sum(counts) / elapsed


def prepare(out, fidelity_dir):
    os.makedirs(out, exist_ok=True)
    wallpapers = wallpaper_set()
    sets = {"wallpapers": wallpapers, "12mp": twelve_megapixel_set(os.path.join(out, "12mp"), wallpapers)}
    with open(os.path.join(out, "sets.json"), "w", encoding="utf-8") as handle:
        json.dump({"pillow_version": PIL.__version__, "size": SIZE, "mean": MEAN, "std": STD, "sets": sets},
                  handle, indent=1)
    with open(os.path.join(fidelity_dir, "manifest.json"), encoding="utf-8") as handle:
        corpus = json.load(handle)
    tensors = os.path.join(out, "fidelity")
    os.makedirs(tensors, exist_ok=True)
    for index, entry in enumerate(corpus):
        tensor, width, height = preprocess.preprocess(entry["file"], SIZE, MEAN, STD)
        tensor.tofile(os.path.join(tensors, f"{index}.f32"))
        entry.update({"index": index, "width": width, "height": height})
    with open(os.path.join(tensors, "fidelity.json"), "w", encoding="utf-8") as handle:
        json.dump(corpus, handle, indent=1)
    print(f"bench sets in {out}/sets.json, {len(corpus)} reference tensors in {tensors}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out-dir", required=True)
    commands = parser.add_subparsers(dest="command", required=True)
    prepare_command = commands.add_parser("prepare")
    prepare_command.add_argument("--fidelity-dir", required=True, help="the fidelity corpus folder")
    measure_command = commands.add_parser("measure")
    measure_command.add_argument("--set", required=True)
    measure_command.add_argument("--variant", choices=["full", "draft"], required=True)
    measure_command.add_argument("--processes", type=int, required=True)
    measure_command.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    out = os.path.abspath(args.out_dir)
    if args.command == "prepare":
        prepare(out, os.path.abspath(args.fidelity_dir))
        return
    with open(os.path.join(out, "sets.json"), encoding="utf-8") as handle:
        files = json.load(handle)["sets"][args.set]
    value = rate(files, args.variant == "draft", args.processes, args.seconds)
    print(json.dumps({"set": args.set, "variant": args.variant, "processes": args.processes, "rate": value}))


if __name__ == "__main__":
    main()
