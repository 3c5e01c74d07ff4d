import Foundation

/// Reads and validates policy files (format version 1) into `Policy` values.
public struct PolicyLoader: Sendable {
    public let countries: CountryTable
    public let vocabularies: Vocabularies
    /// The rules an accepted risk may name (`finding: rule/subject`).
    public let ruleIDs: [RuleID]
    public var limits: YAMLLimits = .policy
    private let tables = PolicyTableCache()

    public init(countries: CountryTable, vocabularies: Vocabularies, ruleIDs: [RuleID]) {
        self.countries = countries
        self.vocabularies = vocabularies
        self.ruleIDs = ruleIDs
    }

    /// Loads one file from disk. `displayPath` is how findings and reports name it.
    public func load(path: String, displayPath: String? = nil) throws(InputError) -> Policy {
        let shown = displayPath ?? path
        let bytes = try InputFile.read(path, display: shown, limit: limits.maxBytes)
        return try load(bytes: bytes, file: shown)
    }

    /// Parses and validates one policy document: the policy, or every problem of the file.
    public func load(bytes: [UInt8], file: String) throws(InputError) -> Policy {
        try decode(bytes, file: file).result.get()
    }

    /// Who read the text for `PolicyDecoder`.
    enum Reader: Sendable, Equatable {
        /// `PolicyScanner`, for the plain block style policy files are written in.
        case scanner
        /// libyaml's events, for any other text without aliases.
        case libyaml
        /// `YAMLReader`'s tree: for aliases, and to report what YAML itself refuses (a syntax
        /// error, bad bytes, a second document, a limit of `YAMLLimits`).
        case tree
    }

    /// The policy of `bytes` or its problems, and the reader that gave the events: the first of
    /// `scanner`, `libyaml`, `tree` (from `first` on) that reads the text to its end.
    func decode(_ bytes: [UInt8], file: String, from first: Reader = .scanner) -> (result: Result<Policy, InputError>, reader: Reader) {
        let context = PolicyContext(
            vocabularies: vocabularies, tables: tables.tables(countries: countries, vocabularies: vocabularies),
            ruleIDs: ruleIDs)
        func decoder(limits: YAMLLimits?) -> PolicyDecoder {
            PolicyDecoder(root: Policy.format, context: context, countries: countries, file: file, limits: limits)
        }
        // The checks YAMLReader makes before parsing, in its order: any number of byte order
        // marks stripped, then the size limit, UTF-8 and NUL bytes (which YAMLReader reports).
        var start = 0
        while bytes.count - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
            start += 3
        }
        let count = bytes.count - start
        if first != .tree, count <= limits.maxBytes {
            let direct = bytes.withUnsafeBufferPointer { whole -> (Result<Policy, InputError>, Reader)? in
                guard let base = whole.baseAddress else { return nil }
                let input = UnsafeBufferPointer(start: base + start, count: count)
                // `TextBytes.isUTF8WithoutNUL` and `PolicyScanner.hasOnlyPlainCharacters` in one pass.
                let check = PolicyScanner.check(input)
                guard check.isUTF8WithoutNUL else { return nil }
                if first == .scanner, check.isPlain {
                    var scanned = decoder(limits: limits)
                    switch PolicyScanner.scanChecked(input, into: &scanned) {
                    case .done: return (scanned.finish(), .scanner)
                    case .rejected: return nil
                    case .unsupported: break
                    }
                }
                var parsed = decoder(limits: limits)
                guard PolicyEvents.feed(input, into: &parsed) else { return nil }
                return (parsed.finish(), .libyaml)
            }
            if let direct { return direct }
        }
        do throws(InputError) {
            guard let root = try YAMLReader.read(bytes, file: file, limits: limits) else { return (.failure(PolicyDecoder.emptyFile(file)), .tree) }
            var walked = decoder(limits: nil)
            PolicyEvents.walk(root, into: &walked)
            return (walked.finish(), .tree)
        } catch {
            return (.failure(error), .tree)
        }
    }
}
