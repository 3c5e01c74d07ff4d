#!/usr/bin/env python3
"""Regenerates Sources/DiligenceKit/Resources/country-names.tsv: the names the world writes
countries by, beyond the short names and alternatives of countries.tsv.

Sources:
- ISO 3166-1 from Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-1.json, the data
  pycountry ships too): each country's `name`, `official_name` and `common_name`, and the forms
  derived from them that UN/M49 and the data publishers write: "Iran, Islamic Republic of" also
  as "Iran (Islamic Republic of)" and "Islamic Republic of Iran"; a leading or inverted "The"
  dropped ("Congo, Democratic Republic of the"); "Saint" as "St." and "St"; "and" as "&".
- CURATED below: the United Nations M49 English names that no rule derives, and the spellings
  of ACLED, Access Now STOP and OFAC's SDN remarks (each line says whose), checked against the
  files in ../shared/data (STOP 2020, OFAC SDN 2024-05-03).

Run from the repository root: python3 scripts/make-country-names.py
"""
import json
import re
import sys
import unicodedata

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
BASE = "Sources/DiligenceKit/Resources/countries.tsv"
OUT = "Sources/DiligenceKit/Resources/country-names.tsv"

# (code, name, whose spelling)
CURATED = [
    # United Nations M49 (unstats.un.org/unsd/methodology/m49) names not derived from ISO's.
    ("BO", "Bolivia (Plurinational State of)", "UN M49"),
    ("GB", "United Kingdom of Great Britain and Northern Ireland", "UN M49"),
    ("HK", "China, Hong Kong Special Administrative Region", "UN M49"),
    ("MO", "China, Macao Special Administrative Region", "UN M49"),
    ("NL", "Netherlands (Kingdom of the)", "UN M49"),
    ("PS", "State of Palestine", "UN M49"),
    ("VI", "United States Virgin Islands", "UN M49"),
    ("VG", "British Virgin Islands", "UN M49"),
    ("WF", "Wallis and Futuna Islands", "UN M49"),
    ("MF", "Saint Martin (French Part)", "UN M49"),
    ("SX", "Sint Maarten (Dutch part)", "UN M49"),
    ("VA", "Holy See", "UN M49"),
    ("FK", "Falkland Islands (Malvinas)", "UN M49"),
    ("CG", "Congo (Republic of the)", "UN M49 style"),
    # ACLED's country names.
    ("CD", "Democratic Republic of Congo", "ACLED"),
    ("CG", "Republic of Congo", "ACLED"),
    ("SZ", "eSwatini", "ACLED"),
    ("SZ", "Swaziland", "ACLED, former name"),
    ("CZ", "Czech Republic", "ACLED"),
    ("CV", "Cape Verde", "ACLED"),
    ("TL", "East Timor", "ACLED"),
    ("VA", "Vatican City", "ACLED"),
    ("BQ", "Caribbean Netherlands", "ACLED"),
    ("BQ", "Bonaire, Saint Eustatius and Saba", "ACLED"),
    ("BL", "Saint-Barthelemy", "ACLED"),
    ("MF", "Saint-Martin", "ACLED"),
    ("VI", "Virgin Islands, U.S.", "ACLED"),
    ("MK", "Macedonia", "ACLED, former name"),
    ("MM", "Burma", "OFAC and ACLED"),
    ("FM", "Micronesia", "ACLED"),
    ("PS", "Palestine", "ACLED"),
    ("XK", "Kosovo", "ACLED and OFAC"),
    # Access Now STOP's spellings (UN style; the 2020 export's are all derived or in countries.tsv).
    ("KR", "Korea (Republic of)", "Access Now STOP, UN style"),
    # OFAC SDN remarks ("nationality X", "citizen X", vessel flags).
    ("PS", "Palestinian", "OFAC SDN remarks: nationality Palestinian"),
    ("MK", "North Macedonia, The Republic of", "OFAC SDN remarks"),
    ("GM", "The Gambia", "OFAC SDN remarks"),
    ("GM", "Gambia, The", "OFAC"),
    ("BS", "Bahamas, The", "OFAC"),
    ("BS", "The Bahamas", "OFAC"),
    ("KP", "Korea, North", "OFAC SDN remarks"),
    ("KR", "Korea, South", "OFAC SDN remarks"),
    ("CD", "Congo, Democratic Republic of the", "OFAC"),
    ("CG", "Congo, Republic of the", "OFAC"),
    ("IM", "Man, Isle of", "OFAC SDN remarks"),
    ("VG", "Virgin Islands, British", "OFAC SDN remarks"),
    ("MO", "Macau", "OFAC"),
    ("CW", "Curacao", "OFAC"),
    ("SX", "Sint Maarten", "OFAC"),
    ("RU", "Russia", "OFAC"),
]


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.sub(r"[\s_\-\u2010\u2013\u2014]+", " ", text).split())


