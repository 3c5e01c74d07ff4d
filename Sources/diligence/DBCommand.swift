import ArgumentParser
import DiligenceKit
import Foundation

struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect the risk database, or bring real lists into its format.",
        subcommands: [Stats.self, List.self, Show.self, Import.self]
    )

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts, digest and newest review.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.workspace().database
            print("database: \(db.metadata.name)\(db.metadata.version.map { " \($0)" } ?? "") (\(db.path))")
            print("digest: sha256:\(db.digest)")
            print("files: \(db.files.count)")
            print("factors: \(db.factors.count)")
            for kind in FactorKind.allCases {
                let count = db.factors.filter { $0.kind == kind }.count
                if count > 0 { print("  \(kind.rawValue): \(count)") }
            }
            print("countries: \(Set(db.factors.map(\.country.code)).sorted().joined(separator: ", "))")
            print("events: \(db.factors.map(\.events.count).reduce(0, +))")
            print("listed entities: \(db.entities.count)")
            print("newest review: \(db.newestReview?.description ?? "none")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per risk factor and listed entity.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.workspace().database
            for factor in db.factors {
                let until = factor.inForceUntil.map { " until \($0)" } ?? ""
                print("\(factor.id)\t\(factor.kind.rawValue)\t\(factor.country.code)\t\(factor.severity)\tfrom \(factor.inForceFrom)\(until)\t\(factor.title)")
            }
            for entity in db.entities {
                print("\(entity.id)\t\(entity.kind.rawValue)\t\(entity.country?.code ?? "--")\t\(entity.listedBy.joined(separator: ","))\t\(entity.name)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A risk factor or listed entity in full.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Factor or entity id.") var id: String

        func run() throws {
            let db = try database.workspace().database
            if let factor = db.factor(id: id) {
                print(DatabaseText.describe(factor))
            } else if let entity = db.entities.first(where: { $0.id == id }) {
                print(DatabaseText.describe(entity))
            } else {
                printError("error: no factor or entity with id '\(id)'")
                throw ExitCode(2)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert published data into the risk database format: lists (entities:) or factor files (factors:).",
            discussion: """
                ofac-sdn: OFAC's legacy CSV files, sdn.csv and optionally alt.csv (aliases), in that order.
                opensanctions: OpenSanctions FollowTheMoney JSON lines (entities.ftm.json).
                Neither OFAC file carries listing dates: the list is a snapshot, dated with --snapshot-date.
                acled: an ACLED CSV export; writes armed-conflict (and civil-unrest) factors, one per country,
                with every event's id, date, type, actors, fatalities, precision and location (docs/geodata.md).
                stop: the Access Now #KeepItOn STOP CSV; writes internet-shutdown factors per country
                (national and regional). Put the output inside the database folder, e.g. factors/acled.yaml.
                """
        )

        @Option(name: .long, help: "The input format: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var from: ImportFormat

        @Argument(help: "The input files (ofac-sdn: sdn.csv [alt.csv]; opensanctions: one .json/.jsonl file; acled, stop: one .csv file).")
        var files: [String]

        @Option(name: .long, help: "The file to write (YAML: `entities:` for lists, `factors:` for acled and stop); written atomically.")
        var output: String

        @Option(name: .long, help: "The date the input was published (YYYY-MM-DD), written into every reference (and, for acled and stop, as the factors' review date). Without it: no date for lists, the newest event for factors.")
        var snapshotDate: Day?

        func validate() throws {
            switch from {
            case .ofacSDN:
                guard (1...2).contains(files.count) else { throw ValidationError("ofac-sdn takes sdn.csv and optionally alt.csv") }
            case .openSanctions:
                guard files.count == 1 else { throw ValidationError("opensanctions takes one JSON lines file") }
            case .acled, .stop:
                guard files.count == 1 else { throw ValidationError("\(from.rawValue) takes one CSV file") }
            }
        }

        func run() throws {
            let text: String
            let warnings: [Diagnostic]
            let summary: [String]
            do {
                let countries = try CountryTable.builtin()
                let inputs = try files.map { path throws(InputError) in
                    (bytes: try InputFile.read(path, display: path, limit: 2 << 30), path: path)
                }
                switch from {
                case .ofacSDN, .openSanctions:
                    let list = from == .ofacSDN
                        ? try OFACImporter(countries: countries, snapshotDate: snapshotDate)
                            .importFiles(sdn: inputs[0], alt: inputs.count > 1 ? inputs[1] : nil)
                        : try OpenSanctionsImporter(countries: countries, snapshotDate: snapshotDate)
                            .importFile(bytes: inputs[0].bytes, file: inputs[0].path)
                    (text, warnings, summary) = (ListWriter.yaml(list), list.warnings, list.summary)
                case .acled:
                    let imported = try ACLEDImporter(countries: countries, actors: try ActorAliases.builtin(), snapshotDate: snapshotDate)
                        .importFile(bytes: inputs[0].bytes, file: inputs[0].path)
                    (text, warnings, summary) = (FactorWriter.yaml(imported), imported.warnings, imported.summary)
                case .stop:
                    let vocabularies = try VocabularyLoader.load(extraFolder: nil, countries: countries)
                    let imported = try STOPImporter(countries: countries, vocabularies: vocabularies, snapshotDate: snapshotDate)
                        .importFile(bytes: inputs[0].bytes, file: inputs[0].path)
                    (text, warnings, summary) = (FactorWriter.yaml(imported), imported.warnings, imported.summary)
                }
            } catch {
                report(error)
                throw ExitCode(2)
            }
            for warning in warnings { printError(warning.description) }
            do {
                try ReportWriter.write([(output, text)])
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            for line in summary { printError("\(output): \(line)") }
        }
    }
}

extension ImportFormat: ExpressibleByArgument {}
