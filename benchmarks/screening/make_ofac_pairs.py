#!/usr/bin/env python3
"""Labelled pairs derived from the real OFAC files, with no pair written by hand.

  make_ofac_pairs.py OFAC_DIR --pairs-out PAIRS.tsv --alt-out ALT.csv [--positives N] [--negatives N] [--seed S]
                     [--exclude-pairs OTHER.tsv ...] [--split-name NAME] [--kinds person,organisation,vessel]

- Positives: an entry's alias (any alt.csv row of type aka, fka or nka whose text differs from
  the entry's name), one per sampled entry, held out: ALT.csv is alt.csv without those rows,
  and the list screened against is imported from sdn.csv and ALT.csv. Every kind of alias is
  kept (spellings, translations, acronyms, former names): this is OFAC's notion of the same
  entity, not ours.
- Hard negatives: a sampled entry's name against the *other* entry whose names are most
  similar to it (rapidfuzz token_set_ratio over all names and aliases, ties by entry number).
  Pairs whose names are identical after lower-casing and removing punctuation are left out and
  counted: no name matcher can tell them apart.

Each pair carries the split it belongs to, `dev` or `test`, by a hash of the entity id of the
query's entry, so every pair of an entry is on one side. Tune on dev; score test once a release.
A second, held-out set (twenty-fifth round, `ofac-pairs-dev2.tsv` of run.sh): `--exclude-pairs`
leaves out every entry of another set's pairs (the entries of its positives and negatives, and
the entries named by its queries), so no entry of that set, whose errors were read while tuning,
is in this one (repeat it to leave out several sets: the thirty-fourth round's organisation set,
`ofac-pairs-dev3.tsv`, leaves out both earlier sets); `--split-name` gives every pair that split (all of it dev); `--kinds` keeps the
entries of those kinds (the public benchmark's people, companies and vessels).

Output: label<TAB>category<TAB>query<TAB>entity<TAB>listed name<TAB>split (category: alias-KIND
or nearest-KIND, KIND person/organisation/vessel/aircraft).
"""
import argparse
import collections
import csv
import hashlib
import random
import re
import sys

from rapidfuzz import fuzz, process, utils

KINDS = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}


def split_of(ent_num):
    return "dev" if hashlib.sha1(f"US-OFAC-SDN-{ent_num}".encode()).digest()[0] % 2 == 0 else "test"


def plain(name):
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.lower()).split())


def excluded_entries(path, entries):
    """Every entry of a pairs file: the entity of each pair, and the entries whose name is a
    query (a nearest pair's query is its sampled entry's name)."""
    by_name = collections.defaultdict(set)
    for ent, (name, _) in entries.items():
        by_name[name].add(ent)
    excluded = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            columns = line.rstrip("\n").split("\t")
            excluded.add(columns[3].removeprefix("US-OFAC-SDN-"))
            excluded |= by_name.get(columns[2], set())
    return excluded


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ofac")
    parser.add_argument("--pairs-out", required=True)
    parser.add_argument("--alt-out", required=True)
    parser.add_argument("--positives", type=int, default=1200)
    parser.add_argument("--negatives", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--exclude-pairs", action="append", default=[],
                        help="leave out every entry of this pairs file (repeat for several files)")
    parser.add_argument("--split-name", help="every pair of this split (default: dev or test by entry)")
    parser.add_argument("--kinds", help="only entries of these kinds, comma-separated")
    args = parser.parse_args()

    entries = {}
    with open(f"{args.ofac}/sdn.csv", encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) == 12:
                entries[row[0]] = (row[1].replace("\n", " ").strip(), KINDS.get(row[2].strip(), "organisation"))
    aliases = collections.defaultdict(list)
    alt_rows = []
    with open(f"{args.ofac}/alt.csv", encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            alt_rows.append(row)
            if len(row) == 5 and row[0] in entries:
                aliases[row[0]].append((row[1], row[3].replace("\n", " ").strip()))

    excluded = set()
    for path in args.exclude_pairs:
        excluded |= excluded_entries(path, entries)
    kinds = set(args.kinds.split(",")) if args.kinds else None

    def sampled(ent):
        return ent not in excluded and (kinds is None or entries[ent][1] in kinds)

    def side(ent):
        return args.split_name or split_of(ent)

    rng = random.Random(args.seed)
    pairs = []
    held_out = set()
    with_alias = sorted((e for e in aliases if sampled(e) and any(plain(a) != plain(entries[e][0]) for _, a in aliases[e])), key=int)
    for ent in rng.sample(with_alias, min(args.positives, len(with_alias))):
        name, kind = entries[ent]
        choices = [(alt, text) for alt, text in aliases[ent] if plain(text) != plain(name)]
        alt, text = rng.choice(choices)
        held_out.add(alt)
        pairs.append((1, f"alias-{kind}", text, f"US-OFAC-SDN-{ent}", name, side(ent)))

    # Every name and alias still listed, for the nearest other entry.
    listed = [(ent, entries[ent][0]) for ent in sorted(entries, key=int)]
    listed += [(ent, text) for ent in sorted(aliases, key=int) for alt, text in aliases[ent] if alt not in held_out]
    choices = [utils.default_process(text) for _, text in listed]
    owners = [ent for ent, _ in listed]
    identical = 0
    pool = sorted((e for e in entries if sampled(e)), key=int)
    sample = rng.sample(pool, min(args.negatives * 2, len(pool)))
    negatives = 0
    for ent in sample:
        if negatives >= args.negatives:
            break
        name, kind = entries[ent]
        query = utils.default_process(name)
        best = None
        for choice, score, index in process.extract(query, choices, scorer=fuzz.token_set_ratio, processor=None, limit=40):
            other = owners[index]
            if other == ent:
                continue
            key = (-score, int(other))
            if best is None or key < best[0]:
                best = (key, other, listed[index][1])
        if best is None:
            continue
        _, other, other_name = best
        if plain(other_name) == plain(name):
            identical += 1
            continue
        pairs.append((0, f"nearest-{kind}", name, f"US-OFAC-SDN-{other}", entries[other][0], side(ent)))
        negatives += 1

    with open(args.pairs_out, "w", encoding="utf-8") as handle:
        handle.write(f"# make_ofac_pairs.py seed {args.seed}: {len(pairs)} pairs from sdn.csv + alt.csv "
                     f"({identical} nearest pairs with identical names left out)\n")
        for pair in pairs:
            handle.write("\t".join(str(x) for x in pair) + "\n")
    with open(args.alt_out, "w", encoding="latin-1", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for row in alt_rows:
            # Rows of five fields only (the DOS end-of-file mark of alt.csv is left out).
            if len(row) == 5 and row[1] not in held_out:
                writer.writerow(row)
    print(f"{len(pairs)} pairs, {len(held_out)} aliases held out, {identical} identical-name negatives left out", file=sys.stderr)


if __name__ == "__main__":
    main()
