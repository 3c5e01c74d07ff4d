import Foundation

/// Case- and accent-insensitive keys for matching names a person typed.
public enum TextFolding {
    /// Lower-case, without diacritics, typographic apostrophes made plain, runs of spaces,
    /// underscores and hyphens made one space: "Côte d’Ivoire" → "cote d'ivoire".
    public static func key(_ text: String) -> String {
        // ASCII needs no ICU folding: lower-casing is enough (the common case, and much faster),
        // and is done on the bytes.
        // ASCII, and Latin and Cyrillic letters, folded and spaced in one pass over the bytes.
        if let latin = latinKey(text) { return latin }
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

    /// A table letter's fold as `latinKey` appends it: its bytes when it holds no apostrophe or
    /// separator (nearly every letter), else its scalars, spaced one by one.
    private struct LetterFold: Sendable {
        var bytes: [UInt8]
        var needsSpacing: Bool

        init(_ fold: String) {
            bytes = Array(fold.utf8)
            needsSpacing = fold.unicodeScalars.contains { TextFolding.spacing($0) != nil }
        }
    }

    /// `latinLetterFolds` and `cyrillicLetterFolds` as `latinKey` appends them.
    private static let latinLetterFoldBytes: [LetterFold] = latinLetterFolds.map(LetterFold.init)
    private static let cyrillicLetterFoldBytes: [LetterFold] = cyrillicLetterFolds.map(LetterFold.init)

    /// What `spaced` does with a scalar other than a kept one.
    enum Spacing {
        /// Made a plain apostrophe.
        case apostrophe
        /// A separator: runs of them are one space, none at either end.
        case separator
    }

    /// How `spaced` treats `scalar`: nil when it is kept as it is.
    @inline(__always)
    static func spacing(_ scalar: Unicode.Scalar) -> Spacing? {
        switch scalar {
        case "’", "‘", "`", "´", "ʼ": return .apostrophe
        case " ", "\t", "\n", "_", "-", "‐", "–", "—": return .separator
        default: return nil
        }
    }

    /// `spaced(latinFolded(text))`, made in one pass over the text's UTF-8 bytes into one buffer
    /// (no intermediate text): ASCII lower-cased, each letter of the tables replaced by its fold,
    /// apostrophes and separators as `spaced` treats them. Nil for any other text.
    static func latinKey(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 4)
            var cyrillic = false
            guard appendLatinKey(of: bytes, to: &out, cyrillic: &cyrillic) else { return nil }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `latinKey` of UTF-8 bytes, appended to `out`: true when every character is ASCII or a
    /// letter of the tables, each of those written as UTF-8 (a lead byte followed by its one
    /// continuation byte), false for any other bytes (`out` then holds part of a key).
    /// `cyrillic` is set when a Cyrillic letter of the table was read (`Gazetteer.hasCyrillicLetter`).
    @inline(__always)
    static func appendLatinKey(of bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], cyrillic isCyrillic: inout Bool) -> Bool {
        // The tables read once, not through their lazy globals at every letter.
        let latin = latinLetterFoldBytes, cyrillic = cyrillicLetterFoldBytes
        // No nested function appends: one capturing `out` made every append an exclusivity check.
        var pendingSpace = false
        let start = out.count
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                let kept: UInt8
                switch lead {
                case 0x20, 0x09, 0x0A, UInt8(ascii: "_"), UInt8(ascii: "-"):
                    pendingSpace = true
                    index += 1
                    continue
                case UInt8(ascii: "`"): kept = UInt8(ascii: "'")
                default: kept = ASCII.lowercased(lead)
                }
                if pendingSpace, out.count > start { out.append(0x20) }
                pendingSpace = false
                out.append(kept)
                index += 1
                continue
            }
            // The tables' letters are two-byte scalars (U+00C0 to U+024F, U+0400 to U+052F).
            guard lead & 0xE0 == 0xC0, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return false }
            let value = Int(lead & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
            let fold: LetterFold
            switch value {
            case 0xC0...0x24F: fold = latin[value - 0xC0]
            case 0x400...0x481, 0x48A...0x52F:
                fold = cyrillic[value - 0x400]
                isCyrillic = true
            default: return false
            }
            index += 2
            if fold.needsSpacing {
                for scalar in String(decoding: fold.bytes, as: UTF8.self).unicodeScalars {
                    switch spacing(scalar) {
                    case .separator:
                        pendingSpace = true
                    case .apostrophe:
                        if pendingSpace, out.count > start { out.append(0x20) }
                        pendingSpace = false
                        out.append(UInt8(ascii: "'"))
                    case nil:
                        if pendingSpace, out.count > start { out.append(0x20) }
                        pendingSpace = false
                        out.append(contentsOf: String(scalar).utf8)
                    }
                }
            } else if !fold.bytes.isEmpty {
                if pendingSpace, out.count > start { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: fold.bytes)
            }
        }
        return true
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
    /// and hyphens one space, none at either end. (`key` now takes `latinKey`, which does these
    /// steps within its one pass; this stays as the ASCII steps stated alone, for the tests.)
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
