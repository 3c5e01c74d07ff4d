/// The due-diligence report a compliance officer reads, signs and files, in the shape the OECD
/// Due Diligence Guidance and UN Guiding Principles 17–21 lead them to expect: control block,
/// executive summary (companies by risk), scope and coverage, methodology, findings per company
/// (its summary and sign-off block, then its findings grouped by risk factor, most severe
/// first), country risk profiles (each factor stated once, with its quotes), accepted risks and
/// open items, limitations, and the source list.
public struct MarkdownReporter: Reporter {
    public init() {}

    public let format = ReportFormat.markdown

    /// Two streams: each policy's scope (section 3) and its findings (section 5).
    public var streamCount: Int { 2 }

    public func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        var scope = MarkdownDocument()
        self.scope(of: policy, &scope)
        var findings = MarkdownDocument()
        self.findings(of: result, context, &findings)
        return [scope.section, findings.section]
    }

    public func layout(_ result: CheckResult, _ citations: Citations) -> [ReportPiece] {
        var out = MarkdownDocument()
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
        return out.pieces
    }
}
