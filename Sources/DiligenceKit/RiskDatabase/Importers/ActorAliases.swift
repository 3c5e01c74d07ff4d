import Foundation

/// The names readers know for actors as a data source codes them (`Resources/acled/actor-aliases.tsv`):
/// ACLED calls the Cabo Delgado insurgents "Islamist Militia (Mozambique)", articles call them
/// ASWJ or al-Shabaab. Lookups ignore case, diacritics and ACLED's year suffix ("(2015-)").
public struct ActorAliases: Sendable {
    /// One actor: ACLED's name, the name readers know, and other names.
    public struct Entry: Sendable, Hashable {
        public var acledName: String
        public var knownAs: String
        public var otherNames: [String]
    }

    public let entries: [Entry]
    private let byKey: [String: Int]

    public init(tsv: String, file: String) throws(InputError) {
        var entries: [Entry] = []
        var byKey: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for (index, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count >= 2, !columns[0].isEmpty, !columns[1].isEmpty else {
                problems.append(
                    Diagnostic(
                        SourceLocation(file: file, line: index + 1, column: 1), .error,
                        "expected ACLED name<TAB>name readers know<TAB>other|names"))
                continue
            }
            let others = columns.count > 2 ? columns[2].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            let entry = Entry(acledName: columns[0], knownAs: columns[1], otherNames: others)
            let key = Self.key(entry.acledName)
            if byKey[key] != nil {
                problems.append(Diagnostic(SourceLocation(file: file, line: index + 1, column: 1), .error, "`\(entry.acledName)` is listed twice"))
                continue
            }
            byKey[key] = entries.count
            entries.append(entry)
        }
        if !problems.isEmpty { throw InputError(problems) }
        self.entries = entries
        self.byKey = byKey
    }

    /// The table that ships with the library.
    public static func builtin() throws(InputError) -> ActorAliases {
        let (bytes, path) = try BuiltinResources.data("acled/actor-aliases.tsv")
        return try ActorAliases(tsv: String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// The entry for an actor as ACLED names it.
    public func entry(for actor: String) -> Entry? {
        byKey[Self.key(actor)].map { entries[$0] }
    }

    /// "Islamist Militia (Mozambique) [ASWJ]", or the name alone when readers know it so.
    public func display(_ actor: String) -> String {
        guard let entry = entry(for: actor), Self.key(entry.knownAs) != Self.key(actor) else { return actor }
        return "\(actor) [\(entry.knownAs)]"
    }

    /// Folded, without a trailing year range in brackets: "military forces of mozambique".
    static func key(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if !inside.isEmpty, inside.allSatisfy({ $0.isNumber || $0 == "-" }) {
                text = String(text[..<open]).trimmingCharacters(in: .whitespaces)
            }
        }
        return TextFolding.key(text)
    }
}
