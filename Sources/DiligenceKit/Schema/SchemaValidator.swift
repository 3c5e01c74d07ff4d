/// Walks a YAML tree against an `ObjectSchema`, converting scalars by their declared type and
/// collecting every problem of the file (unknown keys with did-you-mean, missing keys, wrong
/// types, YAML 1.1 traps, duplicates) instead of stopping at the first.
struct SchemaValidator {
    let countries: CountryTable
    let vocabularies: Vocabularies
    var sink: DiagnosticSink
    /// Keys (and `[]` for list items) from the root to the node being validated; turned into
    /// text only when a message needs it.
    private var pathComponents: [String] = []

    /// The path of the node being validated, such as `sites[].depends_on[]`.
    var path: String { Self.text(of: pathComponents) }

    /// Messages name the path through this static function: reading the stored components
    /// alone does not overlap the sink's modification.
    static func text(of pathComponents: [String]) -> String {
        var result = ""
        for component in pathComponents {
            if component != "[]", !result.isEmpty { result += "." }
            result += component
        }
        return result
    }

    init(file: String, countries: CountryTable, vocabularies: Vocabularies) {
        self.countries = countries
        self.vocabularies = vocabularies
        self.sink = DiagnosticSink(file: file)
    }

    /// Validates a document root against `schema`; nil when the root is not a mapping.
    mutating func validateRoot(_ node: YAMLNode, as schema: ObjectSchema) -> Record? {
        guard case .mapping = node.content else {
            sink.error(node.mark, "expected a mapping of keys (such as `\(schema.fields.first?.name ?? "id"): ...`), found \(node.shapeName)")
            return nil
        }
        return validateObject(node, schema)
    }

    /// Validates one item of the list under the root key `key`, read apart from its file's tree
    /// (`YAMLReader.read(_:file:limits:streamingItemsOf:each:)`): the same checks and messages as
    /// when the list is validated whole, with `seen` holding the unique keys met so far.
    mutating func validateItem(_ node: YAMLNode, of key: String, as schema: ObjectSchema, seen: inout [String: Mark]) -> Record? {
        pathComponents.append(key)
        pathComponents.append("[]")
        defer { pathComponents.removeAll() }
        guard !sink.isFull else { return nil }
        guard case .mapping = node.content else {
            sink.error(node.mark, "`\(Self.text(of: pathComponents))` must be a mapping of keys, found \(node.shapeName)")
            return nil
        }
        guard let record = validateObject(node, schema) else { return nil }
        if let unique = schema.uniqueKey, let id = record.text(unique), let mark = record.mark(unique) {
            if let first = seen[id] {
                sink.error(mark, "duplicate \(unique) `\(id)` in `\(key)` (first used at line \(first.line)); \(unique)s must be unique")
            } else {
                seen[id] = mark
            }
        }
        return record
    }

    mutating func validate(_ node: YAMLNode, _ type: FieldType) -> Value? {
        // Past the error cap the file is refused anyway: stop rather than count what is not shown.
        guard !sink.isFull else { return nil }
        switch type {
        case .list(let element):
            if node.isNull { return .list([]) }
            guard case .sequence(let items) = node.content else {
                sink.error(
                    node.mark,
                    "`\(Self.text(of: pathComponents))` must be a list (write `[\(node.scalar ?? "...")]` or one `- item` per line), found \(node.shapeName)")
                return nil
            }
            var values: [Located] = []
            var seen: [String: Mark] = [:]
            for item in items {
                pathComponents.append("[]")
                let validated = validate(item, element)
                pathComponents.removeLast()
                guard let value = validated else { continue }
                if case .object(let schema) = element, let key = schema.uniqueKey,
                    case .object(let record) = value, let id = record.text(key), let mark = record.mark(key)
                {
                    if let first = seen[id] {
                        sink.error(
                            mark, "duplicate \(key) `\(id)` in `\(Self.text(of: pathComponents))` (first used at line \(first.line)); \(key)s must be unique")
                    } else {
                        seen[id] = mark
                    }
                }
                values.append(Located(value: value, mark: item.mark))
            }
            return .list(values)
        case .object(let schema):
            guard case .mapping = node.content else {
                sink.error(node.mark, "`\(Self.text(of: pathComponents))` must be a mapping of keys, found \(node.shapeName)")
                return nil
            }
            return validateObject(node, schema).map(Value.object)
        default:
            return validateScalar(node, type)
        }
    }

