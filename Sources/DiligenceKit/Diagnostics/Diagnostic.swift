/// One problem found in an input file, printed as `file:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public enum Level: String, Sendable, Codable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var level: Level
    public var message: String

    public init(_ location: SourceLocation, _ level: Level = .error, _ message: String) {
        self.location = location
        self.level = level
        self.message = message
    }

    public var description: String { "\(location): \(level.rawValue): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
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

/// Collects the diagnostics of one file so that all of its problems are reported at once.
public struct DiagnosticSink: Sendable {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    public var hasErrors: Bool { diagnostics.contains { $0.level == .error } }

    public mutating func error(_ mark: Mark, _ message: String) {
        diagnostics.append(Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), .error, message))
    }

    public mutating func warning(_ mark: Mark, _ message: String) {
        diagnostics.append(Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), .warning, message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
