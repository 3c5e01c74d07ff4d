import ArgumentParser
import DiligenceKit

@main
struct Diligence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diligence",
        abstract: "Geopolitical due diligence for compliance teams: match policy files against a risk database.",
        discussion: """
            Exit codes: 0 no finding at or above --fail-on; 1 the gate failed; 2 invalid input; 64 wrong command line.
            """,
        version: DiligenceVersion.current,
        subcommands: [CheckCommand.self, ValidateCommand.self, ScreenCommand.self, DBCommand.self, InitCommand.self, SchemaCommand.self, ExplainCommand.self]
    )
}
