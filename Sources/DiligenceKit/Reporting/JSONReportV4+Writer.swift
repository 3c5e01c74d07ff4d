/// Schema 4's findings written straight from the run's `Finding`s on the core that checked the
/// policy: each entry's bytes, with a hole where it cites a table entry by place (places are
/// numbered over the whole run, known once every earlier policy is cited). The ordered writer
/// only fills the holes (`ReportSection.text(_:)`). The entry is `JSONFinding` with `Holes` for
/// its references, written by its synthesised encoding: the members are schema 4's by
/// definition, and a hole filled with its place is the place `JSONReportV4.FindingEntry` writes.
extension JSONReportV4 {
    /// A policy's reported findings as a section of the findings array; `keys`: their table
    /// keys, in order, when the run made them (`FindingTableKeys`), else made here.
    static func section<Findings: Sequence<Finding>>(
        of findings: Findings, keys: [FindingTableKeys]? = nil, options: CheckOptions, policy: Int, asOf: String
    ) -> ReportSection {
        if let keys {
            // Written from each finding and its keys (`write(_:keys:options:policy:asOf:to:)`):
            // the entry's bytes, no entry made.
            return JSONStreamEncoder.section(depth: JSONReporter.findingsDepth, lineDepth: JSONReportV3.lineDepth) { encoder in
                // At most five holes a finding besides its steps and events.
                encoder.reserveHoles(keys.reduce(0) { $0 + $1.steps.count + $1.events.count + 5 })
                for (finding, keys) in zip(findings, keys) { write(finding, keys: keys, options: options, policy: policy, asOf: asOf, to: encoder) }
            }
        }
        let holes = Holing(policy: policy)
        return JSONStreamEncoder.section(
            findings: findings.lazy.map { JSONFinding($0, options, holes, asOf: asOf) }, depth: JSONReporter.findingsDepth,
            lineDepth: JSONReportV3.lineDepth)
    }

    /// `Holing` for one finding whose table keys are made (`FindingTableKeys`): the holes by
    /// those keys, no hash made again. A part the keys do not hold (never for keys made of
    /// the same finding) is hashed as `Holing` hashes it.
    struct KeyedHoling: FindingReferencing {
        typealias Target = Holes
        var policy: Int
        var keys: FindingTableKeys

        private var holing: Holing { Holing(policy: policy) }

        func binding(_ binding: DiligenceKit.Binding) -> Hole { keys.binding.map { Hole(key: .binding($0)) } ?? holing.binding(binding) }
        func evidence(_ lines: [Evidence]) -> Hole? {
            guard !lines.isEmpty else { return nil }
            return keys.evidence.map { Hole(key: .evidence($0.hash)) } ?? holing.evidence(lines)
        }
        func event(_ event: Exposure.CitedEvent) -> EventHole { holing.event(event) }
        func events(_ events: [Exposure.CitedEvent]) -> [EventHole] {
            guard keys.events.count == events.count else { return events.map(holing.event) }
            return zip(events, keys.events).map { event, key in
                EventHole(distance_km: event.distanceKm.map(ExposureRounding.km), event: Hole(key: .event(key)))
            }
        }
        func bands(_ bands: [Exposure.Band]) -> Hole { keys.bands.map { Hole(key: .bands($0)) } ?? holing.bands(bands) }
        func message(_ message: String, name: String) -> Hole { Hole(key: .message(keys.message)) }
        func step(_ step: String) -> Hole { holing.step(step) }
        func path(_ steps: [String]) -> [Hole] {
            guard keys.steps.count == steps.count else { return steps.map(holing.step) }
            return keys.steps.map { Hole(key: .step($0)) }
        }
        func policy(_ policy: String) -> Int { self.policy }
        func recommendations(_ texts: [String]) -> Hole? {
            guard !texts.isEmpty else { return nil }
            return keys.recommendations.map { Hole(key: .recommendations($0)) } ?? holing.recommendations(texts)
        }
    }

    /// Schema 4's references while a check writes them: holes the ordered writer fills with places.
    enum Holes: ListReferences {
        typealias List = Hole
        typealias Event = EventHole
        typealias Message = Hole
        typealias Policy = Int

        static let leftOut = ByPlace.leftOut
    }

    /// Where a place goes, and which table entry's (by schema 3's id, or the message's parts).
    struct Hole: Encodable, Sendable, Equatable {
        var key: TableKey

