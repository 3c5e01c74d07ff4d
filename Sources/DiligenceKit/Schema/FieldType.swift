/// The declared type of a field. The loader converts a YAML scalar by this type (and only
/// by it), and `diligence schema` turns the same declarations into JSON Schema.
public indirect enum FieldType: Sendable {
    /// Free text (a name, a reason). Any scalar, kept exactly as written.
    case text
    /// An identifier: letters, digits and `.-_:/`, no spaces.
    case identifier
    /// A whole number written in decimal, within the range.
    case integer(ClosedRange<Int>)
    /// A decimal number within the range.
    case number(ClosedRange<Double>)
    /// `true` or `false`, nothing else.
    case boolean
    /// A calendar day, `YYYY-MM-DD`.
    case date
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    case partialDate
    /// An ISO 3166-1 alpha-2 code (any case) or an English country name.
    case country
    /// A term of a vocabulary (id or synonym, any case).
    case term(VocabularyKind)
    /// One of a fixed set of words.
    case choice([String])
    /// A string of digits (such as an HS code), 2 to 10 long; dots are ignored.
    case digits
    /// A list of values of one type.
    case list(FieldType)
    /// A mapping with declared keys.
    case object(ObjectSchema)
}

/// A key of a mapping: its name, type, whether it is required, and documentation.
public struct Field: Sendable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    public let summary: String
    public let example: String?

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ summary: String, example: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
        self.example = example
    }
}

/// The declared keys of a mapping. `uniqueKey` names a field whose values must be unique
/// among the items of a list of such mappings (the `id` of sites, for example).
public struct ObjectSchema: Sendable {
    public let name: String
    public let summary: String
    public let fields: [Field]
    public let uniqueKey: String?
    /// The key this mapping sits under in its parent (`sites`), for the format reference.
    public let key: String?
    /// A YAML example of one such mapping (one list item for list members), which the tests load.
    public let example: String?

    public init(name: String, summary: String, uniqueKey: String? = nil, key: String? = nil, example: String? = nil, fields: [Field]) {
        self.name = name
        self.summary = summary
        self.fields = fields
        self.uniqueKey = uniqueKey
        self.key = key
        self.example = example
    }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}
