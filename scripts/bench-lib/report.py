"""The benchmark's table, as Markdown (it reads in a terminal and pastes into
docs/performance.md): every figure the median of the runs with the spread (min-max),
then the ratios against scriptindex and the issue's targets, met or missed by how much."""

import statistics


class IndexRow:
    def __init__(self, label, runs=None, expected=0, outcome=None):
        self.label = label
        self.runs = runs or []
        self.expected = expected
        self.outcome = outcome
        self.compact_size = None
        self.compact_secs = None
        self.rejected = 0
        self.reasons = []
        self.db = None

    def series(self, f):
        return [f(r) for r in self.runs]

    def median(self, f):
        return statistics.median(self.series(f)) if self.runs else None


def _fmt(x, digits=0):
    if x is None:
        return "n/a"
    return f"{x:,.{digits}f}"


def cell(xs, digits=0, unit=""):
    if not xs:
        return "n/a"
    m = statistics.median(xs)
    if len(xs) == 1:
        return f"{_fmt(m, digits)}{unit}"
    return f"{_fmt(m, digits)}{unit} ({_fmt(min(xs), digits)}–{_fmt(max(xs), digits)})"


def mb(x):
    return x / 1e6


LABELS = {"text": "morgue-index, plain text", "jsonl": "morgue-index, JSON Lines",
          "html": "morgue-index, HTML pages", "warc": "morgue-index, WARC (.warc.gz)"}


