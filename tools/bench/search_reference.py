#!/usr/bin/env python3
"""Reference side of `make bench-search`.

Writes seeded synthetic embedding sets (a clustered Gaussian mixture on the sphere, see `dataset`) (raw little-endian float32) that the Swift benchmark reads, and
measures the references on the same data in the same run: numpy brute force (float32 matrix-vector
product + argpartition), sqlite-vec (vec0 brute-force KNN, through apsw because this Python's sqlite3
cannot load extensions) and, with --postgres URL, pgvector (exact scan and HNSW with iterative scan; under the 5%
filter also PostgresCatalog's approximate SQL, which over-fetches ef_search rows and re-ranks them).
Results go to a JSON file.

Filters are applied inside the timed region everywhere: numpy gathers the 5% rows with fancy indexing
(`data[rows] @ q`) per query, as a catalog would after reading the candidate ids; sqlite-vec and pgvector
filter on a `bucket` column in the same query.
"""
import argparse
import json
import os
import time

import numpy as np

K = 10


# Synthetic embeddings shaped like a photo library's CLIP space rather than uniform noise (on which every
# graph index does badly, because nothing has real neighbours): a Gaussian mixture on the unit sphere.
# - CLUSTERS topic centres, uniform on the sphere, fixed per dimension (same topics at every size);
# - topic sizes follow a power law (weight of the r-th topic ∝ r^-ZIPF), as a few subjects dominate a library;
# - every vector is normalise(ANISOTROPY·m + centre + SPREAD·z/√d) with z standard normal and m one shared
#   direction: CLIP embeddings are anisotropic (unrelated photos still have cosine ≈ 0.3–0.5), and a photo
#   sits at cosine ≈ 0.6–0.8 from its topic's centre;
# - queries come from uniformly chosen topics with a wider spread (QUERY_SPREAD), as a text query lands near a
#   topic but off the image manifold (the modality gap).
# The same arrays feed every engine (numpy, sqlite-vec, pgvector and the Swift index via the .f32 files).
CLUSTERS = 1000
ZIPF = 0.7
ANISOTROPY = 0.9
SPREAD = 0.8
QUERY_SPREAD = 1.2


