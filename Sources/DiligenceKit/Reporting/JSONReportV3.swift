/// The JSON report of schema version 3, the default (docs/json-report.md): schema 2's members,
/// written compactly (one document member, table entry or finding a line), and what schema 2
/// repeated in every finding by reference: a finding's evidence list, its recommendations, its
/// binding and each step of its exposure path are ids into the tables `evidence_lists`,
/// `recommendation_lists`, `bindings` and `path_steps`, each entry written once; its policy is
/// its place in `policies`; what restates the finding's other members (an identity that is
/// `rule/subject/factor`, the exposure's rule, severity and subject) is left out. A finding
/// keeps its own values (message, place, subject, severity, exposure). `expanded()` gives back
/// the schema 2 document (what `diligence report expand` writes).
///
/// Only the members that differ from schema 2 are defined here.
enum JSONReportV3 {
    /// The compact layout's line depth (`JSONWriter.lineDepth`): the document's members and
    /// the entries of its arrays each start a line.
    static let lineDepth = 2

    struct Document<Findings: Codable & Sendable>: Codable, Sendable {
        var as_of: String
        var bindings: [BindingTableEntry]
        var changes: JSONReport.ChangesEntry?
        var database: JSONReport.Database
        var events: [EventEntry]
        var evidence_lists: [EvidenceListEntry]
        var exposure_bands: [BandsEntry]
        var facts: [FactEntry]
        var findings: Findings
        var path_steps: [PathStepEntry]
        var policies: [JSONReport.PolicyEntry]
        var recommendation_lists: [RecommendationListEntry]
        var schema_version = 3
        var shard: JSONReport.ShardEntry?
        var sources: [SourceEntry]
        var summary: Summary
        var tool: JSONReport.Tool
    }

    /// Schema 2's summary with `failing` a count: a reported failing finding has `gate: fail`,
    /// and those below `--report-min` are listed apart.
    struct Summary: Codable, Sendable, Equatable {
        var accepted: Int
        var baseline: JSONReport.BaselineSummary?
        var counts: JSONReport.Counts
        var fail_on: String
        /// How many findings fail the gate, reported or not.
        var failing: Int
        /// The failing findings below `--report-min`, which `findings` does not hold (absent: none).
        var failing_unreported: [UnreportedEntry]?
        var gate: String
        var report_min: String
        var total: Int

        init(_ summary: JSONReport.Summary, failing: Int, unreported: [UnreportedEntry]) {
            accepted = summary.accepted
            baseline = summary.baseline
            counts = summary.counts
            fail_on = summary.fail_on
            self.failing = failing
            failing_unreported = unreported.isEmpty ? nil : unreported
            gate = summary.gate
            report_min = summary.report_min
            total = summary.total
        }

        /// Schema 2's summary, its `failing` list made of the findings' gates and the unreported
        /// entries, in the findings' order (policy, line, column, rule, identity).
        func expanded(_ findings: [JSONReport.FindingEntry], places: [String: Int], files: [String]) -> JSONReport.Summary {
            typealias Key = (policy: Int, line: Int, column: Int, rule: RuleID, id: String)
            func less(_ a: Key, _ b: Key) -> Bool {
                if a.policy != b.policy { return a.policy < b.policy }
                if a.line != b.line { return a.line < b.line }
                if a.column != b.column { return a.column < b.column }
                if a.rule != b.rule { return a.rule < b.rule }
                return a.id < b.id
            }
            let reported: [Key] = findings.filter { $0.gate == "fail" }.map { (places[$0.policy] ?? 0, $0.line, $0.column, $0.rule, $0.identity) }
            let others: [Key] = (failing_unreported ?? []).map { ($0.policy, $0.line, $0.column, $0.rule, $0.id) }
            var list: [String] = []
            var (i, j) = (0, 0)
            while i < reported.count || j < others.count {
                let next: Key
                if j >= others.count || (i < reported.count && less(reported[i], others[j])) {
                    next = reported[i]
                    i += 1
                } else {
                    next = others[j]
                    j += 1
                }
                list.append("\(files.indices.contains(next.policy) ? files[next.policy] : ""): \(next.id)")
            }
            return JSONReport.Summary(
                accepted: accepted, baseline: baseline, counts: counts, fail_on: fail_on, failing: list, gate: gate, report_min: report_min,
                total: total)
        }
    }

    /// A finding that fails the gate below `--report-min`: where it is and its identity.
    struct UnreportedEntry: Codable, Sendable, Equatable {
        var column: Int
        var id: String
        var line: Int
        /// Its policy's place in `policies`.
        var policy: Int
        var rule: RuleID
    }

