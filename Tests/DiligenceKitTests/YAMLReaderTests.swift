import Foundation
import Testing

@testable import DiligenceKit

/// The YAML layer: scalars as written, 1-based marks, and hostile input rejected with a location.
@Suite struct YAMLReaderTests {
    // MARK: Scalars as written

    /// YAML 1.1 would turn these into false, 65 (octal), true, null, 10 and 1000; the reader keeps the text.
    @Test(arguments: [
        ("NO", "NO"), ("no", "no"), ("off", "off"), ("yes", "yes"), ("Yes", "Yes"),
        ("0101", "0101"), ("012", "012"), ("1e3", "1e3"), ("0x1F", "0x1F"), ("~", "~"),
        ("2020-09-20", "2020-09-20"), ("8429.10", "8429.10"), ("+1", "+1"),
    ])
    func plainScalarsAreKeptAsWritten(written: String, text: String) throws {
        let root = try #require(try TestData.read("value: \(written)\n"))
        let value = try #require(root["value"])
        #expect(value.scalar == text)
        #expect(value.style == .plain)
        #expect(value.tag == nil)
    }

    @Test func quotingIsRecordedAndQuotedNullIsText() throws {
        let root = try #require(
            try TestData.read(
                """
                a: "NO"
                b: 'yes'
                c: ~
                d: "~"
                e:
                f: |
                  two
                  lines
                g: !!str 012
                """))
        #expect(root["a"]?.scalar == "NO")
        #expect(root["a"]?.style == .quoted)
        #expect(root["b"]?.scalar == "yes")
        #expect(root["b"]?.style == .quoted)
        #expect(root["c"]?.isNull == true)
        #expect(root["d"]?.isNull == false)
        #expect(root["d"]?.scalar == "~")
        #expect(root["e"]?.isNull == true)
        #expect(root["f"]?.scalar == "two\nlines\n")
        #expect(root["f"]?.style == .block)
        #expect(root["g"]?.scalar == "012")
        #expect(root["g"]?.tag == "tag:yaml.org,2002:str")
    }

    // MARK: Marks

    @Test func marksAreOneBasedLinesAndColumns() throws {
        let root = try #require(
            try TestData.read(
                """
                a: 1
                list:
                  - x
                  - { k: v }
                """))
        #expect(root.mark == Mark(line: 1, column: 1))
        guard case .mapping(let pairs) = root.content else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(pairs.map(\.key.mark) == [Mark(line: 1, column: 1), Mark(line: 2, column: 1)])
        #expect(root["a"]?.mark == Mark(line: 1, column: 4))
        let list = try #require(root["list"])
        #expect(list.mark == Mark(line: 3, column: 3))
        #expect(list.items.map(\.mark) == [Mark(line: 3, column: 5), Mark(line: 4, column: 5)])
        #expect(list.items.last?["k"]?.mark == Mark(line: 4, column: 10))
    }

    /// Columns count Unicode scalars, not bytes: `í` is one column although it is two bytes.
    @Test func columnsCountUnicodeScalars() throws {
        let root = try #require(try TestData.read("a: [Mocímboa, x]\n"))
        let items = try #require(root["a"]).items
        #expect(items.map(\.scalar) == ["Mocímboa", "x"])
        #expect(items.last?.mark == Mark(line: 1, column: 15))
    }

    // MARK: Hostile input

    /// Billion laughs: ten levels of ten aliases would expand to 10^10 nodes.
    @Test func aliasBombIsRejectedQuicklyWithTheNodeLimit() throws {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = Array("abcdefghij").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        let yaml = lines.joined(separator: "\n") + "\n"
        #expect(yaml.utf8.count < 1000)
        let start = ContinuousClock.now
        let problems = TestData.readProblems(Array(yaml.utf8))
        let elapsed = ContinuousClock.now - start
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.message.contains("more than 1000000 nodes"))
        #expect(problem.message.contains("alias"))
        // a=11, b=111, ..., f=1,111,111 nodes: the budget runs out at an alias on line 6.
        // The eighth `*e` of line 6 (column 36) is where it runs out.
        #expect(problem.location == SourceLocation(file: "test.yaml", line: 6, column: 36))
        #expect(elapsed < .seconds(2))
    }

    @Test func anAliasWithoutAnAnchorIsLocated() {
        let problems = TestData.readProblems(Array("a: 1\nb: *nowhere\n".utf8))
        #expect(problems.map(\.location.description) == ["test.yaml:2:4"])
        #expect(problems.first?.message.contains("*nowhere") == true)
    }

    @Test func nestingDeeperThanTheLimitIsRejectedWithALocation() throws {
        let yaml = String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        let problems = TestData.readProblems(Array(yaml.utf8))
        let problem = try #require(problems.first)
        #expect(problem.message == "nesting deeper than 64 levels")
        // The 65th bracket opens the 65th level.
        #expect(problem.location == SourceLocation(file: "test.yaml", line: 1, column: 65))
    }

    @Test func nestingAtTheLimitIsAccepted() throws {
        let yaml = String(repeating: "[", count: 64) + "x" + String(repeating: "]", count: 64) + "\n"
        var node = try #require(try TestData.read(yaml))
        var depth = 0
        while let first = node.items.first { node = first; depth += 1 }
        #expect(depth == 64)
        #expect(node.scalar == "x")
    }

    @Test func blockNestingIsLocatedOnItsLine() throws {
        let limits = YAMLLimits(maxBytes: 1 << 20, maxNodes: 1000, maxDepth: 3, maxScalarBytes: 1000)
        let yaml = "a:\n  b:\n    c:\n      d: 1\n"
        let problems = TestData.readProblems(Array(yaml.utf8), limits: limits)
        #expect(problems.map(\.location.description) == ["test.yaml:4:7"])
        #expect(problems.first?.message == "nesting deeper than 3 levels")
    }

    @Test func aSecondDocumentIsRejected() throws {
        let problems = TestData.readProblems(Array("a: 1\n---\nb: 2\n".utf8))
        let problem = try #require(problems.first)
        #expect(problem.location == SourceLocation(file: "test.yaml", line: 2, column: 1))
        #expect(problem.message.contains("second YAML document"))
    }

    @Test func anExplicitFirstDocumentMarkerIsFine() throws {
        let root = try #require(try TestData.read("---\na: 1\n...\n"))
        #expect(root["a"]?.scalar == "1")
    }

    @Test func invalidUTF8IsLocatedAtItsLineAndColumn() throws {
        // "b: café" then a stray 0xFF: é is one column, so the bad byte is column 8.
        let bytes = Array("a: 1\nb: café".utf8) + [0xFF] + Array("\n".utf8)
        let problems = TestData.readProblems(bytes)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.location == SourceLocation(file: "test.yaml", line: 2, column: 8))
        #expect(problem.message.contains("invalid UTF-8 (byte 0xFF)"))
    }

    @Test func aTruncatedMultibyteSequenceIsInvalid() throws {
        // The first byte of a two-byte sequence followed by a newline.
        let bytes = Array("x: ".utf8) + [0xC3] + Array("\n".utf8)
        let problem = try #require(TestData.readProblems(bytes).first)
        #expect(problem.location == SourceLocation(file: "test.yaml", line: 1, column: 4))
        #expect(problem.message.contains("0xC3"))
    }

    @Test func aNULByteIsRejectedWithItsLocation() throws {
        let bytes = Array("a: 1\nb: x".utf8) + [0] + Array("y\n".utf8)
        let problem = try #require(TestData.readProblems(bytes).first)
        #expect(problem.location == SourceLocation(file: "test.yaml", line: 2, column: 5))
        #expect(problem.message == "NUL byte in a text file")
    }

    /// The hint must not depend on what comes before the tab (libyaml's mark index counts
    /// characters, not bytes, so a non-ASCII name earlier in the file shifts it).
    @Test(arguments: [
        ("sites:\n\t- id: x\n", 2),
        ("company: Société Générale\nsites:\n\t- id: x\n", 3),
        ("company: Белтелеком\nsites:\n\t- id: x\n", 3),
    ])
    func tabIndentationIsAYAMLSyntaxErrorWithALocation(yaml: String, line: Int) throws {
        let problems = TestData.readProblems(Array(yaml.utf8))
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.message.hasPrefix("YAML syntax: "))
        #expect(problem.message.hasSuffix("; indent with spaces, not tabs"))
        #expect(problem.location == SourceLocation(file: "test.yaml", line: line, column: 1))
    }

    @Test func aFileOverTheSizeLimitIsRejectedBeforeParsing() throws {
        let limits = YAMLLimits(maxBytes: 10, maxNodes: 1000, maxDepth: 10, maxScalarBytes: 1000)
        let problem = try #require(TestData.readProblems(Array("a: 12345678901\n".utf8), limits: limits).first)
        #expect(problem.location == SourceLocation(file: "test.yaml", line: 1, column: 1))
        #expect(problem.message == "file is 15 bytes; the limit is 10 bytes")
    }

    @Test func aScalarOverTheLimitIsLocated() throws {
        let limits = YAMLLimits(maxBytes: 1000, maxNodes: 1000, maxDepth: 10, maxScalarBytes: 8)
        let problem = try #require(TestData.readProblems(Array("a: ok\nb: 123456789\n".utf8), limits: limits).first)
        #expect(problem.location == SourceLocation(file: "test.yaml", line: 2, column: 4))
        #expect(problem.message == "a value of 9 bytes; the limit is 8 bytes")
    }

    // MARK: Empty files and BOM

    @Test(arguments: ["", "\n\n", "# only a comment\n", "# one\n\n   # two\n"])
    func emptyAndCommentOnlyFilesHaveNoDocument(text: String) throws {
        #expect(try TestData.read(text) == nil)
    }

    @Test func aUTF8ByteOrderMarkIsAccepted() throws {
        let root = try #require(try TestData.read(bytes: [0xEF, 0xBB, 0xBF] + Array("version: 1\ncompany: Acme\n".utf8)))
        guard case .mapping(let pairs) = root.content else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(pairs.map(\.key.scalar) == ["version", "company"])
        #expect(pairs.first?.key.mark == Mark(line: 1, column: 1))
        #expect(root["company"]?.mark == Mark(line: 2, column: 10))
    }
}
