import Foundation

/// The machine-readable report (docs/json-report.md): `JSONReportV4` (schema 4, the default:
/// compact, every table entry by its place), with `schemaVersion: 3` `JSONReportV3` (compact,
/// entries by content-hash ids), with 2 `JSONReport` (pretty-printed, each finding's lists in
/// full) or with 1 `JSONReportV1` (deprecated). Written by
/// `JSONStreamEncoder`: each policy's findings as a section while the check runs, the rest once
/// every policy is checked.
public struct JSONReporter: Reporter {
    /// The schema versions this tool writes; the first is the default.
    public static let schemaVersions = [4, 3, 2, 1]

    public let schemaVersion: Int

    public init(schemaVersion: Int = 4) {
        self.schemaVersion = schemaVersion
    }

    public let format = ReportFormat.json

    public var citesTables: Bool { schemaVersion >= 2 }

    public var citesLists: Bool { schemaVersion >= 3 }

    /// Schema 4 cites every table by place: a streamed check makes each finding's keys once
    /// for it and for the citations (`FindingTableKeys`).
    var wantsTableKeys: Bool { schemaVersion >= 4 }

    /// Schemas 1 and 2 list every failing finding in `summary.failing`; schemas 3 and 4 count them.
    public var listsFailing: Bool { schemaVersion <= 2 }

    /// The findings array's depth: inside the document's object.
    static let findingsDepth = 2

    func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        let reported = result.findings.lazy.filter { $0.severity >= context.options.reportMin }
        switch schemaVersion {
        case 1:
            return [JSONStreamEncoder.section(members: reported.map { JSONReportV1.FindingEntry($0, context.options) }, depth: Self.findingsDepth)]
        case 2:
            return [JSONStreamEncoder.section(findings: reported.map { JSONReport.FindingEntry($0, context.options) }, depth: Self.findingsDepth)]
        case 3:
            return [
                JSONStreamEncoder.section(
                    findings: reported.map { JSONReportV3.FindingEntry($0, context.options, policy: result.position) }, depth: Self.findingsDepth,
                    lineDepth: JSONReportV3.lineDepth)
            ]
        default:
            // Places in the tables are known once the policies before this one are cited: the
            // entries are written here, with holes the ordered writer fills (`ReportSection`).
            return [
                JSONReportV4.section(
                    of: reported, keys: result.tableKeys, options: context.options, policy: result.position, asOf: context.asOf.description)
            ]
        }
    }

    func layout(_ result: CheckSummary, _ citations: Citations) -> [ReportPiece] {
        switch schemaVersion {
        case 1:
            return Self.pieces(lineDepth: nil) { JSONReportV1.Document(Self.document(result, citations), findings: Self.streamed(result)) }
        case 2:
            return Self.pieces(lineDepth: nil) { Self.document(result, citations) }
        case 3:
            return Self.pieces(lineDepth: JSONReportV3.lineDepth) {
                JSONReportV3.Document(Self.document(result, citations), lists: citations.lists, failing: result.findings, findings: Self.streamed(result))
            }
        default:
            let make: @Sendable () -> JSONReportV4.Document<StreamedMembers> = {
                let version3 = JSONReportV3.Document(
                    Self.document(result, citations), lists: citations.lists, failing: result.findings, findings: Self.streamed(result))
                return JSONReportV4.Document(version3, messages: citations.lists.messages, findings: Self.streamed(result))
            }
            if let spills = citations.spills { return Self.pieces(make(), spills: spills) }
            return Self.pieces(lineDepth: JSONReportV3.lineDepth, make)
        }
    }

    /// Whether `layout` reads the summary's policies: schema 4 written by a streamed check
    /// spills its `policies` table as the policies are checked (`TableSpills`).
    var readsPolicies: Bool { schemaVersion <= 3 }

    /// A schema 4 document whose growing tables a streamed check spilled (`TableSpills`): the
    /// text between them, the findings' stream and each spilled table where its member goes.
    /// The text left is bounded by the database (facts, events, sources) and the summary.
    private static func pieces(_ document: JSONReportV4.Document<StreamedMembers>, spills: TableSpills) -> [ReportPiece] {
        let (parts, splits) = JSONStreamEncoder.parts(of: document, spilled: spills.keys, lineDepth: JSONReportV3.lineDepth)
        var pieces: [ReportPiece] = []
        for (part, split) in zip(parts, splits) {
            pieces.append(.text(part))
            if let key = split, let table = TableSpills.table(key: key) {
                pieces.append(.table(table))
            } else {
                pieces.append(.stream(0))
            }
        }
        if let last = parts.last, parts.count > splits.count { pieces.append(.text(last)) }
        return pieces
    }

    /// Where the findings go: the policies' sections, streamed.
    private static func streamed(_ result: CheckSummary) -> StreamedMembers {
        StreamedMembers(hasMembers: result.findings.reported > 0)
    }

    /// The schema 2 document around the streamed findings.
    private static func document(_ result: CheckSummary, _ citations: Citations) -> JSONReport.Document<StreamedMembers> {
        JSONReport.Document(result, citations, findings: streamed(result))
    }

    /// A document's layout: its text up to the findings, the findings' stream, and the rest
    /// encoded as the report is written (`DeferredText`): the tables after the findings grow
    /// with the portfolio, and are never held as one text. `make` builds the document each
    /// time it is encoded, so that no copy of the run's tables outlives the encoding.
    static func pieces<Document: Encodable>(lineDepth: Int?, _ make: @escaping @Sendable () -> Document) -> [ReportPiece] {
        let head = JSONStreamEncoder.head(of: make(), lineDepth: lineDepth)
        let tail = DeferredText { write in
            withoutActuallyEscaping(write) { write in JSONStreamEncoder.writeTail(of: make(), lineDepth: lineDepth, to: write) }
        }
        return [.text(head), .stream(0), .deferred(tail)]
    }

    /// A whole schema 3 document as text (what `report merge` writes).
    static func text(of document: JSONReportV3.Document<[JSONReportV3.FindingEntry]>) -> String {
        JSONStreamEncoder.text(of: document, lineDepth: JSONReportV3.lineDepth)
    }

    /// A whole schema 4 document as text (what `report merge` writes of schema 4 shards).
    static func text(of document: JSONReportV4.Document<[JSONReportV4.FindingEntry]>) -> String {
        JSONStreamEncoder.text(of: document, lineDepth: JSONReportV3.lineDepth)
    }

    /// A whole schema 2 document as text (what `report expand` writes).
    static func text(of document: JSONReport.Document<[JSONReport.FindingEntry]>) -> String {
        JSONStreamEncoder.text(of: document)
    }

    /// A document through `JSONEncoder` with sorted keys, the reference the stream encoder's
    /// bytes are tested against (the types declare their members in key order).
    static func encoderText<Value: Encodable>(of value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return JSONWriter.escapingHiddenCharacters(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
