import Foundation

/// Case- and accent-insensitive keys for matching names a person typed.
public enum TextFolding {
    /// Lower-case, without diacritics, typographic apostrophes made plain, runs of spaces,
    /// underscores and hyphens made one space: "Côte d’Ivoire" → "cote d'ivoire".
    public static func key(_ text: String) -> String {
        // ASCII needs no ICU folding: lower-casing is enough (the common case, and much faster),
        // and is done on the bytes.
        if let ascii = asciiKey(text) { return ascii }
        if let latin = latinFolded(text) { return spaced(latin) }
        return spaced(folded(text))
    }

    /// Foundation's folding: case, diacritics and width set aside.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The letters of Latin-1 and Latin Extended-A and -B (U+00C0 to U+024F), each folded once
    /// by Foundation, by position from U+00C0.
    private static let latinLetterFolds: [String] = (0xC0...0x24F).map { value in
        Unicode.Scalar(value).map { folded(String(Character($0))) } ?? ""
    }

    /// The Cyrillic letters (U+0400 to U+0481, U+048A to U+052F; not the combining marks
    /// between), each folded once by Foundation, by position from U+0400.
    private static let cyrillicLetterFolds: [String] = (0x400...0x52F).map { value in
        Unicode.Scalar(value).map { folded(String(Character($0))) } ?? ""
    }

    /// `folded` of a text made only of ASCII and of those letters (European names with accents:
    /// "Zézé Cuamba", "Łódź", "Уралснаблес"), one character at a time from the tables: each is a
    /// character of its own (no combining mark follows in such a text), and folding them does
    /// not depend on their neighbours. Nil for any other text (tests compare the two on every
    /// built-in name).
    static func latinFolded(_ text: String) -> String? {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x80:
                result.unicodeScalars.append(Unicode.Scalar(ASCII.lowercased(UInt8(scalar.value))))
            case 0xC0...0x24F:
                result += latinLetterFolds[Int(scalar.value) - 0xC0]
            case 0x400...0x481, 0x48A...0x52F:
                result += cyrillicLetterFolds[Int(scalar.value) - 0x400]
            default:
                return nil
            }
        }
        return result
    }

    /// The folded text with apostrophes made plain and separators made single spaces.
    static func spaced(_ folded: String) -> String {
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "’", "‘", "`", "´", "ʼ":
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append("'")
            case " ", "\t", "\n", "_", "-", "‐", "–", "—":
                pendingSpace = true
            default:
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `key` of an ASCII text, on its bytes; nil for any other text. The same steps: capitals
    /// lowered, the backquote made an apostrophe, runs of spaces, tabs, line feeds, underscores
    /// and hyphens one space, none at either end.
    static func asciiKey(_ text: String) -> String? {
        ASCII.words(of: text) { byte in
            switch byte {
            case 0x20, 0x09, 0x0A, UInt8(ascii: "_"), UInt8(ascii: "-"): return .separator
            case UInt8(ascii: "`"): return .keep(UInt8(ascii: "'"))
            default: return .keep(ASCII.lowercased(byte))
            }
        }
    }
}