def topics(d):
    rng = np.random.default_rng(31 + d)
    centres = rng.standard_normal((CLUSTERS, d)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    shared = rng.standard_normal(d).astype(np.float32)
    shared /= np.linalg.norm(shared)
    weights = np.arange(1, CLUSTERS + 1, dtype=np.float64) ** -ZIPF
    return centres, shared, weights / weights.sum()


def mixture(rng, d, count, topic_ids, spread):
    centres, shared, _ = topics(d)
    noise = rng.standard_normal((count, d), dtype=np.float32) * np.float32(spread / np.sqrt(d))
    data = ANISOTROPY * shared + centres[topic_ids] + noise
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    return data.astype(np.float32)


def dataset(n, d):
    rng = np.random.default_rng(1000 * n + d)
    _, _, weights = topics(d)
    return mixture(rng, d, n, rng.choice(CLUSTERS, size=n, p=weights), SPREAD)


def queries(d, count):
    rng = np.random.default_rng(7 + d)
    return mixture(rng, d, count, rng.integers(0, CLUSTERS, size=count), QUERY_SPREAD)


def filter_rows(n):
    # The 5% filter: every 20th row (row i has id i). The Swift side uses the same rule.
    return np.arange(0, n, 20)


def percentiles(samples_ms):
    return float(np.percentile(samples_ms, 50)), float(np.percentile(samples_ms, 99))


def top_k(scores, k=K):
    part = np.argpartition(-scores, k)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def bench_numpy(data, qs, rows=None):
    times, results = [], []
    for q in qs:
        t0 = time.perf_counter()
        # The gather is timed: the filter is part of the query, not prepared ahead of it.
        scores = (data if rows is None else data[rows]) @ q
        top = top_k(scores)
        times.append((time.perf_counter() - t0) * 1000)
        results.append(top if rows is None else rows[top])
    return percentiles(times), results


def bench_sqlite_vec(data, qs, with_filter, truth):
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
    times, hits = [], 0
    for q, expected in zip(qs, truth):
        t0 = time.perf_counter()
        found = [r[0] for r in db.execute(sql, (q.tobytes(), K))]
        times.append((time.perf_counter() - t0) * 1000)
        hits += len(set(found) & set(expected.tolist()))
    return percentiles(times), build_s, hits / (K * len(truth))


HNSW_M = 16
HNSW_EF_CONSTRUCTION = 64
HNSW_EF_SEARCH = 1000  # the app default (PostgresCatalogConfiguration.efSearch)
# ef_search values also measured (recall and p50 each), to show where recall@10 crosses 0.95.
HNSW_EF_SWEEP = (40, 100, 200, 400, 1000)
# The exact path is also timed for a filter matching this many rows (when the set has at least twice as many).
WIDE_FILTER_ROWS = 50000


def vector_text(v):
    return "[" + ",".join(f"{x:.7g}" for x in v) + "]"


def bench_pgvector(url, data, qs, truths):
    """Exact scan and HNSW (iterative scan for the filter) on a scratch database of the given server.

    `truths` maps the filter label to numpy's exact top-10 per query. Returns one dict per filter label.
    """
    import psycopg

    n, d = data.shape
    name = f"bench_search_{os.getpid()}_{n}_{d}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    scratch = url.rsplit("/", 1)[0] + "/" + name
    out = {}
    try:
        with psycopg.connect(scratch, autocommit=True) as db:
            db.execute("CREATE EXTENSION IF NOT EXISTS vector")
            db.execute(f"CREATE TABLE items (id integer PRIMARY KEY, bucket integer NOT NULL, embedding vector({d}) NOT NULL)")
            t0 = time.perf_counter()
            with db.cursor().copy("COPY items (id, bucket, embedding) FROM STDIN") as copy:
                for i in range(n):
                    copy.write_row((i, i % 20, vector_text(data[i])))
            db.execute("CREATE INDEX items_bucket ON items (bucket)")
            db.execute("ANALYZE items")
            load_s = time.perf_counter() - t0
            table_bytes = db.execute("SELECT pg_total_relation_size('items')").fetchone()[0]
            texts = [vector_text(q) for q in qs]

            def run(sql):
                times, found = [], []
                for text in texts:
                    t0 = time.perf_counter()
                    rows = db.execute(sql, (text,)).fetchall()
                    times.append((time.perf_counter() - t0) * 1000)
                    found.append([r[0] for r in rows])
                return percentiles(times), found

            def recall(found, truth):
                hits = sum(len(set(f) & set(t.tolist())) for f, t in zip(found, truth))
                return hits / (K * len(truth))

            queries_sql = {
                "none": f"SELECT id FROM items ORDER BY embedding <=> %s::vector LIMIT {K}",
                "5%": f"SELECT id FROM items WHERE bucket = 0 ORDER BY embedding <=> %s::vector LIMIT {K}",
            }
            for label, sql in queries_sql.items():
                (p50, p99), found = run(sql)
                out[label] = {"pg_exact_p50_ms": p50, "pg_exact_p99_ms": p99, "pg_exact_recall": recall(found, truths[label]),
                              "pg_table_bytes": int(table_bytes), "pg_load_s": load_s}
            if n >= 2 * WIDE_FILTER_ROWS:
                # The exact path for a filter matching WIDE_FILTER_ROWS photos (a 5% filter at 1M): what raising
                # the exact-path cutoff would cost. No HNSW index exists yet, so this is the planner's exact plan.
                buckets = WIDE_FILTER_ROWS * 20 // n
                (p50, p99), _ = run(f"SELECT id FROM items WHERE bucket < {buckets} ORDER BY embedding <=> %s::vector LIMIT {K}")
                out["5%"].update({"pg_exact_wide_rows": buckets * n // 20, "pg_exact_wide_p50_ms": p50,
                                  "pg_exact_wide_p99_ms": p99})

            def app_sql(candidates):
                # The ANN query as PostgresCatalog.nearest sends it on its approximate path: a materialised CTE
                # asking the iterative scan for `candidates` rows that pass the filter, re-ranked outside.
                return (f"WITH c AS MATERIALIZED (SELECT id, embedding <=> %s::vector AS distance FROM items "
                        f"WHERE bucket = 0 ORDER BY distance LIMIT {candidates}) "
                        f"SELECT id FROM c ORDER BY distance, id LIMIT {K}")

            def run_app(sql):
                # The planner settings PostgresCatalog uses to keep the HNSW scan streaming through the filter; returns the
                # timings, the rows found and the plan.
                settings = ("enable_seqscan", "enable_sort", "enable_hashjoin", "enable_mergejoin")
                for setting in settings:
                    db.execute(f"SET {setting} = off")
                try:
                    plan = "\n".join(r[0] for r in db.execute("EXPLAIN " + sql, (texts[0],)).fetchall())
                    return (*run(sql), plan)
                finally:
                    for setting in settings:
                        db.execute(f"RESET {setting}")
            # The whole graph must fit, or pgvector falls back to a much slower on-disk build (1M × 256 needs ~1.5 GB).
            db.execute(f"SET maintenance_work_mem = '{max(1024, n * d * 4 * 2 // 2**20)}MB'")
            t0 = time.perf_counter()
            db.execute(f"CREATE INDEX items_hnsw ON items USING hnsw (embedding vector_cosine_ops) "
                       f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION})")
            build_s = time.perf_counter() - t0
            index_bytes = db.execute("SELECT pg_relation_size('items_hnsw')").fetchone()[0]
            db.execute("SET hnsw.iterative_scan = relaxed_order")
            for ef in HNSW_EF_SWEEP:
                db.execute(f"SET hnsw.ef_search = {ef}")
                for label, sql in queries_sql.items():
                    (p50, _), found = run(sql)
                    out[label].setdefault("pg_hnsw_sweep", []).append(
                        {"ef_search": ef, "p50_ms": p50, "recall": recall(found, truths[label])})
                # PostgresCatalog's approximate path under the filter (see app_sql).
                (p50, _), found, plan = run_app(app_sql(max(ef, K)))
                out["5%"]["pg_hnsw_app_uses_index"] = "items_hnsw" in plan
                out["5%"].setdefault("pg_hnsw_app_sweep", []).append(
                    {"ef_search": ef, "p50_ms": p50, "recall": recall(found, truths["5%"])})
            db.execute(f"SET hnsw.ef_search = {HNSW_EF_SEARCH}")
            for label, sql in queries_sql.items():
                plan = "\n".join(r[0] for r in db.execute("EXPLAIN " + sql, (texts[0],)).fetchall())
                (p50, p99), found = run(sql)
                out[label].update({"pg_hnsw_p50_ms": p50, "pg_hnsw_p99_ms": p99, "pg_hnsw_recall": recall(found, truths[label]),
                                   "pg_hnsw_build_s": build_s, "pg_hnsw_index_bytes": int(index_bytes),
                                   "pg_hnsw_uses_index": "items_hnsw" in plan})
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
    return out


