/// A value written as one string in JSON and YAML (a day as `YYYY-MM-DD`, a severity by name):
/// it encodes as its `description` and decodes through `init?(_:)`, refusing a string that is no
/// such value with the kind it expected.
public protocol StringCodable: Codable, LosslessStringConvertible {
    /// What the string should have been, for the decoding error ("a YYYY-MM-DD date").
    static var expectedText: String { get }
}

extension StringCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not \(Self.expectedText): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
