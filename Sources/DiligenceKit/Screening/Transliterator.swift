import Foundation

/// Turns a name in any script into plain Latin letters (ASCII), keeping its case, through ICU's
/// transforms (Foundation's `applyingTransform`):
///
/// - Cyrillic by BGN/PCGN, the romanisation OFAC and most Western lists use, with the Belarusian
///   or Ukrainian table when the letters say so (`ў`, or `і` without `и`: Belarusian; `ї`, `є`,
///   `ґ`, or `і` with `и`: Ukrainian; otherwise Russian);
/// - Greek by BGN/PCGN;
/// - Arabic, Hebrew, Georgian, Armenian, Han, Hangul, Kana and every other script by ICU's
///   `Any-Latin` (Arabic and Hebrew come out as consonant skeletons, "mhmd"; the phonetic key
///   of screening compares those with written vowels);
/// - then `Latin-ASCII` ("ß" → "ss", "Ø" → "O", diacritics dropped).
///
/// Pure ASCII input is returned unchanged without calling ICU.
public enum Transliterator {
    /// The ICU transform chain for a text, or nil when the text is ASCII.
    public static func transformID(for text: String) -> String? {
        var cyrillic = false, belarusianU = false, ukrainianOnly = false, dottedI = false, russianI = false
        var greek = false, ascii = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 { continue }
            ascii = false
            switch value {
            case 0x0400...0x052F:
                cyrillic = true
                switch scalar {
                case "ў", "Ў": belarusianU = true
                case "ї", "Ї", "є", "Є", "ґ", "Ґ": ukrainianOnly = true
                case "і", "І": dottedI = true
                case "и", "И": russianI = true
                default: break
                }
            case 0x0370...0x03FF, 0x1F00...0x1FFF:
                greek = true
            default:
                break
            }
        }
        if ascii { return nil }
        var steps = ["NFKC"]
        if cyrillic {
            if belarusianU || (dottedI && !russianI && !ukrainianOnly) {
                steps.append("Belarusian-Latin/BGN")
            } else if ukrainianOnly || dottedI {
                steps.append("Ukrainian-Latin/BGN")
            }
            steps.append("Russian-Latin/BGN")
        }
        if greek { steps.append("Greek-Latin/BGN") }
        // BGN/PCGN marks (soft and hard signs, the middle dot of "Lukash·enka") are not letters
        // of the name: removed before Latin-ASCII would turn them into apostrophes.
        steps += ["[\\u02B9\\u02BA\\u00B7] Remove", "Any-Latin", "Latin-ASCII"]
        return steps.joined(separator: "; ")
    }

    /// The text in Latin letters, case kept, without BGN/PCGN marks and modifier letters.
    public static func latin(_ text: String) -> String {
        guard let id = transformID(for: text) else { return text }
        return isLatinScript(text) ? latinByWord(text) : transform(text, id)
    }

    /// Latin letters with diacritics, Latin punctuation and spaces only: no script whose
    /// romanisation reads across words, so the text can be transformed word by word.
    static func isLatinScript(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x00...0x024F, 0x0300...0x036F, 0x1E00...0x1EFF, 0x2010...0x2027: return true
            default: return false
            }
        }
    }

    /// A Latin-script text word by word (between spaces), each word once per run: the names of
    /// a portfolio repeat a few words with diacritics ("Société", "Logística") thousands of times,
    /// and each ICU transform costs tens of microseconds. A test checks it against `transform`.
    static func latinByWord(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let word = String(word)
            guard let id = transformID(for: word) else { return word }
            if let known = wordMemo.value(for: word) { return known }
            let latin = transform(word, id)
            wordMemo.store(latin, for: word)
            return latin
        }.joined(separator: " ")
    }

    private static let wordMemo = Memo<String, String>(capacity: 100_000)

    /// The ICU transform chain `id` applied to the whole text, BGN/PCGN marks removed.
    static func transform(_ text: String, _ id: String) -> String {
        let transformed = text.applyingTransform(StringTransform(id), reverse: false) ?? text
        var result = ""
        result.unicodeScalars.reserveCapacity(transformed.unicodeScalars.count)
        for scalar in transformed.unicodeScalars {
            switch scalar {
            case "ʹ", "ʺ", "·", "ʼ", "ʻ", "ʽ", "ʾ", "ʿ", "′", "″":
                continue
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

