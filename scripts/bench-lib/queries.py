"""The search benchmark: a fixed query mix drawn from the generated world (the same seed
as the corpus, so every query names words and people the corpus holds), timed through
one long-lived `morgue-search --batch` (write one query line, read one answer line) and
through one-shot invocations, as a shell script would run them."""

import importlib.machinery
import importlib.util
import json
import os
import random
import re
import statistics
import subprocess
import time

DATE_RANGES = ["date:2021-03..2021-09", "date:2019", "date:2023-01..2024-06", "date:2020-07"]


def load_generator(gen):
    loader = importlib.machinery.SourceFileLoader("gen_corpus", gen)
    spec = importlib.util.spec_from_loader("gen_corpus", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def _sample_texts(jsonl, corpus_dir, k=40):
    texts = []
    if jsonl and os.path.exists(jsonl):
        with open(jsonl, encoding="utf-8") as f:
            for line in f:
                texts.append(json.loads(line)["text"])
                if len(texts) >= k:
                    break
    else:
        d = os.path.join(corpus_dir, "text", "000")
        for name in sorted(os.listdir(d))[:k]:
            with open(os.path.join(d, name), encoding="utf-8") as f:
                texts.append(f.read())
    return texts


def build(gen, seed, profile, jsonl, corpus_dir):
    """[(category, query)]: 8 single terms, 8 AND, 8 OR, 8 phrases, 8 person:, 5 author:,
    and each of those again with a date: range."""
    g = load_generator(gen)
    world = g.World(seed, profile)
    rng = random.Random(f"queries:{seed}")
    v = world.vocab
    ranks = [160, 300, 600, 1200, 2500, 5000, 10000, 25000]
    base = [("term", v[r]) for r in ranks]
    pairs = [(160, 900), (200, 3000), (400, 400 + 7), (700, 12000), (1500, 1600), (250, 20000),
             (3000, 4000), (180, 190)]
    base += [("and", f"{v[a]} {v[b]}") for a, b in pairs]
    base += [("or", f"{v[a]} OR {v[b]}") for a, b in pairs]
    phrases = []
    for text in _sample_texts(jsonl, corpus_dir):
        # Runs of plain lower-case words (no names, numbers or punctuation between).
        runs = [r.split() for r in re.split(r"[^a-z ]+|  +", text[:3000])]
        runs = [r for r in runs if len(r) >= 3]
        if runs and len(phrases) < 8:
            run = rng.choice(runs)
            n = rng.choice([2, 3])
            i = rng.randrange(len(run) - n + 1)
            phrases.append('"' + " ".join(run[i:i + n]) + '"')
    base += [("phrase", p) for p in phrases]
    for r in [0, 1, 3, 8, 20, 60, 200, 1000]:
        first, last = world.people[r][0], world.people[r][1]
        base.append(("person", f'person:"{first} {last}"'))
    for r in [0, 2, 10, 40, 150]:
        base.append(("author", f'author:"{world.reporters[r]}"'))
    mix = list(base)
    for i, (cat, q) in enumerate(base):
        mix.append((cat + "+date", f"{q} {DATE_RANGES[i % len(DATE_RANGES)]}"))
    return mix


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(len(xs) - 1, int(k) + 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


class SearchStats:
    def __init__(self):
        self.runs = []      # per run: dict of figures
        self.oneshot = []   # per run: median one-shot wall (ms)
        self.zero_hits = {}  # query -> 0 hits
        self.errors = {}     # query -> error
        self.hits = {}       # query -> total
        self.passes = 0
        self.mix_size = 0
        self.cpu_per_query = 0.0


# The facets a journalist asks for beside the hits: who is mentioned, and when.
FACETS = ["--facet", "person:10", "--facet", "year"]


def batch_pass(search_bin, db, mix, passes, stats, extra=(), first=None):
    # Buffered pipes, flushed after each query: with bufsize=0 Python's readline read the
    # answer one byte per system call, which added milliseconds to every long answer.
    dbs = db if isinstance(db, list) else ["--db", db]  # a list: several --db (shards)
    p = subprocess.Popen([search_bin, *dbs, "--batch", *extra], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout
    lat, lat_date = [], []
    if first is not None:
        # One untimed line first: a long-lived searcher (the server, a --batch client) reads
        # its facet slots once, at start; that start is reported on its own (first["ms"]).
        s = time.perf_counter()
        p.stdin.write(mix[0][1].encode() + b"\n")
        p.stdin.flush()
        if not out.readline():
            raise RuntimeError("morgue-search --batch stopped answering at its first query")
        first["ms"] = (time.perf_counter() - s) * 1000
    t0 = time.perf_counter()
    for _ in range(passes):
        for cat, q in mix:
            s = time.perf_counter()
            p.stdin.write(q.encode() + b"\n")
            p.stdin.flush()
            line = out.readline()
            dt = (time.perf_counter() - s) * 1000
            if not line:
                rc = p.wait()
                how = f"killed by signal {-rc}" if rc < 0 else f"exit status {rc}"
                raise RuntimeError(f"morgue-search --batch stopped answering at query {q!r} ({how})")
            lat.append(dt)
            if cat.endswith("+date"):
                lat_date.append(dt)
            if extra:
                continue  # the same queries were checked without facets
            try:
                j = json.loads(line)
            except ValueError:
                stats.errors[q] = "unparsable output line"
                continue
            if "error" in j:
                stats.errors[q] = j["error"]
            else:
                stats.hits[q] = j.get("total", 0)
    total = time.perf_counter() - t0
    p.stdin.close()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if not extra:  # the figure is of the plain passes; a facet pass would overwrite it
        stats.cpu_per_query = (ru.ru_utime + ru.ru_stime) * 1000 / max(1, len(lat))
    return lat, lat_date, total


def run_all(search_bin, db, mix, runs, log, passes=3):
    stats = SearchStats()
    stats.passes = passes
    stats.mix_size = len(mix)
    batch_pass(search_bin, db, mix, 1, stats)  # warm the page cache; not timed
    oneshot_queries = [q for i, (_, q) in enumerate(mix) if i % 5 == 0]
    for r in range(runs):
        lat, lat_date, total = batch_pass(search_bin, db, mix, passes, stats)
        fig = {"p50": pct(lat, 50), "p95": pct(lat, 95), "p99": pct(lat, 99),
               "qps": len(lat) / total, "date_p50": pct(lat_date, 50), "date_p99": pct(lat_date, 99),
               "max": max(lat), "cpu": stats.cpu_per_query}
        # Facets on: every match is counted (the facet counts are exact), as many passes,
        # after the first line (which waits for the slots to be read) timed on its own.
        first = {}
        flat, _, _ = batch_pass(search_bin, db, mix, passes, stats, extra=FACETS, first=first)
        fig["facet_p50"], fig["facet_p99"] = pct(flat, 50), pct(flat, 99)
        fig["facet_first"] = first["ms"]
        walls = []
        for q in oneshot_queries:
            s = time.perf_counter()
            subprocess.run([search_bin, "--db", db, "--format", "ids", q], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            walls.append((time.perf_counter() - s) * 1000)
        fig["oneshot"] = statistics.median(walls)
        fig["oneshot_max"] = max(walls)
        stats.runs.append(fig)
        log(f"  search run {r + 1}: p50 {fig['p50']:.2f} ms, p99 {fig['p99']:.2f} ms, "
            f"{fig['qps']:.0f} q/s, one-shot {fig['oneshot']:.1f} ms")
    stats.zero_hits = {q: 0 for q, n in stats.hits.items() if n == 0}
    stats.oneshot_count = len(oneshot_queries)
    return stats
