import Testing

@testable import DiligenceKit

/// Issues 16 and 17, fourteenth round (`speed11`): the cheaper ways of screening a name give
/// what the longer ways gave.
struct ScreenerSpeed11Tests {
    /// `RomanisedSyllable.key` as it was written before (a prefix test per initial, a reversed
    /// suffix test per final): the reference the byte lookups are checked against.
    static func referenceKey(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count >= 2, word.count <= 6 else { return nil }
        var initial: UInt8 = 0, initialLength = 0
        for (written, key) in RomanisedSyllable.initials where word.count > written.count && word.starts(with: written) {
            initial = key
            initialLength = written.count
            break
        }
        var final = -1
        if let last = word.last, !RomanisedSyllable.isVowel(last), last != UInt8(ascii: "y") {
            guard
                let index = RomanisedSyllable.finals.firstIndex(where: {
                    word.count - initialLength > $0.count && word.reversed().starts(with: $0.reversed())
                })
            else { return nil }
            final = index
        }
        // The vowels between them are keyed as `key` keys them (what changed is how the initial
        // and the final are found).
        return RomanisedSyllable.key(word, initial: initial, initialLength: initialLength, final: final)
    }

    /// The initial and final `key` finds by bytes are those the prefix and suffix tests found,
    /// and the key is the reference's (nil alike) on every word of two to four letters of the
    /// romanisations' letters and on 200,000 random words of up to seven letters.
    @Test func romanisedSyllableKeysAreAsBefore() {
        let letters = Array("abcdeghijklmnopqrstuvwxyz'".utf8)
        var words: [[UInt8]] = []
        let short = Array("aceghiklnostuyz".utf8)
        for a in short {
            for b in short {
                words.append([a, b])
                for c in short {
                    words.append([a, b, c])
                    for d in short { words.append([a, b, c, d]) }
                }
            }
        }
        var random = SplitMix64(state: 11)
        for _ in 0..<200_000 { words.append((0..<Int(random.next() % 8)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }) }
        // Syllables as the lists write them, to reach every branch with a key.
        words += [
            "tchang", "tshun", "chong", "zhang", "tsung", "tzu", "dzong", "hsing", "shin", "khan", "phyong", "thae", "jong", "aung", "oong", "ang", "ao",
            "yong", "pyo", "ung", "eok", "hng", "tsh", "tchu",
        ].map { Array($0.utf8) }
        var keyed = 0
        for word in words {
            let slice = word[...]
            let (initial, length) = RomanisedSyllable.initial(of: slice)
            var expectedInitial: (UInt8, Int) = (0, 0)
            if slice.count >= 2 {
                for (written, key) in RomanisedSyllable.initials where slice.count > written.count && slice.starts(with: written) {
                    expectedInitial = (key, written.count)
                    break
                }
            }
            #expect(initial == expectedInitial.0 && length == expectedInitial.1, "\(String(decoding: word, as: UTF8.self))")
            if let last = word.last, word.count >= 2 {
                let rest = word.count - length
                let expectedFinal = RomanisedSyllable.finals.firstIndex { rest > $0.count && word.reversed().starts(with: $0.reversed()) }
                #expect(RomanisedSyllable.finalIndex(of: slice, rest: rest) == expectedFinal, "\(String(decoding: word, as: UTF8.self)) \(last)")
            }
            let key = RomanisedSyllable.key(slice)
            #expect(key == Self.referenceKey(slice), "\(String(decoding: word, as: UTF8.self))")
            if key != nil { keyed += 1 }
        }
        #expect(keyed > 5_000)
    }

    /// Known keys: the romanisations of one syllable agree, other words have none.
    @Test(arguments: [
        ("jong", "chong", true), ("tsung", "zong", true), ("hsing", "xing", true), ("jung", "jong", true), ("pyong", "phyong", true),
        ("aung", "ong", true), ("dzong", "jong", true), ("kim", "gim", true), ("ahmad", "ahmad", false), ("li", "ri", true),
    ])
    func romanisedSyllablesAgree(a: String, b: String, agree: Bool) {
        let x = RomanisedSyllable.key(Array(a.utf8)[...]), y = RomanisedSyllable.key(Array(b.utf8)[...])
        #expect(agree ? (x != nil && x == y) : x == nil)
    }

