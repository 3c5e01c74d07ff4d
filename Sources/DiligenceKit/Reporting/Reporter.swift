import Foundation

/// Output formats. The command line turns these into `--format` values.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case text
    case markdown
    case json
    case github
    case sarif
    case junit
    /// One self-contained HTML file (`HTMLReporter`).
    case html
    /// The HTML report printed to PDF by headless Chromium (`PDFPrinter`): its reporter writes
    /// the HTML, which the command line then prints.
    case pdf

    /// The file name used when several formats are written into a folder.
    public var fileName: String {
        switch self {
        case .text: return "report.txt"
        case .markdown: return "report.md"
        case .json: return "report.json"
        case .github: return "report.github.txt"
        case .sarif: return "report.sarif"
        case .junit: return "report.junit.xml"
        case .html: return "report.html"
        case .pdf: return "report.pdf"
        }
    }

    var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .markdown: return MarkdownReporter()
        case .json: return JSONReporter()
        case .github: return GitHubReporter()
        case .sarif: return SARIFReporter()
        case .junit: return JUnitReporter()
        case .html: return HTMLReporter()
        case .pdf: return HTMLReporter(format: .pdf)
        }
    }
}

/// Renders a check result in one format, in two steps so that a portfolio's report is written
/// while it is checked: each policy's own sections as soon as that policy is checked (on any
/// core, from the policy and its findings only), then the parts that need every policy (counts,
/// verdicts, summaries) around them. Rendering is pure: the same inputs give the same bytes.
protocol Reporter: Sendable {
    var format: ReportFormat { get }

    /// How many sections `sections(of:_:_:)` returns: the report's streams of per-policy text
    /// (Markdown: scope and findings; the other formats: one).
    var streamCount: Int { get }

    /// The policy's own sections, one per stream, rendered from the policy, its findings and
    /// what is known before any policy is checked.
    func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection]

    /// The report from its first byte to its last: text that needs every policy's result, and
    /// where each stream's sections go (every policy's, in file order, or one policy's at a
    /// time in an order of the layout's choosing). `citations` numbers the references cited by
    /// the reported findings, in order of first citation (policies in file order).
    func layout(_ result: CheckSummary, _ citations: Citations) -> [ReportPiece]

    /// Whether `layout` reads the facts and events of `citations` (the tables of the JSON
    /// report and the SARIF run); a run lists them only when a reporter does.
    var citesTables: Bool { get }

    /// Whether `layout` reads the lists of `citations` (JSON schema 3's evidence lists,
    /// recommendation lists and path steps).
    var citesLists: Bool { get }

    /// Whether `sections` cites every table entry by its key (JSON schema 4): a streamed run
    /// then makes each reported finding's keys once (`FindingTableKeys`, `PolicyResult.tableKeys`).
    var wantsTableKeys: Bool { get }

    /// Whether `layout` lists every failing finding's identity (`FindingSummary.failingIdentities`);
    /// a run keeps them only when a reporter does.
    var listsFailing: Bool { get }

    /// Whether `layout` lists the not-assessed findings or those new since the baseline one by
    /// one (`FindingSummary.notAssessed`, `newFindings`), or each policy's countries and accepted
    /// risks (`PolicySummary`); a run keeps them only when a reporter does.
    var listsFindings: Bool { get }

    /// Whether `layout` reads each policy's summary (`CheckSummary.policies`); a streamed run
    /// keeps them only when a reporter does.
    var readsPolicies: Bool { get }

    /// Whether `layout` writes the narrative parts of the findings' summary: the report id (the
    /// run's digest), the most severe risks, the risks by reach, the rules' advice, the factors
    /// cited and the stale intelligence (`FindingSummary.narrates`); a run works them out only
    /// when a reporter does (the Markdown and HTML reports).
    var narrates: Bool { get }
}

extension Reporter {
    var streamCount: Int { 1 }

    var citesTables: Bool { false }

    var citesLists: Bool { false }

    var wantsTableKeys: Bool { false }

    var listsFailing: Bool { false }

    var listsFindings: Bool { false }

    var readsPolicies: Bool { true }

    var narrates: Bool { false }

