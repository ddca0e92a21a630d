#!/usr/bin/env python3
"""Reference throughput of Python `tokenizers` on the golden corpus, for `make bench-tokenizer`.

    .vendor/venv/bin/python3 tools/tokenizers/bench_reference.py --out var/bench/tokenizer-reference.json

Writes strings per second (best pass over the corpus) for a single-`encode` loop and for `encode_batch`,
per tokenizer file.
"""

import argparse
import json
import os
import time

import tokenizers
from tokenizers import Tokenizer

NAMES = ["bert-wordpiece", "xlmr-unigram", "clip-bpe"]


def rate(corpus, work, seconds):
    """The best pass over the corpus within `seconds`, in strings per second (robust to a busy machine)."""
    work()
    best, start = 0.0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        begin = time.perf_counter()
        work()
        best = max(best, len(corpus) / (time.perf_counter() - begin))
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", default="Tests/Fixtures/tokenizers")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    with open(os.path.join(args.fixtures, "corpus.json"), encoding="utf-8") as f:
        corpus = json.load(f)
    results = {}
    for name in NAMES:
        tokenizer = Tokenizer.from_file(os.path.join(args.fixtures, name + ".json"))

        def single():
            for text in corpus:
                tokenizer.encode(text)

        def batch():
            tokenizer.encode_batch(corpus)

        results[name] = {"single": rate(corpus, single, args.seconds), "batch": rate(corpus, batch, args.seconds)}
        print(f"python {name}: {results[name]['single']:.0f} encode/s, {results[name]['batch']:.0f} encode_batch/s")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"tokenizers_version": tokenizers.__version__, "corpus": len(corpus), "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
