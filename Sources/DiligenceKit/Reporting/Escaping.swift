/// Escaping for text that comes from policy or database files. Each function first looks for a
/// byte it would change and returns the text untouched when there is none (most names and
/// messages); only texts with such bytes are rebuilt.
public enum Escaping {
    /// Inline Markdown: no table breaks (`|`), no HTML (`<`, `>`, `&`), no emphasis, links or
    /// code spans, no line breaks.
    public static func markdown(_ text: String) -> String {
        guard markdownSpecial.occurs(in: text) else { return text }
        var text = text
        return text.withUTF8(markdownBytes)
    }

    /// `markdown` of a text's UTF-8 bytes that need a change, a byte at a time: the bytes of
    /// scalars it leaves are copied a run at a time (a message with a "≤" or a "→" sent every
    /// scalar through a `String.UnicodeScalarView` before).
    private static func markdownBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var runStart = 0
        var index = 0
        var previousCR = false
        func replace(_ length: Int, with replacement: StaticString) {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            result.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += length
            runStart = index
        }
        while index < bytes.count {
            let byte = bytes[index]
            let wasCR = previousCR
            previousCR = byte == 0x0D
            switch byte {
            case UInt8(ascii: "&"): replace(1, with: "&amp;")
            case UInt8(ascii: "<"): replace(1, with: "&lt;")
            case UInt8(ascii: ">"): replace(1, with: "&gt;")
            case UInt8(ascii: "|"): replace(1, with: "\\|")
            case UInt8(ascii: "\\"): replace(1, with: "\\\\")
            case UInt8(ascii: "`"): replace(1, with: "\\`")
            case UInt8(ascii: "*"): replace(1, with: "\\*")
            case UInt8(ascii: "_"): replace(1, with: "\\_")
            case UInt8(ascii: "["): replace(1, with: "\\[")
            case UInt8(ascii: "]"): replace(1, with: "\\]")
            case UInt8(ascii: "#"): replace(1, with: "\\#")
            case UInt8(ascii: "~"): replace(1, with: "\\~")
            case UInt8(ascii: "!"): replace(1, with: "\\!")
            // CR LF is one line break: one space.
            case 0x0A where wasCR: replace(1, with: "")
            case 0x0A, 0x0D, 0x09: replace(1, with: " ")
            case 0x00..<0x20, 0x7F, 0xC2, 0xD8, 0xE2:
                guard let hidden = HiddenCharacters.scalar(in: bytes, at: index) else {
                    index += byte < 0x80 ? 1 : byte >= 0xE0 ? 3 : 2
                    continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                result.append(contentsOf: HiddenCharacters.visible(hidden.scalar).utf8)
                index += hidden.length
                runStart = index
            default:
                index += byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            }
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return String(decoding: result, as: UTF8.self)
    }

    /// The definition `markdown` is tested against: the same, a scalar at a time.
    static func markdownByScalars(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "|", "\\", "`", "*", "_", "[", "]", "#", "~", "!":
                result.append("\\")
                result.append(scalar)
            // CR LF is one line break: one space.
            case "\n" where previousCR: continue
            case "\n", "\r", "\t": result.append(" ")
            case _ where HiddenCharacters.isHidden(scalar):
                result.append(contentsOf: HiddenCharacters.visible(scalar).unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The bytes `markdown` changes.
    private static let markdownSpecial = ByteTableSet(Array("&<>|\\`*_[]#~!".utf8) + HiddenCharacters.leadBytes)

    /// The first bytes of what `code` changes: backticks and line breaks (LF, VT, FF, CR; NEL
    /// is C2 85, LS and PS are E2 80 A8 and E2 80 A9).
    private static let codeSpecial = ByteTableSet([UInt8(ascii: "`")] + HiddenCharacters.leadBytes)
    /// What `xml` changes or removes: markup characters, hidden characters, U+FFFE and U+FFFF (EF BF BE/BF).
    private static let xmlSpecial = ByteTableSet(Array("&<>\"'".utf8) + HiddenCharacters.leadBytes + [0xEF])

    /// Text inside a Markdown code span: backticks and line breaks removed, other hidden
    /// characters written out (`\u{202E}`).
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
            case _ where HiddenCharacters.isHidden(scalar):
                result.append(contentsOf: HiddenCharacters.visible(scalar).unicodeScalars)
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

    /// Each byte of `special` as `%XX` (upper-case hex), other hidden characters (escape
    /// sequences, bidirectional overrides) written out as `\u{1B}`; the text itself when it holds
    /// none of either.
    private static func github(_ text: String, special: ByteTableSet) -> String {
        guard special.occurs(in: text) || HiddenCharacters.occur(in: text) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar.isASCII, special.contains(UInt8(scalar.value)) {
                let byte = UInt8(scalar.value)
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else if HiddenCharacters.isHidden(scalar) {
                result += HiddenCharacters.visible(scalar).utf8
            } else {
                result += String(scalar).utf8
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A single terminal line: control and bidirectional formatting characters shown as `?`.
    public static func terminal(_ text: String) -> String {
        guard HiddenCharacters.occur(in: text) || text.utf8.contains(0x09) else { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    HiddenCharacters.isHidden(scalar) || scalar == "\t" ? "?" : scalar
                }))
    }

    /// HTML element text or a quoted attribute value (the HTML report's maps, matrix and
    /// timeline): `&`, `<`, `>`, `"`, `'` as entities, the report's citation placeholder U+E000
    /// as a reference, hidden characters written out as in the other formats.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{E000}": out += "&#xE000;"
            case _ where HiddenCharacters.isHidden(scalar): out += HiddenCharacters.visible(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0 character data or attribute value: `&`, `<`, `>`, `"` and `'` as entities, CR as
    /// `&#13;` (a parser would turn a literal one into LF), the controls XML 1.0 does not allow
    /// at all (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) written out as `\u{1B}`, DEL, C1
    /// controls and bidirectional overrides as character references, U+FFFE and U+FFFF removed.
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
                // Controls XML 1.0 cannot hold at all: written out, as in the other formats.
                case 0x00...0x1F: result.append(contentsOf: HiddenCharacters.visible(Unicode.Scalar(byte)).utf8)
                // DEL, C1 controls and bidirectional overrides as character references: the
                // same text for a parser, inert bytes for a log or an editor.
                case 0x7F, 0xC2, 0xD8, 0xE2:
                    if let hidden = HiddenCharacters.scalar(in: bytes, at: index - 1) {
                        result.append(contentsOf: "&#x\(String(hidden.scalar.value, radix: 16, uppercase: true));".utf8)
                        index += hidden.length - 1
                    } else {
                        result.append(byte)
                    }
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
