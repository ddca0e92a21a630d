#!/usr/bin/env python3
"""Reference side of `make bench-search`.

Writes seeded synthetic embedding sets (raw little-endian float32) that the Swift benchmark reads, and
measures the references on the same data in the same run: numpy brute force (float32 matrix-vector
product + argpartition) and sqlite-vec (vec0 brute-force KNN, through apsw because this Python's sqlite3
cannot load extensions). Results go to a JSON file.
"""
import argparse
import json
import os
import time

import numpy as np

K = 10


def dataset(n, d):
    rng = np.random.default_rng(1000 * n + d)
    data = rng.standard_normal((n, d), dtype=np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    return data


def queries(d, count):
    rng = np.random.default_rng(7 + d)
    q = rng.standard_normal((count, d), dtype=np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    return q


def filter_rows(n):
    # The 5% filter: every 20th row (row i has id i). The Swift side uses the same rule.
    return np.arange(0, n, 20)


def percentiles(samples_ms):
    return float(np.percentile(samples_ms, 50)), float(np.percentile(samples_ms, 99))


def top_k(scores, k=K):
    part = np.argpartition(-scores, k)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def bench_numpy(data, qs, rows=None):
    subset = data if rows is None else data[rows]
    times, results = [], []
    for q in qs:
        t0 = time.perf_counter()
        scores = subset @ q
        top = top_k(scores)
        times.append((time.perf_counter() - t0) * 1000)
        results.append(top if rows is None else rows[top])
    return percentiles(times), results


def bench_sqlite_vec(data, qs, with_filter):
    import apsw
    import sqlite_vec

    n, d = data.shape
    db = apsw.Connection(":memory:")
    db.enable_load_extension(True)
    db.load_extension(sqlite_vec.loadable_path())
    db.execute(f"create virtual table v using vec0(embedding float[{d}] distance_metric=cosine, bucket integer)")
    t0 = time.perf_counter()
    with db:
        db.executemany(
            "insert into v(rowid, embedding, bucket) values (?, ?, ?)",
            ((i, data[i].tobytes(), i % 20) for i in range(n)),
        )
    build_s = time.perf_counter() - t0
    sql = "select rowid from v where embedding match ? and k = ?" + (" and bucket = 0" if with_filter else "")
    times = []
    for q in qs:
        t0 = time.perf_counter()
        list(db.execute(sql, (q.tobytes(), K)))
        times.append((time.perf_counter() - t0) * 1000)
    return percentiles(times), build_s


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out-dir", default="var/bench/search")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--dims", default="256,64,768")
    parser.add_argument("--max-768", type=int, default=100000, help="largest set at 768 dimensions")
    parser.add_argument("--sqlite-vec-max", type=int, default=100000, help="largest set run through sqlite-vec")
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    results = []
    for d in [int(x) for x in args.dims.split(",")]:
        qs = queries(d, args.queries)
        qs.astype("<f4").tofile(os.path.join(args.out_dir, f"queries-{d}.f32"))
        for n in [int(x) for x in args.sizes.split(",")]:
            if d == 768 and n > args.max_768:
                continue
            data = dataset(n, d)
            path = os.path.join(args.out_dir, f"data-{n}-{d}.f32")
            if not os.path.exists(path) or os.path.getsize(path) != data.nbytes:
                data.astype("<f4").tofile(path)
            rows = filter_rows(n)
            for label, subset in (("none", None), ("5%", rows)):
                (p50, p99), truth = bench_numpy(data, qs, subset)
                np.array(truth, dtype="<i4").tofile(os.path.join(args.out_dir, f"truth-{n}-{d}-{'all' if subset is None else 'f5'}.i32"))
                entry = {"n": n, "dims": d, "filter": label, "numpy_p50_ms": p50, "numpy_p99_ms": p99,
                         "numpy_bytes": int(data.nbytes)}
                if n <= args.sqlite_vec_max:
                    (s50, s99), build = bench_sqlite_vec(data, qs, subset is not None)
                    entry.update({"sqlite_vec_p50_ms": s50, "sqlite_vec_p99_ms": s99, "sqlite_vec_build_s": build})
                results.append(entry)
                print(json.dumps(entry), flush=True)
            del data
    with open(os.path.join(args.out_dir, "reference.json"), "w") as f:
        json.dump({"k": K, "queries": args.queries, "numpy": np.__version__, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
