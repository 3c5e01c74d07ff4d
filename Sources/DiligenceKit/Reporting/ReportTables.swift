import Foundation

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
/// same id in every run and every shard, so shard reports merge without renumbering). A run
/// keys its tables by the hashes (`...Hash`, no text made); the ids as text are made once per
/// entry a table lists, and per cited fact through a memo (`FactIDs`).
enum TableID {
    static func fact(_ evidence: Evidence) -> String { FactIDs.shared.id(of: evidence) }

    /// The fact id made from the texts (what `FactIDs` remembers).
    static func factText(_ evidence: Evidence) -> String {
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

    static func event(_ event: Exposure.CitedEvent) -> String { eventKey(event).text }

    /// The event's id with its hash (`HashedText`), for a run's tables: an id made of the
    /// event's texts is remembered for the process (`EventIDs`), as a portfolio cites each
    /// event of its factors thousands of times.
    static func eventKey(_ event: Exposure.CitedEvent) -> HashedText {
        if let id = event.id, !id.isEmpty { return HashedText(id) }
        return EventIDs.shared.key(of: event)
    }

    /// The id made from the event's texts (what `EventIDs` remembers).
    static func eventText(_ event: Exposure.CitedEvent) -> String {
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
    static func evidenceList(_ items: [EvidenceReference]) -> String { text(prefix: "v-", evidenceListHash(items)) }

    static func evidenceListHash(_ items: [EvidenceReference]) -> UInt64 {
        var hash = FNV()
        for item in items {
            hash.add(item.fact)
            hash.add(item.date)
        }
        return hash.value
    }

    /// A finding's recommendations (schema 3): `r-` and a hash of their texts.
    static func recommendationList(_ texts: [String]) -> String { text(prefix: "r-", recommendationListHash(texts)) }

    /// Remembered for the process (`TextListHashes`): a finding's recommendations are usually
    /// its factor's, the same long texts for every finding of the factor.
    static func recommendationListHash(_ texts: [String]) -> UInt64 { TextListHashes.shared.hash(of: texts) }

    static func recommendationListHashText(_ texts: [String]) -> UInt64 {
        var hash = FNV()
        for text in texts { hash.add(text) }
        return hash.value
    }

    /// An exposure's distance bands (schema 3): `b-` and a hash of their numbers.
    static func bands(_ bands: [ExposureBand]) -> String { text(prefix: "b-", bandsHash(bands)) }

    /// The hash of `bands(_:)`.
    static func bandsHash(_ bands: [ExposureBand]) -> UInt64 {
        bandsHash(bands.lazy.map { ($0.from_km, $0.to_km, $0.recent_events, $0.recent_fatalities, $0.older_events, $0.older_fatalities) })
    }

    /// The hash of `bands(_:)` from the exposure's own bands (no `ExposureBand` made).
    static func bandsHash(_ bands: [Exposure.Band]) -> UInt64 {
        bandsHash(bands.lazy.map { ($0.fromKm, $0.toKm, $0.recentEvents, $0.recentFatalities, $0.olderEvents, $0.olderFatalities) })
    }

    /// Each band's distances as `FixedPoint.text(_, places: 3)` writes them and its counts'
    /// digits, hashed without making the texts where they are whole kilometres and counts.
    private static func bandsHash<Bands: Sequence<(Double, Double, Int, Int, Int, Int)>>(_ bands: Bands) -> UInt64 {
        var hash = FNV()
        for band in bands {
            hash.add(kilometres: band.0)
            hash.add(kilometres: band.1)
            hash.add(count: band.2)
            hash.add(count: band.3)
            hash.add(count: band.4)
            hash.add(count: band.5)
        }
        return hash.value
    }

    /// Whether a measure binds an entity (schema 3): `g-` and a hash of its members.
    static func binding(_ binding: BindingEntry) -> String { text(prefix: "g-", bindingHash(binding)) }

    static func bindingHash(_ binding: BindingEntry) -> UInt64 {
        var hash = FNV()
        hash.add(binding.entity)
        hash.add(list: binding.entity_regimes)
        hash.add(list: binding.imposed_by)
        hash.add(list: binding.regimes)
        hash.add(binding.reason)
        hash.add(binding.status)
        return hash.value
    }

    /// The hash of `binding(_:)` from the finding's own binding (no `BindingEntry` made; the
    /// lists read in place, no array of them made a finding).
    static func bindingHash(_ binding: Binding) -> UInt64 {
        var hash = FNV()
        hash.add(binding.entity)
        hash.add(list: binding.entityRegimes)
        hash.add(list: binding.imposedBy)
        hash.add(list: binding.regimes)
        hash.add(binding.reason)
        hash.add(binding.status.rawValue)
        return hash.value
    }

    /// A step of an exposure path (schema 3): `p-` and a hash of its text.
    static func pathStep(_ text: String) -> String { Self.text(prefix: "p-", pathStepHash(text)) }

    static func pathStepHash(_ text: String) -> UInt64 {
        var hash = FNV()
        hash.add(text)
        return hash.value
    }

    /// A message's parts around its subject's name (schema 4's `messages`): a run numbers the
    /// messages by this hash, not by the parts.
    static func messageHash(_ parts: [String]) -> UInt64 {
        var hash = FNV()
        for part in parts { hash.add(part) }
        return hash.value
    }

    /// `messageHash(MessageParts.split(message, at: name))`, hashed on the message's bytes
    /// where they lie (no parts made: a check hashes every finding's message twice).
    static func messageHash(_ message: String, name: String) -> UInt64 {
        var hash = FNV()
        MessageParts.forEachPart(of: message, at: name) { hash.add(bytes: $0) }
        return hash.value
    }

    /// `prefix` and a hash as 16 lower-case hex digits (an id as schema 3 writes it).
    static func text(prefix: String, _ value: UInt64) -> String { FNV(value: value).id(prefix: prefix) }

    private struct FNV {
        var value = FNV1a.offsetBasis

        init() {}

        init(value: UInt64) {
            self.value = value
        }

        mutating func add(_ text: String?) {
            // A field separator that no text holds, and a mark for an absent field.
            guard var text else {
                byte(0x1E)
                return
            }
            // Over the contiguous bytes: a report hashes every cited fact's text.
            var hash = value
            text.withUTF8 { bytes in
                for unit in bytes { hash = FNV1a.adding(unit, to: hash) }
            }
            value = hash
            byte(0x1F)
        }

        /// Each text of a binding's list, then the mark of an absent field (the list's end).
        mutating func add(list: [String]) {
            for index in list.indices { add(list[index]) }
            add(nil)
        }

        /// `add(_:)` of the text these bytes are.
        mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
            var hash = value
            for unit in bytes { hash = FNV1a.adding(unit, to: hash) }
            value = hash
            byte(0x1F)
        }

        /// `add(String(count))`: the digits, without the text (up to eight; longer ones,
        /// which a report's counts never reach, through the text).
        mutating func add(count: Int) {
            guard (0..<100_000_000).contains(count) else {
                add(String(count))
                return
            }
            addDigits(UInt64(count))
            byte(0x1F)
        }

        /// `add(FixedPoint.text(km, places: 3))`: a whole number of kilometres below 10^8 (a
        /// band's edge) as its digits and `.000`, anything else through the text.
        mutating func add(kilometres km: Double) {
            guard km.sign == .plus, km < 1e8, km.rounded(.down) == km else {
                add(FixedPoint.text(km, places: 3))
                return
            }
            addDigits(UInt64(km))
            byte(UInt8(ascii: "."))
            byte(UInt8(ascii: "0"))
            byte(UInt8(ascii: "0"))
            byte(UInt8(ascii: "0"))
            byte(0x1F)
        }

        /// The decimal digits of a number below 10^8, most significant first: gathered one a
        /// byte, the last digit in the highest, then hashed from the lowest.
        private mutating func addDigits(_ number: UInt64) {
            var digits: UInt64 = 0
            var count = 0
            var rest = number
            repeat {
                digits = digits << 8 | (rest % 10)
                count += 1
                rest /= 10
            } while rest > 0
            for _ in 0..<count {
                byte(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: digits & 0xFF))
                digits >>= 8
            }
        }

        private mutating func byte(_ unit: UInt8) {
            value = FNV1a.adding(unit, to: value)
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

/// Fact ids by the evidence line they are made of, kept for the process: a portfolio cites each
/// of its factors' lines thousands of times, and the id hashes every byte of the line's source
/// (its quote too), twice a finding (the tables, the JSON entry). Looked up by the short texts
/// (record, fact, date, source, title), compared by every byte (`FactLine`), so the answer is
/// the id of exactly these bytes.
final class FactIDs: Sendable {
    static let shared = FactIDs()
    private let memo = Memo<FactLine, String>(capacity: 8_192)

    func id(of evidence: Evidence) -> String {
        let line = FactLine(evidence)
        return memo.value(for: line) { TableID.factText(evidence) }
    }
}

/// An evidence line as a memo key: equal when every text is equal byte for byte (the bytes
/// the fact id hashes), hashed by the short texts only.
private struct FactLine: Hashable, Sendable {
    let evidence: Evidence

    init(_ evidence: Evidence) {
        self.evidence = evidence
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ExactText(evidence.record))
        hasher.combine(ExactText(evidence.fact))
        if let reference = evidence.reference {
            hasher.combine(ExactText(reference.source))
            hasher.combine(reference.quote?.utf8.count ?? -1)
        }
    }

    static func == (lhs: FactLine, rhs: FactLine) -> Bool { same(lhs.evidence, rhs.evidence) }

    /// Whether two evidence lines have the same bytes in every text the fact id hashes.
    static func same(_ left: Evidence, _ right: Evidence) -> Bool {
        guard ExactText(left.record) == ExactText(right.record), ExactText(left.fact) == ExactText(right.fact) else { return false }
        switch (left.reference, right.reference) {
        case (nil, nil): return true
        case (let a?, let b?):
            return ExactText(a.source) == ExactText(b.source) && same(a.title, b.title) && same(a.date?.text, b.date?.text)
                && same(a.quote, b.quote) && same(a.url, b.url)
        default: return false
        }
    }

    static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return ExactText(a) == ExactText(b)
        default: return false
        }
    }
}

