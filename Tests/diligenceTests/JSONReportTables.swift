import Foundation

/// Reads a JSON report of schema 2, 3 or 4 as its reader would (schema 4 as its schema 3
/// document, places turned into the ids of the entries they point at): a finding's evidence and events
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
        let document = (document["schema_version"] as? Int) == 4 ? Self.schema3(document) : document
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

    /// A schema 4 document as schema 3: each table entry gets an id (`#` and its place), every
    /// place becomes that id, messages are joined and the members left out are restored.
    static func schema3(_ document: [String: Any]) -> [String: Any] {
        var document = document
        func ids(_ name: String, _ prefix: String, _ member: String?) {
            let entries = document[name] as? [Any] ?? []
            document[name] = entries.enumerated().map { place, entry -> [String: Any] in
                var table: [String: Any] = member.map { [$0: entry] } ?? (entry as? [String: Any] ?? [:])
                table["id"] = "\(prefix)#\(place)"
                return table
            }
        }
        let facts = (document["facts"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }
        let events = (document["events"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }
        let messages = document["messages"] as? [[String]] ?? []
        document["evidence_lists"] = (document["evidence_lists"] as? [[[String: Any]]] ?? []).map { items in
            items.map { item -> [String: Any] in
                var item = item
                if let place = item["fact"] as? Int, facts.indices.contains(place) { item["fact"] = facts[place] }
                return item
            }
        }
        ids("evidence_lists", "v", "items")
        ids("recommendation_lists", "r", "texts")
        ids("path_steps", "p", "text")
        ids("exposure_bands", "b", "bands")
        ids("bindings", "g", nil)
        let asOf = document["as_of"] as? String
        document["findings"] = (document["findings"] as? [[String: Any]] ?? []).map { finding -> [String: Any] in
            var finding = finding
            if finding["subject_name"] == nil { finding["subject_name"] = finding["subject"] }
            let name = finding["subject_name"] as? String ?? ""
            if let place = finding["message"] as? Int, messages.indices.contains(place) { finding["message"] = messages[place].joined(separator: name) }
            for (key, prefix) in [("evidence", "v"), ("recommendations", "r"), ("binding", "g")] {
                if let place = finding[key] as? Int { finding[key] = "\(prefix)#\(place)" }
            }
            if let path = finding["path"] as? [Int] { finding["path"] = path.map { "p#\($0)" } }
            if var exposure = finding["exposure"] as? [String: Any] {
                if let place = exposure["bands"] as? Int { exposure["bands"] = "b#\(place)" }
                if exposure["reference"] == nil { exposure["reference"] = asOf }
                if exposure["events_not_cited"] == nil { exposure["events_not_cited"] = 0 }
                exposure["events"] = (exposure["events"] as? [[String: Any]] ?? []).map { reference -> [String: Any] in
                    var reference = reference
                    if let place = reference["event"] as? Int, events.indices.contains(place) { reference["event"] = events[place] }
                    return reference
                }
                finding["exposure"] = exposure
            }
            return finding
        }
        return document
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

    /// Every finding of a schema 2, 3 or 4 document, resolved.
    static func findings(_ document: [String: Any]) -> [[String: Any]] {
        let tables = JSONReportTables(document)
        return (Self.findingsAsSchema3(document)).map(tables.resolved)
    }

    /// The document's findings, a schema 4 document's as schema 3 has them (to pass to `lists`).
    static func findingsAsSchema3(_ document: [String: Any]) -> [[String: Any]] {
        let document = (document["schema_version"] as? Int) == 4 ? Self.schema3(document) : document
        return document["findings"] as? [[String: Any]] ?? []
    }
}
