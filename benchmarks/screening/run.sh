#!/usr/bin/env bash
# The screening benchmark: quality (precision, recall, F1 on the labelled pairs) and speed
# (20,000 names against the full OFAC list), for diligence and for rapidfuzz side by side.
#
#   benchmarks/screening/run.sh [OFAC_DIR]      (default: ../shared/data/ofac beside the repository)
#
# It builds the release executable, installs rapidfuzz from PyPI with pip, regenerates the
# pairs (and checks they equal the committed pairs.tsv), imports the OFAC files, and prints
# Markdown tables; results go to .build/screening-bench/. See docs/screening.md.
#
# While tuning, look at the dev splits only: SCREENING_SPLITS=dev run.sh (the test splits are
# scored once a release, with the default "dev test"). SCREENING_SPEED=0 skips the speed part.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
ofac=${1:-"$root/../shared/data/ofac"}
here="$root/benchmarks/screening"
work=${SCREENING_WORK:-"$root/.build/screening-bench"}
splits=${SCREENING_SPLITS:-"dev test"}
mkdir -p "$work"
[ -f "$ofac/sdn.csv" ] && [ -f "$ofac/alt.csv" ] || { echo "error: no sdn.csv and alt.csv in $ofac" >&2; exit 2; }

if [ -n "${DILIGENCE_BIN:-}" ]; then
  # Another build of diligence (for before/after tables): DILIGENCE_BIN=/path/to/diligence run.sh
  diligence=$DILIGENCE_BIN
else
  echo "== building (release)" >&2
  swift build -c release --product diligence >&2
  swift build -c release --product diligence-bench >&2
  diligence="$root/.build/release/diligence"
fi
# The benchmark-only runs (pair scores, Latin forms, timings) are the development tool's, beside it.
bench="$(dirname "$diligence")/diligence-bench"
python3 -m pip install --quiet --disable-pip-version-check "rapidfuzz>=3.9" numpy "faker>=30" >&2
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
summary="$work/summary.tsv"
: > "$summary"
# All the project's pairs, test split included: only when the test splits are scored.
if [ "$splits" != dev ]; then
  python3 "$here/evaluate.py" "$here/pairs.tsv" "$diligence" "$work/ofac-eval.yaml" "$ofac/sdn.csv" "$work/alt-eval.csv" "$threshold" \
    --markdown "$work/quality.md" 2>"$work/errors.txt"
fi
# The project's pairs split by entity: tune on dev, score test once a release.
for split in $splits; do
  python3 "$here/evaluate.py" "$here/pairs.tsv" "$diligence" "$work/ofac-eval.yaml" "$ofac/sdn.csv" "$work/alt-eval.csv" "$threshold" \
    --split "$split" --summary "$summary" --name "project pairs, $split" --markdown "$work/quality-$split.md" >/dev/null 2>"$work/errors-$split.txt"
done
# Pairs nobody here wrote: OFAC's own aliases (held out of the list) and nearest other entries.
echo "== OFAC-derived pairs" >&2
if [ ! -f "$work/ofac-pairs.tsv" ] || [ "$here/make_ofac_pairs.py" -nt "$work/ofac-pairs.tsv" ]; then
  python3 "$here/make_ofac_pairs.py" "$ofac" --pairs-out "$work/ofac-pairs.tsv" --alt-out "$work/alt-ofacset.csv" 2>"$work/ofac-pairs.log"
fi
"$diligence" db import --from ofac-sdn "$ofac/sdn.csv" "$work/alt-ofacset.csv" --output "$work/ofac-ofacset.yaml" --snapshot-date 2024-05-03 2>/dev/null
for split in $splits; do
  python3 "$here/evaluate.py" "$work/ofac-pairs.tsv" "$diligence" "$work/ofac-ofacset.yaml" "$ofac/sdn.csv" "$work/alt-ofacset.csv" "$threshold" \
    --split "$split" --summary "$summary" --name "OFAC-derived, $split" --markdown "$work/ofac-quality-$split.md" >/dev/null 2>"$work/ofac-errors-$split.txt"
