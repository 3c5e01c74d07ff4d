/// The Arabic article "ال" in names written in Arabic script (Arabic, Persian, Urdu, Pashto),
/// and the final ta marbuta or heh, as Latin spellings write them.
///
/// - The article opening a word ("الحوثي", "الضيف") is a word of its own in Latin spellings or
///   left out: "AL HOUTHI", "al-Deif", "Deif" (`AbjadLetters.openingArticle`).
/// - Inside a compound name its vowel is written as it is heard, and its "l" as the sun letter
///   after it: "عبدالله" is Abdullah, Abdallah, Abdellah; "عبد القدير" Abdul Qadeer, Abdelkader;
///   "عبد الرحمن" Abdurrahman; "نصرالله" Nasrallah, Nasrullah; "سراج الدين" Sirajuddin
///   (`AbjadLetters.abdArticle`, `.innerArticle`).
/// - "عبد" and the article are one name in Latin spellings ("Abdul", "Abdel", "Abd al-"), the
///   name after it another ("Qadeer"), however the Arabic groups them (`regrouped`).
/// - Ta marbuta and a final heh after a consonant write the final vowel: "أسامة", "اسامه",
///   "اسامہ" are Usama, Osama (`AbjadLetters.finalHeh`).
enum ArabicArticle {
    static let alef: UInt32 = 0x0627, lam: UInt32 = 0x0644, heh: UInt32 = 0x0647
    /// "عبد" and the article: ain, beh, dal, alef, lam.
    static let abdAl: [UInt32] = [0x0639, 0x0628, 0x062F, 0x0627, 0x0644]
    /// Ta marbuta, heh, Urdu heh goal, heh with yeh above, Kurdish ae: letters that end a word
    /// on its final vowel.
    static let finalHehs: Set<UInt32> = [0x0629, 0x0647, 0x06C1, 0x06C0, 0x06D5]
    /// Alef, waw, yeh (Arabic and Persian), alef maqsura, yeh barree: long vowels. A heh after
    /// one is a consonant ("شاه", Shah).
    static let vowelLetters: Set<UInt32> = [0x0627, 0x0648, 0x064A, 0x06CC, 0x0649, 0x06D2, 0x0622]

    /// Yeh, Arabic and Persian: the ending of a surname made from a name ("-i").
    static let yehs: Set<UInt32> = [0x064A, 0x06CC]

    /// The letters of a word without its vowel marks (harakat, superscript alef, tatweel), as
    /// code points read from its UTF-8 bytes.
    static func letters<Word: StringProtocol>(_ word: Word) -> [UInt32] {
        var result: [UInt32] = []
        var value: UInt32 = 0, pending = 0
        for byte in word.utf8 {
            if pending > 0 {
                value = value << 6 | UInt32(byte & 0x3F)
                pending -= 1
            } else if byte < 0x80 {
                value = UInt32(byte)
            } else if byte >= 0xF0 {
                (value, pending) = (UInt32(byte & 0x07), 3)
            } else if byte >= 0xE0 {
                (value, pending) = (UInt32(byte & 0x0F), 2)
            } else {
                (value, pending) = (UInt32(byte & 0x1F), 1)
            }
            guard pending == 0, !(0x064B...0x065F).contains(value), value != 0x0670, value != 0x0640 else { continue }
            result.append(value)
        }
        return result
    }

    /// What the article and a final heh make of an Arabic-script word (`AbjadLetters`).
    static func letters<Word: StringProtocol>(of word: Word) -> AbjadLetters {
        let s = letters(word)
        let n = s.count
        var result = AbjadLetters()
        // Not "الله" (Allah) alone, whose alef and lam are the name's; the alef bare, without a
        // mark ("آلاء", Alaa, opens with alef and madda).
        // Alef is D8 A7, lam D9 84.
        let opensBare = word.utf8.starts(with: [0xD8, 0xA7, 0xD9, 0x84])
        if n >= 4, opensBare, !(n == 4 && s[2] == lam && s[3] == heh) { result.insert(.openingArticle) }
        if n >= 5, s.starts(with: abdAl) {
            result.insert(.abdArticle)
        } else if n >= 7, (3...(n - 4)).contains(where: { s[$0] == alef && s[$0 + 1] == lam }) {
            result.insert(.innerArticle)
        }
        if n >= 3, finalHehs.contains(s[n - 1]), !vowelLetters.contains(s[n - 2]) { result.insert(.finalHeh) }
        return result
    }

