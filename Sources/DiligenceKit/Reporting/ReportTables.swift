/// The tables of the JSON report (schema 2) and of the SARIF run's properties: every source,
/// fact and event the reported findings cite, written once; a finding's evidence and exposure
/// hold their ids and what is the finding's own (the date as it applies, the distance).
/// Members are declared in byte order of their keys (the order `JSONEncoder.sortedKeys` gives).

/// A cited source: the article or list entry behind facts. `id` is its citation number, the
/// one the Markdown report prints in brackets (numbered in order of first citation).
struct SourceEntry: Codable, Sendable, Hashable {
    var date: String?
    var id: Int
    var quote: String?
    var source: String
    var title: String?
    var url: String?

    init(id: Int, _ reference: Reference) {
        date = reference.date?.text
        self.id = id
        quote = reference.quote
        source = reference.source
        title = reference.title
        url = reference.url
    }
}

/// A fact of a risk factor or listed entity, with the source that supports it.
struct FactEntry: Codable, Sendable, Equatable {
    var fact: String
    /// `record/` and 16 hex digits of a hash of the fact and its source: the same in every run
    /// and shard that cites it.
    var id: String
    var record: String
    /// The source's id in `sources` (absent: the fact names no source).
    var source: Int?
}

/// An event cited by place-bound findings (a conflict event, a shutdown).
struct EventEntry: Codable, Sendable, Equatable {
    var actors: [String]
    var date: String
    var fatalities: Int?
    var geo_precision: Int?
    /// The event's own id (an ACLED event id) or `e-` and 16 hex digits of a hash of it.
    var id: String
    var location: PointEntry?
    var ongoing_at: String?
    var place: String?
    var type: String?
    var until: String?
    var what: String

    init(id: String, _ event: Exposure.CitedEvent) {
        actors = event.actors
        date = event.datePrecision.text(event.date)
        fatalities = event.fatalities
        geo_precision = event.geoPrecision
        self.id = id
        location = event.location.map(PointEntry.init)
        ongoing_at = event.ongoingAt?.description
        place = event.place
        type = event.type
        until = event.until?.description
        what = event.what
    }
}

/// A coordinate as reports write it.
struct PointEntry: Codable, Sendable, Equatable {
    var lat: Double
    var lon: Double

    init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    init(_ coordinate: Coordinate) {
        self.init(lat: coordinate.lat, lon: coordinate.lon)
    }
}

/// A finding's evidence item: the fact it cites and the date as it applies to this finding.
struct EvidenceReference: Codable, Sendable, Equatable {
    var date: String?
    var fact: String
}

/// A finding's cited event: which, and how far from the finding's site.
struct EventReference: Codable, Sendable, Equatable {
    var distance_km: Double?
    var event: String
}

/// Stable ids of facts and events: a 64-bit FNV-1a hash of their texts (the same bytes give the
/// same id in every run and every shard, so shard reports merge without renumbering).
enum TableID {
    static func fact(_ evidence: Evidence) -> String {
        var hash = FNV()
        hash.add(evidence.fact)
        if let reference = evidence.reference {
            hash.add(reference.source)
            hash.add(reference.title)
            hash.add(reference.date?.text)
            hash.add(reference.quote)
            hash.add(reference.url)
        }
        return hash.id(prefix: evidence.record, slash: true)
    }

    static func event(_ event: Exposure.CitedEvent) -> String {
        if let id = event.id, !id.isEmpty { return id }
        var hash = FNV()
        hash.add(event.datePrecision.text(event.date))
        hash.add(event.until?.description)
        hash.add(event.what)
        hash.add(event.place)
        hash.add(event.location.map { "\($0.lat),\($0.lon)" })
        hash.add(event.type)
        return hash.id(prefix: "e-")
    }

    /// A finding's evidence list (schema 3): `v-` and a hash of its items' fact ids and dates.
    static func evidenceList(_ items: [EvidenceReference]) -> String {
        var hash = FNV()
        for item in items {
            hash.add(item.fact)
            hash.add(item.date)
        }
        return hash.id(prefix: "v-")
    }

