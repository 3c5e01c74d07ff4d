#!/usr/bin/env bash
# The portfolio-scale benchmark (issue 8): diligence check on a synthetic portfolio against the
# libyaml floor, growth with files, list size and conflict events, and database load time.
#
#   benchmarks/portfolio/run.sh [--with-20000] [--quick] [--runs N] [--side-files N] ...
#
# Builds the release executable (swift build -c release) and the floor (cc -O2 floor.c -lyaml),
# generates the inputs into .build-bench/ (gitignored; reused while generate.py is unchanged) and
# runs bench.py, which prints the tables and writes .build-bench/results.json. Arguments are
# passed on to bench.py (see bench.py --help). Needs swift, cc, libyaml-dev, libssl-dev and python3;
# with libmimalloc-dev installed the executable links mimalloc (docs/decisions.md), and the
# phase split says which allocator ran.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work="$root/.build-bench"
mkdir -p "$work"

echo "== building diligence (release)" >&2
swift build -c release --product diligence >&2
diligence="$root/.build/release/diligence"

echo "== building the floor (cc -O2 floor.c -lyaml)" >&2
cc -O2 -Wall -o "$work/floor" "$root/benchmarks/portfolio/floor.c" -lyaml

python3 "$root/benchmarks/portfolio/bench.py" --diligence "$diligence" --floor "$work/floor" --work "$work" "$@"
