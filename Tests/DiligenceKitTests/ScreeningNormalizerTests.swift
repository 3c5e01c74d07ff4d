import Foundation
import Testing

@testable import DiligenceKit

/// Name normalisation: transliteration, reading order, token classes and spelling folds.
@Suite struct ScreeningNormalizerTests {
    let normalizer = NameNormalizer.standard

    /// Spellings of one name that must fold to the same tokens.
    @Test(arguments: [
        // Cyrillic (BGN/PCGN) and the Latin transliterations lists use.
        ("Александр Григорьевич Лукашенко", "Aleksandr Grigoryevich Lukashenko"),
        ("Aleksandr Grigoryevich Lukashenko", "Aleksandr Grigorievich Lukashenko"),
        ("Аляксандр Лукашэнка", "Aliaksandr Lukashenka"),
        ("Аляксандр Лукашэнка", "Alyaksandr Lukashenka"),
        ("Володимир Зеленський", "Volodymyr Zelenskyy"),
        // Greek, diacritics, case and typographic apostrophes.
        ("Αλέξης Τσίπρας", "Alexis Tsipras"),
        ("Société Générale", "SOCIETE GENERALE"),
        ("Jürgen Müller", "Jurgen Muller"),
        ("Straße", "Strasse"),
        ("Col. Assimi Goïta", "Assimi Goita"),
        ("O’Brien-Smith", "OBrien Smith"),
        // Legal forms, articles and titles are set aside, in any script.
        ("Minsk Fuel Trading LLC", "Minsk Fuel Trading"),
        ("OOO Белтелеком", "Белтелеком"),
        ("ООО Белтелеком", "Белтелеком"),
        ("PRIVATE MILITARY COMPANY 'WAGNER'", "PMC Wagner"),
        ("Частная военная компания «Вагнер»", "ЧВК Вагнер"),
        ("ЧВК Вагнер", "Wagner"),
        ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU 'ALFA'", "Alfa LLC"),
        ("The Bank of Mali PLC", "Bank Mali"),
        ("Acme Pty Ltd", "Acme"),
        ("Dupont S.A.R.L.", "Dupont"),
        ("Kattegat Foder A/S", "Kattegat Foder"),
        ("Mr Alexander Petrov", "Alexander Petrov"),
        ("President Lukashenko", "Lukashenko"),
        // Word order: "LAST, First" and the surname in capitals.
        ("LUKASHENKA, Alyaksandr", "Alyaksandr Lukashenka"),
        ("ЛУКАШЕНКО Александр", "Aleksandr Lukashenko"),
    ])
    func spellingsFoldToTheSameTokens(name: String, same: String) {
        #expect(Set(NameNormalizer.tokens(name)) == Set(NameNormalizer.tokens(same)))
        #expect(!NameNormalizer.tokens(name).isEmpty)
    }

    @Test(arguments: [
        ("Alexander Grigorievich Lukashenko", 3),
        ("Minsk Fuel Trading LLC", 3),
        ("OOO Белтелеком", 1),
        ("PRIVATE MILITARY COMPANY 'WAGNER'", 1),
        ("The Bank of Mali PLC", 2),
        ("Jean-Pierre Dupont S.A.R.L.", 3),
        ("Minsk Fuel Trading L.L.C.", 3),
        ("Banque Atlantique S.A., Bamako", 3),
    ])
    func tokensAreSplitOnPunctuationAndSpaces(name: String, count: Int) {
        #expect(NameNormalizer.tokens(name).count == count)
    }

    @Test func tokensAreLatinLowerCaseWithoutDiacritics() {
        #expect(NameNormalizer.tokens("Лукашенко") == NameNormalizer.tokens("lukashenko"))
        #expect(NameNormalizer.tokens("Goïta").allSatisfy { $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } })
        #expect(NameNormalizer.latinLower("Société Générale") == "societe generale")
    }

    @Test(arguments: ["", "LLC", "  ", "Ltd. & Co.", "-", "ООО", "Private Military Company"])
    func aNameOfOnlyLegalFormsHasNoTokens(name: String) {
        #expect(NameNormalizer.tokens(name).isEmpty)
    }

    @Test(arguments: [
        ("Минск Трейдинг ООО", "llc"), ("Minsk Fuel Trading LLC", "llc"), ("OMAN FUEL TRADING LTD", "llc"), ("Acme GmbH", "llc"),
        ("Transportes Wimbe Lda", "llc"), ("ЗАО Белтехэкспорт", "jsc"), ("OAO Belaruskali", "jsc"), ("Dupont SA", "jsc"),
        ("PMC Wagner", "pmc"), ("Private Military Company Wagner", "pmc"), ("RUE Beltelecom", "state"),
    ])
    func legalFormsAreTheirOwnTokenClass(name: String, formClass: String) {
        let normalized = normalizer.normalize(name)
        #expect(normalized.legalForms.map(\.formClass) == [formClass])
        #expect(!normalized.tokens.isEmpty)
    }

