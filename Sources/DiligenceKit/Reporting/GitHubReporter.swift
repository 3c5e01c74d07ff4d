/// GitHub Actions workflow commands: `::error` for findings that fail the gate, `::warning`
/// below it, `::notice` for info and accepted findings.
public struct GitHubReporter: Reporter {
    public init() {}

    public let format = ReportFormat.github

    public func render(_ result: CheckResult) -> String {
        let failing = Set(result.failingFindings.map { "\($0.policy)#\($0.identity)" })
        var lines: [String] = []
        for finding in result.reportedFindings {
            let command: String
            if failing.contains("\(finding.policy)#\(finding.identity)") {
                command = "error"
            } else if finding.accepted != nil || finding.severity == .info {
                command = "notice"
            } else {
                command = "warning"
            }
            let title = "\(finding.rule) (\(finding.severity)\(finding.accepted != nil ? ", accepted" : ""))"
            lines.append("::\(command) file=\(Escaping.githubProperty(finding.policy)),line=\(finding.line),col=\(finding.column),title=\(Escaping.githubProperty(title))::\(Escaping.githubMessage(finding.message))")
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
