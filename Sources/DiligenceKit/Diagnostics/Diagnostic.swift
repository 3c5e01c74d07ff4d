/// One problem found in an input file, printed as `file:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public enum Level: String, Sendable, Codable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var level: Level
    public var message: String
    /// This line stands for the problems of its file left unreported past the error cap; it is
    /// listed after the file's other problems.
    public var isTruncationNote = false

    /// Longest message kept; a value echoed from a hostile file cannot flood the terminal.
    public static let maxMessageLength = 2_000

    public init(_ location: SourceLocation, _ level: Level = .error, _ message: String) {
        self.location = location
        self.level = level
        var text = Diagnostic.printable(message)
        if text.count > Diagnostic.maxMessageLength {
            text = String(text.prefix(Diagnostic.maxMessageLength)) + "…"
        }
        self.message = text
    }

    public var description: String { "\(Diagnostic.printable(location.description)): \(level.rawValue): \(message)" }

    /// Control characters (escape sequences, carriage returns, line feeds from a file's values)
    /// and bidirectional overrides written as `\u{1B}` so a message is one line and cannot drive a terminal or a CI log.
    static func printable(_ text: String) -> String {
        guard HiddenCharacters.occur(in: text) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if HiddenCharacters.isHidden(scalar) {
                result += HiddenCharacters.visible(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
        if lhs.isTruncationNote != rhs.isTruncationNote { return !lhs.isTruncationNote }
        return (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// Invalid input: every problem found, in file order. Exit code 2.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public init(_ location: SourceLocation, _ message: String) {
        self.diagnostics = [Diagnostic(location, .error, message)]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects the diagnostics of one file so that all of its problems are reported at once, up to
/// `maxErrors`: past that, one line says more were left out, and validation of the file stops
/// (a hostile file can hold millions of mistakes, multiplied by aliases).
public struct DiagnosticSink: Sendable {
    public static let maxErrors = 100

    public let file: String
    private var kept: [Diagnostic] = []
    private var errorCount = 0

    public init(file: String) {
        self.file = file
    }

    public var hasErrors: Bool { errorCount > 0 }

    /// Whether another error would still be shown; validators stop working once it is false.
    public var accepting: Bool { errorCount < DiagnosticSink.maxErrors }

    /// Whether more errors were found than are shown: the file is refused, and its validation stops.
    public var isFull: Bool { errorCount > DiagnosticSink.maxErrors }

    /// The diagnostics kept, and a last line saying that more were left out.
    public var diagnostics: [Diagnostic] {
        guard errorCount > DiagnosticSink.maxErrors, let last = kept.last else { return kept }
        var note = Diagnostic(
            last.location, .error, "more problems in this file not shown (stopped after the first \(DiagnosticSink.maxErrors)); fix these first")
        note.isTruncationNote = true
        return kept + [note]
    }

    public mutating func error(_ mark: Mark, _ message: @autoclosure () -> String) {
        errorCount += 1
        guard errorCount <= DiagnosticSink.maxErrors else { return }
        kept.append(Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), .error, message()))
    }

    public mutating func warning(_ mark: Mark, _ message: String) {
        kept.append(Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), .warning, message))
    }
}
