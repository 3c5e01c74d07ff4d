/// A short summary for a terminal: one line per finding and a verdict.
public struct TextReporter: LineReporter {
    public init() {}

    public let format = ReportFormat.text

    func line(for finding: Finding, _ context: ReportContext) -> String {
        var state = finding.accepted != nil ? " (accepted)" : ""
        if context.isNew(finding) == true { state += " (new)" }
        if let change = context.options.comparison?.change(of: finding) { state += " (\(change.kind.rawValue))" }
        let binding = finding.binding.map { " [" + Self.bindingTag($0) + "]" } ?? ""
        return Escaping.terminal(
            "\(finding.policy):\(finding.line):\(finding.column): \(finding.severity)\(state): [\(finding.rule)] \(finding.message)\(binding)")
    }

    /// "binds: ECOWAS", "secondary: LT, LV, EE", "binding not assessed": whether the measure
    /// behind the finding binds the entity, and who imposed it.
    static func bindingTag(_ binding: Binding) -> String {
        let by = binding.imposedBy.isEmpty ? "" : ": " + binding.imposedBy.joined(separator: ", ")
        switch binding.status {
        case .binds: return "binds" + by
        case .secondary: return "secondary" + by
        case .notAssessed: return "binding not assessed" + by
        }
    }

    func closing(_ result: CheckSummary) -> String {
        (result.findings.reported == 0 ? "" : "\n") + summary(result).joined(separator: "\n") + "\n"
    }

    /// The closing lines: counts, baseline changes, database and gate verdict.
    public func summary(_ result: CheckSummary) -> [String] {
        var lines: [String] = []
        let counts = Severity.allCases.reversed().compactMap { severity in
            result.counts[severity].map { "\($0) \(severity)" }
        }
        let accepted = result.findings.accepted.values.reduce(0, +)
        var summary = "\(result.policyCount) polic\(result.policyCount == 1 ? "y" : "ies") checked as of \(result.asOf): "
        summary += counts.isEmpty ? "no findings" : counts.joined(separator: ", ")
        if accepted > 0 { summary += "; \(accepted) accepted" }
        lines.append(summary)
        if let baseline = result.options.baseline {
            let new = result.findings.newSinceBaseline
            lines.append("since baseline \(baseline.file): \(new) new, \(result.resolvedSinceBaseline.count) resolved")
        }
        if let comparison = result.options.comparison {
            lines.append("since \(comparison.sinceText): \(comparison.countsText)")
        }
        let age = DatabaseAge(reviews: result.database.reviewDates ?? [], asOf: result.asOf)
        let ageText = age.days.map { "; \($0) day\($0 == 1 ? "" : "s") old at the as-of date" } ?? "; no factor reviewed by the as-of date"
        lines.append(
            "database: \(result.database.name) \(result.database.version ?? "") sha256:\(result.database.digest.prefix(12))".replacingOccurrences(
                of: "  ", with: " ") + ageText)
        lines.append(result.gate.textLine)
        return lines
    }
}
