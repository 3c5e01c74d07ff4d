import Testing

@testable import DiligenceKit

/// Issue 16, twenty-ninth round (lead): "o" and "u" in a sound-alike match. Transliterations of
/// Persian, Arabic, Turkic and Slavic names write that vowel either way ("Qolam"/"Gulam",
/// "Osama"/"Usama"), so two words with one sound key that differ in a consonant of one class and
/// in o/u are compared as if they differed in the consonant only
/// (`TokenComparison.keysSoundAlike`). The case is a listed person as Turkish and Hindi
/// write his name.
@Suite struct ScreeningTwentyNinthRoundVowelTests {
    /// "gulam" and "kolam" (the folded "qolam") are a consonant of one class apart once "o" is
    /// read "u"; "kalam" and "galim" differ in a vowel other than o/u, "sobolev" and "shuvalov"
    /// in length, "durdu" and "dorita" in more, "sukup" and "zukov" (the folded Czech "Soukup"
    /// and "Zhukov") in two consonants: none of them sounds alike.
    @Test func roundedVowelsAreReadAlike() {
        func keys(_ a: String, _ b: String) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) { (Array(a.utf8)[...], Array(b.utf8)[...]) }
        let (gulam, kolam) = keys("gulam", "kolam")
        #expect(StringDistance.jaroWinkler(gulam, kolam) < 0.75)
        #expect(TokenComparison.keysSoundAlike(gulam, kolam))
        #expect(TokenComparison.keysSoundAlike(keys("usama", "osama").0, keys("usama", "osama").1))
        for (a, b) in [("kalam", "galim"), ("sobolev", "suvalov"), ("durdu", "dorita"), ("skot", "siguta"), ("sukup", "zukov")] {
            let (x, y) = keys(a, b)
            #expect(!TokenComparison.keysSoundAlike(x, y), "\(a) \(b)")
        }
    }

    /// Mohseni-Ejei's given name as Turkish and Hindi write it is found, with its reason.
    @Test(arguments: ["Gulam Hüseyin Muhsini Ejei", "ग़ुलाम-हुसैन मोहसेनी-एजेई"])
    func gulamIsQolam(query: String) {
        let list = [listed("ejei", "MOHSENI-EJEI, Qolam-Hossein")]
        let (score, why) = ScreeningHardCaseTests.best(query, list)
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("gulam ≈ qolam (sounds alike)"), "\(why)")
    }

    /// A word unlike the listed one in more than o/u stays apart: "Galim" is no "Qolam".
    @Test func anotherVowelStaysApart() {
        let list = [listed("ejei", "MOHSENI-EJEI, Qolam-Hossein")]
        let (score, why) = ScreeningHardCaseTests.best("Galim Hüseyin Muhsini Ejei", list)
        #expect(!why.contains("galim ≈ qolam"), "\(score) \(why)")
    }
}
