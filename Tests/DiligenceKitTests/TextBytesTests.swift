import Testing

@testable import DiligenceKit

/// The loader's one-pass check of a file's bytes gives the answer the standard library's UTF-8
/// validation and a search for NUL give, byte sequence by byte sequence.
@Suite struct TextBytesTests {
    static func reference(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil && !$0.contains(0) }
    }

    static func checked(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { TextBytes.isUTF8WithoutNUL($0) }
    }

    static let ascii = Array("version: 1\ncompany: Acme\n".utf8)

    @Test(
        arguments: [
            ([], true), ([0x61], true), (Array("Минск, Brest".utf8), true), (Array("北京 🇲🇿".utf8), true),
            ([0x00], false), (ascii + [0x00], false), ([0x00] + ascii, false), (Array(ascii.prefix(9)) + [0x00] + ascii, false),
            ([0xC0, 0x80], false), ([0xC1, 0xBF], false), ([0xC2, 0x80], true), ([0xDF, 0xBF], true), ([0xC2], false),
            ([0xE0, 0x80, 0x80], false), ([0xE0, 0xA0, 0x80], true), ([0xED, 0x9F, 0xBF], true), ([0xED, 0xA0, 0x80], false),
            ([0xEF, 0xBF, 0xBF], true), ([0xE1, 0x80], false), ([0xE1, 0x80, 0x41], false),
            ([0xF0, 0x8F, 0xBF, 0xBF], false), ([0xF0, 0x90, 0x80, 0x80], true), ([0xF4, 0x8F, 0xBF, 0xBF], true),
            ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false), ([0xFF], false), ([0x80], false),
            (ascii + [0xD0], false), (ascii + [0xD0, 0x9C], true),
        ] as [([UInt8], Bool)])
    func answersAsTheStandardLibrary(bytes: [UInt8], valid: Bool) {
        #expect(Self.reference(bytes) == valid)
        #expect(Self.checked(bytes) == valid)
    }

    /// Random sequences biased to UTF-8's boundaries, at every length up to 40 and every offset
    /// of a word.
    @Test func randomSequencesAgree() {
        var random = SplitMix64(state: 0x9E37_79B9_7F4A_7C15)
        func next() -> UInt64 { random.next() }
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var disagreements = 0
        var validSeen = 0
        for round in 0..<20_000 {
            let length = round % 41
            let bytes = (0..<length).map { _ -> UInt8 in
                let r = next()
                return r % 4 == 0
                    ? interesting[Int((r >> 8) % UInt64(interesting.count))] : (r % 4 == 1 ? UInt8((r >> 8) % 0x7F + 1) : UInt8(truncatingIfNeeded: r >> 8))
            }
            let expected = Self.reference(bytes)
            if expected { validSeen += 1 }
            if Self.checked(bytes) != expected { disagreements += 1 }
        }
        // Text of random scalars (mostly ASCII, as policies are), whole and with one byte changed.
        for round in 0..<5_000 {
            var text = ""
            for _ in 0..<(round % 64) {
                let r = next()
                let value: UInt32 =
                    r % 3 == 0 ? [0x430, 0x4E2D, 0x1F1F2, 0xE9, 0x10FFFF][Int((r >> 8) % 5)] : UInt32((r >> 8) % 0x5E + 0x20)
                text.unicodeScalars.append(Unicode.Scalar(value) ?? "a")
            }
            var bytes = Array(text.utf8)
            if Self.checked(bytes) != Self.reference(bytes) { disagreements += 1 }
            if Self.reference(bytes) { validSeen += 1 }
            guard !bytes.isEmpty else { continue }
            let r = next()
            bytes[Int(r % UInt64(bytes.count))] = interesting[Int((r >> 16) % UInt64(interesting.count))]
            if Self.checked(bytes) != Self.reference(bytes) { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(validSeen > 5_000)
    }
}
