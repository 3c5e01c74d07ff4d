/// GitHub Actions workflow commands: `::error` for findings that fail the gate, `::warning`
/// below it, `::notice` for info and accepted findings.
public struct GitHubReporter: LineReporter {
    public init() {}

    public let format = ReportFormat.github

    func line(for finding: Finding, _ context: ReportContext) -> String {
        let command: String
        if context.options.failsGate(finding) {
            command = "error"
        } else if finding.accepted != nil || finding.severity == .info {
            command = "notice"
        } else {
            command = "warning"
        }
        let title = "\(finding.rule) (\(finding.severity)\(finding.accepted != nil ? ", accepted" : ""))"
        return
            "::\(command) file=\(Escaping.githubProperty(finding.policy)),line=\(finding.line),col=\(finding.column),title=\(Escaping.githubProperty(title))::\(Escaping.githubMessage(finding.message))"
    }

    var readsPolicies: Bool { false }
}
