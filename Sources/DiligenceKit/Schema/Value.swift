/// A value converted by its field's declared type, with where it was written.
struct Located: Sendable {
    var value: Value
    var mark: Mark
}

/// The typed value of a field after validation. Not `indirect`: a list or mapping holds its
/// items in an array or dictionary already, and a boxed case cost the policy decoder an
/// allocation for every scalar it converted.
enum Value: Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(Day)
    case partialDate(PartialDate)
    case country(Country)
    case term(String)
    case list([Located])
    case object(Record)
}

/// A validated mapping: every present key with its typed value. Accessors return nil for
/// absent keys; validation has already guaranteed the types.
struct Record: Sendable {
    var mark: Mark
    var fields: [String: Located]

    func mark(_ key: String) -> Mark? { fields[key]?.mark }

    /// The value of `key` as `T` (nil when absent; validation has already checked the type).
    func value<T: ValueConvertible>(_ key: String) -> T? { fields[key].flatMap { T($0.value) } }

    func text(_ key: String) -> String? { value(key) }
    func integer(_ key: String) -> Int? { value(key) }
    func number(_ key: String) -> Double? { value(key) }
    func boolean(_ key: String) -> Bool? { value(key) }
    func date(_ key: String) -> Day? { value(key) }
    func partialDate(_ key: String) -> PartialDate? { value(key) }
    func country(_ key: String) -> Country? { value(key) }
    func object(_ key: String) -> Record? { value(key) }

    /// The items of a list field (empty when absent).
    func list(_ key: String) -> [Located] {
        if case .list(let items) = fields[key]?.value { return items }
        return []
    }

    /// The items of a list field as `T`.
    func values<T: ValueConvertible>(_ key: String) -> [T] { list(key).compactMap { T($0.value) } }

    /// A list of text or terms.
    func texts(_ key: String) -> [String] { values(key) }

    /// A list of mappings.
    func objects(_ key: String) -> [Record] { values(key) }

    func countries(_ key: String) -> [Country] { values(key) }
}

/// A Swift value a `Value` converts to: what `Record`'s accessors return and what the policy
/// decoder stores into the model (`PolicyField`). Text and terms are Strings; an integer is a Double too.
protocol ValueConvertible {
    init?(_ value: Value)
}

extension String: ValueConvertible {
    init?(_ value: Value) {
        switch value {
        case .text(let text), .term(let text): self = text
        default: return nil
        }
    }
}

extension Double: ValueConvertible {
    init?(_ value: Value) {
        switch value {
        case .number(let number): self = number
        case .integer(let number): self = Double(number)
        default: return nil
        }
    }
}

extension Int: ValueConvertible {
    init?(_ value: Value) {
        guard case .integer(let number) = value else { return nil }
        self = number
    }
}

extension Bool: ValueConvertible {
    init?(_ value: Value) {
        guard case .boolean(let flag) = value else { return nil }
        self = flag
    }
}

extension Day: ValueConvertible {
    init?(_ value: Value) {
        guard case .date(let day) = value else { return nil }
        self = day
    }
}

extension PartialDate: ValueConvertible {
    init?(_ value: Value) {
        guard case .partialDate(let date) = value else { return nil }
        self = date
    }
}

extension Country: ValueConvertible {
    init?(_ value: Value) {
        guard case .country(let country) = value else { return nil }
        self = country
    }
}

extension Record: ValueConvertible {
    init?(_ value: Value) {
        guard case .object(let record) = value else { return nil }
        self = record
    }
}

/// A word of a fixed set (`.choice`), kept as its enum case.
extension ValueConvertible where Self: RawRepresentable, RawValue == String {
    init?(_ value: Value) {
        guard let text = String(value) else { return nil }
        self.init(rawValue: text)
    }
}
