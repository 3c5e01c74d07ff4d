/// The JSON report's entries written by `JSONWriter`, keys in sorted order (the order
/// `JSONEncoder`'s `.sortedKeys` gives; a test checks both agree byte for byte).
extension JSONReporter.Document {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.string("as_of", as_of)
        json.key("database")
        database.write(to: &json)
        json.key("findings")
        json.beginArray()
        for finding in findings { finding.write(to: &json) }
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
    }
}

extension JSONReporter.Database {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.string("digest", digest)
        json.integer("entities", entities)
        json.integer("factors", factors)
        json.string("name", name)
        json.optional("newest_review", newest_review)
        json.key("sources")
        json.beginArray()
        for source in sources {
            json.beginObject()
            json.optional("date", source.date)
            json.string("id", source.id)
            json.optional("licence", source.licence)
            json.string("name", source.name)
            json.optional("url", source.url)
            json.endObject()
        }
        json.endArray()
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
