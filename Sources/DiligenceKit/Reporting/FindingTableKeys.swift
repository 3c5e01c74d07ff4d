/// A reported finding's keys in the run's tables (JSON schema 4's places, schema 3's lists),
/// each hash made once per finding where the policy was checked: `CitedPart` cites the entries
/// by them and a schema 4 section leaves a hole for each (`JSONReportV4.KeyedHoling`). Each key
/// is what `TableID`'s hash of the same part gives.
///
/// Its fields are held in one storage object (`SharedFields`), copied on write: the keys are
/// made once per finding and copied by the citations and the JSON writer, a retain and a release
/// of each array and text in them before; now one.
struct FindingTableKeys: Sendable {
    /// The keys' fields.
    struct Fields: Sendable {
        var evidence: EvidenceLists.Info?
        var events: [HashedText]
        var bands: UInt64?
        var steps: [UInt64]
        var recommendations: UInt64?
        var binding: UInt64?
        var message: UInt64
    }

    /// The only stored property; fields are read in place (`_read`).
    private var storage: SharedFields<Fields>

    /// The evidence list's hash and ids (nil: the finding cites no evidence).
    var evidence: EvidenceLists.Info? {
        _read { yield storage.fields.evidence }
        _modify { yield &storage.fields.evidence }
    }
    /// Each cited event's id, in the exposure's order.
    var events: [HashedText] {
        _read { yield storage.fields.events }
        _modify { yield &storage.fields.events }
    }
    /// The exposure's bands (nil: no exposure).
    var bands: UInt64? {
        _read { yield storage.fields.bands }
        _modify { yield &storage.fields.bands }
    }
    /// Each path step's hash, in order.
    var steps: [UInt64] {
        _read { yield storage.fields.steps }
        _modify { yield &storage.fields.steps }
    }
    /// The recommendation list's hash (nil: none).
    var recommendations: UInt64? {
        _read { yield storage.fields.recommendations }
        _modify { yield &storage.fields.recommendations }
    }
    var binding: UInt64? {
        _read { yield storage.fields.binding }
        _modify { yield &storage.fields.binding }
    }
    /// The message's parts around the subject's name (`TableID.messageHash`).
    var message: UInt64 {
        _read { yield storage.fields.message }
        _modify { yield &storage.fields.message }
    }

    init(_ finding: Finding) {
        var maker = Maker()
        self = maker.keys(of: finding)
    }

    /// Keys made directly (`Maker`).
    private init(
        evidence: EvidenceLists.Info?, events: [HashedText], bands: UInt64?, steps: [UInt64], recommendations: UInt64?, binding: UInt64?,
        message: UInt64
    ) {
        storage = SharedFields(
            Fields(
                evidence: evidence, events: events, bands: bands, steps: steps, recommendations: recommendations, binding: binding,
                message: message))
    }

    /// The keys of a policy's reported findings, in order, when a report wants them: a JSON
    /// schema 4 report cites every table by place (nil for other reports, which cite less and
    /// make what they cite themselves).
    static func of<Findings: Sequence<Finding>>(_ findings: Findings, wanted: Bool) -> [FindingTableKeys]? {
        guard wanted else { return nil }
        var maker = Maker()
        var keys: [FindingTableKeys] = []
        keys.reserveCapacity(findings.underestimatedCount)
        for finding in findings { keys.append(maker.keys(of: finding)) }
        return keys
    }

    /// Makes the keys of one policy's findings, remembering what they share: lists of the same
    /// recommendation texts (the texts' copies, found by their representations, held here so
    /// that no other text is made at their address) and arrays of evidence lines (found by the
    /// array's storage, held likewise). The keys are those each part's own hash gives
    /// (`TableID`); only the process-wide look-ups are saved.
    struct Maker {
        private var recommendationLists: [(texts: [String], hash: UInt64)] = []
        private var evidenceLists: [(lines: [Evidence], info: EvidenceLists.Info)] = []
        /// At most this many of each kept (a policy cites a few factors' arrays; looked up in order).
        private static let kept = 16

        /// Events without an id looked up in this policy and their keys (at most `kept`).
        private var eventKeys: [(event: Exposure.CitedEvent, key: HashedText)] = []
        /// Exposures' bands hashed in this policy and their hashes (at most `kept`).
        private var bandHashes: [(bands: [Exposure.Band], hash: UInt64)] = []

