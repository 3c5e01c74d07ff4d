/// A finding of the JSON report in schemas 2, 3 and 4: the one definition of its members
/// (docs/json-report.md). The schemas carry the same members and differ only in how a finding
/// refers to what the document's tables hold (`Refs`: inline in schema 2, content-hash ids in
/// schema 3, places in schema 4, holes for places while a check writes schema 4) and in which
/// members they leave out because the rest of the finding or the document implies them
/// (`Refs.leftOut`). The synthesised `Codable` conformance writes every schema (members in
/// declaration order, which is byte order of the keys) and reads schemas 3 and 4 back
/// (baselines, `report expand`, `report merge`); `converted(_:asOf:)` turns one schema's entry
/// into another's, member by member, through a `FindingConversion` of the references.
///
/// To add a member to a finding: one property here (in key order), its value in
/// `init(_:_:)` and its copy in `converted(_:asOf:)`, all in this file. Schema 1 is frozen
/// (`JSONReportV1.FindingEntry`): a new member does not go into it.
struct JSONFinding<Refs: FindingReferences>: Encodable, Sendable, Equatable {
    /// Present when an accepted risk covers the finding.
    var accepted: JSONReport.AcceptedEntry?
    /// "new" or "unchanged" when the run has a baseline; absent otherwise.
    var baseline: String?
    /// Whether the measure binds the entity (trade, financial and listed-counterparty findings).
    var binding: Refs.Binding?
    /// The ids (`C1`, ...) of the document's `changes.causes` behind the change; with `change` only.
    var caused_by: [String]?
    /// With a comparison: "new", "escalated", "de-escalated" or "updated"; absent when unchanged.
    var change: String?
    var column: Int
    /// Schema 2: always written (`[]`: none); schemas 3 and 4: absent when there is none.
    var evidence: Refs.Evidence?
    var exposure: ExposureEntry<Refs.Event, Refs.Bands>?
    var factors: [String]
    var gate: String
    /// Schemas 3 and 4: absent when it is `rule/subject` and the first factor, if any (`derivedID`).
    var id: String?
    var line: Int
    var message: Refs.Message
    /// The exposure path's steps.
    var path: [Refs.Step]
    var policy: Refs.Policy
    /// Schema 2: always written (`[]`: none); schemas 3 and 4: absent when there are none.
    var recommendations: Refs.Recommendations?
    var rule: RuleID
    var severity: String
    var subject: String
    var subject_kind: String
    /// Schema 4: absent when it is the `subject`.
    var subject_name: String?

    /// The identity a finding without `id` has: `rule/subject`, and `/factor` of its first factor.
    static func derivedID(rule: RuleID, subject: String, factors: [String]) -> String {
        factors.first.map { "\(rule)/\(subject)/\($0)" } ?? "\(rule)/\(subject)"
    }

    /// The finding's identity, written or derived.
    var identity: String { id ?? Self.derivedID(rule: rule, subject: subject, factors: factors) }

    /// The name the finding's message is written around (schema 4 splits the message at it).
    var name: String { subject_name ?? subject }
}

extension JSONFinding: Decodable where Refs: ReadableReferences {}

/// How a schema's finding refers to the document's tables: the type of each member that does.
protocol FindingReferences: Sendable {
    associatedtype Binding: Encodable & Sendable & Equatable
    associatedtype Evidence: Encodable & Sendable & Equatable
    /// What an exposure holds of each cited event.
    associatedtype Event: Encodable & Sendable & Equatable
    /// What an exposure holds of its distance bands.
    associatedtype Bands: Encodable & Sendable & Equatable
    associatedtype Message: Encodable & Sendable & Equatable
    /// What the path holds of each step.
    associatedtype Step: Encodable & Sendable & Equatable
    associatedtype Policy: Encodable & Sendable & Equatable
    associatedtype Recommendations: Encodable & Sendable & Equatable

    /// The members the schema leaves out where the finding or the document implies them.
    static var leftOut: ImpliedMembers { get }
}

/// References a report can be read back with (all but the holes of a schema 4 writer).
protocol ReadableReferences: FindingReferences
where
    Binding: Decodable, Evidence: Decodable, Event: Decodable, Bands: Decodable, Message: Decodable, Step: Decodable,
    Policy: Decodable, Recommendations: Decodable
{}

/// References of a schema that names every list the same way (by an id, a place or a hole):
/// its binding, evidence list, bands, path steps and recommendation list are each a `List`.
protocol ListReferences: FindingReferences
where Binding == List, Evidence == List, Bands == List, Step == List, Recommendations == List {
    associatedtype List: Encodable & Sendable & Equatable
}

/// Members a schema leaves out because another member or the document says the same.
struct ImpliedMembers: OptionSet, Sendable {
    let rawValue: Int

