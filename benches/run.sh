#!/usr/bin/env bash
# Builds generated archives with vanban (and Hugo, Zola when on the PATH) and
# records wall time, CPU time, peak memory, output size, search-index size and
# the bytes a first search query downloads. See BENCHMARKS.md.
#
# Usage: benches/run.sh [SIZE...]            (default: 1000 10000 100000)
#   A size given twice is built twice (to show the noise), e.g.
#   benches/run.sh 1000 10000 10000 100000
#
# Environment:
#   SEED=1               seed of `vanban generate`
#   BENCH_DIR=target/bench   corpora (kept and reused) and outputs
#   OUT_DIR=$BENCH_DIR   where the built sites go (every tool's). On this
#                        machine's disk, ext4's inode allocator slows down
#                        after a few million files were made and deleted
#                        (the same 10,000-document build: 2.3 s of system
#                        time at first, 17-25 s later, kernel time in
#                        find_get_block_common and recently_deleted); with
#                        OUT_DIR=/dev/shm the runs measure the tools, not the
#                        disk's history
#   HUGO_MAX_DOCS=10000  largest archive given to Hugo (50,000 documents took
#                        9-10.7 GB there; 100,000 would not fit a shared machine)
#   ZOLA_MAX_DOCS=10000  same for Zola (855 s and 7.2 GB at 50,000)
#   INCREMENTAL_SIZES="10000"  sizes at which serve's incremental rebuild
#                        is timed too (examples/incremental, six edits)
#   RECORD=1             insert the report into BENCHMARKS.md (0: only print it)
#   KEEP_OUTPUT=0        1 keeps each built site (they are large); by default
#                        they are moved aside and deleted after the last build,
#                        so that no deletion runs during a measurement
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
bench=${BENCH_DIR:-$root/target/bench}
outs=${OUT_DIR:-$bench}
seed=${SEED:-1}
hugo_max=${HUGO_MAX_DOCS:-10000}
zola_max=${ZOLA_MAX_DOCS:-10000}
record=${RECORD:-1}
incremental_sizes=" ${INCREMENTAL_SIZES:-10000} "
keep=${KEEP_OUTPUT:-0}
if [ $# -eq 0 ]; then
    set -- 1000 10000 100000
fi
for n in "$@"; do
    case $n in
        '' | *[!0-9]*)
            echo "run.sh: a size is a number of documents, not '$n'" >&2
            exit 2
            ;;
    esac
done

command_line="benches/run.sh $*"
stamp=$(date -u +%Y%m%d-%H%M%S)
runs=$bench/runs/$stamp
trash=$outs/bench-trash
mkdir -p "$runs" "$outs"
rm -rf "$trash"
mkdir -p "$trash"

echo "== release build" >&2
cargo build --release --quiet --bin vanban --example search_budget --example incremental
# Copies, so that another release build during the run changes nothing.
cp target/release/vanban target/release/examples/search_budget target/release/examples/incremental "$runs/"
vanban=$runs/vanban
budget=$runs/search_budget
incremental=$runs/incremental

# First queries measured on every size (the same rows in every report), on
# top of the list search_budget makes from each index's most common words.
# Filters follow the words after `|` (an empty query browses by filter).
queries=(
    "cac" "va" "cong" "quan" "van ban" "cac cong" "uy ban nhan dan"
    "cac cong cua hien" "chong dich" "phong chong dich benh" "gian cach xa hoi"
    "dong thap" "da nang" "quang ngai" "chi thi 16" "1099 cd ttg"
    "|type=Công điện|year=2021" "chong dich|type=Công điện"
)

have() { command -v "$1" > /dev/null 2>&1; }

# Machine and versions, once.
{
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "command=$command_line"
    echo "nproc=$(nproc)"
    echo "memory_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
    echo "cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "kernel=$(uname -r)"
    echo "vanban=$(git describe --always --dirty --tags 2> /dev/null || echo unknown)"
    echo "dirty_files=$(git status --porcelain --untracked-files=no 2> /dev/null | wc -l)"
    echo "rustc=$(rustc --version)"
    echo "out_dir=$(df --output=fstype "$outs" | tail -1) ($outs)"
    if have hugo; then
        echo "hugo=$(hugo version | awk '{print $2}')"
    else
        echo "hugo="
    fi
    if have zola; then
        echo "zola=$(zola --version | awk '{print $2}')"
    else
        echo "zola="
    fi
} > "$runs/machine.env"

load1() { awk '{print $1}' /proc/loadavg; }

# The archive of N documents, generated once and reused.
corpus() {
    local n=$1 dir=$bench/corpus-$1
    if [ ! -f "$dir/.complete" ]; then
        echo "== generating $n documents into $dir" >&2
        rm -rf "$dir"
        "$vanban" generate --count "$n" --seed "$seed" --output "$dir" > /dev/null
        touch "$dir/.complete"
    fi
    echo "$dir"
}

# The Zola copy of the archive of N documents, converted once and reused.
zola_site() {
    local n=$1 site=$bench/zola-site-$1
    if [ ! -f "$site/content/.complete" ]; then
        echo "== converting $n documents for Zola" >&2
        rm -rf "$site"
        mkdir -p "$site"
        python3 benches/zola/convert.py "$(corpus "$n")" "$site/content" > /dev/null
        touch "$site/content/.complete"
    fi
    rm -rf "$site/templates" "$site/config.toml"
    cp -r benches/zola/templates benches/zola/config.toml "$site/"
    echo "$site"
}