    /// The whole report in memory, for a result checked in memory (`Checker.check(_:options:)`,
    /// which keeps the policies). A streamed check writes its report with `StreamedCheck`.
    func render(_ result: CheckResult) -> String {
        let citations = Citations(result.reportedFindings)
        // Each stream's text per policy, as the streamed check spills it.
        var streams = Array(repeating: [String](), count: streamCount)
        var written = Array(repeating: false, count: streamCount)
        for (policy, entry) in zip(result.checkedPolicies, result.policies) {
            for (index, section) in sections(of: policy, entry, result.context).enumerated() where index < streams.count {
                let text = section.text(citations, afterText: written[index])
                written[index] = written[index] || !text.isEmpty
                streams[index].append(text)
            }
        }
        var text = ""
        for piece in layout(result.summary, citations) {
            switch piece {
            case .text(let part): text += part
            case .deferred(let part): text += part.text
            case .stream(let index): if index < streams.count { text += streams[index].joined() }
            case .streamSection(let index, let policy):
                if index < streams.count, streams[index].indices.contains(policy) { text += streams[index][policy] }
            case .table:
                // Only a streamed check spills tables (`Citations.spills`); these citations keep theirs.
                break
            }
        }
        return text
    }
}

/// A piece of a report's layout: text, or the place of one of its per-policy streams.
enum ReportPiece: Sendable, Equatable {
    case text(String)
    /// Text made as the report is written (a JSON report's closing tables).
    case deferred(DeferredText)
    /// Every policy's section of the stream, in file order.
    case stream(Int)
    /// One policy's section of the stream (`policy`: its index in the result's policies), for a
    /// layout that places the sections in another order (every section must then be placed once).
    case streamSection(Int, policy: Int)
    /// A table a streamed check wrote to a temporary file as it grew (`TableSpills`).
    case table(TableSpills.Table)
}

/// A policy's section of a report: text, with holes where it cites a reference by number (the
/// numbers follow the order of first citation over the whole report, so they are filled in once
/// every earlier policy is checked). `segments` has one more element than `citations`.
struct ReportSection: Sendable {
    /// The texts between the holes; a section made as bytes holds one empty text here, and
    /// `segments` splits its bytes at its citation holes.
    private var storedSegments: [String]
    private(set) var citations: [Reference]
    /// Written before the section when an earlier section of the same stream wrote text (the
    /// comma between members of a JSON array that spans policies).
    var separator: String
    /// Holes for table places instead of citation numbers (JSON schema 4 numbers its table
    /// entries in order of first citation): filled once every earlier policy's citations are
    /// known, at `placeOffsets` (UTF-8 offsets into the one segment). A section has holes of
    /// one kind only.
    private(set) var places: [TableKey] = []
    private var placeOffsets: [Int] = []
    /// The UTF-8 of a section made as bytes (`init(bytes:places:at:separator:)`, a JSON
    /// section with table places), whose `segments` then hold one empty text: no text is made
    /// of bytes that are only written out.
    private var bytes: [UInt8] = []
    /// Whether the citation holes are in `bytes`, at `citationOffsets` (a Markdown section made
    /// as bytes, `init(bytes:citing:at:)`): its text is written out without a String made of it.
    private var citesInBytes = false
    private var citationOffsets: [Int] = []

    init(_ text: String = "", separator: String = "") {
        storedSegments = [text]
        citations = []
        self.separator = separator
    }

    /// A section of text with a hole for each table place at its UTF-8 offset (ascending).
    init(_ text: String, places: [TableKey], at offsets: [Int], separator: String = "") {
        storedSegments = [text]
        citations = []
        self.places = places
        placeOffsets = offsets
        self.separator = separator
    }

    /// A section of UTF-8 bytes with a hole for each table place at its offset (ascending).
    init(bytes: [UInt8], places: [TableKey], at offsets: [Int], separator: String = "") {
        storedSegments = [""]
        citations = []
        self.bytes = bytes
        self.places = places
        placeOffsets = offsets
        self.separator = separator
    }

    /// A section of UTF-8 bytes (valid UTF-8: made of Strings' bytes) with a hole for the
    /// number of each reference at its offset (ascending, at most the bytes' count).
    init(bytes: [UInt8], citing references: [Reference], at offsets: [Int]) {
        storedSegments = [""]
        citations = references
        self.bytes = bytes
        citesInBytes = true
        citationOffsets = offsets
        separator = ""
    }

    /// The texts between the citation holes (one more than `citations`).
    var segments: [String] {
        guard citesInBytes else { return storedSegments }
        var texts: [String] = []
        texts.reserveCapacity(citationOffsets.count + 1)
        var start = 0
        for offset in citationOffsets {
            texts.append(String(decoding: bytes[start..<offset], as: UTF8.self))
            start = offset
        }
        texts.append(String(decoding: bytes[start...], as: UTF8.self))
        return texts
    }

    /// Appends text.
    mutating func append(_ text: String) {
        if citesInBytes {
            bytes.append(contentsOf: text.utf8)
        } else {
            storedSegments[storedSegments.count - 1] += text
        }
    }