    /// What restates the finding's other members (schemas 3 and 4): an `id` that is the
    /// derived identity, and the exposure's `rule`, `severity` and `subject` when they are the finding's.
    static let restating = ImpliedMembers(rawValue: 1)
    /// What the document or the finding already says (schema 4): the exposure's `reference`
    /// when it is the document's `as_of`, its `events_not_cited` when 0, and `subject_name`
    /// when it is the `subject`.
    static let documentImplied = ImpliedMembers(rawValue: 2)
}

/// Turns one schema's references into another's: what `JSONFinding.converted(_:asOf:)`
/// applies to each member that refers to a table. `Failure`: a reference its table lacks.
protocol FindingConversion {
    associatedtype Source: FindingReferences
    associatedtype Target: FindingReferences
    associatedtype Failure: Error

    func binding(_ binding: Source.Binding) throws(Failure) -> Target.Binding
    /// The evidence (nil: none, as the source writes it) as the target writes it.
    func evidence(_ evidence: Source.Evidence?) throws(Failure) -> Target.Evidence?
    func event(_ event: Source.Event) throws(Failure) -> Target.Event
    func bands(_ bands: Source.Bands) throws(Failure) -> Target.Bands
    /// The message, written around the finding's subject `name`.
    func message(_ message: Source.Message, name: String) throws(Failure) -> Target.Message
    func step(_ step: Source.Step) throws(Failure) -> Target.Step
    func policy(_ policy: Source.Policy) throws(Failure) -> Target.Policy
    /// The recommendations (nil: none, as the source writes them) as the target writes them.
    func recommendations(_ recommendations: Source.Recommendations?) throws(Failure) -> Target.Recommendations?
}

/// Makes a schema's references straight from a run's `Finding`: what `JSONFinding.init(_:_:_:asOf:)`
/// applies to each member that refers to a table (schema 2's inline lists, or the holes a
/// check leaves for schema 4's places), so that a finding's entry is made once, not made in
/// schema 2 and converted.
protocol FindingReferencing {
    associatedtype Target: FindingReferences

    func binding(_ binding: Binding) -> Target.Binding
    /// The evidence lines (none: `[]`) as the target writes them (nil: left out).
    func evidence(_ lines: [Evidence]) -> Target.Evidence?
    func event(_ event: Exposure.CitedEvent) -> Target.Event
    func bands(_ bands: [Exposure.Band]) -> Target.Bands
    /// The message, written around the finding's subject `name`.
    func message(_ message: String, name: String) -> Target.Message
    func step(_ step: String) -> Target.Step
    func policy(_ policy: String) -> Target.Policy
    /// The recommendations (none: `[]`) as the target writes them (nil: left out).
    func recommendations(_ texts: [String]) -> Target.Recommendations?
    /// The exposure's cited events, in order (each by `event(_:)` unless the referencing knows them).
    func events(_ events: [Exposure.CitedEvent]) -> [Target.Event]
    /// The path's steps, in order (each by `step(_:)` unless the referencing knows them).
    func path(_ steps: [String]) -> [Target.Step]
}

extension FindingReferencing {
    func events(_ events: [Exposure.CitedEvent]) -> [Target.Event] { events.map(event) }
    func path(_ steps: [String]) -> [Target.Step] { steps.map(step) }
}

extension JSONReport {
    /// Schema 2's references made from a finding: its lists in full, facts and events by id.
    struct Inlining: FindingReferencing {
        typealias Target = Inline

        func binding(_ binding: DiligenceKit.Binding) -> BindingEntry { BindingEntry(binding) }
        func evidence(_ lines: [DiligenceKit.Evidence]) -> [EvidenceReference]? {
            lines.map { EvidenceReference(date: $0.date, fact: TableID.fact($0)) }
        }
        func event(_ event: Exposure.CitedEvent) -> EventReference {
            EventReference(distance_km: event.distanceKm.map(ExposureRounding.km), event: TableID.event(event))
        }
        func bands(_ bands: [Exposure.Band]) -> [ExposureBand] { bands.map(ExposureBand.init) }
        func message(_ message: String, name: String) -> String { message }
        func step(_ step: String) -> String { step }
        func policy(_ policy: String) -> String { policy }
        func recommendations(_ texts: [String]) -> [String]? { texts }
    }
}

extension JSONFinding where Refs == JSONReport.Inline {
    /// A finding's schema 2 entry, every other schema's starting point: whether it fails the
    /// gate and is new since the baseline follow the options.
    init(_ finding: Finding, _ options: CheckOptions) {
        self.init(finding, options, JSONReport.Inlining(), asOf: options.asOf.description)  // Schema 2 leaves nothing out: not made.
    }
}

