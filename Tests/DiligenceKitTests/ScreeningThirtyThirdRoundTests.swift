import Testing

@testable import DiligenceKit

/// Issue 16, thirty-third round: misses of a twelfth cross-script development set
/// (`cross-script-dev12.tsv`, sixteen persons none of the rules was written for). Chinese writes
/// common given names by convention, not by sound ("亚历山大·博尔特尼科夫" scored 0.35 against
/// BORTNIKOV, Alexander Vasilievich); "Франсуа Бозизе" 0.38 against BOZIZE, Francois (a French
/// "ç" and "oi" as heard); "Ραφαέλ Κάρο Κιντέρο" 0.48 against CARO QUINTERO, Rafael (Greek "ντ"
/// for "nt"); and "Soe", a Burmese given name, was read as a legal form (state-owned enterprise).
@Suite struct ScreeningThirtyThirdRoundTests {
    typealias Case = ScreeningThirtyFirstRoundArticleTests.Case

    static let found: [Case] = [
        // Given names as Chinese writes them by convention (`han-given-names.tsv`).
        Case(
            query: "亚历山大·博尔特尼科夫", listedName: "BORTNIKOV, Alexander Vasilievich",
            reason: "yalishanda ≈ alexander (the given name as Chinese writes it by convention, a weaker match)"),
        Case(query: "亞歷山大·博爾特尼科夫", listedName: "BORTNIKOV, Aleksandr", reason: "yalishanda ≈ aleksandr (the given name as Chinese"),
        Case(query: "乔治·索罗斯", listedName: "SOROS, George", reason: "qiaozhi ≈ george (the given name as Chinese"),
        Case(query: "胡安·奥兰多·埃尔南德斯", listedName: "HERNANDEZ, Juan Orlando", reason: "huan ≈ juan (the given name as Chinese"),
        // A French "ç" the list writes "c", and "oi", as Cyrillic and Greek hear them.
        Case(query: "Франсуа Бозизе", listedName: "BOZIZE, Francois", reason: "fransua ≈ francois (sounds alike)"),
        Case(query: "Франсоа Бозизе", listedName: "BOZIZE, Francois", reason: "fransoa ≈ francois (sounds alike)"),
        Case(query: "Φρανσουά Μποζιζέ", listedName: "BOZIZE, Francois", reason: "fransua ≈ francois (sounds alike)"),
        // Greek "ντ" and "μπ" for a listed "nt", "nd" and "mb".
        Case(query: "Ραφαέλ Κάρο Κιντέρο", listedName: "CARO QUINTERO, Rafael", reason: "kidhero ≈ quintero"),
        Case(query: "Μπόσκο Νταγκάντα", listedName: "NTAGANDA, Bosco", reason: "dagadha ≈ ntaganda"),
        // Bengali "জ" (j) for the "z" of a foreign name.
        Case(query: "সের্গেই চেমেজভ", listedName: "CHEMEZOV, Sergei", reason: "chemejav ≈ chemezov (1 edit"),
        Case(query: "আয়মান আল-জাওয়াহিরি", listedName: "ZAWAHIRI, Ayman", reason: "jwahiri ≈ zawahiri (1 edit"),
        Case(query: "হামিদ আজিজি", listedName: "AZIZI, Hamid", reason: "ajiji ≈ azizi"),
        // Soe is a name, not a legal form.
        Case(query: "Soe Htut", listedName: "HTUT, Soe", reason: "soe = soe"),
    ]

    /// Each name is found at the threshold, with the reason that shows how.
    @Test(arguments: found) func spellingsOfTheListedNameAreFound(_ item: Case) {
        ScreeningThirtyFirstRoundArticleTests.expectFound(item)
    }

    /// A conventional rendering stands for its own names only, and only in a dotted foreign
    /// name: 彼得 (Peter) is no Alexander; a Latin word spelt like a rendering's pinyin is no
    /// rendering.
    @Test(arguments: [
        ("彼得·博尔特尼科夫", "BORTNIKOV, Alexander"), ("Yuehan Smith", "SMITH, John"), ("Qiaozhi Soros", "SOROS, George"),
    ])
    func aRenderingIsNoOtherName(_ query: String, _ listedName: String) {
        let screener = NameScreener(entities: [listed("x", listedName)])
        let match = screener.screen(query, threshold: ScreeningHardCaseTests.threshold).first
        #expect(match == nil, "\(String(describing: match?.why))")
    }