/// Ids of events without one of their own (`TableID.eventText`), with their hashes, kept for the
/// process like `FactIDs`: looked up by the date, the location's bits and the length of
/// `what`, compared by every member the id is made of (texts byte for byte, coordinates by
/// their bits, since the id writes them as text and -0.0 is not 0.0 there).
final class EventIDs: Sendable {
    static let shared = EventIDs()
    private let memo = Memo<EventLine, HashedText>(capacity: 4_096)

    func key(of event: Exposure.CitedEvent) -> HashedText {
        memo.value(for: EventLine(event: event)) { HashedText(TableID.eventText(event)) }
    }

    /// Whether the two events' ids made of their texts are the same (the memo's equality: the
    /// fields `TableID.eventText` hashes).
    static func sameLine(_ left: Exposure.CitedEvent, _ right: Exposure.CitedEvent) -> Bool {
        EventLine(event: left) == EventLine(event: right)
    }

    private struct EventLine: Hashable, Sendable {
        let event: Exposure.CitedEvent

        func hash(into hasher: inout Hasher) {
            hasher.combine(event.date)
            hasher.combine(event.location?.lat.bitPattern)
            hasher.combine(event.location?.lon.bitPattern)
            hasher.combine(event.what.utf8.count)
        }

        static func == (lhs: EventLine, rhs: EventLine) -> Bool {
            let left = lhs.event, right = rhs.event
            return left.date == right.date && left.datePrecision == right.datePrecision && left.until == right.until
                && left.location?.lat.bitPattern == right.location?.lat.bitPattern
                && left.location?.lon.bitPattern == right.location?.lon.bitPattern
                && ExactText(left.what) == ExactText(right.what) && same(left.place, right.place) && same(left.type, right.type)
        }