    /// Appends a hole for the reference's number.
    mutating func cite(_ reference: Reference) {
        citations.append(reference)
        if citesInBytes {
            citationOffsets.append(bytes.count)
        } else {
            storedSegments.append("")
        }
    }

    var isEmpty: Bool { citations.isEmpty && places.isEmpty && bytes.isEmpty && storedSegments.allSatisfy(\.isEmpty) }

    /// Bytes of text in the section (citation numbers and the separator aside).
    var byteCount: Int { storedSegments.reduce(bytes.count) { $0 + $1.utf8.count } }

    /// Appends the section to the text of its stream so far, with the separator when needed.
    func append(to stream: inout String, _ citations: Citations) {
        stream += text(citations, afterText: !stream.isEmpty)
    }

    /// What the section adds to a stream: nothing when it is empty, else its text, after the
    /// separator when the stream already holds text (`afterText`).
    func text(_ citations: Citations, afterText: Bool) -> String {
        guard !isEmpty else { return "" }
        return afterText ? separator + text(citations) : text(citations)
    }

    /// The text with every hole filled by the reference's number (references that `citations`
    /// does not know are numbered after the others).
    func text(_ citations: Citations) -> String {
        if let bytes = filledBytes(citations, afterText: false) { return String(decoding: bytes, as: UTF8.self) }
        guard !self.citations.isEmpty else { return storedSegments[0] }
        var numbers = citations
        var text = storedSegments[0]
        for (reference, segment) in zip(self.citations, storedSegments.dropFirst()) {
            text += "[\(numbers.number(for: reference))]"
            text += segment
        }
        return text
    }

    /// A section with table places: its bytes with every hole filled by the entry's place,
    /// after the separator when `afterText` (nil for a section of citation numbers or none:
    /// `text(_:)`). What a streamed check writes, with no text made of it.
    func filledBytes(_ citations: Citations, afterText: Bool) -> [UInt8]? {
        guard let bound = filledByteBound(afterText: afterText) else { return nil }
        return [UInt8](unsafeUninitializedCapacity: bound) { target, count in
            count = fill(citations, afterText: afterText, into: target)
        }
    }

    /// At most how many bytes `fill(_:afterText:into:)` writes; nil for a section that
    /// `filledBytes` does not give (`text(_:)`'s).
    func filledByteBound(afterText: Bool) -> Int? {
        let holes: Int
        let count: Int
        if citesInBytes {
            holes = citationOffsets.count
            count = bytes.count
        } else {
            guard !places.isEmpty || !bytes.isEmpty else { return nil }
            holes = placeOffsets.count
            count = bytes.isEmpty ? storedSegments[0].utf8.count : bytes.count
        }
        return count + holes * ByteFill.holeBound + (afterText ? separator.utf8.count : 0)
    }

    /// Writes what `filledBytes` gives into `target` (at least `filledByteBound` bytes) and
    /// returns how many it wrote: the bytes are made once, where they are written, with no
    /// array appended to a piece at a time.
    func fill(_ citations: Citations, afterText: Bool, into target: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var at = 0
        if afterText, !separator.isEmpty {
            var separator = separator
            separator.withUTF8 { ByteFill.put($0, into: target, at: &at) }
        }
        if citesInBytes {
            bytes.withUnsafeBufferPointer { fillNumbers($0, citations, into: target, at: &at) }
        } else if bytes.isEmpty {
            var whole = storedSegments[0]
            whole.withUTF8 { fillPlaces($0, citations, into: target, at: &at) }
        } else {
            bytes.withUnsafeBufferPointer { fillPlaces($0, citations, into: target, at: &at) }
        }
        return at
    }

    /// A section made as bytes that has no hole to fill (and no separator to write before it
    /// when `afterText`): `body` reads its bytes where they are, as `filledBytes` would give
    /// them, with no copy made, and the result is true; false (and `body` not called) for any
    /// other section.
    func withUnfilledBytes(afterText: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard !bytes.isEmpty, citationOffsets.isEmpty, placeOffsets.isEmpty, citations.isEmpty, places.isEmpty,
            !afterText || separator.isEmpty
        else { return false }
        bytes.withUnsafeBufferPointer(body)
        return true
    }

    /// The text's bytes with every table place's hole filled by the entry's place.
    @inline(__always)
    private func fillPlaces(
        _ text: UnsafeBufferPointer<UInt8>, _ citations: Citations, into target: UnsafeMutableBufferPointer<UInt8>, at: inout Int
    ) {
        var start = 0
        for (key, offset) in zip(places, placeOffsets) where offset >= start && offset <= text.count {
            ByteFill.put(UnsafeBufferPointer(rebasing: text[start..<offset]), into: target, at: &at)
            ByteFill.putDigits(of: key.place(in: citations), into: target, at: &at)
            start = offset
        }
        ByteFill.put(UnsafeBufferPointer(rebasing: text[start...]), into: target, at: &at)
    }

