import Testing

@testable import DiligenceKit

/// Issue 16, twenty-seventh round (persian): three readings of Persian names in Arabic script,
/// each by rule. ض, ذ and ث are dentals in Arabic and "z", "z", "s" in Persian; a heh before a
/// zero-width non-joiner and a final "ای" is the "ei" of one word ("خامنه‌ای", Khamenei); a final
/// yeh can write the "a" of the alef maqsura ("مجتبی", Mojtaba). The cases are OFAC persons as
/// Persian writes them.
@Suite struct ScreeningTwentySeventhRoundPersianTests {
    // MARK: ض, ذ, ث: a dental or a sibilant

    /// ض in a Persian name is written "dh" (as ICU writes ذ), and an abjad's "dh" and "th" pair with both the Latin
    /// dentals and sibilants: Persian Reza and Arabic Ridha, Mortazavi, Zakeri, Sabet.
    @Test func persianZAndSAreTheAbjadsDentals() {
        // In a name written with Persian letters (here ی) ض is read as ذ, "dh"; in Arabic letters
        // only, "d" as before.
        #expect(Transliterator.latin("محمدرضا زاهدی") == "mhmdrdha zahdi")
        #expect(Transliterator.latin("رضا") == "rda")
        for latin in ["reza", "riza", "ridha", "rida", "reda"] {
            #expect(AbjadComparison.matches(abjad: Array("rdha".utf8)[...], latin: Array(latin.utf8)[...]), "\(latin)")
        }
        #expect(AbjadComparison.matches(abjad: Array("mrtdhwi".utf8)[...], latin: Array("mortazavi".utf8)[...]))
        #expect(AbjadComparison.matches(abjad: Array("thabt".utf8)[...], latin: Array("sabet".utf8)[...]))
        #expect(AbjadComparison.matches(abjad: Array("dhakri".utf8)[...], latin: Array("zakeri".utf8)[...]))
        // د is a dental only, ز a sibilant only: "rda" is not Reza, "rza" not Rida.
        #expect(!AbjadComparison.matches(abjad: Array("rda".utf8)[...], latin: Array("reza".utf8)[...]))
        #expect(!AbjadComparison.matches(abjad: Array("rza".utf8)[...], latin: Array("rida".utf8)[...]))
    }

    /// "محمد رضا زاهدی" is the listed Mohammad Reza Zahedi, "rdha" found as "Reza" and said so.
    @Test func rezaWrittenWithZadIsFound() {
        let list = [listed("zahedi", "ZAHEDI, Mohammad Reza"), listed("naqdi", "NAQDI, Mohammad Reza")]
        let (score, why) = ScreeningHardCaseTests.best("محمد رضا زاهدی", list)
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("rdha ≈ reza (sounds alike)"), "\(why)")
        let (mortazavi, mortazaviWhy) = ScreeningHardCaseTests.best("سعید مرتضوی", [listed("mortazavi", "MORTAZAVI, Saeed")])
        #expect(mortazavi >= ScreeningHardCaseTests.threshold, "\(mortazavi) \(mortazaviWhy)")
    }

    // MARK: Heh before the zero-width non-joiner

    /// "ه‌ای" ending a word is "ei", the word kept whole; written without the joiner too. A
    /// joiner after another letter still separates.
    @Test func hehBeforeTheJoinerIsE() {
        #expect(Transliterator.latin("خامنه‌ای") == "khamnei")
        #expect(Transliterator.latin("خامنهای") == "khamnei")
        #expect(Transliterator.latin("اژه‌ای") == "azhei")
        #expect(Transliterator.latin("احمدی‌نژاد") == "ahmdi\u{200C}nzhad")
        #expect(Transliterator.latin("فاطمه‌زهرا") == "fatmh\u{200C}zhra")
    }

    /// "khamnei" is said to sound like "khamenei": "علی حسینی خامنه‌ای" scored 0.226 as "hamnh ai"
    /// and scores above 0.6 (Ali's opening ain is still dropped, "li"); Ahmadinejad keeps his score.
    @Test func khameneiIsOneWord() {
        let list = [listed("khamenei", "KHAMENEI, Ali Husseini"), listed("ahmadinejad", "AHMADINEJAD, Mahmoud")]
        let (score, why) = ScreeningHardCaseTests.best("علی حسینی خامنه‌ای", list)
        #expect(score > 0.6, "\(score) \(why)")
        #expect(why.contains("khamnei ≈ khamenei (sounds alike)"), "\(why)")
        let (ahmadinejad, ahmadinejadWhy) = ScreeningHardCaseTests.best("محمود احمدی‌نژاد", list)
        #expect(ahmadinejad >= 0.88, "\(ahmadinejad) \(ahmadinejadWhy)")
    }

    // MARK: A final yeh for "a"

    /// A final yeh after a consonant pairs with a Latin final "a" after a consonant: Mojtaba,
    /// Mostafa, Morteza (Arabic Murtada). Not another final vowel, not after a vowel letter.
    @Test func finalYehCanWriteA() {
        for (abjad, latin) in [("mjtbi", "mojtaba"), ("mstfi", "mostafa"), ("mrtdhi", "morteza"), ("mrtdhi", "murtada")] {
            #expect(AbjadComparison.matches(abjad: Array(abjad.utf8)[...], latin: Array(latin.utf8)[...]), "\(abjad) \(latin)")
        }
        #expect(!AbjadComparison.matches(abjad: Array("mjtbi".utf8)[...], latin: Array("mojtabo".utf8)[...]))
        #expect(!AbjadComparison.matches(abjad: Array("khamnei".utf8)[...], latin: Array("khamena".utf8)[...]))
        // Two consonants say too little: "bli" (Arabic Bali) is not Pola.
        #expect(!AbjadComparison.matches(abjad: Array("bli".utf8)[...], latin: Array("pola".utf8)[...]))
    }

    /// Urdu marks the alef maqsura with a superscript alef over the final yeh ("مجتبیٰ", "یحییٰ"):
    /// read "a". Persian's suffix "ایی" (alef and two yehs) is "ai" ("رضایی", Rezaei).
    @Test func urduAlefMaqsuraAndPersianAi() {
        #expect(Transliterator.latin("مجتبیٰ") == "mjtba")
        #expect(Transliterator.latin("یحییٰ") == "yhya")
        #expect(Transliterator.latin("رضایی") == "rdhai")
        #expect(Transliterator.latin("اژہ‌ای") == "azhei")
        let (score, why) = ScreeningHardCaseTests.best("محسن رضایی", [listed("rezai", "REZA'I, Mohsen")])
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("rdhai ≈ rezai (sounds alike)"), "\(why)")
    }

    /// "مجتبی خامنه‌ای" is the listed Mojtaba Khamenei, "mjtbi" said to sound like "mojtaba".
    @Test func mojtabaKhameneiIsFound() {
        let list = [listed("mojtaba", "KHAMENEI, Mojtaba"), listed("ali", "KHAMENEI, Ali Husseini")]
        let (score, why) = ScreeningHardCaseTests.best("مجتبی خامنه‌ای", list)
        #expect(score >= ScreeningHardCaseTests.threshold, "\(score) \(why)")
        #expect(why.contains("mjtbi ≈ mojtaba (sounds alike)"), "\(why)")
    }
}
