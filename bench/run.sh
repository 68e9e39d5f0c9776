#!/usr/bin/env bash
# ogilint's throughput benchmark against ripgrep, on one corpus, in one run.
#
#   bench/run.sh [N]        (default N = 20000 reports, about 230 MB)
#
# Builds ogilint (release), installs ripgrep, hyperfine and GNU time if missing, generates the
# corpus under $BENCH_DIR (default: target/bench-corpus), then times:
#   - `ogilint check --format json` with all built-in rules over the corpus,
#   - `rg -c -f patterns.txt` over the same files, with the patterns the rules use
#     (`ogilint rules --patterns`), as the floor for "just scanning the text";
#   - both on N/4, N/2 and N files, to show that time grows linearly;
#   - both on a single report (the pre-commit case), with hyperfine;
# and prints MB/s, files/s, the ogilint/ripgrep ratio and peak RSS. Each corpus timing is the
# fastest of BENCH_RUNS runs (default 3); peak RSS is the largest.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-20000}"
dir="${BENCH_DIR:-target/bench-corpus}"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need rg || ! need hyperfine || [ ! -x /usr/bin/time ]; then
  echo "installing ripgrep, hyperfine and GNU time…" >&2
  if need apt-get; then
    (apt-get update -qq && apt-get install -y -qq ripgrep hyperfine time) >/dev/null
  else
    cargo install ripgrep hyperfine
  fi
fi

cargo build --release --quiet
bin="$PWD/target/release/ogilint"

if [ ! -f "$dir/.count" ] || [ "$(cat "$dir/.count")" != "$count" ]; then
  rm -rf "$dir"
  python3 bench/make_corpus.py "$dir" "$count"
  echo "$count" > "$dir/.count"
fi
"$bin" rules --patterns > "$dir/patterns.txt"
shards=$(ls -d "$dir"/shard-* | wc -l)

# Warm the page cache so both tools read from memory.
cat "$dir"/shard-*/*.txt > /dev/null

runs="${BENCH_RUNS:-3}"
measure() { # label, command… → prints "seconds peak_kb": the fastest of $runs runs, the largest RSS
  local label=$1; shift
  local log; log=$(mktemp)
  local best="" peak=0 wall rss
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
    wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
    if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
  done
  rm -f "$log"
  echo "$best $peak"
}

printf '\n%-10s %8s %9s %10s %10s %9s %10s %9s %7s\n' "files" "MB" "tool" "wall s" "MB/s" "files/s" "peak MB" "" "ratio"
for part in 4 2 1; do
  take=$(( shards / part )); [ "$take" -ge 1 ] || take=1
  paths=$(ls -d "$dir"/shard-* | head -n "$take")
  files=$(find $paths -name '*.txt' | wc -l)
  bytes=$(find $paths -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  read -r og_wall og_rss < <(measure ogilint "$bin" check $paths --format json --output /dev/null --fail-on never)
  read -r rg_wall rg_rss < <(measure rg rg -c -f "$dir/patterns.txt" $paths)
  for tool in ogilint rg; do
    if [ "$tool" = ogilint ]; then wall=$og_wall; rss=$og_rss; else wall=$rg_wall; rss=$rg_rss; fi
    awk -v f="$files" -v mb="$mb" -v t="$tool" -v w="$wall" -v r="$rss" -v og="$og_wall" -v rgw="$rg_wall" 'BEGIN {
      ratio = (t == "ogilint") ? sprintf("%.2fx", og / rgw) : ""
      printf "%-10d %8s %9s %10.3f %10.1f %9.0f %10.1f %9s %7s\n", f, mb, t, w, mb / w, f / w, r / 1024, "", ratio }'
  done
done

echo
echo "single report (pre-commit case):"
one="fixtures/002_8ea8eed0dcff065f.txt"
hyperfine -N --warmup 5 --runs 50 -i \
  "$bin check $one" \
  "rg -c -f $dir/patterns.txt $one" 2>&1 | grep -E "Benchmark|Time"