def index_table(rows):
    out = ["| input | articles | articles/s | articles per CPU-s | MB/s | CPU (CPU s / wall s) "
           "| peak RSS (MB) | index fresh (MB) | compacted (MB) |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    notes = []
    for r in rows:
        name = LABELS.get(r.label, r.label)
        if not r.runs:
            out.append(f"| {name} | — | {r.outcome} | | | | | | |")
            continue
        arts = r.runs[-1].articles
        out.append("| " + " | ".join([
            name, f"{arts:,}",
            cell(r.series(lambda x: x.articles / x.wall)),
            cell(r.series(lambda x: x.articles / x.cpu)),
            cell(r.series(lambda x: mb(x.bytes) / x.wall), 1),
            cell(r.series(lambda x: x.cpu / x.wall), 2),
            cell(r.series(lambda x: x.maxrss / 2**20)),
            cell(r.series(lambda x: mb(x.size))),
            _fmt(mb(r.compact_size)) if r.compact_size else "n/a",
        ]) + " |")
        if arts < r.expected:
            notes.append(f"{name}: {arts:,} of {r.expected:,} records indexed; "
                         f"{r.rejected:,} rejected: {'; '.join(r.reasons[:3])}")
    return out, notes


def querymix_facets():
    import queries
    return queries.FACETS


# The targets each profile is held to: issue 7's for long features, issue 18's for wire
# stories (and its facet target for long ones).
TARGETS = {
    "long": {"index_ratio": 2.0, "size_ratio": 1.2, "p50": 1.0, "p99": 5.0, "facet_p50": 1.0,
             "facet_p99": 15.0, "rss": 500},
    "wire": {"index_ratio": 2.5, "size_ratio": 1.0, "p50": 0.30, "p99": 1.0, "facet_p50": None,
             "facet_p99": None, "rss": 1000},
}


def render(machine, args, html_n, rows, search, elapsed, profile="long", articles=None):
    T = TARGETS[profile]
    articles = articles if articles is not None else args.articles
    L = []
    L.append(f"## Profile: {profile} ({articles:,} articles)")
    L.append("")
    L.append(f"Machine: {machine['line']}.")
    L.append("")
    extra = f" --search-db {args.search_db}" if args.search_db else ""
    extra += f" --inputs {args.inputs}" if args.inputs != "text,jsonl,html,warc,scriptindex" else ""
    extra += f" --profiles {args.profiles}" if args.profiles != "long,wire" else ""
    extra += f" --wire-articles {args.wire_articles}" if args.wire_articles != 20_000 else ""
    L.append(f"Command: `scripts/bench --articles {args.articles} --runs {args.runs}{extra}`"
             f" (HTML/WARC: {html_n:,} pages). Each figure: median of {args.runs} runs (min–max).")
    L.append("")
    t, notes = index_table(rows)
    if rows:
        L += t
        L.append("")
    for n in notes:
        L.append(f"- {n}")
    by = {r.label: r for r in rows}
    si = by.get("scriptindex (JSONL)")
    targets = []
    if si and si.runs:
        si_rate = si.median(lambda x: x.articles / x.wall)
        for lab in ("text", "jsonl"):
            r = by.get(lab)
            if not r or not r.runs:
                continue
            rate = r.median(lambda x: x.articles / x.wall)
            lo = min(r.series(lambda x: x.articles / x.wall)) / max(si.series(lambda x: x.articles / x.wall))
            hi = max(r.series(lambda x: x.articles / x.wall)) / min(si.series(lambda x: x.articles / x.wall))
            ratio = rate / si_rate
            cpu_ratio = r.median(lambda x: x.articles / x.cpu) / si.median(lambda x: x.articles / x.cpu)
            L.append(f"- {LABELS[lab]} / scriptindex, articles/s: **{ratio:.2f}×** ({lo:.2f}–{hi:.2f}); "
                     f"per CPU-second: {cpu_ratio:.2f}×")
            targets.append((f"{lab} indexing ≥ {T['index_ratio']}× scriptindex", ratio >= T["index_ratio"],
                            f"{ratio:.2f}×"))
            if r.compact_size and si.compact_size:
                sr = r.compact_size / si.compact_size
                L.append(f"- {LABELS[lab]} / scriptindex, compacted index size: **{sr:.2f}×**")
                targets.append((f"{lab} compacted index ≤ {T['size_ratio']}× scriptindex's",
                                sr <= T["size_ratio"], f"{sr:.2f}×"))
    for r in rows:
        if r.runs and r.label != "scriptindex (JSONL)":
            peak = max(r.series(lambda x: x.maxrss / 2**20))
            targets.append((f"{r.label} peak RSS < {T['rss']} MB", peak < T["rss"], f"{peak:.0f} MB"))
    for lab in ("html", "warc"):
        r = by.get(lab)
        if r and r.runs:
            rate = r.median(lambda x: x.articles / x.wall)
            targets.append((f"{lab} ≥ 200 pages/s", rate >= 200, f"{rate:.0f} pages/s"))
        elif r:
            why = r.outcome[len("n/a ("):-1] if r.outcome.startswith("n/a (") else r.outcome
            targets.append((f"{lab} ≥ 200 pages/s", None, why))
    if search:
        L.append("")
        L.append(f"Search: `morgue-search --batch` on the {search.db_label} index "
                 f"({search.articles:,} articles), {search.mix_size} queries × {search.passes} passes per run "
                 f"after one untimed warm-up pass; latency = write one query line, read its answer line.")
        L.append("")
        L.append("| search | median (min–max) |")
        L.append("| --- | ---: |")

        def col(k):
            return [f[k] for f in search.runs]

        L.append(f"| p50 latency, all queries (ms) | {cell(col('p50'), 2)} |")
        L.append(f"| p95 latency, all queries (ms) | {cell(col('p95'), 2)} |")
        L.append(f"| p99 latency, all queries (ms) | {cell(col('p99'), 2)} |")
        L.append(f"| p50 latency, date-filtered (ms) | {cell(col('date_p50'), 2)} |")
        L.append(f"| p99 latency, date-filtered (ms) | {cell(col('date_p99'), 2)} |")
        L.append(f"| queries/s (one client) | {cell(col('qps'))} |")
        L.append(f"| p50 latency, facets on (`{' '.join(querymix_facets())}`; ms) | {cell(col('facet_p50'), 2)} |")
        L.append(f"| p99 latency, facets on (ms) | {cell(col('facet_p99'), 2)} |")
        L.append(f"| first query of a --batch with facets, untimed above (ms; reads the facet slots) | {cell(col('facet_first'), 1)} |")
        L.append(f"| searcher CPU time per query, mean (ms; includes process start) | {cell(col('cpu'), 2)} |")
        L.append(f"| one-shot `morgue-search --format ids QUERY`, wall (ms; median of "
                 f"{search.oneshot_count} per run) | {cell(col('oneshot'), 1)} |")
        L.append("")
        if search.errors:
            L.append(f"- {len(search.errors)} queries answered with an error, e.g. "
                     + "; ".join(f"`{q}`: {e}" for q, e in list(search.errors.items())[:3]))
        if search.zero_hits:
            L.append(f"- {len(search.zero_hits)} of {search.mix_size} queries matched nothing, e.g. "
                     + ", ".join(f"`{q}`" for q in list(search.zero_hits)[:4]))
        p50, p99 = statistics.median(col("p50")), statistics.median(col("p99"))
        one = statistics.median(col("oneshot"))
        targets.append((f"search p50 ≤ {T['p50']} ms", p50 <= T["p50"], f"{p50:.2f} ms"))
        targets.append((f"search p99 ≤ {T['p99']} ms", p99 <= T["p99"], f"{p99:.2f} ms"))
        fp50, fp99 = statistics.median(col("facet_p50")), statistics.median(col("facet_p99"))
        if T["facet_p50"] is not None:
            targets.append((f"search p50 ≤ {T['facet_p50']} ms, facets on", fp50 <= T["facet_p50"],
                            f"{fp50:.2f} ms"))
        if T["facet_p99"] is not None:
            targets.append((f"search p99 ≤ {T['facet_p99']} ms, facets on", fp99 <= T["facet_p99"],
                            f"{fp99:.2f} ms"))
        targets.append(("one-shot ≤ 20 ms", one <= 20, f"{one:.1f} ms"))
    L.append("")
    L.append(f"Targets ({'issue 7, and issue 18 for facets' if profile == 'long' else 'issue 18'}):")
    L.append("")
    for name, ok, val in targets:
        mark = "n/a" if ok is None else ("met" if ok else "MISSED")
        L.append(f"- {name}: {mark} ({val})")
    L.append("")
    import os
    L.append(f"Bench wall time: {elapsed / 60:.1f} min; load average at the end "
             f"{os.getloadavg()[0]:.2f} (the machine is shared: compare figures of one run, "
             "and read articles per CPU-s when others were busy).")
    return "\n".join(L)
