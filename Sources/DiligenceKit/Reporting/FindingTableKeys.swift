/// A reported finding's keys in the run's tables (JSON schema 4's places, schema 3's lists),
/// each hash made once per finding where the policy was checked: `CitedPart` cites the entries
/// by them and a schema 4 section leaves a hole for each (`JSONReportV4.KeyedHoling`). Each key
/// is what `TableID`'s hash of the same part gives.
struct FindingTableKeys: Sendable {
    /// The evidence list's hash and ids (nil: the finding cites no evidence).
    var evidence: EvidenceLists.Info?
    /// Each cited event's id, in the exposure's order.
    var events: [HashedText] = []
    /// The exposure's bands (nil: no exposure).
    var bands: UInt64?
    /// Each path step's hash, in order.
    var steps: [UInt64]
    /// The recommendation list's hash (nil: none).
    var recommendations: UInt64?
    var binding: UInt64?
    /// The message's parts around the subject's name (`TableID.messageHash`).
    var message: UInt64

    init(_ finding: Finding) {
        evidence = finding.evidence.isEmpty ? nil : EvidenceLists.shared.info(of: finding.evidence)
        if let exposure = finding.exposure {
            events = exposure.events.map(TableID.eventKey)
            bands = TableID.bandsHash(exposure.bands)
        }
        steps = finding.path.map(TableID.pathStepHash)
        recommendations = finding.recommendations.isEmpty ? nil : TableID.recommendationListHash(finding.recommendations)
        binding = finding.binding.map(TableID.bindingHash)
        message = TableID.messageHash(finding.message, name: finding.subjectName)
    }

    /// The keys of a policy's reported findings, in order, when a report wants them: a JSON
    /// schema 4 report cites every table by place (nil for other reports, which cite less and
    /// make what they cite themselves).
    static func of<Findings: Sequence<Finding>>(_ findings: Findings, wanted: Bool) -> [FindingTableKeys]? {
        wanted ? findings.map(FindingTableKeys.init) : nil
    }
}
