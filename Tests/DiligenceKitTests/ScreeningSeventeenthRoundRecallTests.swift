import Testing

@testable import DiligenceKit

/// The seventeenth round's recall (recall12): Sino-Vietnamese readings (`SinoVietnamese`), found
/// on the cross-script development sets (`benchmarks/screening/cross-script-dev*.tsv`): a
/// Vietnamese name written in Han characters, and Chinese and Korean names written in Vietnamese by
/// the readings of their characters. Each case is a public person's name as a Wikipedia edition
/// titles it, against the list's spelling.
struct ScreeningSeventeenthRoundRecallTests {
    static let persons = [
        listed("TO-LAM", "TO, Lam"), listed("CHEN", "CHEN, Quanguo"), listed("WANG", "WANG, Junzheng"),
        listed("KIM", "KIM, Yong Chol"), listed("XIA", "XIA, Baolong"), listed("RI", "RI, Pyong Chol"),
        listed("LI", "LI, Shangfu"), listed("LUO", "LUO, Huining"),
    ]

    static var table: SinoVietnamese { get throws { try SinoVietnamese.builtin(syllables: true) } }

    /// The table reads each character of a name; a simplified and a traditional form read alike.
    @Test(arguments: [("苏林", "Tô Lâm", ["to", "lam"]), ("蘇林", "Tô Lâm", ["to", "lam"]), ("阮富仲", "Nguyễn Phú Trọng", ["nguyen", "phu", "trong"])])
    func hanNamesAreReadInVietnamese(written: String, read: String, words: [String]) throws {
        let reading = try #require(try Self.table.vietnamese(written))
        #expect(reading.written == read)
        #expect(reading.words == words)
    }