        static func same(_ a: String?, _ b: String?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case (let a?, let b?): return ExactText(a) == ExactText(b)
            default: return false
            }
        }
    }
}

/// Hashes of lists of texts (recommendations), kept for the process like `FactIDs`: looked up
/// by the count, each text's length and the first text's bytes, compared by every byte.
final class TextListHashes: Sendable {
    static let shared = TextListHashes()
    private let memo = Memo<TextList, UInt64>(capacity: 4_096)

    func hash(of texts: [String]) -> UInt64 {
        memo.value(for: TextList(texts: texts)) { TableID.recommendationListHashText(texts) }
    }

    private struct TextList: Hashable, Sendable {
        let texts: [String]

        func hash(into hasher: inout Hasher) {
            // The count and lengths only: a finding's recommendations are usually its
            // factor's array, found equal by its storage (`==`) without reading a byte.
            hasher.combine(texts.count)
            for text in texts { hasher.combine(text.utf8.count) }
        }

        static func == (lhs: TextList, rhs: TextList) -> Bool {
            if lhs.texts.sharesStorage(with: rhs.texts) { return true }
            return lhs.texts.count == rhs.texts.count && zip(lhs.texts, rhs.texts).allSatisfy { ExactText($0) == ExactText($1) }
        }
    }
}

