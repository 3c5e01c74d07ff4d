/// Plain-text descriptions of database records for `diligence db show`.
public enum DatabaseText {
    public static func describe(_ factor: RiskFactor) -> String {
        var lines = [
            "\(factor.id): \(factor.title)",
            "kind: \(factor.kind.rawValue); country: \(factor.country); severity: \(factor.severity)",
            "in force: from \(factor.inForceFrom)" + (factor.inForceUntil.map { " until \($0)" } ?? " (still in force)"),
            "reviewed: \(factor.reviewed); file: \(factor.file):\(factor.mark.line)",
        ]
        if let summary = factor.summary { lines.append(""); lines.append(summary) }
        if !factor.affects.dependencies.isEmpty { lines.append("affects dependencies: " + factor.affects.dependencies.joined(separator: ", ")) }
        if !factor.affects.goods.isEmpty { lines.append("affects goods: " + factor.affects.goods.joined(separator: ", ")) }
        if !factor.exemptGoods.isEmpty { lines.append("exempt goods: " + factor.exemptGoods.joined(separator: ", ")) }
        if !factor.areas.isEmpty {
            lines.append("areas:")
            for area in factor.areas {
                lines.append(
                    "  - \(area.name)" + (area.location.map { " (\($0))" } ?? "")
                        + (area.geojson.map { ", polygon \($0) (\(area.geometry?.vertexCount ?? 0) vertices)" } ?? "")
                        + (area.radiusKm.map { area.geojson == nil ? ", radius \(Int($0)) km" : ", margin \(Int($0)) km" } ?? ""))
            }
        }
        if !factor.targets.isEmpty {
            lines.append("targets:")
            for target in factor.targets { lines.append("  - \(target.name)") }
        }
        if !factor.events.isEmpty {
            lines.append("events:")
            for event in factor.events {
                lines.append(
                    "  - " + (event.id.map { "\($0) " } ?? "") + event.when + ": \(event.what)"
                        + (event.place.map { " [\($0)]" } ?? "") + (event.fatalities.map { $0 > 0 ? " (\($0) killed)" : "" } ?? ""))
            }
        }
        lines.append("references:")
        for reference in factor.references {
            lines.append("  - \(reference.source)" + (reference.title.map { ", \($0)" } ?? "") + (reference.date.map { ", \($0)" } ?? ""))
            if let quote = reference.quote { lines.append("    \"\(quote)\"") }
        }
        if !factor.recommendations.isEmpty {
            lines.append("recommendations:")
            for recommendation in factor.recommendations { lines.append("  - \(recommendation)") }
        }
        return lines.joined(separator: "\n")
    }

    public static func describe(_ entity: ListedEntity) -> String {
        var lines = ["\(entity.id): \(entity.name) (\(entity.kind.rawValue))"]
        if !entity.aliases.isEmpty { lines.append("aliases: " + entity.aliases.joined(separator: "; ")) }
        if let country = entity.country { lines.append("country: \(country)") }
        lines.append("listed by: " + (entity.listedBy.isEmpty ? "not stated" : entity.listedBy.joined(separator: ", ")))
        if let programme = entity.programme { lines.append("programme: \(programme)") }
        if !entity.measures.isEmpty { lines.append("measures: " + entity.measures.joined(separator: ", ")) }
        lines.append("since: " + (entity.since?.description ?? "not stated"))
        return lines.joined(separator: "\n")
    }
}
