import Foundation

/// The JSON report of schema version 4, the default (docs/json-report.md): schema 3's content,
/// in schema 3's compact layout, with every reference into a table the entry's place in it
/// (from 0) instead of a content hash, and each finding's message a place in `messages`: the
/// message's parts around the finding's subject name, which the reader joins with the name.
/// Members that hold what the document already says are left out: an exposure's `reference`
/// when it is the run's `as_of`, its `events_not_cited` when 0, and `subject_name` when it is
/// the `subject`.
///
/// A schema 4 document is a function of the schema 3 document of the same run
/// (`init(_:)`), and gives it back (`schema3()`): `report merge` joins schema 4 shards as
/// schema 3 ones and numbers the joined tables again, `report expand` and baselines read it
/// through schema 3. Only the members that differ from schema 3 are defined here.
enum JSONReportV4 {
    struct Document<Findings: Codable & Sendable>: Codable, Sendable {
        var as_of: String
        var bindings: [BindingEntry]
        var changes: JSONReport.ChangesEntry?
        var database: JSONReport.Database
        var events: [EventEntry]
        var evidence_lists: [[EvidenceItem]]
        var exposure_bands: [[ExposureBand]]
        var facts: [FactEntry]
        var findings: Findings
        /// Each message's parts around the subject name of the findings that cite it.
        var messages: [[String]]
        var path_steps: [String]
        var policies: [JSONReport.PolicyEntry]
        var recommendation_lists: [[String]]
        var schema_version = 4
        var shard: JSONReport.ShardEntry?
        var sources: [SourceEntry]
        var summary: JSONReportV3.Summary
        var tool: JSONReport.Tool
    }

    /// An item of an evidence list: its fact's place in `facts` and the date as it applies.
    struct EvidenceItem: Codable, Sendable, Equatable {
        var date: String?
        var fact: Int
    }

    /// A finding: schema 3's members, every reference a place in its table.
    struct FindingEntry: Codable, Sendable, Equatable {
        var accepted: JSONReport.AcceptedEntry?
        var baseline: String?
        /// A place in `bindings` (absent: none).
        var binding: Int?
        var caused_by: [String]?
        var change: String?
        var column: Int
        /// A place in `evidence_lists` (absent: no evidence).
        var evidence: Int?
        /// Schema 3's exposure: `bands` a place in `exposure_bands`, each event's a place in
        /// `events`, `reference` absent when it is the document's `as_of`, `events_not_cited`
        /// absent when 0.
        var exposure: ExposureEntry<EventPlace, Int>?
        var factors: [String]
        var gate: String
        var id: String?
        var line: Int
        /// A place in `messages`: the message is its parts joined by the subject name.
        var message: Int
        /// Each step's place in `path_steps`.
        var path: [Int]
        var policy: Int
        /// A place in `recommendation_lists` (absent: none).
        var recommendations: Int?
        var rule: String
        var severity: String
        var subject: String
        var subject_kind: String
        /// Absent when it is the `subject`.
        var subject_name: String?

        /// The name a message's parts are joined with.
        var name: String { subject_name ?? subject }
    }

    /// A cited event of an exposure: its place in `events` and its distance from the site.
    struct EventPlace: Codable, Sendable, Equatable {
        var distance_km: Double?
        var event: Int
    }

    /// Why a schema 4 document cannot be read back: a place its tables do not hold.
    struct MissingPlace: Error, Sendable {
        /// The finding's number, from 1 (0: a table's entry).
        var finding: Int
        var what: String

        /// "finding 3", or "a table" for an entry of one.
        var place: String { finding > 0 ? "finding \(finding)" : "a table" }
    }
}

// MARK: Messages