/// A finding's evidence lines as the tables cite them, kept for the process like `FactIDs`:
/// most findings cite their factor's lines (the same array for each), about ten a finding, and
/// the list's id hashes each line's fact id and date. Looked up by the lines' count and
/// lengths, compared by every byte.
final class EvidenceLists: @unchecked Sendable {
    static let shared = EvidenceLists()
    /// Few entries: the lines a conflict finding cites are its own (its events), and each
    /// entry holds its lines.
    private let memo = Memo<Lines, Info>(capacity: 2_048)
    /// The same answers by the lines' storage: most findings cite an array the rules share (a
    /// factor's own lines, the lines of the events near one place), found here by its address
    /// without hashing its lines. Each entry holds its array, so no other array can be made at
    /// that address while the entry is kept (under `lock`). At most 256 entries: at 2,048 the
    /// arrays they kept alive added 6.5 MiB to the heavy portfolio's peak, for no fewer
    /// instructions.
    private var byStorage: [UInt: (lines: [Evidence], info: Info)] = [:]
    private let lock = NSLock()

    /// The list's hash (`TableID.evidenceListHash`) and each line's fact id; for the tables,
    /// each line's fact id with its hash and the key of each line's reference (`nil`: none),
    /// made once for the list, not once each time a finding cites it.
    struct Info: Sendable {
        let hash: UInt64
        let factIDs: [String]
        let factKeys: [HashedText]
        let referenceKeys: [Citations.Key?]

        init(hash: UInt64, lines: [Evidence], factIDs: [String]) {
            self.hash = hash
            self.factIDs = factIDs
            factKeys = factIDs.map(HashedText.init)
            referenceKeys = lines.map { $0.reference.map(Citations.Key.init) }
        }
    }

    func info(of lines: [Evidence]) -> Info {
        let address = lines.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        lock.lock()
        let held = byStorage[address]
        lock.unlock()
        if let held, held.lines.sharesStorage(with: lines) { return held.info }
        let info = lookUp(lines)
        lock.lock()
        if byStorage.count >= 64 { byStorage.removeAll(keepingCapacity: true) }
        byStorage[address] = (lines, info)
        lock.unlock()
        return info
    }

    private func lookUp(_ lines: [Evidence]) -> Info {
        memo.value(for: Lines(lines: lines)) {
            let ids = lines.map(TableID.fact)
            return Info(hash: TableID.evidenceListHash(zip(lines, ids).map { EvidenceReference(date: $0.date, fact: $1) }), lines: lines, factIDs: ids)
        }
    }

    private struct Lines: Hashable, Sendable {
        let lines: [Evidence]

        func hash(into hasher: inout Hasher) {
            hasher.combine(lines.count)
            for line in lines {
                hasher.combine(line.fact.utf8.count)
                hasher.combine(line.date?.utf8.count ?? -1)
            }
            if let first = lines.first { hasher.combine(ExactText(first.record)) }
        }

        static func == (lhs: Lines, rhs: Lines) -> Bool {
            // A factor's own lines are one array, shared by its findings: the same storage
            // holds the same lines, and comparing them line by line was most of a look-up.
            if lhs.lines.sharesStorage(with: rhs.lines) { return true }
            guard lhs.lines.count == rhs.lines.count else { return false }
            // Line by line where they lie (iterating a zip copied every line, each a dozen
            // references counted up and down).
            return lhs.lines.withUnsafeBufferPointer { left in
                rhs.lines.withUnsafeBufferPointer { right in
                    for index in left.indices {
                        guard FactLine.same(left[index], right[index]), FactLine.same(left[index].date, right[index].date) else { return false }
                    }
                    return true
                }
            }
        }
    }
}

