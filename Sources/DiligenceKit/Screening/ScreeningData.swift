import Foundation

/// The data name screening runs on, read from `Resources/screening/`: legal forms, titles,
/// particles, stop words, patronymic endings, transliteration spelling folds and the background
/// frequencies of common name tokens. Kept in data files so that a team can extend them.
public struct ScreeningData: Sendable {
    /// A class of legal forms ("llc", "jsc", "pmc", ...) with its description.
    public struct LegalFormClass: Sendable, Hashable {
        public var id: String
        public var description: String
    }

    /// Legal-form word sequences (space-separated, dots removed) → their class.
    public var legalForms: [String: String] = [:]
    /// The classes of legal forms, by id.
    public var legalFormClasses: [String: LegalFormClass] = [:]
    /// Honorific and title word sequences, dropped where they open a name.
    public var titles: Set<String> = []
    /// Particles ("al", "bin", "van"), kept as tokens that count little.
    public var particles: Set<String> = []
    /// Words dropped everywhere ("the", "of").
    public var stopwords: Set<String> = []
    /// Endings of patronymics ("ovich"), most specific first.
    public var patronymicSuffixes: [String] = []
    /// A spelling fold: every occurrence of `from` becomes `to` (only at the end of the word
    /// when written `from$`).
    public struct Fold: Sendable, Hashable {
        public var from: [UInt8]
        public var to: [UInt8]
        public var atEnd = false
    }

    /// Spelling folds applied in order to every token.
    public var spellingFolds: [Fold] = []
    /// Background document frequencies of common folded tokens, and the number of entries
    /// they were counted over.
    public var commonTokens: [String: Int] = [:]
    public var commonTokensTotal = 1
    /// Given names and their nicknames ("william" / "bill"), as written in `nicknames.tsv`.
    public var nicknames: [(name: String, nickname: String)] = []
    /// Words compared as another ("seven" as "7", "intl" as "international"), from `word-equivalents.tsv`.
    public var wordEquivalents: [String: String] = [:]
    /// The common words of organisation names in other languages and their English word
    /// ("kompaniya" / "company", "oruzheinaya" / "arms"), from `organisation-words.tsv`: compared
    /// as equivalent only when both names are organisations (`OrganisationWords`).
    public var organisationWords: [String: String] = [:]
    /// The language of each word of `organisation-words.tsv` ("kompaniya" / "Russian";
    /// "English" for another English word for the same thing, "aviation" / "airlines").
    public var organisationWordLanguages: [String: String] = [:]
    /// Abbreviations of organisation-name words and the words they stand for ("nii" /
    /// "research institute", "tskb" / "tsentralnoe konstruktorskoe byuro"), from
    /// `organisation-abbreviations.tsv`, in the file's order (`OrganisationAbbreviations`).
    public var organisationAbbreviations: [(abbreviation: String, words: [String])] = []
    /// Common surnames (`common-surnames.txt`): one of them with a legal form does not identify a company.
    public var commonSurnames: Set<String> = []
    /// Place words ("polska", "europe", "minsk") that qualify an organisation's name.
    public var places: Set<String> = []
    /// The longest legal-form or title sequence, in words.
    public var longestPhrase = 1

    public init() {}

    /// The files that ship with the library.
    public static let fileNames = [
        "legal-forms.tsv", "titles.txt", "particles.txt", "stopwords.txt",
        "patronymic-suffixes.txt", "spelling-folds.tsv", "common-tokens.tsv",
        "nicknames.tsv", "places.txt", "word-equivalents.tsv", "common-surnames.txt", "organisation-words.tsv",
        "organisation-abbreviations.tsv",
    ]

    /// Reads the built-in data files, reporting every malformed line.
    public static func builtin() throws(InputError) -> ScreeningData {
        var files: [String: (text: String, path: String)] = [:]
        for name in fileNames {
            let (bytes, path) = try BuiltinResources.data("screening/\(name)")
            files[name] = (String(decoding: bytes, as: UTF8.self), path)
        }
        return try ScreeningData(files: files)
    }

    /// The built-in data, read once; empty (no legal forms, titles or folds) if the files are
    /// missing, which `builtin()` reports as an error.
    public static let standard: ScreeningData = (try? builtin()) ?? ScreeningData()