# measure DIR TOOL N OUT COMMAND... : runs COMMAND under /usr/bin/time -v and
# writes DIR/meta.env with its measures and those of the site in OUT.
measure() {
    local dir=$1 tool=$2 n=$3 out=$4
    shift 4
    mkdir -p "$dir"
    if [ -d "$out" ]; then
        mv "$out" "$trash/$(basename "$out")-old-$$"
    fi
    sync
    local before after start end rc=0
    before=$(load1)
    start=$(date +%s%N)
    /usr/bin/time -v -o "$dir/time.txt" "$@" > "$dir/stdout.txt" 2> "$dir/stderr.txt" || rc=$?
    end=$(date +%s%N)
    after=$(load1)
    {
        echo "tool=$tool"
        echo "docs=$n"
        echo "rc=$rc"
        echo "wall_s=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", (b - a) / 1e9}')"
        awk -F': ' '
            /User time/ {u = $2}
            /System time/ {s = $2}
            /Maximum resident set size/ {m = $2}
            END {printf "cpu_s=%.2f\npeak_kb=%d\n", u + s, m}' "$dir/time.txt"
        echo "load_before=$before"
        echo "load_after=$after"
        if [ "$rc" -eq 0 ] && [ -d "$out" ]; then
            echo "out_bytes=$(du -sb "$out" | cut -f1)"
            echo "files=$(find "$out" -type f | wc -l)"
            echo "html_bytes=$(find "$out" -type f -name '*.html' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s}')"
        fi
    } > "$dir/meta.env"
    echo "   $tool $n: $(grep -E '^(wall_s|cpu_s|peak_kb|rc)=' "$dir/meta.env" | tr '\n' ' ')" >&2
}

# A built site is moved aside (deleting 400,000 files takes minutes here).
discard() {
    if [ "$keep" != 1 ] && [ -d "$1" ]; then
        mv "$1" "$trash/$(basename "$1")-$seq_no"
    fi
}

seq_no=0
for n in "$@"; do
    seq_no=$((seq_no + 1))
    src=$(corpus "$n")
    tag=$(printf '%02d' "$seq_no")

    echo "== vanban, $n documents" >&2
    out=$outs/out-vanban-$n
    dir=$runs/$tag-1-vanban-$n
    measure "$dir" vanban "$n" "$out" "$vanban" build --content "$src" --output "$out" --timings
    if [ -d "$out/search" ]; then
        echo "search_bytes=$(du -sb "$out/search" | cut -f1)" >> "$dir/meta.env"
        {
            "$budget" measure "$out" "${queries[@]}"
            "$budget" measure "$out"
        } > "$dir/budget.txt" 2>&1 || echo "search_budget failed: $?" >> "$dir/budget.txt"
    fi
    discard "$out"
    if [[ "$incremental_sizes" == *" $n "* ]] && [ ! -f "$dir/incremental.txt" ]; then
        echo "== vanban incremental rebuilds, $n documents" >&2
        sync
        "$incremental" "$src" "$outs/out-incremental-$n" 6 > "$dir/incremental.txt" 2>&1 \
            || echo "incremental failed: $?" >> "$dir/incremental.txt"
        discard "$outs/out-incremental-$n"
    fi

    if have hugo; then
        if [ "$n" -le "$hugo_max" ]; then
            echo "== hugo, $n documents" >&2
            out=$outs/out-hugo-$n
            measure "$runs/$tag-2-hugo-$n" hugo "$n" "$out" \
                hugo --source benches/hugo --contentDir "$src" --destination "$out" \
                --cacheDir "$bench/hugo-cache" --quiet
            if [ -f "$out/index.json" ]; then
                {
                    echo "search_bytes=$(stat -c %s "$out/index.json")"
                    echo "query_gzip_bytes=$(gzip -6 -c "$out/index.json" | wc -c)"
                } >> "$runs/$tag-2-hugo-$n/meta.env"
            fi
            discard "$out"
        else
            mkdir -p "$runs/$tag-2-hugo-$n"
            printf 'tool=hugo\ndocs=%s\nskipped=above HUGO_MAX_DOCS=%s\n' "$n" "$hugo_max" > "$runs/$tag-2-hugo-$n/meta.env"
        fi
    fi

    if have zola; then
        if [ "$n" -le "$zola_max" ]; then
            echo "== zola, $n documents" >&2
            site=$(zola_site "$n")
            out=$outs/out-zola-$n
            measure "$runs/$tag-3-zola-$n" zola "$n" "$out" \
                zola --root "$site" build --output-dir "$out" --force
            if [ -d "$out" ]; then
                {
                    echo "search_bytes=$(find "$out" -maxdepth 1 -name 'search_index*' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s}')"
                    echo "query_gzip_bytes=$(find "$out" -maxdepth 1 \( -name 'search_index*' -o -name 'elasticlunr*' \) -exec cat {} + | gzip -6 | wc -c)"
                } >> "$runs/$tag-3-zola-$n/meta.env"
            fi
            discard "$out"
        else
            mkdir -p "$runs/$tag-3-zola-$n"
            printf 'tool=zola\ndocs=%s\nskipped=above ZOLA_MAX_DOCS=%s\n' "$n" "$zola_max" > "$runs/$tag-3-zola-$n/meta.env"
        fi
    fi
done

report=$runs/report.md
python3 benches/report.py "$runs" > "$report"
cat "$report"
if [ "$record" = 1 ]; then
    python3 benches/report.py --insert BENCHMARKS.md "$report"
    echo "== report inserted into BENCHMARKS.md (and kept in $report)" >&2
fi
echo "== deleting the built sites" >&2
rm -rf "$trash"