/// A text (a fact's or an event's table id) with its hash worked out once, where it is made:
/// the ordered thread that lists the tables and fills the holes then looks it up by that number,
/// and compares the bytes only of the entry it finds.
struct HashedText: Hashable, Sendable {
    let text: String
    /// The hash of the text's bytes (`ExactText`'s), made once.
    let hashOfText: Int

    init(_ text: String) {
        self.text = text
        hashOfText = ExactText(text).hashValue
    }

    /// A text with the hash given (two texts of one hash: how a table of them is tested).
    init(_ text: String, hashOfText: Int) {
        self.text = text
        self.hashOfText = hashOfText
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hashOfText)
    }

    static func == (lhs: HashedText, rhs: HashedText) -> Bool {
        lhs.hashOfText == rhs.hashOfText && ExactText(lhs.text) == ExactText(rhs.text)
    }
}

/// The keys (`Citations.Key`) of an evidence list's references, by the list's storage, kept for
/// the process like `EvidenceLists` (for a run that writes no tables, which looks no list up
/// there): most findings cite an array the rules share, whose references are then numbered
/// without being hashed again. Each entry holds its array, so no other array can be made at
/// that address while the entry is kept; at most 64 entries (256 held a MiB more at the peak).
final class ReferenceKeyLists: @unchecked Sendable {
    static let shared = ReferenceKeyLists()
    private var byStorage: [UInt: (lines: [Evidence], keys: [Citations.Key?])] = [:]
    private let lock = NSLock()

    /// Each line's reference key (nil: the line names no source), in order.
    func keys(of lines: [Evidence]) -> [Citations.Key?] {
        let address = lines.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        lock.lock()
        let held = byStorage[address]
        lock.unlock()
        if let held, held.lines.sharesStorage(with: lines) { return held.keys }
        let keys = lines.map { $0.reference.map(Citations.Key.init) }
        lock.lock()
        if byStorage.count >= 64 { byStorage.removeAll(keepingCapacity: true) }
        byStorage[address] = (lines, keys)
        lock.unlock()
        return keys
    }
}

/// What one policy's reported findings cite, worked out on the core that checked it: the
/// references (for numbering), and the facts and events with their ids, each once (in order of
/// first citation) and with its hash made here, so the ordered thread that numbers them over
/// the run only looks each up.
public struct CitedPart: Sendable {
    var references: [Citations.Key] = []
    /// The facts' keys and where their lines are (`factKeys[i]` is `factLine(i)`'s), and the
    /// events' keys and events: kept apart, so that the ordered thread looks a key up without
    /// copying its line (most are listed already). A fact's line is held as its evidence list
    /// (`factLists`, each list once) and its place in it: a copy of each line retained its texts.
    var factKeys: [HashedText] = []
    var factLists: [[Evidence]] = []
    var factPlaces: [(list: Int32, line: Int32)] = []
    var eventKeys: [HashedText] = []
    var events: [Exposure.CitedEvent] = []

    /// The line of the fact `factKeys[index]`.
    func factLine(_ index: Int) -> Evidence {
        let place = factPlaces[index]
        return factLists[Int(place.list)][Int(place.line)]
    }
    /// Schema 3's lists (evidence lists, recommendation lists, path steps), when wanted.
    var lists = CitedLists.Part()

    /// The parts the findings cite, in order (findings in order, their evidence in order, then
    /// their exposure's events); `tables`: whether facts and events are wanted too; `lists`:
    /// whether schema 3's lists are.
    public init<Findings: Sequence<Finding>>(_ findings: Findings, tables: Bool, lists: Bool = false) {
        self.init(findings, keys: nil, tables: tables, lists: lists)
    }

