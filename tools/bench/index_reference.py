#!/usr/bin/env python3
"""Python reference indexing pipeline for `make bench-index`, in the way uform-image-search indexes a folder.

    .vendor/venv/bin/python3 tools/bench/index_reference.py --model MODEL_DIR --threads 2 --batch 16 \
        --out result.json photo1.jpg photo2.jpg ...

For each batch of files, one after the other: Pillow decode and CLIP preprocessing (tools/reference/preprocess.py:
full decode, EXIF transpose, RGB, bicubic shortest-side resize, centre crop, normalise), then one onnxruntime
`InferenceSession.run` of the image tower with the same session options as Viewfinder (N intra-op threads, one
inter-op thread, sequential, all graph optimisations). Decoding does not overlap inference, as in the original.
Writes {"images", "seconds", "load_seconds", "failures", "max_rss_kib" (VmHWM)}; `seconds` covers decode + inference only.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import onnxruntime as ort

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
from preprocess import preprocess  # noqa: E402


def high_water_mark_kib():
    """VmHWM of this process (ru_maxrss would include the spawning process's peak, carried across exec)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="UForm-layout model folder (image_encoder.onnx, config.json)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--out", required=True)
    parser.add_argument("--list", help="file with one picture path per line (instead of arguments)")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = list(args.files)
    if args.list:
        with open(args.list, encoding="utf-8") as handle:
            files += [line.strip() for line in handle if line.strip()]
    with open(os.path.join(args.model, "config.json"), encoding="utf-8") as handle:
        size = json.load(handle)["image_encoder"]["image_size"]
    mean = [0.48145466, 0.4578275, 0.40821073]
    std = [0.26862954, 0.26130258, 0.27577711]

    started = time.perf_counter()
    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(
        os.path.join(args.model, "image_encoder.onnx"), options, providers=["CPUExecutionProvider"])
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    images, failures, checksum = 0, 0, 0.0
    for start in range(0, len(files), args.batch):
        tensors = []
        for path in files[start:start + args.batch]:
            try:
                tensors.append(preprocess(path, size, mean, std)[0])
            except Exception:  # noqa: BLE001 - a reference run records and skips bad files, like the indexer
                failures += 1
        if not tensors:
            continue
        output = session.run(["embeddings"], {"images": np.stack(tensors)})[0]
        checksum += float(output[0, 0])
        images += len(tensors)
    seconds = time.perf_counter() - started
    result = {
        "images": images, "seconds": seconds, "load_seconds": load_seconds, "failures": failures,
        "max_rss_kib": high_water_mark_kib(), "checksum": checksum,
    }
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
