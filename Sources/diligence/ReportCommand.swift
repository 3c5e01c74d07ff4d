import ArgumentParser
import DiligenceKit
import Foundation

/// `diligence report`: work on reports already written.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work on reports already written.",
        subcommands: [MergeCommand.self, ExpandCommand.self]
    )

    /// `diligence report merge`: the shards of a `check --shard K/N` matrix joined into the
    /// reports one run over every file writes.
    struct MergeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Join the JSON reports of `check --shard K/N` runs into the reports one run writes (same bytes).",
            discussion:
                "Exit codes: 0 the merged gate passed (or is off); 1 it failed; 2 the shard reports do not make one run (another database, as-of date or option; a shard missing, given twice or overlapping) or cannot be written; 64 wrong command line."
        )

        @Argument(help: "Every shard's JSON report (schema 4, the default, or 3; all of one version), in any order.")
        var reports: [String]

        @Option(
            name: .long, help: "Comma-separated formats: \(MergedReport.formats.map(\.rawValue).joined(separator: ", ")) (default: json).",
            transform: ReportFormat.list)
        var format: [ReportFormat]?

        @Option(name: .long, help: "A file for one format, a folder for several (report.json, report.sarif), or - for standard output.")
        var output: String?

        /// The formats asked for (`--format`, parsed as `check` parses it), JSON by default;
        /// a format that needs the policies is a usage error.
        func formats() throws -> [ReportFormat] {
            let result = format ?? [.json]
            if let other = result.first(where: { !MergedReport.formats.contains($0) }) {
                throw ValidationError(
                    "report merge writes \(MergedReport.formats.map(\.rawValue).joined(separator: " and ")) (made from the JSON reports alone); '\(other.rawValue)' needs the policies: run check over every file for it"
                )
            }
            return result
        }

        func validate() throws {
            guard !reports.isEmpty else { throw ValidationError("give every shard's JSON report") }
            let formats = try formats()
            do throws(OutputPlan.PlanError) {
                _ = try OutputPlan(output: output, formats: formats)
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            let plan = try OutputPlan(output: output, formats: try formats())
            try plan.refuseClashes(withInputs: reports)
            let merged: MergedReport
            do {
                merged = try MergedReport.merge(reports)
            } catch {
                throw rejected(error)
            }
            try plan.writeOrExit(plan.formats.map { ReportContent(text: merged.text($0) ?? "") })
            printError((plan.target == .standardOutput ? "" : "wrote " + plan.paths.joined(separator: ", ") + "\n") + merged.summary)
            if merged.gateFailed { throw ExitCode.findings }
        }
    }

    /// `diligence report expand`: a schema 3 or 4 JSON report written as schema 2, each finding whole.
    struct ExpandCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expand",
            abstract: "Write a JSON report (schema 3 or 4) as schema 2: every finding with its evidence, path and recommendations in full.",
            discussion:
                "The bytes are those `check --json-schema-version 2` writes for the same run. Exit codes: 0 written; 2 not a schema 3 or 4 report, or it cannot be written; 64 wrong command line."
        )

        @Argument(help: "A JSON report of schema 4 (the default of `check --format json`) or 3.")
        var input: String

        @Option(name: .long, help: "The file to write (default: standard output).")
        var output: String?

        func run() throws {
            if let output, output != "-", URL(fileURLWithPath: output).standardizedFileURL == URL(fileURLWithPath: input).standardizedFileURL {
                printError("error: --output \(output) is the report being expanded")
                throw ExitCode.invalidInput
            }
            let text: String
            do {
                text = try ReportExpansion.expand(path: input)
            } catch {
                report(error)
                throw ExitCode.invalidInput
            }
            do {
                if let output, output != "-" {
                    try ReportWriter.write([(path: output, contents: text)])
                } else {
                    try ReportWriter.writeToStandardOutput(ReportContent(text: text))
                }
            } catch {
                printError(output.map { _ in error.description } ?? "error: cannot write report: \(StandardStreams.failure(error.reason))")
                throw ExitCode.invalidInput
            }
        }
    }
}
