import Testing

@testable import DiligenceKit

/// The scanner's word-at-a-time test for plain characters answers as a byte-by-byte test.
@Suite struct PlainCharactersTests {
    static func plain(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F || byte == 0x0A }

    @Test(arguments: [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xC2, 0xFF] as [UInt8])
    func everyPositionOfAWord(byte: UInt8) {
        for position in 0..<8 {
            var bytes = [UInt8](repeating: 0x61, count: 8)
            bytes[position] = byte
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(PolicyScanner.isPlainASCII(word) == Self.plain(byte), "byte \(byte) at \(position)")
        }
    }

    @Test func randomWordsAgree() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var disagreements = 0
        for round in 0..<50_000 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            // Mostly printable bytes, with a few of every kind.
            let bytes = (0..<8).map { index -> UInt8 in
                let r = UInt8(truncatingIfNeeded: state >> (index * 8))
                return round % 3 == 0 ? r : (r % 16 == 0 ? [0x0A, 0x09, 0x7F, 0x00, 0x1F, 0x80][Int(r >> 4) % 6] : r % 0x5F + 0x20)
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            if PolicyScanner.isPlainASCII(word) != bytes.allSatisfy(Self.plain) { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }

    @Test(arguments: [
        ("version: 1\ncompany: Acme\nsites:\n  - id: a\n", true), ("version: 1\ncompany:\tAcme\n", false),
        ("a long line of plain text with a CR at its end\r\n", false), ("Минск and Brest, a line longer than a word", true),
        ("a line with a next-line character \u{85} inside", false), ("a line with a BOM \u{FEFF} inside it", false),
        ("a line with a line separator \u{2028} here", false), ("delete \u{7F} in the middle of a long line", false),
    ])
    func wholeTexts(text: String, plain: Bool) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { PolicyScanner.hasOnlyPlainCharacters($0) } == plain)
    }
}
