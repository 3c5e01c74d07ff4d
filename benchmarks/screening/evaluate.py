#!/usr/bin/env python3
"""Scores the labelled pairs with diligence and with rapidfuzz, and prints precision, recall and F1.

  evaluate.py PAIRS DILIGENCE LIST SDN_CSV ALT_CSV THRESHOLD [--markdown FILE]

- diligence: `diligence-bench pairs --list LIST` (the development tool beside DILIGENCE) gives, for each (query, entity) pair, the
  entity's best score (the score of its best-matching name or alias), 0 when not a candidate;
  with `--threshold THRESHOLD`, a pair that `diligence screen --threshold` would not return (its
  candidate bound cut the name) also scores 0, so the numbers at the threshold are what users get
  (scores below it, and so "best on this set" thresholds below it, are not cut).
- rapidfuzz: `fuzz.token_sort_ratio` between the query and each of the entity's names, best one,
  on the same Latin forms (`diligence-bench normalize`: transliterated, lower-case, no
  diacritics) with rapidfuzz's default processor; reported at its best threshold.
A pair is predicted a match when its score reaches the threshold.
"""
import argparse
import collections
import csv
import hashlib
import os
import subprocess
import sys
import tempfile

from rapidfuzz import fuzz, utils


def split_of(entity):
    """`dev` or `test`, by a hash of the entity id: every pair of an entity is on one side."""
    return "dev" if hashlib.sha1(entity.encode()).digest()[0] % 2 == 0 else "test"


def read_pairs(path, split="all"):
    """The pairs of a file, those of one split (`dev`, `test`) or all. A sixth column, when
    present, names the split; otherwise it is `split_of` the entity."""
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            columns = line.rstrip("\n").split("\t")
            label, category, query, entity, listed = columns[:5]
            side = columns[5] if len(columns) > 5 else split_of(entity)
            if split in ("all", side):
                pairs.append((int(label), category, query, entity, listed))
    return pairs


def read_names(sdn, alt):
    names = collections.defaultdict(list)
    with open(sdn, encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) == 12:
                names[f"US-OFAC-SDN-{row[0]}"].append(row[1])
    with open(alt, encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            key = f"US-OFAC-SDN-{row[0]}" if len(row) == 5 else None
            if key in names:
                names[key].append(row[3])
    return names


def run(command, stdin=None):
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def bench_of(diligence):
    """The development tool `diligence-bench`, built beside the `diligence` executable."""
    return os.path.join(os.path.dirname(os.path.abspath(diligence)), "diligence-bench")


def latin_forms(diligence, texts):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(t.replace("\n", " ") for t in texts) + "\n")
        path = handle.name
    lines = run([bench_of(diligence), "normalize", "--input", path]).split("\n")
    return [line.split("\t")[0] for line in lines[: len(texts)]]