    mutating func validateObject(_ node: YAMLNode, _ schema: ObjectSchema) -> Record? {
        guard case .mapping(let pairs) = node.content else { return nil }
        var fields: [String: Located] = [:]
        var seen: [String: Mark] = [:]
        var valid = true
        for pair in pairs {
            guard case .scalar(let key, _) = pair.key.content else {
                sink.error(pair.key.mark, "a key must be a plain word, found \(pair.key.shapeName)")
                valid = false
                continue
            }
            if let first = seen[key] {
                sink.error(pair.key.mark, "duplicate key `\(key)` (first at line \(first.line), column \(first.column))")
                valid = false
                continue
            }
            seen[key] = pair.key.mark
            if key == "<<" {
                sink.error(pair.key.mark, "merge keys (`<<`) are not supported; write the keys out")
                valid = false
                continue
            }
            guard let field = schema.field(key) else {
                var message = "unknown key `\(key)` in \(schema.name)"
                if !sink.accepting {
                    // Past the error cap only the count matters.
                } else if let guess = Suggestion.closest(to: key, in: schema.fields.map(\.name)) {
                    message += "; did you mean `\(guess)`?"
                } else {
                    message += "; expected one of: " + schema.fields.map(\.name).joined(separator: ", ")
                }
                sink.error(pair.key.mark, message)
                valid = false
                continue
            }
            if pair.value.isNull, !field.type.isList {
                sink.error(pair.value.mark, "`\(Self.text(of: pathComponents + [key]))` has no value; give one or remove the key")
                valid = false
                continue
            }
            pathComponents.append(key)
            let validated = validate(pair.value, field.type)
            pathComponents.removeLast()
            if let value = validated {
                fields[key] = Located(value: value, mark: pair.value.mark)
            } else {
                valid = false
            }
        }
        for field in schema.fields where field.required && seen[field.name] == nil {
            sink.error(node.mark, "missing required key `\(field.name)` in \(schema.name)")
            valid = false
        }
        return valid ? Record(mark: node.mark, fields: fields) : (fields.isEmpty ? nil : Record(mark: node.mark, fields: fields))
    }

    mutating func validateScalar(_ node: YAMLNode, _ type: FieldType) -> Value? {
        guard case .scalar(let text, let style) = node.content else {
            sink.error(node.mark, "`\(Self.text(of: pathComponents))` must be \(type.noun), found \(node.shapeName)")
            return nil
        }
        let components = pathComponents
        return Self.convert(
            text, plain: style == .plain, as: type, at: node.mark, path: { Self.text(of: components) },
            sink: &sink, countries: countries, vocabularies: vocabularies)
    }