done
# A second OFAC-derived set, held out (twenty-fifth round): entries of neither split above (every
# entry of ofac-pairs.tsv left out), another seed, people, companies and vessels; all of it dev,
# scored on main's build before the round changed anything: the estimate of how the rules generalise.
case " $splits " in
  *" dev "*)
    if [ ! -f "$work/ofac-pairs-dev2.tsv" ] || [ "$here/make_ofac_pairs.py" -nt "$work/ofac-pairs-dev2.tsv" ] || [ "$work/ofac-pairs.tsv" -nt "$work/ofac-pairs-dev2.tsv" ]; then
      python3 "$here/make_ofac_pairs.py" "$ofac" --pairs-out "$work/ofac-pairs-dev2.tsv" --alt-out "$work/alt-ofacset-dev2.csv" \
        --exclude-pairs "$work/ofac-pairs.tsv" --seed 20261206 --positives 600 --negatives 600 \
        --kinds person,organisation,vessel --split-name dev 2>"$work/ofac-pairs-dev2.log"
    fi
    "$diligence" db import --from ofac-sdn "$ofac/sdn.csv" "$work/alt-ofacset-dev2.csv" --output "$work/ofac-ofacset-dev2.yaml" --snapshot-date 2024-05-03 2>/dev/null
    python3 "$here/evaluate.py" "$work/ofac-pairs-dev2.tsv" "$diligence" "$work/ofac-ofacset-dev2.yaml" "$ofac/sdn.csv" "$work/alt-ofacset-dev2.csv" "$threshold" \
      --split all --summary "$summary" --name "OFAC-derived dev2 (held out, all dev)" --markdown "$work/ofac-quality-dev2.md" >/dev/null 2>"$work/ofac-errors-dev2.txt"
    # A third, of companies only (thirty-fourth round): entries of none of the sets above, scored
    # on main's build before the round's changes (recall 0.610, F1 0.729).
    if [ ! -f "$work/ofac-pairs-dev3.tsv" ] || [ "$here/make_ofac_pairs.py" -nt "$work/ofac-pairs-dev3.tsv" ] || [ "$work/ofac-pairs-dev2.tsv" -nt "$work/ofac-pairs-dev3.tsv" ]; then
      python3 "$here/make_ofac_pairs.py" "$ofac" --pairs-out "$work/ofac-pairs-dev3.tsv" --alt-out "$work/alt-ofacset-dev3.csv" \
        --exclude-pairs "$work/ofac-pairs.tsv" --exclude-pairs "$work/ofac-pairs-dev2.tsv" --seed 20261208 --positives 600 --negatives 600 \
        --kinds organisation --split-name dev 2>"$work/ofac-pairs-dev3.log"
    fi
    "$diligence" db import --from ofac-sdn "$ofac/sdn.csv" "$work/alt-ofacset-dev3.csv" --output "$work/ofac-ofacset-dev3.yaml" --snapshot-date 2024-05-03 2>/dev/null
    python3 "$here/evaluate.py" "$work/ofac-pairs-dev3.tsv" "$diligence" "$work/ofac-ofacset-dev3.yaml" "$ofac/sdn.csv" "$work/alt-ofacset-dev3.csv" "$threshold" \
      --split all --summary "$summary" --name "OFAC-derived dev3 companies (held out, all dev)" --markdown "$work/ofac-quality-dev3.md" >/dev/null 2>"$work/ofac-errors-dev3.txt"
    ;;
esac
# Names of public persons in 20 and more scripts and national spellings, cited (cross-script.tsv),
# split by person; each spelling against every person of the set.
echo "== cross-script set" >&2
for split in $splits; do
  python3 "$here/cross_script.py" "$here/cross-script.tsv" "$diligence" "$threshold" "$work" \
    --split "$split" --summary "$summary" --name "cross-script, $split" --markdown "$work/cross-script-$split.md" >/dev/null 2>"$work/cross-script-errors-$split.txt"