def main():
    global HNSW_EF_SWEEP
    parser = argparse.ArgumentParser()
    parser.add_argument("--out-dir", default="var/bench/search")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--dims", default="256,64,768")
    parser.add_argument("--max-768", type=int, default=100000, help="largest set at 768 dimensions")
    parser.add_argument("--sqlite-vec-max", type=int, default=100000, help="largest set run through sqlite-vec")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--postgres", default="", help="a PostgreSQL server URL with pgvector (omit to skip)")
    parser.add_argument("--pgvector-max", type=int, default=100000, help="largest set loaded into pgvector")
    parser.add_argument("--pgvector-max-64", type=int, default=0,
                        help="largest 64-d set loaded into pgvector (0: as --pgvector-max)")
    parser.add_argument("--pgvector-max-768", type=int, default=10000,
                        help="largest 768-d set loaded into pgvector (its HNSW build takes minutes on 2 cores)")
    parser.add_argument("--ef-sweep", default=",".join(map(str, HNSW_EF_SWEEP)),
                        help="hnsw.ef_search values measured on each HNSW index (pgvector allows up to 1000)")
    args = parser.parse_args()
    HNSW_EF_SWEEP = tuple(int(x) for x in args.ef_sweep.split(","))
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
            # Always rewritten: a file left by an older generator has the same size but other vectors.
            data.astype("<f4").tofile(path)
            rows = filter_rows(n)
            entries, truths = [], {}
            for label, subset in (("none", None), ("5%", rows)):
                (p50, p99), truth = bench_numpy(data, qs, subset)
                truths[label] = np.array(truth)
                np.array(truth, dtype="<i4").tofile(os.path.join(args.out_dir, f"truth-{n}-{d}-{'all' if subset is None else 'f5'}.i32"))
                entry = {"n": n, "dims": d, "filter": label, "numpy_p50_ms": p50, "numpy_p99_ms": p99,
                         "numpy_bytes": int(data.nbytes)}
                if n <= args.sqlite_vec_max:
                    (s50, s99), build, vec_recall = bench_sqlite_vec(data, qs, subset is not None, truths[label])
                    entry.update({"sqlite_vec_p50_ms": s50, "sqlite_vec_p99_ms": s99, "sqlite_vec_build_s": build,
                                  "sqlite_vec_recall": vec_recall})
                entries.append(entry)
            limit = {768: args.pgvector_max_768, 64: args.pgvector_max_64 or args.pgvector_max}.get(d, args.pgvector_max)
            if args.postgres and n <= limit:
                measured = bench_pgvector(args.postgres, data, qs, truths)
                for entry in entries:
                    entry.update(measured[entry["filter"]])
            for entry in entries:
                results.append(entry)
                print(json.dumps(entry), flush=True)
            del data
    with open(os.path.join(args.out_dir, "reference.json"), "w") as f:
        json.dump({"k": K, "queries": args.queries, "numpy": np.__version__,
                   "hnsw": {"m": HNSW_M, "ef_construction": HNSW_EF_CONSTRUCTION, "ef_search": HNSW_EF_SEARCH,
                            "iterative_scan": "relaxed_order", "ef_sweep": list(HNSW_EF_SWEEP),
                            "wide_filter_rows": WIDE_FILTER_ROWS},
                   "data": {"clusters": CLUSTERS, "zipf": ZIPF, "anisotropy": ANISOTROPY, "spread": SPREAD,
                            "query_spread": QUERY_SPREAD},
                   "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
