#!/usr/bin/env python3
"""Writes Sources/DiligenceKit/Resources/screening/chinese-hangul.tsv: how Korean writes each Mandarin
syllable in Hangul, and the pinyin syllables it writes so.

  python3 benchmarks/screening/make_chinese_hangul.py > Sources/DiligenceKit/Resources/screening/chinese-hangul.tsv

The pinyin syllables are make_wade_giles.py's (those ICU's Han-Latin writes for the CJK Unified
Ideographs). Each is written in Hangul by the Korean standard for Chinese: the National Institute of
Korean Language's loanword orthography (외래어 표기법, Ministry of Education notice 85-11, 1986, and its
revisions), table 5 (중국어의 주음 부호와 한글 대조표) and chapter 3, section 4 (중국어의 표기): initials
b p m f d t n l g k h j q x zh ch sh r z c s as ㅂ ㅍ ㅁ ㅍ ㄷ ㅌ ㄴ ㄹ ㄱ ㅋ ㅎ ㅈ ㅊ ㅅ ㅈ ㅊ ㅅ ㄹ ㅉ ㅊ ㅆ;
finals a o e ai ei ao ou an en ang eng er ong as 아 오 어 아이 에이 아오 어우 안 언 앙 엉 얼 웅, i ia ie iao
iu ian in iang ing iong as 이 야 예 야오 유 옌 인 양 잉 융, u ua uo uai ui uan un uang as 우 와 워 와이 우이 완
운 왕, ü üe üan ün as 위 웨 위안 윈; zhi chi shi ri zi ci si as 즈 츠 스 르 쯔 츠 쓰; after ㅈ ㅉ ㅊ the
y-vowels are written plain (제2항: jia 자, jie 제, qiu 추, not 쟈 졔 츄); the finals without an initial as
written alone (yi 이, wu 우, yu 위, wei 웨이, wen 원, weng 웡). "陈全国" Chen Quanguo is 천취안궈 (chen, quan,
guo), "王君正" Wang Junzheng 왕쥔정, "习近平" 시진핑.

The Hangul spelling does not tell every pinyin syllable apart (ㅈ is j and zh, ㅊ q, ch and c, ㅍ p
and f, ㄹ l and r): such a line lists every pinyin syllable written so, the commoner sound in names first
(`ORDER`).

The third column says whether the spelling is a Sino-Korean syllable (`sino_korean`): a Hangul name
all of whose syllables are is read as Korean only ("예준", "이정수"); one with a syllable Korean names
are not made of ("궈", "쥔", "핑") or a spelling of two syllables ("취안", "타오") is a Chinese name too.
Needs the `hanja` package (pip install hanja==0.15.1), which is not shipped.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_wade_giles import PINYIN  # noqa: E402

INITIALS = {"b": 7, "p": 17, "m": 6, "f": 17, "d": 3, "t": 16, "n": 2, "l": 5, "g": 0, "k": 15, "h": 18, "j": 12,
            "q": 14, "x": 9, "zh": 12, "ch": 14, "sh": 9, "r": 5, "z": 13, "c": 14, "s": 10, "": 11}
VOWELS = {"a": 0, "ya": 2, "eo": 4, "e": 5, "yeo": 6, "ye": 7, "o": 8, "wa": 9, "yo": 12, "u": 13, "wo": 14,
          "we": 15, "wi": 16, "yu": 17, "eu": 18, "i": 20}
FINAL_CONSONANTS = {"": 0, "n": 4, "l": 8, "ng": 21}
# Each final as Hangul syllables without an initial: (vowel, final consonant), ...
FINALS = {
    "a": [("a", "")], "o": [("o", "")], "e": [("eo", "")], "ai": [("a", ""), ("i", "")], "ei": [("e", ""), ("i", "")],
    "ao": [("a", ""), ("o", "")], "ou": [("eo", ""), ("u", "")], "an": [("a", "n")], "en": [("eo", "n")],
    "ang": [("a", "ng")], "eng": [("eo", "ng")], "er": [("eo", "l")], "ong": [("u", "ng")],
    "i": [("i", "")], "ia": [("ya", "")], "ie": [("ye", "")], "iao": [("ya", ""), ("o", "")], "iu": [("yu", "")],
    "ian": [("ye", "n")], "in": [("i", "n")], "iang": [("ya", "ng")], "ing": [("i", "ng")], "iong": [("yu", "ng")],
    "u": [("u", "")], "ua": [("wa", "")], "uo": [("wo", "")], "uai": [("wa", ""), ("i", "")], "ui": [("u", ""), ("i", "")],
    "uan": [("wa", "n")], "un": [("u", "n")], "uang": [("wa", "ng")],
    "v": [("wi", "")], "ve": [("we", "")], "van": [("wi", ""), ("a", "n")], "vn": [("wi", "n")],
}
ALONE = {"yi": "i", "ya": "ia", "ye": "ie", "yao": "iao", "you": "iu", "yan": "ian", "yin": "in", "yang": "iang",
         "ying": "ing", "yong": "iong", "wu": "u", "wa": "ua", "wo": "uo", "wai": "uai", "wan": "uan", "wang": "uang",
         "yu": "v", "yue": "ve", "yuan": "van", "yun": "vn"}
ALONE_WRITTEN = {"wei": "웨이", "wen": "원", "weng": "웡"}
PLAIN = {"ya": "a", "ye": "e", "yeo": "eo", "yo": "o", "yu": "u"}


def syllable(initial, vowel, final=""):
    return chr(0xAC00 + (initial * 21 + VOWELS[vowel]) * 28 + FINAL_CONSONANTS[final])


def hangul(pinyin):
    if pinyin in ALONE_WRITTEN:
        return ALONE_WRITTEN[pinyin]
    initial, rest = "", ALONE.get(pinyin, pinyin)
    if pinyin not in ALONE:
        for candidate in ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s"):
            if pinyin.startswith(candidate):
                initial, rest = candidate, pinyin[len(candidate):]
                break
    if initial in ("j", "q", "x") and rest.startswith("u"):
        rest = "v" + rest[1:]
    if initial in ("n", "l") and rest in ("ue",):
        rest = "ve"
    if initial in ("zh", "ch", "sh", "r", "z", "c", "s") and rest == "i":
        return syllable(INITIALS[initial], "eu")
    if rest not in FINALS:
        return None
    parts = [list(part) for part in FINALS[rest]]
    if INITIALS[initial] in (12, 13, 14):
        parts[0][0] = PLAIN.get(parts[0][0], parts[0][0])
    return syllable(INITIALS[initial], *parts[0]) + "".join(syllable(11, *part) for part in parts[1:])


# Where Hangul writes several syllables alike, the commoner sound in names first: zh, ch, sh
# before j, q, x and z, c, s ("천": chen, cen); l before r; f before p.
ORDER = ["zh", "ch", "sh", "j", "q", "x", "l", "f", "b", "p", "m", "d", "t", "n", "g", "k", "h", "r", "z", "c", "s"]


def preference(pinyin):
    for rank, initial in enumerate(ORDER):
        if pinyin.startswith(initial):
            return rank
    return len(ORDER)


def sino_korean():
    """The Hangul syllables that some Han character is read as in Korean: the readings of the Unicode Han
    Database (Unihan, field kHangul), as the PyPI package `hanja` (0.15.1) tabulates them (read only)."""
    import hanja.table

    return {reading for reading in hanja.table.hanja_table.values() if len(reading) == 1}


def main():
    written = {}
    for pinyin in PINYIN:
        form = hangul(pinyin)
        if form:
            written.setdefault(form, []).append(pinyin)
    print("# Mandarin syllables as Korean writes them in Hangul, and their pinyin (made by")
    print("# benchmarks/screening/make_chinese_hangul.py, which cites the Korean standard it follows).")
    print("# Read by Screening/ChineseHangul.swift. Columns: Hangul, pinyin syllables (space-separated), K when")
    print("# the Hangul is one syllable that a Han character is read as in Korean (a Sino-Korean syllable, of which")
    print("# Korean names are made) and - otherwise.")
    korean = sino_korean()
    for form in sorted(written):
        print(f"{form}\t{' '.join(sorted(written[form], key=preference))}\t{'K' if form in korean else '-'}")


if __name__ == "__main__":
    main()
