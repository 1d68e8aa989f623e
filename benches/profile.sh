#!/usr/bin/env bash
# Where the time of one `vanban build` goes: the stage timings, the top
# symbols by sampled CPU time (perf), and the same samples summed by crate.
#
# Usage: benches/profile.sh [SIZE]   (default 100000; the archive
#        target/bench/corpus-SIZE is generated first when missing)
# Also: the CPU time each stage got and how many cores it used (from the
# timestamps of the samples).
# Environment: FREQ=199 (samples per second), BENCH_DIR=target/bench,
#              CALLGRAPH=dwarf to record call stacks as well (large files).
set -euo pipefail

cd "$(dirname "$0")/.."
n=${1:-100000}
bench=${BENCH_DIR:-$PWD/target/bench}
freq=${FREQ:-199}
corpus=$bench/corpus-$n
out=$bench/out-profile-$n
data=$bench/perf-$n.data

cargo build --release --quiet --bin vanban
vanban=$PWD/target/release/vanban
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    "$vanban" generate --count "$n" --seed "${SEED:-1}" --output "$corpus" > /dev/null
    touch "$corpus/.complete"
fi

graph=()
if [ -n "${CALLGRAPH:-}" ]; then
    graph=(--call-graph "$CALLGRAPH")
fi
rm -rf "$out"
echo "vanban $(git describe --always --dirty --tags), $n documents, $freq samples/s"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
perf record -q -F "$freq" "${graph[@]}" -o "$data" -- \
    /usr/bin/time -v -o "$bench/profile-$n-time.txt" "$vanban" build --content "$corpus" --output "$out" --timings 2> "$bench/profile-$n-stderr.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E 'Elapsed|User time|System time|Maximum resident' "$bench/profile-$n-time.txt" || true
rm -rf "$out"

echo
echo "## Stages (--timings)"
cat "$bench/profile-$n-stderr.txt"

report=$bench/perf-$n-symbols.txt
perf report -i "$data" --no-children --sort symbol --stdio 2> /dev/null |
    grep -v '^#' | grep -v '^$' | sed 's/[[:space:]-]*$//' > "$report"

echo
echo "## Top 20 symbols (self time, all threads; $(perf report -i "$data" --stdio 2> /dev/null | grep -m1 '^# Samples' | sed 's/^# *//'))"
head -20 "$report"

echo
echo "## Self time by crate"
python3 - "$report" << 'EOF'
import re, sys
totals = {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"\s*([\d.]+)%\s+\[(.)\]\s+(.*)$", line)
    if not m:
        continue
    pct, kind, sym = float(m.group(1)), m.group(2), m.group(3).strip()
    if kind == "k":
        crate = "kernel"
    else:
        name = sym.lstrip("<&*( ").removeprefix("mut ")
        crate = re.split(r"::|<| ", name, maxsplit=1)[0] or "?"
        if crate.startswith("0x"):
            crate = "unknown"
        elif "::" not in name:
            crate = "C (libc, mimalloc, …)"
        elif crate == "vanban":
            parts = name.split("::")
            crate = "::".join(parts[:2])
    totals[crate] = totals.get(crate, 0.0) + pct
for crate, pct in sorted(totals.items(), key=lambda kv: -kv[1])[:20]:
    print(f"{pct:6.2f}%  {crate}")
EOF

echo
echo "## CPU per stage (samples between the stage's start and end)"
t0=$(perf report -i "$data" --stdio --header-only 2> /dev/null | awk -F': ' '/time of first sample/ {print $2}')
perf script -i "$data" -F tid,time 2> /dev/null | python3 -c '
import re, sys
stages, t = [], 0.0
for m in re.finditer(r"^  (\S.*?)\s+(\d+) ms$", open(sys.argv[1], encoding="utf-8").read(), re.M):
    stages.append((m.group(1), t, t + int(m.group(2)) / 1000))
    t += int(m.group(2)) / 1000
t0, freq = float(sys.argv[2]), float(sys.argv[3])
count = [0] * len(stages)
for line in sys.stdin:
    parts = line.split()
    if len(parts) < 2:
        continue
    rel = float(parts[1].rstrip(":")) - t0
    for i, (_, a, b) in enumerate(stages):
        if a <= rel < b:
            count[i] += 1
            break
print("%-20s %8s %8s %6s" % ("stage", "wall s", "CPU s", "cores"))
for (name, a, b), c in zip(stages, count):
    if b - a >= 0.5:
        print(f"{name:<20} {b - a:8.1f} {c / freq:8.1f} {c / freq / (b - a):6.2f}")
' "$bench/profile-$n-stderr.txt" "$t0" "$freq"
