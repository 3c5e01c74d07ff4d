import Foundation

/// Case- and accent-insensitive keys for matching names a person typed.
public enum TextFolding {
    /// Lower-case, without diacritics, typographic apostrophes made plain, runs of spaces,
    /// underscores and hyphens made one space: "Côte d’Ivoire" → "cote d'ivoire".
    public static func key(_ text: String) -> String {
        // ASCII needs no ICU folding: lower-casing is enough (the common case, and much faster),
        // and is done on the bytes.
        if let ascii = asciiKey(text) { return ascii }
        return spaced(text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil))
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