done
# A second development set of five other persons (eighth round: cross-script-dev2.tsv), all of it dev.
case " $splits " in
  *" dev "*)
    python3 "$here/cross_script.py" "$here/cross-script-dev2.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev2 (all dev)" --markdown "$work/cross-script-dev2.md" >/dev/null 2>"$work/cross-script-dev2-errors.txt"
    # A third development set of six other persons (ninth round: cross-script-dev3.tsv), all of it dev.
    python3 "$here/cross_script.py" "$here/cross-script-dev3.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev3 (all dev)" --markdown "$work/cross-script-dev3.md" >/dev/null 2>"$work/cross-script-dev3-errors.txt"
    # A fourth development set of six other persons (tenth round: cross-script-dev4.tsv), all of it dev.
    python3 "$here/cross_script.py" "$here/cross-script-dev4.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev4 (all dev)" --markdown "$work/cross-script-dev4.md" >/dev/null 2>"$work/cross-script-dev4-errors.txt"
    # A fifth development set of six other persons (eleventh round: cross-script-dev5.tsv), all of it dev.
    python3 "$here/cross_script.py" "$here/cross-script-dev5.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev5 (all dev)" --markdown "$work/cross-script-dev5.md" >/dev/null 2>"$work/cross-script-dev5-errors.txt"
    # A sixth development set of six other persons (twelfth round: cross-script-dev6.tsv), all of it dev.
    python3 "$here/cross_script.py" "$here/cross-script-dev6.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev6 (all dev)" --markdown "$work/cross-script-dev6.md" >/dev/null 2>"$work/cross-script-dev6-errors.txt"
    # A seventh development set of six other persons (thirteenth round: cross-script-dev7.tsv), all of it dev.
    python3 "$here/cross_script.py" "$here/cross-script-dev7.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev7 (all dev)" --markdown "$work/cross-script-dev7.md" >/dev/null 2>"$work/cross-script-dev7-errors.txt"
    # An eighth development set of five other persons (fourteenth round: cross-script-dev8.tsv), all of it dev.
    python3 "$here/cross_script.py" "$here/cross-script-dev8.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev8 (all dev)" --markdown "$work/cross-script-dev8.md" >/dev/null 2>"$work/cross-script-dev8-errors.txt"
    # A ninth development set of sixteen other persons (twenty-second round: cross-script-dev9.tsv), all of it dev,
    # scored on main's build before the round changed anything: the estimate of how the rules generalise.
    python3 "$here/cross_script.py" "$here/cross-script-dev9.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev9 (all dev)" --markdown "$work/cross-script-dev9.md" >/dev/null 2>"$work/cross-script-dev9-errors.txt"
    # A tenth development set of seventeen other persons (twenty-fourth round: cross-script-dev10.tsv), all of it dev,
    # scored on main's build before the round changed anything: the estimate of how the rules generalise.
    python3 "$here/cross_script.py" "$here/cross-script-dev10.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev10 (all dev)" --markdown "$work/cross-script-dev10.md" >/dev/null 2>"$work/cross-script-dev10-errors.txt"
    # An eleventh development set of sixteen other persons (twenty-sixth round: cross-script-dev11.tsv), all of it dev,
    # scored on main's build before the round changed anything: the estimate of how the rules generalise.
    python3 "$here/cross_script.py" "$here/cross-script-dev11.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev11 (all dev)" --markdown "$work/cross-script-dev11.md" >/dev/null 2>"$work/cross-script-dev11-errors.txt"
    # A twelfth development set of sixteen other persons (thirty-third round: cross-script-dev12.tsv), all of it dev,
    # scored on main's build before the round changed anything: the estimate of how the rules generalise.
    python3 "$here/cross_script.py" "$here/cross-script-dev12.tsv" "$diligence" "$threshold" "$work" \
      --split all --summary "$summary" --name "cross-script dev12 (all dev)" --markdown "$work/cross-script-dev12.md" >/dev/null 2>"$work/cross-script-dev12-errors.txt"
    ;;
