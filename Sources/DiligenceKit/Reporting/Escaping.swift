/// Escaping for text that comes from policy or database files. Each function first looks for a
/// byte it would change and returns the text untouched when there is none (most names and
/// messages); only texts with such bytes are rebuilt.
public enum Escaping {
    /// Inline Markdown: no table breaks (`|`), no HTML (`<`, `>`, `&`), no emphasis, links or
    /// code spans, no line breaks.
    public static func markdown(_ text: String) -> String {
        guard markdownSpecial.occurs(in: text) else { return text }
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
    private static let markdownSpecial = ByteTableSet(Array("&<>|\\`*_[]#~!\n\r\t".utf8))

    /// The first bytes of what `code` changes: backticks and line breaks (LF, VT, FF, CR; NEL
    /// is C2 85, LS and PS are E2 80 A8 and E2 80 A9).
    private static let codeSpecial = ByteTableSet([UInt8(ascii: "`"), 0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE2])
    /// Control characters: U+0000–U+001F, U+007F, and U+0080–U+009F (C2 80–C2 9F).
    private static let terminalSpecial = ByteTableSet(Array(0x00...0x1F) + [0x7F, 0xC2])
    /// What `xml` changes or removes: markup characters, C0 controls, U+FFFE and U+FFFF (EF BF BE/BF).
    private static let xmlSpecial = ByteTableSet(Array(0x00...0x1F) + Array("&<>\"'".utf8) + [0xEF])


    /// Text inside a Markdown code span: backticks and line breaks removed.
    public static func code(_ text: String) -> String {
        // Line breaks: LF, VT, FF, CR (CR LF counts once), NEL, LS, PS.
        guard codeSpecial.occurs(in: text) else { return text }
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
        github(text, special: githubMessageSpecial)
    }

    /// GitHub workflow command property: as a message, plus `:` and `,`.
    public static func githubProperty(_ text: String) -> String {
        github(text, special: githubPropertySpecial)
    }

    private static let githubMessageSpecial = ByteTableSet(Array("%\r\n".utf8))
    private static let githubPropertySpecial = ByteTableSet(Array("%\r\n:,".utf8))

    /// Each byte of `special` as `%XX` (upper-case hex); the text itself when it holds none.
    private static func github(_ text: String, special: ByteTableSet) -> String {
        guard special.occurs(in: text) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if special.contains(byte) {
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A single terminal line: control characters made visible.
    public static func terminal(_ text: String) -> String {
        // Control characters are U+0000–U+001F, U+007F and U+0080–U+009F (UTF-8 C2 80–C2 9F).
        guard terminalSpecial.occurs(in: text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "?" : scalar
        }))
    }

    /// XML 1.0 character data or attribute value: `&`, `<`, `>`, `"` and `'` as entities, CR as
    /// `&#13;` (a parser would turn a literal one into LF), and the characters XML 1.0 does not
    /// allow at all (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) removed.
    /// Line feeds and tabs stay literal; use `xmlAttribute` inside attribute values.
    public static func xml(_ text: String) -> String {
        xml(text, attribute: false)
    }

    /// An XML attribute value: as `xml`, with line feeds and tabs as character references so
    /// attribute-value normalisation does not turn them into spaces.
    public static func xmlAttribute(_ text: String) -> String {
        xml(text, attribute: true)
    }

    private static func xml(_ text: String, attribute: Bool) -> String {
        guard xmlSpecial.occurs(in: text) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&apos;".utf8)
                case 0x0D: result.append(contentsOf: "&#13;".utf8)
                case 0x0A: if attribute { result.append(contentsOf: "&#10;".utf8) } else { result.append(byte) }
                case 0x09: if attribute { result.append(contentsOf: "&#9;".utf8) } else { result.append(byte) }
                case 0x00...0x1F: continue
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
                case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF):
                    index += 2
                default: result.append(byte)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
