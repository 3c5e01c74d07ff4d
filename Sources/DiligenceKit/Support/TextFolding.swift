import Foundation

/// Case- and accent-insensitive keys for matching names a person typed.
public enum TextFolding {
    /// Lower-case, without diacritics, typographic apostrophes made plain, runs of spaces,
    /// underscores and hyphens made one space: "Côte d’Ivoire" → "cote d'ivoire".
    public static func key(_ text: String) -> String {
        // ASCII needs no ICU folding: lower-casing is enough (the common case, and much faster).
        let folded =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
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
}
