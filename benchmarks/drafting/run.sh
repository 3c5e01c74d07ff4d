#!/usr/bin/env bash
# `diligence db draft` against what seeds/ encodes by hand from the five articles of the seeds'
# source file: recall of dated events (right date and precision), recall of places within 10 km,
# invented dates and places, per article and overall (docs/drafting.md records the figures).
# Usage: benchmarks/drafting/run.sh [ARTICLES_FILE]. Needs python3 with PyYAML.
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-../shared/seeds/000_3c4f3d760049849b.txt}
[ -f "$articles" ] || articles=/work/shared/seeds/000_3c4f3d760049849b.txt
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
swift build --product diligence >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/diligence-drafting-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 benchmarks/drafting/score.py "$articles" "$(swift build --show-bin-path)/diligence" "$work"