        /// Leaves the hole in a `JSONStreamEncoder`'s text; no other encoder can write it.
        func encode(to encoder: any Encoder) throws {
            guard let stream = encoder as? JSONStreamEncoder else {
                throw EncodingError.invalidValue(
                    key, EncodingError.Context(codingPath: encoder.codingPath, debugDescription: "a table place before it is known"))
            }
            stream.hole(key)
        }
    }

    /// A cited event of an exposure: its distance and a hole for its place in `events`.
    struct EventHole: Encodable, Sendable, Equatable {
        var distance_km: Double?
        var event: Hole
    }

    /// Schema 2's references as holes, or a finding's made as holes directly (what a check
    /// writes: no schema 2 entry made first, no fact id made for the holes): each list by the
    /// hash of its schema 3 id, each event by its id, the message by its parts around the
    /// subject's name. A test compares the two ways.
    struct Holing: FindingConversion, FindingReferencing {
        typealias Source = JSONReport.Inline
        typealias Target = Holes
        typealias Failure = Never
        /// The policy's place in the run.
        var policy: Int

        func binding(_ binding: BindingEntry) -> Hole { Hole(key: .binding(TableID.bindingHash(binding))) }
        func evidence(_ evidence: [EvidenceReference]?) -> Hole? {
            guard let evidence, !evidence.isEmpty else { return nil }
            return Hole(key: .evidence(TableID.evidenceListHash(evidence)))
        }
        func event(_ event: EventReference) -> EventHole { EventHole(distance_km: event.distance_km, event: Hole(key: .event(HashedText(event.event)))) }
        func bands(_ bands: [ExposureBand]) -> Hole { Hole(key: .bands(TableID.bandsHash(bands))) }
        func message(_ message: String, name: String) -> Hole { Hole(key: .message(TableID.messageHash(message, name: name))) }
        func step(_ step: String) -> Hole { Hole(key: .step(TableID.pathStepHash(step))) }
        func policy(_ policy: String) -> Int { self.policy }
        func recommendations(_ recommendations: [String]?) -> Hole? {
            guard let recommendations, !recommendations.isEmpty else { return nil }
            return Hole(key: .recommendations(TableID.recommendationListHash(recommendations)))
        }

        // From the finding itself: the same hashes, from the memos the run's tables use.
        func binding(_ binding: DiligenceKit.Binding) -> Hole { Hole(key: .binding(TableID.bindingHash(binding))) }
        func evidence(_ lines: [Evidence]) -> Hole? {
            lines.isEmpty ? nil : Hole(key: .evidence(EvidenceLists.shared.info(of: lines).hash))
        }
        func event(_ event: Exposure.CitedEvent) -> EventHole {
            EventHole(distance_km: event.distanceKm.map(ExposureRounding.km), event: Hole(key: .event(TableID.eventKey(event))))
        }
        func bands(_ bands: [Exposure.Band]) -> Hole { Hole(key: .bands(TableID.bandsHash(bands))) }
        func recommendations(_ texts: [String]) -> Hole? { recommendations(Optional(texts)) }
    }
}

/// A table entry a schema 4 section cites by place: a list by the hash of its schema 3 id
/// (evidence list, bands, path step, recommendation list, binding: `TableID`'s hashes, no id
/// text made), an event by its id, a message by the hash of its parts (`TableID.messageHash`).
enum TableKey: Sendable, Hashable {
    case evidence(UInt64)
    case bands(UInt64)
    case step(UInt64)
    case recommendations(UInt64)
    case binding(UInt64)
    case event(HashedText)
    case message(UInt64)

    /// The entry's place in the run's tables (-1: not listed, never for a run's own findings).
    func place(in citations: Citations) -> Int {
        switch self {
        case .evidence(let hash): return citations.lists.evidenceTable.place(hash) ?? -1
        case .bands(let hash): return citations.lists.bandTable.place(hash) ?? -1
        case .step(let hash): return citations.lists.stepTable.place(hash) ?? -1
        case .recommendations(let hash): return citations.lists.recommendationTable.place(hash) ?? -1
        case .binding(let hash): return citations.lists.bindingTable.place(hash) ?? -1
        case .event(let id): return citations.eventPlaces[id] ?? -1
        case .message(let hash): return citations.lists.messageTable.place(hash) ?? -1
        }
    }
}
