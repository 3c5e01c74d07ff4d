import ArgumentParser
import CAllocator
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
        subcommands: [
            CheckCommand.self, ValidateCommand.self, ScreenCommand.self, DBCommand.self, InitCommand.self, SchemaCommand.self, ExplainCommand.self,
            ReportCommand.self,
        ]
    )

    /// As `ParsableCommand.main()`, with the allocator set for a small peak
    /// (`diligence_compact_allocator`) and the standard streams made safe first, and what was
    /// printed checked at the end (a failed write is exit 2).
    static func main() {
        diligence_compact_allocator()
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            StandardStreams.finish()
            exit(withError: error)
        }
        StandardStreams.finish()
    }
}
