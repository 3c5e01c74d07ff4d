import Foundation

/// The JSON of `diligence screen --format json`: one element per query, in input order.
public enum ScreeningReport {
    struct Entry: Encodable {
        var query: String
        var matches: [Match]
    }

    struct Match: Encodable {
        var entity: String
        var name: String
        var matched: String
        var score: Double
        var why: String
        var kind: String
        var country: String?
        var listed_by: [String]
        var programme: String?
    }

    public static func json(_ results: [(String, [ScreeningMatch])]) -> String {
        let entries = results.map { query, matches in
            Entry(query: query, matches: matches.map { match in
                Match(entity: match.entity.id, name: match.entity.name, matched: match.matched,
                      score: (match.score * 1000).rounded() / 1000, why: match.why, kind: match.entity.kind.rawValue,
                      country: match.entity.country?.code, listed_by: match.entity.listedBy, programme: match.entity.programme)
            })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