    /// A finding: schema 2's members, with `binding`, `evidence`, `path` and `recommendations`
    /// as ids, `policy` a place in `policies`, and `id` and the exposure's `rule`, `severity`
    /// and `subject` absent where they restate the finding's other members (`JSONFinding`).
    typealias FindingEntry = JSONFinding<ByID>

    /// Schema 3's references: a binding, evidence list, recommendation list, path step or set
    /// of bands by its id (`TableID`) in its table; the policy by its place in `policies`; an
    /// exposure's `bands` an id in `exposure_bands`, its events ids in `events`.
    enum ByID: ListReferences, ReadableReferences {
        typealias List = String
        typealias Event = EventReference
        typealias Message = String
        typealias Policy = Int

        static let leftOut: ImpliedMembers = .restating
    }

    /// Whether a measure binds the entity (`BindingEntry`), for one or more findings.
    struct BindingTableEntry: Codable, Sendable, Equatable {
        var entity: String
        var entity_regimes: [String]
        /// `g-` and 16 hex digits of a hash of the members.
        var id: String
        var imposed_by: [String]
        var reason: String
        var regimes: [String]
        var status: String

        init(id: String, _ binding: BindingEntry) {
            entity = binding.entity
            entity_regimes = binding.entity_regimes
            self.id = id
            imposed_by = binding.imposed_by
            reason = binding.reason
            regimes = binding.regimes
            status = binding.status
        }

        var binding: BindingEntry {
            BindingEntry(
                entity: entity, entity_regimes: entity_regimes, imposed_by: imposed_by, reason: reason, regimes: regimes, status: status)
        }
    }

    /// The evidence of one or more findings: each item's fact and its date as it applies.
    struct EvidenceListEntry: Codable, Sendable, Equatable {
        /// `v-` and 16 hex digits of a hash of the items.
        var id: String
        var items: [EvidenceReference]
    }

    /// The events and fatalities per distance band of one or more findings' exposures.
    struct BandsEntry: Codable, Sendable, Equatable {
        var bands: [ExposureBand]
        /// `b-` and 16 hex digits of a hash of the numbers.
        var id: String
    }

    /// The recommendations of one or more findings, in order.
    struct RecommendationListEntry: Codable, Sendable, Equatable {
        /// `r-` and 16 hex digits of a hash of the texts.
        var id: String
        var texts: [String]
    }

    /// A step of one or more findings' exposure paths.
    struct PathStepEntry: Codable, Sendable, Equatable {
        /// `p-` and 16 hex digits of a hash of the text.
        var id: String
        var text: String
    }

    /// Why a schema 3 document cannot be expanded: an id its tables do not hold.
    struct MissingEntry: Error, Sendable {
        var finding: Int
        var id: String
    }
}

extension JSONReportV3.Document where Findings == [JSONReportV3.FindingEntry] {
    /// The schema 2 document with the same content: every finding's lists resolved.
    func expanded() throws(JSONReportV3.MissingEntry) -> JSONReport.Document<[JSONReport.FindingEntry]> {
        let expansion = JSONReportV3.Expansion(
            evidence: Dictionary(evidence_lists.map { ($0.id, $0.items) }, uniquingKeysWith: { first, _ in first }),
            recommendations: Dictionary(recommendation_lists.map { ($0.id, $0.texts) }, uniquingKeysWith: { first, _ in first }),
            steps: Dictionary(path_steps.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first }),
            bands: Dictionary(exposure_bands.map { ($0.id, $0.bands) }, uniquingKeysWith: { first, _ in first }),
            bindings: Dictionary(bindings.map { ($0.id, $0.binding) }, uniquingKeysWith: { first, _ in first }),
            files: policies.map(\.file))
        var entries: [JSONReport.FindingEntry] = []
        entries.reserveCapacity(findings.count)
        for (index, finding) in findings.enumerated() {
            do throws(JSONReportV3.MissingEntry) {
                entries.append(try finding.converted(expansion, asOf: as_of))
            } catch {
                throw JSONReportV3.MissingEntry(finding: index + 1, id: error.id)
            }
        }
        let files = policies.map(\.file)
        let places = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return JSONReport.Document(
            as_of: as_of, changes: changes, database: database, events: events, facts: facts, findings: entries, policies: policies,
            schema_version: 2, shard: shard, sources: sources, summary: summary.expanded(entries, places: places, files: files), tool: tool)
    }
}