    /// `init(_:tables:lists:)` with the findings' table keys when the run made them
    /// (`FindingTableKeys`, in the findings' order): no hash made again.
    init<Findings: Sequence<Finding>>(_ findings: Findings, keys: [FindingTableKeys]?, tables: Bool, lists: Bool) {
        // The evidence lists this policy cited already: their facts and references are in
        // `facts` and `references`, in order, so a finding citing one again adds nothing.
        var seenLists = HashSet64()
        var seenStorages: Set<UInt> = []
        var heldLists: [[Evidence]] = []
        var seenReferences = HashSet64()
        var seenFacts = HashedTextSet()
        var seenEvents = HashedTextSet()
        func cite(_ key: Citations.Key) {
            if seenReferences.insert(UInt64(bitPattern: Int64(key.id))) { references.append(key) }
        }
        // The findings' keys read in place (`tableKeys[position]`): a finding's keys were copied
        // (every array retained) to be read.
        let tableKeys = keys ?? []
        if lists, !tableKeys.isEmpty {
            // Room for every finding's message and step (grown a doubling at a time before).
            self.lists.messages = CitedSources(capacity: tableKeys.count)
            self.lists.steps = CitedSources(capacity: tableKeys.reduce(0) { $0 + $1.steps.count })
        }
        for (position, finding) in findings.enumerated() {
            let hasKeys = position < tableKeys.count
            if tables || lists, !finding.evidence.isEmpty {
                let info = (hasKeys ? tableKeys[position].evidence : nil) ?? EvidenceLists.shared.info(of: finding.evidence)
                if seenLists.insert(info.hash) {
                    var list: Int32?
                    for index in finding.evidence.indices {
                        if let key = info.referenceKeys[index] { cite(key) }
                        if tables {
                            let key = info.factKeys[index]
                            if seenFacts.insert(key) {
                                if list == nil {
                                    list = Int32(truncatingIfNeeded: factLists.count)
                                    factLists.append(finding.evidence)
                                }
                                factKeys.append(key)
                                factPlaces.append((list ?? 0, Int32(truncatingIfNeeded: index)))
                            }
                        }
                    }
                    if lists { self.lists.add(evidence: finding.evidence, info) }
                }
            } else if seenStorages.insert(finding.evidence.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }).inserted {
                // A list shared with an earlier finding of the policy (a factor's own lines) is
                // numbered already: the same storage holds the same references (kept alive
                // here, so that no other list is made at its address meanwhile).
                heldLists.append(finding.evidence)
                for key in ReferenceKeyLists.shared.keys(of: finding.evidence) {
                    if let key { cite(key) }
                }
            }
            if tables, let exposure = finding.exposure {
                if hasKeys, tableKeys[position].events.count == exposure.events.count {
                    for (event, key) in zip(exposure.events, tableKeys[position].events) where seenEvents.insert(key) {
                        eventKeys.append(key)
                        events.append(event)
                    }
                } else {
                    for event in exposure.events {
                        let key = TableID.eventKey(event)
                        if seenEvents.insert(key) {
                            eventKeys.append(key)
                            events.append(event)
                        }
                    }
                }
            }
            if lists {
                if hasKeys {
                    self.lists.add(finding, keys: tableKeys[position])
                } else {
                    self.lists.add(finding)
                }
            }
        }
    }
}

/// A set of texts with their hashes (`HashedText`), found by the hash made where the text was
/// made (`PlaceTable64`, no `Hasher` run) and compared byte for byte; texts of one hash that
/// differ are kept apart, in a `Set`.
struct HashedTextSet: Sendable {
    private var places = PlaceTable64()
    private var texts: [HashedText] = []
    private var others: Set<HashedText> = []

    /// Inserts the text; whether it was not held before.
    mutating func insert(_ text: HashedText) -> Bool {
        let hash = UInt64(bitPattern: Int64(text.hashOfText))
        if let at = places[hash] {
            if texts[Int(at)] == text { return false }
            return others.insert(text).inserted
        }
        places.insert(hash, place: Int32(truncatingIfNeeded: texts.count))
        texts.append(text)
        return true
    }
}

/// One table of `CitedLists`: its entries in order of first citation, keyed by the hash of
/// their schema 3 id (the id's text is made once, when the entry is listed). A run that
/// writes its tables to temporary files as they grow (`TableSpills`) takes the new entries
/// out after each policy (`takeEntries()`): the table then holds only each entry's hash and
/// place.
struct CitedTable<Entry: Sendable>: Sendable {
    /// The entries listed and not taken out, in order.
    private(set) var entries: [Entry] = []
    /// Each entry's place by its hash (32 bits: the places of a large portfolio's tables are
    /// kept to the end, and a quarter of their size was the unused half of 64-bit places).
    private var places = PlaceTable64()
    /// Entries taken out (`takeEntries()`): the places of those still held count from here.
    private(set) var takenOut = 0

    /// Entries listed, taken out or not.
    var count: Int { takenOut + entries.count }