    /// The surname test made once per skeleton (`MandarinSound.maySoundLikeSurname`) answers
    /// as `distance` to each of `surnameSkeletons` did, for query words of an abjad and not, on
    /// random skeletons and on every surname's own.
    @Test func surnameTestIsTheDistanceTest() {
        let classes: [UInt16] = [
            Transcription.Class.labial, Transcription.Class.dental, Transcription.Class.velar, Transcription.Class.sibilant,
            Transcription.Class.liquid, Transcription.Class.m, Transcription.Class.n, Transcription.Class.h, Transcription.Class.a,
            Transcription.Class.front, Transcription.Class.back, Transcription.Class.vowels | Transcription.Class.optional,
        ]
        var random = SplitMix64(state: 17)
        var skeletons = MandarinSound.surnameSkeletons
        for _ in 0..<20_000 { skeletons.append((0..<Int(random.next() % 6)).map { _ in classes[Int(random.next() % UInt64(classes.count))] }) }
        var hits = 0
        for skeleton in skeletons {
            for abjad in [false, true] {
                let expected = MandarinSound.surnameSkeletons.contains { MandarinSound.distance(query: skeleton, listed: $0, abjad: abjad) != nil }
                #expect(MandarinSound.maySoundLikeSurname(skeleton, abjad: abjad) == expected, "\(skeleton) \(abjad)")
                if expected { hits += 1 }
            }
        }
        #expect(hits > 1_000)
    }

