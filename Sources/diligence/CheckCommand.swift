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

    @Flag(name: .long, help: "Print to standard error how long each phase took (database, policies, rules, render, write).")
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
        defer { if timings { printError(clock.summary) } }
        let workspace = try database.workspace()
        clock.lap("database")
        let policies: [Policy]
        do {
            policies = KeptUntilExit.keep(try PolicySet.load(paths, loader: workspace.policyLoader))
            clock.lap("policies")
        } catch {
            report(error)
            throw ExitCode(2)
        }
        let day = asOf ?? .today
        let horizon = AcceptanceHorizon.problems(in: policies, asOf: day, maxDays: maxAcceptanceDays)
        if !horizon.isEmpty {
            report(InputError(horizon))
            throw ExitCode(2)
        }
        var previous: Baseline?
        if let baseline {
            do {
                previous = try Baseline.load(path: baseline)
            } catch {
                report(error)
                throw ExitCode(2)
            }
        }
        let options = CheckOptions(asOf: day, failOn: failOn.threshold, reportMin: reportMin, baseline: previous)
        let result = KeptUntilExit.keep(Checker(database: workspace.database, vocabularies: workspace.vocabularies).check(policies, options: options))
        clock.lap("rules")
        let rendered = KeptUntilExit.keep(formats.map { ($0, $0.reporter.renderParts(result)) })
        clock.lap("render")
        if let output {
            var isDirectory: ObjCBool = false
            let existsAsFolder = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue
            let asFolder = formats.count > 1 || existsAsFolder || output.hasSuffix("/")
            let files = rendered.map { format, parts in
                (path: asFolder ? (output.hasSuffix("/") ? output : output + "/") + format.fileName : output, parts: parts)
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
        } else if let (_, parts) = rendered.first {
            do {
                try ReportWriter.writeToStandardOutput(parts)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            clock.lap("write")
        }
        if result.gateFailed { throw ExitCode(1) }
    }
}
