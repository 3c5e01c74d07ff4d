import Testing

@testable import DiligenceKit

/// The fifteenth round's scripts: Arab names written in Chinese, Japanese, Korean and Thai with
/// the article or "Abd" joined to a word, or an opening title (`ArabicNameParts`), found on the
/// cross-script development sets (`benchmarks/screening/cross-script-dev*.tsv`). Each case is a
/// public person's name as a Wikipedia edition titles it, against the list's spelling.
struct ScreeningFifteenthRoundScriptTests {
    static let arabs = [
        listed("HOUTHI", "AL HOUTHI, Abdul Malik"), listed("HAJIZADEH", "HAJIZADEH, Amir Ali"),
        listed("QADHAFI", "QADHAFI, Saif al-Islam"), listed("BAGHDADI", "AL-BAGHDADI, Abu Bakr"),
        listed("AZIZ", "ABDUL AZIZ, Mohammed"),
    ]

    /// The article and "Abd" are split off the word they open, in the script's forms; an opening
    /// title is left out.
    @Test(arguments: [
        ("อับดุลมะลิก อัลฮูซี", "Abdul มะลิก al ฮูซี", "Thai"),
        ("압둘말리크 알후티", "Abdul 말리크 al 후티", "Korean"),
        ("阿卜杜勒-马利克·胡塞", "Abdul·马利克·胡塞", "Chinese"),
        ("サイフ・アル=イスラーム・カッザーフィー", "サイフ·al·イスラーム·カッザーフィー", "Japanese"),
        ("阿米尔·阿里·哈吉扎德", "阿里·哈吉扎德", "Chinese"),
        ("아미르 알리 하지자데", "알리 하지자데", "Korean"),
    ])
    func articlesAndTitlesAreRead(written: String, read: String, script: String) throws {
        let reading = try #require(ArabicNameParts.reading(of: written))
        #expect(reading.name == read)
        #expect(reading.script == script)
    }

    /// Words that only look so are left whole: "알리" (Ali) is no "al" + "리", Thai "อับดุลลาห์" is
    /// Abdullah, a Latin name and a Chinese name without those forms are not read.
    @Test(arguments: ["알리 샴하니", "อับดุลลาห์ อาลี", "Abdul Malik al-Houthi", "习近平", "アリー・マムルーク"])
    func otherWordsAreLeftWhole(written: String) {
        #expect(ArabicNameParts.reading(of: written) == nil)
    }

    /// Read apart, the names match, and `why` says how they were read. (The Thai name's
    /// romanised words are the listed words written as one, "abdulmalik" and "alhusi": since the
    /// thirtieth round they reach the listed name as written, `NameScreener.splitJoins`.)
    @Test(arguments: [
        ("อับดุลมะลิก อัลฮูซี", "abdulmalik = abdul malik (written as one word), alhusi = al houthi (written as one word)"),
        ("압둘말리크 알후티", "read as an Arab name written in Korean, 압둘말리크 알후티 → Abdul 말리크 al 후티: "),
        ("阿米尔·阿里·哈吉扎德", "read as an Arab name written in Chinese, 阿米尔·阿里·哈吉扎德 → 阿里·哈吉扎德: "),
        ("アミール・アリー・ハージーザーデ", "read as an Arab name written in Japanese, アミール・アリー・ハージーザーデ → アリー·ハージーザーデ: "),
        ("アル＝バグダーディー・アブー・バクル", "read as an Arab name written in Japanese"),
    ])
    func arabNamesMatchTheList(query: String, reason: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, Self.arabs)
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.hasPrefix(reason), "\(why)")
    }

    /// A split article's reading matches only a listed name with an article or "Abd": "アルベルト"
    /// (Alberto) read "al ベルト" does not make BERTO a match.
    @Test func splitArticlesNeedAnArticleInTheListedName() {
        let screener = NameScreener(entities: [listed("BERTO", "BERTO, Rosa")])
        #expect(screener.arabicReading(of: ScreeningQuery("ローザ・アルベルト")) != nil)
        #expect(screener.screen("ローザ・アルベルト", threshold: 0).allSatisfy { !$0.why.hasPrefix("read as an Arab name") })
    }

    /// Each word is compared only with the forms that start with its first character: every
    /// form is listed there, in the order of `parts`, so the first that fits is the same.
    @Test func theFormsByFirstCharacterHoldEveryFormInOrder() throws {
        let index = ArabicNameParts.partsByFirstCharacter
        #expect(index.values.reduce(0) { $0 + $1.count } == ArabicNameParts.parts.count)
        for (first, forms) in index {
            var positions: [Int] = []
            for form in forms {
                #expect(form.written.first == first)
                positions.append(
                    try #require(
                        ArabicNameParts.parts.firstIndex {
                            $0.written == form.written && $0.latin == form.latin && $0.script == form.script && $0.kind == form.kind
                        }))
            }
            #expect(positions == positions.sorted())
        }
    }
}
