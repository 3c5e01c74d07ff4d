#!/usr/bin/env bash
# The screening benchmark: quality (precision, recall, F1 on the labelled pairs) and speed
# (20,000 names against the full OFAC list), for diligence and for rapidfuzz side by side.
#
#   benchmarks/screening/run.sh [OFAC_DIR]      (default: ../shared/data/ofac beside the repository)
#
# It builds the release executable, installs rapidfuzz from PyPI with pip, regenerates the
# pairs (and checks they equal the committed pairs.tsv), imports the OFAC files, and prints
# Markdown tables; results go to .build/screening-bench/. See docs/screening.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
ofac=${1:-"$root/../shared/data/ofac"}
here="$root/benchmarks/screening"
work="$root/.build/screening-bench"
mkdir -p "$work"
[ -f "$ofac/sdn.csv" ] && [ -f "$ofac/alt.csv" ] || { echo "error: no sdn.csv and alt.csv in $ofac" >&2; exit 2; }

echo "== building (release)" >&2
swift build -c release --product diligence >&2
diligence="$root/.build/release/diligence"
python3 -m pip install --quiet --disable-pip-version-check "rapidfuzz>=3.9" numpy >&2
threshold=$("$diligence" screen --help | sed -n 's/.*--threshold.*(default \([0-9.]*\)).*/\1/p' | head -n 1)
threshold=${threshold:-0.7}

echo "== the evaluation set" >&2
python3 "$here/make_pairs.py" "$ofac" --pairs-out "$work/pairs.tsv" --alt-out "$work/alt-eval.csv" --queries-out "$work/names.txt" 2>"$work/pairs.log"
if ! cmp -s "$work/pairs.tsv" "$here/pairs.tsv"; then
  echo "error: make_pairs.py no longer reproduces benchmarks/screening/pairs.tsv (see $work/pairs.tsv)" >&2
  exit 1
fi
"$diligence" db import --from ofac-sdn "$ofac/sdn.csv" "$work/alt-eval.csv" --output "$work/ofac-eval.yaml" --snapshot-date 2024-05-03 2>/dev/null
"$diligence" db import --from ofac-sdn "$ofac/sdn.csv" "$ofac/alt.csv" --output "$work/ofac.yaml" --snapshot-date 2024-05-03 2>/dev/null

echo "== quality" >&2
python3 "$here/evaluate.py" "$here/pairs.tsv" "$diligence" "$work/ofac-eval.yaml" "$ofac/sdn.csv" "$work/alt-eval.csv" "$threshold" \
  --markdown "$work/quality.md" 2>"$work/errors.txt"

echo
echo "== speed: $(wc -l < "$work/names.txt") names against the full OFAC list (names and aliases)"
# The normalised strings rapidfuzz compares: the Latin form of every list name and query.
python3 - "$ofac" > "$work/list-names.txt" <<'PY'
import csv, sys
folder = sys.argv[1]
ids = set()
with open(f"{folder}/sdn.csv", encoding="latin-1", newline="") as handle:
    for row in csv.reader(handle):
        if len(row) == 12:
            ids.add(row[0]); print(row[1].replace("\n", " "))
with open(f"{folder}/alt.csv", encoding="latin-1", newline="") as handle:
    for row in csv.reader(handle):
        if len(row) == 5 and row[0] in ids:
            print(row[3].replace("\n", " "))
PY
"$diligence" screen --normalize --input "$work/list-names.txt" > "$work/list-normalized.tsv"
"$diligence" screen --normalize --input "$work/names.txt" > "$work/names-normalized.tsv"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
echo "machine: $(nproc) cores, $cpu; $(free -g | awk '/Mem:/ {print $2}') GiB"
echo
echo "diligence (1 thread; the whole command: loading the 6 MB list file, indexing, screening, JSON with every match and why):"
/usr/bin/time -f "  wall %e s, peak memory %M KiB" "$diligence" screen --list "$work/ofac.yaml" --input "$work/names.txt" \
  --format json --timings > "$work/diligence-matches.json" 2> >(sed 's/^/  /' >&2)
echo "rapidfuzz (process.cdist, token_sort_ratio, workers=2, brute force):"
/usr/bin/time -f "  wall %e s, peak memory %M KiB" python3 "$here/bench_rapidfuzz.py" "$work/names-normalized.tsv" "$work/list-normalized.tsv" "$threshold" \
  2> >(sed 's/^/  /' >&2) | sed 's/^/  /'
sleep 1
