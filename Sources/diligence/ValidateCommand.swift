import ArgumentParser
import DiligenceKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check policy files (and the risk database) against their formats; no matching.",
        discussion: "Exit codes: 0 valid; 2 invalid, with every problem as path:line:column: error: message."
    )

    @OptionGroup var input: PolicyInput

    func run() throws {
        let workspace = try input.database.workspace()
        for warning in workspace.database.drafts { printError(warning.description) }
        do {
            let policies = try PolicySet.load(input.paths, loader: workspace.policyLoader)
            print(
                "\(policies.count) policy file\(policies.count == 1 ? "" : "s") valid; database \(workspace.database.metadata.name): \(workspace.database.factors.count) factors, \(workspace.database.entities.count) listed entities"
            )
        } catch {
            throw rejected(error)
        }
    }
}
