#!/usr/bin/env bash
# A real pre-commit run: a temporary git repository uses this checkout as its hook repository.
# Committing a non-compliant report must fail with ogilint's diagnostics; a compliant one passes.
# Needs `pre-commit` (pip install pre-commit) and cargo; run by .ci/run.
set -euo pipefail
checkout="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# pre-commit installs hook repositories from a commit: use HEAD of this checkout.
rev="$(git -C "$checkout" rev-parse HEAD)"

cd "$work"
git init -q .
git config user.email ci@example.invalid
git config user.name ci
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $checkout
    rev: $rev
    hooks:
      - id: ogilint
YAML
export PRE_COMMIT_HOME="$work/.cache"
pre-commit install > /dev/null

# A non-compliant report: a 2022 report without its section 五 (an error under the unified format).
cp "$checkout/fixtures/corpus/2022-nanping-shi-zhujian.txt" bad.txt
git add .pre-commit-config.yaml bad.txt
if git commit -q -m "bad report" > commit.log 2>&1; then
  cat commit.log
  echo "FAIL: committing a non-compliant report succeeded" >&2
  exit 1
fi
grep -q "required/problems" commit.log || { cat commit.log; echo "FAIL: ogilint's diagnostics are not in the hook output" >&2; exit 1; }
echo "ok: the non-compliant report was rejected with ogilint's diagnostics"

# A compliant report passes.
git rm -q --cached bad.txt
rm bad.txt
cp "$checkout/fixtures/synthetic/2021-table-cells-per-line.txt" good.txt
git add good.txt
if ! git commit -q -m "good report" > commit.log 2>&1; then
  cat commit.log
  echo "FAIL: committing a compliant report was rejected" >&2
  exit 1
fi
echo "ok: the compliant report was committed"
