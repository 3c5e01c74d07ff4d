/// Words read from an abjad, Arabic script (Arabic, Persian, Urdu) or Hebrew, against a word
/// in Latin letters. An abjad writes consonants and long vowels; short vowels are left out
/// ("رجب" is read "rjb" for Recep or Rajab, "حسن" "hsn" for Hasan), and its vowel letters are
/// also consonants (yeh is "i", "e" or "y"; waw "u", "o", "w" or "v"): "طيب" is read "tib" for
/// Tayyip, "سين" "sin" for Sen.
///
/// Two words match when their consonants agree one to one, in sound classes
/// (`consonantClass`), and every vowel the abjad word writes stands where the Latin word has a
/// vowel of its kind, or the consonant the letter also writes; a vowel only the Latin word has
/// is a short vowel the abjad leaves out, except at the end of the word, where the abjad
/// writes one. So "rjb" ~ "Recep", "tib" ~ "Tayyip", "sin" ~ "Sen", "hn" ~ "Hun",
/// "nsrallh" ~ "Nasrallah"; "sin" is not "Sina" (the final vowel is not written), "hsn" not
/// "Hasim".
///
/// What an abjad word's letters say that its romanisation does not, for `AbjadComparison`.
struct AbjadLetters: OptionSet, Hashable, Sendable {
    var rawValue: UInt8

    /// A Hebrew word: its "dh" and "th" are two letters (ד or ת and ה: "כרים דהן", Karim Dahan)
    /// or a geresh's foreign "th", not the Arabic dentals ذ, ض, ث (`AbjadComparison.abjadZ`).
    static let hebrew = AbjadLetters(rawValue: 1)
    /// An Arabic-script word that opens with ain (ع), which ICU does not write ("علی" → "li",
    /// "عمر" → "mr"): Latin spellings write its vowel ("Ali", "Omar", "Abdul", "Usmanov").
    static let openingAin = AbjadLetters(rawValue: 2)
    /// An Arabic-script word without ذ and ث (nor ض read as ذ, `Transliterator.persianReading`):
    /// its "dh" and "th" are two letters, د, ت or ط and a heh or ta marbuta ("زاده", Zadeh;
    /// "عودة", Odeh), not the dentals of `AbjadComparison.abjadZ`.
    static let twoLetterDH = AbjadLetters(rawValue: 4)
    /// An Arabic-script word that opens with the article "ال" ("الحوثي", "al-Houthi"; "الضيف",
    /// "al-Deif"): Latin spellings write it as a word of its own or leave it out ("Houthi",
    /// "Deif"), so the word is also read without it (`ArabicArticle`).
    static let openingArticle = AbjadLetters(rawValue: 8)
    /// An Arabic-script word that opens with "عبد" and the article ("عبدال", "عبدالله"): Latin
    /// spellings write the article's vowel as they hear it ("Abdul", "Abdel", "Abdol",
    /// "Abdullah"), and its "l" as the sun letter after it ("Abdurrahman") (`ArabicArticle`).
    static let abdArticle = AbjadLetters(rawValue: 16)
    /// An Arabic-script word with the article inside it, after a name of three letters or more
    /// ("نصرالله", Nasrallah and Nasrullah; "سراج" and "الدين" written as one, Sirajuddin): the
    /// article's vowel and its "l" read as for `abdArticle`.
    static let innerArticle = AbjadLetters(rawValue: 32)
    /// An Arabic-script word of three letters or more that ends in ta marbuta or heh after a
    /// consonant ("أسامة", "اسامه", "اسامہ", Usama; "خامنه", Khamenei): the letter writes the
    /// final vowel, which Latin spellings write "a" or "e" without the "h" ICU gives it.
    static let finalHeh = AbjadLetters(rawValue: 64)