    /// The name with "عبد" and the article one word and the name after them another, as Latin
    /// spellings group them: "عبد القدير" and "عبدالقدير" are "عبدال قدير" (Abdul Qadeer);
    /// "عبد الله" is "عبدالله" (Abdullah, one name). The text unchanged when it has no "عبد".
    static func regrouped(_ text: String) -> String {
        // "عبد" is the UTF-8 bytes D8 B9 D8 A8 D8 AF.
        let abd: [UInt8] = [0xD8, 0xB9, 0xD8, 0xA8, 0xD8, 0xAF]
        let bytes = Array(text.utf8)
        guard bytes.count >= abd.count, (0...(bytes.count - abd.count)).contains(where: { bytes[$0..<($0 + abd.count)].elementsEqual(abd) }) else {
            return text
        }
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var index = 0
        while index < words.count {
            if index + 1 < words.count, words[index].utf8.elementsEqual(abd), letters(words[index + 1]).starts(with: [alef, lam]) {
                words[index] += words.remove(at: index + 1)
            }
            let s = letters(words[index])
            // After "عبدال": the name, unless it is Allah's "له" ("عبدالله"), or the word ends in
            // yeh, a surname made from the compound ("عبداللهی", Abdollahi; "عبدالمالکی", Abdolmaleki).
            if s.count >= 7, s.starts(with: abdAl), !(s.count == 7 && s[5] == lam && finalHehs.contains(s[6])), !yehs.contains(s[s.count - 1]) {
                let scalars = Array(words[index].unicodeScalars)
                // The split falls after the fifth letter (marks stay with their letter).
                var seen = 0, cut = scalars.count
                for (position, scalar) in scalars.enumerated()
                where !(0x064B...0x065F).contains(scalar.value) && scalar.value != 0x0670 && scalar.value != 0x0640 {
                    if seen == 5 {
                        cut = position
                        break
                    }
                    seen += 1
                }
                var head = String.UnicodeScalarView(), tail = String.UnicodeScalarView()
                head.append(contentsOf: scalars[..<cut])
                tail.append(contentsOf: scalars[cut...])
                words[index] = String(head)
                words.insert(String(tail), at: index + 1)
                index += 1
            }
            index += 1
        }
        return words.joined(separator: " ")
    }

    /// The sun letters' classes (`AbjadComparison.consonantClass`): t, d, s, z, sh, r, n, l and
    /// the dentals ذ, ض, ث; the article's "l" is said as they are ("ad-Din", "ar-Rahman").
    static func isSun(_ element: AbjadComparison.Element) -> Bool {
        guard case .consonant(let c) = element else { return false }
        return c == UInt8(ascii: "d") || c == UInt8(ascii: "s") || c == UInt8(ascii: "r") || c == UInt8(ascii: "n") || c == UInt8(ascii: "l")
            || c == AbjadComparison.abjadZ
    }

    /// The index in `elements` of the alef of an article inside the word (after "عبد", or
    /// `innerArticle`'s last "al" with two letters or more after it); nil otherwise.
    static func innerIndex(_ abjad: ArraySlice<UInt8>, _ elements: [AbjadComparison.Element], letters: AbjadLetters) -> Int? {
        let bytes = Array(abjad)
        var offset: Int?
        if letters.contains(.abdArticle) {
            if bytes.starts(with: Array("bdal".utf8)) { offset = 2 }
        } else if letters.contains(.innerArticle), bytes.count >= 6 {
            offset = (2...(bytes.count - 4)).last { bytes[$0] == UInt8(ascii: "a") && bytes[$0 + 1] == UInt8(ascii: "l") }
        }
        guard let offset else { return nil }
        let index = AbjadComparison.elements(abjad.prefix(offset), abjad: true, letters: letters).count
        guard index + 1 < elements.count, elements[index] == .vowel(AbjadComparison.Vowel.a), elements[index + 1] == .consonant(UInt8(ascii: "l")) else {
            return nil
        }
        return index
    }

    /// The readings of an abjad word's elements (`AbjadComparison.elements`) that its article
    /// and final heh allow, the word as written first: the inner article's vowel any vowel, and
    /// its "l" left out before a sun letter; the opening article's "l" left out so too; the final
    /// heh a vowel, "a" or "e", when the Latin word ends in a vowel.
    static func readings(
        _ base: [AbjadComparison.Element], abjad: ArraySlice<UInt8>, latin: ArraySlice<UInt8>, letters: AbjadLetters
    ) -> [[AbjadComparison.Element]] {
        var result = [base]
        let anyVowel = AbjadComparison.Element.vowel(AbjadComparison.Vowel.a | AbjadComparison.Vowel.front | AbjadComparison.Vowel.back)
        if letters.contains(.abdArticle) || letters.contains(.innerArticle), let q = innerIndex(abjad, base, letters: letters) {
            var open = base
            open[q] = anyVowel
            result.append(open)
            if q + 2 < open.count, isSun(open[q + 2]) {
                open.remove(at: q + 1)
                result.append(open)
            }
        }
        if letters.contains(.openingArticle), base.count >= 3, base[1] == .consonant(UInt8(ascii: "l")), isSun(base[2]) {
            var assimilated = base
            assimilated.remove(at: 1)
            result.append(assimilated)
        }
        // The final vowel "a" or "e" alone ("Usama", "Fatime"), not a run of vowels ("Emilio").
        if letters.contains(.finalHeh), base.count >= 3, base.last == .consonant(UInt8(ascii: "h")), latin.count >= 2,
            let last = latin.last, last == UInt8(ascii: "a") || last == UInt8(ascii: "e"),
            AbjadComparison.vowel(latin[latin.index(before: latin.endIndex) - 1]) == nil
        {
            let vowel = AbjadComparison.Element.vowel(AbjadComparison.Vowel.a | AbjadComparison.Vowel.front)
            result += result.map { reading in
                var open = reading
                open[open.count - 1] = vowel
                return open
            }
        }
        return result
    }
}
