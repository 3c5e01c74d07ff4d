#!/usr/bin/env python3
"""Scores `diligence db draft` against seeds/ (docs/drafting.md has the method).

Usage: score.py ARTICLES_FILE DILIGENCE WORK_FOLDER

Splits the seeds' article file into its five articles (each starts two lines before its
"Posted on in ..." line, at its title), drafts each with the publication date and country of
articles.tsv, and compares the drafts with the reference rows of reference.tsv, whose dates and
coordinates are read from seeds/ itself. Prints, per article and overall:

- dated events: the share of reference dates the draft proposes with the same date and precision
  (`2020-03` is not `2020-03-05`);
- places: the share of reference places the draft geocodes within 10 km;
- invented: proposals whose quote is not a sentence of the article, whose date expression is not
  in its quote, or whose place name is not in the article.
"""
import math
import os
import re
import subprocess
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.replace("’", "'").lower()).strip()


def table(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def split_articles(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    starts = [i - 2 for i, line in enumerate(lines) if line.startswith("Posted on in ")]
    articles = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        articles.append("\n".join(lines[start:end]).strip() + "\n")
    return articles


def seeds_factors():
    factors = {}
    folder = os.path.join(ROOT, "seeds", "factors")
    for name in sorted(os.listdir(folder)):
        data = yaml.load(open(os.path.join(folder, name), encoding="utf-8"), Loader=yaml.BaseLoader)
        factors[data["id"]] = data
    return factors


def reference(factors):
    events, places = {}, {}
    for article, what, factor_id, key in table("reference.tsv"):
        factor = factors.get(factor_id)
        if factor is None:
            sys.exit(f"reference.tsv: no factor {factor_id} in seeds/")
        if what == "event":
            if not any(event["date"] == key for event in factor.get("events", [])):
                sys.exit(f"reference.tsv: {factor_id} has no event dated {key}")
            events.setdefault(int(article), set()).add(key)
        else:
            found = [p for p in factor.get("areas", []) + factor.get("targets", []) + factor.get("events", [])
                     if (p.get("name") or p.get("place")) == key and "lat" in p]
            if not found:
                sys.exit(f"reference.tsv: {factor_id} has no located place {key}")
            places.setdefault(int(article), {})[key] = (float(found[0]["lat"]), float(found[0]["lon"]))
    return events, places


def distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


EVENT = re.compile(r"^\s+- date: (\S+)  # review: from “(.*?)” \((day|month|year) precision")


def read_draft(path):
    """The draft's events (date, expression, quote) and geocoded places (name, lat, lon)."""
    text = open(path, encoding="utf-8").read()
    data = yaml.load(text, Loader=yaml.BaseLoader)
    lines = text.split("\n")
    events = []
    for i, line in enumerate(lines):
        match = EVENT.match(line)
        if match:
            what = next(l for l in lines[i + 1:i + 4] if l.strip().startswith("what:"))
            quote = yaml.load("x: " + what.strip()[len("what: "):].split('"  # review')[0] + '"', Loader=yaml.BaseLoader)["x"]
            events.append((match.group(1), match.group(2), match.group(3), quote))
    places = []
    for factor in data["factors"]:
        for item in factor.get("areas", []) + factor.get("targets", []) + factor.get("events", []):
            if "lat" in item:
                places.append((item.get("name") or item.get("place"), float(item["lat"]), float(item["lon"])))
    quotes = [r["quote"] for f in data["factors"] for r in f.get("references", [])]
    # The spelling the article uses, where the gazetteer's name differs ("# the article writes ...").
    written = {}
    for i, line in enumerate(lines[1:], 1):
        note = re.match(r"^\s+# the article writes (.*)$", line)
        name = re.match(r'^\s+(?:- )?(?:name|place): "(.*)"$', lines[i - 1])
        if note and name:
            written[name.group(1)] = note.group(1)
    places = [(written.get(name, name), lat, lon) for name, lat, lon in places]
    return events, places, quotes


def main():
    articles_file, diligence, work = sys.argv[1:4]
    factors = seeds_factors()
    ref_events, ref_places = reference(factors)
    texts = split_articles(articles_file)
    settings = table("articles.tsv")
    if len(texts) != len(settings):
        sys.exit(f"{articles_file}: {len(texts)} articles, articles.tsv lists {len(settings)}")
    totals = dict(events=0, events_found=0, places=0, places_found=0, invented_dates=0, invented_places=0,
                  extra_dates=0, extra_places=0)
    print(f"{'article':<8} {'events':>9} {'recall':>7} {'places':>7} {'recall':>7} {'invented':>9} {'extra dates':>12} {'extra places':>13}")
    for (number, published, country, title), text in zip(settings, texts):
        number = int(number)
        if not text.startswith(title):
            sys.exit(f"article {number} does not start with its title {title!r}")
        article_path = os.path.join(work, f"article-{number}.txt")
        draft_path = os.path.join(work, f"article-{number}.yaml")
        open(article_path, "w", encoding="utf-8").write(text)
        run = subprocess.run([diligence, "db", "draft", article_path, "--country", country, "--published", published,
                              "--source", "MS Risk Blog", "--output", draft_path], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"article {number}: db draft failed ({run.returncode}): {run.stderr}")
        events, places, quotes = read_draft(draft_path)
        folded_text = fold(text)
        invented_dates = sum(1 for date, expression, _, quote in events
                             if fold(quote) not in folded_text or expression not in quote)
        invented_dates += sum(1 for quote in quotes if fold(quote) not in folded_text)
        invented_places = sum(1 for name, _, _ in places if fold(name) not in folded_text)
        proposed_dates = {date for date, _, _, _ in events}
        wanted = ref_events.get(number, set())
        found_dates = wanted & proposed_dates
        wanted_places = ref_places.get(number, {})
        found_places = {name for name, point in wanted_places.items()
                        if any(distance_km(point, (lat, lon)) <= 10 and set(fold(p).split()) & set(fold(name).replace(",", " ").replace("(", " ").replace(")", " ").split())
                               for p, lat, lon in places)}
        extra_places = {p for p, lat, lon in places
                        if not any(distance_km(point, (lat, lon)) <= 10 for point in wanted_places.values())}
        totals["events"] += len(wanted)
        totals["events_found"] += len(found_dates)
        totals["places"] += len(wanted_places)
        totals["places_found"] += len(found_places)
        totals["invented_dates"] += invented_dates
        totals["invented_places"] += invented_places
        totals["extra_dates"] += len(proposed_dates - wanted)
        totals["extra_places"] += len(extra_places)
        recall = len(found_dates) / len(wanted) if wanted else 1.0
        place_recall = len(found_places) / len(wanted_places) if wanted_places else 1.0
        print(f"{number:<8} {len(found_dates):>4}/{len(wanted):<4} {recall:>7.2f} {len(found_places):>3}/{len(wanted_places):<3} {place_recall:>7.2f} "
              f"{invented_dates + invented_places:>9} {len(proposed_dates - wanted):>12} {len(extra_places):>13}")
        missed = sorted(wanted - proposed_dates)
        if missed:
            print(f"         missed dates: {', '.join(missed)}")
        missed_places = sorted(set(wanted_places) - found_places)
        if missed_places:
            print(f"         missed places: {', '.join(missed_places)}")
    recall = totals["events_found"] / totals["events"]
    place_recall = totals["places_found"] / totals["places"]
    print(f"{'overall':<8} {totals['events_found']:>4}/{totals['events']:<4} {recall:>7.2f} {totals['places_found']:>3}/{totals['places']:<3} {place_recall:>7.2f} "
          f"{totals['invented_dates'] + totals['invented_places']:>9} {totals['extra_dates']:>12} {totals['extra_places']:>13}")
    print(f"dated events recall {recall:.2f} (target 0.80); places within 10 km recall {place_recall:.2f} (target 0.90); "
          f"invented dates {totals['invented_dates']}, invented places {totals['invented_places']} (target 0)")
    ok = recall >= 0.8 and place_recall >= 0.9 and totals["invented_dates"] == 0 and totals["invented_places"] == 0
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
