/// A value held by reference and never changed: a model value that is copied much more often
/// than it is changed (a risk factor, a site) holds its fields in one, so that a copy is one
/// retain instead of one for each of its strings and arrays. Setting a field makes a new one.
final class Shared<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

extension Shared {
    /// A new holder with `change` made to a copy of the value (this one and its holders keep
    /// theirs): how a model value sets one of its fields.
    func updating(_ change: (inout Value) -> Void) -> Shared {
        var value = self.value
        change(&value)
        return Shared(value)
    }
}

/// Equal when the same holder, or holding equal values.
extension Shared: Equatable where Value: Equatable {
    static func == (lhs: Shared, rhs: Shared) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }
}

/// Hashed as the value it holds.
extension Shared: Hashable where Value: Hashable {
    func hash(into hasher: inout Hasher) {
        value.hash(into: &hasher)
    }
}

/// Encoded and decoded as the value it holds.
extension Shared: Codable where Value: Codable {
    convenience init(from decoder: any Decoder) throws {
        self.init(try Value(from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
