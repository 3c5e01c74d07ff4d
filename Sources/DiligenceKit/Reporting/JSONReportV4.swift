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

    /// A finding: schema 3's members, every reference a place in its table (`JSONFinding`).
    typealias FindingEntry = JSONFinding<ByPlace>

    /// Schema 4's references: every one a place (from 0) in its table, the message a place in
    /// `messages`; an exposure's `reference` absent when it is the document's `as_of`, its
    /// `events_not_cited` absent when 0, and `subject_name` absent when it is the `subject`.
    enum ByPlace: ListReferences, ReadableReferences {
        typealias List = Int
        typealias Event = EventPlace
        typealias Message = Int
        typealias Policy = Int

        static let leftOut: ImpliedMembers = [.restating, .documentImplied]
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
        guard name.utf8.count >= 3, message.utf8.count >= name.utf8.count else { return [message] }
        // On the contiguous bytes (no copies of them): every finding's message is split twice,
        // for the run's table and for the finding's entry.
        return message.pieces(betweenBytesOf: name)
    }

    /// Each part `split(_:at:)` gives, in order, as the bytes of the message where it lies.
    static func forEachPart(of message: String, at name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var message = message, name = name
        guard name.utf8.count >= 3, message.utf8.count >= name.utf8.count else {
            message.withUTF8(body)
            return
        }
        message.withUTF8 { text in
            name.withUTF8 { part in
                guard let base = text.baseAddress, let partBase = part.baseAddress else { return body(text) }
                var pieceStart = 0
                var index = 0
                // Each place of the name's first byte found by `memchr`, then compared whole.
                while index + part.count <= text.count {
                    guard let hit = memchr(base + index, Int32(part[0]), text.count - part.count - index + 1) else { break }
                    index = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + index, partBase, part.count) == 0 {
                        body(UnsafeBufferPointer(rebasing: text[pieceStart..<index]))
                        index += part.count
                        pieceStart = index
                    } else {
                        index += 1
                    }
                }
                body(UnsafeBufferPointer(rebasing: text[pieceStart...]))
            }
        }
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

extension JSONReportV4 {
    /// Schema 3's references as places in a run's or a document's tables; throws for an id
    /// they do not list.
    struct Placing<Places: TablePlaces>: FindingConversion {
        typealias Source = JSONReportV3.ByID
        typealias Target = ByPlace
        typealias Failure = MissingPlace
        let places: Places

        private func place(_ id: String, _ find: (String) -> Int?) throws(MissingPlace) -> Int {
            guard let found = find(id) else { throw MissingPlace(finding: 0, what: id) }
            return found
        }

        func binding(_ binding: String) throws(MissingPlace) -> Int { try place(binding, places.place(ofList:)) }
        func evidence(_ evidence: String?) throws(MissingPlace) -> Int? {
            try evidence.map { (id) throws(MissingPlace) in try place(id, places.place(ofList:)) }
        }
        func event(_ event: EventReference) throws(MissingPlace) -> EventPlace {
            EventPlace(distance_km: event.distance_km, event: try place(event.event, places.place(ofEvent:)))
        }
        func bands(_ bands: String) throws(MissingPlace) -> Int { try place(bands, places.place(ofList:)) }
        func message(_ message: String, name: String) throws(MissingPlace) -> Int {
            guard let found = places.place(ofMessage: MessageParts.split(message, at: name)) else { throw MissingPlace(finding: 0, what: "message \(message)") }
            return found
        }
        func step(_ step: String) throws(MissingPlace) -> Int { try place(step, places.place(ofList:)) }
        func policy(_ policy: Int) -> Int { policy }
        func recommendations(_ recommendations: String?) throws(MissingPlace) -> Int? {
            try recommendations.map { (id) throws(MissingPlace) in try place(id, places.place(ofList:)) }
        }
    }

    /// Schema 4's places as schema 3's ids, from a document's tables (`schema3()`); messages
    /// joined with the subject's name. Throws for a place a table does not hold.
    struct Identifying: FindingConversion {
        typealias Source = ByPlace
        typealias Target = JSONReportV3.ByID
        typealias Failure = MissingPlace
        let tables: JSONReportV3.Document<[JSONReportV3.FindingEntry]>
        let events: [EventEntry]
        let messages: [[String]]

        private func look<Value>(_ table: [Value], _ place: Int, _ what: String) throws(MissingPlace) -> Value {
            guard table.indices.contains(place) else { throw MissingPlace(finding: 0, what: "\(what) \(place)") }
            return table[place]
        }

        func binding(_ binding: Int) throws(MissingPlace) -> String { try look(tables.bindings, binding, "binding").id }
        func evidence(_ evidence: Int?) throws(MissingPlace) -> String? {
            try evidence.map { (place) throws(MissingPlace) in try look(tables.evidence_lists, place, "evidence list").id }
        }
        func event(_ event: EventPlace) throws(MissingPlace) -> EventReference {
            EventReference(distance_km: event.distance_km, event: try look(events, event.event, "event").id)
        }
        func bands(_ bands: Int) throws(MissingPlace) -> String { try look(tables.exposure_bands, bands, "exposure_bands").id }
        func message(_ message: Int, name: String) throws(MissingPlace) -> String {
            try look(messages, message, "message").joined(separator: name)
        }
        func step(_ step: Int) throws(MissingPlace) -> String { try look(tables.path_steps, step, "path step").id }
        func policy(_ policy: Int) -> Int { policy }
        func recommendations(_ recommendations: Int?) throws(MissingPlace) -> String? {
            try recommendations.map { (place) throws(MissingPlace) in try look(tables.recommendation_lists, place, "recommendation list").id }
        }
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
        for finding in document.findings { places.cite(MessageParts.split(finding.message, at: finding.name)) }
        var findings: [JSONReportV4.FindingEntry] = []
        findings.reserveCapacity(document.findings.count)
        for (index, finding) in document.findings.enumerated() {
            do throws(JSONReportV4.MissingPlace) {
                findings.append(try finding.converted(JSONReportV4.Placing(places: places), asOf: document.as_of))
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
        let identifying = JSONReportV4.Identifying(tables: whole, events: events, messages: messages)
        var entries: [JSONReportV3.FindingEntry] = []
        entries.reserveCapacity(findings.count)
        for (index, finding) in findings.enumerated() {
            do throws(JSONReportV4.MissingPlace) {
                entries.append(try finding.converted(identifying, asOf: as_of))
            } catch {
                throw JSONReportV4.MissingPlace(finding: index + 1, what: error.what)
            }
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
