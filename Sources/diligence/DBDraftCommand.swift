import ArgumentParser
import DiligenceKit
import Foundation

/// `diligence db draft ARTICLE`: a draft factor file from an analyst's article, every item
/// marked for review (`status: draft`, which `check` refuses until an analyst removes it).
struct DBDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft a risk factor file from an article (.txt, .md or .html) for an analyst to review.",
        discussion: """
            Proposes dated events (each with its sentence as quote and its date precision), places geocoded from \
            the built-in gazetteer (ambiguous and unknown names listed, never guessed), factor kinds with the words \
            that triggered them, and named persons and organisations. Every factor carries `status: draft`: \
            `validate` warns, `check` refuses the database until the analyst removes it. The summary goes to \
            standard error. Exit codes: 0 written; 2 unreadable article or output. docs/drafting.md has the method.
            """
    )

    @Argument(help: "The article: plain text, Markdown (.md) or HTML (.html, .htm).")
    var article: String

    @Option(name: .long, help: "The country the factor is about (ISO code or name; default: the one the text names most).")
    var country: String?

    @Option(
        name: .long,
        help: "The article's publication date (YYYY-MM-DD): dates without a year and relative ones (\"last month\", \"on Monday\") are resolved against it.")
    var published: Day?

    @Option(name: .long, help: "The publisher, as references cite it (default: the article's file name).")
    var source: String?

    @Option(name: .long, help: "The draft factor file to write (YAML), written atomically, e.g. factors/draft.yaml.")
    var output: String

    func run() throws {
        let text: String
        let summary: [String]
        do {
            let drafter = try Drafter.builtin()
            var chosen: Country?
            if let country {
                guard let found = drafter.countries.resolve(country) else {
                    printError("error: unknown country '\(country)' (--country takes an ISO code or a name)")
                    throw ExitCode.invalidInput
                }
                chosen = found
            }
            let read = try ArticleReader.read(path: article, display: article)
            let name = source ?? (article as NSString).lastPathComponent
            let draft = try drafter.draft(read, country: chosen, published: published, source: name, today: .today)
            text = DraftWriter.yaml(draft, file: article)
            summary = DraftSummary.lines(draft)
        } catch let error as InputError {
            throw rejected(error)
        }
        do {
            try ReportWriter.write([(output, text)])
        } catch {
            printError(error.description.replacingOccurrences(of: "cannot write report", with: "cannot write draft"))
            throw ExitCode.invalidInput
        }
        for line in summary { printError("\(output): \(line)") }
    }
}