def metrics(labels, predictions):
    tp = sum(1 for l, p in zip(labels, predictions) if l and p)
    fp = sum(1 for l, p in zip(labels, predictions) if not l and p)
    fn = sum(1 for l, p in zip(labels, predictions) if l and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_threshold(labels, scores, grid):
    return max(grid, key=lambda t: (metrics(labels, [s >= t for s in scores])[2], -t))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs")
    parser.add_argument("diligence")
    parser.add_argument("list")
    parser.add_argument("sdn")
    parser.add_argument("alt")
    parser.add_argument("threshold", type=float)
    parser.add_argument("--markdown")
    parser.add_argument("--split", choices=["all", "dev", "test"], default="all",
                        help="score one side of the dev/test split (tune on dev; score test once a release)")
    parser.add_argument("--summary", help="append one line, SET<TAB>P<TAB>R<TAB>F1<TAB>rapidfuzz P<TAB>R<TAB>F1, to this file")
    parser.add_argument("--name", default="set", help="the set's name in --summary")
    args = parser.parse_args()

    pairs = read_pairs(args.pairs, args.split)
    labels = [p[0] for p in pairs]

    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".tsv", delete=False) as handle:
        for _, _, query, entity, _ in pairs:
            handle.write(f"{query}\t{entity}\n")
        pair_file = handle.name
    # SCREENING_TUNE="name=value ..." scores with changed ScoringParameters (experiments only).
    tune = [part for setting in os.environ.get("SCREENING_TUNE", "").split() for part in ("--tune", setting)]
    ours = [float(x) for x in run([bench_of(args.diligence), "pairs", "--list", args.list, "--input", pair_file, "--threshold", str(args.threshold)] + tune).split()]
    assert len(ours) == len(pairs), (len(ours), len(pairs))

    names = read_names(args.sdn, args.alt)
    entity_ids = sorted({p[3] for p in pairs})
    all_names = [(entity, name) for entity in entity_ids for name in names[entity]]
    latin_names = latin_forms(args.diligence, [name for _, name in all_names])
    by_entity = collections.defaultdict(list)
    for (entity, _), latin in zip(all_names, latin_names):
        by_entity[entity].append(utils.default_process(latin))
    latin_queries = [utils.default_process(q) for q in latin_forms(args.diligence, [p[2] for p in pairs])]
    theirs = [max((fuzz.token_sort_ratio(q, n, processor=None) for n in by_entity[p[3]]), default=0) / 100
              for q, p in zip(latin_queries, pairs)]

    grid = [i / 100 for i in range(0, 101)]
    rf_threshold = best_threshold(labels, theirs, grid)
    our_best = best_threshold(labels, ours, grid)
    rows = [
        ("diligence", f"{args.threshold:.2f} (default)", *metrics(labels, [s >= args.threshold for s in ours])),
        ("diligence", f"{our_best:.2f} (best on this set)", *metrics(labels, [s >= our_best for s in ours])),
        ("rapidfuzz token_sort_ratio", f"{rf_threshold:.2f} (best on this set)", *metrics(labels, [s >= rf_threshold for s in theirs])),
        ("rapidfuzz token_sort_ratio", f"{args.threshold:.2f}", *metrics(labels, [s >= args.threshold for s in theirs])),
    ]
    out = []
    positives, negatives = sum(labels), len(labels) - sum(labels)
    out.append(f"{len(pairs)} pairs ({positives} true variants, {negatives} hard negatives)\n")
    out.append("| matcher | threshold | precision | recall | F1 |")
    out.append("|---|---|---|---|---|")
    for name, threshold, p, r, f in rows:
        out.append(f"| {name} | {threshold} | {p:.3f} | {r:.3f} | {f:.3f} |")
    out.append("")
    out.append("diligence by threshold:\n")
    out.append("| threshold | precision | recall | F1 |")
    out.append("|---|---|---|---|")
    for t in [0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95]:
        p, r, f = metrics(labels, [s >= t for s in ours])
        out.append(f"| {t:.2f} | {p:.3f} | {r:.3f} | {f:.3f} |")
    out.append("")
    out.append(f"By category: share of pairs predicted a match (diligence at {args.threshold:.2f}, rapidfuzz at {rf_threshold:.2f}); "
               "for true variants that is recall, for negatives the false-positive rate.\n")
    out.append("| label | category | pairs | diligence | rapidfuzz |")
    out.append("|---|---|---|---|---|")
    groups = collections.defaultdict(list)
    for index, pair in enumerate(pairs):
        groups[(pair[0], pair[1])].append(index)
    for (label, category), indices in sorted(groups.items(), key=lambda item: (-item[0][0], item[0][1])):
        ours_rate = sum(1 for i in indices if ours[i] >= args.threshold) / len(indices)
        theirs_rate = sum(1 for i in indices if theirs[i] >= rf_threshold) / len(indices)
        out.append(f"| {'variant' if label else 'negative'} | {category} | {len(indices)} | {ours_rate:.2f} | {theirs_rate:.2f} |")
    if args.summary:
        p, r, f = metrics(labels, [s >= args.threshold for s in ours])
        rp, rr, rf = metrics(labels, [s >= args.threshold for s in theirs])
        bp, br, bf = metrics(labels, [s >= rf_threshold for s in theirs])
        with open(args.summary, "a", encoding="utf-8") as handle:
            handle.write(f"{args.name}\t{len(pairs)}\t{p:.3f}\t{r:.3f}\t{f:.3f}\t{rp:.3f}\t{rr:.3f}\t{rf:.3f}\t{rf_threshold:.2f}\t{bp:.3f}\t{br:.3f}\t{bf:.3f}\n")
    text = "\n".join(out)
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    # The misses and false alarms, for analysis.
    errors = [(p, s) for p, s in zip(pairs, ours) if (s >= args.threshold) != bool(p[0])]
    print(f"\n{len(errors)} diligence errors at {args.threshold:.2f}:", file=sys.stderr)
    for (label, category, query, entity, listed), score in errors:
        print(f"  {label} {category:28} {score:.3f}  {query}  ~  {listed} ({entity})", file=sys.stderr)


if __name__ == "__main__":
    main()
