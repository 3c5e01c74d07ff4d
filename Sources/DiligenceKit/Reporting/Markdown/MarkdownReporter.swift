/// The due-diligence report a compliance officer reads, signs and files, in the shape the OECD
/// Due Diligence Guidance and UN Guiding Principles 17–21 lead them to expect: control block,
/// executive summary (companies by risk), scope (one table per kind of operation) and coverage,
/// methodology, findings per company (grouped by risk factor, most severe first, each with the
/// owner, decision and due date to fill in, then the company's signature), country risk profiles
/// (each factor stated once, with its quotes), accepted risks and open items, limitations, and
/// the source list. One file per section in `Reporting/Markdown/`.
public struct MarkdownReporter: Reporter {
    public init() {}

    public let format = ReportFormat.markdown

    /// The summary and open items list the not-assessed and new findings.
    var listsFindings: Bool { true }

    /// The report id, the summary's top risks and stale intelligence, the methodology's advice
    /// and the factor profiles come from the findings' summary.
    var narrates: Bool { true }

    /// Six streams: each policy's rows of the five scope tables (section 3) and its findings (section 5).
    public var streamCount: Int { ScopeTable.allCases.count + 1 }

    /// The stream of each policy's findings, after the scope tables'.
    static let findingsStream = ScopeTable.allCases.count

    func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        var findings = MarkdownDocument()
        self.findings(of: result, context, &findings)
        return scope(of: policy, result, context).map(\.section) + [findings.section]
    }

    func layout(_ result: CheckSummary, _ citations: Citations) -> [ReportPiece] {
        layout(result, citations, flushSize: MarkdownDocument.layoutFlushSize)
    }

    /// The layout, its text moved out of the bytes it is made of every `flushSize` bytes (nil:
    /// never; the pieces are the same either way).
    func layout(_ result: CheckSummary, _ citations: Citations, flushSize: Int?) -> [ReportPiece] {
        var out = MarkdownDocument()
        out.flushSize = flushSize
        control(result, &out)
        executiveSummary(result, &out)
        scope(result, &out)
        methodology(result, &out)
        findings(result, &out)
        // The profiles number the sources no finding cited after the others.
        var numbers = citations
        profiles(result, &numbers, &out)
        openItems(result, &out)
        limitations(result, &out)
        annex(numbers, &out)
        return out.takePieces()
    }

    /// An HTML anchor id made of lowercase ASCII letters, digits and hyphens: "factor-drf-2020-ml-0001".
    static func anchor(_ kind: String, _ id: String) -> String {
        // On the bytes: only ASCII letters and digits are kept, and any other scalar (all of
        // its bytes) is one hyphen at most.
        var slug = Array(kind.utf8)
        slug.append(UInt8(ascii: "-"))
        var lastWasHyphen = true
        for byte in id.utf8 {
            if (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte) {
                slug.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                slug.append(UInt8(ascii: "-"))
                lastWasHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }
}
