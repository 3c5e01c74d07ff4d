#!/usr/bin/env python3
"""Writes Sources/DiligenceKit/Resources/screening/wade-giles.tsv: each Wade-Giles syllable (ASCII,
umlauts dropped, aspiration written with an apostrophe) and its pinyin syllable.

  python3 benchmarks/screening/make_wade_giles.py > Sources/DiligenceKit/Resources/screening/wade-giles.tsv

The pinyin syllables are those ICU's Han-Latin writes for the CJK Unified Ideographs (U+4E00-U+9FFF),
diacritics dropped; each is written in Wade-Giles by the correspondences of the Library of Congress's
conversion tables ("Pinyin/Wade-Giles conversion table", Library of Congress Pinyin Conversion
Project, 2000; public domain), as rules: initials b/p/d/t/g/k/z/c/zh/ch/r/j/q/x -> p/p'/t/t'/k/k'/ts/ts'/ch/ch'/j/ch/ch'/hs,
finals -ong -> -ung, -ian -> -ien, -ie -> -ieh, -ue -> -ueh, zhi/chi/shi/ri -> chih/ch'ih/shih/jih,
zi/ci/si -> tzu/tz'u/ssu, ge/ke/he -> ko/k'o/ho, duo/tuo/nuo/luo/zuo/cuo/suo/ruo/zhuo/chuo -> to/t'o/no/lo/tso/ts'o/so/jo/cho/ch'o,
gui/kui -> kuei/k'uei, er -> erh, yi -> i, ye -> yeh, you -> yu, yan -> yen, yong -> yung.
Where two pinyin syllables have one Wade-Giles form once umlauts are dropped (chu: zhu and ju), the
first in pinyin order of the non-umlaut reading is kept (zhu).
"""
PINYIN = """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo""".split()

WHOLE = {"zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tz'u", "si": "ssu",
         "er": "erh", "e": "o", "ye": "yeh", "yi": "i", "you": "yu", "yan": "yen", "yong": "yung", "yue": "yueh",
         "ge": "ko", "ke": "k'o", "he": "ho", "duo": "to", "tuo": "t'o", "nuo": "no", "luo": "lo", "zuo": "tso",
         "cuo": "ts'o", "suo": "so", "ruo": "jo", "zhuo": "cho", "chuo": "ch'o", "gui": "kuei", "kui": "k'uei"}
INITIALS = [("zh", "ch"), ("ch", "ch'"), ("sh", "sh"), ("b", "p"), ("p", "p'"), ("d", "t"), ("t", "t'"), ("g", "k"),
            ("k", "k'"), ("z", "ts"), ("c", "ts'"), ("r", "j"), ("j", "ch"), ("q", "ch'"), ("x", "hs"),
            ("f", "f"), ("h", "h"), ("l", "l"), ("m", "m"), ("n", "n"), ("s", "s"), ("w", "w"), ("y", "y")]
UMLAUT = {"ju", "qu", "xu", "juan", "quan", "xuan", "jun", "qun", "xun", "jue", "que", "xue", "lue", "nue", "yu", "yuan", "yun", "yue"}


def wade_giles(syllable):
    if syllable in WHOLE:
        return WHOLE[syllable]
    initial, rest = "", syllable
    for pinyin, wade in INITIALS:
        if syllable.startswith(pinyin):
            initial, rest = wade, syllable[len(pinyin):]
            break
    for old, new in (("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("ue", "ueh")):
        if rest.endswith(old):
            rest = rest[: -len(old)] + new
            break
    return initial + rest


def main():
    table = {}
    for syllable in sorted(PINYIN, key=lambda s: (s in UMLAUT, s)):
        table.setdefault(wade_giles(syllable), syllable)
    print("# Wade-Giles syllables and their pinyin (made by benchmarks/screening/make_wade_giles.py, which cites")
    print("# the Library of Congress conversion tables it follows). Read by Screening/WadeGiles.swift.")
    for wade, pinyin in sorted(table.items()):
        print(f"{wade}\t{pinyin}")


if __name__ == "__main__":
    main()
