import ArgumentParser
import DiligenceKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check policy files (and the risk database) against their formats; no matching.",
        discussion: "Exit codes: 0 valid; 2 invalid, with every problem as path:line:column: error: message."
    )

    @Argument(help: "Policy files or folders (recursive *.yaml, *.yml).")
    var paths: [String] = ["policies"]

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let workspace = try database.workspace()
        for warning in workspace.database.drafts { printError(warning.description) }
        do {
            let policies = try PolicySet.load(paths, loader: workspace.policyLoader)
            print(
                "\(policies.count) policy file\(policies.count == 1 ? "" : "s") valid; database \(workspace.database.metadata.name): \(workspace.database.factors.count) factors, \(workspace.database.entities.count) listed entities"
            )
        } catch {
            throw rejected(error)
        }
    }
}
