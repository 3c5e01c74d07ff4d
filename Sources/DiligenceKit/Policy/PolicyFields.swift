import Foundation

/// The policy model while `PolicyDecoder` fills it: the policy, the list item being read, and
/// what the checks across fields need. Required fields start as placeholders; a file that
/// leaves one unset is refused with "missing required key", so no placeholder is ever kept.
struct PolicyDraft {
    var policy = Policy(file: "", company: "", companyMark: .start, sites: [], trade: [], counterparties: [], travel: [], acceptedRisks: [])
    var site = Site.Fields(mark: .start)
    var point: (lat: Double?, lon: Double?) = (nil, nil)
    var flow = TradeFlow.Fields(mark: .start)
    var goodsMark: Mark?, hsCodesMark: Mark?
    var party = Counterparty.Fields(id: "", name: "", country: .unset, aliases: [], mark: .start)
    var trip = Travel(id: "", country: .unset, mark: .start)
    var risk = AcceptedRisk(finding: "", reason: "", approvedBy: "", expires: .unset, mark: .start)
    var findingMark: Mark?
    /// Problems found across fields, reported after the schema's, in this order: findings of
    /// accepted risks, then goods on money flows.
    var findingProblems: [(Mark, String)] = []
    var moneyFlowProblems: [(Mark, String)] = []
    /// Ids that name nothing in the file (a flow's `site`), reported last.
    var referenceProblems: [(Mark, String)] = []
}

extension Country {
    /// The placeholder of a required country not read yet.
    static let unset = Country(code: "", name: "")
}

extension Day {
    /// The placeholder of a required date not read yet.
    static let unset = Day(placeholderYear: 1)

    private init(placeholderYear: Int) {
        year = placeholderYear
        month = 1
        day = 1
    }
}

/// One declared key of a policy mapping and where its value goes in the model (a class: the
/// decoder reads one per scalar without copying it): the field
/// (name, type, documentation) and its destination are written together, once.
final class PolicyField: Sendable {
    /// How the decoder reads the value.
    enum Shape: Sendable {
        case scalar
        case scalars
        case object(PolicyObject)
        case objects(PolicyObject)
    }

    /// How a scalar converts without a String where it can (see `PolicyDecoder.quickly`).
    enum Conversion: Sendable {
        case text, identifier, integer(ClosedRange<Int>), number(ClosedRange<Double>), date, country
        /// Of the vocabulary at this index of `VocabularyKind.allCases` (that of its table).
        case term(Int)
        case choice(ByteTable<String>)
        /// Only by `SchemaValidator.convert`.
        case other
    }

    /// The room a list of scalars is given at its first item.
    static var firstListCapacity: Int { 8 }

    let field: Field
    let shape: Shape
    /// `shape` is `.scalar`, `.scalars`, or either list: asked for every scalar, without a copy
    /// of the shape (and a retain of the object it may hold).
    let isScalar: Bool
    let isScalarList: Bool
    let isList: Bool
    /// The object of an `.object` or `.objects` shape, unretained (the shape holds it).
    let held: Unmanaged<PolicyObject>?
    let conversion: Conversion
    /// The scalar type (of the items, for a list).
    let scalarType: FieldType
    /// Stores a converted scalar (or appends a list item) with where it was written. The value is
    /// given, not lent (`consuming`): its text is moved into the draft, where a copy was a retain
    /// of it and the decoder's destroy of the value a release.
    let store: (@Sendable (inout PolicyDraft, consuming Value) -> Void)?
    /// Stores where the value is written, once it validates.
    let storeMark: (@Sendable (inout PolicyDraft, Mark) -> Void)?
    /// How the decoder writes the value (`PolicyDraft.store`): at its property's offset, or by `store`.
    let direct: DraftStore
    /// How the decoder writes the mark (`PolicyDraft.storeMark`): at its property's offset, or by `storeMark`.
    let markStore: MarkStore

