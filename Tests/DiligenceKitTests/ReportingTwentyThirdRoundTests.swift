import Dispatch
import Foundation
import Testing

@testable import DiligenceKit

/// The twenty-third round's report-side paths (`speed38`) against the general ones they stand
/// for, on real inputs (the shipped policies, the example and the heavy and moderate portfolio
/// files of `Fixtures/portfolio`), in every format, from two threads: a section's holes filled
/// into memory made for it beforehand against an array grown a piece at a time; a section with
/// no hole written from its own bytes, and the streams a spill file holds, against the bytes
/// of the old path; a number's digits written in place against `DecimalText.appendDigits`; the
/// Markdown layout with its text moved out as it grows against the layout made in one piece;
/// the open items' lean entries against the briefs they were.
@Suite struct ReportingTwentyThirdRoundTests {
    /// The reporters of every format, the JSON report in each schema.
    static var reporters: [any Reporter] {
        ReportFormat.allCases.filter { $0 != .json }.map(\.reporter) + (1...4).map { JSONReporter(schemaVersion: $0) }
    }

    /// Every section of every policy of the real inputs, for each reporter (in the reporters'
    /// order), each policy's table keys made as a streamed check makes them, with the citations
    /// of the policies up to it and including it (as the ordered thread numbers them).
    static func sections() -> [(reporter: Int, section: ReportSection, citations: Citations)] {
        let result = ReportingTwentySecondRoundTests.checked
        let reportMin = result.context.options.reportMin
        var citations = Citations()
        var all: [(reporter: Int, section: ReportSection, citations: Citations)] = []
        for (policy, entry) in zip(result.checkedPolicies, result.policies) {
            var entry = entry
            let reported = entry.findings.lazy.filter { $0.severity >= reportMin }
            entry.tableKeys = FindingTableKeys.of(reported, wanted: true)
            citations.add(CitedPart(reported, keys: entry.tableKeys, tables: true, lists: true))
            for (index, reporter) in Self.reporters.enumerated() {
                for section in reporter.sections(of: policy, entry, result.context) { all.append((index, section, citations)) }
            }
        }
        return all
    }

    /// Every section's bytes filled in place are those of the array grown a piece at a time,
    /// numbered by the run's citations and by none, after text or not; a section that writes
    /// from its own bytes writes exactly those. Both paths are taken on the real inputs.
    @Test func sectionsFilledInPlaceAreTheBytesOfTheOldPath() {
        let all = Self.sections()
        #expect(Set(all.map(\.reporter)).count == Self.reporters.count)
        let counts = ReportingTwentySecondRoundTests.onTwoThreadsCount { _ in
            var filled = 0
            var unfilled = 0
            for (_, section, citations) in all {
                for numbers in [citations, Citations()] {
                    for afterText in [false, true] {
                        let old = section.filledBytesByAppending(numbers, afterText: afterText)
                        #expect(section.filledBytes(numbers, afterText: afterText) == old)
                        if let bound = section.filledByteBound(afterText: afterText) {
                            #expect(bound >= (old?.count ?? 0))
                            filled += 1
                        } else {
                            #expect(old == nil)
                        }
                        var direct: [UInt8]?
                        if section.withUnfilledBytes(afterText: afterText, { direct = Array($0) }) {
                            #expect(direct == old)
                            unfilled += 1
                        }
                    }
                }
            }
            return filled * 1_000_000 + unfilled
        }
        #expect(counts[0] == counts[1])
        // Sections of both kinds: holes filled (JSON schema 4's places, a cited source) and none.
        #expect(counts[0] / 1_000_000 > 100)
        #expect(counts[0] % 1_000_000 > 100)
    }

    /// A spill file that every section of a reporter is appended to holds what the old path
    /// wrote, section by section: the bytes of `filledBytesByAppending` (or the section's text)
    /// after the separator from the second on.
    @Test func aSpillFileHoldsTheOldPathsBytes() throws {
        let all = Self.sections()
        let folder = FileManager.default.temporaryDirectory.path
        let results = ReportingTwentySecondRoundTests.onTwoThreadsCount { _ in
            var compared = 0
            for reporter in Self.reporters.indices {
                guard let spill = try? SpillFile(in: folder) else { return -1 }
                var expected: [UInt8] = []
                var ranges: [Range<Int>] = []
                for (index, section, citations) in all where index == reporter {
                    let start = expected.count
                    let afterText = !expected.isEmpty
                    if let bytes = section.filledBytesByAppending(citations, afterText: afterText) {
                        expected += bytes
                    } else {
                        expected += Array(section.text(citations, afterText: afterText).utf8)
                    }
                    ranges.append(start..<expected.count)
                    spill.append(section, citations)
                }
                if spill.failure != nil || spill.size != expected.count || spill.sections != ranges { return -1 }
                if Self.contents(of: spill) != expected { return -1 }
                compared += 1
            }
            return compared
        }
        #expect(results == [Self.reporters.count, Self.reporters.count])
    }