    /// A finding's recommendations (schema 3): `r-` and a hash of their texts.
    static func recommendationList(_ texts: [String]) -> String {
        var hash = FNV()
        for text in texts { hash.add(text) }
        return hash.id(prefix: "r-")
    }

    /// An exposure's distance bands (schema 3): `b-` and a hash of their numbers.
    static func bands(_ bands: [ExposureBand]) -> String {
        var hash = FNV()
        for band in bands {
            for number in [band.from_km, band.to_km] { hash.add(FixedPoint.text(number, places: 3)) }
            for count in [band.recent_events, band.recent_fatalities, band.older_events, band.older_fatalities] { hash.add(String(count)) }
        }
        return hash.id(prefix: "b-")
    }

    /// Whether a measure binds an entity (schema 3): `g-` and a hash of its members.
    static func binding(_ binding: BindingEntry) -> String {
        var hash = FNV()
        hash.add(binding.entity)
        for list in [binding.entity_regimes, binding.imposed_by, binding.regimes] {
            for item in list { hash.add(item) }
            hash.add(nil)
        }
        hash.add(binding.reason)
        hash.add(binding.status)
        return hash.id(prefix: "g-")
    }

    /// A step of an exposure path (schema 3): `p-` and a hash of its text.
    static func pathStep(_ text: String) -> String {
        var hash = FNV()
        hash.add(text)
        return hash.id(prefix: "p-")
    }

    private struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String?) {
            // A field separator that no text holds, and a mark for an absent field.
            guard var text else {
                byte(0x1E)
                return
            }
            // Over the contiguous bytes: a report hashes every cited fact's text.
            var hash = value
            text.withUTF8 { bytes in
                for unit in bytes { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
            }
            value = hash
            byte(0x1F)
        }

        private mutating func byte(_ unit: UInt8) {
            value = (value ^ UInt64(unit)) &* 0x0000_0100_0000_01B3
        }

        /// `prefix` and the hash as 16 lower-case hex digits, zero-padded, made in one
        /// allocation (a report makes an id for every fact, list and step it cites, several
        /// times a finding: `String(radix:)`, padding and concatenation cost more than the hash).
        /// With `slash`, a `/` between the prefix and the digits (a fact's `record/` id).
        func id(prefix: String, slash: Bool = false) -> String {
            var prefix = prefix
            return prefix.withUTF8 { head in
                let start = head.count + (slash ? 1 : 0)
                return String(unsafeUninitializedCapacity: start + 16) { buffer in
                    for (offset, byte) in head.enumerated() { buffer[offset] = byte }
                    if slash { buffer[head.count] = UInt8(ascii: "/") }
                    var rest = value
                    for position in stride(from: start + 15, through: start, by: -1) {
                        let digit = UInt8(truncatingIfNeeded: rest & 0xF)
                        buffer[position] = digit < 10 ? 0x30 + digit : 0x57 + digit
                        rest >>= 4
                    }
                    return start + 16
                }
            }
        }
    }
}

/// What one policy's reported findings cite, worked out on the core that checked it: the
/// references (for numbering), and the facts and events with their ids.
public struct CitedPart: Sendable {
    var references: [Reference] = []
    var facts: [(id: String, evidence: Evidence)] = []
    var events: [(id: String, event: Exposure.CitedEvent)] = []
    /// Schema 3's lists (evidence lists, recommendation lists, path steps), when wanted.
    var lists = CitedLists()

    /// The parts the findings cite, in order (findings in order, their evidence in order, then
    /// their exposure's events); `tables`: whether facts and events are wanted too; `lists`:
    /// whether schema 3's lists are.
    public init<Findings: Sequence<Finding>>(_ findings: Findings, tables: Bool, lists: Bool = false) {
        var items: [EvidenceReference] = []
        for finding in findings {
            // Each fact's id made once, for the facts table and the finding's evidence list.
            items.removeAll(keepingCapacity: true)
            for evidence in finding.evidence {
                if let reference = evidence.reference { references.append(reference) }
                guard tables || lists else { continue }
                let id = TableID.fact(evidence)
                if tables { facts.append((id, evidence)) }
                if lists { items.append(EvidenceReference(date: evidence.date, fact: id)) }
            }
            if tables, let exposure = finding.exposure {
                for event in exposure.events { events.append((TableID.event(event), event)) }
            }
            if lists { self.lists.add(finding, evidence: items) }
        }
    }
}

