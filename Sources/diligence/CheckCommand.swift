import ArgumentParser
import DiligenceKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Match policy files against the risk factors in force and write reports.",
        discussion: "Exit codes: 0 no finding at or above --fail-on; 1 the gate failed (or an accepted risk expired); 2 invalid input; 64 wrong command line."
    )

    @OptionGroup var input: PolicyInput

    @Option(name: .customLong("as-of"), help: "Evaluate as of this date, YYYY-MM-DD (default: today, UTC).")
    var asOf: Day?

    @Option(
        name: .long,
        help:
            "Comma-separated formats: text, markdown, json, sarif, junit, github, html, pdf (pdf needs chromium; default: text on a terminal, markdown otherwise).",
        transform: ReportFormat.list)
    var format: [ReportFormat]?

    @Option(
        name: .long,
        help:
            "A file for one format, a folder for several (report.md, report.json, report.txt, report.sarif, report.junit.xml, report.github.txt, report.html, report.pdf), or - for standard output."
    )
    var output: String?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Lowest severity that fails the gate: critical, high, medium, low, info or none.", valueName: "severity"))
    var failOn: GateLevel = .severity(.high)

    @Option(name: .customLong("report-min"), help: "Lowest severity shown in reports (the gate still sees everything).")
    var reportMin = SeverityArgument(.info)

    @Option(name: .long, help: "A previous JSON report: only findings not in it can fail the gate; reports list what is new and what was resolved.")
    var baseline: String?

    @Option(
        name: .customLong("compare-as-of"),
        help: ArgumentHelp(
            "Open the reports with what changed since this earlier date, YYYY-MM-DD: findings new, escalated, updated, de-escalated and resolved, each with the facts and events that caused it.",
            valueName: "date"))
    var compareAsOf: Day?

    @Option(
        name: .customLong("compare-db"),
        help: ArgumentHelp(
            "Open the reports with what changed against this other (older) risk database folder, as of the same date (with --compare-as-of, as of that date).",
            valueName: "folder"))
    var compareDB: String?

    @Option(name: .customLong("max-acceptance-days"), help: "Longest an accepted risk may run after the as-of date, in days; a later expiry is an error.")
    var maxAcceptanceDays: Int = AcceptanceHorizon.defaultDays

    @Option(
        name: .customLong("json-schema-version"),
        help: ArgumentHelp(
            "The JSON report's schema: 4 (compact, tables by place), 3 (compact, tables by content id), 2 (each finding whole; as `report expand` writes) or 1 (deprecated: every finding repeats its evidence in full).",
            valueName: "version"))
    var jsonSchemaVersion: Int = JSONReporter.schemaVersions[0]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Check only shard K of N: a stable 1/N of the files, by a hash of each file's path relative to the folder named (join the shards' JSON reports with `diligence report merge`).",
            valueName: "K/N"))
    var shard: Shard?

    @Flag(
        name: .long,
        help:
            "Print to standard error how long each phase took (database, check, write), the CPU time of loading, rules and rendering, and the allocator the executable runs on."
    )
    var timings = false

    /// The formats asked for, or the default for where standard output goes.
    var formats: [ReportFormat] { format ?? [isTerminal() ? .text : .markdown] }

    func validate() throws {
        guard maxAcceptanceDays >= 0 else { throw ValidationError("--max-acceptance-days must be 0 or more") }
        if let compareAsOf, compareAsOf >= (asOf ?? .today) {
            throw ValidationError("--compare-as-of must be earlier than the as-of date (\(asOf ?? .today))")
        }
        if formats.contains(.pdf), output == nil || output == "-", isTerminal() {
            throw ValidationError("--format pdf writes a binary file: use --output FILE, or redirect standard output")
        }
        if shard != nil, compareAsOf != nil || compareDB != nil {
            throw ValidationError("--shard cannot be combined with --compare-as-of or --compare-db: a comparison explains the whole portfolio")
        }
        guard JSONReporter.schemaVersions.contains(jsonSchemaVersion) else {
            let versions = JSONReporter.schemaVersions.map(String.init)
            throw ValidationError("--json-schema-version must be " + versions.dropLast().joined(separator: ", ") + " or " + (versions.last ?? ""))
        }
        do throws(OutputPlan.PlanError) {
            _ = try OutputPlan(output: output, formats: formats)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let plan = try OutputPlan(output: output, formats: formats)
        // PDF: the HTML report printed by headless Chromium, which must be there before anything runs.
        let browser = PDFPrinter.browser()
        if plan.formats.contains(.pdf), browser == nil {
            printError("error: " + PDFPrinter.missingBrowser)
            throw ExitCode.invalidInput
        }
        // The built-in tables are built while the database loads.
        BuiltInTables.prepareInBackground()
        var clock = PhaseClock()
        var work = ""
        defer { if timings { printError(clock.summary + (work.isEmpty ? "" : "\n" + work) + "\n" + Allocator.description) } }
        let workspace = try input.database.workspace()
        for superseded in workspace.database.superseded { printError("note: \(superseded.notice)") }
        clock.lap("database")
        var previous: Baseline?
        if let baseline {
            do {
                previous = try Baseline.load(path: baseline)
            } catch {
                throw rejected(error)
            }
        }
        // An output that is an input (a policy, a database file, the baseline) is refused
        // before anything is checked or written.
        let databaseBase = workspace.database.path.hasSuffix("/") ? workspace.database.path : workspace.database.path + "/"
        let compared = try compareDB.map { path in
            var other = DatabaseOptions()
            other.db = path
            let workspace = try other.workspace()
            // A compared database is read as a fact base too: a draft factor in it is refused
            // as in the main one.
            if !workspace.database.drafts.isEmpty { throw rejected(InputError(workspace.database.refusedDrafts)) }
            return workspace
        }
        let comparedFiles =
            compared.map { workspace in
                workspace.database.files.map { (workspace.database.path.hasSuffix("/") ? workspace.database.path : workspace.database.path + "/") + $0 }
            } ?? []
        let inputs =
            PolicySet.discover(input.paths).files + workspace.database.files.map { databaseBase + $0 } + comparedFiles
            + (baseline.map { [$0] } ?? [])
        try plan.refuseClashes(withInputs: inputs)
        if plan.target == .standardOutput, StandardStreams.outputWasClosed {
            printError("error: cannot write report: standard output is closed (use --output FILE)")
            throw ExitCode.invalidInput
        }
        var options = CheckOptions(asOf: asOf ?? .today, failOn: failOn.threshold, reportMin: reportMin.severity, baseline: previous)
        if compareAsOf != nil || compared != nil {
            // The comparison checks the policies twice in memory, before the streamed run.
            let policies: [Policy]
            do {
                policies = try PolicySet.load(input.paths, loader: workspace.policyLoader)
            } catch {
                throw rejected(error)
            }
            let current = Checker(database: workspace.database, vocabularies: workspace.vocabularies)
            let previous = compared.map { Checker(database: $0.database, vocabularies: $0.vocabularies) } ?? current
            options.comparison = ChangeComparison.compare(
                policies, current: current, previous: previous, options: options,
                previousAsOf: compareAsOf ?? options.asOf)
        }
        var check = StreamedCheck(
            checker: Checker(database: workspace.database, vocabularies: workspace.vocabularies),
            loader: workspace.policyLoader, options: options)
        check.maxAcceptanceDays = maxAcceptanceDays
        check.shard = shard
        let output: StreamedCheck.Output
        do {
            output = KeptUntilExit.keep(
                try check.run(
                    input.paths, formats: plan.formats, jsonSchemaVersion: jsonSchemaVersion,
                    spillFolder: FileManager.default.temporaryDirectory.path))
        } catch {
            switch error {
            case .input(let problems): report(problems)
            case .write(let failure): printError(failure.description)
            }
            throw ExitCode.invalidInput
        }
        clock.lap("check")
        work = output.work.summary
        let result = output.summary
        var reports = output.reports
        if let browser {
            for (index, format) in plan.formats.enumerated() where format == .pdf && reports.indices.contains(index) {
                do throws(PDFPrinter.PrintError) {
                    reports[index] = try PDFPrinter.print(
                        reports[index], browser: browser, temporaryFolder: FileManager.default.temporaryDirectory.path)
                } catch {
                    printError(error.description)
                    throw ExitCode.invalidInput
                }
            }
        }
        try plan.writeOrExit(reports)
        clock.lap("write")
        // The verdict goes to standard error whatever the format, so that it ends a CI log even
        // when the report itself is piped or written to files (the text format already ends
        // with it on standard output).
        let summary = TextReporter().summary(result).joined(separator: "\n")
        if plan.target != .standardOutput {
            printError("wrote " + plan.paths.joined(separator: ", ") + "\n" + summary)
        } else if plan.formats != [.text] {
            printError(summary)
        }
        for (format, path) in zip(plan.formats, plan.paths) where format == .sarif {
            if let warning = SARIFSize.warning(path: path) { printError(warning) }
        }
        if result.gate.failed { throw ExitCode.findings }
    }
}
