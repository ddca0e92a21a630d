#!/usr/bin/env python3
"""Python onnxruntime reference for `viewfinder-bench encoder` (make bench-encoder).

    encoder_reference.py --model DIR --tower image|text --threads N

Loads DIR/image_encoder.onnx or DIR/text_encoder.onnx (UForm layout) with the session options the
Swift side uses (N intra-op threads, one inter-op thread, sequential execution, all graph
optimisations, CPU memory arena), prints {"ready": true} and then answers JSON lines on stdin:

    {"batch": B, "runs": R}  ->  {"seconds": [t1, ..., tR], "first_row": [8 floats of row 0 of `embeddings`]}

so that the Swift side can alternate single runs with its own and both share whatever else the
machine is doing. The inputs are the deterministic tensors the Swift side builds:

  image input `images` [B, 3, S, S] float32: x[i] = ((i * 7919) % 1000) / 500 - 1 (flat index i);
  text inputs `input_ids` [B, T] (int32 or int64 as declared): ids[b, t] = (b * 7919 + t * 104729) % (V - 2) + 2,
        with V = text_encoder.vocab_size from config.json, and `attention_mask` (if declared) all ones.
Each run's time covers `InferenceSession.run` from numpy inputs to the numpy output.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import onnxruntime as ort


def image_batch(batch, size):
    count = batch * 3 * size * size
    i = np.arange(count, dtype=np.int64)
    return (((i * 7919) % 1000).astype(np.float64) / 500.0 - 1.0).astype(np.float32).reshape(batch, 3, size, size)


def token_batch(batch, context, vocab, dtype):
    b = np.arange(batch, dtype=np.int64)[:, None]
    t = np.arange(context, dtype=np.int64)[None, :]
    return ((b * 7919 + t * 104729) % (vocab - 2) + 2).astype(dtype)


def session(path, threads):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.enable_cpu_mem_arena = True
    return ort.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])


def inputs_for(sess, tower, batch, config):
    if tower == "image":
        size = config["image_encoder"]["image_size"]
        return {"images": image_batch(batch, size)}
    text = config["text_encoder"]
    context, vocab = text["max_position_embeddings"], text["vocab_size"]
    feeds = {}
    for declared in sess.get_inputs():
        dtype = np.int64 if declared.type == "tensor(int64)" else np.int32
        if declared.name == "attention_mask":
            feeds[declared.name] = np.ones((batch, context), dtype=dtype)
        else:
            feeds[declared.name] = token_batch(batch, context, vocab, dtype)
    return feeds


def reply(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--tower", choices=["image", "text"], required=True)
    parser.add_argument("--threads", type=int, required=True)
    args = parser.parse_args()

    with open(os.path.join(args.model, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    sess = session(os.path.join(args.model, f"{args.tower}_encoder.onnx"), args.threads)
    reply({"ready": True, "onnxruntime": ort.__version__, "numpy": np.__version__})
    feeds = {}
    for line in sys.stdin:
        request = json.loads(line)
        batch = request["batch"]
        if batch not in feeds:
            feeds = {batch: inputs_for(sess, args.tower, batch, config)}
        seconds = []
        for _ in range(request["runs"]):
            start = time.perf_counter()
            output = sess.run(["embeddings"], feeds[batch])[0]
            seconds.append(time.perf_counter() - start)
        reply({"seconds": seconds, "first_row": output[0, :8].astype(np.float64).tolist()})


if __name__ == "__main__":
    main()