    /// A section of citation holes in bytes: its bytes with each hole filled by "[n]", the
    /// reference's number (`text(_:)`'s numbers: references `citations` does not know are
    /// numbered after the others, in order).
    @inline(__always)
    private func fillNumbers(
        _ text: UnsafeBufferPointer<UInt8>, _ citations: Citations, into target: UnsafeMutableBufferPointer<UInt8>, at: inout Int
    ) {
        var numbers = citations
        var start = 0
        for (reference, offset) in zip(self.citations, citationOffsets) where offset >= start && offset <= text.count {
            ByteFill.put(UnsafeBufferPointer(rebasing: text[start..<offset]), into: target, at: &at)
            ByteFill.putByte(UInt8(ascii: "["), into: target, at: &at)
            ByteFill.putDigits(of: numbers.number(for: reference), into: target, at: &at)
            ByteFill.putByte(UInt8(ascii: "]"), into: target, at: &at)
            start = offset
        }
        ByteFill.put(UnsafeBufferPointer(rebasing: text[start...]), into: target, at: &at)
    }

    /// `filledBytes` as it was made before the twenty-third round: an array grown a piece at a
    /// time. Kept as the general path the tests compare `fill(_:afterText:into:)` with.
    func filledBytesByAppending(_ citations: Citations, afterText: Bool) -> [UInt8]? {
        var filled: [UInt8] = []
        if citesInBytes {
            if afterText { filled.append(contentsOf: separator.utf8) }
            var numbers = citations
            var start = 0
            for (reference, offset) in zip(self.citations, citationOffsets) where offset >= start && offset <= bytes.count {
                filled.append(contentsOf: bytes[start..<offset])
                filled.append(UInt8(ascii: "["))
                DecimalText.appendDigits(of: numbers.number(for: reference), to: &filled)
                filled.append(UInt8(ascii: "]"))
                start = offset
            }
            filled.append(contentsOf: bytes[start...])
            return filled
        }
        guard !places.isEmpty || !bytes.isEmpty else { return nil }
        let text = bytes.isEmpty ? Array(storedSegments[0].utf8) : bytes
        if afterText { filled.append(contentsOf: separator.utf8) }
        var start = 0
        for (key, offset) in zip(places, placeOffsets) where offset >= start && offset <= text.count {
            filled.append(contentsOf: text[start..<offset])
            DecimalText.appendDigits(of: key.place(in: citations), to: &filled)
            start = offset
        }
        filled.append(contentsOf: text[start...])
        return filled
    }

    /// A section without holes (a spilled table's entries): its bytes appended to `stream`,
    /// after the separator when `afterText`, as `text(_:afterText:)` gives them.
    func appendUnfilled(to stream: inout [UInt8], afterText: Bool) {
        guard !isEmpty else { return }
        if afterText { stream.append(contentsOf: separator.utf8) }
        if bytes.isEmpty {
            for segment in storedSegments { stream.append(contentsOf: segment.utf8) }
        } else {
            stream.append(contentsOf: bytes)
        }
    }
}

/// Numbers references in order of first citation.
struct Citations: Sendable {
    private(set) var ordered: [Reference] = []
    /// Each numbered reference's number, by its key's id (`Key.id`: equal ids, equal
    /// references), in a table of integers (no `Hasher` run a cited line).
    private var numbers = PlaceTable64()
    /// The facts and events cited, each once, in order of first citation, with their table ids
    /// (`TableID`); listed when the run writes a report with tables (JSON, SARIF).
    private(set) var facts: [(id: String, evidence: Evidence)] = []
    private(set) var events: [(id: String, event: Exposure.CitedEvent)] = []
    /// Each listed fact's and event's place in `facts` and `events`, by its id.
    private(set) var factPlaces = HashedTextPlaces()
    private(set) var eventPlaces = HashedTextPlaces()
    /// JSON schema 3's lists, each entry once, in order of first citation.
    private(set) var lists = CitedLists()
    /// Where a streamed check writes the tables of a schema 4 report that grow with the
    /// portfolio as their entries are listed (nil: `lists` keeps them).
    var spills: TableSpills?

