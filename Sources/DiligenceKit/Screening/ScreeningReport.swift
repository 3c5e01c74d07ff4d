import Foundation

/// The JSON of `diligence screen --format json`: one element per query, in input order, each
/// with every match at or above the threshold, best first: the entity, the name or alias that
/// matched, the score, the why, whether every token matched exactly, and the token pairs.
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
        var exact: Bool
        var tokens: [ScreeningMatch.Detail]
        var kind: String
        var country: String?
        var listed_by: [String]
        var programme: String?
    }

    public static func json(_ results: [(String, [ScreeningMatch])]) -> String {
        let entries = results.map { query, matches in
            Entry(
                query: query,
                matches: matches.map { match in
                    Match(
                        entity: match.entity.id, name: match.entity.name, matched: match.matched,
                        score: (match.score * 1000).rounded() / 1000, why: match.why, exact: match.isExact, tokens: match.details,
                        kind: match.entity.kind.rawValue,
                        country: match.entity.country?.code, listed_by: match.entity.listedBy, programme: match.entity.programme)
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension ScreeningReport {
    /// One line per match (`query: ID NAME (matched "ALIAS", score 0.93): why`), or
    /// `query: no match`, in input order.
    public static func text(_ results: [(String, [ScreeningMatch])]) -> String {
        var out = ""
        for (query, matches) in results {
            if matches.isEmpty { out += "\(query): no match\n" }
            for match in matches {
                out +=
                    "\(query): \(match.entity.id) \(match.entity.name) (matched \"\(match.matched)\", score \(ScreeningExplanation.format(match.score))): \(match.why)\n"
            }
        }
        return out
    }
}
