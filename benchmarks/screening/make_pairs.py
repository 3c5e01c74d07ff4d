#!/usr/bin/env python3
"""Builds the labelled name-screening evaluation set and the speed-benchmark names from the
OFAC SDN files (sdn.csv of 2024-05-03, alt.csv), deterministically (fixed seed, sorted input).

Writes:
  pairs.tsv        label, category, query, entity id, the entity's primary name (one pair a line)
  --alt-out FILE   alt.csv without the aliases held out as queries (the evaluation list is
                   sdn.csv + this file, so a held-out alias is never in the list it is screened against)
  --queries-out F  20,000 names for the speed benchmark, one a line

A pair is positive when the query names the entity (a spelling of one of its names) and negative
when it names someone or something else. Positives come from OFAC's own alias groups (held-out
spelling variants) and from perturbations of listed names (Cyrillic and Arabic script, other
transliterations, word order, typos, initials, missing middle names, legal forms); negatives are
hard: other listed persons with the same surname, other listed organisations sharing words,
listed names with their distinctive word swapped, and unlisted people (the Belarusian opposition
figures of the source articles) against the listed names closest to theirs.

Usage: make_pairs.py OFAC_DIR --pairs-out pairs.tsv [--alt-out alt-eval.csv] [--queries-out names.txt]
"""
import argparse
import collections
import csv
import difflib
import io
import random
import re
import sys

SEED = 20240503
LEGAL = {
    "llc", "ltd", "limited", "liability", "company", "co", "inc", "corp", "corporation", "gmbh", "sa", "sarl", "srl",
    "jsc", "ojsc", "cjsc", "pjsc", "ooo", "zao", "oao", "pao", "ao", "plc", "lda", "ltda", "fze", "fzco", "joint",
    "stock", "public", "private", "pvt", "pte", "bv", "nv", "ag", "as", "cia", "de", "the", "of", "and", "sociedad",
    "anonima", "cv", "rl", "spr", "en", "y", "la", "el", "del", "for",
}


def words(name):
    return [w for w in re.split(r"[^a-z0-9]+", name.lower()) if w]


def core(name):
    return [w for w in words(name) if w not in LEGAL and len(w) >= 2]


