#!/usr/bin/env python3
"""Reference preprocessing of pictures for CLIP-style image towers, with Pillow.

    .vendor/venv/bin/python3 tools/reference/preprocess.py --size 224 \
        --mean 0.48145466 0.4578275 0.40821073 --std 0.26862954 0.26130258 0.27577711 \
        --out DIR photo1.jpg photo2.png ...

The steps are the ones CLIP-style models were trained with (OpenAI CLIP, OpenCLIP, UForm's
torchvision transforms), with the portrait fix UForm's ONNX example lacks:

1. ``Image.open``; optionally ``draft("RGB", (size, size))`` (JPEG DCT scaling, ``--draft``);
2. ``ImageOps.exif_transpose`` (EXIF orientation);
3. ``convert("RGB")`` (alpha dropped, CMYK/greyscale/palette converted by Pillow's formulas,
   embedded ICC profiles ignored);
4. bicubic resize of the shortest side to ``size`` (torchvision ``Resize(size)``: the long side
   is ``int(size * long / short)``), or of both sides with ``--mode squash``;
5. centre crop of ``size``×``size`` (torchvision ``CenterCrop``: offsets ``int(round(...))``);
6. ``(v / 255 - mean) / std`` per channel, laid out channel-major (CHW) as float32.

For each input ``i`` (0-based) it writes ``DIR/i.f32`` (little-endian float32, 3×size×size)
and prints one JSON line per picture: {"index", "file", "width", "height", "error"}, where
width/height are the upright size before resizing.
"""

import argparse
import json
import os
import sys

import numpy as np
from PIL import Image, ImageOps


def resized_size(width, height, size, mode):
    """torchvision Resize(size) on a PIL image: shortest side to `size`, the other truncated."""
    if mode == "squash":
        return size, size
    if width <= height:
        return size, int(size * height / width)
    return int(size * width / height), size


def preprocess(path, size, mean, std, mode="shortest", draft=False):
    """Returns (tensor CHW float32, upright width, upright height) for one picture."""
    with Image.open(path) as image:
        if draft:
            image.draft("RGB", (size, size))
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGB")
        width, height = image.size
        target = resized_size(width, height, size, mode)
        image = image.resize(target, Image.Resampling.BICUBIC)
        left = int(round((target[0] - size) / 2.0))
        top = int(round((target[1] - size) / 2.0))
        image = image.crop((left, top, left + size, top + size))
        pixels = np.asarray(image, dtype=np.float32) / 255.0
    tensor = (pixels - np.asarray(mean, dtype=np.float32)) / np.asarray(std, dtype=np.float32)
    return np.ascontiguousarray(tensor.transpose(2, 0, 1), dtype="<f4"), width, height


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--mean", type=float, nargs=3, default=[0.48145466, 0.4578275, 0.40821073])
    parser.add_argument("--std", type=float, nargs=3, default=[0.26862954, 0.26130258, 0.27577711])
    parser.add_argument("--mode", choices=["shortest", "squash"], default="shortest")
    parser.add_argument("--draft", action="store_true", help="let libjpeg scale down while decoding (Pillow draft())")
    parser.add_argument("--out", required=True, help="folder for the i.f32 tensors")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    failed = 0
    for index, path in enumerate(args.files):
        record = {"index": index, "file": path, "width": None, "height": None, "error": None}
        try:
            tensor, record["width"], record["height"] = preprocess(
                path, args.size, args.mean, args.std, args.mode, args.draft)
            tensor.tofile(os.path.join(args.out, f"{index}.f32"))
        except Exception as error:  # one bad file must not hide the others' results
            record["error"] = f"{type(error).__name__}: {error}"
            failed += 1
        print(json.dumps(record), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
