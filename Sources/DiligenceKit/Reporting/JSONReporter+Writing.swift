/// The JSON report's entries written by `JSONWriter`, keys in sorted order (the order
/// `JSONEncoder`'s `.sortedKeys` gives; a test checks both agree byte for byte).
extension JSONReporter.Document {
    /// The text in parts, in order: the opening, the findings in sections of 64 (as a streamed
    /// check writes one section per policy) and the rest. Joined, they are the report.
    func parts() -> [String] {
        let members = JSONWriter.joinedSections(members: findings, depth: Self.findingsDepth) { $0.write(to: &$1) }
        return [opening(), members, closing(findingCount: findings.count)]
    }

    /// From the first byte to the opening of the findings array.
    func opening() -> String {
        var json = JSONWriter(capacity: 4_096)
        json.beginObject()
        json.string("as_of", as_of)
        json.key("database")
        database.write(to: &json)
        json.key("findings")
        json.beginArray()
        return json.takeText()
    }

    /// Findings as members of the findings array: a section of the report's one stream.
    static func members<Entries: Sequence>(_ entries: Entries) -> ReportSection where Entries.Element == JSONReporter.FindingEntry {
        JSONWriter.section(members: entries, depth: findingsDepth) { $0.write(to: &$1) }
    }

    /// The findings array's depth: inside the document's object.
    static let findingsDepth = 2

    /// From the end of the findings array (which has `findingCount` members) to the last byte.
    func closing(findingCount: Int) -> String {
        // At most about 600 bytes a policy and 160 a failing finding: one allocation, not a
        // doubling series that holds two copies at its last step.
        let capacity = 4_096 + policies.count * 600 + summary.failing.count * 160
        var json = JSONWriter(insideArrayAt: Self.findingsDepth, hasMembers: findingCount > 0, capacity: capacity)
        json.endArray()
        json.key("policies")
        json.beginArray()
        for policy in policies { policy.write(to: &json) }
        json.endArray()
        json.integer("schema_version", schema_version)
        json.key("summary")
        summary.write(to: &json)
        json.key("tool")
        json.beginObject()
        json.string("name", tool.name)
        json.string("version", tool.version)
        json.endObject()
        json.endObject()
        return json.takeDocumentEnd()
    }
}

extension JSONReporter.Database {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.optional("age_days", age_days)
        json.string("digest", digest)
        json.integer("entities", entities)
        json.integer("factors", factors)
        json.string("name", name)
        json.optional("newest_review", newest_review)
        json.integer("reviewed_after_as_of", reviewed_after_as_of)
        json.key("sources")
        json.beginArray()
        for source in sources {
            json.beginObject()
            json.optional("age_days", source.age_days)
            json.optional("date", source.date)
            json.optional("file", source.file)
            json.string("id", source.id)
            if let inputs = source.inputs { json.strings("inputs", inputs) }
            json.optional("licence", source.licence)
            json.string("name", source.name)
            json.optional("url", source.url)
            json.endObject()
        }
        json.endArray()
        if let superseded { json.strings("superseded", superseded) }
        json.optional("version", version)
        json.endObject()
    }
}

extension JSONReporter.PolicyEntry {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.string("company", company)
        json.integer("counterparties", counterparties)
        json.string("file", file)
        json.integer("findings", findings)
        json.optional("owner", owner)
        json.optional("reviewed", reviewed)
        json.integer("sites", sites)
        json.integer("trade", trade)
        json.integer("travel", travel)
        json.strings("unused_acceptances", unused_acceptances)
        json.endObject()
    }
}

