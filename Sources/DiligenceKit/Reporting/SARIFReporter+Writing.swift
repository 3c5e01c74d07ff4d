/// The SARIF log written by `JSONWriter`, each object's keys in the byte order `JSONEncoder`'s
/// `.sortedKeys` gives (a test compares both byte for byte), the results a section per policy.
extension SARIFReporter.Log {
    /// The log's text in parts, in order: everything before the results, the results in
    /// sections of 64 (as a streamed check writes one section per policy), and the rest.
    /// Joined, they are the report. The log has one run (the reporter writes one).
    func parts() -> [String] {
        let results = runs.first?.results ?? []
        let members = JSONWriter.joinedSections(members: results, depth: Self.resultsDepth) { $0.write(to: &$1) }
        return [opening(), members, closing(resultCount: results.count)]
    }

    /// From the first byte to the opening of the run's results array.
    func opening() -> String {
        var json = JSONWriter(capacity: 65_536)
        json.beginObject()
        json.string("$schema", schema)
        json.key("runs")
        json.beginArray()
        if let run = runs.first {
            json.beginObject()
            json.string("columnKind", run.columnKind)
            json.key("properties")
            run.properties.write(to: &json)
            json.key("results")
            json.beginArray()
        }
        return json.takeText()
    }

    /// Results as members of the results array: a section of the report's one stream.
    static func members<Results: Sequence>(_ results: Results) -> ReportSection where Results.Element == SARIFReporter.Result {
        JSONWriter.section(members: results, depth: resultsDepth) { $0.write(to: &$1) }
    }

    /// The results array's depth: in the log's object, its runs array and the run's object.
    static let resultsDepth = 4

    /// From the end of the results array (which has `resultCount` members) to the last byte.
    func closing(resultCount: Int) -> String {
        var json = JSONWriter(insideArrayAt: Self.resultsDepth, hasMembers: resultCount > 0, capacity: 65_536)
        if let run = runs.first {
            json.endArray()
            json.key("tool")
            json.beginObject()
            json.key("driver")
            run.tool.driver.write(to: &json)
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.string("version", version)
        json.endObject()
        return json.takeDocumentEnd()
    }
}

extension SARIFReporter.RunProperties {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.string("asOf", asOf)
        json.key("database")
        json.beginObject()
        json.string("digest", database.digest)
        json.string("name", database.name)
        json.optional("newestReview", database.newestReview)
        json.optional("version", database.version)
        json.endObject()
        json.string("failOn", failOn)
        json.integer("failing", failing)
        json.string("gate", gate)
        json.strings("policies", policies)
        json.string("reportMin", reportMin)
        json.endObject()
    }
}

extension SARIFReporter.Driver {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.string("name", name)
        json.key("rules")
        json.beginArray()
        for rule in rules {
            json.beginObject()
            json.key("defaultConfiguration")
            json.beginObject()
            json.string("level", rule.defaultConfiguration.level)
            json.endObject()
            json.key("fullDescription")
            SARIFReporter.writeText(rule.fullDescription.text, to: &json)
            json.key("help")
            json.beginObject()
            json.string("markdown", rule.help.markdown)
            json.string("text", rule.help.text)
            json.endObject()
            json.string("id", rule.id)
            json.string("name", rule.name)
            json.key("properties")
            json.beginObject()
            json.string("facts", rule.properties.facts)
            json.string("phase", rule.properties.phase)
            json.strings("tags", rule.properties.tags)
            json.endObject()
            json.key("shortDescription")
            SARIFReporter.writeText(rule.shortDescription.text, to: &json)
            json.endObject()
        }
        json.endArray()
        json.string("version", version)
        json.endObject()
    }
}

extension SARIFReporter.Result {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.optional("baselineState", baselineState)
        json.string("level", level)
        json.key("locations")
        json.beginArray()
        for location in locations { location.write(to: &json) }
        json.endArray()
        json.key("message")
        SARIFReporter.writeText(message.text, to: &json)
        json.key("partialFingerprints")
        json.beginObject()
        for key in partialFingerprints.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            json.optional(key, partialFingerprints[key])
        }
        json.endObject()
        json.key("properties")
        properties.write(to: &json)
        json.string("ruleId", ruleId)
        json.optional("ruleIndex", ruleIndex)
        if let suppressions {
            json.key("suppressions")
            json.beginArray()
            for suppression in suppressions {
                json.beginObject()
                json.string("justification", suppression.justification)
                json.string("kind", suppression.kind)
                json.key("location")
                suppression.location.write(to: &json)
                json.key("properties")
                suppression.properties.write(to: &json)
                json.string("status", suppression.status)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
    }
}

extension SARIFReporter.Location {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginObject()
        json.string("uri", physicalLocation.artifactLocation.uri)
        json.optional("uriBaseId", physicalLocation.artifactLocation.uriBaseId)
        json.endObject()
        json.key("region")
        json.beginObject()
        json.optional("startColumn", physicalLocation.region.startColumn)
        json.integer("startLine", physicalLocation.region.startLine)
        json.endObject()
        json.endObject()
        json.endObject()
    }
}

extension SARIFReporter.AcceptedProperties {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.string("approvedBy", approvedBy)
        json.string("expires", expires)
        json.string("reason", reason)
        json.endObject()
    }
}

extension SARIFReporter.ResultProperties {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        if let accepted {
            json.key("accepted")
            accepted.write(to: &json)
        }
        json.key("evidence")
        json.beginArray()
        for item in evidence {
            json.beginObject()
            json.optional("date", item.date)
            json.string("fact", item.fact)
            json.optional("quote", item.quote)
            json.string("record", item.record)
            json.optional("source", item.source)
            json.optional("sourceDate", item.sourceDate)
            json.optional("title", item.title)
            json.optional("url", item.url)
            json.endObject()
        }
        json.endArray()
        if let exposure {
            json.key("exposure")
            exposure.write(to: &json)
        }
        json.strings("exposurePath", exposurePath)
        json.strings("factors", factors)
        json.string("gate", gate)
        json.string("identity", identity)
        json.strings("recommendations", recommendations)
        json.string("severity", severity)
        json.string("subject", subject)
        json.string("subjectKind", subjectKind)
        json.string("subjectName", subjectName)
        json.endObject()
    }
}

extension SARIFReporter {
    /// A `{"text": ...}` message object.
    static func writeText(_ text: String, to json: inout JSONWriter) {
        json.beginObject()
        json.string("text", text)
        json.endObject()
    }
}
