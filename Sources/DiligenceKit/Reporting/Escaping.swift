/// Escaping for text that comes from policy or database files.
public enum Escaping {
    /// Inline Markdown: no table breaks (`|`), no HTML (`<`, `>`, `&`), no emphasis, links or
    /// code spans, no line breaks.
    public static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "|": result += "\\|"
            case "\\", "`", "*", "_", "[", "]", "#", "~", "!": result += "\\" + String(character)
            case "\n", "\r", "\r\n", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Text inside a Markdown code span: backticks and line breaks removed.
    public static func code(_ text: String) -> String {
        text.map { $0 == "`" ? "'" : ($0.isNewline ? " " : $0) }.map(String.init).joined()
    }

    /// Text inside a code span in a table cell: as `code`, with `|` escaped, because GFM splits
    /// a table row on unescaped pipes before it reads code spans (`\|` shows as `|` there).
    public static func codeInTable(_ text: String) -> String {
        code(text).replacingOccurrences(of: "|", with: "\\|")
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
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "?" : scalar
        }))
    }

    /// XML 1.0 character data or attribute value: `&`, `<`, `>`, `"` and `'` as entities, CR as
    /// `&#13;` (a parser would turn a literal one into LF), and the characters XML 1.0 does not
    /// allow at all (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) removed.
    /// Line feeds and tabs stay literal; use `xmlAttribute` inside attribute values.
    public static func xml(_ text: String) -> String {
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