    /// A reference and its number in `ReferenceIDs` (equal numbers: equal bytes), compared and
    /// hashed by that number. The number is looked up where the key is made: on the core that
    /// checked the policy (`CitedPart`), once for each evidence list a process sees
    /// (`EvidenceLists.Info`), so the ordered thread only looks up integers.
    ///
    /// The reference is held in a box: a key is copied for each line that cites it (into a
    /// policy's part, then its list), and a copy of the reference itself retained each of its
    /// five texts.
    struct Key: Hashable, Sendable {
        let id: Int
        private let box: Box

        var reference: Reference { box.reference }

        init(_ reference: Reference) {
            id = ReferenceIDs.shared.id(of: reference)
            box = Box(reference)
        }

        private final class Box: Sendable {
            let reference: Reference

            init(_ reference: Reference) {
                self.reference = reference
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(id)
        }

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.id == rhs.id }
    }

    init() {}

    /// Every reference the findings cite, numbered in order (findings in order, their evidence
    /// in order).
    init<Findings: Sequence<Finding>>(_ findings: Findings) {
        add(findings)
    }

    /// Numbers the references these findings cite that have no number yet, and lists the facts
    /// and events they cite that are not listed yet.
    mutating func add<Findings: Sequence<Finding>>(_ findings: Findings) {
        add(CitedPart(findings, tables: true, lists: true))
    }

    /// Numbers a policy's references and lists its facts and events (each once, in order).
    mutating func add(_ part: CitedPart) {
        for key in part.references { _ = number(for: key) }
        // By index: a `for` over the parts copied each fact's evidence (its texts retained and
        // released) to look its key up, and most are listed already.
        for index in part.factKeys.indices where factPlaces[part.factKeys[index]] == nil {
            factPlaces[part.factKeys[index]] = facts.count
            facts.append((part.factKeys[index].text, part.factLine(index)))
        }
        for index in part.eventKeys.indices where eventPlaces[part.eventKeys[index]] == nil {
            eventPlaces[part.eventKeys[index]] = events.count
            events.append((part.eventKeys[index].text, part.events[index]))
        }
        // A run that spills its tables writes their entries without schema 3's ids.
        lists.add(part.lists, ids: spills == nil)
        if let spills { spills.write(lists.takeSpilledEntries()) }
    }

    /// The number of a reference already numbered.
    func existing(_ reference: Reference) -> Int? { numbers[Self.slot(Key(reference))].map(Int.init) }

    mutating func number(for reference: Reference) -> Int {
        number(for: Key(reference))
    }

    /// The number of the key's reference, numbered now if it has none.
    mutating func number(for key: Key) -> Int {
        if let number = numbers[Self.slot(key)] { return Int(number) }
        ordered.append(key.reference)
        numbers.insert(Self.slot(key), place: Int32(truncatingIfNeeded: ordered.count))
        return ordered.count
    }

    /// The key's id as `numbers` holds it.
    private static func slot(_ key: Key) -> UInt64 { UInt64(bitPattern: Int64(key.id)) }
}

/// A number for each reference a process cites, by the bytes of its texts (`ExactText`), the
/// quote included: the same bytes get the same number in every run of the process. Hashing a
/// reference's texts for every cited line cost the numbering most of its time; now a reference
/// is hashed when its evidence list is first seen, and then carried as its number.
final class ReferenceIDs: @unchecked Sendable {
    static let shared = ReferenceIDs()
    private var ids: [Content: Int] = [:]
    private let lock = NSLock()

    /// The reference's number (a new one for bytes not seen before).
    func id(of reference: Reference) -> Int {
        let content = Content(reference)
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[content] { return id }
        let id = ids.count
        ids[content] = id
        return id
    }

    /// A reference compared by the bytes of its texts (the Unicode way, titles and quotes with
    /// accents or typographic quotes normalised to be hashed or told apart, cost a twentieth
    /// of a run).
    private struct Content: Hashable {
        let source: ExactText, title: ExactText?, date: ExactText?, quote: ExactText?, url: ExactText?

        init(_ reference: Reference) {
            source = ExactText(reference.source)
            title = reference.title.map(ExactText.init)
            date = reference.date.map { ExactText($0.text) }
            quote = reference.quote.map(ExactText.init)
            url = reference.url.map(ExactText.init)
        }

        /// By the short texts and the quote's length: equal keys have equal short texts, and
        /// hashing every quote cost most of a look-up (the length tells apart the references
        /// of one article that differ by their quotes).
        func hash(into hasher: inout Hasher) {
            hasher.combine(source)
            hasher.combine(title)
            hasher.combine(date)
            hasher.combine(quote?.text.utf8.count ?? -1)
        }
    }
}

/// The version string printed in reports.
public enum DiligenceVersion {
    public static let current = "0.1.0"
}
