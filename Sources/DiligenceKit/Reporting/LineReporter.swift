/// A report of one line per reported finding, with an optional closing text: such a reporter
/// implements `line(for:_:)` (and `closing(_:)` if it has one) and gets its per-policy sections
/// and its layout from here, so it streams like every other format without knowing how.
protocol LineReporter: Reporter {
    /// The finding's line, without its line break.
    func line(for finding: Finding, _ context: ReportContext) -> String

    /// Text written after every policy's lines (empty: none).
    func closing(_ result: CheckSummary) -> String
}

extension LineReporter {
    func closing(_ result: CheckSummary) -> String { "" }

    func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        var lines = ""
        for finding in result.findings where finding.severity >= context.options.reportMin {
            lines += line(for: finding, context)
            lines += "\n"
        }
        return [ReportSection(lines)]
    }

    func layout(_ result: CheckSummary, _ citations: Citations) -> [ReportPiece] {
        let closing = closing(result)
        return closing.isEmpty ? [.stream(0)] : [.stream(0), .text(closing)]
    }
}