    /// The place of the entry listed under `hash`.
    func place(_ hash: UInt64) -> Int? { places[hash].map(Int.init) }

    /// Lists the entry under `hash` unless it is listed.
    mutating func list(_ hash: UInt64, _ entry: @autoclosure () -> Entry) {
        guard places.insert(hash, place: Int32(truncatingIfNeeded: count)) else { return }
        entries.append(entry())
    }

    /// The entries listed since the last call, which the table no longer holds (their places stay).
    mutating func takeEntries() -> [Entry] {
        let taken = entries
        takenOut += entries.count
        entries = []
        return taken
    }

    /// Lists what a policy cites that is not listed yet, in its order, each entry made from
    /// what the policy kept of it only when it is new to the table.
    /// By index: a `for` over the items copied each one's source (its texts retained and
    /// released) to look its hash up, and most are listed already.
    mutating func add<Source>(_ cited: CitedSources<Source>, _ make: (UInt64, Source) -> Entry) {
        for index in cited.items.indices where places[cited.items[index].hash] == nil {
            let hash = cited.items[index].hash
            list(hash, make(hash, cited.items[index].source))
        }
    }
}

/// One of a policy's `CitedLists.Part` tables: what its findings cite, each once (by its hash),
/// in order of first citation, with what the run's table makes the entry of if the entry is
/// new to the run (`CitedTable.add(_:_:)`): no entry or id text is made for a policy.
struct CitedSources<Source: Sendable>: Sendable {
    private(set) var items: [(hash: UInt64, source: Source)] = []
    private var seen = HashSet64()

    init() {}

    /// Room for `capacity` sources before the list and the set grow (a policy's count of
    /// findings or steps, known before they are cited).
    init(capacity: Int) {
        items.reserveCapacity(capacity)
        seen = HashSet64(capacity: capacity)
    }

    /// Keeps the source under `hash` unless the policy cited it already.
    mutating func cite(_ hash: UInt64, _ source: @autoclosure () -> Source) {
        if seen.insert(hash) { items.append((hash, source())) }
    }
}

/// The lists of JSON schema 3 (docs/json-report.md): each finding's evidence list, its
/// recommendations and its exposure path's steps, each once, in order of first citation, with
/// their ids (`TableID`), as a run lists them; a policy's findings cite them as a `Part`.
struct CitedLists: Sendable {
    private(set) var evidenceTable = CitedTable<JSONReportV3.EvidenceListEntry>()
    private(set) var recommendationTable = CitedTable<JSONReportV3.RecommendationListEntry>()
    private(set) var stepTable = CitedTable<JSONReportV3.PathStepEntry>()
    private(set) var bandTable = CitedTable<JSONReportV3.BandsEntry>()
    private(set) var bindingTable = CitedTable<JSONReportV3.BindingTableEntry>()
    /// Each message's parts around its subject's name (schema 4), each once, keyed by their
    /// hash (`TableID.messageHash`).
    private(set) var messageTable = CitedTable<[String]>()

    var evidence: [JSONReportV3.EvidenceListEntry] { evidenceTable.entries }
    var recommendations: [JSONReportV3.RecommendationListEntry] { recommendationTable.entries }
    var steps: [JSONReportV3.PathStepEntry] { stepTable.entries }
    var bands: [JSONReportV3.BandsEntry] { bandTable.entries }
    var bindings: [JSONReportV3.BindingTableEntry] { bindingTable.entries }
    var messages: [[String]] { messageTable.entries }

    /// What one policy's findings cite of the lists, worked out on the core that checked it:
    /// each list's hash, and what its entry is made of (the entry itself is made only by the
    /// run's table, when it is new there).
    struct Part: Sendable {
        var evidence = CitedSources<(lines: [Evidence], factIDs: [String])>()
        var recommendations = CitedSources<[String]>()
        var steps = CitedSources<String>()
        var bands = CitedSources<Exposure>()
        var bindings = CitedSources<Binding>()
        var messages = CitedSources<(message: String, name: String)>()

        /// Cites an evidence list (`info`: its hash and fact ids).
        mutating func add(evidence lines: [Evidence], _ info: EvidenceLists.Info) {
            evidence.cite(info.hash, (lines, info.factIDs))
        }

