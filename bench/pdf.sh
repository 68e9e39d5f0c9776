#!/usr/bin/env bash
# PDF checking speed, beside `pdftotext -layout` (poppler; a reference only, never linked).
#
#   bench/pdf.sh
#
# Times, with hyperfine on one core (`--threads 1`), `ogilint check` on:
#   - every PDF under fixtures/pdf/ (reportlab and LibreOffice prints, with and without table
#     borders),
#   - a 20-page report (five LibreOffice prints of fixtures/pdf/office/clean.pdf joined with
#     pdfunite: four tables each, 表三 across pages),
#   - the real report ../shared/corpus/real/2024_huaian-shi.pdf, when it is there;
# and `pdftotext -layout` on the same files; prints milliseconds per file and pages per second.
set -euo pipefail
cd "$(dirname "$0")/.."
need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need pdftotext || ! need pdfunite; then
  apt-get update -qq && apt-get install -y -qq hyperfine poppler-utils >/dev/null
fi
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
clean=fixtures/pdf/office/clean.pdf
pdfunite "$clean" "$clean" "$clean" "$clean" "$clean" "$work/twenty-pages.pdf"
files=(fixtures/pdf/*.pdf fixtures/pdf/office/clean.pdf fixtures/pdf/office/clean-narrow.pdf
       fixtures/pdf/office/borderless/clean.pdf fixtures/pdf/office/borderless/clean-narrow.pdf
       "$work/twenty-pages.pdf")
[ -f ../shared/corpus/real/2024_huaian-shi.pdf ] && files+=(../shared/corpus/real/2024_huaian-shi.pdf)

printf '%-34s %5s %12s %12s %12s %12s\n' file pages "ogilint ms" "pages/s" "pdftotext ms" "pages/s"
for file in "${files[@]}"; do
  pages=$(pdfinfo "$file" 2>/dev/null | awk '/^Pages:/ {print $2}')
  mean() { hyperfine -N --warmup 3 --runs "${BENCH_RUNS:-30}" --export-json "$work/t.json" "$1" >/dev/null 2>&1 || true
           python3 -c "import json; print(json.load(open('$work/t.json'))['results'][0]['mean'] * 1000)"; }
  ours=$(mean "target/release/ogilint check --threads 1 --quiet --exit-zero $file")
  theirs=$(mean "pdftotext -layout $file /dev/null")
  printf '%-34s %5s %12.1f %12.0f %12.1f %12.0f\n' "$(basename "$file")" "$pages" "$ours" \
    "$(echo "$pages * 1000 / $ours" | bc -l)" "$theirs" "$(echo "$pages * 1000 / $theirs" | bc -l)"
done
