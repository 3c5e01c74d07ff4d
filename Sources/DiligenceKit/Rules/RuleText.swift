/// The text of `diligence explain RULE`, taken from the rule's own description.
public enum RuleText {
    public static func explain(_ description: RuleDescription) -> String {
        var lines = ["\(description.id): \(description.name)", "", description.summary, "", "Facts used: \(description.facts)", "", "Severity:"]
        lines += description.severityModel.map { "  - \($0)" }
        lines += ["", "Recommends:"]
        lines += description.recommendations.map { "  - \($0)" }
        if let example = description.triggeringExamples.first {
            lines += ["", "Example that triggers it (against the shipped seeds, as of \(description.examplesAsOf)):", ""]
            lines += example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        }
        if let example = description.nonTriggeringExamples.first {
            lines += ["", "Example that does not:", ""]
            lines += example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