/// A message split at its subject's name (on the bytes, so that joining the parts with the name
/// gives back the bytes). Names shorter than three bytes are not split at, so that a message is
/// not cut at every occurrence of a letter.
enum MessageParts {
    static func split(_ message: String, at name: String) -> [String] {
        guard name.utf8.count >= 3 else { return [message] }
        let text = Array(message.utf8), part = Array(name.utf8)
        guard text.count >= part.count else { return [message] }
        var pieces: [String] = []
        var pieceStart = 0
        var index = 0
        while index + part.count <= text.count {
            if text[index] == part[0], text[index..<(index + part.count)].elementsEqual(part) {
                pieces.append(String(decoding: text[pieceStart..<index], as: UTF8.self))
                index += part.count
                pieceStart = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: text[pieceStart...], as: UTF8.self))
        return pieces
    }
}

// MARK: From schema 3

/// The places of a run's table entries, by their schema 3 ids (and messages by their parts).
protocol TablePlaces {
    /// The place of an evidence list, recommendation list, path step, set of bands or binding.
    func place(ofList id: String) -> Int?
    func place(ofEvent id: String) -> Int?
    func place(ofFact id: String) -> Int?
    func place(ofMessage parts: [String]) -> Int?
}

extension JSONReportV4.FindingEntry {
    /// Schema 3's entry with its references as places; `asOf`: the document's date.
    init(_ entry: JSONReportV3.FindingEntry, asOf: String, places: some TablePlaces) throws(JSONReportV4.MissingPlace) {
        func place(_ id: String?, _ find: (String) -> Int?) throws(JSONReportV4.MissingPlace) -> Int? {
            guard let id else { return nil }
            guard let found = find(id) else { throw JSONReportV4.MissingPlace(finding: 0, what: id) }
            return found
        }
        accepted = entry.accepted
        baseline = entry.baseline
        binding = try place(entry.binding, places.place(ofList:))
        caused_by = entry.caused_by
        change = entry.change
        column = entry.column
        evidence = try place(entry.evidence, places.place(ofList:))
        if let exposure = entry.exposure {
            var events: [JSONReportV4.EventPlace] = []
            for event in exposure.events {
                guard let found = places.place(ofEvent: event.event) else { throw JSONReportV4.MissingPlace(finding: 0, what: event.event) }
                events.append(JSONReportV4.EventPlace(distance_km: event.distance_km, event: found))
            }
            guard let bands = places.place(ofList: exposure.bands) else { throw JSONReportV4.MissingPlace(finding: 0, what: exposure.bands) }
            var compact = exposure.mapBands { _ in bands }.mapEvents { _ in events }
            if compact.reference == asOf { compact.reference = nil }
            if compact.events_not_cited == 0 { compact.events_not_cited = nil }
            self.exposure = compact
        } else {
            exposure = nil
        }
        factors = entry.factors
        gate = entry.gate
        id = entry.id
        line = entry.line
        let parts = MessageParts.split(entry.message, at: entry.subject_name)
        guard let message = places.place(ofMessage: parts) else { throw JSONReportV4.MissingPlace(finding: 0, what: "message \(entry.message)") }
        self.message = message
        var path: [Int] = []
        path.reserveCapacity(entry.path.count)
        for step in entry.path {
            guard let found = places.place(ofList: step) else { throw JSONReportV4.MissingPlace(finding: 0, what: step) }
            path.append(found)
        }
        self.path = path
        policy = entry.policy
        recommendations = try place(entry.recommendations, places.place(ofList:))
        rule = entry.rule
        severity = entry.severity
        subject = entry.subject
        subject_kind = entry.subject_kind
        subject_name = entry.subject_name == entry.subject ? nil : entry.subject_name
    }
}

