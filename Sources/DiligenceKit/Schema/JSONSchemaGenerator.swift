import Foundation

/// Turns the loader's own declarations (`ObjectSchema`, `FieldType`, the vocabularies and the
/// country table) into a JSON Schema (draft-07) for editors, so the two cannot drift.
///
/// Editors read YAML 1.2 (the YAML language server does): `NO` is a string there, but `0302`
/// is the integer 302 and `3` an integer. The schema therefore accepts an integer where the
/// loader reads digits as written (`hs_codes`), and any scalar where it takes free text. The
/// loader stays the stricter judge in three places a JSON Schema cannot express: unique ids,
/// case- and accent-insensitive names (the schema lists the names as written, in upper and
/// lower case), and leading zeros in numbers.
public struct JSONSchemaGenerator: Sendable {
    public let countries: CountryTable
    public let vocabularies: Vocabularies

    public init(countries: CountryTable, vocabularies: Vocabularies) {
        self.countries = countries
        self.vocabularies = vocabularies
    }

    /// The JSON Schema document for `schema`, as pretty-printed JSON with sorted keys.
    public func document(for schema: ObjectSchema, title: String, id: String) -> String {
        var root = object(schema)
        var definitions: [String: JSONValue] = ["country": .object(countryEnum())]
        for kind in VocabularyKind.allCases { definitions[kind.rawValue] = .object(termEnum(kind)) }
        root["definitions"] = .object(definitions)
        root["$schema"] = .string("http://json-schema.org/draft-07/schema#")
        root["$id"] = .string(id)
        root["title"] = .string(title)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(JSONValue.object(root)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func object(_ schema: ObjectSchema) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for field in schema.fields {
            var property = value(field.type)
            property["description"] = .string(field.summary)
            if let example = field.example, let parsed = exampleValue(example, field.type) {
                property["examples"] = .array([parsed])
            }
            properties[field.name] = .object(property)
        }
        var result: [String: JSONValue] = [
            "type": .string("object"),
            "description": .string(schema.summary),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ]
        let required = schema.fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { result["required"] = .array(required) }
        return result
    }

    func value(_ type: FieldType) -> [String: JSONValue] {
        switch type {
        case .text:
            return ["type": .array([.string("string"), .string("number"), .string("boolean")]), "minLength": .integer(1)]
        case .identifier:
            return ["type": .string("string"), "pattern": .string(FieldType.identifierPattern)]
        case .integer(let range):
            return ["type": .string("integer"), "minimum": .integer(range.lowerBound), "maximum": .integer(range.upperBound)]
        case .number(let range):
            return ["type": .string("number"), "minimum": .number(range.lowerBound), "maximum": .number(range.upperBound)]
        case .boolean:
            return ["type": .string("boolean")]
        case .date:
            return ["type": .string("string"), "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
        case .partialDate:
            return ["type": .string("string"), "pattern": .string("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
        case .country:
            // `allOf` keeps the field's own description beside the reference (draft-07 ignores
            // siblings of a bare `$ref`).
            return ["allOf": .array([.object(["$ref": .string("#/definitions/country")])])]
        case .term(let kind):
            return ["allOf": .array([.object(["$ref": .string("#/definitions/\(kind.rawValue)")])])]
        case .choice(let options):
            return ["type": .string("string"), "enum": .array(options.map(JSONValue.string))]
        case .digits:
            return [
                "anyOf": .array([
                    .object(["type": .string("string"), "pattern": .string("^[0-9][0-9.]{1,12}$")]),
                    .object(["type": .string("integer"), "minimum": .integer(0)]),
                ])
            ]
        case .list(let element):
            return ["type": .array([.string("array"), .string("null")]), "items": .object(value(element))]
        case .object(let schema):
            return object(schema)
        }
    }

    /// ISO codes in both cases and English names as written and in lower case.
    func countryEnum() -> [String: JSONValue] {
        var names: [String] = []
        for country in countries.countries { names += [country.code, country.code.lowercased()] }
        names += countries.names.flatMap { [$0, $0.lowercased()] }
        return [
            "type": .string("string"), "description": .string("An ISO 3166-1 alpha-2 code or an English country name."),
            "enum": .array(unique(names).map(JSONValue.string)),
        ]
    }

    /// A vocabulary's ids and synonyms.
    func termEnum(_ kind: VocabularyKind) -> [String: JSONValue] {
        let vocabulary = vocabularies[kind]
        let names = vocabulary.ids.flatMap { id in [id] + (vocabulary.term(id)?.synonyms ?? []) }
        return [
            "type": .string("string"), "description": .string("A term of the \(kind.rawValue) vocabulary (id or synonym)."),
            "enum": .array(unique(names).map(JSONValue.string)),
        ]
    }

    /// An example written as YAML flow text, converted by the field's declared type.
    func exampleValue(_ text: String, _ type: FieldType) -> JSONValue? {
        guard let node = try? YAMLReader.read(Array("value: \(text)\n".utf8), file: "example", limits: .policy),
            case .mapping(let pairs) = node.content, let value = pairs.first?.value
        else { return nil }
        return convert(value, type)
    }

    func convert(_ node: YAMLNode, _ type: FieldType) -> JSONValue? {
        switch (type, node.content) {
        case (.list(let element), .sequence(let items)):
            return .array(items.compactMap { convert($0, element) })
        case (.object(let schema), .mapping(let pairs)):
            var members: [String: JSONValue] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar, let field = schema.field(key), let value = convert(pair.value, field.type) else { continue }
                members[key] = value
            }
            return .object(members)
        case (.integer, .scalar(let text, _)):
            return Int(text).map(JSONValue.integer)
        case (.number, .scalar(let text, _)):
            return Double(text).map(JSONValue.number)
        case (.boolean, .scalar(let text, _)):
            return .bool(text == "true")
        case (_, .scalar(let text, _)):
            return .string(text)
        default:
            return nil
        }
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
