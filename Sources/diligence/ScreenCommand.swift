import ArgumentParser
import DiligenceKit
import Foundation

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen names against listed persons and entities, with the score and why of every match.",
        discussion: """
            Names come from the arguments, or one per line from --input FILE, or from standard input. \
            They are screened against the list files (entities:) of --db, or of the --list files given.

            Every match at or above --threshold is printed, best first, with its score (0..1; 1 only \
            when every word matches after transliteration and spelling folds) and why: which words \
            matched which and how, what each name has that the other lacks.

            --country and --kind are signals: the entity's own country or kind raises a fuzzy score \
            a little, another lowers it; nothing is filtered out.
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
            throw rejected(error)
        }
        var queryCountry: Country?
        if let country {
            guard let resolved = countries.resolve(country) else {
                throw ValidationError("unknown country '\(country)'")
            }
            queryCountry = resolved
        }
        let entities: [ListedEntity]
        if list.isEmpty {
            entities = try database.workspace().database.entities
        } else {
            do {
                entities = try ListFiles.entities(list, countries: countries)
            } catch {
                let exit = rejected(error)
                // `--list FILE NAME` reads NAME as a second list file: say how to give names.
                if names.isEmpty, input == nil, list.contains(where: { !FileManager.default.fileExists(atPath: $0) }) {
                    printError(
                        "note: the words after --list are read as list files; give the names first "
                            + "(diligence screen NAME... --list FILE) or with --input FILE")
                }
                throw exit
            }
        }
        // Screening against nothing would answer "no match" for every name: fail closed.
        if entities.isEmpty {
            printError(
                "error: no listed persons or entities to screen against in \(list.isEmpty ? "the risk database" : list.joined(separator: ", ")); "
                    + "import a list (diligence db import) or name list files with --list")
            throw ExitCode.invalidInput
        }
        var lines = names
        do {
            // Standard input is read as bytes and checked like --input.
            if let input {
                lines = try TextLines.read(input, limit: 256 << 20)
            } else if names.isEmpty {
                lines = try TextLines.standardInput(limit: 256 << 20)
            }
        } catch {
            throw rejected(error)
        }
        let queries = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let results = NameScreener(entities: entities).screen(
            queries.map { ScreeningQuery($0, country: queryCountry, kind: kind) }, threshold: threshold)
        let pairs = Array(zip(queries, results))
        if format == .json {
            print(ScreeningReport.json(pairs))
        } else {
            print(ScreeningReport.text(pairs), terminator: "")
        }
    }
}

extension ListedEntity.Kind: ExpressibleByArgument {}
