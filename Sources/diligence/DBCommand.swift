import ArgumentParser
import DiligenceKit

struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect the risk database.",
        subcommands: [Stats.self, List.self, Show.self]
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
}
