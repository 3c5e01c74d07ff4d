import ArgumentParser
import DiligenceKit
import Foundation

/// The policy files a command reads and the database they are read with (`check`, `validate`).
struct PolicyInput: ParsableArguments {
    @Argument(help: "Policy files or folders (recursive *.yaml, *.yml).")
    var paths: [String] = ["policies"]

    @OptionGroup var database: DatabaseOptions
}

/// `--db`, shared by every command that reads the risk database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Risk database folder (default: ./seeds if present, else the copy that ships with the tool).")
    var db: String?

    /// The countries and vocabularies (built in, extended by the database's `vocabularies/`
    /// folder when there is one), without loading the database itself.
    func vocabularyWorkspace() throws -> (countries: CountryTable, vocabularies: Vocabularies) {
        do {
            let countries = try CountryTable.builtin()
            var extra: URL?
            if let path = db ?? Workspace.defaultDatabasePath() {
                let folder = URL(fileURLWithPath: path).appendingPathComponent("vocabularies")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue { extra = folder }
            }
            return (countries, try VocabularyLoader.load(extraFolder: extra, countries: countries))
        } catch {
            throw rejected(error)
        }
    }

    /// Loads the workspace, or prints the problems and exits 2.
    func workspace() throws -> Workspace {
        guard let path = db ?? Workspace.defaultDatabasePath() else {
            printError("error: no risk database: pass --db FOLDER (no ./seeds here and none ships beside the tool)")
            throw ExitCode.invalidInput
        }
        do {
            return KeptUntilExit.keep(try Workspace.load(databasePath: path, cache: ListCache.standard()))
        } catch {
            throw rejected(error)
        }
    }
}

/// A severity on the command line, shown by name in help (Severity's raw values are numbers).
struct SeverityArgument: ExpressibleByArgument, Equatable {
    var severity: Severity

    init(_ severity: Severity) { self.severity = severity }
    init?(argument: String) {
        guard let severity = Severity(name: argument) else { return nil }
        self.severity = severity
    }

    static var allValueStrings: [String] { Severity.names }
    var defaultValueDescription: String { "\(severity)" }
}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// `--fail-on` accepts a severity or `none`.
enum GateLevel: ExpressibleByArgument, Equatable {
    case severity(Severity)
    case none

    init?(argument: String) {
        if argument == "none" { self = .none; return }
        guard let severity = Severity(name: argument) else { return nil }
        self = .severity(severity)
    }

    static var allValueStrings: [String] { Severity.names + ["none"] }

    var defaultValueDescription: String { threshold.map { "\($0)" } ?? "none" }

    var threshold: Severity? {
        if case .severity(let severity) = self { return severity }
        return nil
    }
}

extension ReportFormat {
    /// `--format`'s value: comma-separated formats (`md` for markdown), each once, in order.
    static func list(_ argument: String) throws -> [ReportFormat] {
        var result: [ReportFormat] = []
        for name in argument.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            let aliases = ["md": "markdown"]
            guard let value = ReportFormat(rawValue: aliases[name] ?? name) else {
                throw ValidationError("unknown format '\(name)'; use \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(value) { result.append(value) }
        }
        if result.isEmpty { throw ValidationError("--format needs at least one format") }
        return result
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints every diagnostic and a summary line to standard error.
func report(_ error: InputError) {
    for diagnostic in error.diagnostics { printError(diagnostic.description) }
    let files = Set(error.diagnostics.map(\.location.file)).count
    let count = error.diagnostics.filter { $0.level == .error && !$0.isTruncationNote }.count
    let more = error.diagnostics.contains(where: \.isTruncationNote) ? " (and more not shown)" : ""
    printError("\(count) problem\(count == 1 ? "" : "s")\(more) in \(files) file\(files == 1 ? "" : "s")")
}

/// Every problem of an input error on standard error, and the exit code to throw for it (2).
func rejected(_ error: InputError) -> ExitCode {
    report(error)
    return .invalidInput
}

func isTerminal() -> Bool {
    isatty(STDOUT_FILENO) == 1
}