    /// The letters of one word (in Arabic script or Hebrew), as `Transliterator.persianReading`
    /// gives it.
    init<Word: StringProtocol>(of word: Word) {
        // One pass over the UTF-8 bytes: ع is D8 B9, ذ D8 B0, ث D8 AB; the Hebrew letters
        // א to ת are D7 90 to D7 AA.
        var letters = AbjadLetters()
        var lead: UInt8 = 0, first = true, hebrew = false, dentals = false
        for byte in word.utf8 {
            if lead == 0xD8 {
                if first, byte == 0xB9 { letters.insert(.openingAin) }
                if byte == 0xB0 || byte == 0xAB { dentals = true }
            } else if lead == 0xD7, (0x90...0xAA).contains(byte) {
                hebrew = true
            }
            // The first character ends at its first byte below C0 (ASCII or a continuation byte).
            if byte < 0xC0 { first = false }
            lead = byte >= 0xC0 ? byte : 0
        }
        if hebrew {
            letters.insert(.hebrew)
        } else {
            if !dentals { letters.insert(.twoLetterDH) }
            letters.formUnion(ArabicArticle.letters(of: word))
        }
        self = letters
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }
}

/// Only a word that came from an abjad (`NameToken.isAbjad`) is read this way: a Latin word
/// without a vowel letter ("Lynn") is not a consonant skeleton.
enum AbjadComparison {
    /// Whether a word is written in Arabic script or Hebrew.
    static func isAbjad(_ word: String) -> Bool {
        word.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (0x0590...0x05FF).contains(value) || (0x0600...0x06FF).contains(value) || (0x0750...0x077F).contains(value)
                || (0x08A0...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value) || (0xFE70...0xFEFF).contains(value)
        }
    }

    /// One element of a word: a consonant class, or vowels (a mask of `Vowel` kinds).
    enum Element: Equatable {
        case consonant(UInt8)
        case vowel(UInt8)
    }

    /// Kinds of vowels, as bits: a; front (i, e); back (u, o).
    enum Vowel {
        static let a: UInt8 = 1
        static let front: UInt8 = 2
        static let back: UInt8 = 4
    }

    /// The consonant class of a letter: classes merge what abjads and their romanisations
    /// confuse (b, p, f, v; t, d; s, z; k, g, q, c; j with g and c, as "ج" writes Turkish c,
    /// Egyptian g), as `PhoneticKey` does; "y" and "w" are their own (they can be vowels).
    /// An abjad's "j" (ج, Hebrew ג׳) is its own class, `abjadJ`, which pairs with both.
    static func consonantClass(_ byte: UInt8, abjad: Bool = false) -> UInt8 {
        switch byte {
        case UInt8(ascii: "j") where abjad: abjadJ
        case UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "q"), UInt8(ascii: "g"), UInt8(ascii: "j"): UInt8(ascii: "k")
        case UInt8(ascii: "z"), UInt8(ascii: "s"), UInt8(ascii: "x"): UInt8(ascii: "s")
        case UInt8(ascii: "v"), UInt8(ascii: "f"), UInt8(ascii: "p"), UInt8(ascii: "b"): UInt8(ascii: "b")
        case UInt8(ascii: "d"), UInt8(ascii: "t"): UInt8(ascii: "d")
        default: byte
        }
    }

    /// The class of an abjad's "j": Arabic has no letter for the "zh" of foreign names and
    /// writes it ج ("بريغوجين", Prigozhin), as it writes the "j" and Egyptian "g"; Hebrew's ג׳
    /// alike. It pairs with the Latin velars and sibilants.
    static let abjadJ = UInt8(ascii: "J")

    /// The class of an abjad's "dh" and "th" (ذ, and ض in a Persian name, `Transliterator.persianReading`; ث): Arabic
    /// says them as dentals ("Ridha", "Dhulfiqar", "Uthman"), Persian and Urdu as "z" and "s"
    /// ("رضا", Reza; "ذوالفقاری", Zolfaghari; "ثابت", Sabet). It pairs with the Latin dentals
    /// and sibilants.
    static let abjadZ = UInt8(ascii: "Z")

    /// The elements of a lower-case ASCII word: digraphs ("kh", "gh", "sh", "ch", "th", "dh",
    /// "zh", "ph") one consonant, a repeated consonant once. In a Latin word a run of vowels is
    /// one element of all their kinds ("ai"); an abjad's vowel letters are each their own ("ia"
    /// is yeh and alef, two letters), a repeated one once.
    /// `letters` says what an abjad word's "dh" and "th" are: the Arabic dentals (`abjadZ`) unless
    /// the word is Hebrew (its "dh" is ד and ה, two consonants, "דהן", Dahan; its "th" ת׳, or ת
    /// or ט and ה, one dental) or has no ذ and ث (`AbjadLetters.twoLetterDH`: two consonants).
    static func elements(_ word: ArraySlice<UInt8>, abjad: Bool, letters: AbjadLetters = []) -> [Element] {
        let hebrew = letters.contains(.hebrew), twoLetters = letters.contains(.twoLetterDH)
        var result: [Element] = []
        result.reserveCapacity(word.count)
        let bytes = Array(word)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            var element: Element
            if let vowel = vowel(byte) {
                element = .vowel(vowel)
                if !abjad, case .vowel(let kinds) = result.last {
                    result[result.count - 1] = .vowel(kinds | vowel)
                    index += 1
                    continue
                }
            } else if !abjad, byte == UInt8(ascii: "y"), next == nil, case .vowel(let kinds) = result.last {
                // A Latin "y" ending a word after a vowel is part of the vowel ("Yevgeniy",
                // "Sergey": Russian -ий, -ей), which an abjad writes with one yeh.
                result[result.count - 1] = .vowel(kinds | Vowel.front)
                index += 1
                continue
            } else if abjad, byte == UInt8(ascii: "t"), next == UInt8(ascii: "s"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "h") {
                // Arabic has no letter for "ch" and writes it "تش" (t and sh: "تشول", Korean Chol;
                // "تشن", Chinese Chen): one consonant, the Latin "ch" (a sibilant).
                element = .consonant(consonantClass(UInt8(ascii: "s")))
                index += 2
            } else if abjad, byte == UInt8(ascii: "z"), next == UInt8(ascii: "h") {
                // Persian ژ (Hebrew ז׳), "zh": Persian names are romanised with "j" for it as often as
                // "zh" ("احمدی‌نژاد", Ahmadinejad and Ahmadinezhad): the abjad's j, which pairs with both.
                element = .consonant(abjadJ)
                index += 1
            } else if abjad, byte == UInt8(ascii: "d") || byte == UInt8(ascii: "t"), next == UInt8(ascii: "h") {
                if twoLetters || (hebrew && byte == UInt8(ascii: "d")) {
                    // Two letters, the dental and heh (Hebrew's romanisation writes ד׳ "th").
                    element = .consonant(consonantClass(byte))
                } else {
                    // ذ, ض ("dh") and ث ("th"), dentals in Arabic, "z" and "s" in Persian: `abjadZ`;
                    // Hebrew's "th" one dental.
                    element = .consonant(hebrew ? consonantClass(byte) : abjadZ)
                    index += 1
                }
            } else if !abjad, byte == UInt8(ascii: "c"), let next, "eiy".utf8.contains(next) {
                // A Latin "c" before e, i or y is said "s" (Spanish, French, English: "Delcy",
                // "Vicente", "Marcelo"), which an abjad writes with its s ("دلسی").
                element = .consonant(consonantClass(UInt8(ascii: "s")))
            } else if next == UInt8(ascii: "h"), "kgscztdp".utf8.contains(byte) {
                // "kh" and "gh" (خ, غ) are k and g to a Latin reader; "sh", "ch", "zh" a sibilant;
                // "th", "dh" a dental; "ph" f.
                element = .consonant(consonantClass(byte == UInt8(ascii: "c") ? UInt8(ascii: "s") : byte))
                index += 1
            } else {
                element = .consonant(consonantClass(byte, abjad: abjad))
            }
            index += 1
            // A consonant written twice in an abjad word is two consonants with a short vowel
            // between them ("מננגגווה", m-n-n-g-g-w-a, Mnangagwa): an abjad writes a doubled
            // consonant once. `matches` lets the second stand for the first's Latin consonant too.
            if element == result.last, !abjad || element == .consonant(UInt8(ascii: "w")) || element == .consonant(UInt8(ascii: "b")) {
                continue
            }
            result.append(element)
        }
        return result
    }

    static func vowel(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a"): Vowel.a
        case UInt8(ascii: "e"), UInt8(ascii: "i"): Vowel.front
        case UInt8(ascii: "o"), UInt8(ascii: "u"): Vowel.back
        default: nil
        }
    }

    /// Whether the abjad word `abjad` (its romanised letters) can be the Latin word `latin`;
    /// `letters` says what its letters were (`AbjadLetters`). A word that opened with ain may
    /// also pair that opening with a Latin opening vowel, as an opening alef does ("li" for
    /// "علی" is "Ali", "Eli"; "mr" for "عمر" "Omar").
    /// The article and a final heh give the word more readings (`ArabicArticle.readings`), and a
    /// word that opens with the article is also read without it ("الضيف", "aldif", is Deif).
    static func matches(abjad: ArraySlice<UInt8>, latin: ArraySlice<UInt8>, letters: AbjadLetters = []) -> Bool {
        let base = elements(abjad, abjad: true, letters: letters)
        let articles: AbjadLetters = [.openingArticle, .abdArticle, .innerArticle, .finalHeh]
        // Most words have neither: one reading, no array of them.
        if letters.isDisjoint(with: articles) { return matchesOpening(base, abjad: abjad, latin: latin, letters: letters) }
        for reading in ArabicArticle.readings(base, abjad: abjad, latin: latin, letters: letters)
        where matchesOpening(reading, abjad: abjad, latin: latin, letters: letters) {
            return true
        }
        if letters.contains(.openingArticle), abjad.count >= 4, abjad.starts(with: "al".utf8) {
            return matches(abjad: abjad.dropFirst(2), latin: latin, letters: letters.subtracting([.openingArticle, .openingAin, .abdArticle]))
        }
        return false
    }

    /// `matches` of one reading `a` of the word, and with the vowel of an opening ain before it.
    @inline(__always)
    static func matchesOpening(_ a: [Element], abjad: ArraySlice<UInt8>, latin: ArraySlice<UInt8>, letters: AbjadLetters) -> Bool {
        if matches(a, abjad: abjad, latin: latin) { return true }
        guard letters.contains(.openingAin), let first = latin.first, vowel(first) != nil else { return false }
        var opened = a
        opened.insert(.vowel(Vowel.a | Vowel.front | Vowel.back), at: 0)
        return matches(opened, abjad: abjad, latin: latin)
    }

    /// Whether the abjad word opened with ain and the Latin word opens with a consonant: Latin
    /// spellings write the vowel the ain carries, so the two are other names.
    static func lacksAinVowel(_ abjad: TokenForms, latin: TokenForms) -> Bool {
        guard abjad.abjadLetters.contains(.openingAin), let first = (latin.text.isEmpty ? latin.key : latin.text).first else { return false }
        return vowel(first) == nil
    }

    /// Whether an abjad word and a Latin word end alike, as `matches` reads them: an abjad writes
    /// a final vowel (alef, yeh, waw), so an abjad word ending in a vowel letter is no Latin word
    /// ending in a consonant other than "h", "y" or "w" ("حسنی", "hsni", is not Husayn;
    /// "احمدی", Ahmadi, not Ahmad). The other way round a skeleton may leave a final vowel out
    /// ("سن" for Sani in the project's pairs), so a Latin final vowel asks nothing.
    static func endsAlike(abjad: ArraySlice<UInt8>, latin: ArraySlice<UInt8>) -> Bool {
        guard let x = abjad.last, let y = latin.last, vowel(x) != nil else { return true }
        return vowel(y) != nil || y == UInt8(ascii: "h") || y == UInt8(ascii: "y") || y == UInt8(ascii: "w")
    }

    /// `matches` of the abjad word's elements `a`.
    @inline(__always)
    static func matches(_ a: [Element], abjad: ArraySlice<UInt8>, latin: ArraySlice<UInt8>) -> Bool {
        let consonants = a.lazy.filter { if case .consonant = $0 { true } else { false } }.count
        if consonants == 1 { return shortWordMatches(a, elements(latin, abjad: false)) }
        guard consonants >= 2, a.count <= 24 else { return false }
        // The Latin word's elements only when the abjad's may match.
        let l = elements(latin, abjad: false)
        guard l.count <= 24 else { return false }
        // reachable[i * width + j]: the first i elements of the abjad word and the first j of
        // the Latin one align (one table in memory of the stack: it is made for every pair compared).
        let width = l.count + 1
        let alefMaqsura = consonants >= 3 && endsInAlefMaqsura(abjad, l)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: (a.count + 1) * width) { reachable -> Bool in
            reachable.initialize(repeating: false)
            reachable[0] = true
            for i in 0...a.count {
                for j in 0...l.count where reachable[i * width + j] {
                    // A Latin vowel the abjad leaves out (not the last element: a final vowel is written).
                    if j < l.count, case .vowel = l[j], j + 1 < l.count { reachable[i * width + j + 1] = true }
                    guard i < a.count else { continue }
                    if i > 0, j > 0, repeats(a[i - 1], a[i], l[j - 1]) { reachable[(i + 1) * width + j] = true }
                    guard j < l.count else { continue }
                    if pairs(a[i], l[j], first: i == 0) || (alefMaqsura && i + 1 == a.count && j + 1 == l.count) {
                        reachable[(i + 1) * width + j + 1] = true
                    }
                }
            }
            return reachable[a.count * width + l.count]
        }
    }

    /// An abjad word's letters with its "dh" and "th" (`abjadZ`) written "z" and "s", as Persian
    /// says them ("rdha" → "rza"); nil when it has neither. Candidates are looked up by its
    /// sound too.
    static func sibilantReading(_ word: ArraySlice<UInt8>) -> [UInt8]? {
        guard word.contains(UInt8(ascii: "h")) else { return nil }
        var result: [UInt8] = []
        var previous: UInt8 = 0
        var changed = false
        for byte in word {
            if byte == UInt8(ascii: "h"), previous == UInt8(ascii: "d") || previous == UInt8(ascii: "t") {
                result[result.count - 1] = previous == UInt8(ascii: "d") ? UInt8(ascii: "z") : UInt8(ascii: "s")
                changed = true
                previous = 0
                continue
            }
            result.append(byte)
            previous = byte
        }
        return changed ? result : nil
    }

    /// Whether the abjad word ends in a yeh after a consonant ("i") and the Latin word in an "a"
    /// after a consonant: the yeh may write the final "a", as the alef maqsura does, which
    /// Persian writes with its yeh and ICU reads "y" in Arabic too ("مجتبی", Mojtaba; "مصطفی",
    /// Mostafa; "مرتضی", Morteza). The two final elements then pair, in a word of three consonants
    /// or more (`matches`): with two the skeleton says too little ("بلي", Bali, is not Pola).
    static func endsInAlefMaqsura(_ abjad: ArraySlice<UInt8>, _ latin: [Element]) -> Bool {
        guard abjad.count >= 2, abjad.last == UInt8(ascii: "i"), latin.count >= 2, latin[latin.count - 1] == .vowel(Vowel.a),
            case .consonant = latin[latin.count - 2]
        else { return false }
        return !"aeiouwy".utf8.contains(abjad[abjad.index(before: abjad.endIndex) - 1])
    }

    /// Whether a short abjad word of one consonant and its vowel letters ("تو", "טו": "tu", To
    /// Lam's To) is the Latin word: the two written alike element by element, no unwritten vowel
    /// between, the consonant of the same class and each Latin vowel of the kind the abjad's
    /// letter writes ("tu" is "To", "Tu", "Du", not "Tao" or "Tuan"). With one consonant the
    /// skeleton says little, so it is read only as written.
    static func shortWordMatches(_ a: [Element], _ l: [Element]) -> Bool {
        guard a.count >= 2, a.count <= 3, a.count == l.count else { return false }
        for (x, y) in zip(a, l) {
            switch (x, y) {
            case (.consonant(let p), .consonant(let q)) where p == q || (p == abjadZ && (q == UInt8(ascii: "d") || q == UInt8(ascii: "s"))): continue
            case (.vowel(let p), .vowel(let q)) where q & ~p == 0: continue
            default: return false
            }
        }
        return true
    }

    /// Whether the abjad element `current` can stand for the Latin element `latin` that the
    /// element before it, `previous`, already stands for: two vowel letters writing one vowel
    /// (alef and yeh opening "إيمرسون", Emmerson; "ای" in Persian and Urdu), or a consonant
    /// written twice for one Latin consonant ("ננ" for the "nn" a Latin spelling doubles).
    static func repeats(_ previous: Element, _ current: Element, _ latin: Element) -> Bool {
        switch (previous, current, latin) {
        case (.vowel, _, .vowel):
            return isVowelLetter(current) && pairs(current, latin, first: false)
        case (.consonant(let x), .vowel, .vowel) where x == UInt8(ascii: "y"):
            // Yeh (ICU "y" before a vowel) and alef writing one run of Latin vowels: "شيا" for
            // the "ia" of Chinese Xia ("shya"), as "ia" is written in "Ziad".
            return pairs(previous, latin, first: false) && pairs(current, latin, first: false)
        case (.consonant(let x), .consonant(let y), .vowel) where isGlide(x) && isGlide(y):
            // Yeh and waw (ICU "y", "w" beside a vowel) writing one run of Latin vowels: "يو"
            // for the "io" of Spanish and Italian names ("ديوسدادو", Diosdado; "أنطونيو", Antonio).
            return pairs(previous, latin, first: false) && pairs(current, latin, first: false)
        case (.consonant(let x), .consonant(let y), .consonant):
            return x == y && pairs(current, latin, first: false)
        default:
            return false
        }
    }

    /// Whether a consonant class is yeh's "y" or waw's "w".
    static func isGlide(_ x: UInt8) -> Bool { x == UInt8(ascii: "y") || x == UInt8(ascii: "w") }

    /// A vowel, or yeh or waw written as the consonant beside a vowel ("ay", "aw").
    static func isVowelLetter(_ element: Element) -> Bool {
        switch element {
        case .vowel: true
        case .consonant(let x): x == UInt8(ascii: "y") || x == UInt8(ascii: "w")
        }
    }

    /// Whether an abjad element can stand for a Latin one.
    static func pairs(_ a: Element, _ l: Element, first: Bool) -> Bool {
        switch (a, l) {
        case (.consonant(let x), .consonant(let y)):
            if x == y { return true }
            if x == abjadJ { return y == UInt8(ascii: "k") || y == UInt8(ascii: "s") }
            if x == abjadZ { return y == UInt8(ascii: "d") || y == UInt8(ascii: "s") }
            // The abjad's vowel letters written as consonants: "y" for yeh, "w" for waw (ICU
            // writes them so beside a vowel); Latin writes waw "v" or "w". Hebrew writes a
            // foreign "w" with a doubled vav, read "v" ("מננגגווה", Mnangagwa).
            return (x == UInt8(ascii: "w") && y == UInt8(ascii: "b")) || (x == UInt8(ascii: "b") && y == UInt8(ascii: "w"))
        case (.vowel(let x), .vowel(let y)):
            // An alef opening the word carries any vowel ("اردوغان", "Erdogan").
            return first || x & y != 0
        case (.vowel(let x), .consonant(let y)):
            // Yeh and waw written as vowels stand for the consonants y and w or v too.
            return (x == Vowel.front && y == UInt8(ascii: "y")) || (x == Vowel.back && (y == UInt8(ascii: "w") || y == UInt8(ascii: "b")))
        case (.consonant(let x), .vowel(let y)):
            return (x == UInt8(ascii: "y") && y & Vowel.front != 0) || (x == UInt8(ascii: "w") && y & Vowel.back != 0)
        }
    }
}
