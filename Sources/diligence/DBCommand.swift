import ArgumentParser
import DiligenceKit
import Foundation

struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect the risk database, or bring real lists into its format.",
        subcommands: [Stats.self, List.self, Show.self, Import.self, DBDraftCommand.self]
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
            for snapshot in db.snapshots { print("snapshot: \(snapshot.label)") }
            for superseded in db.superseded { print("superseded: \(superseded.notice)") }
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
                throw ExitCode.invalidInput
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
        var output: String?

        @Option(
            name: .long,
            help:
                "A database folder to import into: the file goes to its place (lists/ofac-sdn.yaml, factors/stop.yaml..., or the file of the same source it replaces), database.yaml records the source, and nothing is written when the result would not load."
        )
        var into: String?

        @Option(
            name: .long,
            help:
                "The date the input was published (YYYY-MM-DD), written into every reference and the file's snapshot (and, for acled and stop, as the factors' review date). Without it: the date the file carries (STOP and ACLED: the newest date; OpenSanctions: the newest change), else (OFAC) the input files' modification day."
        )
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
            guard (output == nil) != (into == nil) else { throw ValidationError("give --output FILE or --into DATABASE-FOLDER (one of them)") }
        }

        func run() throws {
            var warnings: [Diagnostic] = []
            var summary: [String] = []
            var snapshot: DataSnapshot?
            var source = SnapshotSource(from).listSource
            let render: (DataSnapshot?) -> String
            do {
                let countries = try CountryTable.builtin()
                let inputs = try files.map { path throws(InputError) in
                    (bytes: try InputFile.read(path, display: path, limit: 2 << 30), path: path)
                }
                switch from {
                case .ofacSDN, .openSanctions:
                    var list =
                        from == .ofacSDN
                        ? try OFACImporter(countries: countries, snapshotDate: snapshotDate)
                            .importFiles(sdn: inputs[0], alt: inputs.count > 1 ? inputs[1] : nil)
                        : try OpenSanctionsImporter(countries: countries, snapshotDate: snapshotDate)
                            .importFile(bytes: inputs[0].bytes, file: inputs[0].path)
                    (warnings, summary, snapshot) = (list.warnings, list.summary, list.snapshot)
                    render = {
                        list.snapshot = $0; return ListWriter.yaml(list)
                    }
                case .acled:
                    var imported = try ACLEDImporter(countries: countries, actors: try ActorAliases.builtin(), snapshotDate: snapshotDate)
                        .importFile(bytes: inputs[0].bytes, file: inputs[0].path)
                    (warnings, summary, snapshot) = (imported.warnings, imported.summary, imported.snapshot)
                    source = imported.sources.first ?? source
                    render = {
                        imported.snapshot = $0; return FactorWriter.yaml(imported)
                    }
                case .stop:
                    let vocabularies = try VocabularyLoader.load(extraFolder: nil, countries: countries)
                    var imported = try STOPImporter(countries: countries, vocabularies: vocabularies, snapshotDate: snapshotDate)
                        .importFile(bytes: inputs[0].bytes, file: inputs[0].path)
                    (warnings, summary, snapshot) = (imported.warnings, imported.summary, imported.snapshot)
                    source = imported.sources.first ?? source
                    render = {
                        imported.snapshot = $0; return FactorWriter.yaml(imported)
                    }
                }
                if snapshot == nil {
                    // OFAC's files carry no date: the day they were saved (downloaded) dates the snapshot.
                    let day =
                        files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
                        .max().map { Day(ordinal: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) } ?? Day.today
                    snapshot = DataSnapshot(source: SnapshotSource(from), date: day)
                    summary.append(
                        "snapshot dated \(day), the day the input files were last modified (the files carry no date; --snapshot-date gives the publication date)"
                    )
                }
                snapshot?.inputs = inputs.map { "\(($0.path as NSString).lastPathComponent) sha256:\(SHA256.hex($0.bytes))" }
            } catch {
                throw rejected(error)
            }
            for warning in warnings { printError(warning.description) }
            guard let snapshot else { throw ExitCode.invalidInput }
            let text = render(snapshot)
            if let output {
                do {
                    try ReportWriter.write([(output, text)])
                } catch {
                    printError(error.description)
                    throw ExitCode.invalidInput
                }
                for line in summary { printError("\(output): \(line)") }
                return
            }
            guard let into else { return }
            let plan: DatabaseImport
            do {
                plan = try DatabaseImport.plan(
                    folder: into, snapshot: snapshot, source: source, text: text,
                    loader: try Workspace.loader(databasePath: into))
            } catch {
                report(error)
                printError("error: nothing imported: \(into) would not load with the imported file")
                throw ExitCode.invalidInput
            }
            do {
                for write in plan.writes {
                    try FileManager.default.createDirectory(atPath: (write.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                }
                try ReportWriter.write(plan.writes)
            } catch {
                printError("\(error)")
                throw ExitCode.invalidInput
            }
            let written = (into.hasSuffix("/") ? into : into + "/") + plan.target
            for line in summary { printError("\(written): \(line)") }
            printError(
                "\(written): \(snapshot.source.displayName) snapshot of \(snapshot.date); recorded in \((into.hasSuffix("/") ? into : into + "/"))database.yaml"
            )
            for notice in plan.database.superseded { printError("note: \(notice.notice)") }
        }
    }
}

extension ImportFormat: ExpressibleByArgument {}