    /// A malformed line is reported at its line, every one at once.
    @Test func malformedLinesAreLocated() {
        #expect(throws: InputError.self) { try SinoVietnamese(text: "# note\nlâm\t林\nlâm\t林\tlin\nlam\tx\tlin\n", path: "t.tsv") }
        do {
            _ = try SinoVietnamese(text: "# note\nlâm\t林\nlâm\t林\tlin\nlam\tx\tlin\n", path: "t.tsv")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [2, 4])
        }
    }

    /// Only a name whose first character is a Vietnamese surname, two to four characters, is read:
    /// "习近平" (习 is Tập, no Vietnamese surname), one character, five.
    @Test(arguments: ["习近平", "林", "阮阮阮阮阮", "苏 Lin"])
    func otherHanNamesAreNotRead(written: String) throws {
        #expect(try Self.table.vietnamese(written) == nil)
    }

    /// A Vietnamese name is read back into the Mandarin syllables of its characters, the
    /// commonest first ("toàn" is 全 quan, and 旋 xuan), the given name as one word; into Korean by
    /// the Hanja table.
    @Test func vietnameseNamesAreReadAsTheirCharacters() throws {
        let table = try Self.table
        let chinese = table.chinese("Trần Toàn Quốc")
        #expect(chinese.first == "chen quanguo")
        #expect(chinese.count <= SinoVietnamese.maximumReadings)
        #expect(table.chinese("Tập Cận Bình").contains("xi jinping"))
        let hanja = try HanjaReading.builtin()
        #expect(table.korean("Kim Anh Triết", hanja: hanja).contains("김 영 철"))
        #expect(table.korean("Lý Bỉnh Triết", hanja: hanja).contains("리 병 철"))
    }

    /// A name is Vietnamese only with a letter no other Latin spelling has and every word a
    /// syllable of the table: "Tô Lâm" (French has ô and â) and "Ștefănescu" (Romanian ă) are not
    /// read; the tone mark may stand on either vowel and "lý" is "lí".
    @Test func onlyVietnameseSpellingsAreRead() throws {
        let table = try Self.table
        #expect(table.characters(of: "Tô Lâm") == nil)
        #expect(table.characters(of: "Ion Ștefănescu") == nil)
        #expect(table.characters(of: "Nguyễn Văn") != nil)
        #expect(SinoVietnamese.syllableKey("hoà") == SinoVietnamese.syllableKey("hòa"))
        #expect(SinoVietnamese.syllableKey("Lý") == SinoVietnamese.syllableKey("lí"))
        #expect(SinoVietnamese.syllableKey("lý") != SinoVietnamese.syllableKey("lỵ"))
    }

    /// Read so, the names match the list, and `why` says how they were read.
    @Test(arguments: [
        ("苏林", "read in Sino-Vietnamese, 苏林 → Tô Lâm: "),
        ("蘇林", "read in Sino-Vietnamese, 蘇林 → Tô Lâm: "),
        ("Trần Toàn Quốc", "read as the Chinese name of its characters, Trần Toàn Quốc → chen quanguo: "),
        ("Vương Quân Chính", "read as the Chinese name of its characters, Vương Quân Chính → wang junzheng: "),
        ("Hạ Bảo Long", "read as the Chinese name of its characters, Hạ Bảo Long → xia baolong: "),
        ("Lý Thượng Phúc", "read as the Chinese name of its characters, Lý Thượng Phúc → li shangfu: "),
        ("Lạc Huệ Ninh", "read as the Chinese name of its characters, Lạc Huệ Ninh → luo huining: "),
        ("Kim Anh Triết", "read as the Korean name of its characters, Kim Anh Triết → 김영철: "),
        ("Lý Bỉnh Triết", "read as the Korean name of its characters, Lý Bỉnh Triết → 리병철: "),
    ])
    func namesMatchTheList(query: String, reason: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, Self.persons)
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.hasPrefix(reason), "\(why)")
    }

    /// A reading is a guess among the characters a syllable stands for: only a listed person whose
    /// name it spells word for word is reported. "陈全国" read "Trần Toàn Quốc" is not near TRAN
    /// TOAN QUAN, an organisation's name spelt so is not reported, and without the rule the
    /// Chinese reading is what ICU gives.
    @Test func onlyExactPersonsAreReported() {
        let near = [listed("NEAR", "TRAN, Toan Quan"), listed("ORG", "TO LAM", kind: .organisation)]
        #expect(ScreeningHardCaseTests.best("陈全国", near).score < ScreeningHardCaseTests.threshold)
        let screener = NameScreener(entities: near)
        #expect(screener.screen("苏林", threshold: 0).allSatisfy { !$0.why.hasPrefix("read in Sino-Vietnamese") })
        #expect(screener.screen("苏林", threshold: 0).allSatisfy { $0.entity.id != "ORG" || $0.score < ScreeningHardCaseTests.threshold })
    }

    /// A reading is screened only when its words are the list's: with a list without "to" and
    /// "lam", none is made.
    @Test func readingsNeedTheListsWords() {
        let screener = NameScreener(entities: [listed("OTHER", "SMITH, John")])
        #expect(screener.sinoVietnameseReadings(of: ScreeningQuery("苏林")).isEmpty)
        let toLam = NameScreener(entities: Self.persons)
        #expect(toLam.sinoVietnameseReadings(of: ScreeningQuery("苏林")).map(\.name) == ["to lam"])
    }

    /// USA and UAE qualify an organisation's name as the countries' names do: "BELNEFTEKHIM USA,
    /// INC." (an OFAC entry of its own) is not BELNEFTEKHIM, and the why says so.
    @Test(arguments: [("BELNEFTEKHIM USA, INC.", "BELNEFTEKHIM", "usa"), ("Kavan Trading LLC UAE", "KAVAN TRADING LLC", "uae")])
    func countryAbbreviationsArePlaces(query: String, listedName: String, place: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("ORG", listedName, kind: .organisation)])
        #expect(why.contains("the name is qualified by \(place) (a place, counted in full)"), "\(why)")
        if place == "usa" { #expect(score < ScreeningHardCaseTests.threshold, "\(score) \(why)") }
    }

    /// Georgian's nominative ending on a foreign name is read off ("დეიფი" → "დეიფ"), on each word
    /// that ends in a consonant and "ი" and keeps three letters, a name's own final "i" too ("დელსი",
    /// Delcy: the name as written is screened as well); a word ending in a vowel and "ი", a word of
    /// three letters and a name in another script are left.
    @Test(arguments: [
        ("მუჰამად დეიფი", "მუჰამად დეიფ"), ("დელსი როდრიგესი", "დელს როდრიგეს"), ("ტო ლამი", "ტო ლამ"), ("კიმ ხი", nil),
        ("ბიძინა ივანიშვილი", "ბიძინა ივანიშვილ"), ("ნიკოლოზ ბარათაშვილიი", nil), ("Deif", nil),
    ])
    func georgianNominativeIsReadOff(written: String, read: String?) {
        #expect(GeorgianNominative.reading(of: written) == read)
    }

    /// Read so, Mohammed Deif as Georgian Wikipedia titles him ("deipi") matches the list; as
    /// written, "deipi" is no spelling of "Deif" and the name was not found.
    @Test func georgianNamesMatchTheList() {
        let query = "მუჰამად დეიფი"
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", "DEIF, Muhammed")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.hasPrefix("read without Georgian's nominative ending, \(query) → "), "\(why)")
    }
}
