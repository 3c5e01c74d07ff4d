import Foundation
import Testing

@testable import DiligenceKit

/// The pieces of a gate that fails closed, one by one (the end-to-end cases are in
/// `Tests/diligenceTests/FailClosed*Tests.swift`).
@Suite struct FailClosedUnitTests {
    /// A file's sections over its budget (16 MiB + 32 bytes per byte of the file) stop the run
    /// with an error located at the file; under it, nothing.
    @Test func aReportOverItsBudgetIsALocatedError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.yaml").path
        try Data(repeating: 0x20, count: 1_000).write(to: URL(fileURLWithPath: file))
        let budget = ReportBudget.bytes(forFileOf: 1_000)
        #expect(budget == (16 << 20) + 32_000)
        let under = [[ReportSection(String(repeating: "x", count: budget))]]
        #expect(ReportBudget.overrun(under, reporters: [MarkdownReporter()], file: file) == nil)
        let over = [[ReportSection(String(repeating: "x", count: budget / 2)), ReportSection(String(repeating: "y", count: budget / 2 + 1))]]
        let problem = try #require(ReportBudget.overrun(over, reporters: [JSONReporter()], file: file))
        #expect(
            problem.description
                == "\(file):1:1: error: its json report would be \(budget + 1) bytes, over the \(budget) bytes a file of 1000 bytes may write (16 MiB + 32 per byte); check its operations in smaller files"
        )
    }

    /// GitHub refuses SARIF over 10 MB gzip-compressed: text that compresses well is under it
    /// whatever its size; text that does not is over it.
    @Test func theSARIFWarningComparesTheCompressedSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let repetitive = folder.appendingPathComponent("repetitive.sarif").path
        try Data(repeating: 0x61, count: 12_000_000).write(to: URL(fileURLWithPath: repetitive))
        let compressed = try #require(SARIFSize.gzipSize(ofFile: repetitive))
        #expect(compressed < 100_000)
        #expect(SARIFSize.warning(path: repetitive) == nil)
        // Incompressible bytes: a xorshift sequence, eight bytes a step.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var words = [UInt64](repeating: 0, count: 10_500_000 / 8)
        for index in words.indices {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            words[index] = state
        }
        let noise = folder.appendingPathComponent("noise.sarif").path
        try words.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: noise)) }
        let warning = try #require(SARIFSize.warning(path: noise))
        #expect(warning.hasPrefix("\(noise): warning: the SARIF log is "))
        #expect(warning.contains("over GitHub code scanning's upload limit of 10000000 bytes"))
    }

    /// Temporary names carry their process; other names, even close ones, carry none.
    @Test(
        arguments: [
            (".report.md.diligence-4242-a1B2c3", 4242), (".out.diligence-7-ZZZZZZ", 7), (".report.md.tmp-99", 99),
            ("report.md", nil), (".report.md.diligence-4242-abc", nil), (".x.diligence-0-abcdef", nil), ("x.diligence-5-abcdef", nil),
        ] as [(String, Int32?)])
    func temporaryNamesNameTheirProcess(_ name: String, _ pid: Int32?) {
        #expect(TemporaryNames.owner(of: name) == pid)
    }

    /// The characters that change what is shown without being seen.
    @Test func hiddenCharactersAreControlsAndBidirectionalFormatting() {
        for value: UInt32 in [0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9B, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069] {
            #expect(HiddenCharacters.isHidden(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        for value: UInt32 in [0x09, 0x20, 0x41, 0xA0, 0xE9, 0x2014, 0x2019, 0x202F, 0x2070, 0x0416] {
            #expect(!HiddenCharacters.isHidden(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        #expect(
            Diagnostic(SourceLocation(file: "a\u{202E}b.yaml", line: 1, column: 1), .error, "x\u{1B}[2Jy").description
                == "a\\u{202E}b.yaml:1:1: error: x\\u{1B}[2Jy")
    }

    /// An output plan: `-` and no output are standard output; several formats a folder; one
    /// output clashing with an input is named.
    @Test func outputPlansAndClashes() throws {
        #expect(try OutputPlan(output: "-", formats: [.json]).target == .standardOutput)
        #expect(try OutputPlan(output: nil, formats: [.markdown]).target == .standardOutput)
        #expect(throws: OutputPlan.PlanError.self) { try OutputPlan(output: "-", formats: [.json, .sarif]) }
        let folderPlan = try OutputPlan(output: "out-\(UUID().uuidString)", formats: [.json, .sarif])
        #expect(folderPlan.paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["report.json", "report.sarif"])
        let policy = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).yaml").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: policy))
        defer { try? FileManager.default.removeItem(atPath: policy) }
        #expect(try OutputPlan(output: policy, formats: [.markdown]).clashes(withInputs: ["a.yaml", policy]).count == 1)
        #expect(try OutputPlan(output: policy + ".md", formats: [.markdown]).clashes(withInputs: [policy]).isEmpty)
    }
}
