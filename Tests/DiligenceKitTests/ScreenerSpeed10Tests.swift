import Testing

@testable import DiligenceKit

/// Issues 16 and 17, thirteenth round (`speed10`): the cheaper ways of screening a name give
/// what the longer ways gave.
struct ScreenerSpeed10Tests {
    static let normalizer = NameNormalizer.standard

    /// The compiled folds, now found by a byte loop, give the rule-by-rule definition's key on
    /// random words of the rules' letters (patterns overlapping, repeated, at the end).
    @Test func foldsMatchTheDefinitionOnRandomWords() {
        let rules = Self.normalizer.data.spellingFolds
        let folds = SpellingFolds(rules)
        let letters = Array("abcdeghijkloqstuwxyz0".utf8)
        var random = SplitMix64(state: 10)
        for _ in 0..<20_000 {
            let length = Int(random.next() % 14)
            let word = (0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] }
            #expect(folds.apply(word) == NameNormalizer.fold(word, rules: rules), "\(String(decoding: word, as: UTF8.self))")
        }
    }

    /// The words of a Latin form read by bytes are those the Characters gave: lower case, split
    /// on anything but ASCII letters, apostrophes dropped first.
    @Test(arguments: [
        "Xia Baolong", "O'Neil  D'Arcy-Smith", "LUO,Huining 2nd", "", "   ", "a", "Ab\u{2019}cd éf", "Tab\tand\r\nlines",
        "X\u{301}ia Bao", "ΣΙΑ mixed", "'''", "Kim Jong-un's",
    ])
    func latinWordsAreReadAsBefore(text: String) {
        let before = text.lowercased().filter { $0 != "'" && $0 != "’" }.split { !($0.isASCII && $0.isLetter) }.map(String.init)
        #expect(MandarinSound.lowerLetterWords(text) == before)
    }

    /// The Latin form the normaliser hands on is `Transliterator.latin` of the name, and the
    /// name is normalised as before; a name it cuts hands on none.
    @Test(arguments: [
        "Σια Μπαολόνγκ", "שיה באולונג", "شيا باو لونغ", "ЛУКАШЕНКО Александр Григорьевич", "习近平", "김정은", "Société Générale", "ACME Trading LLC",
    ])
    func theNormalisersLatinIsTheTransliterators(name: String) {
        let (normalized, latin) = Self.normalizer.normalizeKeepingLatin(name)
        #expect(latin == Transliterator.latin(name))
        #expect(normalized == Self.normalizer.normalize(name))
        let long = String(repeating: name + " ", count: 400 / max(name.utf8.count, 1) + 2)
        #expect(Self.normalizer.normalizeKeepingLatin(long).latin == nil)
    }

    /// Given the normaliser's Latin form, the Mandarin readings are those made without it.
    @Test(arguments: ["Σια Μπαολόνγκ", "שיה באולונג", "شيا باو لونغ", "चेन च्वानक्वो", "หลัว ฮุ่ยหนิง", "Γιώργος Παπαδόπουλος"])
    func mandarinReadingsWithTheLatinFormAreTheSame(query: String) {
        let screener = NameScreener(entities: ScreeningTwelfthRoundScriptTests.chinese)
        let given = screener.mandarinReadings(of: ScreeningQuery(query), latin: Transliterator.latin(query))
        let made = screener.mandarinReadings(of: ScreeningQuery(query))
        #expect(given.map(\.name) == made.map(\.name))
        #expect(given.map(\.why) == made.map(\.why))
    }

    /// Reading order: a surname in capitals first moves to the end unless a word is a legal
    /// form (now asked only when the order would change); other names keep their order.
    @Test(arguments: [
        ("LUKASHENKO Alexander", "Alexander LUKASHENKO", true), ("OOO Romashka", "OOO Romashka", false),
        ("ACME Trading LLC", "ACME Trading LLC", false), ("Trading ACME", "Trading ACME", false),
        ("ROMASHKA Trading", "Trading ROMASHKA", true), ("KIM Jong Un", "Jong Un KIM", true), ("Acme SARL", "Acme SARL", false),
        ("LUKASHENKO, Alexander", "Alexander LUKASHENKO", true), ("ROMASHKA, OOO", "ROMASHKA, OOO", false),
    ])
    func readingOrderIsAsBefore(text: String, ordered: String, reordered: Bool) {
        let (bytes, moved) = Self.normalizer.readingOrder(Array(text.utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == ordered)
        #expect(moved == reordered)
    }

    /// A name met again answers from the memo under its own country: the answers are those of a
    /// screener that meets each query first.
    @Test func rememberedAnswersAreTheQuerysOwn() {
        let entities = [listed("LUK", "LUKASHENKO, Alexander Grigoryevich", country: "BY"), listed("ACME", "ACME TRADING LLC", country: "RU")]
        let by = TestData.workspace.countries.resolve("BY"), ru = TestData.workspace.countries.resolve("RU")
        let queries = [
            ScreeningQuery("Alexander Lukashenko", country: by), ScreeningQuery("Alexander Lukashenko", country: ru),
            ScreeningQuery("Alexander Lukashenko"), ScreeningQuery("Acme Trading", country: ru),
            ScreeningQuery("Acme Trading", country: by), ScreeningQuery("Nobody Known", country: by),
            ScreeningQuery("Nobody Known"),
        ]
        let shared = NameScreener(entities: entities)
        for query in queries + queries {
            let fresh = NameScreener(entities: entities).screen(query, threshold: 0.7)
            let remembered = shared.screen(query, threshold: 0.7)
            #expect(remembered.map(\.score) == fresh.map(\.score), "\(query.name) \(query.country?.code ?? "-")")
            #expect(remembered.map(\.why) == fresh.map(\.why))
        }
        #expect(!shared.screen(queries[0], threshold: 0.7).isEmpty)
        #expect(shared.screen(queries[0], threshold: 0.7).first?.score != shared.screen(queries[1], threshold: 0.7).first?.score)
    }

    /// The Mandarin index's bounded edit count (lead, thirteenth round) is the skeletons'
    /// distance when it is within the limit and nil otherwise, on random skeletons of every
    /// class, wildcards, h and optional vowels included.
    @Test func boundedSkeletonDistanceIsTheDistanceWithinItsLimit() {
        let classes: [UInt16] = [
            Transcription.Class.labial, Transcription.Class.dental, Transcription.Class.velar, Transcription.Class.sibilant,
            Transcription.Class.liquid, Transcription.Class.m, Transcription.Class.n, Transcription.Class.h, Transcription.Class.a,
            Transcription.Class.front, Transcription.Class.back, Transcription.Class.vowels | Transcription.Class.optional,
            Transcription.Class.a | Transcription.Class.optional, Transcription.Class.dental | Transcription.Class.sibilant,
        ]
        var random = SplitMix64(state: 13)
        func skeleton() -> [UInt16] { (0..<Int(random.next() % 9)).map { _ in classes[Int(random.next() % UInt64(classes.count))] } }
        var within = 0
        for _ in 0..<30_000 {
            let a = skeleton(), b = skeleton()
            let limit = Int(random.next() % 3)
            let full = Transcription.distance(a, b)
            #expect(MandarinIndex.distance(a, b, within: limit) == (full <= limit ? full : nil), "\(a) \(b) \(limit)")
            if full <= limit { within += 1 }
        }
        #expect(within > 1_000)
    }

    /// Pinyin syllables found by their packed bytes (lead, thirteenth round) are those the
    /// texts gave: every folded syllable alone and in pairs, and random words of pinyin letters,
    /// cut as a reference cuts them with the texts.
    @Test func packedSyllablesCutWordsAsTheTextsDid() {
        func reference(_ key: [UInt8]) -> [ArraySlice<UInt8>]? {
            guard !key.isEmpty, key.count <= 24 else { return nil }
            var best = [Int](repeating: Int.max, count: key.count + 1)
            var from = [Int](repeating: -1, count: key.count + 1)
            best[0] = 0
            for start in 0..<key.count where best[start] != Int.max {
                if start > 0, "aeo".utf8.contains(key[start]) { continue }
                for length in 1...min(MandarinSound.longestSyllable, key.count - start) {
                    let end = start + length
                    guard best[start] + 1 < best[end], MandarinSound.foldedSyllables.contains(String(decoding: key[start..<end], as: UTF8.self)) else {
                        continue
                    }
                    best[end] = best[start] + 1
                    from[end] = start
                }
            }
            guard best[key.count] <= MandarinSound.maximumSyllables else { return nil }
            var result: [ArraySlice<UInt8>] = []
            var end = key.count
            while end > 0 {
                result.append(key[from[end]..<end])
                end = from[end]
            }
            return result.reversed()
        }
        let syllables = MandarinSound.foldedSyllables.sorted()
        #expect(syllables.count > 300)
        var words = syllables.map { Array($0.utf8) }
        for (index, first) in syllables.enumerated() where index % 7 == 0 {
            for second in syllables where second.count % 3 == 0 { words.append(Array((first + second).utf8)) }
        }
        let letters = Array("abceghijklmnoqrstuwxyz\u{E9}".utf8)
        var random = SplitMix64(state: 14)
        for _ in 0..<20_000 { words.append((0..<Int(1 + random.next() % 12)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }) }
        for word in words {
            #expect(MandarinSound.syllables(word)?.map(Array.init) == reference(word)?.map(Array.init), "\(String(decoding: word, as: UTF8.self))")
        }
    }
}