    /// The bytes a spill file holds, copied out through a second temporary file.
    static func contents(of spill: SpillFile) -> [UInt8]? {
        var template = Array((FileManager.default.temporaryDirectory.path + "/speed38-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return nil }
        defer {
            close(descriptor)
            template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        }
        guard spill.copy(to: descriptor) == nil else { return nil }
        var bytes = [UInt8](repeating: 0, count: spill.size)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        return read == spill.size ? bytes : nil
    }

    /// A number's digits written in place are `DecimalText.appendDigits`'s, for every size of
    /// number and both signs, from two threads.
    @Test func digitsWrittenInPlaceAreTheAppendedDigits() {
        var made = [0, 1, 9, 10, 11, 99, 100, -1, -9, -10, -11, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            made += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        let numbers = made
        let checked = ReportingTwentySecondRoundTests.onTwoThreadsCount { _ in
            var same = 0
            for number in numbers {
                var appended: [UInt8] = [UInt8(ascii: "x")]
                DecimalText.appendDigits(of: number, to: &appended)
                let written = [UInt8](unsafeUninitializedCapacity: 1 + ByteFill.holeBound) { target, count in
                    var at = 0
                    ByteFill.putByte(UInt8(ascii: "x"), into: target, at: &at)
                    ByteFill.putDigits(of: number, into: target, at: &at)
                    count = at
                }
                if written == appended { same += 1 }
            }
            return same
        }
        #expect(checked == [numbers.count, numbers.count])
    }

    // MARK: The Markdown layout and its open items

    /// The Markdown layout with its text moved out of its bytes every few bytes (down to every
    /// line) has the pieces of the layout made in one piece, on the real inputs' summary (the
    /// HTML report converts these pieces), from two threads.
    @Test func aLayoutMovedOutAsItGrowsIsTheSameLayout() {
        let result = ReportingTwentySecondRoundTests.checked
        let citations = Citations(result.reportedFindings)
        let summary = result.summary
        let reporter = MarkdownReporter()
        let whole = reporter.layout(summary, citations, flushSize: nil)
        #expect(whole.count > 3)
        #expect(reporter.layout(summary, citations) == whole)
        let same = ReportingTwentySecondRoundTests.onTwoThreadsCount { _ in
            var same = 0
            for size in [1, 80, 4096, MarkdownDocument.layoutFlushSize] where reporter.layout(summary, citations, flushSize: size) == whole {
                same += 1
            }
            return same
        }
        #expect(same == [4, 4])
    }

    /// A document that moves its text out as it grows holds the text of one that does not:
    /// lines, parts, tables, non-ASCII text and streams, whatever the size it moves at.
    @Test func aDocumentMovedOutAsItGrowsHoldsTheSameText() {
        func written(_ flushSize: Int?) -> (pieces: [ReportPiece], text: String) {
            var out = MarkdownDocument()
            out.flushSize = flushSize
            for round in 0..<40 {
                out.line("## Part \(round): Mocímboa da Praia → Пермь")
                out.blank()
                out.table(["A", "B"], [["x\(round)", "é"], ["", "ü"]])
                out.part("a part, ")
                out.part("another")
                out.endLine()
                out.blank()
                if round % 7 == 3 { out.stream(round % 2) }
            }
            out.line("the end")
            var copy = out
            return (copy.takePieces(), out.pieces.map { piece in if case .text(let text) = piece { return text } else { return "|" } }.joined())
        }
        let whole = written(nil)
        for size in [1, 10, 100, 1000, 1 << 16] {
            let moved = written(size)
            #expect(moved.pieces == whole.pieces)
            #expect(moved.text == whole.text)
        }
    }

    /// The summary keeps of each reported not-assessed finding, in order, what the open items
    /// list (place, subject, severity, identity), as the briefs it kept before held them.
    @Test func notAssessedEntriesAreTheBriefsFields() {
        let result = ReportingTwentySecondRoundTests.checked
        let briefs = result.policies.enumerated().flatMap { place, policy in
            policy.findings.filter { $0.rule == .notAssessed && $0.severity >= result.context.options.reportMin }
                .map { FindingSummary.Brief($0, place: place) }
        }
        #expect(briefs.count > 3)
        let entries = result.summary.findings.notAssessed
        #expect(entries.map(\.policy) == briefs.map(\.policy))
        #expect(entries.map(\.line) == briefs.map(\.line))
        #expect(entries.map(\.subject) == briefs.map(\.subject))
        #expect(entries.map(\.severity) == briefs.map(\.severity))
        #expect(entries.map(\.identity) == briefs.map(\.identity))
        let reporter = MarkdownReporter()
        let companies = reporter.companies(result.summary)
        for (entry, brief) in zip(entries, briefs) {
            #expect(reporter.company(of: entry, in: companies) == reporter.company(of: brief, in: companies))
        }
    }
}
