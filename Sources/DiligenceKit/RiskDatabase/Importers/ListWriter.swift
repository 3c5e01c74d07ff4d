/// Writes an imported list as a list file of SPEC §4 (`entities:`), which `RiskDatabaseLoader`
/// and `screen --list` read. Text is always double-quoted and escaped, so no name can change the
/// YAML's structure; several programmes are written as OFAC writes them, `[A] [B]`.
public enum ListWriter {
    public static func yaml(_ list: ImportedList) -> String {
        var out = preamble(list.header, list.snapshot)
        out += "entities:\n"
        for entity in list.entities {
            out += "  - id: \(quoted(entity.id))\n"
            out += "    name: \(quoted(entity.name))\n"
            if !entity.aliases.isEmpty {
                out += "    aliases:\n"
                for alias in entity.aliases { out += "      - \(quoted(alias))\n" }
            }
            out += "    kind: \(entity.kind.rawValue)\n"
            if let country = entity.country { out += "    country: \(country.code)\n" }
            if !entity.listedBy.isEmpty { out += "    listed_by: [\(entity.listedBy.map(quoted).joined(separator: ", "))]\n" }
            if !entity.programmes.isEmpty {
                out += "    programme: \(quoted(entity.programmes.map { "[\($0)]" }.joined(separator: " ")))\n"
            }
            if !entity.measures.isEmpty { out += "    measures: [\(entity.measures.joined(separator: ", "))]\n" }
            if let since = entity.since { out += "    since: \(since)\n" }
            if !entity.references.isEmpty {
                out += "    references:\n"
                for reference in entity.references { out += self.reference(reference) }
            }
        }
        return out
    }

    /// The comment lines and the snapshot block an imported file opens with.
    static func preamble(_ header: [String], _ snapshot: DataSnapshot?) -> String {
        var out = ""
        for line in header { out += "# \(line)\n" }
        if let snapshot { out += snapshot.yaml }
        return out
    }

    /// A reference as an item of a `references:` list, six spaces in.
    static func reference(_ reference: Reference) -> String {
        var out = "      - source: \(quoted(reference.source))\n"
        if let title = reference.title { out += "        title: \(quoted(title))\n" }
        if let date = reference.date { out += "        date: \(date.text)\n" }
        if let quote = reference.quote { out += "        quote: \(quoted(quote))\n" }
        if let url = reference.url { out += "        url: \(quoted(url))\n" }
        return out
    }

    /// A YAML double-quoted scalar.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
