import Foundation
import Testing

@testable import DiligenceKit

/// Decimal numbers read from their bytes give `Double(String)`'s value, or nil for the shapes
/// left to it.
@Suite struct DecimalTextTests {
    @Test(arguments: [
        "0", "-0", "0.0", "-0.0", "+1.5", "20.278", "-179.999", "60.142", "89.9999999", "123456789012345",
        "0.00000000000001", "1.23456789012345", "-33.918861", "12.5", "45.0", "9", "100.10",
    ])
    func plainDecimalsReadAsDoubleReadsThem(_ text: String) {
        let value = DecimalText.value(Array(text.utf8))
        #expect(value != nil)
        #expect(value?.bitPattern == Double(text)?.bitPattern)
    }

    @Test(arguments: ["", "-", ".", "1.", ".5", "1e5", "inf", "nan", "0x1p3", "1.2.3", "1,5", " 1", "1234567890123456", "12a"])
    func otherShapesAreLeftToDouble(_ text: String) {
        #expect(DecimalText.value(Array(text.utf8)) == nil)
    }

    /// Every coordinate of the built-in outlines and gazetteer: the value `Double` reads.
    @Test func everyBuiltInCoordinateReadsAsDoubleReadsIt() throws {
        var checked = 0
        for file in ["outlines/countries.tsv", "gazetteer/cities.tsv"] {
            let (bytes, _) = try BuiltinResources.data(file)
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                for field in line.split(separator: "\t") {
                    for number in field.split(whereSeparator: { $0 == " " || $0 == "," }) {
                        guard let fast = DecimalText.value(number.utf8) else { continue }
                        #expect(fast.bitPattern == Double(number)?.bitPattern, "\(number)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 40_000)
    }

    /// Pseudo-random decimals of up to 15 digits, with up to 15 after the point.
    @Test func randomDecimalsReadAsDoubleReadsThem() {
        var generator = SplitMix64(state: 20_261_205)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...15, using: &generator)
            let point = Int.random(in: 0...digits, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            let body = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            text += point == 0 || point == digits ? body : body.prefix(point) + "." + body.dropFirst(point)
            #expect(DecimalText.value(Array(text.utf8))?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    /// The digits appended are `String(value)`'s, at both ends of `Int` and around each power of ten.
    @Test(arguments: [0, 9, 10, -1, -9, -10, 99, 100, 1_234_567, -7_654_321, Int.max, Int.min, Int.max - 1, Int.min + 1])
    func appendedDigitsAreStringsDigits(value: Int) {
        var bytes: [UInt8] = [UInt8(ascii: "x")]
        DecimalText.appendDigits(of: value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + String(value))
    }
}

/// The tests' fixed pseudo-random sequence (SplitMix64), as a generator for `Int.random(in:using:)`.
extension SplitMix64: RandomNumberGenerator {}