    /// Two-letter forms ("SA", "AS") only where a name or a comma-separated part starts or ends.
    @Test func shortLegalFormsOnlyAtTheEdges() {
        #expect(normalizer.normalize("Banque Atlantique S.A., Bamako").legalForms.map(\.text) == ["sa"])
        #expect(normalizer.normalize("Trans As Shipping").legalForms.isEmpty)
        #expect(normalizer.normalize("Trans As Shipping").keys.count == 3)
    }

    @Test func titlesAreDroppedOnlyWhereTheyOpenAName() {
        #expect(normalizer.normalize("Col. Assimi Goïta").titles == ["col"])
        #expect(normalizer.normalize("General Electric Company").keys == NameNormalizer.tokens("general electric"))
        #expect(normalizer.normalize("His Excellency President Alexander Lukashenko").titles == ["his excellency", "president"])
        // A title alone is a name, not nothing.
        #expect(normalizer.normalize("General").keys == ["general"])
    }

    @Test func particlesAndInitialsAreMarked() {
        let name = normalizer.normalize("Bashar al-Assad")
        #expect(name.tokens.map(\.kind) == [.name, .particle, .name])
        let initials = normalizer.normalize("Alexander G. Lukashenko")
        #expect(initials.tokens.map(\.kind) == [.name, .initial, .name])
    }

    @Test(arguments: [
        ("LUKASHENKA, Alyaksandr Ryhorovich", ["alyaksandr", "ryhorovich", "lukashenka"]),
        ("ЛУКАШЕНКО Александр Григорьевич", ["aleksandr", "grigoryevich", "lukashenko"]),
        ("Alexander LUKASHENKO", ["alexander", "lukashenko"]),
        ("PRIVATE MILITARY COMPANY 'WAGNER'", ["wagner"]),
    ])
    func namesArePutInReadingOrder(name: String, words: [String]) {
        #expect(normalizer.normalize(name).tokens.map(\.text) == words)
    }

    @Test func organisationNamesWithACommaKeepTheirOrder() {
        let name = normalizer.normalize("ANGLO-CARIBBEAN CO., LTD.")
        #expect(!name.reordered)
        #expect(name.tokens.map(\.text) == ["anglo", "caribbean"])
    }

    @Test(arguments: [
        ("Grigoryevich", true), ("Ryhoravich", true), ("Aliaksandravich", true), ("Petrovna", true),
        ("Lukashenko", false), ("Ivan", false),
    ])
    func patronymicsAreRecognisedByTheirEnding(word: String, patronymic: Bool) {
        let tokens = normalizer.normalize("Alexander \(word) Smith").tokens
        #expect(tokens[1].isPatronymic == patronymic)
    }

    @Test(arguments: [
        ("Αλέξανδρος", "Alexandhros"), ("محمد", "mhmd"), ("Ђоковић", "Dokovic"), ("Аляксандр", "Alyaksandr"), ("Григорьевич", "Grigoryevich"),
    ])
    func transliterationUsesICU(text: String, latin: String) {
        #expect(Transliterator.latin(text) == latin)
    }

    @Test func theScriptPicksTheBGNTable() {
        #expect(Transliterator.transformID(for: "Lukashenko") == nil)
        #expect(Transliterator.transformID(for: "Аляксандр Рыгоравіч Лукашэнка")?.contains("Belarusian-Latin/BGN") == true)
        #expect(Transliterator.transformID(for: "Віталій Кличко")?.contains("Ukrainian-Latin/BGN") == true)
        #expect(Transliterator.transformID(for: "Александр")?.contains("Belarusian") == false)
        #expect(Transliterator.transformID(for: "Αλέξης")?.contains("Greek-Latin/BGN") == true)
    }

    @Test func hostileNamesAreBounded() {
        let long = String(repeating: "Lukashenko ", count: 10_000)
        #expect(normalizer.normalize(long).tokens.count <= NameNormalizer.maxTokens)
        #expect(normalizer.normalize(String(repeating: ",", count: 5_000)).tokens.isEmpty)
        #expect(normalizer.normalize("\u{0}\u{7}\u{202E}abc").keys == ["abc"])
    }

    @Test(arguments: [("lukashenko", "lukashenka", 1), ("aleksandr", "aleksander", 1), ("abc", "abc", 0), ("ab", "ba", 1), ("kitten", "sitting", 3)])
    func editDistanceCountsTranspositionsAsOne(a: String, b: String, distance: Int) {
        #expect(StringDistance.editDistance(Array(a.utf8)[...], Array(b.utf8)[...], limit: 5) == distance)
    }

