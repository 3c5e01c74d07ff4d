import ArgumentParser
import DiligenceKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "What a rule checks, how it scores, what it recommends (without RULE: the list of rules)."
    )

    @Argument(help: "A rule id.") var rule: String?

    func run() throws {
        guard let rule else {
            for rule in RuleRegistry.all { print("\(rule.description.id)\t\(rule.description.summary)") }
            return
        }
        guard let found = RuleRegistry.rule(id: RuleID(rule)) else {
            throw ValidationError("unknown rule '\(rule)'; rules: \(RuleRegistry.ids.map(\.rawValue).joined(separator: ", "))")
        }
        print(RuleText.explain(found.description))
    }
}
