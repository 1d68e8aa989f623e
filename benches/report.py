#!/usr/bin/env python3
"""The Markdown report of one benches/run.sh run, and its place in BENCHMARKS.md.

Usage:
  report.py RUN_DIR                    print the report of the run in RUN_DIR
                                       (with RUN_DIR/notes.md, if written by hand,
                                       after the ratios)
  report.py --insert BENCHMARKS.md REPORT.md
                                       insert REPORT.md below the runs marker
                                       (newest first)
"""

import os
import re
import sys

MARKER = "<!-- benches/run.sh inserts each run below this line, newest first -->"
TOOLS = {"vanban": "vanban", "hugo": "Hugo", "zola": "Zola"}


def read_env(path):
    env = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                key, sep, value = line.rstrip("\n").partition("=")
                if sep:
                    env[key] = value
    return env


def read_text(path):
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def stage_timings(stderr):
    """The `--timings` lines: stage name and milliseconds, in order."""
    return [
        (m.group(1), int(m.group(2)))
        for m in re.finditer(r"^  (\S.*?)\s+(\d+) ms\b", stderr, re.M)
    ]


def query_costs(budget):
    """search_budget rows: query -> (results, gzip bytes); and worst by word count."""
    rows, worst = {}, {}
    for line in budget.splitlines():
        m = re.match(r"^(.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$", line)
        if m and not line.startswith("script:"):
            rows[m.group(1).strip()] = (int(m.group(2)), int(m.group(5)))
            continue
        m = re.match(r"^worst (\d)-word query: (\d+) B gzip$", line)
        if m:
            words = int(m.group(1))
            worst[words] = max(worst.get(words, 0), int(m.group(2)))
    return rows, worst


def incremental_rows(text):
    """examples/incremental rows: (edit, pages ready ms, all written ms, files written)."""
    rows = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and all(p.isdigit() for p in parts[1:]):
            rows.append((parts[0], int(parts[1]), int(parts[2]), int(parts[3])))
    return rows


def incremental_table(runs):
    vanban = [r for r in runs if r["tool"] == "vanban" and r.get("incremental")]
    if not vanban:
        return []
    lines = [
        "| docs | edit | pages in place (browser reloads), ms | everything written (data, search), ms | files written |",
        "|---:|---|---:|---:|---:|",
    ]
    for r in vanban:
        for edit, ready, total, written in r["incremental"]:
            what = {"body": "a sentence added to a body", "title": "a title changed"}.get(edit, edit)
            lines.append(f"| {num(r['docs'])} | {what} | {num(ready)} | {num(total)} | {num(written)} |")
        worst = max(row[1] for row in r["incremental"])
        lines.append(f"| {num(r['docs'])} | **worst** | **{num(worst)}** | | |")
    return lines


def num(n):
    return f"{n:,}"


def mb(value):
    return f"{float(value) / 1e6:,.1f}" if value not in (None, "") else "—"


def kb(value):
    return f"{value / 1e3:,.1f}" if value is not None else "—"


def load_runs(run_dir):
    runs = []
    for name in sorted(os.listdir(run_dir)):
        path = os.path.join(run_dir, name)
        if not os.path.isdir(path):
            continue
        meta = read_env(os.path.join(path, "meta.env"))
        if not meta:
            continue
        meta["docs"] = int(meta["docs"])
        meta["stages"] = stage_timings(read_text(os.path.join(path, "stderr.txt")))
        meta["queries"], meta["worst"] = query_costs(read_text(os.path.join(path, "budget.txt")))
        meta["stderr"] = read_text(os.path.join(path, "stderr.txt"))
        meta["incremental"] = incremental_rows(read_text(os.path.join(path, "incremental.txt")))
        runs.append(meta)
    return runs


def labels(runs):
    """A column label per vanban run: its size, numbered when repeated."""
    seen, out = {}, []
    for r in runs:
        seen[r["docs"]] = seen.get(r["docs"], 0) + 1
        k = seen[r["docs"]]
        out.append(num(r["docs"]) + (f" ({k})" if k > 1 else ""))
    return out