extension JSONFinding {
    /// A finding's entry in the schema of `references`, which make each reference from the
    /// finding; the members the schema leaves out (`Refs.leftOut`, `asOf`: the document's
    /// date) are left out. Whether it fails the gate and is new since the baseline follow the options.
    init<Referencing: FindingReferencing>(
        _ finding: Finding, _ options: CheckOptions, _ references: Referencing, asOf: @autoclosure () -> String
    ) where Referencing.Target == Refs {
        let change = options.comparison.flatMap { comparison in comparison.change(of: finding).map { (comparison, $0) } }
        // The identity is left out where it is derived (`leaveOut`): `rule/subject` and the
        // first factor, the same text exactly when its factor is the first (no texts made to
        // compare them).
        let derived = Refs.leftOut.contains(.restating) && finding.identityFactor == finding.factors.first
        let exposure = finding.exposure.map { exposure in
            ExposureEntry(exposure, events: references.events(exposure.events), bands: references.bands(exposure.bands))
        }
        self.init(
            accepted: finding.accepted.map(JSONReport.AcceptedEntry.init), baseline: options.isNew(finding).map { $0 ? "new" : "unchanged" },
            binding: finding.binding.map(references.binding), caused_by: change.map { comparison, change in change.causes.map(comparison.label(of:)) },
            change: change?.1.kind.rawValue, column: finding.column, evidence: references.evidence(finding.evidence), exposure: exposure,
            factors: finding.factors, gate: options.failsGate(finding) ? "fail" : "pass", id: derived ? nil : finding.identity.description, line: finding.line,
            message: references.message(finding.message, name: finding.subjectName), path: references.path(finding.path),
            policy: references.policy(finding.policy), recommendations: references.recommendations(finding.recommendations),
            rule: finding.rule, severity: finding.severity.name, subject: finding.subject, subject_kind: finding.subjectKind.rawValue,
            subject_name: finding.subjectName)
        if !Refs.leftOut.isEmpty { leaveOut(Refs.leftOut, asOf: asOf()) }
    }
}

extension JSONFinding {
    /// The same finding in another schema: each reference through `conversion`, the members
    /// the source leaves out restored and those the target leaves out dropped (`asOf`: the
    /// document's date, which schema 4 leaves out of exposures).
    func converted<Conversion: FindingConversion>(
        _ conversion: Conversion, asOf: String
    ) throws(Conversion.Failure) -> JSONFinding<Conversion.Target> where Conversion.Source == Refs {
        var source = self
        source.restore(Refs.leftOut.subtracting(Conversion.Target.leftOut), asOf: asOf)
        var exposure: ExposureEntry<Conversion.Target.Event, Conversion.Target.Bands>?
        if let whole = source.exposure {
            var events: [Conversion.Target.Event] = []
            events.reserveCapacity(whole.events.count)
            for event in whole.events { events.append(try conversion.event(event)) }
            exposure = try whole.mapBands(conversion.bands).mapEvents { _ in events }
        }
        var path: [Conversion.Target.Step] = []
        path.reserveCapacity(source.path.count)
        for step in source.path { path.append(try conversion.step(step)) }
        var target = JSONFinding<Conversion.Target>(
            accepted: source.accepted, baseline: source.baseline, binding: try source.binding.map(conversion.binding),
            caused_by: source.caused_by, change: source.change, column: source.column, evidence: try conversion.evidence(source.evidence),
            exposure: exposure, factors: source.factors, gate: source.gate, id: source.id, line: source.line,
            message: try conversion.message(source.message, name: source.name), path: path, policy: try conversion.policy(source.policy),
            recommendations: try conversion.recommendations(source.recommendations), rule: source.rule, severity: source.severity,
            subject: source.subject, subject_kind: source.subject_kind, subject_name: source.subject_name)
        target.leaveOut(Conversion.Target.leftOut.subtracting(Refs.leftOut), asOf: asOf)
        return target
    }

    /// Writes out the members `members` leave out.
    mutating func restore(_ members: ImpliedMembers, asOf: String) {
        if members.contains(.restating) {
            id = identity
            if var whole = exposure {
                whole.rule = whole.rule ?? rule
                whole.severity = whole.severity ?? severity
                whole.subject = whole.subject ?? subject
                exposure = whole
            }
        }
        if members.contains(.documentImplied) {
            if var whole = exposure {
                whole.reference = whole.reference ?? asOf
                whole.events_not_cited = whole.events_not_cited ?? 0
                exposure = whole
            }
            subject_name = name
        }
    }

    /// Leaves out the members `members` name where they are implied.
    mutating func leaveOut(_ members: ImpliedMembers, asOf: String) {
        if members.contains(.restating) {
            if let written = id, written == Self.derivedID(rule: rule, subject: subject, factors: factors) { id = nil }
            if exposure?.rule == rule { exposure?.rule = nil }
            if exposure?.severity == severity { exposure?.severity = nil }
            if exposure?.subject == subject { exposure?.subject = nil }
        }
        if members.contains(.documentImplied) {
            if exposure?.reference == asOf { exposure?.reference = nil }
            if exposure?.events_not_cited == 0 { exposure?.events_not_cited = nil }
            if subject_name == subject { subject_name = nil }
        }
    }
}
