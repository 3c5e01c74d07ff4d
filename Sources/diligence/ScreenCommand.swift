import ArgumentParser
import DiligenceKit
import Foundation

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen names against listed persons and entities, with the score and why of every match.",
        discussion: """
            Names come from the arguments, or one per line from --input FILE, or from standard input.
            They are screened against the list files (entities:) of --db, or of the --list files given.
            Every match at or above --threshold is printed, best first, with its score (0..1; 1 only when
            every word matches after transliteration and spelling folds) and why: which words matched which
            and how, what each name has that the other lacks. --country and --kind are signals: the entity's
            own country or kind raises a fuzzy score a little, another lowers it; nothing is filtered out.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "Names to screen (or use --input, or standard input).")
    var names: [String] = []

    @Option(name: .long, help: "A file with one name per line (UTF-8).")
    var input: String?

    @Option(name: .long, parsing: .upToNextOption, help: "List files (entities:) to screen against instead of --db.")
    var list: [String] = []

    @Option(name: .long, help: "The country of the parties screened (ISO code or name): a signal, not a filter.")
    var country: String?

    @Option(name: .long, help: "The kind of the parties screened (person, organisation, vessel, aircraft): a signal, not a filter.")
    var kind: ListedEntity.Kind?

    @Option(name: .long, help: "Lowest score reported, 0..1 (default \(RuleSettings().screeningThreshold)).")
    var threshold: Double = RuleSettings().screeningThreshold

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: .hidden)
    var pairs: String?

    @Flag(name: .long, help: .hidden)
    var normalize = false

    @Option(name: .long, help: .hidden)
    var tune: [String] = []

    @Flag(name: .long, help: .hidden)
    var timings = false

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        if input != nil, !names.isEmpty { throw ValidationError("give names as arguments or --input, not both") }
    }

    func run() throws {
        let countries: CountryTable
        do {
            countries = try CountryTable.builtin()
            _ = try ScreeningData.builtin()
        } catch {
            report(error)
            throw ExitCode.invalidInput
        }
        var queryCountry: Country?
        if let country {
            guard let resolved = countries.resolve(country) else {
                throw ValidationError("unknown country '\(country)'")
            }
            queryCountry = resolved
        }
        let started = Date()
        let entities = try loadEntities(countries: countries)
        // Screening against nothing would answer "no match" for every name: fail closed.
        if entities.isEmpty {
            printError(
                "error: no listed persons or entities to screen against in \(list.isEmpty ? "the risk database" : list.joined(separator: ", ")); "
                    + "import a list (diligence db import) or name list files with --list")
            throw ExitCode.invalidInput
        }
        let loaded = Date()
        var lines: [String]
        if let input {
            do {
                lines = try Self.lines(InputFile.read(input, display: input, limit: 256 << 20), file: input)
            } catch {
                report(error)
                throw ExitCode.invalidInput
            }
        } else if names.isEmpty {
            // Read as bytes and checked like --input: a name that is not UTF-8 is a located
            // error, not a name silently repaired into one that matches nothing.
            do {
                lines = try Self.lines(Self.standardInput(limit: 256 << 20), file: "<stdin>")
            } catch {
                report(error)
                throw ExitCode.invalidInput
            }
        } else {
            lines = names
        }
        let queries = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if normalize {
            // Benchmarks: the Latin form and the comparison keys of each name, tab-separated.
            for query in queries {
                let normalized = NameNormalizer.standard.normalize(query)
                print("\(NameNormalizer.latinLower(query).replacingOccurrences(of: "\t", with: " "))\t\(normalized.keys.joined(separator: " "))")
            }
            return
        }
        var parameters = ScoringParameters()
        for setting in tune {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), parameters.set(parts[0], value) else {
                throw ValidationError("--tune takes NAME=NUMBER with a name of ScoringParameters, found '\(setting)'")
            }
        }
        let screener = NameScreener(entities: entities, parameters: parameters)
        let indexed = Date()
        if let pairs {
            try scorePairs(pairs, screener: screener)
            return
        }
        let results = screener.screen(queries.map { ScreeningQuery($0, country: queryCountry, kind: kind) }, threshold: threshold)
        if timings {
            let screening = Date().timeIntervalSince(indexed)
            printError(
                String(
                    format: "load %.2f s (%d entities), index %.2f s (%d names), screen %.2f s (%d names, %.0f names/s), %d matches",
                    loaded.timeIntervalSince(started), entities.count, indexed.timeIntervalSince(loaded), screener.nameCount,
                    screening, queries.count, Double(queries.count) / max(screening, 1e-9), results.map(\.count).reduce(0, +)))
        }
        let pairs = Array(zip(queries, results))
        if format == .json {
            print(ScreeningReport.json(pairs))
        } else {
            print(ScreeningReport.text(pairs), terminator: "")
        }
    }

    /// Benchmarks: for each `query<TAB>entity-id` line of `file`, the entity's best score for the
    /// query (0 when the entity is not a candidate), one per line.
    func scorePairs(_ file: String, screener: NameScreener) throws {
        let rows: [String]
        do {
            rows = try Self.lines(InputFile.read(file, display: file, limit: 256 << 20), file: file)
        } catch {
            report(error)
            throw ExitCode.invalidInput
        }
        var out = ""
        for row in rows where !row.isEmpty {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 2 else { continue }
            let matches = screener.screen(ScreeningQuery(columns[0], kind: kind), threshold: 0)
            let score = matches.first { $0.entity.id == columns[1] }?.score ?? 0
            out += String(format: "%.4f\n", score)
        }
        print(out, terminator: "")
    }

    func loadEntities(countries: CountryTable) throws -> [ListedEntity] {
        if list.isEmpty { return try database.workspace().database.entities }
        do {
            let vocabularies = try VocabularyLoader.load(countries: countries)
            var loader = RiskDatabaseLoader(countries: countries, vocabularies: vocabularies)
            loader.cache = ListCache.standard()
            var files: [(relative: String, display: String, bytes: [UInt8])] = []
            for path in list {
                files.append((path, path, try InputFile.read(path, display: path, limit: YAMLLimits.database.maxBytes)))
            }
            return try loader.load(files: files, path: "lists").entities
        } catch {
            report(error)
            throw ExitCode.invalidInput
        }
    }

    /// Every byte of standard input, or an error once it passes `limit` bytes.
    static func standardInput(limit: Int) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw InputError(SourceLocation(file: "<stdin>", line: 1, column: 1), "cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
            if bytes.count > limit {
                throw InputError(SourceLocation(file: "<stdin>", line: 1, column: 1), "standard input is over \(limit) bytes; screen fewer names at a time")
            }
        }
    }

    /// The lines of a UTF-8 file (a BOM skipped, CRLF or LF), or a located error for bad encoding.
    static func lines(_ bytes: [UInt8], file: String) throws(InputError) -> [String] {
        var result: [String] = []
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        for (index, line) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let content = line.last == 0x0D ? line.dropLast() : line
            if let offset = UTF8Check.firstInvalidOffset(Array(content)) {
                let column = String(decoding: content.prefix(offset), as: UTF8.self).unicodeScalars.count + 1
                let byte = String(content[content.startIndex + offset], radix: 16, uppercase: true)
                throw InputError(SourceLocation(file: file, line: index + 1, column: column), "invalid UTF-8 (byte 0x\(byte)); names must be UTF-8 text")
            }
            result.append(String(decoding: content, as: UTF8.self))
        }
        return result
    }
}

extension ListedEntity.Kind: ExpressibleByArgument {}
