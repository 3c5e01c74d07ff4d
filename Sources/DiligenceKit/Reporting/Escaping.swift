/// Escaping for text that comes from policy or database files. Each function first looks for a
/// byte it would change and returns the text untouched when there is none (most names and
/// messages); only texts with such bytes are rebuilt.
public enum Escaping {
    /// Inline Markdown: no table breaks (`|`), no HTML (`<`, `>`, `&`), no emphasis, links or
    /// code spans, no line breaks.
    public static func markdown(_ text: String) -> String {
        guard text.utf8.contains(where: { markdownSpecial[Int($0)] }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var previousCR = false
        for byte in text.utf8 {
            defer { previousCR = byte == 0x0D }
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "!"):
                result.append(0x5C)
                result.append(byte)
            // CR LF is one line break: one space.
            case 0x0A where previousCR: continue
            case 0x0A, 0x0D, 0x09: result.append(0x20)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The bytes `markdown` changes.
    private static let markdownSpecial: [Bool] = (0..<256).map { byte in
        "&<>|\\`*_[]#~!\n\r\t".utf8.contains(UInt8(byte))
    }

    /// Text inside a Markdown code span: backticks and line breaks removed.
    public static func code(_ text: String) -> String {
        // Line breaks: LF, VT, FF, CR (CR LF counts once), NEL, LS, PS.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "`") || (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "`": result.append("'")
            case "\n" where previousCR: continue
            case "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}": result.append(" ")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Text inside a code span in a table cell: as `code`, with `|` escaped, because GFM splits
    /// a table row on unescaped pipes before it reads code spans (`\|` shows as `|` there).
    public static func codeInTable(_ text: String) -> String {
        let code = code(text)
        return code.utf8.contains(UInt8(ascii: "|")) ? code.replacingOccurrences(of: "|", with: "\\|") : code
    }

    /// GitHub workflow command message: `%`, CR and LF encoded so a value cannot start a second command.
    public static func githubMessage(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// GitHub workflow command property: as a message, plus `:` and `,`.
    public static func githubProperty(_ text: String) -> String {
        githubMessage(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// A single terminal line: control characters made visible.
    public static func terminal(_ text: String) -> String {
        // Control characters are U+0000–U+001F, U+007F and U+0080–U+009F (UTF-8 C2 80–C2 9F).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "?" : scalar
        }))
    }

    /// XML 1.0 character data or attribute value: `&`, `<`, `>`, `"` and `'` as entities, CR as
    /// `&#13;` (a parser would turn a literal one into LF), and the characters XML 1.0 does not
    /// allow at all (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) removed.
    /// Line feeds and tabs stay literal; use `xmlAttribute` inside attribute values.
    public static func xml(_ text: String) -> String {
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF || "&<>\"'".utf8.contains($0) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An XML attribute value: as `xml`, with line feeds and tabs as character references so
    /// attribute-value normalisation does not turn them into spaces.
    public static func xmlAttribute(_ text: String) -> String {
        xml(text).replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\t", with: "&#9;")
    }
}
