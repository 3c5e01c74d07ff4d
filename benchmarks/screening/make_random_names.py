#!/usr/bin/env python3
"""Random person and company names from real name parts, for false positives per 10,000 names.

  make_random_names.py OUT [--count 10000] [--seed 7]
  make_random_names.py OUT --locale LOCALE [--count 1000] [--seed 7]

With --locale, person names of that locale only, in its script (given name and surname; for
ja_JP the kana readings joined by a middle dot, "カズヤ・ヤマダ", as Japanese writes names in
katakana): a false-alarm set for one script, so that a weaker match of that script's names
cannot hide in the mixed set.

Names come from Faker (PyPI `faker`, MIT licence), whose locale lists are real given names and
surnames of each country; 12 locales in turn, persons and companies in the ratio 3:1, in the
locale's script. None of them is meant to be a listed party: any match at the threshold is a
false alarm a compliance team would have to clear (some may be namesakes of listed persons,
which is the point of counting them).
"""
import argparse

from faker import Faker

LOCALES = ["en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "ru_RU", "uk_UA", "tr_TR", "ar_AA", "fa_IR", "zh_CN", "ko_KR"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--locale")
    args = parser.parse_args()
    if args.locale:
        fake = Faker(args.locale)
        fake.seed_instance(args.seed)
        with open(args.out, "w", encoding="utf-8") as handle:
            for _ in range(args.count):
                if args.locale == "ja_JP":
                    name = f"{fake.first_kana_name()}・{fake.last_kana_name()}"
                else:
                    name = f"{fake.first_name()} {fake.last_name()}"
                handle.write(" ".join(name.split()) + "\n")
        return
    fakers = []
    for index, locale in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(args.seed + index)
        fakers.append(fake)
    with open(args.out, "w", encoding="utf-8") as handle:
        for index in range(args.count):
            fake = fakers[index % len(fakers)]
            name = fake.company() if index % 4 == 3 else f"{fake.first_name()} {fake.last_name()}"
            handle.write(" ".join(name.split()) + "\n")


if __name__ == "__main__":
    main()
