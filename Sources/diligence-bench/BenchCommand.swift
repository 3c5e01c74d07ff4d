import ArgumentParser
import DiligenceKit
import Foundation

/// The development tool of the screening benchmark (benchmarks/screening/run.sh): what the
/// benchmark asks of the screener that a user of `diligence screen` never does. Not installed.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diligence-bench",
        abstract: "Benchmark-only screening runs (benchmarks/screening): timings, pair scores, Latin forms, tuned parameters.",
        subcommands: [Screen.self, Normalize.self, Pairs.self]
    )
}

/// Options every screening run of the benchmark shares: the list files and the scoring parameters.
struct ListOptions: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption, help: "List files (entities:) to screen against.")
    var list: [String]

    @Option(name: .long, help: "The names, one per line (UTF-8); for pairs, `query<TAB>entity-id` lines.")
    var input: String

    @Option(name: .long, help: "A ScoringParameters value for this run, NAME=NUMBER (repeatable).")
    var tune: [String] = []

    @Option(name: .long, help: "The kind of the parties screened (person, organisation, vessel, aircraft).")
    var kind: ListedEntity.Kind?

    /// The scoring parameters with every --tune applied.
    func parameters() throws -> ScoringParameters {
        var parameters = ScoringParameters()
        for setting in tune {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), parameters.set(parts[0], value) else {
                throw ValidationError("--tune takes NAME=NUMBER with a name of ScoringParameters, found '\(setting)'")
            }
        }
        return parameters
    }

    /// The listed entities, or their problems on standard error and exit 2.
    func entities() throws -> [ListedEntity] {
        do {
            let entities = try ListFiles.entities(list, countries: CountryTable.builtin())
            guard !entities.isEmpty else { throw ValidationError("no listed persons or entities in \(list.joined(separator: ", "))") }
            return entities
        } catch let error as InputError {
            throw failed(error)
        }
    }
}

extension ListedEntity.Kind: ExpressibleByArgument {}

/// The exit code of invalid input, as `diligence` uses it (2).
enum BenchExit {
    static let invalidInput: Int32 = 2
}

/// Every problem on standard error; the exit code to throw (`BenchExit.invalidInput`).
func failed(_ error: InputError) -> ExitCode {
    for diagnostic in error.diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
    return ExitCode(BenchExit.invalidInput)
}

/// The non-empty trimmed lines of a UTF-8 file.
func queries(_ path: String) throws -> [String] {
    do {
        return try TextLines.read(path, limit: 256 << 20).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    } catch {
        throw failed(error)
    }
}
