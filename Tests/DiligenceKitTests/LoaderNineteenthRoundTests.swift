import Foundation
import Testing

@testable import DiligenceKit

/// The nineteenth round's loader path against the general ones it stands for: the one pass over
/// a file's bytes (`PolicyScanner.check`) against `TextBytes.isUTF8WithoutNUL` and
/// `PolicyScanner.hasOnlyPlainCharacters`, on every YAML file of the repository and thousands
/// of mutations of them.
@Suite struct LoaderNineteenthRoundTests {
    /// What the two passes the loader made answered.
    static func twoPasses(_ bytes: [UInt8]) -> PolicyScanner.ByteCheck {
        bytes.withUnsafeBufferPointer { input in
            let utf8 = TextBytes.isUTF8WithoutNUL(input)
            return PolicyScanner.ByteCheck(isUTF8WithoutNUL: utf8, isPlain: utf8 && PolicyScanner.hasOnlyPlainCharacters(input))
        }
    }

    static func onePass(_ bytes: [UInt8]) -> PolicyScanner.ByteCheck {
        bytes.withUnsafeBufferPointer { PolicyScanner.check($0) }
    }

    /// Byte runs that either pass refuses, or that sit next to ones it refuses: NUL, controls,
    /// DEL, C1 controls and NEL, line and paragraph separators, a byte order mark, U+FFFE and
    /// U+FFFF, their neighbours that are allowed, letters of two, three and four bytes, and
    /// sequences that are not UTF-8 (cut short, overlong, surrogates, above U+10FFFF).
    static let pieces: [[UInt8]] = [
        [0x00], [0x09], [0x0D], [0x0A], [0x1F], [0x20], [0x7E], [0x7F], [0xC2, 0x80], [0xC2, 0x85], [0xC2, 0x9F], [0xC2, 0xA0],
        [0xC3, 0xA9], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x80, 0xA7], [0xE2, 0x80, 0xAA], [0xE2, 0x81, 0xA8],
        [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBE], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD], [0xE4, 0xB8, 0xAD],
        [0xF0, 0x9F, 0x98, 0x80], [0xC2], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x80], [0xBF],
    ]

    @Test func onePassAnswersWhatTheTwoPassesAnswered() throws {
        let files = PolicyDecoderTests.repositoryYAMLFiles()
        #expect(files.count > 20)
        var texts: [[UInt8]] = []
        for url in files { texts.append([UInt8](try Data(contentsOf: url))) }
        var random = SplitMix64(state: 1_919)
        var kinds: Set<String> = []
        for text in texts {
            let expected = Self.twoPasses(text)
            #expect(Self.onePass(text) == expected)
            kinds.insert("\(expected)")
            for _ in 0..<60 {
                var mutated = text
                // One to three pieces put in, replacing a byte or not, anywhere (every offset
                // from a word's boundary included); or a cut at a random place.
                for _ in 0..<(1 + random.below(3)) {
                    let piece = Self.pieces[random.below(Self.pieces.count)]
                    let at = mutated.isEmpty ? 0 : random.below(mutated.count)
                    if random.below(2) == 0, at < mutated.count { mutated.remove(at: at) }
                    mutated.insert(contentsOf: piece, at: at)
                }
                if random.below(8) == 0 { mutated = Array(mutated.prefix(random.below(mutated.count + 1))) }
                let answer = Self.twoPasses(mutated)
                kinds.insert("\(answer)")
                #expect(Self.onePass(mutated) == answer)
            }
        }
        // Short texts of the pieces alone, at every length up to and past a word.
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(6) { bytes += random.below(3) == 0 ? Self.pieces[random.below(Self.pieces.count)] : Array("ab: c\n".utf8) }
            #expect(Self.onePass(bytes) == Self.twoPasses(bytes))
        }
        #expect(Self.onePass([]) == Self.twoPasses([]))
        // All three answers were met: refused bytes, not plain, plain.
        #expect(kinds.count == 3)
    }

    /// The loader leaves bytes that are not UTF-8 (or hold a NUL) to the tree reader, which
    /// reports them, and text with characters the scanner does not read to the other readers.
    @Test func theLoaderTakesTheSameReaderForEveryRepositoryFile() throws {
        let loader = TestData.workspace.policyLoader
        for url in PolicyDecoderTests.repositoryYAMLFiles() {
            let bytes = [UInt8](try Data(contentsOf: url))
            let reader = loader.decode(bytes, file: "x.yaml").reader
            var start = 0
            while bytes.count - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { start += 3 }
            let check = Self.twoPasses(Array(bytes[start...]))
            if !check.isUTF8WithoutNUL || bytes.count - start > loader.limits.maxBytes {
                #expect(reader == .tree, "\(url.lastPathComponent)")
            }
            if !check.isPlain { #expect(reader != .scanner, "\(url.lastPathComponent)") }
        }
    }

    /// Every policy mapping's fields, from every starting field: a key found among the next
    /// fields is the field the byte table finds; so are near misses (a byte changed, dropped,
    /// added, in upper case), which are found by neither or by both alike.
    @Test func aKeyFoundAmongTheNextFieldsIsTheOneTheTableFinds() {
        var objects = [PolicySchema.policyObject]
        var next = 0
        while next < objects.count {
            for held in objects[next].fields.compactMap(LoaderEighteenthRoundTests.held) where !objects.contains(where: { $0 === held }) {
                objects.append(held)
            }
            next += 1
        }
        #expect(objects.count >= 8)
        var predicted = 0
        for object in objects {
            var probes: [[UInt8]] = [[], Array("x".utf8)]
            for field in object.fields {
                let name = Array(field.field.name.utf8)
                probes += [name, Array(name.dropLast()), name + [UInt8(ascii: "s")], Array(field.field.name.uppercased().utf8)]
                if !name.isEmpty { probes.append(Array(name.dropFirst())) }
            }
            for probe in probes {
                let table = LoaderEighteenthRoundTests.find(object.keys, probe)
                for first in -1...(object.fields.count + 1) {
                    let found = probe.withUnsafeBufferPointer { object.field($0, from: first) }
                    if let found {
                        #expect(found == table, "\(String(decoding: probe, as: UTF8.self)) from \(first)")
                        #expect(found >= first && found < first + 4)
                        predicted += 1
                    } else if let table, first >= 0 {
                        // Not found ahead: the field is before `first` or more than four after it.
                        #expect(table < first || table >= first + 4)
                    }
                }
            }
        }
        #expect(predicted > 100)
    }
}
