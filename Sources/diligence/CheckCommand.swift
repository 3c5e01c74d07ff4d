import ArgumentParser
import DiligenceKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Match policy files against the risk factors in force and write reports.",
        discussion: "Exit codes: 0 no finding at or above --fail-on; 1 the gate failed (or an accepted risk expired); 2 invalid input; 64 wrong command line."
    )

    @Argument(help: "Policy files or folders (recursive *.yaml, *.yml).")
    var paths: [String] = ["policies"]

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("as-of"), help: "Evaluate as of this date, YYYY-MM-DD (default: today, UTC).")
    var asOf: Day?

    @Option(name: .long, help: "Comma-separated formats: text, markdown, json, sarif, junit, github (default: text on a terminal, markdown otherwise).")
    var format: String?

    @Option(name: .long, help: "A file for one format, a folder for several (report.md, report.json, report.txt, report.sarif, report.junit.xml, report.github.txt).")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the gate: critical, high, medium, low, info or none.")
    var failOn: GateLevel = .severity(.high)

    @Option(name: .customLong("report-min"), help: "Lowest severity shown in reports (the gate still sees everything).")
    var reportMin: Severity = .info

    @Option(name: .long, help: "A previous JSON report: only findings not in it can fail the gate; reports list what is new and what was resolved.")
    var baseline: String?

    @Option(name: .customLong("max-acceptance-days"), help: "Longest an accepted risk may run after the as-of date; a later expiry is an error.")
    var maxAcceptanceDays: Int = AcceptanceHorizon.defaultDays

    @Flag(name: .long, help: "Print to standard error how long each phase took (database, check, write) and the CPU time of loading, rules and rendering.")
    var timings = false

    func formats() throws -> [ReportFormat] {
        guard let format else { return [isTerminal() ? .text : .markdown] }
        var result: [ReportFormat] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            let aliases = ["md": "markdown"]
            guard let value = ReportFormat(rawValue: aliases[name] ?? name) else {
                throw ValidationError("unknown format '\(name)'; use \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(value) { result.append(value) }
        }
        if result.isEmpty { throw ValidationError("--format needs at least one format") }
        return result
    }

    func validate() throws {
        guard maxAcceptanceDays >= 0 else { throw ValidationError("--max-acceptance-days must be 0 or more") }
        let formats = try formats()
        if formats.count > 1, output == nil {
            throw ValidationError("several formats need --output FOLDER")
        }
    }

    func run() throws {
        let formats = try formats()
        var clock = PhaseClock()
        var work = ""
        defer { if timings { printError(clock.summary + (work.isEmpty ? "" : "\n" + work)) } }
        let workspace = try database.workspace()
        for superseded in workspace.database.superseded { printError("note: \(superseded.notice)") }
        clock.lap("database")
        var previous: Baseline?
        if let baseline {
            do {
                previous = try Baseline.load(path: baseline)
            } catch {
                report(error)
                throw ExitCode(2)
            }
        }
        let options = CheckOptions(asOf: asOf ?? .today, failOn: failOn.threshold, reportMin: reportMin, baseline: previous)
        let check = StreamedCheck(checker: Checker(database: workspace.database, vocabularies: workspace.vocabularies),
                                  loader: workspace.policyLoader, options: options, maxAcceptanceDays: maxAcceptanceDays)
        let output: StreamedCheck.Output
        do {
            output = KeptUntilExit.keep(try check.run(paths, reporters: formats.map(\.reporter),
                                                      spillFolder: FileManager.default.temporaryDirectory.path))
        } catch {
            switch error {
            case .input(let problems): report(problems)
            case .write(let failure): printError(failure.description)
            }
            throw ExitCode(2)
        }
        clock.lap("check")
        work = output.work.summary
        let result = output.result
        if let path = self.output {
            var isDirectory: ObjCBool = false
            let existsAsFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            let asFolder = formats.count > 1 || existsAsFolder || path.hasSuffix("/")
            let files = zip(formats, output.reports).map { format, chunks in
                (path: asFolder ? (path.hasSuffix("/") ? path : path + "/") + format.fileName : path, chunks: chunks)
            }
            do {
                try ReportWriter.write(files)
                clock.lap("write")
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            let summary = TextReporter().summary(result).joined(separator: "\n")
            printError("wrote " + files.map(\.path).joined(separator: ", ") + "\n" + summary)
        } else if let chunks = output.reports.first {
            do {
                try ReportWriter.writeToStandardOutput(chunks)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            clock.lap("write")
        }
        if result.gateFailed { throw ExitCode(1) }
    }
}
