/// A value converted by its field's declared type, with where it was written.
struct Located: Sendable {
    var value: Value
    var mark: Mark
}

/// The typed value of a field after validation.
indirect enum Value: Sendable {
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

    func text(_ key: String) -> String? {
        switch fields[key]?.value {
        case .text(let text), .term(let text): return text
        default: return nil
        }
    }

    func integer(_ key: String) -> Int? {
        if case .integer(let value) = fields[key]?.value { return value }
        return nil
    }

    func number(_ key: String) -> Double? {
        switch fields[key]?.value {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    func boolean(_ key: String) -> Bool? {
        if case .boolean(let value) = fields[key]?.value { return value }
        return nil
    }

    func date(_ key: String) -> Day? {
        if case .date(let value) = fields[key]?.value { return value }
        return nil
    }

    func partialDate(_ key: String) -> PartialDate? {
        if case .partialDate(let value) = fields[key]?.value { return value }
        return nil
    }

    func country(_ key: String) -> Country? {
        if case .country(let value) = fields[key]?.value { return value }
        return nil
    }

    func object(_ key: String) -> Record? {
        if case .object(let value) = fields[key]?.value { return value }
        return nil
    }

    /// The items of a list field (empty when absent).
    func list(_ key: String) -> [Located] {
        if case .list(let items) = fields[key]?.value { return items }
        return []
    }

    /// A list of text or terms.
    func texts(_ key: String) -> [String] {
        list(key).compactMap { item in
            switch item.value {
            case .text(let text), .term(let text): return text
            default: return nil
            }
        }
    }

    /// A list of mappings.
    func objects(_ key: String) -> [Record] {
        list(key).compactMap { item in
            if case .object(let record) = item.value { return record }
            return nil
        }
    }

    func countries(_ key: String) -> [Country] {
        list(key).compactMap { item in
            if case .country(let country) = item.value { return country }
            return nil
        }
    }
}