    /// A scalar converted by its declared type, or nil after reporting why it does not convert
    /// (at `mark`, naming the field by `path`); the one conversion of every loader.
    static func convert(
        _ text: String, plain: Bool, as type: FieldType, at mark: Mark, path: () -> String,
        sink: inout DiagnosticSink, countries: CountryTable, vocabularies: Vocabularies
    ) -> Value? {
        switch type {
        case .text:
            if text.isEmpty {
                sink.error(mark, "`\(path())` is empty")
                return nil
            }
            return .text(text)
        case .identifier:
            guard FieldType.isIdentifier(text) else {
                sink.error(mark, "`\(path())` must be an identifier (ASCII letters, digits, `-`, `_`, `.`, `:`, `/`; no spaces), found `\(text)`")
                return nil
            }
            return .text(text)
        case .integer(let range):
            guard plain, let value = Self.decimalInteger(text) else {
                sink.error(
                    mark, "`\(path())` must be a whole number written in decimal, found \(plain ? "`\(text)`" : "quoted text")" + Self.leadingZeroHint(text))
                return nil
            }
            guard range.contains(value) else {
                // A one-value range (`version: 1`) reads better as "must be 1".
                let expected =
                    range.lowerBound == range.upperBound
                    ? "\(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
                sink.error(mark, "`\(path())` must be \(expected), found \(value)")
                return nil
            }
            return .integer(value)
        case .number(let range):
            guard plain, let value = Self.decimalNumber(text) else {
                sink.error(mark, "`\(path())` must be a number such as 12.5, found \(plain ? "`\(text)`" : "quoted text")")
                return nil
            }
            guard range.contains(value) else {
                sink.error(mark, "`\(path())` must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound)), found \(text)")
                return nil
            }
            return .number(value)
        case .boolean:
            if plain, text == "true" { return .boolean(true) }
            if plain, text == "false" { return .boolean(false) }
            let lowered = text.lowercased()
            if !plain, text == "true" || text == "false" {
                sink.error(mark, "`\(path())` must be a boolean, found quoted text; write \(text) without quotes")
            } else if ["yes", "y", "on", "true"].contains(lowered) {
                sink.error(mark, "`\(text)` is not a boolean here; write true")
            } else if ["no", "n", "off", "false"].contains(lowered) {
                sink.error(mark, "`\(text)` is not a boolean here; write false")
            } else {
                sink.error(mark, "`\(path())` must be true or false, found `\(text)`")
            }
            return nil
        case .date:
            guard let day = Day(iso: text) else {
                sink.error(mark, "`\(path())` must be a date written YYYY-MM-DD, found `\(text)`")
                return nil
            }
            return .date(day)
        case .partialDate:
            guard let date = PartialDate(text) else {
                sink.error(mark, "`\(path())` must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found `\(text)`")
                return nil
            }
            return .partialDate(date)
        case .country:
            if let country = countries.resolve(text) { return .country(country) }
            var message = "unknown country `\(text)`; write an ISO 3166-1 alpha-2 code or an English name"
            if sink.accepting, let guess = countries.suggestion(for: text) { message += "; did you mean \(guess)?" }
            sink.error(mark, message)
            return nil
        case .term(let kind):
            let vocabulary = vocabularies[kind]
            if let id = vocabulary.resolve(text) { return .term(id) }
            var message = "unknown \(kind.singular) `\(text)` in `\(path())`"
            if !sink.accepting {
                // Past the error cap only the count matters: skip the suggestion search.
            } else if let guess = vocabulary.suggestion(for: text) {
                message += "; did you mean `\(guess)`?"
            } else {
                message += "; known: " + vocabulary.ids.prefix(40).joined(separator: ", ")
            }
            sink.error(mark, message)
            return nil
        case .choice(let options):
            if options.contains(text) { return .text(text) }
            var message = "`\(path())` must be one of \(options.joined(separator: ", ")), found `\(text)`"
            if let guess = Suggestion.closest(to: text, in: options) { message += "; did you mean `\(guess)`?" }
            sink.error(mark, message)
            return nil
        case .digits:
            let digits = text.filter { $0 != "." }
            guard (2...10).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                sink.error(mark, "`\(path())` must be a code of 2 to 10 digits such as \"8429\", found `\(text)`")
                return nil
            }
            return .text(digits)
        case .list, .object:
            return nil
        }
    }

    static func decimalInteger(_ text: String) -> Int? {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !body.isEmpty, body.count <= 15, body.allSatisfy({ $0.isASCII && $0.isNumber }),
            body == "0" || !body.hasPrefix("0")
        else { return nil }
        return Int(text)
    }

    static func decimalNumber(_ text: String) -> Double? {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 15,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Double(text)
    }

    static func leadingZeroHint(_ text: String) -> String {
        text.count > 1 && text.hasPrefix("0") && text.allSatisfy(\.isNumber) ? " (leading zeros are not read as octal here; drop them)" : ""
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension FieldType {
    /// The identifier rule; `identifierPattern` says the same for JSON Schema.
    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 200
            && text.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || ".-_:/".unicodeScalars.contains(scalar)
            }
    }

    static let identifierPattern = "^[A-Za-z0-9._:/-]{1,200}$"

    var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// "a date (YYYY-MM-DD)", for messages.
    var noun: String {
        switch self {
        case .text: return "text"
        case .identifier: return "an identifier"
        case .integer: return "a whole number"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .date: return "a date (YYYY-MM-DD)"
        case .partialDate: return "a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        case .country: return "a country"
        case .term(let kind): return "a \(kind.singular)"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        case .digits: return "a code of digits"
        case .list: return "a list"
        case .object: return "a mapping"
        }
    }
}

extension VocabularyKind {
    /// "dependency", "goods category", for messages.
    public var singular: String {
        switch self {
        case .dependencies: return "dependency"
        case .continuity: return "continuity fallback"
        case .goods: return "goods category"
        case .roles: return "role"
        case .siteKinds: return "site kind"
        case .payments: return "payment method"
        case .regimes: return "sanctions regime"
        }
    }
}
