import ArgumentParser
import DiligenceKit
import Foundation

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen names against listed persons and entities, with the score and why of every match."
    )

    @Argument(help: "Names to screen (or use --input, or standard input).")
    var names: [String] = []

    @Option(name: .long, help: "A file with one name per line.")
    var input: String?

    @Option(name: .long, parsing: .upToNextOption, help: "List files (entities:) to screen against instead of --db.")
    var list: [String] = []

    @Option(name: .long, help: "Only report entities of this country (ISO code or name).")
    var country: String?

    @Option(name: .long, help: "Lowest score reported, 0..1.")
    var threshold: Double = RuleSettings().screeningThreshold

    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    func run() throws {
        let entities: [ListedEntity]
        let countries: CountryTable
        do {
            countries = try CountryTable.builtin()
            if list.isEmpty {
                entities = try database.workspace().database.entities
            } else {
                let vocabularies = try VocabularyLoader.load(countries: countries)
                let loader = RiskDatabaseLoader(countries: countries, vocabularies: vocabularies)
                var files: [(relative: String, display: String, bytes: [UInt8])] = []
                for path in list {
                    files.append((path, path, try InputFile.read(path, display: path, limit: YAMLLimits.database.maxBytes)))
                }
                entities = try loader.load(files: files, path: "lists").entities
            }
        } catch let error as InputError {
            report(error)
            throw ExitCode(2)
        }
        var filterCountry: Country?
        if let country {
            guard let resolved = countries.resolve(country) else {
                throw ValidationError("unknown country '\(country)'")
            }
            filterCountry = resolved
        }
        var queries = names
        if let input {
            do {
                let bytes = try InputFile.read(input, display: input, limit: 64 << 20)
                queries += String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
            } catch {
                report(error)
                throw ExitCode(2)
            }
        } else if names.isEmpty {
            while let line = readLine() { queries.append(line) }
        }
        queries = queries.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let screener = NameScreener(entities: entities)
        let results = queries.map { query in
            (query, screener.screen(query, threshold: threshold).filter { match in
                filterCountry == nil || match.entity.country == filterCountry
            })
        }
        if format == "json" {
            print(ScreeningReport.json(results))
        } else {
            for (query, matches) in results {
                if matches.isEmpty {
                    print("\(query): no match")
                }
                for match in matches {
                    print("\(query): \(match.entity.id) \(match.entity.name) (matched \"\(match.matched)\", score \(String(format: "%.2f", match.score))): \(match.why)")
                }
            }
        }
    }
}
