import Foundation

/// Reads a JSON report of schema 2 or 3 as its reader would: a finding's evidence and events
/// are ids into the document's `facts`, `sources` and `events` tables; in schema 3 its evidence
/// list, recommendations, path steps, exposure bands and binding are ids into `evidence_lists`,
/// `recommendation_lists`, `path_steps`, `exposure_bands` and `bindings`, its policy is its place
/// in `policies`, and its `id` and its exposure's `rule`, `severity` and `subject` may be left out
/// (derived from the finding's other members).
struct JSONReportTables {
    let facts: [String: [String: Any]]
    let sources: [Int: [String: Any]]
    let events: [String: [String: Any]]
    let evidenceLists: [String: [String: Any]]
    let recommendationLists: [String: [String: Any]]
    let pathSteps: [String: [String: Any]]
    let bands: [String: [String: Any]]
    let bindings: [String: [String: Any]]
    let policies: [String]

    init(_ document: [String: Any]) {
        func table<Key>(_ name: String, _ key: ([String: Any]) -> Key?) -> [Key: [String: Any]] {
            var entries: [Key: [String: Any]] = [:]
            for entry in document[name] as? [[String: Any]] ?? [] { if let id = key(entry) { entries[id] = entry } }
            return entries
        }
        facts = table("facts") { $0["id"] as? String }
        sources = table("sources") { $0["id"] as? Int }
        events = table("events") { $0["id"] as? String }
        evidenceLists = table("evidence_lists") { $0["id"] as? String }
        recommendationLists = table("recommendation_lists") { $0["id"] as? String }
        pathSteps = table("path_steps") { $0["id"] as? String }
        bands = table("exposure_bands") { $0["id"] as? String }
        bindings = table("bindings") { $0["id"] as? String }
        policies = (document["policies"] as? [[String: Any]] ?? []).map { $0["file"] as? String ?? "" }
    }

    /// A schema 3 finding with its lists written out as schema 2 has them (a schema 2 finding as it is).
    func lists(of finding: [String: Any]) -> [String: Any] {
        var finding = finding
        if let place = finding["policy"] as? Int, policies.indices.contains(place) { finding["policy"] = policies[place] }
        if finding["id"] == nil, let rule = finding["rule"] as? String, let subject = finding["subject"] as? String {
            finding["id"] = ([rule, subject] + ((finding["factors"] as? [String])?.prefix(1) ?? [])).joined(separator: "/")
        }
        if let id = finding["binding"] as? String, var binding = bindings[id] {
            binding["id"] = nil
            finding["binding"] = binding
        }
        if let id = finding["evidence"] as? String { finding["evidence"] = evidenceLists[id]?["items"] ?? [] }
        if finding["evidence"] == nil { finding["evidence"] = [[String: Any]]() }
        if let id = finding["recommendations"] as? String { finding["recommendations"] = recommendationLists[id]?["texts"] ?? [] }
        if finding["recommendations"] == nil { finding["recommendations"] = [String]() }
        if let ids = finding["path"] as? [String], !ids.isEmpty, ids.allSatisfy({ pathSteps[$0] != nil }) {
            finding["path"] = ids.compactMap { pathSteps[$0]?["text"] as? String }
        }
        if var exposure = finding["exposure"] as? [String: Any] {
            if let id = exposure["bands"] as? String { exposure["bands"] = bands[id]?["bands"] ?? [] }
            for key in ["rule", "severity", "subject"] where exposure[key] == nil { exposure[key] = finding[key] }
            finding["exposure"] = exposure
        }
        return finding
    }

    /// The finding's cited events, each with its distance from the finding's site.
    func events(of finding: [String: Any]) -> [[String: Any]] {
        let references = (lists(of: finding)["exposure"] as? [String: Any])?["events"] as? [[String: Any]] ?? []
        return references.compactMap { reference in
            guard let id = reference["event"] as? String, var event = events[id] else { return nil }
            if let distance = reference["distance_km"] { event["distance_km"] = distance }
            return event
        }
    }

    /// The finding's evidence as schema 1 wrote it: record, fact, date and the source's fields.
    func evidence(of finding: [String: Any]) -> [[String: Any]] {
        (lists(of: finding)["evidence"] as? [[String: Any]] ?? []).compactMap { item in
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
        var finding = lists(of: finding)
        let events = events(of: finding)
        finding["evidence"] = evidence(of: finding)
        if var exposure = finding["exposure"] as? [String: Any] {
            exposure["events"] = events
            finding["exposure"] = exposure
        }
        return finding
    }

    /// Every finding of a schema 2 or 3 document, resolved.
    static func findings(_ document: [String: Any]) -> [[String: Any]] {
        let tables = JSONReportTables(document)
        return (document["findings"] as? [[String: Any]] ?? []).map(tables.resolved)
    }
}
