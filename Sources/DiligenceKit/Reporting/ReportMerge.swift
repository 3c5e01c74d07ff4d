import Foundation

/// `report merge`: joins the JSON reports of `check --shard K/N` runs (schema 4 or 3, read as
/// schema 3 and written in the shards' version) into the
/// report one run over the whole portfolio writes, byte for byte: policies and findings in the
/// whole run's file order, counts and the gate summed up, the tables re-listed in order of
/// first citation (sources renumbered as one run numbers them). Shards that do not belong
/// together (another database, as-of date, option or tool version; one shard twice, one
/// missing, overlapping files) are located errors, every one at once.
public struct MergedReport: Sendable {
    /// The joined run as schema 3 (schema 4 shards are read as their schema 3 documents).
    let document: JSONReportV3.Document<[JSONReportV3.FindingEntry]>
    /// The shards' schema version, which the merged report is written in (3 or 4).
    let schemaVersion: Int

    /// The formats a merge can write: those made from the JSON report alone.
    public static let formats: [ReportFormat] = [.json, .sarif]

    /// The merged run's gate: the shards' threshold, their failing findings summed up.
    public var gate: GateVerdict {
        let summary = document.summary
        return GateVerdict(threshold: Severity(name: summary.fail_on), failing: summary.failing, baseline: summary.baseline != nil)
    }

    /// Whether the merged run's gate failed.
    public var gateFailed: Bool { gate.failed }

    /// One line for standard error: how many policies and findings, and the verdict.
    public var summary: String {
        let counts = document.summary.counts
        return "merged \(document.policies.count) policies as of \(document.as_of): \(counts.critical) critical, \(counts.high) high, "
            + "\(counts.medium) medium, \(counts.low) low, \(counts.info) info; gate: "
            + (gate.failed ? "FAILED (\(gate.failing) failing)" : gate.outcome.rawValue)
    }

    /// The report in a format of `formats` (nil for another).
    public func text(_ format: ReportFormat) -> String? {
        switch format {
        case .json:
            guard schemaVersion == 4 else { return JSONReporter.text(of: document) }
            // The merge checked every id resolves, so every entry has its place.
            return (try? JSONReportV4.Document(document)).map(JSONReporter.text(of:))
        case .sarif:
            // The SARIF log is made from schema 2's findings; the merge checked every id resolves.
            guard let expanded = try? document.expanded() else { return nil }
            return JSONStreamEncoder.text(of: SARIFReporter.log(expanded, results: expanded.findings.map(SARIFReporter.result)))
        default: return nil
        }
    }

