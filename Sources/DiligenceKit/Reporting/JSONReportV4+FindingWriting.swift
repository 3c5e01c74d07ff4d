/// Schema 4's finding written straight from the run's `Finding` and its table keys: the bytes
/// `JSONFinding(finding, options, KeyedHoling(policy:keys:), asOf:).write(to:)` writes, member
/// by member, without making the entry (its texts, arrays and exposure copied in, then
/// released: 36 M instructions on 200 heavy files, a third of the findings' section). The
/// members are `JSONFinding`'s (the one definition, in key order); each is written where that
/// entry holds it, and left out where that entry leaves it out (`ImpliedMembers`: schema 4's
/// `restating` and `documentImplied`). A test compares the two for every shipped finding
/// under several option sets.
extension JSONReportV4 {
    /// Writes the finding's entry where the encoder's writer stands (an element of the
    /// findings array).
    static func write(_ finding: Finding, keys: FindingTableKeys, options: CheckOptions, policy: Int, asOf: String, to encoder: JSONStreamEncoder) {
        let holing = KeyedHoling(policy: policy, keys: keys)
        encoder.writer.beginObject()
        if let accepted = finding.accepted {
            encoder.writer.key(known: "accepted")
            encoder.writer.beginObject()
            encoder.writer.string(known: "approved_by", accepted.approvedBy)
            encoder.writer.string(known: "expires", accepted.expires.description)
            encoder.writer.integer(known: "line", accepted.line)
            encoder.writer.string(known: "reason", accepted.reason)
            encoder.writer.endObject()
        }
        if let isNew = options.isNew(finding) { encoder.writer.string(known: "baseline", isNew ? "new" : "unchanged") }
        if let binding = finding.binding {
            encoder.writer.key(known: "binding")
            encoder.hole(holing.binding(binding).key)
        }
        if let comparison = options.comparison, let change = comparison.change(of: finding) {
            encoder.writer.strings(known: "caused_by", change.causes.map(comparison.label(of:)))
            encoder.writer.string(known: "change", change.kind.rawValue)
        }
        encoder.writer.integer(known: "column", finding.column)
        if let evidence = holing.evidence(finding.evidence) {
            encoder.writer.key(known: "evidence")
            encoder.hole(evidence.key)
        }
        if let exposure = finding.exposure {
            encoder.writer.key(known: "exposure")
            write(exposure, of: finding, holing: holing, asOf: asOf, to: encoder)
        }
        encoder.writer.strings(known: "factors", finding.factors)
        encoder.writer.string(known: "gate", plain: options.failsGate(finding) ? "fail" : "pass")
        // Left out where it is `rule/subject` and the first factor (`JSONFinding.init`, `leaveOut`).
        if !Self.identityFactorIsFirst(finding) {
            let id = finding.identity.description
            if id != JSONFinding<Holes>.derivedID(rule: finding.rule, subject: finding.subject, factors: finding.factors) {
                encoder.writer.string(known: "id", id)
            }
        }
        encoder.writer.integer(known: "line", finding.line)
        encoder.writer.key(known: "message")
        encoder.hole(holing.message(finding.message, name: finding.subjectName).key)
        encoder.writer.key(known: "path")
        encoder.writer.beginArray()
        // The steps' keys read in place (`holing.path` made an array of holes a finding).
        if keys.steps.count == finding.path.count {
            for hash in keys.steps { encoder.hole(.step(hash)) }
        } else {
            for step in finding.path { encoder.hole(holing.step(step).key) }
        }
        encoder.writer.endArray()
        encoder.writer.integer(known: "policy", policy)
        if let recommendations = holing.recommendations(finding.recommendations) {
            encoder.writer.key(known: "recommendations")
            encoder.hole(recommendations.key)
        }
        encoder.writer.string(known: "rule", finding.rule.rawValue)
        encoder.writer.string(known: "severity", plain: Self.plainName(finding.severity))
        encoder.writer.string(known: "subject", finding.subject)
        encoder.writer.string(known: "subject_kind", finding.subjectKind.rawValue)
        if finding.subjectName != finding.subject { encoder.writer.string(known: "subject_name", finding.subjectName) }
        encoder.writer.endObject()
    }