    /// Parses data files given by name (as in `fileNames`) with their text and display path.
    public init(files: [String: (text: String, path: String)]) throws(InputError) {
        var problems: [Diagnostic] = []
        func lines(_ name: String) -> [(number: Int, text: String, path: String)] {
            guard let file = files[name] else { return [] }
            var text = file.text
            return text.withUTF8 { bytes in
                var result: [(number: Int, text: String, path: String)] = []
                var start = 0, number = 0
                // The lines between line feeds, the last one after the last (as splitting on
                // line feeds without omitting empty lines reads them), on a buffer of the bytes:
                // splitting the String's UTF-8 view was a third of reading these files.
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                    number += 1
                    defer { start = end + 1 }
                    // Carriage returns at either end dropped; lines of blanks only (tabs and
                    // space separators) and comments skipped. Read as bytes: Foundation's
                    // trimmingCharacters on each of 8,000 lines was a tenth of a small check.
                    var line = bytes[start..<end]
                    while line.first == 0x0D { line = line.dropFirst() }
                    while line.last == 0x0D { line = line.dropLast() }
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == UInt8(ascii: "#") { continue }
                    let text = String(decoding: line, as: UTF8.self)
                    if !line.allSatisfy({ $0 < 0x80 }),
                        text.unicodeScalars.allSatisfy({ $0 == "\t" || $0.properties.generalCategory == .spaceSeparator })
                    {
                        continue
                    }
                    result.append((number, text, file.path))
                }
                return result
            }
        }
        func problem(_ line: (number: Int, text: String, path: String), _ message: String) {
            problems.append(Diagnostic(SourceLocation(file: line.path, line: line.number, column: 1), .error, message))
        }
        for line in lines("legal-forms.tsv") {
            let columns = Self.columns(line.text).map(String.init)
            guard columns.count == 3, !columns[0].isEmpty else {
                problem(line, "expected CLASS<TAB>description<TAB>form|form|...")
                continue
            }
            legalFormClasses[columns[0]] = LegalFormClass(id: columns[0], description: columns[1])
            for form in columns[2].split(separator: "|").map({ Self.phrase(String($0)) }) where !form.isEmpty {
                if let other = legalForms[form], other != columns[0] {
                    problem(line, "legal form '\(form)' is already in class '\(other)'")
                }
                legalForms[form] = columns[0]
                longestPhrase = max(longestPhrase, form.split(separator: " ").count)
            }
        }
        for line in lines("titles.txt") {
            let title = Self.phrase(line.text)
            titles.insert(title)
            longestPhrase = max(longestPhrase, title.split(separator: " ").count)
        }
        particles = Set(lines("particles.txt").map { Self.phrase($0.text) })
        stopwords = Set(lines("stopwords.txt").map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() })
        patronymicSuffixes = lines("patronymic-suffixes.txt").map { Self.phrase($0.text) }.sorted { $0.count > $1.count }
        for line in lines("spelling-folds.tsv") {
            let columns = Self.columns(line.text)
            let atEnd = columns.first?.hasSuffix("$") ?? false
            let from = atEnd ? columns[0].dropLast() : columns[0]
            guard columns.count == 2, !from.isEmpty, ([from, columns[1]]).allSatisfy({ $0.utf8.allSatisfy { (0x61...0x7A).contains($0) } }) else {
                problem(line, "expected FROM<TAB>TO in lower-case a-z (FROM$ for the end of a word)")
                continue
            }
            spellingFolds.append(Fold(from: Array(from.utf8), to: Array(columns[1].utf8), atEnd: atEnd))
        }
        for line in lines("nicknames.tsv") {
            let columns = Self.columns(line.text).map { Self.phrase(String($0)) }
            guard columns.count == 2, !columns[0].isEmpty, !columns[1].isEmpty, !columns[0].utf8.contains(0x20), !columns[1].utf8.contains(0x20) else {
                problem(line, "expected NAME<TAB>NICKNAME, one word each")
                continue
            }
            nicknames.append((columns[0], columns[1]))
        }
        for line in lines("word-equivalents.tsv") {
            let columns = Self.columns(line.text).map { Self.phrase(String($0)) }
            guard columns.count == 2, !columns[0].isEmpty, !columns[1].isEmpty, !columns[0].utf8.contains(0x20), !columns[1].utf8.contains(0x20) else {
                problem(line, "expected WORD<TAB>EQUIVALENT, one word each")
                continue
            }
            wordEquivalents[columns[0]] = columns[1]
        }
        for line in lines("organisation-words.tsv") {
            let columns = Self.columns(line.text)
            let words = columns.prefix(2).map { Self.phrase(String($0)) }
            guard columns.count == 4, words.count == 2, !words[0].isEmpty, !words[1].isEmpty, !words[0].utf8.contains(0x20), !words[1].utf8.contains(0x20),
                !columns[2].isEmpty, !columns[3].isEmpty
            else {
                problem(line, "expected WORD<TAB>ENGLISH<TAB>LANGUAGE<TAB>SOURCE, one word each in the first two")
                continue
            }
            organisationWords[words[0]] = words[1]
            organisationWordLanguages[words[0]] = String(columns[2])
        }
        for line in lines("organisation-abbreviations.tsv") {
            let columns = Self.columns(line.text)
            let abbreviation = columns.first.map { Self.phrase(String($0)) } ?? ""
            let words = columns.count > 1 ? Self.phrase(String(columns[1])).split(separator: " ").map(String.init) : []
            guard columns.count == 4, !abbreviation.isEmpty, !abbreviation.utf8.contains(0x20), words.count >= 2, !columns[2].isEmpty, !columns[3].isEmpty
            else {
                problem(line, "expected ABBREVIATION<TAB>WORDS<TAB>LANGUAGE<TAB>SOURCE, one word and two words or more")
                continue
            }
            organisationAbbreviations.append((abbreviation, words))
        }
        commonSurnames = Set(lines("common-surnames.txt").map { Self.phrase($0.text) }.filter { !$0.isEmpty })
        places = Set(lines("places.txt").map { Self.phrase($0.text) }.filter { !$0.isEmpty })
        for line in lines("common-tokens.tsv") {
            let columns = Self.columns(line.text)
            if columns.count == 2, columns[0] == "entries", let total = Int(columns[1]), total > 0 {
                commonTokensTotal = total
                continue
            }
            guard columns.count == 2, let count = Int(columns[1]), count > 0 else {
                problem(line, "expected TOKEN<TAB>count, or entries<TAB>total")
                continue
            }
            commonTokens[String(columns[0])] = count
        }
        if !problems.isEmpty { throw InputError(problems) }
    }

    /// Lower-case words joined by single spaces, dots removed ("S.A." → "sa", "A/S" → "a s"):
    /// how phrases are compared with the words of a name.
    static func phrase(_ text: String) -> String {
        asciiPhrase(text) ?? phraseByCharacters(text)
    }

    /// `phrase` on characters: any text.
    static func phraseByCharacters(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: ".", with: "")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    /// The tab-separated columns of a line, split on its bytes (a tab is never part of a
    /// longer character, so these are the columns a split on characters gives, faster). The
    /// tabs are found by a loop over the view's indices: the generic `split` with its closure
    /// was a quarter of reading the data files.
    static func columns(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var columns: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x09 {
                columns.append(Substring(utf8[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        columns.append(Substring(utf8[start..<utf8.endIndex]))
        return columns
    }

    /// `columns` as the generic split makes them (the definition a test holds `columns` to).
    static func columnsBySplit(_ text: String) -> [Substring] {
        text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// `phrase` of an ASCII text, on its bytes (nil for any other text): the letters and
    /// digits lower-cased, dots dropped, every other byte a separator. The data files are
    /// nearly all ASCII, and Foundation's `replacingOccurrences` and Character-wise splitting
    /// on each of their 18,000 lines were a third of the start-up of a `check`.
    static func asciiPhrase(_ text: String) -> String? {
        ASCII.words(of: text) { byte in
            if byte == UInt8(ascii: ".") { return .drop }
            return ASCII.isAlphanumeric(byte) ? .keep(ASCII.lowercased(byte)) : .separator
        }
    }
}

extension ScreeningData {
    /// The text of `common-tokens.tsv` for a list: the folded name tokens found in at least
    /// `minimumCount` entries (each entity counted once over its names and aliases), most
    /// frequent first, with the number of entries they were counted over.
    static func commonTokenTable(entities: [ListedEntity], normalizer: NameNormalizer, source: String, minimumCount: Int = 3) -> String {
        var frequency: [String: Int] = [:]
        for entity in entities {
            var keys: Set<String> = []
            for name in entity.allNames {
                for token in normalizer.normalize(name).tokens where token.kind == .name { keys.insert(token.key) }
            }
            for key in keys { frequency[key, default: 0] += 1 }
        }
        var out = """
            # Background document frequencies of common name tokens: in how many entries of \(source)
            # each folded token occurs (names and aliases of an entry counted once), for tokens in at least
            # \(minimumCount) entries. Token weights use the larger of a token's share in the screened list and
            # here, so that "trading" or "alexander" counts little even in a short list.
            # Generated: DILIGENCE_RECORD=1 swift test --filter commonTokenTableIsCurrent (docs/screening.md).
            # Format: TOKEN<TAB>entries; the line `entries<TAB>N` gives the total.
            entries\t\(entities.count)

            """
        for (key, count) in frequency.filter({ $0.value >= minimumCount }).sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            out += "\(key)\t\(count)\n"
        }
        return out
    }
}