def main_table(runs):
    lines = [
        "| docs | tool | wall s | CPU s | peak MB | output MB | files | HTML MB | search index MB | index / HTML | first query KB gzip: worst 1 word / worst 1-4 words | load before → after |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in runs:
        tool = TOOLS.get(r["tool"], r["tool"])
        if "skipped" in r:
            lines.append(f"| {num(r['docs'])} | {tool} | not run: {r['skipped']} |||||||||||")
            continue
        if r.get("rc") != "0":
            err = r["stderr"].strip().splitlines()[-1:] or [""]
            lines.append(
                f"| {num(r['docs'])} | {tool} | failed (exit {r.get('rc')}): {err[0][:120]} |||||||||||"
            )
            continue
        search = r.get("search_bytes")
        ratio = (
            f"{float(search) / float(r['html_bytes']):.2f}"
            if search and float(r.get("html_bytes") or 0)
            else "—"
        )
        if r["tool"] == "vanban":
            w = r["worst"]
            query = (
                f"{kb(w.get(1))} / {kb(max(w.values()))}" if w else "— (no search/ in the output)"
            )
        elif r.get("query_gzip_bytes"):
            query = f"{kb(int(r['query_gzip_bytes']))} (the whole index, any query)"
        else:
            query = "—"
        lines.append(
            "| {docs} | {tool} | {wall} | {cpu} | {peak:,.0f} | {out} | {files} | {html} | {search} | {ratio} | {query} | {lb} → {la} |".format(
                docs=num(r["docs"]),
                tool=tool,
                wall=r["wall_s"],
                cpu=r["cpu_s"],
                peak=int(r["peak_kb"]) * 1024 / 1e6,
                out=mb(r.get("out_bytes")),
                files=num(int(r.get("files", 0))),
                html=mb(r.get("html_bytes")),
                search=mb(search),
                ratio=ratio,
                query=query,
                lb=r["load_before"],
                la=r["load_after"],
            )
        )
    return lines


def ok(r):
    return "skipped" not in r and r.get("rc") == "0"


def ratios(runs):
    lines = []
    vanban = [r for r in runs if r["tool"] == "vanban" and ok(r)]
    for other in ("hugo", "zola"):
        pairs = []
        for i, r in enumerate(runs):
            if r["tool"] != other or not ok(r):
                continue
            # The vanban run of the same size just before it.
            v = next(
                (x for x in reversed(runs[:i]) if x["tool"] == "vanban" and x["docs"] == r["docs"] and ok(x)),
                None,
            )
            if v:
                pairs.append(
                    "{}: {:.2f} (wall), {:.2f} (CPU), {:.2f} (peak memory)".format(
                        num(r["docs"]),
                        float(v["wall_s"]) / float(r["wall_s"]),
                        float(v["cpu_s"]) / float(r["cpu_s"]),
                        int(v["peak_kb"]) / int(r["peak_kb"]),
                    )
                )
        if pairs:
            lines.append(f"- vanban ÷ {TOOLS[other]}, same archive, built back to back: " + "; ".join(pairs) + ".")
    big = [r for r in vanban if r["docs"] == 100000]
    tens = [r for r in vanban if r["docs"] == 10000]
    if big and tens:
        b = big[-1]
        parts = []
        for t in tens:
            parts.append(
                "{:.1f}× wall, {:.1f}× CPU, {:.1f}× peak memory".format(
                    float(b["wall_s"]) / float(t["wall_s"]),
                    float(b["cpu_s"]) / float(t["cpu_s"]),
                    int(b["peak_kb"]) / int(t["peak_kb"]),
                )
            )
        lines.append("- Growth 100,000 ÷ 10,000 (vanban, against each 10,000 run): " + "; ".join(parts) + ".")
    return lines


def stage_table(runs):
    vanban = [r for r in runs if r["tool"] == "vanban" and ok(r) and r["stages"]]
    if not vanban:
        return []
    names = []
    for r in vanban:
        for name, _ in r["stages"]:
            if name not in names:
                names.append(name)
    cols = labels(vanban)
    lines = [
        "| stage | " + " | ".join(cols) + " |",
        "|---|" + "---:|" * len(cols),
    ]
    for name in names:
        cells = []
        for r in vanban:
            ms = dict(r["stages"]).get(name)
            cells.append(f"{ms / 1000:,.2f}" if ms is not None else "—")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    total = [sum(ms for _, ms in r["stages"]) / 1000 for r in vanban]
    lines.append("| **sum of stages** | " + " | ".join(f"{t:,.2f}" for t in total) + " |")
    return lines


def query_table(runs):
    vanban = [r for r in runs if r["tool"] == "vanban" and ok(r) and r["queries"]]
    if not vanban:
        return []
    queries = []
    for r in vanban:
        for q in r["queries"]:
            if q not in queries:
                queries.append(q)
    cols = labels(vanban)
    lines = [
        "| query (words) | " + " | ".join(f"{c}: results, KB gzip" for c in cols) + " |",
        "|---|" + "---:|" * len(cols),
    ]
    for q in queries:
        cells = []
        for r in vanban:
            cost = r["queries"].get(q)
            cells.append(f"{num(cost[0])}, {kb(cost[1])}" if cost else "—")
        words = len(q.split("|")[0].split())
        lines.append(f"| {q.replace('|', ' · ')} ({words}) | " + " | ".join(cells) + " |")
    return lines


def report(run_dir):
    m = read_env(os.path.join(run_dir, "machine.env"))
    runs = load_runs(run_dir)
    out = [f"### {m.get('date', '?')}: `{m.get('command', '?')}`", ""]
    dirty = int(m.get("dirty_files") or 0)
    out.append(
        "Machine: {nproc} cores ({cpu}), {mem:.1f} GB memory, Linux {kernel}. "
        "Versions: vanban {vanban}{dirty}, {rustc}; Hugo {hugo}; Zola {zola}. "
        "Sites written to: {out_dir}.".format(
            nproc=m.get("nproc"),
            cpu=m.get("cpu"),
            mem=int(m.get("memory_kb", 0)) * 1024 / 1e9,
            kernel=m.get("kernel"),
            vanban=m.get("vanban"),
            dirty=f" ({dirty} tracked files modified in the working tree)" if dirty else "",
            rustc=m.get("rustc"),
            hugo=m.get("hugo") or "not on the PATH",
            zola=m.get("zola") or "not on the PATH",
            out_dir=m.get("out_dir") or "the disk (BENCH_DIR)",
        )
    )
    out.append("")
    out += main_table(runs)
    out.append("")
    out += ratios(runs)
    notes = read_text(os.path.join(run_dir, "notes.md")).strip()
    if notes:
        out += notes.splitlines()
    if not any(r["tool"] == "vanban" and ok(r) and r["queries"] for r in runs):
        out.append("- The builds wrote no `search/` folder: search columns are empty.")
    stages = stage_table(runs)
    if stages:
        out += ["", "vanban's stages (`--timings`, seconds of wall time):", ""] + stages
    incremental = incremental_table(runs)
    if incremental:
        out += [
            "",
            "Incremental rebuilds as `serve` does them (`examples/incremental`: a full build, then one "
            "document edited at a time, each rebuild timed):",
            "",
        ] + incremental
    queries = query_table(runs)
    if queries:
        out += [
            "",
            "First search query on vanban's site, everything downloaded (script, manifest, shards, "
            "metadata of the first ten results), from `search_budget measure`:",
            "",
        ] + queries
    return "\n".join(out) + "\n"


def insert(benchmarks, report_path):
    with open(report_path, encoding="utf-8") as f:
        new = f.read()
    text = open(benchmarks, encoding="utf-8").read() if os.path.exists(benchmarks) else ""
    if MARKER not in text:
        text = text.rstrip("\n") + ("\n\n" if text else "") + "## Runs\n\n" + MARKER + "\n"
    head, _, tail = text.partition(MARKER)
    text = head + MARKER + "\n\n" + new.rstrip("\n") + "\n" + tail
    with open(benchmarks, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--insert":
        insert(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 2:
        sys.stdout.write(report(sys.argv[1]))
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)