def similar(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def is_spelling_variant(alias, names):
    """Each word of the shorter name has a distinct counterpart in the longer one (difflib >= 0.6),
    and the two are not the same after lower-casing: another spelling, not another name."""
    a = core(alias)
    if not a:
        return False
    for name in names:
        b = core(name)
        if not b or sorted(a) == sorted(b):
            continue
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        if len(short) < max(1, len(long_) - 1):
            continue
        free = list(long_)
        ok = True
        for word in short:
            best = max(free, key=lambda other: similar(word, other), default=None)
            if best is None or similar(word, best) < 0.6:
                ok = False
                break
            free.remove(best)
        if ok:
            return True
    return False


# --- Scripts ---------------------------------------------------------------------------------

CYRILLIC = [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
            ("ye", "е"), ("yo", "ё"), ("iy", "ий"), ("yy", "ый"), ("ay", "ай"), ("ey", "ей"), ("oy", "ой"), ("uy", "уй"),
            ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"),
            ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
            ("f", "ф"), ("h", "х"), ("x", "кс"), ("w", "в"), ("c", "ц"), ("j", "й"), ("q", "к"), ("y", "ы")]
ARABIC = [("sh", "ش"), ("kh", "خ"), ("th", "ث"), ("dh", "ذ"), ("gh", "غ"), ("aa", "ا"), ("ee", "ي"), ("oo", "و"),
          ("ou", "و"), ("b", "ب"), ("t", "ت"), ("j", "ج"), ("h", "ح"), ("d", "د"), ("r", "ر"), ("z", "ز"), ("s", "س"),
          ("f", "ف"), ("q", "ق"), ("k", "ك"), ("l", "ل"), ("m", "م"), ("n", "ن"), ("w", "و"), ("y", "ي"), ("g", "ج"),
          ("p", "ب"), ("v", "ف"), ("c", "ك"), ("x", "كس")]


def to_script(word, table, vowels_dropped=False):
    out, i, lower = "", 0, word.lower()
    while i < len(lower):
        if vowels_dropped and lower[i] in "aeiou":
            # Arabic writes long vowels and the first one; short vowels are not written.
            if i == 0:
                out += "ا" if lower[i] in "ae" else ("إ" if lower[i] == "i" else "أ")
            elif lower[i] in "iu" and i + 1 < len(lower) and lower[i + 1] not in "aeiou" and i > 0 and lower[i - 1] not in "aeiou" and i == len(lower) - 2:
                out += "ي" if lower[i] == "i" else "و"
            i += 1
            continue
        for latin, letter in table:
            if lower.startswith(latin, i):
                out += letter
                i += len(latin)
                break
        else:
            i += 1
    return out


def cyrillic(name):
    parts = split_person(name)
    if parts is None:
        return None
    last, given = parts
    text = [to_script(w, CYRILLIC) for w in last + given]
    caps = [t.upper() for t in text[: len(last)]] + [t[:1].upper() + t[1:] for t in text[len(last):]]
    return " ".join(caps)


def arabic(name):
    parts = split_person(name)
    if parts is None:
        return None
    last, given = parts
    out = []
    for w in given + last:
        if w.lower() == "al":
            continue
        prefix = "ال" if w.lower().startswith("al-") else ""
        out.append(prefix + to_script(w.lower().removeprefix("al-"), ARABIC, vowels_dropped=True))
    return " ".join(out) if all(out) else None


# --- Latin perturbations ---------------------------------------------------------------------

VARIANTS = [("kh", "h"), ("iy", "y"), ("yev", "ev"), ("ye", "e"), ("ya", "ia"), ("yu", "iu"), ("ks", "x"), ("x", "ks"),
            ("ou", "u"), ("w", "v"), ("v", "w"), ("j", "dj"), ("dzh", "j"), ("ii", "i"), ("ei", "ey"), ("y", "i"),
            ("mohammed", "muhammad"), ("mohammad", "muhammad"), ("muhammad", "mohamed"), ("ahmed", "ahmad"),
            ("abdul", "abd al"), ("al-", "el "), ("ph", "f"), ("q", "k"), ("ch", "tch"), ("sh", "sch"), ("ts", "tz")]


def split_person(name):
    """("LAST", "First Middle") → ([last words], [given words]); None without a comma."""
    if name.count(",") != 1:
        return None
    last, given = name.split(",")
    last_words, given_words = last.split(), given.split()
    if not last_words or not given_words:
        return None
    return last_words, given_words


def transliterate(name, rnd):
    lower = name.lower()
    options = [(a, b) for a, b in VARIANTS if a in lower]
    if not options:
        return None
    rnd.shuffle(options)
    changed = lower
    for a, b in options[: rnd.choice([1, 2])]:
        changed = changed.replace(a, b, 1)
    return title_case(changed) if changed != lower else None


def title_case(text):
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def typo(name, rnd, edits=1):
    chars = list(name)
    positions = [i for i, c in enumerate(chars) if c.isalpha()]
    candidates = [i for i in positions if 0 < i < len(chars) - 1 and chars[i - 1].isalpha() and chars[i + 1].isalpha()]
    if len(candidates) < 4:
        return None
    for _ in range(edits):
        i = rnd.choice(candidates)
        kind = rnd.choice(["sub", "del", "swap", "ins"])
        letter = rnd.choice("aeioulnrstkm")
        if kind == "sub":
            chars[i] = letter.upper() if chars[i].isupper() else letter
        elif kind == "del":
            chars[i] = ""
        elif kind == "swap" and chars[i + 1]:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = chars[i] + (letter.upper() if chars[i].isupper() else letter)
        candidates = [c for c in candidates if abs(c - i) > 2] or candidates
    return "".join(chars)


# --- Reading the files -----------------------------------------------------------------------

def read_ofac(folder):
    with open(f"{folder}/sdn.csv", encoding="latin-1", newline="") as handle:
        sdn = [row for row in csv.reader(handle) if len(row) == 12]
    with open(f"{folder}/alt.csv", encoding="latin-1", newline="") as handle:
        raw_alt = handle.read().replace("\x1a", "")
    alt_lines = [line for line in raw_alt.split("\n") if line.strip()]
    alt = [(line, next(csv.reader([line]))) for line in alt_lines]
    entities = {}
    for row in sdn:
        kind = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}.get(row[2].strip(), "organisation")
        entities[row[0]] = {"id": f"US-OFAC-SDN-{row[0]}", "name": row[1], "kind": kind, "program": row[3],
                            "aliases": [], "alias_rows": []}
    for line, fields in alt:
        if len(fields) == 5 and fields[0] in entities:
            entities[fields[0]]["aliases"].append(fields[3])
            entities[fields[0]]["alias_rows"].append((fields[1], fields[3]))
    return entities, alt


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ofac")
    parser.add_argument("--pairs-out", required=True)
    parser.add_argument("--alt-out")
    parser.add_argument("--queries-out")
    args = parser.parse_args()

    rnd = random.Random(SEED)
    entities, alt = read_ofac(args.ofac)
    keys = sorted(entities, key=int)
    persons = [k for k in keys if entities[k]["kind"] == "person" and split_person(entities[k]["name"])]
    orgs = [k for k in keys if entities[k]["kind"] == "organisation" and len(core(entities[k]["name"])) >= 2]
    pairs = []
    used_queries = set()

    def add(label, category, query, key):
        query = " ".join(query.split())
        if not query or (query, key) in used_queries:
            return False
        used_queries.add((query, key))
        pairs.append((label, category, query, entities[key]["id"], entities[key]["name"]))
        return True

    # Positives 1: held-out spelling variants from OFAC's alias groups.
    held_out = set()
    alias_keys = [k for k in keys if entities[k]["alias_rows"]]
    rnd.shuffle(alias_keys)
    counts = collections.Counter()
    for key in alias_keys:
        entity = entities[key]
        category = "alias-person" if entity["kind"] == "person" else "alias-organisation"
        if entity["kind"] in ("vessel", "aircraft") or counts[category] >= (150 if category == "alias-person" else 70):
            continue
        for alt_num, alias in entity["alias_rows"]:
            others = [entity["name"]] + [a for n, a in entity["alias_rows"] if n != alt_num]
            if is_spelling_variant(alias, others):
                held_out.add(alt_num)
                add(1, category, alias, key)
                counts[category] += 1
                break

    # Positives 2: perturbations of listed names.
    def sample(pool, count):
        chosen = list(pool)
        rnd.shuffle(chosen)
        return chosen[:count]

    slavic = [k for k in persons if re.search(r"RUSSIA|BELARUS|UKRAINE|CAATSA|CYBER|MAGNIT", entities[k]["program"])]
    arab = [k for k in persons if re.search(r"SDGT|SYRIA|IRAQ|LIBYA|YEMEN|LEBANON|HIZBALLAH|IRAN", entities[k]["program"])]
    for key in sample(slavic, 90):
        text = cyrillic(entities[key]["name"])
        if text:
            add(1, "cyrillic", text, key)
    for key in sample(arab, 40):
        text = arabic(entities[key]["name"])
        if text:
            add(1, "arabic-script", text, key)
    for key in sample(persons, 70):
        last, given = split_person(entities[key]["name"])
        order = rnd.choice(["given-last", "last-given", "shuffled"])
        words_ = given + last if order == "given-last" else (last + given if order == "last-given" else rnd.sample(given + last, len(given + last)))
        add(1, "word-order", title_case(" ".join(words_).lower()), key)
    for key in sample(slavic + arab, 80):
        text = transliterate(entities[key]["name"], rnd)
        if text:
            add(1, "transliteration", text, key)
    for key in sample(persons + orgs, 80):
        text = typo(entities[key]["name"], rnd)
        if text and text != entities[key]["name"]:
            add(1, "typo", text, key)
    for key in sample(persons, 40):
        text = typo(entities[key]["name"], rnd, edits=2)
        if text and text != entities[key]["name"]:
            add(1, "typo-2", text, key)
    for key in sample([k for k in persons if len(split_person(entities[k]["name"])[1]) >= 1], 50):
        last, given = split_person(entities[key]["name"])
        if len(given) >= 2 and rnd.random() < 0.5:
            text = f"{given[0]} {given[1][0]}. {' '.join(last)}"
        else:
            text = f"{given[0][0]}. {' '.join(given[1:])} {' '.join(last)}"
        add(1, "initials", text, key)
    for key in sample([k for k in persons if len(split_person(entities[k]["name"])[1]) >= 2], 70):
        last, given = split_person(entities[key]["name"])
        add(1, "missing-middle-name", f"{given[0]} {' '.join(last)}", key)
    for key in sample(orgs, 50):
        name = entities[key]["name"]
        swapped = re.sub(r"\b(LIMITED LIABILITY COMPANY|LLC|LTD\.?|LIMITED|CO\.?,? LTD\.?|COMPANY|INC\.?|GMBH|S\.A\.|JSC|OOO|FZE|CORPORATION)\b",
                         lambda m: rnd.choice(["LLC", "Ltd", "", "Limited", "OOO", "Co."]), name, count=1)
        if swapped == name:
            swapped = name + " " + rnd.choice(["LLC", "Ltd", "Company", "GmbH"])
        add(1, "legal-form", swapped.title() if rnd.random() < 0.5 else swapped, key)
    for key in sample(slavic, 30):
        last, given = split_person(entities[key]["name"])
        text = transliterate(f"{given[0]} {' '.join(last)}", rnd) or f"{given[0]} {' '.join(last)}"
        add(1, "combined", typo(text, rnd) if rnd.random() < 0.5 else text, key)

    # Negatives 1: other listed persons with the same surname (family members, namesakes).
    by_surname = collections.defaultdict(list)
    for key in persons:
        last, _ = split_person(entities[key]["name"])
        by_surname[" ".join(last).lower()].append(key)
    families = [group for surname, group in sorted(by_surname.items()) if len(group) >= 2]
    rnd.shuffle(families)
    for group in families:
        if counts["shared-surname"] >= 170:
            break
        a, b = group[0], group[1]
        given_a = " ".join(split_person(entities[a]["name"])[1]).lower()
        given_b = " ".join(split_person(entities[b]["name"])[1]).lower()
        if similar(given_a, given_b) < 0.5 and not (set(words(given_a)) & set(words(given_b))):
            if add(0, "shared-surname", entities[a]["name"], b):
                counts["shared-surname"] += 1

    # Negatives 2: other listed organisations sharing two or more words.
    by_word = collections.defaultdict(list)
    for key in orgs:
        for word in set(core(entities[key]["name"])):
            if len(word) >= 3:
                by_word[word].append(key)
    org_pairs = []
    for key in orgs:
        mine = set(core(entities[key]["name"]))
        shared = collections.Counter(other for word in mine for other in by_word[word] if other != key and len(by_word[word]) < 400)
        for other, count in sorted(shared.items()):
            theirs = set(core(entities[other]["name"]))
            if count >= 2 and mine != theirs:
                only_mine, only_theirs = mine - theirs, theirs - mine
                if only_mine and only_theirs and max(similar(a, b) for a in only_mine for b in only_theirs) < 0.6:
                    org_pairs.append((key, other))
    rnd.shuffle(org_pairs)
    for a, b in org_pairs[:170]:
        add(0, "organisations-sharing-words", entities[a]["name"], b)

    # Negatives 3: a listed name with its distinctive word swapped ("Minsk Fuel Trading LLC").
    places = ["MINSK", "HOMEL", "BREST", "BAMAKO", "MAPUTO", "PEMBA", "OSLO", "RIGA", "VILNIUS", "TALLINN", "WARSAW", "KYIV",
              "ODESA", "SOFIA", "LISBON", "NAIROBI", "DAKAR", "ACCRA", "LIMA", "QUITO"]
    for key in sample(orgs, 80):
        tokens = core(entities[key]["name"])
        distinctive = max(tokens, key=lambda w: (len(by_word.get(w, [])) == 1, len(w)))
        if len(tokens) < 2:
            continue
        swapped = re.sub(r"\b" + re.escape(distinctive) + r"\b", rnd.choice(places), entities[key]["name"].lower(), count=1, flags=re.I)
        add(0, "distinctive-word-swapped", swapped.upper(), key)
    for key in sample(persons, 60):
        last, given = split_person(entities[key]["name"])
        other = entities[rnd.choice(persons)]
        other_last, _ = split_person(other["name"])
        if similar(" ".join(other_last).lower(), " ".join(last).lower()) < 0.5:
            add(0, "same-given-names-other-surname", f"{' '.join(given)} {' '.join(other_last).title()}", key)

    # Negatives 4: unlisted people against the listed persons whose names are closest to theirs.
    unlisted = ["Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski", "Viktar Babaryka", "Maria Kalesnikava", "Pavel Latushka",
                "Valery Tsapkala", "Volha Kavalkova", "Maksim Znak", "Ales Bialiatski", "Eduard Babaryka", "Alexei Navalny",
                "Yulia Navalnaya", "Svetlana Tikhanovskaya", "Viktor Babariko", "Mariya Kolesnikova", "Vadzim Babaryka",
                "Andrei Sannikov", "Mikola Statkevich", "Stsiapan Putsila", "Raman Pratasevich"]
    person_names = [(k, core(entities[k]["name"])) for k in persons]
    for name in unlisted:
        mine = core(name)
        ranked = sorted(person_names, key=lambda item: -max((similar(a, b) for a in mine for b in item[1]), default=0))
        for key, _ in ranked[:3]:
            add(0, "unlisted-person", name, key)

    pairs.sort(key=lambda p: (-p[0], p[1], p[3], p[2]))
    with open(args.pairs_out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# label\tcategory\tquery\tentity\tlisted name  (make_pairs.py, seed %d; 1 = the query names the entity)\n" % SEED)
        for label, category, query, entity, listed in pairs:
            out.write(f"{label}\t{category}\t{query}\t{entity}\t{listed}\n")
    totals = collections.Counter((p[0], p[1]) for p in pairs)
    print(f"{len(pairs)} pairs: {sum(1 for p in pairs if p[0] == 1)} positive, {sum(1 for p in pairs if p[0] == 0)} negative; "
          f"{len(held_out)} aliases held out", file=sys.stderr)
    for (label, category), count in sorted(totals.items()):
        print(f"  {label} {category}: {count}", file=sys.stderr)

    if args.alt_out:
        with open(args.alt_out, "w", encoding="latin-1", newline="") as out:
            for line, fields in alt:
                if len(fields) == 5 and fields[1] in held_out:
                    continue
                out.write(line + "\n")

    if args.queries_out:
        # 20,000 names: perturbed listed names and unlisted combinations of listed words.
        names = []
        all_keys = persons + orgs
        given_pool = sorted({w for k in persons for w in split_person(entities[k]["name"])[1]})
        last_pool = sorted({" ".join(split_person(entities[k]["name"])[0]) for k in persons})
        org_words = sorted({w for k in orgs for w in core(entities[k]["name"])})
        while len(names) < 20_000:
            roll = rnd.random()
            if roll < 0.35:
                key = rnd.choice(all_keys)
                name = entities[key]["name"]
                names.append(typo(name, rnd) or name)
            elif roll < 0.45:
                key = rnd.choice(slavic)
                names.append(cyrillic(entities[key]["name"]) or entities[key]["name"])
            elif roll < 0.75:
                names.append(f"{rnd.choice(given_pool)} {rnd.choice(given_pool)} {rnd.choice(last_pool)}".title())
            else:
                names.append(" ".join(rnd.sample(org_words, 3)).title() + " " + rnd.choice(["LLC", "Ltd", "GmbH", "SA", "Trading Co."]))
        with open(args.queries_out, "w", encoding="utf-8", newline="\n") as out:
            out.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main()
