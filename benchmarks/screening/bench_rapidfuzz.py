#!/usr/bin/env python3
"""The rapidfuzz side of the speed benchmark: every query against every list name with
`process.cdist(scorer=fuzz.token_sort_ratio, workers=2)`, brute force, on the normalised strings
diligence itself compares (its Latin forms: transliterated, lower-case, no diacritics, with
rapidfuzz's default processor applied once before timing).

  bench_rapidfuzz.py QUERIES.tsv LIST.tsv CUTOFF   (the first column of `diligence-bench normalize`)

Prints the names per second and the number of query/name pairs at or above the cutoff. Queries
are processed in blocks of 1,000 rows so that the score matrix stays small (uint8).
"""
import sys
import time

import numpy as np
from rapidfuzz import fuzz, process, utils


def load(path):
    with open(path, encoding="utf-8") as handle:
        return [utils.default_process(line.rstrip("\n").split("\t")[0]) for line in handle if line.strip()]


def main():
    queries, choices, cutoff = load(sys.argv[1]), load(sys.argv[2]), int(float(sys.argv[3]) * 100)
    start = time.perf_counter()
    hits = 0
    for block in range(0, len(queries), 1000):
        scores = process.cdist(queries[block:block + 1000], choices, scorer=fuzz.token_sort_ratio, processor=None,
                               score_cutoff=cutoff, dtype=np.uint8, workers=2)
        hits += int(np.count_nonzero(scores))
    elapsed = time.perf_counter() - start
    print(f"rapidfuzz: {len(queries)} names x {len(choices)} list names in {elapsed:.2f} s = {len(queries) / elapsed:.0f} names/s; "
          f"{hits} pairs >= {cutoff}")


if __name__ == "__main__":
    main()