/// The lists of JSON schema 3 (docs/json-report.md): each finding's evidence list, its
/// recommendations and its exposure path's steps, each once, in order of first citation, with
/// their ids (`TableID`): a policy's as its findings cite them, or a run's.
struct CitedLists: Sendable {
    private(set) var evidence: [JSONReportV3.EvidenceListEntry] = []
    private(set) var recommendations: [JSONReportV3.RecommendationListEntry] = []
    private(set) var steps: [JSONReportV3.PathStepEntry] = []
    private(set) var bands: [JSONReportV3.BandsEntry] = []
    private(set) var bindings: [JSONReportV3.BindingTableEntry] = []
    /// Each message's parts around its subject's name (schema 4), each once.
    private(set) var messages: [[String]] = []
    /// Each entry's place in its own table, by its id (the ids' prefixes tell the tables apart).
    private(set) var places: [String: Int] = [:]
    private(set) var messagePlaces: [[String]: Int] = [:]

    /// Lists an entry under `id` unless it is listed: `table` is its table so far.
    private static func list<Entry>(_ id: String, in table: inout [Entry], _ places: inout [String: Int], _ entry: @autoclosure () -> Entry) {
        guard places[id] == nil else { return }
        places[id] = table.count
        table.append(entry())
    }

    private mutating func list(message parts: [String]) {
        guard messagePlaces[parts] == nil else { return }
        messagePlaces[parts] = messages.count
        messages.append(parts)
    }

    /// Lists what the finding cites that is not listed yet; `items`: its evidence as the list
    /// cites it (each line's fact id and date, made by the caller with the facts table's ids).
    mutating func add(_ finding: Finding, evidence items: [EvidenceReference]) {
        if !items.isEmpty {
            let id = TableID.evidenceList(items)
            Self.list(id, in: &evidence, &places, JSONReportV3.EvidenceListEntry(id: id, items: items))
        }
        if let exposure = finding.exposure {
            let entry = ExposureEntry<EventReference, [ExposureBand]>(exposure, events: []).bands
            let id = TableID.bands(entry)
            Self.list(id, in: &bands, &places, JSONReportV3.BandsEntry(bands: entry, id: id))
        }
        for step in finding.path {
            let id = TableID.pathStep(step)
            Self.list(id, in: &steps, &places, JSONReportV3.PathStepEntry(id: id, text: step))
        }
        if !finding.recommendations.isEmpty {
            let id = TableID.recommendationList(finding.recommendations)
            Self.list(id, in: &recommendations, &places, JSONReportV3.RecommendationListEntry(id: id, texts: finding.recommendations))
        }
        if let binding = finding.binding.map(BindingEntry.init) {
            let id = TableID.binding(binding)
            Self.list(id, in: &bindings, &places, JSONReportV3.BindingTableEntry(id: id, binding))
        }
        list(message: MessageParts.split(finding.message, at: finding.subjectName))
    }

    /// Lists what another part lists that is not listed yet (a policy's lists after the earlier ones').
    mutating func add(_ other: CitedLists) {
        for entry in other.evidence { Self.list(entry.id, in: &evidence, &places, entry) }
        for entry in other.bands { Self.list(entry.id, in: &bands, &places, entry) }
        for entry in other.steps { Self.list(entry.id, in: &steps, &places, entry) }
        for entry in other.recommendations { Self.list(entry.id, in: &recommendations, &places, entry) }
        for entry in other.bindings { Self.list(entry.id, in: &bindings, &places, entry) }
        for parts in other.messages { list(message: parts) }
    }
}
