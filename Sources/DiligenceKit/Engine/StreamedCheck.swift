import Foundation

/// A check that writes its reports while it runs. Each policy file is loaded, checked and
/// rendered in every requested format on whichever core is free; its sections are appended to
/// the reports' streams (temporary files) in file order, and then the policy is dropped. Memory
/// holds a few policies at a time and the findings, never the portfolio or the reports; the
/// parts of the reports that need every policy are rendered at the end, around the streams.
///
/// The bytes are those of `Reporter.render(_:)` on the same policies (a test compares them).
public struct StreamedCheck: Sendable {
    public var checker: Checker
    public var loader: PolicyLoader
    public var options: CheckOptions
    /// Longest an accepted risk may run after the as-of date (`AcceptanceHorizon`).
    public var maxAcceptanceDays = AcceptanceHorizon.defaultDays
    /// With `--shard K/N`: check only that shard's files (`Shard`).
    public var shard: Shard?

    public init(checker: Checker, loader: PolicyLoader, options: CheckOptions) {
        self.checker = checker
        self.loader = loader
        self.options = options
    }

    /// The run summarised and, per reporter, its report as chunks to write (text and spilled
    /// streams). The findings themselves are in the reports only.
    public struct Output: Sendable {
        public var summary: CheckSummary
        public var reports: [ReportContent]
        /// Time spent loading, checking and rendering, summed over the cores.
        public var work: WorkTimes
    }

    /// Why a run stopped: invalid input (every problem of every file), or a temporary file
    /// that could not be made.
    public enum Failure: Error, Sendable {
        case input(InputError)
        case write(ReportWriter.WriteError)
    }

    /// What became of one file.
    private enum Outcome {
        /// Loaded and checked: what its findings add to the summary, what its reported
        /// findings cite (in order) and each reporter's sections (the result is dropped).
        case checked(FindingSummary.Part, cited: CitedPart, [[ReportSection]])
        /// Loaded, not checked because an earlier file failed (its horizon problems still count).
        case loaded(horizon: [Diagnostic])
        case invalid([Diagnostic])
    }

    /// Checks the files and folders in `paths` and writes the reporters' streams to temporary
    /// files in `spillFolder`. Throws every problem of every file when a file is invalid (as
    /// `PolicySet.load` does) or, when all load, every acceptance beyond the horizon.
    public func run(_ paths: [String], formats: [ReportFormat], jsonSchemaVersion: Int, spillFolder: String) throws(Failure) -> Output {
        try run(paths, reporters: formats.map { $0 == .json ? JSONReporter(schemaVersion: jsonSchemaVersion) : $0.reporter }, spillFolder: spillFolder)
    }

