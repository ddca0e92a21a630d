#!/usr/bin/env python3
"""Times the in-process index's SQL candidate query (the one-year filter of `search-e2e`) on the real SQLite
schema (SQL read from SQLiteMigrations.swift), 100k photos shaped like the e2e catalog, before and after 0005.

    python3 tools/bench/sqlite_candidates.py
"""
import re, sqlite3, time, os, statistics
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../Sources/ViewfinderSQLite/Migrations/SQLiteMigrations.swift')).read()
blocks = dict(re.findall(r'private static let (v\d{4}) = """\n(.*?)\n\s*"""', src, re.S))
path = os.environ.get('OUT', 'var/bench/search/candidates.db')
if os.path.exists(path): os.remove(path)
db = sqlite3.connect(path)
for name in ['v0001', 'v0002', 'v0003', 'v0004']:
    db.executescript(blocks[name])
import random
random.seed(1)
db.execute("INSERT INTO libraries (id, root, added_at) VALUES (1, '/bench', 0)")
start = 1262304000.0
year = 365.25 * 86400
rows = []
for i in range(100000):
    taken = start + (i % 20) * year + (i % 1000) * 3600
    rows.append((i + 1, f"u{i}", 1, f"p{i//1000}/photo-{i}.jpg", f"h{i}", 1000000 + i, 1.7e9, 4000, 3000, 'indexed', 0, 0, 0, 'image/jpeg', taken, 'Bench', f"B{i % 7}"))
db.executemany("INSERT INTO photos (id, uid, library_id, path, content_hash, size, mtime, width, height, index_status, added_at, updated_at, archived, mime_type, taken_at, camera_make, camera_model) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
db.commit()
sql = ("SELECT photos.id FROM photos WHERE photos.index_status = 'indexed' AND photos.taken_at >= ? AND photos.taken_at < ? "
       "AND photos.archived = ? ORDER BY photos.id LIMIT ?")
args = (start + 7 * year, start + 8 * year, 0, 2**31 - 1)
def measure(label):
    plan = [r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, args)]
    times = []
    for _ in range(30):
        t0 = time.perf_counter(); n = len(db.execute(sql, args).fetchall()); times.append((time.perf_counter() - t0) * 1000)
    print(f"{label}: {n} ids, p50 {statistics.median(times):.1f} ms, plan {plan}")
measure("0001-0004")
db.executescript(blocks['v0005'])
measure("with 0005")
