#!/usr/bin/env bash
# Regenerates scripts/link-order.txt: the functions `diligence check` runs, which the release
# executable's linker places side by side (Package.swift, `--symbol-ordering-file`).
#
#   scripts/make-link-order.sh
#
# A check runs about 2.5 MB of the executable's 21 MB of code, spread over all of it; the kernel
# maps a file's pages 64 KiB at a time around each one touched, so a check of one file held about
# 15 MiB of code pages. Placed together, the same functions take a few MiB
# (docs/performance.md, "Thirteenth round: memory (memory4)"). The list is the functions that
# callgrind sees run in checks of the first 100 files of the benchmark's three portfolios (in
# JSON, Markdown, SARIF and text) and of policies/ (in every format of reports/), sorted by
# name. A stale list costs only memory: a name the linker does not find is skipped, and a
# function missing from the list is placed after the listed ones. Needs valgrind. SwiftPM does
# not relink when only the list changes: remove .build/release/diligence before the next build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.build-bench"
mkdir -p "$work/link-order"

swift build -c release --product diligence >&2
# valgrind cannot read the debug information of the static executable: profile a copy without it.
strip --strip-debug -o "$work/link-order/diligence" .build/release/diligence

# The first 100 files of the benchmark's three portfolios (benchmarks/portfolio/run.sh makes them).
for portfolio in portfolio-2000 portfolio-heavy-2000 portfolio-moderate-2000; do
  [ -d "$work/$portfolio/division-000" ] || { echo "error: no $work/$portfolio: run benchmarks/portfolio/run.sh --quick first" >&2; exit 2; }
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/link-order/$portfolio.callgrind" \
    "$work/link-order/diligence" check "$work/$portfolio/division-000" --db seeds --as-of 2020-09-30 \
    --format json,markdown,sarif,text --output "$work/link-order/out-$portfolio" >/dev/null 2>&1 || [ $? -eq 1 ]
done
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/link-order/policies.callgrind" \
  "$work/link-order/diligence" check policies --as-of 2020-09-30 \
  --format markdown,json,text,github,sarif,junit,html --output "$work/link-order/out-policies" >/dev/null 2>&1 || [ $? -eq 1 ]

# Function names as callgrind writes them ("fn=(12) name" where first seen), without its
# recursion suffix ("'2") and addresses of code without a symbol.
cat "$work/link-order/"*.callgrind \
  | sed -n -E "s/^c?fn=\([0-9]+\) (.+)$/\1/p" \
  | sed -E "s/'[0-9]+$//" \
  | grep -v '^0x' \
  | LC_ALL=C sort -u > scripts/link-order.txt
echo "scripts/link-order.txt: $(wc -l < scripts/link-order.txt) functions" >&2
