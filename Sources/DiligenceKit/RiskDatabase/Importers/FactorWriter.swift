import Foundation

/// Writes imported factors as a factor file (`sources:` and `factors:`) that
/// `RiskDatabaseLoader` reads. Text is always double-quoted and escaped (`ListWriter.quoted`), so
/// nothing from an export can change the YAML's structure; numbers are plain decimals.
public enum FactorWriter {
    public static func yaml(_ imported: ImportedFactors) -> String {
        var out = ListWriter.preamble(imported.header, imported.snapshot)
        let q = ListWriter.quoted
        if !imported.sources.isEmpty {
            out += "sources:\n"
            for source in imported.sources {
                out += "  - id: \(q(source.id))\n    name: \(q(source.name))\n"
                if let date = source.date { out += "    date: \(q(date))\n" }
                if let licence = source.licence { out += "    licence: \(q(licence))\n" }
                if let url = source.url { out += "    url: \(q(url))\n" }
            }
        }
        out += "factors:\n"
        for factor in imported.factors {
            out += "  - id: \(q(factor.id))\n"
            out += "    kind: \(factor.kind.rawValue)\n"
            out += "    title: \(q(factor.title))\n"
            if let summary = factor.summary { out += "    summary: \(q(summary))\n" }
            out += "    country: \(factor.country.code)\n"
            out += "    in_force: { from: \(factor.inForceFrom)" + (factor.inForceUntil.map { ", until: \($0)" } ?? "") + " }\n"
            if let published = factor.published { out += "    published: \(published)\n" }
            if let modified = factor.modified { out += "    modified: \(modified)\n" }
            out += "    reviewed: \(factor.reviewed)\n"
            out += "    severity: \(factor.severity.name)\n"
            if !factor.affects.dependencies.isEmpty {
                out += "    affects:\n      dependencies: [\(factor.affects.dependencies.joined(separator: ", "))]\n"
            }
            if !factor.events.isEmpty {
                out += "    events:\n"
                for event in factor.events { out += self.event(event) }
            }
            out += "    references:\n"
            for reference in factor.references { out += ListWriter.reference(reference) }
            if !factor.recommendations.isEmpty {
                out += "    recommendations:\n"
                for recommendation in factor.recommendations { out += "      - \(q(recommendation))\n" }
            }
            if let notes = factor.notes { out += "    notes: \(q(notes))\n" }
        }
        return out
    }

    static func event(_ event: RiskEvent) -> String {
        let q = ListWriter.quoted
        var out = "      - date: \(event.date)\n"
        if let until = event.until { out += "        until: \(until)\n" }
        if let id = event.id { out += "        id: \(q(id))\n" }
        out += "        what: \(q(event.what))\n"
        if let type = event.type { out += "        type: \(q(type))\n" }
        if let subType = event.subType { out += "        sub_type: \(q(subType))\n" }
        if !event.actors.isEmpty { out += "        actors: [\(event.actors.map(q).joined(separator: ", "))]\n" }
        if let scope = event.scope { out += "        scope: \(scope)\n" }
        if !event.dependencies.isEmpty { out += "        dependencies: [\(event.dependencies.joined(separator: ", "))]\n" }
        if let place = event.place { out += "        place: \(q(place))\n" }
        if let region = event.region { out += "        region: \(q(region))\n" }
        if let location = event.location { out += "        lat: \(number(location.lat))\n        lon: \(number(location.lon))\n" }
        if let precision = event.geoPrecision { out += "        geo_precision: \(precision)\n" }
        if let locatedBy = event.locatedBy { out += "        located_by: \(q(locatedBy))\n" }
        if let fatalities = event.fatalities { out += "        fatalities: \(fatalities)\n" }
        if let source = event.source { out += "        source: \(q(source))\n" }
        if let notes = event.notes { out += "        notes: \(q(notes))\n" }
        return out
    }

    /// A plain decimal with at most 6 decimals ("-12.96", "40.3812"), never exponent notation.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