extension JSONReportV4.Document {
    /// Schema 4 of a schema 3 document around `findings`: its tables by place, `messages` the
    /// run's message parts in order of first citation.
    init<Other>(_ document: JSONReportV3.Document<Other>, messages: [[String]], findings: Findings) {
        let facts = Dictionary(document.facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        as_of = document.as_of
        bindings = document.bindings.map(\.binding)
        changes = document.changes
        database = document.database
        events = document.events
        // Every item's fact is in `facts`: both are listed from the same findings (`CitedPart`).
        evidence_lists = document.evidence_lists.map { list in list.items.map { JSONReportV4.EvidenceItem(date: $0.date, fact: facts[$0.fact] ?? -1) } }
        exposure_bands = document.exposure_bands.map(\.bands)
        self.facts = document.facts
        self.findings = findings
        self.messages = messages
        path_steps = document.path_steps.map(\.text)
        policies = document.policies
        recommendation_lists = document.recommendation_lists.map(\.texts)
        shard = document.shard
        sources = document.sources
        summary = document.summary
        tool = document.tool
    }

    /// The members of a schema 3 document, with the findings apart.
    func schema3<Other>(findings: Other) -> JSONReportV3.Document<Other> {
        JSONReportV3.Document(
            as_of: as_of,
            bindings: bindings.map { JSONReportV3.BindingTableEntry(id: TableID.binding($0), $0) },
            changes: changes, database: database, events: events,
            evidence_lists: evidence_lists.map { list in
                let items = list.map { EvidenceReference(date: $0.date, fact: facts.indices.contains($0.fact) ? facts[$0.fact].id : "") }
                return JSONReportV3.EvidenceListEntry(id: TableID.evidenceList(items), items: items)
            },
            exposure_bands: exposure_bands.map { JSONReportV3.BandsEntry(bands: $0, id: TableID.bands($0)) },
            facts: facts, findings: findings,
            path_steps: path_steps.map { JSONReportV3.PathStepEntry(id: TableID.pathStep($0), text: $0) },
            policies: policies,
            recommendation_lists: recommendation_lists.map { JSONReportV3.RecommendationListEntry(id: TableID.recommendationList($0), texts: $0) },
            shard: shard, sources: sources, summary: summary, tool: tool)
    }
}

extension JSONReportV4.Document where Findings == [JSONReportV4.FindingEntry] {
    /// The schema 4 document of a whole schema 3 document.
    init(_ document: JSONReportV3.Document<[JSONReportV3.FindingEntry]>) throws(JSONReportV4.MissingPlace) {
        var places = DocumentPlaces(document)
        for finding in document.findings { places.cite(MessageParts.split(finding.message, at: finding.subject_name)) }
        var findings: [JSONReportV4.FindingEntry] = []
        findings.reserveCapacity(document.findings.count)
        for (index, finding) in document.findings.enumerated() {
            do throws(JSONReportV4.MissingPlace) {
                findings.append(try JSONReportV4.FindingEntry(finding, asOf: document.as_of, places: places))
            } catch {
                throw JSONReportV4.MissingPlace(finding: index + 1, what: error.what)
            }
        }
        self.init(document, messages: places.messages, findings: findings)
    }