    /// Reads and joins the shard reports at `paths` (every shard of one run, in any order).
    public static func merge(_ paths: [String]) throws(InputError) -> MergedReport {
        var shards: [ShardFile] = []
        var problems: [Diagnostic] = []
        for path in paths {
            do throws(InputError) {
                shards.append(try ShardFile(path: path))
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        guard let first = shards.first else {
            throw InputError(SourceLocation(file: "report merge", line: 1, column: 1), "no shard reports given")
        }
        for shard in shards.dropFirst() where shard.version != first.version {
            problems.append(
                shard.problem(
                    at: "schema_version", "schema_version \(shard.version) differs from \(first.path)'s \(first.version): not a shard of the same run"))
        }
        if !problems.isEmpty { throw InputError(problems) }
        problems += mismatches(shards, first)
        if !problems.isEmpty { throw InputError(problems) }
        let merged = MergedReport(document: join(shards, first.document), schemaVersion: first.version)
        do throws(JSONReportV3.MissingEntry) {
            _ = try merged.document.expanded()
        } catch {
            throw InputError(
                SourceLocation(file: first.path, line: 1, column: 1),
                "finding \(error.finding) of the merged report cites \(error.id), which no shard's tables hold")
        }
        if merged.schemaVersion == 4 {
            do throws(JSONReportV4.MissingPlace) {
                _ = try JSONReportV4.Document(merged.document)
            } catch {
                throw InputError(
                    SourceLocation(file: first.path, line: 1, column: 1),
                    "\(error.place) of the merged report cites \(error.what), which no shard's tables hold")
            }
        }
        return merged
    }

    // MARK: Checks

    /// Every way the shards do not make one run.
    private static func mismatches(_ shards: [ShardFile], _ first: ShardFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let base = first.document
        for shard in shards where shard.document.summary.fail_on != "none" && Severity(name: shard.document.summary.fail_on) == nil {
            // A threshold the merge cannot read would turn the gate off: the merge fails closed instead.
            problems.append(
                shard.problem(at: "fail_on", "unknown gate threshold \"\(shard.document.summary.fail_on)\": expected none, info, low, medium, high or critical")
            )
        }
        for shard in shards.dropFirst() {
            let document = shard.document
            func differ(_ key: String, _ what: String, _ same: Bool) {
                if !same { problems.append(shard.problem(at: key, "\(what) differs from \(first.path)'s: not a shard of the same run")) }
            }
            differ("tool", "the tool version", document.tool == base.tool)
            differ("as_of", "the as-of date", document.as_of == base.as_of)
            differ("digest", "the risk database (digest, sources or age)", document.database == base.database)
            differ("fail_on", "--fail-on", document.summary.fail_on == base.summary.fail_on)
            differ("report_min", "--report-min", document.summary.report_min == base.summary.report_min)
            differ(
                "baseline", "the baseline",
                document.summary.baseline?.file == base.summary.baseline?.file
                    && document.summary.baseline?.as_of == base.summary.baseline?.as_of)
            differ("count", "the number of shards", document.shard?.count == base.shard?.count)
            differ("of_files", "the number of policy files in the run", document.shard?.of_files == base.shard?.of_files)
        }
        guard problems.isEmpty, let count = base.shard?.count, let files = base.shard?.of_files else { return problems }
        var owners: [Int: String] = [:]
        var places: [Int: String] = [:]
        for shard in shards {
            guard let entry = shard.document.shard else { continue }
            if let other = owners.updateValue(shard.path, forKey: entry.index) {
                problems.append(shard.problem(at: "index", "shard \(entry.index)/\(count) is given twice (also \(other))"))
                continue
            }
            if entry.positions.count != shard.document.policies.count {
                problems.append(shard.problem(at: "positions", "\(entry.positions.count) positions for \(shard.document.policies.count) policies"))
            }
            for position in entry.positions {
                if !(0..<files).contains(position) {
                    problems.append(shard.problem(at: "positions", "position \(position) is outside the run's \(files) files"))
                } else if let other = places.updateValue(shard.path, forKey: position) {
                    problems.append(shard.problem(at: "positions", "policy file \(position + 1) of the run is also in \(other): the shards overlap"))
                }
            }
        }
        let missing = (1...count).filter { owners[$0] == nil }
        if !missing.isEmpty {
            problems.append(
                Diagnostic(
                    SourceLocation(file: first.path, line: 1, column: 1), .error,
                    "shard\(missing.count == 1 ? "" : "s") " + missing.map { "\($0)/\(count)" }.joined(separator: ", ")
                        + " missing: give every shard's report.json"))
        } else if places.count != files, problems.isEmpty {
            problems.append(
                Diagnostic(
                    SourceLocation(file: first.path, line: 1, column: 1), .error,
                    "the shards cover \(places.count) of the run's \(files) policy files"))
        }
        return problems
    }

    // MARK: Joining

    private static func join(
        _ shards: [ShardFile], _ base: JSONReportV3.Document<[JSONReportV3.FindingEntry]>
    ) -> JSONReportV3.Document<[JSONReportV3.FindingEntry]> {
        // Policies in the whole run's order; each one's findings and failing entries with it.
        var placed: [(position: Int, shard: Int, index: Int, policy: JSONReport.PolicyEntry)] = []
        var findings: [[Int: [JSONReportV3.FindingEntry]]] = []
        var unreported: [[Int: [JSONReportV3.UnreportedEntry]]] = []
        for (number, shard) in shards.enumerated() {
            let document = shard.document
            for (index, (policy, position)) in zip(document.policies, document.shard?.positions ?? []).enumerated() {
                placed.append((position, number, index, policy))
            }
            findings.append(Dictionary(grouping: document.findings, by: \.policy))
            unreported.append(Dictionary(grouping: document.summary.failing_unreported ?? [], by: \.policy))
        }
        placed.sort { $0.position < $1.position }
        var merged = base
        merged.shard = nil
        merged.policies = placed.map(\.policy)
        // Each finding names its policy by its place in the merged run.
        merged.findings = placed.enumerated().flatMap { place, entry in
            (findings[entry.shard][entry.index] ?? []).map { finding in
                var moved = finding
                moved.policy = place
                return moved
            }
        }
        var summary = base.summary
        summary.failing = shards.reduce(0) { $0 + $1.document.summary.failing }
        let below = placed.enumerated().flatMap { place, entry in
            (unreported[entry.shard][entry.index] ?? []).map { item in
                var moved = item
                moved.policy = place
                return moved
            }
        }
        summary.failing_unreported = below.isEmpty ? nil : below
        summary.counts = shards.dropFirst().reduce(base.summary.counts) { $0 + $1.document.summary.counts }
        summary.total = shards.reduce(0) { $0 + $1.document.summary.total }
        summary.accepted = shards.reduce(0) { $0 + $1.document.summary.accepted }
        summary.gate = GateVerdict(threshold: Severity(name: summary.fail_on), failing: summary.failing).outcome.rawValue
        if var baseline = summary.baseline {
            baseline.new = shards.reduce(0) { $0 + ($1.document.summary.baseline?.new ?? 0) }
            baseline.unchanged = shards.reduce(0) { $0 + ($1.document.summary.baseline?.unchanged ?? 0) }
            // Resolved: in no shard's findings, so listed by every shard.
            let lists = shards.map { Set(($0.document.summary.baseline?.resolved ?? []).map { "\($0.policy)#\($0.id)" }) }
            baseline.resolved = baseline.resolved.filter { entry in lists.allSatisfy { $0.contains("\(entry.policy)#\(entry.id)") } }
            summary.baseline = baseline
        }
        merged.summary = summary
        relist(&merged, shards)
        return merged
    }

    /// The tables as one run lists them: each in order of first citation by the findings in
    /// order (a finding's evidence list and its facts, its events, its bands, its path steps,
    /// its recommendations), sources numbered in that order.
    private static func relist(_ merged: inout JSONReportV3.Document<[JSONReportV3.FindingEntry]>, _ shards: [ShardFile]) {
        var facts: [String: (FactEntry, SourceEntry?)] = [:]
        var events: [String: EventEntry] = [:]
        var evidence: [String: JSONReportV3.EvidenceListEntry] = [:]
        var steps: [String: JSONReportV3.PathStepEntry] = [:]
        var bands: [String: JSONReportV3.BandsEntry] = [:]
        var recommendations: [String: JSONReportV3.RecommendationListEntry] = [:]
        var bindings: [String: JSONReportV3.BindingTableEntry] = [:]
        for shard in shards {
            let document = shard.document
            let sources = Dictionary(document.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for fact in document.facts where facts[fact.id] == nil { facts[fact.id] = (fact, fact.source.flatMap { sources[$0] }) }
            for event in document.events where events[event.id] == nil { events[event.id] = event }
            for entry in document.evidence_lists where evidence[entry.id] == nil { evidence[entry.id] = entry }
            for entry in document.path_steps where steps[entry.id] == nil { steps[entry.id] = entry }
            for entry in document.exposure_bands where bands[entry.id] == nil { bands[entry.id] = entry }
            for entry in document.recommendation_lists where recommendations[entry.id] == nil { recommendations[entry.id] = entry }
            for entry in document.bindings where bindings[entry.id] == nil { bindings[entry.id] = entry }
        }
        var listedFacts: [FactEntry] = [], listedEvents: [EventEntry] = [], listedSources: [SourceEntry] = []
        var listedEvidence: [JSONReportV3.EvidenceListEntry] = [], listedSteps: [JSONReportV3.PathStepEntry] = []
        var listedRecommendations: [JSONReportV3.RecommendationListEntry] = []
        var listedBands: [JSONReportV3.BandsEntry] = []
        var listedBindings: [JSONReportV3.BindingTableEntry] = []
        var seen: Set<String> = []
        var numbers: [SourceEntry: Int] = [:]
        for finding in merged.findings {
            if let id = finding.evidence, let list = evidence[id] {
                if seen.insert(id).inserted { listedEvidence.append(list) }
                for item in list.items where seen.insert(item.fact).inserted {
                    guard let entry = facts[item.fact] else { continue }
                    var fact = entry.0
                    if var cited = entry.1 {
                        cited.id = 0
                        if let number = numbers[cited] {
                            fact.source = number
                        } else {
                            let number = listedSources.count + 1
                            numbers[cited] = number
                            cited.id = number
                            listedSources.append(cited)
                            fact.source = number
                        }
                    }
                    listedFacts.append(fact)
                }
            }
            for reference in finding.exposure?.events ?? [] where seen.insert("event " + reference.event).inserted {
                if let event = events[reference.event] { listedEvents.append(event) }
            }
            if let id = finding.exposure?.bands, seen.insert(id).inserted, let entry = bands[id] { listedBands.append(entry) }
            for id in finding.path where seen.insert(id).inserted {
                if let step = steps[id] { listedSteps.append(step) }
            }
            if let id = finding.recommendations, seen.insert(id).inserted, let list = recommendations[id] { listedRecommendations.append(list) }
            if let id = finding.binding, seen.insert(id).inserted, let entry = bindings[id] { listedBindings.append(entry) }
        }
        merged.facts = listedFacts
        merged.events = listedEvents
        merged.sources = listedSources
        merged.evidence_lists = listedEvidence
        merged.path_steps = listedSteps
        merged.exposure_bands = listedBands
        merged.recommendation_lists = listedRecommendations
        merged.bindings = listedBindings
    }
}

/// One shard's report, read and decoded, with its text kept to locate problems.
private struct ShardFile {
    let path: String
    let text: String
    /// The report as schema 3 (a schema 4 report read back to it).
    let document: JSONReportV3.Document<[JSONReportV3.FindingEntry]>
    let version: Int

    init(path: String) throws(InputError) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard FileManager.default.isReadableFile(atPath: path) else { throw InputError(start, "cannot read the shard report") }
        let data = Data(try InputFile.read(path, display: path, limit: 1 << 30))
        self.path = path
        text = String(decoding: data, as: UTF8.self)
        struct Version: Decodable { var schema_version: Int?; var shard: JSONReport.ShardEntry? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw InputError(start, "not a JSON report (write shard reports with `diligence check --shard K/N --format json`)")
        }
        guard let schema = version.schema_version, schema == 3 || schema == 4 else {
            throw InputError(
                Self.locate(text, "schema_version", in: path) ?? start,
                "a shard report must be of schema_version 4, the default, or 3 (this one: \(version.schema_version.map(String.init) ?? "none"))")
        }
        guard version.shard != nil else {
            throw InputError(start, "not a shard report: it has no `shard` member (write one with `diligence check --shard K/N`)")
        }
        self.version = schema
        document = try JSONReportV4.schema3Document(data, version: schema, at: start, describe: Self.describe)
    }

    /// A problem located at the first member named `key`.
    func problem(at key: String, _ message: String) -> Diagnostic {
        Diagnostic(Self.locate(text, key, in: path) ?? SourceLocation(file: path, line: 1, column: 1), .error, message)
    }

    /// The line and column of the first `"key":` (or, pretty-printed, `"key" :`) in the text.
    static func locate(_ text: String, _ key: String, in path: String) -> SourceLocation? {
        guard let range = text.range(of: "\"\(key)\":") ?? text.range(of: "\"\(key)\" :") else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.distance(from: before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex, to: before.endIndex) + 1
        return SourceLocation(file: path, line: line, column: column)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "no `\(key.stringValue)` at " + (context.codingPath.map(\.stringValue).joined(separator: ".").nonEmpty ?? "the top level")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            return "unexpected value at " + (context.codingPath.map(\.stringValue).joined(separator: ".").nonEmpty ?? "the top level")
        default:
            return "\(error)"
        }
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
