import ArgumentParser
import DiligenceKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the policy format (for editors), or a format reference.",
        discussion: """
            The schema is generated from the same declarations the loader validates with, including the \
            vocabularies of --db. Use it with the YAML language server: add \
            `# yaml-language-server: $schema=policy.schema.json` to a policy file.
            """
    )

    enum Reference: String, ExpressibleByArgument, CaseIterable {
        case policy
        case database
    }

    @Option(name: .long, help: "Print the Markdown reference of the policy or database format instead (docs/policy-format.md, docs/risk-database.md).")
    var reference: Reference?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let workspace = try database.vocabularyWorkspace()
        switch reference {
        case .policy:
            print(FormatReference(vocabularies: workspace.vocabularies).policyFormat(), terminator: "")
        case .database:
            print(FormatReference(vocabularies: workspace.vocabularies).riskDatabase(), terminator: "")
        case nil:
            let generator = JSONSchemaGenerator(countries: workspace.countries, vocabularies: workspace.vocabularies)
            print(
                generator.document(
                    for: PolicySchema.policy, title: "diligence policy file, format version 1",
                    id: "urn:diligence:schema:policy:1"), terminator: "")
        }
    }
}