    /// `run(_:formats:jsonSchemaVersion:spillFolder:)` with the reporters given.
    func run(_ paths: [String], reporters: [any Reporter], spillFolder: String) throws(Failure) -> Output {
        // A draft factor (`status: draft`) has not been reviewed: no report may rest on it.
        if !checker.database.drafts.isEmpty { throw .input(InputError(checker.database.refusedDrafts)) }
        let (discoveredFiles, discovered) = PolicySet.discover(paths)
        let selected = shard.map { $0.select(discoveredFiles, roots: paths) }
        let files = selected.map { $0.map(\.file) } ?? discoveredFiles
        var spills: [[SpillFile]] = []
        do throws(ReportWriter.WriteError) {
            for reporter in reporters {
                var streams: [SpillFile] = []
                for _ in 0..<reporter.streamCount { streams.append(try SpillFile(in: spillFolder)) }
                spills.append(streams)
            }
        } catch {
            throw .write(error)
        }
        // A schema 4 JSON report's growing tables go to temporary files as they grow.
        let tableSpills: TableSpills?
        do throws(ReportWriter.WriteError) {
            tableSpills = reporters.contains { ($0 as? JSONReporter)?.schemaVersion == 4 } ? try TableSpills(in: spillFolder) : nil
        } catch {
            throw .write(error)
        }
        let work = WorkClock()
        let tables = reporters.contains { $0.citesTables }
        let lists = reporters.contains { $0.citesLists }
        let wantsTableKeys = reporters.contains { $0.wantsTableKeys }
        var problems = discovered
        var horizon: [Diagnostic] = []
        var citations = Citations()
        citations.spills = tableSpills
        let failed = FailureFlag()
        if !problems.isEmpty { failed.set() }
        let context = ReportContext(
            asOf: options.asOf, options: options, database: DatabaseSummary(checker.database),
            factors: FactorCatalog(checker.database, asOf: options.asOf))
        var summary = CheckSummary(
            context, listsFailing: reporters.contains { $0.listsFailing }, listsFindings: reporters.contains { $0.listsFindings },
            keepsPolicies: tableSpills == nil || reporters.contains { $0.readsPolicies }, narrates: reporters.contains { $0.narrates })
        summary.reserveCapacity(files.count)
        let partMaker = summary.partMaker
        Parallel.forEachInOrder(
            count: files.count, window: 8,
            produce: { index -> Outcome in
                var stage = work.start()
                let policy: Policy
                do throws(InputError) {
                    policy = try loader.load(path: files[index])
                } catch {
                    failed.set()
                    return .invalid(error.diagnostics)
                }
                work.lap(&stage, .load)
                let beyond = AcceptanceHorizon.problems(in: [policy], asOf: options.asOf, maxDays: maxAcceptanceDays)
                if !beyond.isEmpty { failed.set() }
                // Once the run has failed, files are still read for their problems, not checked.
                guard !failed.isSet else { return .loaded(horizon: beyond) }
                var result = checker.check(policy, options: options)
                result.position = index
                work.lap(&stage, .rules)
                result.tableKeys = FindingTableKeys.of(result.findings.lazy.filter { $0.severity >= options.reportMin }, wanted: wantsTableKeys)
                let sections = reporters.map { $0.sections(of: policy, result, context) }
                work.lap(&stage, .render)
                if let overrun = ReportBudget.overrun(sections, reporters: reporters, file: files[index]) {
                    failed.set()
                    return .invalid([overrun])
                }
                let cited = CitedPart(
                    result.findings.lazy.filter { $0.severity >= options.reportMin }, keys: result.tableKeys, tables: tables, lists: lists)
                return .checked(partMaker.part(of: result), cited: cited, sections)
            },
            consume: { _, outcome in
                switch outcome {
                case .invalid(let diagnostics):
                    problems += diagnostics
                case .loaded(let beyond):
                    horizon += beyond
                case .checked(let part, let cited, let sections):
                    let policy = summary.add(part)
                    tableSpills?.write(policy: policy)
                    citations.add(cited)
                    // Read through a local: the closure's captured variable is checked for
                    // exclusive access at every read, twice for each hole a section fills.
                    let numbered = citations
                    for (reporter, streams) in zip(sections, spills) {
                        for (section, spill) in zip(reporter, streams) { spill.append(section, numbered) }
                    }
                }
            })
        if !problems.isEmpty { throw .input(InputError(problems)) }
        if !horizon.isEmpty { throw .input(InputError(horizon)) }
        var stage = work.start()
        tableSpills?.flush()
        if let shard, let selected {
            summary.shard = ShardCoverage(shard: shard, totalFiles: discoveredFiles.count, positions: selected.map(\.position))
        }
        let reports = zip(reporters, spills).map { reporter, streams in
            ReportContent(
                reporter.layout(summary, citations).map { piece -> ReportChunk in
                    switch piece {
                    case .text(let text): return .text(text)
                    case .deferred(let text): return .deferred(text)
                    case .stream(let index): return index < streams.count ? .spilled(streams[index]) : .text("")
                    case .streamSection(let index, let policy): return index < streams.count ? .spilledSection(streams[index], policy) : .text("")
                    case .table(let table): return tableSpills.map { .spilled($0.file(table)) } ?? .text("")
                    }
                })
        }
        work.lap(&stage, .summary)
        return Output(summary: summary, reports: reports, work: work.times)
    }
}

/// Set once by any worker, read by all.
private final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Time spent in each stage of a streamed check, summed over the cores (so it can exceed the
/// wall-clock time), in milliseconds. `summary` is the serial end: the parts of the reports
/// that need every policy (counts, top risks, annexes), laid out once all files are checked.
public struct WorkTimes: Sendable {
    public enum Stage: Int, Sendable, CaseIterable {
        case load, rules, render, summary
        var name: String { ["load", "rules", "render", "summary"][rawValue] }
    }

    public var milliseconds: [Double] = Array(repeating: 0, count: Stage.allCases.count)

    /// `work: load=…ms rules=…ms render=…ms (summed over cores)`
    public var summary: String {
        "work: " + Stage.allCases.map { "\($0.name)=" + FixedPoint.text(milliseconds[$0.rawValue], places: 1) + "ms" }.joined(separator: " ")
            + " (summed over cores)"
    }
}

/// Adds up the time each worker spends in each stage.
private final class WorkClock: @unchecked Sendable {
    private let lock = NSLock()
    private var total = WorkTimes()

    func start() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Ends a stage that began at `stage`; the next begins now.
    func lap(_ stage: inout UInt64, _ name: WorkTimes.Stage) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        total.milliseconds[name.rawValue] += Double(now - stage) / 1e6
        lock.unlock()
        stage = now
    }

    var times: WorkTimes {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}
