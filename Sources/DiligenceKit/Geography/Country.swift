import Foundation

/// A country by ISO 3166-1 alpha-2 code, with its English short name.
public struct Country: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let code: String
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// "Mozambique (MZ)"
    public var description: String { "\(name) (\(code))" }

    public static func < (lhs: Country, rhs: Country) -> Bool { lhs.code < rhs.code }

    /// The code alone (equality still compares both): every rule looks factors up by country.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        self.init(code: code, name: CountryTable.shared?.byCode[code]?.name ?? code)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// Every ISO 3166-1 country with its English names, from the data file `countries.tsv`.
public struct CountryTable: Sendable {
    public let countries: [Country]
    /// Every English name and alternative, as written in the data file.
    public let names: [String]
    let byCode: [String: Country]
    private let byName: [String: Country]

    /// The table that ships with the library (nil only if the installation lost its data files).
    public static let shared: CountryTable? = try? CountryTable.builtin()

    /// `countries.tsv` with the names of `country-names.tsv`: ISO 3166 long forms ("Iran (Islamic
    /// Republic of)"), UN M49 names and the spellings of ACLED, STOP and OFAC.
    public static func builtin() throws(InputError) -> CountryTable {
        let (bytes, path) = try BuiltinResources.data("countries.tsv")
        let (names, namesPath) = try BuiltinResources.data("country-names.tsv")
        return try CountryTable(
            tsv: String(decoding: bytes, as: UTF8.self), file: path,
            names: String(decoding: names, as: UTF8.self), namesFile: namesPath)
    }

    /// Parses `CODE<TAB>name<TAB>alt|alt` lines; `#` starts a comment line. `names`, when given,
    /// adds `CODE<TAB>name[<TAB>note]` lines as further names of countries of the table.
    public init(tsv: String, file: String, names extraNames: String? = nil, namesFile: String = "") throws(InputError) {
        var countries: [Country] = []
        var byCode: [String: Country] = [:]
        var byName: [String: Country] = [:]
        var problems: [Diagnostic] = []
        var names: [String] = []
        for (index, line) in Self.lines(tsv).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = Self.columns(line).map(String.init)
            guard columns.count >= 2, columns[0].count == 2, columns[0] == columns[0].uppercased() else {
                problems.append(
                    Diagnostic(
                        SourceLocation(file: file, line: index + 1, column: 1), .error,
                        "expected CODE<TAB>name<TAB>alternatives"))
                continue
            }
            let country = Country(code: columns[0], name: columns[1])
            countries.append(country)
            byCode[country.code] = country
            byName[TextFolding.key(country.name)] = country
            names.append(country.name)
            if columns.count > 2 {
                for alternative in columns[2].split(separator: "|") {
                    byName[TextFolding.key(String(alternative))] = country
                    names.append(String(alternative))
                }
            }
        }
        for (index, line) in Self.lines(extraNames ?? "").enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = Self.columns(line)
            guard columns.count >= 2, let country = byCode[String(columns[0])], !columns[1].isEmpty else {
                problems.append(
                    Diagnostic(
                        SourceLocation(file: namesFile, line: index + 1, column: 1), .error,
                        "expected CODE<TAB>name with the code of a country of countries.tsv"))
                continue
            }
            let key = TextFolding.key(String(columns[1]))
            if let other = byName[key], other.code != country.code {
                problems.append(
                    Diagnostic(
                        SourceLocation(file: namesFile, line: index + 1, column: 4), .error,
                        "`\(columns[1])` already names \(other.code)"))
                continue
            }
            byName[key] = country
            names.append(String(columns[1]))
        }
        if !problems.isEmpty { throw InputError(problems) }
        self.countries = countries
        self.names = names
        self.byCode = byCode
        self.byName = byName
    }

    /// The lines of a data file, split on its line-feed bytes (empty lines kept, so that a line's
    /// position is its number less one), a carriage return before a line feed dropped. Split on
    /// bytes, not Characters: the two tables' 2,000 lines were read Character by Character.
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            Substring(line.last == 0x0D ? line.dropLast() : line)
        }
    }

    /// The tab-separated columns of a line, split on its tab bytes (empty columns kept).
    static func columns(_ line: Substring) -> [Substring] {
        line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// A country from its alpha-2 code in any case ("no", "NO") or an English name.
    public func resolve(_ text: String) -> Country? {
        // A code written in capitals ("ML") is found as it is.
        if text.utf8.count == 2, text.utf8.allSatisfy({ (0x41...0x5A).contains($0) }), let country = byCode[text] { return country }
        let trimmed = Self.trimmedOfWhitespace(text)
        if trimmed.count == 2, let country = byCode[trimmed.uppercased()] { return country }
        return byName[TextFolding.key(trimmed)]
    }

    public func country(code: String) -> Country? { byCode[code] }

    /// `text.trimmingCharacters(in: .whitespaces)`, without asking Foundation when the text
    /// starts and ends with an ASCII byte that is neither a space nor a tab (the only ASCII
    /// members of `.whitespaces`): then nothing is trimmed.
    static func trimmedOfWhitespace(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
            first != 0x20, first != 0x09, last != 0x20, last != 0x09
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The country whose name or code is closest to a misspelling.
    public func suggestion(for text: String) -> Country? {
        guard let key = Suggestion.closest(to: TextFolding.key(text), in: byName.keys) else { return nil }
        return byName[key]
    }
}