    /// The schema 3 document with the same content: places turned back into schema 3's ids
    /// (content hashes of the entries), messages joined. Throws for a place no table holds.
    func schema3() throws(JSONReportV4.MissingPlace) -> JSONReportV3.Document<[JSONReportV3.FindingEntry]> {
        var whole = schema3(findings: [JSONReportV3.FindingEntry]())
        var entries: [JSONReportV3.FindingEntry] = []
        entries.reserveCapacity(findings.count)
        for (index, finding) in findings.enumerated() {
            func look<Value>(_ table: [Value], _ place: Int, _ what: String) throws(JSONReportV4.MissingPlace) -> Value {
                guard table.indices.contains(place) else { throw JSONReportV4.MissingPlace(finding: index + 1, what: "\(what) \(place)") }
                return table[place]
            }
            var exposure: ExposureEntry<EventReference, String>?
            if let compact = finding.exposure {
                var events: [EventReference] = []
                for event in compact.events {
                    events.append(EventReference(distance_km: event.distance_km, event: try look(self.events, event.event, "event").id))
                }
                let bands = try look(whole.exposure_bands, compact.bands, "exposure_bands").id
                var entry = compact.mapBands { _ in bands }.mapEvents { _ in events }
                entry.reference = entry.reference ?? as_of
                entry.events_not_cited = entry.events_not_cited ?? 0
                exposure = entry
            }
            var path: [String] = []
            for step in finding.path { path.append(try look(whole.path_steps, step, "path step").id) }
            entries.append(
                JSONReportV3.FindingEntry(
                    accepted: finding.accepted, baseline: finding.baseline,
                    binding: try finding.binding.map { (place) throws(JSONReportV4.MissingPlace) in try look(whole.bindings, place, "binding").id },
                    caused_by: finding.caused_by, change: finding.change, column: finding.column,
                    evidence: try finding.evidence.map { (place) throws(JSONReportV4.MissingPlace) in
                        try look(whole.evidence_lists, place, "evidence list").id
                    },
                    exposure: exposure, factors: finding.factors, gate: finding.gate, id: finding.id, line: finding.line,
                    message: try look(messages, finding.message, "message").joined(separator: finding.name), path: path, policy: finding.policy,
                    recommendations: try finding.recommendations.map { (place) throws(JSONReportV4.MissingPlace) in
                        try look(whole.recommendation_lists, place, "recommendation list").id
                    },
                    rule: finding.rule, severity: finding.severity, subject: finding.subject, subject_kind: finding.subject_kind,
                    subject_name: finding.name))
        }
        for (list, entry) in evidence_lists.enumerated() {
            for item in entry where !facts.indices.contains(item.fact) {
                throw JSONReportV4.MissingPlace(finding: 0, what: "fact \(item.fact) of evidence list \(list)")
            }
        }
        whole.findings = entries
        return whole
    }
}

/// The places of a schema 3 document's entries, and its messages numbered as cited.
private struct DocumentPlaces: TablePlaces {
    private var lists: [String: Int] = [:]
    private var events: [String: Int] = [:]
    private var facts: [String: Int] = [:]
    private var messageNumbers: [[String]: Int] = [:]
    private(set) var messages: [[String]] = []

    init<Findings>(_ document: JSONReportV3.Document<Findings>) {
        func number(_ ids: [String]) { for (place, id) in ids.enumerated() where lists[id] == nil { lists[id] = place } }
        number(document.evidence_lists.map(\.id))
        number(document.recommendation_lists.map(\.id))
        number(document.path_steps.map(\.id))
        number(document.exposure_bands.map(\.id))
        number(document.bindings.map(\.id))
        for (place, event) in document.events.enumerated() where events[event.id] == nil { events[event.id] = place }
        for (place, fact) in document.facts.enumerated() where facts[fact.id] == nil { facts[fact.id] = place }
    }

    mutating func cite(_ parts: [String]) {
        guard messageNumbers[parts] == nil else { return }
        messageNumbers[parts] = messages.count
        messages.append(parts)
    }

    func place(ofList id: String) -> Int? { lists[id] }
    func place(ofEvent id: String) -> Int? { events[id] }
    func place(ofFact id: String) -> Int? { facts[id] }
    func place(ofMessage parts: [String]) -> Int? { messageNumbers[parts] }
}

// MARK: Reading

extension JSONReportV4 {
    /// A compact report's bytes (schema `version`: 3 or 4) as its schema 3 document, what
    /// `report expand` and `report merge` read; `describe` words a decoding error.
    static func schema3Document(
        _ data: Data, version: Int, at start: SourceLocation, describe: (any Error) -> String
    ) throws(InputError) -> JSONReportV3.Document<[JSONReportV3.FindingEntry]> {
        let compact: Document<[FindingEntry]>
        do {
            if version == 3 { return try JSONDecoder().decode(JSONReportV3.Document<[JSONReportV3.FindingEntry]>.self, from: data) }
            compact = try JSONDecoder().decode(Document<[FindingEntry]>.self, from: data)
        } catch {
            throw InputError(start, "not a diligence JSON report of schema_version \(version) (\(describe(error)))")
        }
        do throws(MissingPlace) {
            return try compact.schema3()
        } catch {
            throw InputError(start, "\(error.place) cites \(error.what), which the report's tables do not hold")
        }
    }
}