esac
echo
echo "Every set at threshold $threshold (rapidfuzz token_sort_ratio at the same threshold, and at its best threshold on the set):"
echo
echo "| set | pairs | diligence P | R | F1 | rapidfuzz P | R | F1 | rapidfuzz best t | P | R | F1 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
sed 's/\t/ | /g; s/^/| /; s/$/ |/' "$summary"

echo
echo "== false positives: 10,000 random names from real name parts (make_random_names.py) against the full OFAC list"
python3 "$here/make_random_names.py" "$work/random-names.txt"
"$diligence" screen --list "$work/ofac.yaml" --input "$work/random-names.txt" --threshold "$threshold" --format json > "$work/random-matches.json"
python3 - "$work/random-matches.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1], encoding="utf-8"))
hit = [r for r in results if r["matches"]]
print(f"diligence: {len(hit)} of {len(results)} names match at the threshold: {len(hit) * 10000 / len(results):.1f} per 10,000")
PY

echo
echo "== false positives by script: 1,000 random person names of one locale each (make_random_names.py --locale) against the full OFAC list"
echo
echo "| locale (script) | names | false alarms |"
echo "|---|---|---|"
for locale in ${SCREENING_LOCALES:-ja_JP ar_AA fa_IR he_IL hi_IN bn_BD ta_IN th_TH ko_KR zh_CN ru_RU uk_UA el_GR ka_GE hy_AM cs_CZ lt_LT}; do
  python3 "$here/make_random_names.py" "$work/random-$locale.txt" --locale "$locale" --count 1000
  "$diligence" screen --list "$work/ofac.yaml" --input "$work/random-$locale.txt" --threshold "$threshold" --format json > "$work/random-$locale.json"
  python3 - "$work/random-$locale.json" "$locale" <<'PY'
import json, sys
results = json.load(open(sys.argv[1], encoding="utf-8"))
print(f"| {sys.argv[2]} | {len(results)} | {sum(1 for r in results if r['matches'])} |")
PY
done

[ "${SCREENING_SPEED:-1}" = 0 ] && exit 0
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
"$bench" normalize --input "$work/list-names.txt" > "$work/list-normalized.tsv"
"$bench" normalize --input "$work/names.txt" > "$work/names-normalized.tsv"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
echo "machine: $(nproc) cores, $cpu; $(free -g | awk '/Mem:/ {print $2}') GiB"
echo
echo "diligence (1 thread; the whole command: loading the 6 MB list file, indexing, screening, JSON with every match and why):"
/usr/bin/time -f "  wall %e s, peak memory %M KiB" "$bench" screen --list "$work/ofac.yaml" --input "$work/names.txt" \
  --json > "$work/diligence-matches.json" 2> >(sed 's/^/  /' >&2)
echo "rapidfuzz (process.cdist, token_sort_ratio, workers=2, brute force):"
/usr/bin/time -f "  wall %e s, peak memory %M KiB" python3 "$here/bench_rapidfuzz.py" "$work/names-normalized.tsv" "$work/list-normalized.tsv" "$threshold" \
  2> >(sed 's/^/  /' >&2) | sed 's/^/  /'
sleep 1
echo "rapidfuzz (token_sort_ratio at the threshold, same Latin forms) on the 10,000 random names:"
"$bench" normalize --input "$work/random-names.txt" > "$work/random-normalized.tsv"
python3 - "$work/random-normalized.tsv" "$work/list-normalized.tsv" "$threshold" <<'PY'
import sys
import numpy as np
from rapidfuzz import fuzz, process, utils
queries = [utils.default_process(line.split("\t")[0]) for line in open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]]
names = [utils.default_process(line.split("\t")[0]) for line in open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]]
cutoff = round(float(sys.argv[3]) * 100)
hit = 0
for start in range(0, len(queries), 1000):
    scores = process.cdist(queries[start:start + 1000], names, scorer=fuzz.token_sort_ratio, processor=None,
                           score_cutoff=cutoff, dtype=np.uint8, workers=2)
    hit += int((scores.max(axis=1) >= cutoff).sum())
print(f"  rapidfuzz: {hit} of {len(queries)} names match: {hit * 10000 / len(queries):.1f} per 10,000")
PY