    private init(
        _ field: Field, shape: Shape, scalarType: FieldType, store: (@Sendable (inout PolicyDraft, consuming Value) -> Void)?,
        direct: DraftStore = .none, mark: MarkTarget? = nil
    ) {
        self.field = field
        self.shape = shape
        switch shape {
        case .scalar: (isScalar, isScalarList, isList, held) = (true, false, false, nil)
        case .scalars: (isScalar, isScalarList, isList, held) = (false, true, true, nil)
        case .objects(let object): (isScalar, isScalarList, isList, held) = (false, false, true, .passUnretained(object))
        case .object(let object): (isScalar, isScalarList, isList, held) = (false, false, false, .passUnretained(object))
        }
        self.scalarType = scalarType
        switch scalarType {
        case .text: conversion = .text
        case .identifier: conversion = .identifier
        case .integer(let range): conversion = .integer(range)
        case .number(let range): conversion = .number(range)
        case .date: conversion = .date
        case .country: conversion = .country
        case .term(let kind): conversion = VocabularyKind.allCases.firstIndex(of: kind).map(Conversion.term) ?? .other
        case .choice(let options): conversion = .choice(ByteTable(options.map { ($0, $0) }))
        case .boolean, .partialDate, .digits, .list, .object: conversion = .other
        }
        self.store = store
        self.direct = store == nil ? .none : direct
        self.storeMark = mark?.store
        self.markStore = mark?.direct ?? .none
    }

    /// A scalar field kept in an optional property.
    convenience init<T: ValueConvertible>(
        _ name: String, _ type: FieldType, required: Bool = false, _ summary: String, example: String? = nil,
        into path: WritableKeyPath<PolicyDraft, T?> & Sendable, mark: MarkTarget? = nil
    ) {
        self.init(
            Field(name, type, required: required, summary, example: example), shape: .scalar, scalarType: type,
            store: { [slot = DraftSlot(path)] draft, value in
                var converted = T(consume value)
                slot.update(&draft) { swap(&$0, &converted) }
            }, direct: .property(T?.self, at: MemoryLayout<PolicyDraft>.offset(of: path)), mark: mark)
    }

    /// A scalar field kept in a property that always has a value (required, or with a default).
    convenience init<T: ValueConvertible>(
        _ name: String, _ type: FieldType, required: Bool = false, _ summary: String, example: String? = nil,
        into path: WritableKeyPath<PolicyDraft, T> & Sendable, mark: MarkTarget? = nil
    ) {
        self.init(
            Field(name, type, required: required, summary, example: example), shape: .scalar, scalarType: type,
            store: { [slot = DraftSlot(path)] draft, value in
                guard var converted = T(consume value) else { return }
                slot.update(&draft) { swap(&$0, &converted) }
            },
            direct: .property(T.self, at: MemoryLayout<PolicyDraft>.offset(of: path)), mark: mark)
    }

    /// A scalar field that is validated and not kept (`version`).
    convenience init(_ name: String, _ type: FieldType, required: Bool = false, _ summary: String, example: String? = nil) {
        self.init(Field(name, type, required: required, summary, example: example), shape: .scalar, scalarType: type, store: nil)
    }

    /// A list of scalars, each item appended in file order.
    convenience init<T: ValueConvertible>(
        _ name: String, list type: FieldType, _ summary: String, example: String? = nil,
        into path: WritableKeyPath<PolicyDraft, [T]> & Sendable, mark: MarkTarget? = nil
    ) {
        self.init(
            Field(name, .list(type), summary, example: example), shape: .scalars, scalarType: type,
            store: { [slot = DraftSlot(path)] draft, value in
                var converted = T(consume value)
                slot.update(&draft) { list in
                    // Room for a few items at the first (grown from empty, a list of five items
                    // was allocated four times).
                    guard let item = converted.take() else { return }
                    list.appendItem(item)
                }
            }, direct: .list(of: T.self, at: MemoryLayout<PolicyDraft>.offset(of: path)), mark: mark)
    }

    /// A mapping, read by `object`'s fields and hooks.
    convenience init(_ name: String, object: PolicyObject, _ summary: String, example: String? = nil) {
        self.init(Field(name, .object(object.schema), summary, example: example), shape: .object(object), scalarType: .text, store: nil)
    }

    /// A list of mappings, each read by `object`'s fields and hooks.
    convenience init(_ name: String, list object: PolicyObject, _ summary: String, example: String? = nil) {
        self.init(
            Field(name, .list(.object(object.schema)), summary, example: example), shape: .objects(object), scalarType: .text,
            store: nil)
    }
}

/// Where a field's mark (line and column of its value) is kept: `.at(\.policy.reviewedMark)`.
struct MarkTarget: Sendable {
    let store: @Sendable (inout PolicyDraft, Mark) -> Void
    /// The direct write at the property's offset (`closure` without one).
    let direct: MarkStore

    static func at(_ path: WritableKeyPath<PolicyDraft, Mark?> & Sendable) -> MarkTarget {
        let slot = DraftSlot(path)
        let direct = MemoryLayout<PolicyDraft>.offset(of: path).map(MarkStore.optionalMark) ?? .closure
        return MarkTarget(store: { draft, mark in slot.update(&draft) { $0 = mark } }, direct: direct)
    }

