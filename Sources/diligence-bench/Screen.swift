import ArgumentParser
import DiligenceKit
import Foundation

/// `screen` as the user's command runs it, with the time of each phase on standard error.
struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Screen the names of --input as `diligence screen --list` does; load, index and screening times on standard error.")

    @OptionGroup var options: ListOptions

    @Option(name: .long, help: "Lowest score reported, 0..1.")
    var threshold: Double = RuleSettings().screeningThreshold

    @Flag(name: .long, help: "Write the matches as JSON (default: text).")
    var json = false

    func run() throws {
        let started = Date()
        let entities = try options.entities()
        let loaded = Date()
        let names = try queries(options.input)
        let screener = NameScreener(entities: entities, parameters: try options.parameters())
        let indexed = Date()
        let results = screener.screen(names.map { ScreeningQuery($0, kind: options.kind) }, threshold: threshold)
        let screening = Date().timeIntervalSince(indexed)
        FileHandle.standardError.write(
            Data(
                String(
                    format: "load %.2f s (%d entities), index %.2f s (%d names), screen %.2f s (%d names, %.0f names/s), %d matches\n",
                    loaded.timeIntervalSince(started), entities.count, indexed.timeIntervalSince(loaded), screener.nameCount,
                    screening, names.count, Double(names.count) / max(screening, 1e-9), results.map(\.count).reduce(0, +)
                ).utf8))
        let pairs = Array(zip(names, results))
        print(json ? ScreeningReport.json(pairs) : ScreeningReport.text(pairs), terminator: json ? "\n" : "")
    }
}

/// Each name's Latin form and comparison keys: what rapidfuzz is given in the benchmark.
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "For each name of --input: its Latin form (lower case), a tab, its comparison keys.")

    @Option(name: .long, help: "A file with one name per line (UTF-8).")
    var input: String

    func run() throws {
        var out = ""
        for name in try queries(input) {
            let normalized = NameNormalizer.standard.normalize(name)
            out += NameNormalizer.latinLower(name).replacingOccurrences(of: "\t", with: " ") + "\t" + normalized.keys.joined(separator: " ") + "\n"
        }
        print(out, terminator: "")
    }
}

/// The score of given (query, entity) pairs: the benchmark's precision and recall.
struct Pairs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "For each `query<TAB>entity-id` line of --input, the entity's best score for the query (0 when it is not a candidate).")

    @OptionGroup var options: ListOptions

    @Option(
        help:
            "Score as `diligence screen --threshold` does: a pair scoring this or more that the screen at this threshold does not return (its candidate bound cut the name) scores 0. 0 scores every candidate in full."
    )
    var threshold: Double = 0

    func run() throws {
        let screener = NameScreener(entities: try options.entities(), parameters: try options.parameters())
        var out = ""
        let rows: [String]
        do {
            rows = try TextLines.read(options.input, limit: 256 << 20)
        } catch {
            throw failed(error)
        }
        for row in rows where !row.isEmpty {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 2 else { continue }
            let query = ScreeningQuery(columns[0], kind: options.kind)
            var score = screener.screen(query, threshold: 0).first { $0.entity.id == columns[1] }?.score ?? 0
            if threshold > 0, score >= threshold, !screener.screen(query, threshold: threshold).contains(where: { $0.entity.id == columns[1] }) {
                score = 0
            }
            out += String(format: "%.4f\n", score)
        }
        print(out, terminator: "")
    }
}