def derived(name):
    out = {name}
    for form in list(out):
        if form.lower().startswith("the "):
            out.add(form[4:])
    for form in list(out):
        if ", " in form:
            head, tail = form.split(", ", 1)
            tails = {tail}
            if tail.lower().startswith("the "):
                tails.add(tail[4:])
            for t in tails:
                out.add(f"{head}, {t}")
                out.add(f"{head} ({t})")
                # "Islamic Republic of" + "Iran"; "Democratic Republic of the" + "Congo"
                out.add(f"{t} {head}")
    for form in list(out):
        if form.startswith("Saint "):
            out.add("St. " + form[6:])
            out.add("St " + form[6:])
    for form in list(out):
        if " and " in form:
            out.add(form.replace(" and ", " & "))
    return out


def main():
    base = {}
    known = {}
    for line in open(BASE, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        base[cols[0]] = cols[1]
        names = [cols[1]] + (cols[2].split("|") if len(cols) > 2 and cols[2] else [])
        for n in names:
            known[fold(n)] = cols[0]
    lines = []
    added = dict(known)
    problems = []

    def add(code, name, whose):
        if code not in base:
            problems.append(f"{name}: code {code} is not in countries.tsv")
            return
        key = fold(name)
        if key in added:
            if added[key] != code:
                problems.append(f"{name}: {code} and {added[key]}")
            return
        added[key] = code
        lines.append(f"{code}\t{name}\t{whose}")

    for entry in json.load(open(ISO, encoding="utf-8"))["3166-1"]:
        code = entry["alpha_2"]
        for field in ("name", "official_name", "common_name"):
            if field in entry:
                for form in sorted(derived(entry[field])):
                    add(code, form, "ISO 3166-1 " + field.replace("_", " ") + (" (derived form)" if form != entry[field] else ""))
    for code, name, whose in CURATED:
        for form in sorted(derived(name)):
            add(code, form, whose + (" (derived form)" if form != name else ""))
    if problems:
        sys.exit("\n".join(problems))
    lines.sort(key=lambda l: (l.split("\t")[0], fold(l.split("\t")[1])))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Country names as the world writes them, beyond countries.tsv: CODE<TAB>name<TAB>whose spelling.\n")
        f.write("# Generated by scripts/make-country-names.py (do not edit by hand; add spellings to its CURATED list).\n")
        f.write("# Sources: ISO 3166-1 names, official names and common names from Debian iso-codes 4.15\n")
        f.write("# (/usr/share/iso-codes/json/iso_3166-1.json; the same data pycountry ships; LGPL-2.1+ data of the\n")
        f.write("# iso-codes project, names as published by the ISO 3166 Maintenance Agency), the forms derived from them\n")
        f.write("# (\"Iran (Islamic Republic of)\", \"Congo, Democratic Republic of the\", \"St. Lucia\"), United Nations M49\n")
        f.write("# English names, and the spellings of ACLED, Access Now STOP and OFAC's SDN remarks.\n")
        for l in lines:
            f.write(l + "\n")
    print(f"{OUT}: {len(lines)} names")


main()