    static func at(_ path: WritableKeyPath<PolicyDraft, Mark> & Sendable) -> MarkTarget {
        let slot = DraftSlot(path)
        let direct = MemoryLayout<PolicyDraft>.offset(of: path).map(MarkStore.mark) ?? .closure
        return MarkTarget(store: { draft, mark in slot.update(&draft) { $0 = mark } }, direct: direct)
    }
}

/// A mapping of the policy format: its schema (what `diligence schema` and the format reference
/// print) and how its values go into the model; `open` starts a model value at the mapping's
/// mark and `close` finishes it once every key is read.
final class PolicyObject: Sendable {
    let schema: ObjectSchema
    let fields: [PolicyField]
    /// `fields`, unretained (this object holds them): read by the decoder without a retain.
    let fieldRefs: [Unmanaged<PolicyField>]
    /// The field index of each key, by its bytes.
    let keys: ByteTable<Int>
    /// The fields' keys' bytes one after another, and where each starts (one more: the end).
    private let keyText: [UInt8]
    private let keyStarts: [Int]
    /// The bits of the required fields' indices.
    let requiredMask: UInt64
    /// The field index of `schema.uniqueKey`.
    let uniqueField: Int?
    let open: @Sendable (inout PolicyDraft, Mark) -> Void
    let close: @Sendable (inout PolicyDraft, PolicyContext) -> Void

    init(
        name: String, summary: String, uniqueKey: String? = nil, key: String? = nil, example: String? = nil, fields: [PolicyField],
        open: @escaping @Sendable (inout PolicyDraft, Mark) -> Void = { _, _ in },
        close: @escaping @Sendable (inout PolicyDraft, PolicyContext) -> Void = { _, _ in }
    ) {
        schema = ObjectSchema(name: name, summary: summary, uniqueKey: uniqueKey, key: key, example: example, fields: fields.map(\.field))
        self.fields = fields
        fieldRefs = fields.map { Unmanaged.passUnretained($0) }
        keys = ByteTable(fields.enumerated().map { ($0.element.field.name, $0.offset) })
        keyText = fields.flatMap { Array($0.field.name.utf8) }
        keyStarts = fields.reduce(into: [0]) { starts, field in starts.append((starts.last ?? 0) + field.field.name.utf8.count) }
        requiredMask = fields.enumerated().reduce(0) { mask, item in item.element.field.required ? mask | UInt64(1) << UInt64(item.offset) : mask }
        uniqueField = uniqueKey.flatMap { unique in fields.firstIndex { $0.field.name == unique } }
        self.open = open
        self.close = close
        precondition(fields.count <= 64, "a policy mapping's keys are bits of a UInt64")
    }

    /// The field index of the key `bytes` if it is one of the few fields from `first` on (the
    /// next keys a file written in the schema's order may give), found by its length and bytes;
    /// nil otherwise (`keys` finds it). Field keys are distinct, so a field found here is the
    /// one `keys` finds.
    func field(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int) -> Int? {
        let end = min(fields.count, first + 4)
        guard first >= 0, first < end, let key = bytes.baseAddress else { return nil }
        return keyText.withUnsafeBufferPointer { text -> Int? in
            guard let base = text.baseAddress else { return nil }
            return keyStarts.withUnsafeBufferPointer { starts -> Int? in
                for index in first..<end {
                    let start = starts[index]
                    // Compared in place, eight bytes at a time (a call of `memcmp` cost more than a key's bytes).
                    if starts[index + 1] - start == bytes.count, ByteTable<Int>.equal(base + start, key, bytes.count) { return index }
                }
                return nil
            }
        }
    }
}

/// What the hooks of `PolicyObject`s read besides the draft.
struct PolicyContext: Sendable {
    let vocabularies: Vocabularies
    let tables: PolicyTables
    /// The rules an accepted risk may name.
    let ruleIDs: [RuleID]

    /// The first of equal values, in order.
    static func unique(_ values: [String]) -> [String] {
        if values.count < 2 { return values }
        if values.count <= 16 {
            // Usually there is no repeat, and the array is kept as it is (comparing a few
            // strings costs less than hashing them).
            var repeated = false
            search: for index in 1..<values.count {
                for earlier in 0..<index where values[earlier] == values[index] {
                    repeated = true
                    break search
                }
            }
            if !repeated { return values }
        }
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
