import ArgumentParser
import DiligenceKit
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter policy (to standard output by default).",
        discussion: "On a terminal, asks for what the flags do not give; otherwise asks nothing."
    )

    @Option(name: .long, help: "Write to this file instead of standard output (never overwrites an existing file).")
    var output: String?

    @Option(name: .long, help: "The company or business unit the policy describes.")
    var company: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Countries where it operates (ISO codes or English names); one office each.")
    var country: [String] = []

    func run() throws {
        let countries: CountryTable
        do {
            countries = try CountryTable.builtin()
        } catch {
            throw rejected(error)
        }
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
        var name = company
        var wanted = country
        if interactive, name == nil {
            name = ask("Company or business unit")
        }
        if interactive, wanted.isEmpty {
            wanted = (ask("Countries where it operates (codes or names, comma-separated; empty for none)") ?? "")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var resolved: [Country] = []
        for text in wanted {
            guard let found = countries.resolve(text) else {
                let hint = countries.suggestion(for: text).map { "; did you mean \($0)?" } ?? ""
                throw ValidationError("unknown country '\(text)'\(hint)")
            }
            resolved.append(found)
        }
        let company = name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "Example Company Ltd"
        let text = StarterPolicy.render(company: company, countries: resolved, reviewed: .today)
        guard let output else {
            print(text, terminator: "")
            return
        }
        if FileManager.default.fileExists(atPath: output) {
            printError("\(output): error: already exists; choose another --output or remove it")
            throw ExitCode.invalidInput
        }
        do {
            try ReportWriter.write([(output, text)])
        } catch {
            printError(error.description)
            throw ExitCode.invalidInput
        }
        printError("wrote \(output); next: diligence validate \(output) && diligence check \(output)")
    }

    private func ask(_ question: String) -> String? {
        FileHandle.standardError.write(Data("\(question): ".utf8))
        return readLine()
    }
}