extension JSONReportV3.Document {
    // Outside the struct's body, so that the memberwise initializer stays (schema 4 reads back to it).
    /// Schema 3 of a schema 2 document, with the lists its findings cite and the findings
    /// that fail the gate (counted, and listed below `--report-min`) from `failing`.
    init<Other>(_ document: JSONReport.Document<Other>, lists: CitedLists, failing: FindingSummary, findings: Findings) {
        as_of = document.as_of
        bindings = lists.bindings
        changes = document.changes
        database = document.database
        events = document.events
        evidence_lists = lists.evidence
        exposure_bands = lists.bands
        facts = document.facts
        self.findings = findings
        path_steps = lists.steps
        policies = document.policies
        recommendation_lists = lists.recommendations
        shard = document.shard
        sources = document.sources
        summary = JSONReportV3.Summary(
            document.summary, failing: failing.failing,
            unreported: failing.failingUnreported.map {
                JSONReportV3.UnreportedEntry(column: $0.column, id: $0.identity.description, line: $0.line, policy: $0.place, rule: $0.rule)
            })
        tool = document.tool
    }
}

extension JSONReportV3.FindingEntry {
    /// Schema 2's entry with its lists by reference; `policy`: the policy's place in the run.
    init(_ entry: JSONReport.FindingEntry, policy: Int) {
        // Schemas 2 and 3 leave out nothing that depends on the document's date.
        self = entry.converted(JSONReportV3.HashIDs(policy: policy), asOf: "")
    }

    init(_ finding: Finding, _ options: CheckOptions, policy: Int) {
        self.init(JSONReport.FindingEntry(finding, options), policy: policy)
    }
}

extension JSONReportV3 {
    /// Schema 2's references as schema 3's: each list by its content hash (`TableID`), no list
    /// for an empty one.
    struct HashIDs: FindingConversion {
        typealias Source = JSONReport.Inline
        typealias Target = ByID
        typealias Failure = Never
        /// The policy's place in the run.
        var policy: Int

        func binding(_ binding: BindingEntry) -> String { TableID.binding(binding) }
        func evidence(_ evidence: [EvidenceReference]?) -> String? {
            guard let evidence, !evidence.isEmpty else { return nil }
            return TableID.evidenceList(evidence)
        }
        func event(_ event: EventReference) -> EventReference { event }
        func bands(_ bands: [ExposureBand]) -> String { TableID.bands(bands) }
        func message(_ message: String, name: String) -> String { message }
        func step(_ step: String) -> String { TableID.pathStep(step) }
        func policy(_ policy: String) -> Int { self.policy }
        func recommendations(_ recommendations: [String]?) -> String? {
            guard let recommendations, !recommendations.isEmpty else { return nil }
            return TableID.recommendationList(recommendations)
        }
    }

    /// Schema 3's references resolved in its tables (`report expand`); throws for an id they lack.
    struct Expansion: FindingConversion {
        typealias Source = ByID
        typealias Target = JSONReport.Inline
        typealias Failure = MissingEntry
        let evidence: [String: [EvidenceReference]]
        let recommendations: [String: [String]]
        let steps: [String: String]
        let bands: [String: [ExposureBand]]
        let bindings: [String: BindingEntry]
        /// The policies' files, by place.
        let files: [String]

        private func look<Value>(_ table: [String: Value], _ id: String) throws(MissingEntry) -> Value {
            guard let value = table[id] else { throw MissingEntry(finding: 0, id: id) }
            return value
        }

        func binding(_ binding: String) throws(MissingEntry) -> BindingEntry { try look(bindings, binding) }
        func evidence(_ evidence: String?) throws(MissingEntry) -> [EvidenceReference]? {
            guard let evidence else { return [] }
            return try look(self.evidence, evidence)
        }
        func event(_ event: EventReference) -> EventReference { event }
        func bands(_ bands: String) throws(MissingEntry) -> [ExposureBand] { try look(self.bands, bands) }
        func message(_ message: String, name: String) -> String { message }
        func step(_ step: String) throws(MissingEntry) -> String { try look(steps, step) }
        func policy(_ policy: Int) throws(MissingEntry) -> String {
            guard files.indices.contains(policy) else { throw MissingEntry(finding: 0, id: "policy \(policy)") }
            return files[policy]
        }
        func recommendations(_ recommendations: String?) throws(MissingEntry) -> [String]? {
            guard let recommendations else { return [] }
            return try look(self.recommendations, recommendations)
        }
    }
}