extension JSONReporter.FindingEntry {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("accepted")
        if let accepted {
            json.beginObject()
            json.string("approved_by", accepted.approved_by)
            json.string("expires", accepted.expires)
            json.integer("line", accepted.line)
            json.string("reason", accepted.reason)
            json.endObject()
        } else {
            json.null()
        }
        json.optional("baseline", baseline)
        json.integer("column", column)
        json.key("evidence")
        json.beginArray()
        for entry in evidence {
            json.beginObject()
            json.optional("date", entry.date)
            json.string("fact", entry.fact)
            json.optional("quote", entry.quote)
            json.string("record", entry.record)
            json.optional("source", entry.source)
            json.optional("source_date", entry.source_date)
            json.optional("title", entry.title)
            json.optional("url", entry.url)
            json.endObject()
        }
        json.endArray()
        if let exposure {
            json.key("exposure")
            exposure.write(to: &json)
        }
        json.strings("factors", factors)
        json.string("gate", gate)
        json.string("id", id)
        json.integer("line", line)
        json.string("message", message)
        json.strings("path", path)
        json.string("policy", policy)
        json.strings("recommendations", recommendations)
        json.string("rule", rule)
        json.string("severity", severity)
        json.string("subject", subject)
        json.string("subject_kind", subject_kind)
        json.string("subject_name", subject_name)
        json.endObject()
    }
}

extension JSONReporter.Summary {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.integer("accepted", accepted)
        if let baseline {
            json.key("baseline")
            json.beginObject()
            json.optional("as_of", baseline.as_of)
            json.string("file", baseline.file)
            json.integer("new", baseline.new)
            json.key("resolved")
            json.beginArray()
            for entry in baseline.resolved {
                json.beginObject()
                json.string("id", entry.id)
                json.string("message", entry.message)
                json.string("policy", entry.policy)
                json.string("rule", entry.rule)
                json.string("severity", entry.severity)
                json.endObject()
            }
            json.endArray()
            json.integer("unchanged", baseline.unchanged)
            json.endObject()
        }
        json.key("counts")
        json.beginObject()
        for (name, count) in counts.sorted(by: { $0.key < $1.key }) { json.integer(name, count) }
        json.endObject()
        json.string("fail_on", fail_on)
        json.strings("failing", failing)
        json.string("gate", gate)
        json.string("report_min", report_min)
        json.integer("total", total)
        json.endObject()
    }
}

extension ExposureEntry {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.optional("area", area)
        json.optional("area_edge_km", area_edge_km)
        json.optional("band", band)
        json.key("bands")
        json.beginArray()
        for band in bands {
            json.beginObject()
            json.key("from_km")
            json.number(band.from_km)
            json.integer("older_events", band.older_events)
            json.integer("older_fatalities", band.older_fatalities)
            json.integer("recent_events", band.recent_events)
            json.integer("recent_fatalities", band.recent_fatalities)
            json.key("to_km")
            json.number(band.to_km)
            json.endObject()
        }
        json.endArray()
        json.optional("distance_km", distance_km)
        json.key("events")
        json.beginArray()
        for event in events {
            json.beginObject()
            json.strings("actors", event.actors)
            json.string("date", event.date)
            json.optional("distance_km", event.distance_km)
            json.optional("fatalities", event.fatalities)
            json.optional("geo_precision", event.geo_precision)
            json.optional("id", event.id)
            if let location = event.location {
                json.key("location")
                location.write(to: &json)
            }
            json.optional("ongoing_at", event.ongoing_at)
            json.optional("place", event.place)
            json.optional("type", event.type)
            json.optional("until", event.until)
            json.string("what", event.what)
            json.endObject()
        }
        json.endArray()
        json.integer("events_not_cited", events_not_cited)
        if let location {
            json.key("location")
            location.write(to: &json)
        }
        json.optional("reference", reference)
        json.string("rule", rule)
        json.string("severity", severity)
        json.string("subject", subject)
        json.optional("target", target)
        json.optional("to", to)
        json.optional("window", window)
        json.endObject()
    }
}

extension ExposureEntry.Point {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("lat")
        json.number(lat)
        json.key("lon")
        json.number(lon)
        json.endObject()
    }
}