        mutating func keys(of finding: Finding) -> FindingTableKeys {
            var events: [HashedText] = []
            var bands: UInt64?
            if let exposure = finding.exposure {
                events.reserveCapacity(exposure.events.count)
                for index in exposure.events.indices { events.append(eventKey(exposure.events[index])) }
                bands = bandsHash(exposure.bands)
            }
            let steps = finding.path.map(TableID.pathStepHash)
            return FindingTableKeys(
                evidence: finding.evidence.isEmpty ? nil : evidenceInfo(finding.evidence), events: events, bands: bands, steps: steps,
                recommendations: finding.recommendations.isEmpty ? nil : recommendationHash(finding.recommendations),
                binding: finding.binding.map(TableID.bindingHash), message: TableID.messageHash(finding.message, name: finding.subjectName))
        }

        /// `TableID.eventKey(event)`: an event without an id found among the policy's earlier
        /// ones by the fields its id is made of (`EventIDs.sameLine`, texts compared by their
        /// representation first) before the run's memo (a lock and a `Hasher` a look-up). A
        /// policy's band findings cite the same few events, each a copy with its own distance.
        private mutating func eventKey(_ event: Exposure.CitedEvent) -> HashedText {
            if let id = event.id, !id.isEmpty { return HashedText(id) }
            for index in eventKeys.indices where EventIDs.sameLine(eventKeys[index].event, event) { return eventKeys[index].key }
            let key = EventIDs.shared.key(of: event)
            if eventKeys.count < Self.kept { eventKeys.append((event, key)) }
            return key
        }

        /// `TableID.bandsHash(bands)`, found among the policy's earlier bands by their numbers
        /// (`sameBands`) before they are hashed: a policy's exposures count their events in the
        /// same few distance bands (8 sets of bands for 1,962 exposures on 200 heavy files),
        /// each hashed as the texts of its distances and counts (about 1,200 instructions).
        private mutating func bandsHash(_ bands: [Exposure.Band]) -> UInt64 {
            for index in bandHashes.indices where Self.sameBands(bandHashes[index].bands, bands) { return bandHashes[index].hash }
            let hash = TableID.bandsHash(bands)
            if bandHashes.count < Self.kept { bandHashes.append((bands, hash)) }
            return hash
        }

        /// Whether the bands hold the same numbers, the distances bit for bit (then their texts,
        /// which `TableID.bandsHash` hashes, are the same).
        static func sameBands(_ left: [Exposure.Band], _ right: [Exposure.Band]) -> Bool {
            guard left.count == right.count else { return false }
            for index in left.indices {
                let a = left[index], b = right[index]
                guard a.fromKm.bitPattern == b.fromKm.bitPattern, a.toKm.bitPattern == b.toKm.bitPattern, a.recentEvents == b.recentEvents,
                    a.recentFatalities == b.recentFatalities, a.olderEvents == b.olderEvents, a.olderFatalities == b.olderFatalities
                else { return false }
            }
            return true
        }

        private mutating func recommendationHash(_ texts: [String]) -> UInt64 {
            // By index: `first(where:)` copied each entry (its list, a retain and a release) to test it.
            for index in recommendationLists.indices where Self.sameTexts(recommendationLists[index].texts, texts) {
                return recommendationLists[index].hash
            }
            let hash = TableID.recommendationListHash(texts)
            if recommendationLists.count < Self.kept { recommendationLists.append((texts, hash)) }
            return hash
        }

        /// Whether the lists hold copies of the same texts, in order (each of the same
        /// representation: the same bytes): the rules make a new list for each finding, of the
        /// texts of the factor's or the rule's advice.
        static func sameTexts(_ left: [String], _ right: [String]) -> Bool {
            guard left.count == right.count else { return false }
            for index in left.indices where !ExactText.sameRepresentation(left[index], right[index]) { return false }
            return true
        }

        private mutating func evidenceInfo(_ lines: [Evidence]) -> EvidenceLists.Info {
            // By index: `first(where:)` copied each entry (its lines and the info's three lists) to test it.
            for index in evidenceLists.indices where evidenceLists[index].lines.sharesStorage(with: lines) { return evidenceLists[index].info }
            let info = EvidenceLists.shared.info(of: lines)
            if evidenceLists.count < Self.kept { evidenceLists.append((lines, info)) }
            return info
        }

    }
}
