import Foundation
import Testing

@testable import DiligenceKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A spilled stream is copied whole or a policy's section at a time, to a file (`sendfile`) or
/// a pipe (where `sendfile` may refuse and a buffer is used), byte for byte.
@Suite struct SpillFileTests {
    static func spill(_ texts: [String]) throws -> SpillFile {
        let file = try SpillFile(in: FileManager.default.temporaryDirectory.path)
        for text in texts { file.append(ReportSection(text, separator: ","), Citations()) }
        return file
    }

    /// What `chunks` write to a regular file.
    static func written(_ chunks: [ReportChunk]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString).txt").path
        defer { unlink(path) }
        try ReportWriter.write([(path: path, chunks: chunks)])
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func sectionsAreCopiedOneAtATimeInAnyOrder() throws {
        let file = try Self.spill(["first é\n", "", "second\n", "third ✓\n"])
        #expect(file.sections.count == 4)
        #expect(file.sections[1].isEmpty)
        // The separator goes before a section that follows text, as in a whole stream.
        #expect(try Self.written([.spilled(file)]) == "first é\n,second\n,third ✓\n")
        #expect(
            try Self.written([
                .spilledSection(file, 3), .text("|"), .spilledSection(file, 0), .spilledSection(file, 1),
                .spilledSection(file, 2),
            ]) == ",third ✓\n|first é\n,second\n")
        // A section the file does not hold writes nothing.
        #expect(try Self.written([.spilledSection(file, 9)]) == "")
    }

    @Test func aSectionCopiedToAPipeIsTheSameBytes() async throws {
        let file = try Self.spill(["a\n", String(repeating: "ü", count: 100_000) + "\n", "c\n"])
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let readEnd = ends[0], writeEnd = ends[1]
        let reader = Task.detached { () -> [UInt8] in
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count <= 0 { break }
                bytes += buffer[0..<count]
            }
            close(readEnd)
            return bytes
        }
        let failure = file.copy(section: 1, to: writeEnd)
        close(writeEnd)
        #expect(failure == nil)
        let bytes = await reader.value
        #expect(String(decoding: bytes, as: UTF8.self) == "," + String(repeating: "ü", count: 100_000) + "\n")
    }

    /// Text made as the report is written goes between the other chunks, part by part.
    @Test func deferredTextIsWrittenInItsPlace() throws {
        let file = try Self.spill(["a\n", "b\n"])
        let deferred = DeferredText { write in
            for part in ["x é", "", "y ✓\n"] where !write(part) { return }
        }
        #expect(try Self.written([.text("["), .spilled(file), .deferred(deferred), .text("]")]) == "[a\n,b\nx éy ✓\n]")
        #expect(deferred.text == "x éy ✓\n")
    }

    /// A deferred part that cannot be written fails the report with the reason, and no part
    /// after it is made (a full disk: `/dev/full`).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux) to stand for a full disk"))
    func aDeferredPartThatCannotBeWrittenFailsTheReport() throws {
        let made = Counter()
        let deferred = DeferredText { write in
            for part in ["one", "two", "three"] {
                made.add()
                if !write(part) { return }
            }
        }
        #expect(throws: ReportWriter.WriteError.self) { try ReportWriter.write([(path: "/dev/full", chunks: [.deferred(deferred)])]) }
        #expect(made.value == 1)
    }
}

/// Counts calls from a `@Sendable` closure.
private final class Counter: @unchecked Sendable {
    private(set) var value = 0
    func add() { value += 1 }
}
