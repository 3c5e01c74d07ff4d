#!/usr/bin/env bash
# CPU time of two builds alternated (a before/after measure steadier than wall clock):
#
#   benchmarks/portfolio/alternate.sh OUT BEFORE AFTER [ROUNDS]
#
# Runs `check PORTFOLIO --db seeds --as-of 2020-09-30 --format json` with each build in turn,
# ROUNDS times (default 5), on the heavy and moderate portfolios that run.sh generated into
# .build-bench/, and appends "profile build task-clock-ms" lines to OUT. Needs perf (linux-perf).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1 before=$2 after=$3 rounds=${4:-5}
report=$(mktemp)
trap 'rm -f "$report"' EXIT
for profile in heavy moderate; do
  folder=.build-bench/portfolio-$profile-2000
  [ -d "$folder" ] || { echo "error: $folder missing: run benchmarks/portfolio/run.sh --quick first" >&2; exit 2; }
  for _ in $(seq "$rounds"); do
    for build in "$before" "$after"; do
      # check exits 1 when the gate fails, as it does on these portfolios: not an error here.
      ms=$( { perf stat -x, -e task-clock "$build" check "$folder" --db seeds --as-of 2020-09-30 \
        --format json --output "$report" 2>&1 >/dev/null || true; } | grep task-clock | cut -d, -f1)
      [ -n "$ms" ] || { echo "error: no task-clock from $build on $folder" >&2; exit 2; }
      echo "$profile $build $ms" | tee -a "$out"
    done
  done
done
