/// GitHub Actions workflow commands: `::error` for findings that fail the gate, `::warning`
/// below it, `::notice` for info and accepted findings.
public struct GitHubReporter: Reporter {
    public init() {}

    public let format = ReportFormat.github

    func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        lineSection(result, context) { finding in
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
    }

    func layout(_ result: CheckSummary, _ citations: Citations) -> [ReportPiece] {
        [.stream(0)]
    }

    var readsPolicies: Bool { false }
}