    /// `severity.name` as the program holds it (`JSONWriter.string(known:plain:)`: no scan for
    /// characters to escape; a test compares the two for every severity).
    static func plainName(_ severity: Severity) -> StaticString {
        switch severity {
        case .info: return "info"
        case .low: return "low"
        case .medium: return "medium"
        case .high: return "high"
        case .critical: return "critical"
        }
    }

    /// `finding.identityFactor == finding.factors.first`, a copy of one text (a rule's
    /// finding names its factor's id in both) told by its representation.
    static func identityFactorIsFirst(_ finding: Finding) -> Bool {
        if let factor = finding.identityFactor, let first = finding.factors.first, ExactText.sameRepresentation(factor, first) { return true }
        return finding.identityFactor == finding.factors.first
    }

    /// The exposure's entry (`ExposureEntry.init(_:events:bands:)` with schema 4's holes, then
    /// `leaveOut`, then `write(to:)`).
    private static func write(_ exposure: Exposure, of finding: Finding, holing: KeyedHoling, asOf: String, to encoder: JSONStreamEncoder) {
        encoder.writer.beginObject()
        encoder.writer.optional(known: "area", exposure.area)
        encoder.writer.optional(known: "area_edge_km", exposure.areaEdgeKm.map(ExposureRounding.km))
        encoder.writer.optional(known: "band", exposure.band)
        encoder.writer.key(known: "bands")
        encoder.hole(holing.bands(exposure.bands).key)
        if let destination = exposure.destination {
            encoder.writer.key(known: "destination")
            encoder.writer.beginObject()
            encoder.writer.string(known: "city", destination.city)
            encoder.writer.string(known: "country", destination.country.code)
            encoder.writer.optional(known: "frequency", destination.frequency)
            encoder.writer.string(known: "name", destination.name)
            encoder.writer.string(known: "source", destination.source)
            if !destination.transit.isEmpty { encoder.writer.strings(known: "transit", destination.transit.map(\.code)) }
            encoder.writer.optional(known: "travellers", destination.travellers)
            encoder.writer.endObject()
        }
        encoder.writer.optional(known: "distance_km", exposure.distanceKm.map(ExposureRounding.km))
        encoder.writer.key(known: "events")
        encoder.writer.beginArray()
        let keys = holing.keys.events
        for index in exposure.events.indices {
            let event = exposure.events[index]
            encoder.writer.beginObject()
            encoder.writer.optional(known: "distance_km", event.distanceKm.map(ExposureRounding.km))
            encoder.writer.key(known: "event")
            encoder.hole(keys.count == exposure.events.count ? .event(keys[index]) : .event(TableID.eventKey(event)))
            encoder.writer.endObject()
        }
        encoder.writer.endArray()
        if exposure.eventsNotCited != 0 { encoder.writer.integer(known: "events_not_cited", exposure.eventsNotCited) }
        if let location = exposure.location {
            encoder.writer.point(known: "location", lat: location.lat, lon: location.lon)
        }
        if let reference = exposure.reference?.description, reference != asOf { encoder.writer.string(known: "reference", reference) }
        if exposure.rule != finding.rule { encoder.writer.string(known: "rule", exposure.rule.rawValue) }
        let severity = exposure.severity.name
        if severity != finding.severity.name { encoder.writer.string(known: "severity", severity) }
        if !exposure.steps.isEmpty {
            encoder.writer.key(known: "steps")
            encoder.writer.beginArray()
            for step in exposure.steps {
                encoder.writer.beginObject()
                encoder.writer.integer(known: "levels", step.levels)
                encoder.writer.string(known: "reason", step.reason)
                encoder.writer.endObject()
            }
            encoder.writer.endArray()
        }
        if exposure.subject != finding.subject { encoder.writer.string(known: "subject", exposure.subject) }
        encoder.writer.optional(known: "target", exposure.target)
        encoder.writer.optional(known: "to", exposure.to)
        encoder.writer.optional(known: "window", exposure.window)
        encoder.writer.endObject()
    }
}