    @Test func jaroWinklerRewardsACommonPrefix() {
        let jw = StringDistance.jaroWinkler(Array("martha".utf8)[...], Array("marhta".utf8)[...])
        #expect(abs(jw - 0.961) < 0.001)
        #expect(StringDistance.jaroWinkler(Array("abc".utf8)[...], Array("xyz".utf8)[...]) == 0)
    }

    @Test(arguments: [("muhamad", "mohamed"), ("mhmd", "muhamad"), ("kadafi", "gadafi"), ("iusuf", "iusef")])
    func soundKeysMergeTransliterations(a: String, b: String) {
        #expect(PhoneticKey.key(Array(a.utf8)[...]) == PhoneticKey.key(Array(b.utf8)[...]))
    }

    /// Latin-script names are transliterated word by word (each word once a run): the same
    /// text as the whole name through ICU, ligatures and context rules at word edges included.
    @Test(arguments: [
        "Société Générale d’Énergie", "Æ ÆB Æb a Æ b bÆ", "Straße STRASSE ẞ", "Œuvre ŒUVRE œ", "ĲSSEL Ĳssel ĳ",
        "ǄEMAL ǅemal ǆ", "Þór Ðað", "Đorđe Łukasz Øresund", "«Société» – Énergie…", "Cote d\u{2019}Ivoire",
        "Kabor\u{E9}\u{A0}et Fils", "Lukash\u{B7}enka Ltd", "e\u{301}cole  double  space ", " Çelik A.Ş.", "Ñandú S.A.",
    ])
    func latinNamesWordByWordMatchTheWholeName(_ name: String) throws {
        let id = try #require(Transliterator.transformID(for: name))
        #expect(Transliterator.Scripts(name).wordByWord)
        #expect(Transliterator.latinByWord(name, .none) == Transliterator.transform(name, id))
        #expect(Transliterator.latin(name) == Transliterator.transform(name, id))
    }

    /// Cyrillic names too, with the table the whole name calls for: BGN/PCGN's context rules
    /// (word-initial "е" → "ye", "Ж" before a capital → "ZH") stop at a space.
    @Test(arguments: [
        ("Александр Григорьевич Лукашенко", Transliterator.CyrillicTable.russian), ("ЛУКАШЕНКО Александр", .russian),
        ("Аляксандр Рыгоравіч Лукашэнка", .belarusian), ("Віталій Кличко", .ukrainian), ("Ёлкин Е Ёж ЕЛЕНА", .russian),
        ("ЖУК Ж Щ ЖЩ Ю", .russian), ("ООО «Белнефть» и Ко", .russian), ("Объединение Подъём Ь Ъ", .russian),
        ("Минск Société Générale", .russian), ("ЗАО Є ї", .ukrainian), ("ЎЖЫ Ў", .belarusian), ("Іван І", .belarusian),
    ])
    func cyrillicNamesWordByWordMatchTheWholeName(_ name: String, table: Transliterator.CyrillicTable) throws {
        let id = try #require(Transliterator.transformID(for: name))
        let scripts = Transliterator.Scripts(name)
        #expect(scripts.wordByWord)
        #expect(scripts.cyrillic == table)
        #expect(Transliterator.latinByWord(name, table) == Transliterator.transform(name, id))
        #expect(Transliterator.latin(name) == Transliterator.transform(name, id))
    }

    /// Greek, whose BGN/PCGN rules read across words, goes through ICU whole.
    @Test(arguments: ["Αλέξης Τσίπρας", "Лукашенко Αλέξης"])
    func greekIsTransliteratedWhole(_ name: String) {
        #expect(!Transliterator.Scripts(name).wordByWord)
    }

    /// Other scripts word by word (each word once a run), as ICU gives the whole name (after
    /// the schwa deletion of the North Indian scripts and the reading of Arabic vowel letters,
    /// which look within a word only).
    @Test(arguments: ["محمد علي", "नरेंद्र मोदी", "ბიძინა ივანიშვილი", "Վլադիմիր Պուտին", "মুহাম্মদ ইউনূস", "محمد جواد ظریف"])
    func otherScriptsWordByWordMatchTheWholeName(_ name: String) throws {
        let id = try #require(Transliterator.transformID(for: name))
        #expect(Transliterator.Scripts(name).wordByWord)
        let schwaDeleted = name.split(separator: " ").map { IndicSchwa.deleted(in: String($0)) }.joined(separator: " ")
        let whole = Transliterator.transform(schwaDeleted, id)
        let isArabic = name.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
        // Bengali's letters for foreign sounds are read word by word too (`BengaliSpelling`).
        let read = BengaliSpelling.applies(to: name) ? whole.split(separator: " ").map { BengaliSpelling.foreign(String($0)) }.joined(separator: " ") : whole
        #expect(Transliterator.latin(name) == (isArabic ? Transliterator.arabicVowelLetters(read) : read))
    }

