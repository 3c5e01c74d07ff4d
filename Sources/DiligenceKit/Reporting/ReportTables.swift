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
        return evidence.record + "/" + hash.hex
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
        return "e-" + hash.hex
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

        var hex: String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }
}

/// What one policy's reported findings cite, worked out on the core that checked it: the
/// references (for numbering), and the facts and events with their ids.
public struct CitedPart: Sendable {
    var references: [Reference] = []
    var facts: [(id: String, evidence: Evidence)] = []
    var events: [(id: String, event: Exposure.CitedEvent)] = []

    /// The parts the findings cite, in order (findings in order, their evidence in order, then
    /// their exposure's events); `tables`: whether facts and events are wanted too.
    public init<Findings: Sequence<Finding>>(_ findings: Findings, tables: Bool) {
        for finding in findings {
            for evidence in finding.evidence {
                if let reference = evidence.reference { references.append(reference) }
                if tables { facts.append((TableID.fact(evidence), evidence)) }
            }
            if tables, let exposure = finding.exposure {
                for event in exposure.events { events.append((TableID.event(event), event)) }
            }
        }
    }
}
