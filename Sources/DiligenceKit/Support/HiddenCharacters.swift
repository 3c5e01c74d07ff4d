/// Characters that change what a reader or a terminal shows without being seen themselves:
/// control characters (C0, DEL, C1: escape sequences, backspace, bell) and the bidirectional
/// formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and its kin, which can make a name read
/// backwards), plus the Unicode line and paragraph separators. Text from a policy or database
/// file shows them as `\u{202E}` in every report format, so they are visible and inert.
public enum HiddenCharacters {
    /// Whether the scalar is one of them.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // A tab is a space to the eye: the formats that must not hold one replace it themselves.
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The scalar written out: `\u{1B}`, `\u{202E}`.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// The first UTF-8 bytes of every hidden scalar (C0 and DEL themselves; C2 for C1; D8 for
    /// U+061C; E2 for the U+2xxx ones): a text without any of them needs no look.
    static let leadBytes: [UInt8] = Array(0x00...0x1F) + [0x7F, 0xC2, 0xD8, 0xE2]

    /// Whether the text holds a hidden scalar.
    public static func occur(in text: String) -> Bool {
        guard leadTable.occurs(in: text) else { return false }
        return text.unicodeScalars.contains(where: isHidden)
    }

    private static let leadTable = ByteTableSet(leadBytes)

    /// The hidden scalar that starts at `index` of UTF-8 `bytes`, with its length in bytes;
    /// nil when the scalar there is not hidden.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case ..<0x80: length = 1; value = UInt32(lead)
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), isHidden(scalar) else { return nil }
        return (scalar, length)
    }
}