    /// Chinese and Korean names are romanised syllable by syllable, a Korean syllable in the
    /// spelling lists use, and "·" separates the parts of a name written in Chinese; each part of
    /// a foreign name so transcribed is one word (`Transcription`).
    @Test(arguments: [
        ("习近平", "xi jin ping"), ("김정은", "kim jong un"), ("최룡해", "choe ryong hae"), ("박봉주", "pak pong ju"),
        ("弗拉基米尔·普京", "fulajimier pujing"),
    ])
    func syllablesAreWordsInChineseAndKorean(name: String, latin: String) {
        #expect(NameNormalizer.latinLower(name) == latin)
    }

    /// The normaliser's tables are folded with the compiled folds when it is made: they give the
    /// rule-by-rule definition's key for every word of every built-in table.
    @Test func compiledFoldsMatchTheRuleByRuleFoldsOnEveryTableWord() {
        let data = normalizer.data
        let rules = data.spellingFolds
        let phrases =
            Array(data.titles) + Array(data.particles) + Array(data.stopwords) + Array(data.places) + Array(data.commonSurnames)
            + Array(data.legalForms.keys) + data.nicknames.flatMap { [$0.name, $0.nickname] } + Array(data.wordEquivalents.keys)
            + Array(data.wordEquivalents.values)
        let folds = SpellingFolds(rules)
        var words = 0
        for word in Set(phrases.flatMap { $0.split(separator: " ").map { Array($0.utf8) } }) {
            #expect(folds.apply(word) == NameNormalizer.fold(word, rules: rules), "\(String(decoding: word, as: UTF8.self))")
            words += 1
        }
        #expect(words > 10_000)
    }

    /// The tables the normaliser folds when it is made are those of the definition: each phrase
    /// split on spaces (by characters), each word folded rule by rule.
    @Test func theNormalisersTablesAreTheDefinitionsFolds() {
        let data = normalizer.data
        func folded(_ phrase: String) -> String {
            phrase.split(separator: " ").map { NameNormalizer.fold(String($0), rules: data.spellingFolds) }.joined(separator: " ")
        }
        #expect(normalizer.titles == Set(data.titles.map(folded)))
        #expect(normalizer.particles == Set(data.particles.map(folded)))
        #expect(normalizer.stopwords == Set(data.stopwords.map(folded)))
        #expect(normalizer.places == Set(data.places.map(folded)))
        #expect(normalizer.commonSurnames == Set(data.commonSurnames.map(folded)))
        // Twenty-second round: a form is also keyed by its words as a name reads them, a word
        // whose equivalent is a legal-form word read as that word ("federalnoe" / "federal").
        let formWords = Set(data.legalForms.keys.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 5 }.map(folded))
        let asRead = data.legalForms.keys.map { form in
            form.split(separator: " ").map { word in
                guard let equivalent = data.wordEquivalents[String(word)], !equivalent.allSatisfy(\.isNumber) else { return folded(String(word)) }
                return formWords.contains(folded(equivalent)) ? folded(equivalent) : folded(String(word))
            }.joined(separator: " ")
        }
        #expect(normalizer.legalForms.keys.sorted() == Set(data.legalForms.keys.map(folded) + asRead).sorted())
        #expect(normalizer.legalForms["federal state unitarnoe enterprise"] == "state")
        #expect(normalizer.commonSurnames.count > 5_000)
    }

    /// The compiled spelling folds give the rule-by-rule definition's keys: on words made of
    /// the rules' patterns (overlapping, repeated, at the end or not) and on real names.
    @Test func compiledFoldsMatchTheRuleByRuleFolds() {
        let rules = normalizer.data.spellingFolds
        let pieces =
            Array(Set(rules.flatMap { [$0.from, $0.to] })).sorted { $0.lexicographicallyPrecedes($1) }
            + [Array("a".utf8), Array("kk".utf8), Array("0".utf8), Array("00".utf8)]
        var words: [[UInt8]] = ["", "a", "lukashenko", "grigoryevich", "sergej", "nejad", "shchukin", "mohammed", "yye", "sshh"].map { Array($0.utf8) }
        for first in pieces {
            for second in pieces { words.append(first + second) }
            for second in pieces.prefix(8) { words.append(first + second + first) }
        }
        let folds = SpellingFolds(rules)
        for word in words {
            #expect(folds.apply(word) == NameNormalizer.fold(word, rules: rules), "\(String(decoding: word, as: UTF8.self))")
        }
    }
}
