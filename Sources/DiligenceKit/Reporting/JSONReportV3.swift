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
            typealias Key = (policy: Int, line: Int, column: Int, rule: String, id: String)
            func less(_ a: Key, _ b: Key) -> Bool {
                if a.policy != b.policy { return a.policy < b.policy }
                if a.line != b.line { return a.line < b.line }
                if a.column != b.column { return a.column < b.column }
                if a.rule != b.rule { return a.rule < b.rule }
                return a.id < b.id
            }
            let reported: [Key] = findings.filter { $0.gate == "fail" }.map { (places[$0.policy] ?? 0, $0.line, $0.column, $0.rule, $0.id) }
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
        var rule: String
    }

    /// A finding: schema 2's members, with `binding`, `evidence`, `path` and `recommendations`
    /// as ids, `policy` a place in `policies`, and `id` and the exposure's `rule`, `severity`
    /// and `subject` absent where they restate the finding's other members.
    struct FindingEntry: Codable, Sendable, Equatable {
        var accepted: JSONReport.AcceptedEntry?
        var baseline: String?
        /// Whether the measure binds the entity: an id in `bindings` (absent: none).
        var binding: String?
        var caused_by: [String]?
        var change: String?
        var column: Int
        /// An id in `evidence_lists` (absent: no evidence).
        var evidence: String?
        /// Schema 2's exposure, its `bands` an id in `exposure_bands`, without the `rule`,
        /// `severity` and `subject` that are the finding's.
        var exposure: ExposureEntry<EventReference, String>?
        var factors: [String]
        var gate: String
        /// Absent when it is `rule/subject` and the first factor, if any (`derivedID`).
        var id: String?
        var line: Int
        var message: String
        /// Each step's id in `path_steps`.
        var path: [String]
        /// The policy's place (from 0) in the document's `policies`.
        var policy: Int
        /// An id in `recommendation_lists` (absent: none).
        var recommendations: String?
        var rule: String
        var severity: String
        var subject: String
        var subject_kind: String
        var subject_name: String

        /// The identity a finding without `id` has: `rule/subject`, and `/factor` of its first factor.
        static func derivedID(rule: String, subject: String, factors: [String]) -> String {
            factors.first.map { "\(rule)/\(subject)/\($0)" } ?? "\(rule)/\(subject)"
        }

        /// The finding's identity, written or derived.
        var identity: String { id ?? Self.derivedID(rule: rule, subject: subject, factors: factors) }
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

extension JSONReportV3.FindingEntry {
    /// The entry written straight through the stream encoder's writer: the bytes of the
    /// synthesised `encode(to:)` (members in key order, absent optionals left out; the nested
    /// values through their own encoding), without a keyed container's dynamic calls for each
    /// of a report's million members (a test compares the two on the example reports).
    func write(to encoder: JSONStreamEncoder) {
        encoder.writer.beginObject()
        if let accepted {
            encoder.writer.key("accepted")
            encoder.encodeValue(accepted)
        }
        encoder.writer.optional("baseline", baseline)
        encoder.writer.optional("binding", binding)
        if let caused_by { encoder.writer.strings("caused_by", caused_by) }
        encoder.writer.optional("change", change)
        encoder.writer.integer("column", column)
        encoder.writer.optional("evidence", evidence)
        if let exposure {
            encoder.writer.key("exposure")
            encoder.encodeValue(exposure)
        }
        encoder.writer.strings("factors", factors)
        encoder.writer.string("gate", gate)
        encoder.writer.optional("id", id)
        encoder.writer.integer("line", line)
        encoder.writer.string("message", message)
        encoder.writer.strings("path", path)
        encoder.writer.integer("policy", policy)
        encoder.writer.optional("recommendations", recommendations)
        encoder.writer.string("rule", rule)
        encoder.writer.string("severity", severity)
        encoder.writer.string("subject", subject)
        encoder.writer.string("subject_kind", subject_kind)
        encoder.writer.string("subject_name", subject_name)
        encoder.writer.endObject()
    }
}

extension JSONReportV3.Document where Findings == [JSONReportV3.FindingEntry] {
    /// The schema 2 document with the same content: every finding's lists resolved.
    func expanded() throws(JSONReportV3.MissingEntry) -> JSONReport.Document<[JSONReport.FindingEntry]> {
        let evidence = Dictionary(evidence_lists.map { ($0.id, $0.items) }, uniquingKeysWith: { first, _ in first })
        let recommendations = Dictionary(recommendation_lists.map { ($0.id, $0.texts) }, uniquingKeysWith: { first, _ in first })
        let steps = Dictionary(path_steps.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let bands = Dictionary(exposure_bands.map { ($0.id, $0.bands) }, uniquingKeysWith: { first, _ in first })
        let bindingTable = Dictionary(bindings.map { ($0.id, $0.binding) }, uniquingKeysWith: { first, _ in first })
        var entries: [JSONReport.FindingEntry] = []
        entries.reserveCapacity(findings.count)
        for (index, finding) in findings.enumerated() {
            func look<Value>(_ table: [String: Value], _ id: String?, empty: Value) throws(JSONReportV3.MissingEntry) -> Value {
                guard let id else { return empty }
                guard let value = table[id] else { throw JSONReportV3.MissingEntry(finding: index + 1, id: id) }
                return value
            }
            var path: [String] = []
            for step in finding.path { path.append(try look(steps, step, empty: "")) }
            guard policies.indices.contains(finding.policy) else { throw JSONReportV3.MissingEntry(finding: index + 1, id: "policy \(finding.policy)") }
            var binding: BindingEntry?
            if let id = finding.binding {
                guard let entry = bindingTable[id] else { throw JSONReportV3.MissingEntry(finding: index + 1, id: id) }
                binding = entry
            }
            var exposure = try finding.exposure?.mapBands { (id) throws(JSONReportV3.MissingEntry) in try look(bands, id, empty: []) }
            if var whole = exposure {
                whole.rule = whole.rule ?? finding.rule
                whole.severity = whole.severity ?? finding.severity
                whole.subject = whole.subject ?? finding.subject
                exposure = whole
            }
            entries.append(
                JSONReport.FindingEntry(
                    accepted: finding.accepted, baseline: finding.baseline, binding: binding, caused_by: finding.caused_by, change: finding.change,
                    column: finding.column, evidence: try look(evidence, finding.evidence, empty: []),
                    exposure: exposure,
                    factors: finding.factors, gate: finding.gate, id: finding.identity, line: finding.line, message: finding.message, path: path,
                    policy: policies[finding.policy].file, recommendations: try look(recommendations, finding.recommendations, empty: []), rule: finding.rule,
                    severity: finding.severity, subject: finding.subject, subject_kind: finding.subject_kind, subject_name: finding.subject_name))
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
    // Outside the struct's body, so that the memberwise initializer stays (schema 4 reads back to it).
    /// Schema 2's entry with its lists by reference; `policy`: the policy's place in the run.
    init(_ entry: JSONReport.FindingEntry, policy: Int) {
        accepted = entry.accepted
        baseline = entry.baseline
        binding = entry.binding.map(TableID.binding)
        caused_by = entry.caused_by
        change = entry.change
        column = entry.column
        evidence = entry.evidence.isEmpty ? nil : TableID.evidenceList(entry.evidence)
        exposure = entry.exposure?.mapBands(TableID.bands)
        if exposure?.rule == entry.rule { exposure?.rule = nil }
        if exposure?.severity == entry.severity { exposure?.severity = nil }
        if exposure?.subject == entry.subject { exposure?.subject = nil }
        factors = entry.factors
        gate = entry.gate
        let derived = Self.derivedID(rule: entry.rule, subject: entry.subject, factors: entry.factors)
        id = entry.id == derived ? nil : entry.id
        line = entry.line
        message = entry.message
        path = entry.path.map(TableID.pathStep)
        self.policy = policy
        recommendations = entry.recommendations.isEmpty ? nil : TableID.recommendationList(entry.recommendations)
        rule = entry.rule
        severity = entry.severity
        subject = entry.subject
        subject_kind = entry.subject_kind
        subject_name = entry.subject_name
    }

    init(_ finding: Finding, _ options: CheckOptions, policy: Int) {
        self.init(JSONReport.FindingEntry(finding, options), policy: policy)
    }
}
