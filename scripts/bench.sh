#!/usr/bin/env bash
# Whole-process benchmarks of gloss: `gloss check` against ripgrep on the
# BBC News corpus, `gloss check` wall time and peak memory on synthetic
# corpora of 10,000 and 100,000 articles, and the language server's latency.
# Every figure in docs/performance.md comes from this script.
#
#   scripts/bench.sh                 # everything
#   scripts/bench.sh check           # gloss check vs ripgrep, BBC + synthetic
#   scripts/bench.sh memory          # peak RSS of gloss check
#   scripts/bench.sh cache           # gloss check with its result cache: cold, warm, one article changed
#   scripts/bench.sh lsp             # language server latency (scripts/lsp_bench.py)
#   scripts/bench.sh criterion       # cargo bench --bench core
#
# Environment:
#   BBC=DIR        the BBC News corpus (default: ../shared/data/bbc-news beside the repository)
#   SKIP_BBC=1     (cache mode) skip the BBC hyperfine run
#   CORPORA=DIR    where synthetic corpora are generated (default: /tmp); never inside the repository
#   SIZES="10000 100000"   synthetic corpus sizes
#   RUNS=10        hyperfine runs on BBC (fewer on the large corpora)
#   GLOSS=PATH     the gloss binary (default: target/release/gloss, built if missing)
#   OUT=DIR        results (hyperfine JSON/Markdown, time -v logs; default: /tmp/gloss-bench)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
BBC="${BBC:-$repo/../shared/data/bbc-news}"
CORPORA="${CORPORA:-/tmp}"
SIZES="${SIZES:-10000 100000}"
RUNS="${RUNS:-10}"
OUT="${OUT:-/tmp/gloss-bench}"
what="${1:-all}"
target="${CARGO_TARGET_DIR:-$repo/target}"
GLOSS="${GLOSS:-$target/release/gloss}"

# The tools: hyperfine and ripgrep from Debian, GNU time for peak memory.
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi
if [ ! -x "$GLOSS" ] || [ "${BUILD:-1}" = 1 ]; then
    (cd "$repo" && cargo build --release --quiet)
fi
mkdir -p "$OUT"

# Date-like words and years: what a naive date scan looks for.
DATE_RE='(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|[0-9]{4})'

machine() {
    echo "== machine"
    echo "cores: $(nproc)"
    lscpu | grep 'Model name' | sed 's/  */ /g'
    free -h | sed -n 1,2p
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$GLOSS" --version
    hyperfine --version
    rg --version | head -1
}

corpus() { # corpus N -> path of a synthetic corpus of N articles (generated once)
    local n="$1" dir="$CORPORA/gloss-bench-$1"
    if [ ! -f "$dir/gloss.toml" ] || [ ! -f "$dir/long/long-article.txt" ]; then
        python3 "$repo/scripts/gen_corpus.py" -n "$n" --out "$dir" --source "$BBC" --big 50 >&2
    fi
    echo "$dir"
}

text_mb() { # megabytes of article text under a folder
    find "$1" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}'
}

check() {
    echo "== gloss check vs ripgrep: BBC News ($(find "$BBC" -name '*.txt' | wc -l) files, $(text_mb "$BBC") MB)"
    # Cold runs: without --no-cache the warmup runs would fill the result
    # cache and the timed runs would copy reports from it (see `cache`).
    hyperfine -N --warmup 2 --runs "$RUNS" \
        --export-json "$OUT/check-bbc.json" --export-markdown "$OUT/check-bbc.md" \
        -n "json cold" "$GLOSS check --format json --fail-on never --no-cache $BBC" \
        -n "human cold" "$GLOSS check --format human --fail-on never --no-cache $BBC" \
        -n ripgrep "rg -c -i '$DATE_RE' $BBC"
    for n in $SIZES; do
        dir="$(corpus "$n")"
        runs=$(( n >= 100000 ? 3 : 5 ))
        echo "== gloss check vs ripgrep: $n articles ($(text_mb "$dir") MB)"
        hyperfine -N --warmup 1 --runs "$runs" \
            --export-json "$OUT/check-$n.json" --export-markdown "$OUT/check-$n.md" \
            "$GLOSS check --format json --fail-on never --no-cache $dir" \
            "rg -c -i '$DATE_RE' $dir"
    done
}