    /// Every row of the table is read: each rendering, simplified and traditional, is found by
    /// the pinyin a query's word is read as, and stands for its first name.
    @Test func everyRenderingOfTheTableIsRead() throws {
        let table = try #require(HanGivenNames.standard)
        let (bytes, _) = try BuiltinResources.data("screening/han-given-names.tsv")
        let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.count >= 40)
        for row in rows {
            let columns = row.split(separator: "\t")
            let first = String(columns[2].split(separator: "|")[0])
            let key = try #require(NameNormalizer.standard.normalize(first).tokens.first?.key)
            for han in columns[0...1] {
                let reading = try #require(NameNormalizer.standard.normalize(han + "·" + han).tokens.first?.text)
                let place = table.index(of: Array(reading.utf8)[...])
                #expect(place >= 0 && table.names(place, contain: Array(key.utf8)[...]), "\(han) (\(reading)) is not read as \(first)")
            }
        }
    }

    /// A malformed row is a located error.
    @Test func aMalformedRowIsALocatedError() {
        #expect(throws: InputError.self) {
            try HanGivenNames(text: "# header\n约翰\tjohn\n", path: "t.tsv", pinyin: { _ in nil }, key: { _ in nil })
        }
    }

    /// "Soe" in a name makes no organisation of it: "Soe Htut" is not HTUT TRADING COMPANY
    /// LIMITED on one word, and a person named Soe is compared on both words.
    @Test func soeIsNoLegalForm() {
        let name = NameNormalizer.standard.normalize("WIN, Soe")
        #expect(name.legalForms.isEmpty)
        #expect(name.tokens.map(\.key).contains("soe"))
        let screener = NameScreener(entities: [listed("x", "HTUT TRADING COMPANY LIMITED", kind: .organisation)])
        #expect(screener.screen("Soe Htut", threshold: ScreeningHardCaseTests.threshold).isEmpty)
    }

    /// The Greek reading applies to a query written in Greek only, and to a nasal before a stop:
    /// Latin "Kidero" is no Quintero, and Greek "Καρο" is no "Carlo".
    @Test func theGreekStopsAreGreekOnly() {
        #expect(GreekNasalStop.stops(Array("kuintero".utf8)[...]).map { String(decoding: $0, as: UTF8.self) } == "kuidero")
        #expect(GreekNasalStop.stops(Array("lumumba".utf8)[...]).map { String(decoding: $0, as: UTF8.self) } == "lumuba")
        #expect(GreekNasalStop.stops(Array("carlo".utf8)[...]) == nil)
        let screener = NameScreener(entities: [listed("x", "QUINTERO, Rafael")])
        #expect(screener.screen("Rafael Kidero", threshold: ScreeningHardCaseTests.threshold).isEmpty)
    }

    /// A "j" is read "z" only where the listed word has a "z" within two places, and not in
    /// "jh"; under the candidate bound, the reading brings the listed word in.
    @Test func aJIsAZOnlyFacingAZ() {
        func respelled(_ text: String, _ listed: String) -> String? {
            JForZ.respelled(Array(text.utf8)[...], facing: Array(listed.utf8)[...]).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(respelled("bojije", "bozize") == "bozize")
        #expect(respelled("jamal", "kamal") == nil)
        #expect(respelled("jhaz", "zhaz") == nil)
        let others = (0..<40).map { listed("o\($0)", "HUSAIN\($0), Ahmad") }
        let screener = boundedScreener(others + [listed("x", "BOZIZE, Francois")])
        #expect(screener.screen("বোজিজে", threshold: 0.3).first?.entity.id == "x")
        // A typo on top of the respelling only from six letters: "অজয় দাস" (Ajay Das) is no Azam.
        #expect(NameScreener(entities: [listed("x", "AZAM, Amir")]).screen("অজয় দাস", threshold: ScreeningHardCaseTests.threshold).isEmpty)
    }

    /// A listed French word as heard: "ç" (written "c") before a final "ois", and a final "s",
    /// "t" or "x" after "oi", which French does not say.
    @Test func theFrenchReading() {
        func heard(_ word: String) -> String? { HeardLatin.reading(Array(word.utf8)[...]).map { String(decoding: $0, as: UTF8.self) } }
        #expect(heard("francois") == "fransoi")
        #expect(heard("francoise") == "fransoise")
        #expect(heard("benoit") == "benoi")
        #expect(heard("boris") == nil)
        #expect(HeardLatin.sameSounds(listed: Array("francois".utf8)[...], query: Array("franswa".utf8)[...]))
        #expect(!HeardLatin.sameSounds(listed: Array("francois".utf8)[...], query: Array("frankois".utf8)[...]))
    }
}