        /// Cites what the finding cites, its evidence list aside (`add(evidence:_:)`).
        mutating func add(_ finding: Finding) {
            if let exposure = finding.exposure { bands.cite(TableID.bandsHash(exposure.bands), exposure) }
            for step in finding.path { steps.cite(TableID.pathStepHash(step), step) }
            if !finding.recommendations.isEmpty {
                recommendations.cite(TableID.recommendationListHash(finding.recommendations), finding.recommendations)
            }
            if let binding = finding.binding { bindings.cite(TableID.bindingHash(binding), binding) }
            messages.cite(TableID.messageHash(finding.message, name: finding.subjectName), (finding.message, finding.subjectName))
        }

        /// `add(_:)` by the finding's table keys (`FindingTableKeys`), no hash made again.
        mutating func add(_ finding: Finding, keys: FindingTableKeys) {
            if let exposure = finding.exposure { bands.cite(keys.bands ?? TableID.bandsHash(exposure.bands), exposure) }
            if keys.steps.count == finding.path.count {
                for (step, hash) in zip(finding.path, keys.steps) { steps.cite(hash, step) }
            } else {
                for step in finding.path { steps.cite(TableID.pathStepHash(step), step) }
            }
            if !finding.recommendations.isEmpty {
                recommendations.cite(keys.recommendations ?? TableID.recommendationListHash(finding.recommendations), finding.recommendations)
            }
            if let binding = finding.binding { bindings.cite(keys.binding ?? TableID.bindingHash(binding), binding) }
            messages.cite(keys.message, (finding.message, finding.subjectName))
        }
    }

    /// Takes out the entries of the tables a schema 4 report writes as they grow (`TableSpills`).
    mutating func takeSpilledEntries() -> SpilledEntries {
        SpilledEntries(
            bindings: bindingTable.takeEntries(), bands: bandTable.takeEntries(), messages: messageTable.takeEntries(),
            steps: stepTable.takeEntries(), recommendations: recommendationTable.takeEntries())
    }

    /// Lists what a policy's part cites that is not listed yet (a policy's lists after the earlier ones').
    /// `ids`: whether the entries of the tables a schema 4 report spills (`takeSpilledEntries()`:
    /// bands, path steps, recommendation lists, bindings) get their schema 3 ids; a run that
    /// spills takes them out at once and writes them without their ids, so it makes none (an
    /// id's text cost about 640 instructions, once for every new path step).
    mutating func add(_ part: Part, ids: Bool = true) {
        evidenceTable.add(part.evidence) { hash, source in
            JSONReportV3.EvidenceListEntry(
                id: TableID.text(prefix: "v-", hash), items: zip(source.lines, source.factIDs).map { EvidenceReference(date: $0.date, fact: $1) })
        }
        bandTable.add(part.bands) { hash, exposure in
            JSONReportV3.BandsEntry(
                bands: ExposureEntry<EventReference, [ExposureBand]>(exposure, events: []).bands, id: ids ? TableID.text(prefix: "b-", hash) : "")
        }
        stepTable.add(part.steps) { hash, step in JSONReportV3.PathStepEntry(id: ids ? TableID.text(prefix: "p-", hash) : "", text: step) }
        recommendationTable.add(part.recommendations) { hash, texts in
            JSONReportV3.RecommendationListEntry(id: ids ? TableID.text(prefix: "r-", hash) : "", texts: texts)
        }
        bindingTable.add(part.bindings) { hash, binding in
            JSONReportV3.BindingTableEntry(id: ids ? TableID.text(prefix: "g-", hash) : "", BindingEntry(binding))
        }
        messageTable.add(part.messages) { _, source in MessageParts.split(source.message, at: source.name) }
    }
}

extension Array {
    /// Whether the two arrays are views of one storage: then they hold the same elements (a
    /// storage both arrays refer to is never changed in place), without comparing them.
    func sharesStorage(with other: [Element]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { mine in other.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress } }
    }
}

/// The entries `CitedLists.takeSpilledEntries()` took out, in order.
struct SpilledEntries {
    var bindings: [JSONReportV3.BindingTableEntry]
    var bands: [JSONReportV3.BandsEntry]
    var messages: [[String]]
    var steps: [JSONReportV3.PathStepEntry]
    var recommendations: [JSONReportV3.RecommendationListEntry]
}
