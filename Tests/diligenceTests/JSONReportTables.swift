import Foundation

/// Reads a JSON report of schema 2 as its reader would: a finding's evidence and events are
/// ids into the document's `facts`, `sources` and `events` tables.
struct JSONReportTables {
    let facts: [String: [String: Any]]
    let sources: [Int: [String: Any]]
    let events: [String: [String: Any]]

    init(_ document: [String: Any]) {
        func table<Key>(_ name: String, _ key: ([String: Any]) -> Key?) -> [Key: [String: Any]] {
            var entries: [Key: [String: Any]] = [:]
            for entry in document[name] as? [[String: Any]] ?? [] { if let id = key(entry) { entries[id] = entry } }
            return entries
        }
        facts = table("facts") { $0["id"] as? String }
        sources = table("sources") { $0["id"] as? Int }
        events = table("events") { $0["id"] as? String }
    }

    /// The finding's cited events, each with its distance from the finding's site.
    func events(of finding: [String: Any]) -> [[String: Any]] {
        let references = (finding["exposure"] as? [String: Any])?["events"] as? [[String: Any]] ?? []
        return references.compactMap { reference in
            guard let id = reference["event"] as? String, var event = events[id] else { return nil }
            if let distance = reference["distance_km"] { event["distance_km"] = distance }
            return event
        }
    }

    /// The finding's evidence as schema 1 wrote it: record, fact, date and the source's fields.
    func evidence(of finding: [String: Any]) -> [[String: Any]] {
        (finding["evidence"] as? [[String: Any]] ?? []).compactMap { item in
            guard let id = item["fact"] as? String, let fact = facts[id] else { return nil }
            var entry: [String: Any] = ["record": fact["record"] ?? "", "fact": fact["fact"] ?? ""]
            if let date = item["date"] { entry["date"] = date }
            if let number = fact["source"] as? Int, let source = sources[number] {
                for key in ["source", "title", "quote", "url"] { if let value = source[key] { entry[key] = value } }
                if let date = source["date"] { entry["source_date"] = date }
            }
            return entry
        }
    }

    /// The finding with its evidence and events written out in full (as schema 1 had them).
    func resolved(_ finding: [String: Any]) -> [String: Any] {
        var finding = finding
        let events = events(of: finding)
        finding["evidence"] = evidence(of: finding)
        if var exposure = finding["exposure"] as? [String: Any] {
            exposure["events"] = events
            finding["exposure"] = exposure
        }
        return finding
    }

    /// Every finding of a schema 2 document, resolved.
    static func findings(_ document: [String: Any]) -> [[String: Any]] {
        let tables = JSONReportTables(document)
        return (document["findings"] as? [[String: Any]] ?? []).map(tables.resolved)
    }
}
