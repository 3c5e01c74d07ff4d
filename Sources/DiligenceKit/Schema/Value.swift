/// A value converted by its field's declared type, with where it was written.
public struct Located: Sendable {
    public var value: Value
    public var mark: Mark
}

/// The typed value of a field after validation.
public indirect enum Value: Sendable {
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
public struct Record: Sendable {
    public var mark: Mark
    public var fields: [String: Located]

    public func mark(_ key: String) -> Mark? { fields[key]?.mark }

    public func text(_ key: String) -> String? {
        switch fields[key]?.value {
        case .text(let text), .term(let text): return text
        default: return nil
        }
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let value) = fields[key]?.value { return value }
        return nil
    }

    public func number(_ key: String) -> Double? {
        switch fields[key]?.value {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    public func boolean(_ key: String) -> Bool? {
        if case .boolean(let value) = fields[key]?.value { return value }
        return nil
    }

    public func date(_ key: String) -> Day? {
        if case .date(let value) = fields[key]?.value { return value }
        return nil
    }

    public func partialDate(_ key: String) -> PartialDate? {
        if case .partialDate(let value) = fields[key]?.value { return value }
        return nil
    }

    public func country(_ key: String) -> Country? {
        if case .country(let value) = fields[key]?.value { return value }
        return nil
    }

    public func object(_ key: String) -> Record? {
        if case .object(let value) = fields[key]?.value { return value }
        return nil
    }

    /// The items of a list field (empty when absent).
    public func list(_ key: String) -> [Located] {
        if case .list(let items) = fields[key]?.value { return items }
        return []
    }

    /// A list of text or terms.
    public func texts(_ key: String) -> [String] {
        list(key).compactMap { item in
            switch item.value {
            case .text(let text), .term(let text): return text
            default: return nil
            }
        }
    }

    /// A list of mappings.
    public func objects(_ key: String) -> [Record] {
        list(key).compactMap { item in
            if case .object(let record) = item.value { return record }
            return nil
        }
    }

    public func countries(_ key: String) -> [Country] {
        list(key).compactMap { item in
            if case .country(let country) = item.value { return country }
            return nil
        }
    }
}
