/// The JSON report of schema version 1, kept byte for byte behind `--json-schema-version 1` for
/// a deprecation period (docs/json-report.md): every finding carries its evidence and events
/// in full. Only the members that differ from schema 2 are defined here.
enum JSONReportV1 {
    struct Document<Findings: Codable & Sendable>: Codable, Sendable {
        var as_of: String
        var database: JSONReport.Database
        var findings: Findings
        var policies: [JSONReport.PolicyEntry]
        var schema_version = 1
        var summary: JSONReport.Summary
        var tool: JSONReport.Tool

        /// Schema 1 of a schema 2 document (which holds everything it needs but the findings).
        init<Other>(_ document: JSONReport.Document<Other>, findings: Findings) {
            as_of = document.as_of
            database = document.database
            self.findings = findings
            policies = document.policies
            summary = document.summary
            tool = document.tool
        }
    }

    struct FindingEntry: Codable, Sendable {
        /// Always written: null when no accepted risk covers the finding.
        var accepted: Nullable<JSONReport.AcceptedEntry>
        var baseline: String?
        var column: Int
        var evidence: [EvidenceEntry]
        var exposure: ExposureEntry<Event, [ExposureBand]>?
        var factors: [String]
        var gate: String
        var id: String
        var line: Int
        var message: String
        var path: [String]
        var policy: String
        var recommendations: [String]
        var rule: RuleID
        var severity: String
        var subject: String
        var subject_kind: String
        var subject_name: String

        init(_ finding: Finding, _ options: CheckOptions) {
            accepted = Nullable(finding.accepted.map(JSONReport.AcceptedEntry.init))
            baseline = options.isNew(finding).map { $0 ? "new" : "unchanged" }
            column = finding.column
            evidence = finding.evidence.map(EvidenceEntry.init)
            // Schema 1 keeps its members: the travel destination and the steps are schema 2's.
            exposure = finding.exposure.map { exposure in
                var entry = ExposureEntry(exposure, events: exposure.events.map(Event.init))
                entry.destination = nil
                entry.steps = nil
                return entry
            }
            factors = finding.factors
            gate = options.failsGate(finding) ? "fail" : "pass"
            id = finding.identity.description
            line = finding.line
            message = finding.message
            path = finding.path
            policy = finding.policy
            recommendations = finding.recommendations
            rule = finding.rule
            severity = finding.severity.name
            subject = finding.subject
            subject_kind = finding.subjectKind.rawValue
            subject_name = finding.subjectName
        }
    }

    struct EvidenceEntry: Codable, Sendable, Equatable {
        var date: String?
        var fact: String
        var quote: String?
        var record: String
        var source: String?
        var source_date: String?
        var title: String?
        var url: String?

        init(_ evidence: Evidence) {
            date = evidence.date
            fact = evidence.fact
            quote = evidence.reference?.quote
            record = evidence.record
            source = evidence.reference?.source
            source_date = evidence.reference?.date?.text
            title = evidence.reference?.title
            url = evidence.reference?.url
        }
    }

    /// A cited event in full, with its distance from the finding's site.
    struct Event: Codable, Sendable, Equatable {
        var actors: [String]
        var date: String
        var distance_km: Double?
        var fatalities: Int?
        var geo_precision: Int?
        var id: String?
        var location: PointEntry?
        var ongoing_at: String?
        var place: String?
        var type: String?
        var until: String?
        var what: String

        init(_ event: Exposure.CitedEvent) {
            actors = event.actors
            date = event.datePrecision.text(event.date)
            distance_km = event.distanceKm.map(ExposureRounding.km)
            fatalities = event.fatalities
            geo_precision = event.geoPrecision
            id = event.id
            location = event.location.map(PointEntry.init)
            ongoing_at = event.ongoingAt?.description
            place = event.place
            type = event.type
            until = event.until?.description
            what = event.what
        }
    }
}

/// An optional written as `null` when absent (the synthesised encoding leaves it out).
struct Nullable<Wrapped: Codable & Sendable>: Codable, Sendable {
    var value: Wrapped?

    init(_ value: Wrapped?) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(Wrapped.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