    /// The Korean syllable index's scan, which tests each list syllable's length before the
    /// distance, finds what testing `KoreanSound.matches` on every list syllable finds.
    @Test func koreanSyllableCandidatesAreTheMatchingSyllables() {
        let names = [
            "Choe Ryong Hae", "Kim Jong Un", "Pak Pong Ju", "Ri Su Yong", "Hwang Pyong So", "Jang Song Thaek", "Kim Yo Jong",
            "O Kuk Ryol", "Ryom Chol Ung", "Choi Hui Chol", "Yun Chang Hyok",
        ]
        let entities = names.enumerated().map { listed("K\($0.offset)", $0.element) }
        let screener = NameScreener(entities: entities)
        let index = screener.index
        var syllables: [(token: Int32, skeleton: [UInt16])] = []
        for token in 0..<Int32(index.vocabularyCount) {
            if let skeleton = KoreanSound.listedSkeleton(Array(index.key(token))) { syllables.append((token, skeleton)) }
        }
        #expect(syllables.count > 15)
        var found = 0
        for word in ["tsoe", "riong", "khe", "hvang", "piung", "su", "kim", "tsong", "un", "pak", "ri", "yo", "xyz", "a", "tshol", "ung"] {
            let bytes = Array(word.utf8)
            let skeleton = MandarinSound.querySkeleton(bytes[...])
            let expected = syllables.filter { KoreanSound.matches(query: skeleton, listed: $0.skeleton) }
                .map { ($0.token, StringDistance.editDistance(bytes[...], index.key($0.token), limit: 8)) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(KoreanSound.maximumOptions)
            let candidates = screener.memo.korean.candidates(skeleton, word: bytes, in: index)
            #expect(candidates.map { $0.token } == expected.map { $0.0 } && candidates.map { $0.edits } == expected.map { $0.1 }, "\(word)")
            found += candidates.count
        }
        #expect(found > 10)
    }

    /// A Korean name written by its sound in another script still reads as the list's
    /// syllables, and a Chinese name by its sound as the list's pinyin (the readings' reasons).
    @Test(arguments: [
        ("Τσόε Ριόνγκ-χε", "Choe Ryong Hae", "read as Korean written in Greek"),
        ("Σια Μπαολόνγκ", "Xia Baolong", "read as Chinese written in Greek"),
    ])
    func soundReadingsStillMatch(query: String, name: String, reason: String) {
        let screener = NameScreener(entities: [
            listed("A", name), listed("B", "Ivan Petrov"),
        ])
        let matches = screener.screen(query, threshold: 0.7)
        #expect(matches.map(\.entity.id) == ["A"])
        #expect(matches.first?.why.hasPrefix(reason) == true, "\(matches.first?.why ?? "")")
    }
    /// `AbjadComparison.matches` as it was written before (a table of arrays, the Latin word's
    /// elements made first).
    static func referenceAbjadMatches(abjad: ArraySlice<UInt8>, latin: ArraySlice<UInt8>) -> Bool {
        let a = AbjadComparison.elements(abjad, abjad: true), l = AbjadComparison.elements(latin, abjad: false)
        let consonants = a.filter { if case .consonant = $0 { true } else { false } }.count
        // One consonant: compared element by element since the eighteenth round (`shortWordMatches`,
        // tested in `ScreeningEighteenthRoundRecallTests`); the table below is for two or more.
        if consonants == 1 { return AbjadComparison.shortWordMatches(a, l) }
        guard consonants >= 2, a.count <= 24, l.count <= 24 else { return false }
        var reachable = [[Bool]](repeating: [Bool](repeating: false, count: l.count + 1), count: a.count + 1)
        reachable[0][0] = true
        for i in 0...a.count {
            for j in 0...l.count where reachable[i][j] {
                if j < l.count, case .vowel = l[j], j + 1 < l.count { reachable[i][j + 1] = true }
                guard i < a.count else { continue }
                if i > 0, j > 0, AbjadComparison.repeats(a[i - 1], a[i], l[j - 1]) { reachable[i + 1][j] = true }
                guard j < l.count else { continue }
                if AbjadComparison.pairs(a[i], l[j], first: i == 0) { reachable[i + 1][j + 1] = true }
            }
        }
        return reachable[a.count][l.count]
    }

    /// The abjad comparison with its table in stack memory answers as the table of arrays did,
    /// on known pairs and 100,000 random pairs of consonant skeletons and Latin words.
    @Test func abjadComparisonIsAsBefore() {
        var pairs: [([UInt8], [UInt8])] = [
            ("mhmd", "muhammad"), ("shya", "xia"), ("rjb", "recep"), ("mnngguh", "mnangagwa"), ("dlsy", "delcy"), ("tshn", "chen"),
            ("ahmdynzhad", "ahmadinejad"), ("sin", "sen"), ("ywsf", "yusuf"),
        ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
        let abjadLetters = Array("bdfghjklmnqrstwyzaiu".utf8), latinLetters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        let vowels = Array("aeiou".utf8)
        var random = SplitMix64(state: 19)
        for _ in 0..<100_000 {
            let a = (0..<Int(random.next() % 8)).map { _ in abjadLetters[Int(random.next() % UInt64(abjadLetters.count))] }
            let l = (0..<Int(random.next() % 10)).map { _ in latinLetters[Int(random.next() % UInt64(latinLetters.count))] }
            pairs.append((a, l))
            // The Latin word with the abjad's consonants and vowels put back, so that many match.
            pairs.append((a, a.flatMap { "aeiou".utf8.contains($0) ? [$0] : [$0, vowels[Int(random.next() % 5)]] }))
        }
        var matched = 0
        for (a, l) in pairs {
            let expected = Self.referenceAbjadMatches(abjad: a[...], latin: l[...])
            #expect(
                AbjadComparison.matches(abjad: a[...], latin: l[...]) == expected, "\(String(decoding: a, as: UTF8.self)) \(String(decoding: l, as: UTF8.self))"
            )
            if expected { matched += 1 }
        }
        #expect(matched > 500)
    }
}
