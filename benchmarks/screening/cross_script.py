#!/usr/bin/env python3
"""Scores the cross-script set (cross-script.tsv): each person's name written in other scripts
and national spellings, screened against a list of the set's persons under their list spelling.

  cross_script.py TSV DILIGENCE THRESHOLD WORK_DIR [--split dev|test|all] [--summary FILE] [--name NAME]
                  [--markdown FILE]

Every spelling is scored against every person of the list (`diligence-bench pairs --threshold`,
which counts what `diligence screen --threshold` returns: a pair the candidate bound cuts scores
0): its own person is a true pair, the others are negatives. Precision, recall and F1 at the threshold, for
diligence and for rapidfuzz `token_sort_ratio` on the same Latin forms (`diligence-bench normalize`), as
evaluate.py does for the other sets; recall by script for the misses. The split is by person
(`split_of`): tune on dev, score test once.
"""
import argparse
import collections
import hashlib
import os
import sys

from rapidfuzz import fuzz, utils

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import bench_of, best_threshold, latin_forms, metrics, run  # noqa: E402


def split_of(person):
    """`dev` or `test` by a hash of the person id: all spellings of a person on one side."""
    return "dev" if hashlib.sha1(person.encode()).digest()[0] % 2 == 0 else "test"


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            person, listed, script, spelling, source = line.rstrip("\n").split("\t")
            if person == "person":
                continue
            rows.append((person, listed, script, spelling, source))
    return rows


def yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_list(rows, path):
    persons = {}
    for person, listed, *_ in rows:
        persons.setdefault(person, listed)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("# The persons of benchmarks/screening/cross-script.tsv under their list spelling (made by cross_script.py).\n")
        handle.write("entities:\n")
        for person, listed in sorted(persons.items()):
            handle.write(f"  - id: XS-{person}\n    name: {yaml_string(listed)}\n    kind: person\n    listed_by: [XS]\n")
            handle.write("    references:\n      - source: cross-script evaluation set\n")
            handle.write(f"        title: {yaml_string('benchmarks/screening/cross-script.tsv, ' + person)}\n")
    return persons


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tsv")
    parser.add_argument("diligence")
    parser.add_argument("threshold", type=float)
    parser.add_argument("work")
    parser.add_argument("--split", choices=["all", "dev", "test"], default="all")
    parser.add_argument("--summary")
    parser.add_argument("--name", default="cross-script")
    parser.add_argument("--markdown")
    args = parser.parse_args()

    rows = read_rows(args.tsv)
    list_path = os.path.join(args.work, "cross-script-list.yaml")
    persons = write_list(rows, list_path)  # every person, whatever the split: negatives come from both
    rows = [r for r in rows if args.split in ("all", split_of(r[0]))]
    ids = sorted(persons)

    pairs = [(row, other) for row in rows for other in ids]
    pair_file = os.path.join(args.work, f"cross-script-pairs-{args.split}.tsv")
    with open(pair_file, "w", encoding="utf-8") as handle:
        for row, other in pairs:
            handle.write(f"{row[3]}\tXS-{other}\n")
    tune = [part for setting in os.environ.get("SCREENING_TUNE", "").split() for part in ("--tune", setting)]
    ours = [float(x) for x in run([bench_of(args.diligence), "pairs", "--list", list_path, "--input", pair_file, "--threshold", str(args.threshold)] + tune).split()]
    assert len(ours) == len(pairs), (len(ours), len(pairs))
    labels = [row[0] == other for row, other in pairs]

    latin_queries = [utils.default_process(q) for q in latin_forms(args.diligence, [r[3] for r in rows])]
    latin_listed = dict(zip(ids, (utils.default_process(n) for n in latin_forms(args.diligence, [persons[i] for i in ids]))))
    by_query = {row[3]: latin for row, latin in zip(rows, latin_queries)}
    theirs = [fuzz.token_sort_ratio(by_query[row[3]], latin_listed[other], processor=None) / 100 for row, other in pairs]

    t = args.threshold
    p, r, f = metrics(labels, [s >= t for s in ours])
    rp, rr, rf = metrics(labels, [s >= t for s in theirs])
    rf_best = best_threshold(labels, theirs, [i / 100 for i in range(0, 101)])
    bp, br, bf = metrics(labels, [s >= rf_best for s in theirs])

    out = [f"{len(rows)} spellings of {len({r[0] for r in rows})} persons, each against the {len(ids)} persons of the list "
           f"({len(pairs)} pairs)\n",
           "| matcher | threshold | precision | recall | F1 |", "|---|---|---|---|---|",
           f"| diligence | {t:.2f} | {p:.3f} | {r:.3f} | {f:.3f} |",
           f"| rapidfuzz token_sort_ratio | {t:.2f} | {rp:.3f} | {rr:.3f} | {rf:.3f} |",
           f"| rapidfuzz token_sort_ratio | {rf_best:.2f} (best on this set) | {bp:.3f} | {br:.3f} | {bf:.3f} |", ""]
    # Recall by script, and the misses.
    own = {row[3] + "\t" + row[0]: (ours[i], theirs[i]) for i, (row, other) in enumerate(pairs) if row[0] == other}
    by_script = collections.defaultdict(list)
    for row in rows:
        by_script[row[2]].append(own[row[3] + "\t" + row[0]])
    out += [f"Recall by script (diligence and rapidfuzz at {t:.2f}):\n", "| script | spellings | diligence | rapidfuzz |", "|---|---|---|---|"]
    for script, scores in sorted(by_script.items()):
        out.append(f"| {script} | {len(scores)} | {sum(s >= t for s, _ in scores) / len(scores):.2f} | "
                   f"{sum(x >= t for _, x in scores) / len(scores):.2f} |")
    text = "\n".join(out)
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as handle:
            handle.write(f"{args.name}\t{len(pairs)}\t{p:.3f}\t{r:.3f}\t{f:.3f}\t{rp:.3f}\t{rr:.3f}\t{rf:.3f}\t{rf_best:.2f}\t{bp:.3f}\t{br:.3f}\t{bf:.3f}\n")
    print(f"\nmisses at {t:.2f}:", file=sys.stderr)
    for row in rows:
        score = own[row[3] + "\t" + row[0]][0]
        if score < t:
            print(f"  {score:.3f}  {row[2]:24} {row[3]}  ~  {row[1]}  [{by_query[row[3]]}]", file=sys.stderr)
    print(f"false positives at {t:.2f}:", file=sys.stderr)
    for (row, other), score, label in zip(pairs, ours, labels):
        if not label and score >= t:
            print(f"  {score:.3f}  {row[3]}  ~  {persons[other]}", file=sys.stderr)


if __name__ == "__main__":
    main()
