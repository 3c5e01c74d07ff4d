import Testing

@testable import DiligenceKit

/// Issue 16, thirty-first round: the Arabic article and the final ta marbuta in names written in
/// Arabic script (`ArabicArticle`). "عبد الملك الحوثي" scored 0 against AL HOUTHI, Abdul Malik;
/// "أسامة بن لادن" 0.30 against BIN LADIN, Usama; "محمد الضيف" 0.25 against DEIF, Muhammed.
@Suite struct ScreeningThirtyFirstRoundArticleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var listedName: String
        var reason: String
        var testDescription: String { "\(query) ~ \(listedName)" }
    }

    static let found: [Case] = [
        // "عبد" and the article: one name, its vowel as heard ("Abdul"), the name after it another.
        Case(query: "عبد الملك الحوثي", listedName: "AL HOUTHI, Abdul Malik", reason: "bdal ≈ abdul (sounds alike)"),
        Case(query: "عبدالقدیر خان", listedName: "KHAN, Abdul Qadeer", reason: "qdir ≈ qadeer (sounds alike)"),
        Case(query: "عبد القادر بن صالح", listedName: "BEN SALAH, Abdelkader", reason: "bdal qadr = abdelkader (written as two words)"),
        Case(query: "فهد بن عبد العزيز آل سعود", listedName: "AL SAUD, Fahd bin Abdulaziz", reason: "bdal ziz = abdulaziz (written as two words)"),
        // Allah's name stays one word with "عبد": Abdullah, its article's vowel heard "u".
        Case(query: "علي عبد الله صالح", listedName: "SALEH, Ali Abdullah", reason: "bdallh ≈ abdullah (sounds alike)"),
        // The article's "l" said as the sun letter after it: Abdurrahman.
        Case(query: "عبد الرحمن الحسيني", listedName: "AL-HUSAYNI, Abdurrahman", reason: "bdal rhmn = abdurrahman (written as two words)"),
        // The article opening a word: left out, or a word of its own.
        Case(query: "محمد الضيف", listedName: "DEIF, Muhammed", reason: "aldif ≈ deif (sounds alike)"),
        // A name ending in ta marbuta, in Arabic, Persian and Urdu: its final vowel.
        Case(query: "أسامة بن لادن", listedName: "BIN LADIN, Usama", reason: "asamh ≈ usama (sounds alike)"),
        Case(query: "اسامہ بن لادن", listedName: "BIN LADIN, Usama", reason: "asamh ≈ usama (sounds alike)"),
        Case(query: "فاطمة الزهراء", listedName: "AL-ZAHRA, Fatima", reason: "fatmh ≈ fatima (sounds alike)"),
        // The article inside a compound name: "-uddin".
        Case(query: "قلب الدين حكمتيار", listedName: "HEKMATYAR, Gulbuddin", reason: "qlb aldin = gulbuddin (written as two words)"),
        Case(query: "أحمد شمس الدين", listedName: "SHAMSUDDIN, Ahmad", reason: "shms aldin = shamsuddin (written as two words)"),
    ]

    /// Yeh and waw writing the vowels of a Spanish, Italian or Hausa name: two of them for one
    /// Latin run of vowels ("يو" for "io"), and the word found by its sound without them.
    static let vowelLetters: [Case] = [
        Case(query: "ديوسدادو كابيو", listedName: "CABELLO RONDON, Diosdado", reason: "dywsdadu ≈ diosdado (sounds alike)"),
        Case(query: "خوليو أنطونيو", listedName: "ANTONIO, Julio", reason: "antunyw ≈ antonio (sounds alike)"),
        Case(query: "أبو بكر شيكاو", listedName: "SHEKAU, Abubakar", reason: "shikaw ≈ shekau (sounds alike)"),
        Case(query: "روساريو موريو", listedName: "MURILLO, Rosario", reason: "rusaryw ≈ rosario (sounds alike)"),
    ]

    /// Each name is found at the threshold, with the reason that shows how.
    @Test(arguments: found + vowelLetters) func arabicScriptNamesWithTheArticleAreFound(_ item: Case) {
        Self.expectFound(item)
    }

    /// Expects the case's query to match its listed name (beside another) at the threshold,
    /// with its reason in the why.
    static func expectFound(_ item: Case) {
        let screener = NameScreener(entities: [listed("x", item.listedName), listed("other", "HADDAD, Karim")])
        let match = screener.screen(item.query, threshold: ScreeningHardCaseTests.threshold).first
        #expect(match?.entity.id == "x", "\(String(describing: match?.why))")
        #expect(match?.why.contains(item.reason) == true, "\(String(describing: match?.why))")
    }

    /// With the candidate bound on (as on the full list), the article and the final heh still
    /// bring the listed name in.
    @Test func theListedNameIsACandidateUnderTheBound() {
        let others = (0..<40).map { listed("o\($0)", "MUHAMMAD\($0), Ahmad") }
        let screener = boundedScreener(others + [listed("deif", "DEIF, Muhammed"), listed("usama", "LADIN, Usama")])
        #expect(screener.screen("الضيف", threshold: 0.5).first?.entity.id == "deif")
        #expect(screener.screen("أسامة لادن", threshold: ScreeningHardCaseTests.threshold).first?.entity.id == "usama")
        #expect(screener.screen("محمد الضيف", threshold: ScreeningHardCaseTests.threshold).first?.entity.id == "deif")
    }

    /// "عبد" and the article are one word, the name after them another; Allah's name is not cut.
    @Test(arguments: [
        ("عبد القدير", ["bdal", "qdir"]), ("عبدالقدير", ["bdal", "qdir"]), ("عبد الله", ["bdallh"]), ("عبدالله", ["bdallh"]),
        ("عبد العزيز", ["bdal", "ziz"]),
    ])
    func abdAndTheArticleAreOneWord(_ query: String, _ texts: [String]) {
        let name = NameNormalizer.standard.normalize(query)
        #expect(name.tokens.map(\.text) == texts)
        #expect(name.tokens.first?.abjadLetters.contains(.abdArticle) == true)
    }

    /// What the letters say: the opening article (not Allah's alef and lam), the final heh after
    /// a consonant (not after a long vowel: "شاه", Shah).
    @Test func theLettersOfTheArticleAndTheFinalHeh() {
        #expect(AbjadLetters(of: "الحوثي").contains(.openingArticle))
        #expect(!AbjadLetters(of: "الله").contains(.openingArticle))
        #expect(AbjadLetters(of: "نصرالله").contains(.innerArticle))
        #expect(!AbjadLetters(of: "خالد").contains(.innerArticle))
        #expect(AbjadLetters(of: "أسامة").contains(.finalHeh))
        #expect(!AbjadLetters(of: "شاه").contains(.finalHeh))
        #expect(AbjadLetters(of: "אסף").isDisjoint(with: [.openingArticle, .finalHeh]))
    }

    /// The readings stay distinct: the article's vowel is any vowel only inside the compound,
    /// the final heh a vowel only against a Latin word that ends in one, and a word is read
    /// without its article only when it opens with it.
    @Test(arguments: [
        ("عبد الله", "ABDUL MALIK, Ahmad"), ("أسامة", "USAM, Ahmad"), ("محمد الضيف", "DAFA, Muhammed"),
    ])
    func otherNamesStayOther(_ query: String, _ listedName: String) {
        let screener = NameScreener(entities: [listed("x", listedName)])
        let match = screener.screen(query, threshold: ScreeningHardCaseTests.threshold).first
        #expect(match == nil, "\(String(describing: match?.why))")
    }
}
