/// How `PolicyDecoder` writes a field's converted value into the draft: at the property's fixed
/// offset (`MemoryLayout<PolicyDraft>.offset(of:)` of the field's key path), by a `switch` on
/// the property's type, with no closure call, generic conversion or key path. Chosen once, when
/// the field is declared; a property of another type (the flow's `kind` and `direction`) or
/// without a fixed offset keeps its store closure (`closure`).
enum DraftStore: Sendable, Equatable {
    /// Not stored (`version`, mappings and lists of mappings).
    case none
    /// By the field's store closure.
    case closure
    case text(Int)
    case optionalText(Int)
    case country(Int)
    case optionalCountry(Int)
    case optionalInteger(Int)
    case optionalNumber(Int)
    case date(Int)
    case optionalDate(Int)
    /// An item appended to a `[String]`.
    case appendText(Int)
    /// An item appended to a `[Country]`.
    case appendCountry(Int)

    /// The direct store of a `T` property at `offset` (nil: none), `closure` for other types.
    static func property<T>(_ type: T.Type, at offset: Int?) -> DraftStore {
        guard let offset else { return .closure }
        if type == String.self { return .text(offset) }
        if type == String?.self { return .optionalText(offset) }
        if type == Country.self { return .country(offset) }
        if type == Country?.self { return .optionalCountry(offset) }
        if type == Int?.self { return .optionalInteger(offset) }
        if type == Double?.self { return .optionalNumber(offset) }
        if type == Day.self { return .date(offset) }
        if type == Day?.self { return .optionalDate(offset) }
        return .closure
    }

    /// The direct store of an item appended to a `[T]` property at `offset`, `closure` for other types.
    static func list<T>(of type: T.Type, at offset: Int?) -> DraftStore {
        guard let offset else { return .closure }
        if type == String.self { return .appendText(offset) }
        if type == Country.self { return .appendCountry(offset) }
        return .closure
    }
}

/// How the decoder writes where a field's value is (its mark): at the property's offset, like
/// `DraftStore`.
enum MarkStore: Sendable, Equatable {
    case none
    case closure
    case mark(Int)
    case optionalMark(Int)
}

extension PolicyDraft {
    /// The `T` property at `offset` of the draft, changed in place (`DraftSlot`'s write, for a
    /// type known here).
    @inline(__always)
    mutating func update<T>(at offset: Int, as type: T.Type, _ body: (inout T) -> Void) {
        withUnsafeMutableBytes(of: &self) { raw in
            guard let base = raw.baseAddress else { return }
            body(&(base + offset).assumingMemoryBound(to: T.self).pointee)
        }
    }

    /// Stores a converted scalar of `field` (or appends a list item): the value is given, not
    /// lent, so its text is moved into the draft.
    @inline(__always)
    mutating func store(_ value: consuming Value, _ field: PolicyField) {
        switch field.direct {
        case .none:
            return
        case .closure:
            field.store?(&self, value)
        case .text(let offset):
            switch consume value {
            case .text(let text), .term(let text): update(at: offset, as: String.self) { $0 = text }
            default: return
            }
        case .optionalText(let offset):
            let text: String?
            switch consume value {
            case .text(let given), .term(let given): text = given
            default: text = nil
            }
            update(at: offset, as: String?.self) { $0 = text }
        case .country(let offset):
            guard case .country(let country) = consume value else { return }
            update(at: offset, as: Country.self) { $0 = country }
        case .optionalCountry(let offset):
            let country: Country?
            if case .country(let given) = consume value { country = given } else { country = nil }
            update(at: offset, as: Country?.self) { $0 = country }
        case .optionalInteger(let offset):
            let number: Int?
            if case .integer(let given) = value { number = given } else { number = nil }
            update(at: offset, as: Int?.self) { $0 = number }
        case .optionalNumber(let offset):
            let number: Double?
            switch value {
            case .number(let given): number = given
            case .integer(let given): number = Double(given)
            default: number = nil
            }
            update(at: offset, as: Double?.self) { $0 = number }
        case .date(let offset):
            guard case .date(let day) = value else { return }
            update(at: offset, as: Day.self) { $0 = day }
        case .optionalDate(let offset):
            let day: Day?
            if case .date(let given) = value { day = given } else { day = nil }
            update(at: offset, as: Day?.self) { $0 = day }
        case .appendText(let offset):
            switch consume value {
            case .text(let text), .term(let text): update(at: offset, as: [String].self) { $0.appendItem(text) }
            default: return
            }
        case .appendCountry(let offset):
            guard case .country(let country) = consume value else { return }
            update(at: offset, as: [Country].self) { $0.appendItem(country) }
        }
    }

    /// Stores where `field`'s value is written.
    @inline(__always)
    mutating func storeMark(_ mark: Mark, _ field: PolicyField) {
        switch field.markStore {
        case .none: return
        case .closure: field.storeMark?(&self, mark)
        case .mark(let offset): update(at: offset, as: Mark.self) { $0 = mark }
        case .optionalMark(let offset): update(at: offset, as: Mark?.self) { $0 = mark }
        }
    }
}

extension Array {
    /// Appends a list item, with room for a few items at the first (grown from empty, a list of
    /// five items was allocated four times).
    @inline(__always)
    mutating func appendItem(_ item: consuming Element) {
        if isEmpty { reserveCapacity(PolicyField.firstListCapacity) }
        append(item)
    }
}
