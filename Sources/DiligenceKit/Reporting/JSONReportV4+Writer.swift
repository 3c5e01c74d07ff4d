/// Schema 4's findings written straight from the run's `Finding`s on the core that checked the
/// policy: each entry's bytes, with a hole where it cites a table entry by place (places are
/// numbered over the whole run, known once every earlier policy is cited). The ordered writer
/// only fills the holes (`ReportSection.text(_:)`); no schema 1 or 3 entry is made in between.
/// The bytes are those of `JSONReportV4.FindingEntry`'s encoding (tests compare the two).
extension JSONReportV4 {
    /// A policy's reported findings as a section of the findings array.
    static func section<Findings: Sequence<Finding>>(of findings: Findings, options: CheckOptions, policy: Int, asOf: String) -> ReportSection {
        var writer = PlacedWriter(JSONWriter(insideArrayAt: JSONReporter.findingsDepth, hasMembers: false, capacity: 16_384, lineDepth: JSONReportV3.lineDepth))
        var any = false
        for finding in findings {
            any = true
            writer.write(finding, options: options, policy: policy, asOf: asOf)
        }
        guard any else { return ReportSection(separator: ",") }
        return writer.section()
    }
}

/// A JSON writer that leaves holes for table places (`TableKey`), as a `ReportSection`.
private struct PlacedWriter {
    let encoder: JSONStreamEncoder
    var offsets: [Int] = []
    var keys: [TableKey] = []

    init(_ writer: JSONWriter) {
        encoder = JSONStreamEncoder(writer)
    }

    /// A value that is the key's place: the separator before it, then a hole.
    mutating func hole(_ key: TableKey) {
        encoder.writer.valueStart()
        offsets.append(encoder.writer.byteCount)
        keys.append(key)
    }

    mutating func hole(_ name: String, _ key: TableKey) {
        encoder.writer.key(name)
        hole(key)
    }

    mutating func section() -> ReportSection {
        ReportSection(encoder.writer.takeText(), places: keys, at: offsets, separator: ",")
    }

    /// One finding's entry: the members of `JSONReportV4.FindingEntry` in key order.
    mutating func write(_ finding: Finding, options: CheckOptions, policy: Int, asOf: String) {
        let open = encoder.writer.depth
        let writer = encoder
        writer.writer.beginObject()
        if let accepted = finding.accepted {
            writer.writer.key("accepted")
            writer.encodeValue(JSONReport.AcceptedEntry(accepted))
        }
        writer.writer.optional("baseline", options.isNew(finding).map { $0 ? "new" : "unchanged" })
        if let binding = finding.binding { hole("binding", .binding(TableID.bindingHash(binding))) }
        let change = options.comparison.flatMap { comparison in comparison.change(of: finding).map { (comparison, $0) } }
        if let change { writer.writer.strings("caused_by", change.1.causes.map(change.0.label(of:))) }
        writer.writer.optional("change", change?.1.kind.rawValue)
        writer.writer.integer("column", finding.column)
        if !finding.evidence.isEmpty { hole("evidence", .evidence(EvidenceLists.shared.info(of: finding.evidence).hash)) }
        let severity = finding.severity.name
        if let exposure = finding.exposure { write(exposure, rule: finding.rule, severity: severity, subject: finding.subject, asOf: asOf) }
        writer.writer.strings("factors", finding.factors)
        writer.writer.string("gate", options.failsGate(finding) ? "fail" : "pass")
        let identity = finding.identity.description
        if identity != JSONReportV3.FindingEntry.derivedID(rule: finding.rule, subject: finding.subject, factors: finding.factors) {
            writer.writer.string("id", identity)
        }
        writer.writer.integer("line", finding.line)
        hole("message", .message(MessageParts.split(finding.message, at: finding.subjectName)))
        writer.writer.key("path")
        writer.writer.beginArray()
        for step in finding.path { hole(.step(TableID.pathStepHash(step))) }
        writer.writer.endArray()
        writer.writer.integer("policy", policy)
        if !finding.recommendations.isEmpty { hole("recommendations", .recommendations(TableID.recommendationListHash(finding.recommendations))) }
        writer.writer.string("rule", finding.rule)
        writer.writer.string("severity", severity)
        writer.writer.string("subject", finding.subject)
        writer.writer.string("subject_kind", finding.subjectKind.rawValue)
        if finding.subjectName != finding.subject { writer.writer.string("subject_name", finding.subjectName) }
        writer.writer.endObject()
        writer.close(downTo: open)
    }

    /// The exposure member: schema 4's `ExposureEntry<EventPlace, Int>`, in key order.
    private mutating func write(_ exposure: Exposure, rule: String, severity: String, subject: String, asOf: String) {
        let entry = ExposureEntry<EventReference, [ExposureBand]>(exposure, events: [])
        let writer = encoder
        writer.writer.key("exposure")
        writer.writer.beginObject()
        writer.writer.optional("area", entry.area)
        writer.writer.optional("area_edge_km", entry.area_edge_km)
        writer.writer.optional("band", entry.band)
        hole("bands", .bands(TableID.bandsHash(exposure.bands)))
        if let destination = entry.destination {
            writer.writer.key("destination")
            writer.encodeValue(destination)
        }
        writer.writer.optional("distance_km", entry.distance_km)
        writer.writer.key("events")
        writer.writer.beginArray()
        for event in exposure.events {
            writer.writer.beginObject()
            writer.writer.optional("distance_km", event.distanceKm.map(ExposureRounding.km))
            hole("event", .event(TableID.event(event)))
            writer.writer.endObject()
        }
        writer.writer.endArray()
        if let notCited = entry.events_not_cited, notCited != 0 { writer.writer.integer("events_not_cited", notCited) }
        if let location = entry.location {
            writer.writer.key("location")
            writer.encodeValue(location)
        }
        if entry.reference != asOf { writer.writer.optional("reference", entry.reference) }
        if entry.rule != rule { writer.writer.optional("rule", entry.rule) }
        if entry.severity != severity { writer.writer.optional("severity", entry.severity) }
        if let steps = entry.steps {
            writer.writer.key("steps")
            writer.encodeValue(steps)
        }
        if entry.subject != subject { writer.writer.optional("subject", entry.subject) }
        writer.writer.optional("target", entry.target)
        writer.writer.optional("to", entry.to)
        writer.writer.optional("window", entry.window)
        writer.writer.endObject()
    }
}

/// A table entry a schema 4 section cites by place: a list by the hash of its schema 3 id
/// (evidence list, bands, path step, recommendation list, binding: `TableID`'s hashes, no id
/// text made), an event by its id, a message by its parts.
enum TableKey: Sendable {
    case evidence(UInt64)
    case bands(UInt64)
    case step(UInt64)
    case recommendations(UInt64)
    case binding(UInt64)
    case event(String)
    case message([String])

    /// The entry's place in the run's tables (-1: not listed, never for a run's own findings).
    func place(in citations: Citations) -> Int {
        switch self {
        case .evidence(let hash): return citations.lists.evidenceTable.places[hash] ?? -1
        case .bands(let hash): return citations.lists.bandTable.places[hash] ?? -1
        case .step(let hash): return citations.lists.stepTable.places[hash] ?? -1
        case .recommendations(let hash): return citations.lists.recommendationTable.places[hash] ?? -1
        case .binding(let hash): return citations.lists.bindingTable.places[hash] ?? -1
        case .event(let id): return citations.eventPlaces[id] ?? -1
        case .message(let parts): return citations.lists.messagePlaces[parts] ?? -1
        }
    }
}