memory() {
    for pair in "bbc:$BBC" $(for n in $SIZES; do echo "$n:$(corpus "$n")"; done); do
        name="${pair%%:*}" dir="${pair#*:}"
        /usr/bin/time -v "$GLOSS" check --format json --fail-on never --no-cache "$dir" \
            >/dev/null 2>"$OUT/time-$name.txt"
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-$name.txt")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/time-$name.txt")
        mb=$(text_mb "$dir")
        echo "== memory $name: wall $wall, peak RSS $((rss / 1024)) MB for $mb MB of text" \
            "($(awk -v r="$rss" -v m="$mb" 'BEGIN {printf "%.2f", r / 1024 / m}')x)"
    done
}

cache() {
    # The result cache: cold (--no-cache) against warm (the cache filled
    # by the warmup runs) in one hyperfine run with ripgrep, on BBC; then a
    # private copy of the 10k corpus warm, cold, and with one article
    # changed before every run (the cache is updated each time).
    local cdir="$OUT/check-cache" n=10000 src dir one
    rm -rf "$cdir"
    echo "== gloss check with the result cache: BBC News"
    [ "${SKIP_BBC:-0}" = 1 ] || hyperfine -N --warmup 2 --runs "$RUNS" \
        --export-json "$OUT/cache-bbc.json" --export-markdown "$OUT/cache-bbc.md" \
        -n "json cold" "$GLOSS check --format json --fail-on never --no-cache $BBC" \
        -n "json warm" "$GLOSS check --format json --fail-on never --cache-dir $cdir $BBC" \
        -n "human cold" "$GLOSS check --format human --fail-on never --no-cache $BBC" \
        -n "human warm" "$GLOSS check --format human --fail-on never --cache-dir $cdir $BBC" \
        -n ripgrep "rg -c -i '$DATE_RE' $BBC"
    src="$(corpus "$n")"
    dir="$CORPORA/gloss-bench-cache-$n"
    [ -d "$dir" ] || cp -r "$src" "$dir"
    # (awk reads to the end: head would break the pipe under pipefail)
    one="$(find "$dir" -name '*.txt' | sort | awk 'NR == 1')"
    echo "== gloss check with the result cache: $n articles"
    hyperfine -N --warmup 1 --runs 5 \
        --export-json "$OUT/cache-$n.json" --export-markdown "$OUT/cache-$n.md" \
        -n "json cold" "$GLOSS check --format json --fail-on never --no-cache $dir" \
        -n "json warm" "$GLOSS check --format json --fail-on never --cache-dir $cdir $dir" \
        -n ripgrep "rg -c -i '$DATE_RE' $dir"
    hyperfine -N --warmup 1 --runs 5 \
        --export-json "$OUT/cache-$n-one.json" --export-markdown "$OUT/cache-$n-one.md" \
        --prepare "sh -c 'echo Updated on Monday. >> $one'" \
        -n "json, one article changed" "$GLOSS check --format json --fail-on never --cache-dir $cdir $dir"
    for run in cold warm; do
        flag="--cache-dir $cdir"
        [ "$run" = cold ] && flag=--no-cache
        for pair in "bbc:$BBC" "$n:$dir"; do
            name="${pair%%:*}" d="${pair#*:}"
            # Warm means filled: one run first (a no-op when it is).
            # shellcheck disable=SC2086
            [ "$run" = warm ] && "$GLOSS" check --format json --fail-on never $flag "$d" >/dev/null
            # shellcheck disable=SC2086
            /usr/bin/time -v "$GLOSS" check --format json --fail-on never $flag "$d" \
                >/dev/null 2>"$OUT/time-cache-$run-$name.txt"
            rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-cache-$run-$name.txt")
            wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/time-cache-$run-$name.txt")
            echo "== memory $name, $run: wall $wall, peak RSS $((rss / 1024)) MB"
        done
    done
}

lsp() {
    for n in $SIZES; do
        dir="$(corpus "$n")"
        echo "== language server: $n articles"
        python3 "$repo/scripts/lsp_bench.py" --root "$dir" --gloss "$GLOSS" \
            -n "${LSP_N:-100}" --keystrokes "${LSP_KEYS:-100}" | tee "$OUT/lsp-$n.json"
    done
}

criterion() {
    (cd "$repo" && BBC="$BBC" GLOSS_BENCH_CORPUS="$BBC" cargo bench --bench core)
}

machine | tee "$OUT/machine.txt"
case "$what" in
    check) check ;;
    memory) memory ;;
    cache) cache ;;
    lsp) lsp ;;
    criterion) criterion ;;
    all) check; memory; cache; lsp; criterion ;;
    *) echo "usage: $0 [all|check|memory|cache|lsp|criterion]" >&2; exit 2 ;;
esac
echo "results in $OUT"
