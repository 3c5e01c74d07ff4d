/// A finding's entry written member by member into a `JSONStreamEncoder`'s writer: the bytes of
/// its synthesised encoding (members in declaration order, `nil` ones left out), without the
/// `Encoder` protocol's keyed containers, which cost about 37,000 instructions a finding (a
/// member's box, its key's escape check, an optional's unwrapping through the standard
/// library's generic `encodeIfPresent`). The references (`Refs`) go the encoder's way: texts,
/// ids and schema 4's holes directly, schema 2's inline lists through their `encode(to:)`.
/// Tests compare the two for every shipped finding in schemas 2, 3 and 4.
extension JSONFinding {
    /// Writes the entry where the writer stands (an element of the findings array).
    func write(to encoder: JSONStreamEncoder) {
        encoder.writer.beginObject()
        if let accepted {
            encoder.writer.key(known: "accepted")
            encoder.writer.beginObject()
            encoder.writer.string(known: "approved_by", accepted.approved_by)
            encoder.writer.string(known: "expires", accepted.expires)
            encoder.writer.integer(known: "line", accepted.line)
            encoder.writer.string(known: "reason", accepted.reason)
            encoder.writer.endObject()
        }
        encoder.writer.optional(known: "baseline", baseline)
        if let binding { encoder.member("binding", binding) }
        if let caused_by { encoder.writer.strings(known: "caused_by", caused_by) }
        encoder.writer.optional(known: "change", change)
        encoder.writer.integer(known: "column", column)
        if let evidence { encoder.member("evidence", evidence) }
        if let exposure {
            encoder.writer.key(known: "exposure")
            exposure.write(to: encoder)
        }
        encoder.writer.strings(known: "factors", factors)
        encoder.writer.string(known: "gate", gate)
        encoder.writer.optional(known: "id", id)
        encoder.writer.integer(known: "line", line)
        encoder.member("message", message)
        encoder.member("path", path)
        encoder.member("policy", policy)
        if let recommendations { encoder.member("recommendations", recommendations) }
        encoder.writer.string(known: "rule", rule.rawValue)
        encoder.writer.string(known: "severity", severity)
        encoder.writer.string(known: "subject", subject)
        encoder.writer.string(known: "subject_kind", subject_kind)
        encoder.writer.optional(known: "subject_name", subject_name)
        encoder.writer.endObject()
    }
}

extension ExposureEntry {
    /// Writes the entry as its synthesised encoding does (`JSONFinding.write(to:)`).
    func write(to encoder: JSONStreamEncoder) {
        encoder.writer.beginObject()
        encoder.writer.optional(known: "area", area)
        encoder.writer.optional(known: "area_edge_km", area_edge_km)
        encoder.writer.optional(known: "band", band)
        encoder.member("bands", bands)
        if let destination {
            encoder.writer.key(known: "destination")
            encoder.writer.beginObject()
            encoder.writer.string(known: "city", destination.city)
            encoder.writer.string(known: "country", destination.country)
            encoder.writer.optional(known: "frequency", destination.frequency)
            encoder.writer.string(known: "name", destination.name)
            encoder.writer.string(known: "source", destination.source)
            if let transit = destination.transit { encoder.writer.strings(known: "transit", transit) }
            encoder.writer.optional(known: "travellers", destination.travellers)
            encoder.writer.endObject()
        }
        encoder.writer.optional(known: "distance_km", distance_km)
        encoder.member("events", events)
        encoder.writer.optional(known: "events_not_cited", events_not_cited)
        if let location {
            encoder.writer.point(known: "location", lat: location.lat, lon: location.lon)
        }
        encoder.writer.optional(known: "reference", reference)
        encoder.writer.optional(known: "rule", rule?.rawValue)
        encoder.writer.optional(known: "severity", severity)
        if let steps {
            encoder.writer.key(known: "steps")
            encoder.writer.beginArray()
            for step in steps {
                encoder.writer.beginObject()
                encoder.writer.integer(known: "levels", step.levels)
                encoder.writer.string(known: "reason", step.reason)
                encoder.writer.endObject()
            }
            encoder.writer.endArray()
        }
        encoder.writer.optional(known: "subject", subject)
        encoder.writer.optional(known: "target", target)
        encoder.writer.optional(known: "to", to)
        encoder.writer.optional(known: "window", window)
        encoder.writer.endObject()
    }
}
