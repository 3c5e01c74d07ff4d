import Testing

@testable import DiligenceKit

/// Foreign names transcribed into Chinese, Korean or Japanese (`Transcription`): public
/// persons' names as Wikipedia's edition in that language writes them, against the spelling a
/// list gives, matched by skeleton as a weaker match with its reason in the why.
struct TranscriptionTests {
    /// A transcribed name's parts are words of their own, each read from its script.
    @Test(arguments: [
        ("弗拉基米尔·泽连斯基", ["fulajimier", "zeliansiji"], Transcription.Script.chinese),
        // A foreign name in Hangul is read without the vowel Korean adds (`KoreanAddedVowel`).
        ("볼로디미르 젤렌스키", ["bollodimil", "jellenski"], .korean),
        ("ニコラス・マドゥロ", ["nikorasu", "madouro"], .japanese),
    ])
    func transcribedPartsAreWholeWords(name: String, words: [String], script: Transcription.Script) {
        let tokens = NameNormalizer.standard.normalize(name).tokens
        #expect(tokens.map(\.text) == words)
        #expect(tokens.allSatisfy { $0.transcription == script }, "\(tokens)")
    }

    /// Native names in Chinese characters and Hangul stay syllables, not transcriptions.
    @Test(arguments: ["习近平", "김정은", "서연 박", "박근혜"])
    func nativeNamesAreNotTranscriptions(name: String) {
        let tokens = NameNormalizer.standard.normalize(name).tokens
        #expect(tokens.allSatisfy { $0.transcription == nil }, "\(tokens)")
    }

    /// The skeletons: vowels dropped, classes merged, what a script writes for several sounds a
    /// wildcard, h optional.
    @Test(arguments: [
        ("fulajimier", Transcription.Script.chinese, "vladimir"),
        ("pujing", .chinese, "putin"),
        ("leijiepu", .chinese, "recep"),
        ("puchin", .japanese, "putin"),
        ("nasururrafu", .japanese, "nasrallah"),
        ("jellenseuki", .korean, "zelenskyy"),
    ])
    func skeletonsMatch(query: String, script: Transcription.Script, listed: String) {
        let q = Transcription.skeleton(Array(query.utf8)[...], script: script)
        let key = NameNormalizer.standard.fold(listed)
        let l = Transcription.listSkeleton(Array(key.utf8)[...])
        #expect(Transcription.matches(q, l), "\(Transcription.describe(q)) vs \(Transcription.describe(l))")
    }

    @Test(arguments: [
        ("fulajimier", Transcription.Script.chinese, "nikolai"),
        ("pujing", .chinese, "pavel"),
        ("nasururrafu", .japanese, "nazarov"),
        ("jellenseuki", .korean, "kowalski"),
    ])
    func differentNamesDoNotMatch(query: String, script: Transcription.Script, listed: String) {
        let q = Transcription.skeleton(Array(query.utf8)[...], script: script)
        let l = Transcription.listSkeleton(Array(NameNormalizer.standard.fold(listed).utf8)[...])
        #expect(!Transcription.matches(q, l), "\(Transcription.describe(q)) vs \(Transcription.describe(l))")
    }

    /// The whole name reaches the default threshold, and the why says how.
    @Test(arguments: [
        ("弗拉基米尔·泽连斯基", "ZELENSKYY, Volodymyr", "as written in Chinese"),
        ("哈桑·纳斯鲁拉", "NASRALLAH, Hasan", "as written in Chinese"),
        ("볼로디미르 젤렌스키", "ZELENSKYY, Volodymyr", "as written in Korean"),
        ("하산 나스랄라", "NASRALLAH, Hasan", "as written in Korean"),
        ("ニコラス・マドゥロ", "MADURO MOROS, Nicolas", "as written in Japanese"),
        ("ハサン・ナスルッラーフ", "NASRALLAH, Hasan", "as written in Japanese"),
    ])
    func transcribedNamesMatchTheList(query: String, name: String, reason: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
        #expect(score < 1)
        #expect(why.contains(reason) && why.contains("a weaker match"), "\(why)")
    }

    /// Read without the vowel Korean adds, a foreign name in Hangul is a typo away from the
    /// list's spelling: the match needs no transcription skeleton, and the why says so.
    @Test func foreignNameInHangulMatchesByItsReading() {
        let (score, why) = ScreeningHardCaseTests.best("세르게이 쇼이구", [listed("P", "SHOIGU, Sergei Kuzhugetovich")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("selgei ≈ sergei") && why.contains("syoigu ≈ shoigu"), "\(why)")
    }

    /// Another listed person's name in the same script does not reach the threshold.
    @Test(arguments: [
        ("弗拉基米尔·泽连斯基", "NAZARBAYEV, Nursultan"),
        ("尼古拉斯·马杜罗", "NIKOLAEV, Mikhail"),
        ("베냐민 네타냐후", "BENNETT, Naftali"),
    ])
    func otherPersonsDoNotMatch(query: String, name: String) {
        let (score, why) = ScreeningHardCaseTests.best(query, [listed("P", name)])
        #expect(score < ScreeningHardCaseTests.threshold, "\(query): \(score) \(why)")
    }
}
