import CLibYAML
import Foundation

/// The fast path of `PolicyLoader`: builds a `Policy` straight from libyaml's events, with no
/// `YAMLNode` tree and no `Record` dictionaries in between.
///
/// It handles only the happy case. Whatever it is not sure about (an anchor, an alias, a tag, a
/// merge key, a null where a value is needed, a duplicate or unknown key, a wrong shape, a value
/// that does not convert, a missing required key, a repeated `id`, an unknown rule in
/// `accepted_risks[].finding`, a second document, a limit of `YAMLLimits`, a syntax error) makes
/// it answer nil, and `PolicyLoader` then runs the slow path (`YAMLReader`, `SchemaValidator`),
/// which reports every problem with its location. So the fast path never decides an error: for
/// a file the slow path accepts it returns the same `Policy` or nil, and for any other file nil.
///
/// Scalars are converted by the field types of `PolicySchema` exactly as
/// `SchemaValidator.validateScalar` converts them (the same functions, or a lookup table whose
/// entries were computed by those functions), with the same marks, and the model is assembled
/// as `PolicyLoader.build` does. Strings are created only for the values the model keeps:
/// countries, vocabulary terms and choices are looked up by their bytes.
///
/// The event loop is iterative with an explicit stack; it never holds more than the four levels
/// of a policy (root, list, item, location or list of terms) and bails out at the nesting limit.
struct PolicyEventLoader: Sendable {
    let countries: CountryTable
    let vocabularies: Vocabularies
    private let lookups: LookupCache

    init(countries: CountryTable, vocabularies: Vocabularies) {
        self.countries = countries
        self.vocabularies = vocabularies
        self.lookups = LookupCache()
    }

    /// The policy in `bytes`, or nil when the slow path must decide (see the type's comment).
    func load(bytes: [UInt8], file: String, limits: YAMLLimits) -> Policy? {
        // The checks YAMLReader makes before parsing, in its order: any number of byte order
        // marks stripped, then the size limit, UTF-8 and NUL bytes (which the slow path reports).
        var start = 0
        while bytes.count - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
            start += 3
        }
        let count = bytes.count - start
        guard count > 0, count <= limits.maxBytes else { return nil }
        let tables = lookups.tables(countries: countries, vocabularies: vocabularies)
        return bytes.withUnsafeBufferPointer { whole -> Policy? in
            guard let base = whole.baseAddress else { return nil }
            let input = UnsafeBufferPointer(start: base + start, count: count)
            guard String(validating: input, as: UTF8.self) != nil, !input.contains(0) else { return nil }
            var builder = Builder(file: file, limits: limits, tables: tables, countries: countries, vocabularies: vocabularies)
            switch PolicyScanner.scan(input, into: &builder) {
            case .done:
                return builder.policy()
            case .rejected:
                return nil
            case .unsupported:
                // Not the plain block style the scanner reads: libyaml's events, from the start.
                builder = Builder(file: file, limits: limits, tables: tables, countries: countries, vocabularies: vocabularies)
                guard Self.feed(input, into: &builder) else { return nil }
                return builder.policy()
            }
        }
    }

    /// Gives the sink libyaml's events for `input`; false when libyaml finds an error, the text
    /// holds an anchor, alias or tag or a second document, or the sink refuses an event.
    static func feed<Sink: PolicyEventSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Bool {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return false }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return false }
            defer { yaml_event_delete(&event) }
            let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else { return false }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil else { return false }
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : Int(scalar.length))
                let plain: Bool
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE, YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE:
                    plain = false
                default:
                    plain = true
                }
                guard sink.scalar(bytes, plain: plain, mark: mark) else { return false }
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.tag == nil, sink.mappingStart(mark) else { return false }
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.tag == nil, sink.sequenceStart(mark) else { return false }
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard sink.end() else { return false }
            case YAML_ALIAS_EVENT:
                return false
            default:
                break
            }
        }
    }
}

/// What a reader of a policy text tells the model builder, in document order; each answers
/// false when the builder cannot go on (the slow path must decide).
protocol PolicyEventSink {
    /// A mapping starts at `mark` (for a block mapping, its first key).
    mutating func mappingStart(_ mark: Mark) -> Bool
    /// A list starts at `mark` (its first `-`, or its `[`).
    mutating func sequenceStart(_ mark: Mark) -> Bool
    /// A scalar, its bytes as the value reads (quotes removed); `plain` when written without
    /// quotes or block indicators.
    mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool
    /// The innermost open mapping or list ends.
    mutating func end() -> Bool
}

// MARK: - Keys, shapes and lookup tables

extension PolicyEventLoader {
    /// Every key a policy file may write, in any of its mappings.
    enum Key: Int, CaseIterable {
        case version, company, owner, sector, reviewed, sites, trade, counterparties, travel, acceptedRisks
        case id, name, kind, country, region, city, location, staff, dependsOn, continuity, securityProvider
        case direction, goods, hsCodes, payment, role, aliases, travellers, frequency
        case finding, reason, approvedBy, expires, lat, lon, local, expatriate
        case origin, transit, destination
        case incorporated, subjectTo

        /// The key as written in a file.
        var text: String {
            switch self {
            case .version: return "version"
            case .company: return "company"
            case .owner: return "owner"
            case .sector: return "sector"
            case .reviewed: return "reviewed"
            case .sites: return "sites"
            case .trade: return "trade"
            case .counterparties: return "counterparties"
            case .travel: return "travel"
            case .acceptedRisks: return "accepted_risks"
            case .id: return "id"
            case .name: return "name"
            case .kind: return "kind"
            case .country: return "country"
            case .region: return "region"
            case .city: return "city"
            case .location: return "location"
            case .staff: return "staff"
            case .dependsOn: return "depends_on"
            case .continuity: return "continuity"
            case .securityProvider: return "security_provider"
            case .direction: return "direction"
            case .goods: return "goods"
            case .hsCodes: return "hs_codes"
            case .payment: return "payment"
            case .role: return "role"
            case .aliases: return "aliases"
            case .travellers: return "travellers"
            case .frequency: return "frequency"
            case .finding: return "finding"
            case .reason: return "reason"
            case .approvedBy: return "approved_by"
            case .expires: return "expires"
            case .lat: return "lat"
            case .lon: return "lon"
            case .local: return "local"
            case .expatriate: return "expatriate"
            case .origin: return "origin"
            case .transit: return "transit"
            case .destination: return "destination"
            case .incorporated: return "incorporated"
            case .subjectTo: return "subject_to"
            }
        }

        /// This key's bit in the masks of keys met and allowed (at most 64 keys: a test checks).
        var bit: UInt64 { 1 << UInt64(rawValue) }
    }

    /// The mappings of a policy file.
    enum Object: Int, CaseIterable {
        case root, site, trade, counterparty, travel, acceptedRisk, location, staff

        var schema: ObjectSchema {
            switch self {
            case .root: return PolicySchema.policy
            case .site: return PolicySchema.site
            case .trade: return PolicySchema.trade
            case .counterparty: return PolicySchema.counterparty
            case .travel: return PolicySchema.travel
            case .acceptedRisk: return PolicySchema.acceptedRisk
            case .location: return PolicySchema.location
            case .staff: return PolicySchema.staff
            }
        }

        /// The mapping a field of this name holds (a list item for the root's lists).
        static func held(by key: Key) -> Object? {
            switch key {
            case .sites: return .site
            case .trade: return .trade
            case .counterparties: return .counterparty
            case .travel: return .travel
            case .acceptedRisks: return .acceptedRisk
            case .location: return .location
            case .staff: return .staff
            default: return nil
            }
        }
    }

    /// A scalar field type of the schema, as the fast path converts it.
    enum Conversion {
        case text, identifier, integer(ClosedRange<Int>), number(ClosedRange<Double>), date, country
        /// The kind, and its index in `VocabularyKind.allCases` (that of its table).
        case term(VocabularyKind, Int)
        /// An index in `choiceOptions` and `choiceTables`, so that a conversion is plain data
        /// (copied without reference counting on every event).
        case choice(Int)
        case digits

        /// The option lists of the schema's `.choice` fields.
        static let choiceOptions: [[String]] = {
            var lists: [[String]] = []
            func walk(_ type: FieldType) {
                switch type {
                case .choice(let options): if !lists.contains(options) { lists.append(options) }
                case .list(let element): walk(element)
                default: break
                }
            }
            for object in Object.allCases {
                for field in object.schema.fields { walk(field.type) }
            }
            return lists
        }()

        static let choiceTables: [ByteTable<String>] = choiceOptions.map { options in ByteTable(options.map { ($0, $0) }) }

        init?(_ type: FieldType) {
            switch type {
            case .text: self = .text
            case .identifier: self = .identifier
            case .integer(let range): self = .integer(range)
            case .number(let range): self = .number(range)
            case .date: self = .date
            case .country: self = .country
            case .term(let kind): self = .term(kind, VocabularyKind.allCases.firstIndex(of: kind) ?? 0)
            case .choice(let options):
                guard let index = Self.choiceOptions.firstIndex(of: options) else { return nil }
                self = .choice(index)
            case .digits: self = .digits
            // Not used by policies; a file that meets one is left to the slow path.
            case .boolean, .partialDate, .list, .object: return nil
            }
        }
    }

    /// What the value of a key is, from its declared type.
    enum Slot {
        case scalar(Conversion)
        case scalars(Conversion)
        case object(Object)
        case objects(Object)
        /// A type the fast path does not build: the file goes to the slow path.
        case unsupported
    }

    /// The declared keys of one mapping, from `PolicySchema`.
    struct Shape {
        var allowed: UInt64 = 0
        var required: UInt64 = 0
        /// A required key the fast path does not know, so no file can satisfy it here.
        var unknownRequired = false
        var slots: [Slot] = Array(repeating: .unsupported, count: Key.allCases.count)

        init(_ object: Object) {
            for field in object.schema.fields {
                guard let key = Key.allCases.first(where: { $0.text == field.name }) else {
                    if field.required { unknownRequired = true }
                    continue
                }
                allowed |= key.bit
                if field.required { required |= key.bit }
                slots[key.rawValue] = Self.slot(field.type, key: key)
            }
        }

        private static func slot(_ type: FieldType, key: Key) -> Slot {
            switch type {
            case .list(.object(let schema)):
                guard let held = Object.held(by: key), held.schema.name == schema.name else { return .unsupported }
                return .objects(held)
            case .list(let element):
                return Conversion(element).map(Slot.scalars) ?? .unsupported
            case .object(let schema):
                guard let held = Object.held(by: key), held.schema.name == schema.name else { return .unsupported }
                return .object(held)
            default:
                return Conversion(type).map(Slot.scalar) ?? .unsupported
            }
        }

        static let all: [Shape] = Object.allCases.map(Shape.init)
    }

    /// Exact-spelling tables: each entry is what the slow path's function returns for that text,
    /// so a hit is the same answer without making a String; a miss asks the function itself.
    final class Tables: Sendable {
        let keys: ByteTable<Key>
        let countries: ByteTable<Country>
        /// Indexed by `VocabularyKind.allCases`.
        let terms: [ByteTable<String>]
        /// The goods terms' ids, sorted, and by HS prefix the indices of the terms that list it;
        /// nil unless every prefix is ASCII digits (then `hasPrefix` is a byte comparison).
        let goodsIDs: [String]
        let goodsByPrefix: ByteTable<[Int]>?

        init(countries: CountryTable, vocabularies: Vocabularies) {
            keys = ByteTable(Key.allCases.map { ($0.text, $0) })
            var spellings: [(String, Country)] = []
            for country in countries.countries {
                let code = country.code
                for form in [code, code.lowercased(), code.prefix(1) + code.suffix(1).lowercased(), code.prefix(1).lowercased() + code.suffix(1)] {
                    if let resolved = countries.resolve(form) { spellings.append((form, resolved)) }
                }
            }
            for name in countries.names {
                if let resolved = countries.resolve(name) { spellings.append((name, resolved)) }
            }
            self.countries = ByteTable(spellings)
            terms = VocabularyKind.allCases.map { kind in
                let vocabulary = vocabularies[kind]
                var spellings: [(String, String)] = []
                for term in vocabulary.terms.values {
                    for text in [term.id] + term.synonyms {
                        if let id = vocabulary.resolve(text) { spellings.append((text, id)) }
                    }
                }
                return ByteTable(spellings)
            }
            let goods = vocabularies[.goods].terms.values.sorted { $0.id < $1.id }
            goodsIDs = goods.map(\.id)
            var byPrefix: [String: [Int]] = [:]
            var digitsOnly = true
            for (index, term) in goods.enumerated() {
                for prefix in term.hsPrefixes {
                    if prefix.isEmpty || !prefix.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { digitsOnly = false }
                    if byPrefix[prefix]?.last != index { byPrefix[prefix, default: []].append(index) }
                }
            }
            goodsByPrefix = digitsOnly ? ByteTable(byPrefix.map { ($0.key, $0.value) }) : nil
        }

        /// `Vocabulary.goods(forHSCode:)` of the goods vocabulary: the categories one of whose
        /// prefixes starts the code, longest matching prefix first, then by id.
        func goods(forHSCode code: String, vocabularies: Vocabularies) -> [String] {
            guard let goodsByPrefix else { return vocabularies[.goods].goods(forHSCode: code) }
            var code = code
            let matches = code.withUTF8 { bytes -> [(index: Int, length: Int)]? in
                guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
                var matches: [(index: Int, length: Int)] = []
                for length in stride(from: 1, through: bytes.count, by: 1) {
                    guard let terms = goodsByPrefix.find(UnsafeBufferPointer(rebasing: bytes[..<length])) else { continue }
                    for term in terms {
                        // Lengths grow, so the last match of a term is its longest.
                        if let known = matches.firstIndex(where: { $0.index == term }) {
                            matches[known].length = length
                        } else {
                            matches.append((term, length))
                        }
                    }
                }
                return matches
            }
            guard var matches else { return vocabularies[.goods].goods(forHSCode: code) }
            matches.sort { lhs, rhs in (lhs.length, goodsIDs[rhs.index]) > (rhs.length, goodsIDs[lhs.index]) }
            return matches.map { goodsIDs[$0.index] }
        }
    }

    /// The tables, built once per loader on first use (a loader is made for a run, and tests make
    /// many loaders that never take the fast path on a large file).
    final class LookupCache: @unchecked Sendable {
        private let lock = NSLock()
        private var built: Tables?

        func tables(countries: CountryTable, vocabularies: Vocabularies) -> Tables {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            let tables = Tables(countries: countries, vocabularies: vocabularies)
            built = tables
            return tables
        }
    }
}

/// A read-only hash table keyed by byte strings (open addressing, FNV-1a), so that a scalar's
/// bytes are looked up without making a String of them. The first of equal keys wins.
struct ByteTable<Value> {
    private var keyBytes: [UInt8] = []
    private var entries: [(start: Int, count: Int, value: Value)] = []
    private var slots: [Int32]
    private let mask: Int

    init(_ pairs: [(String, Value)]) {
        var size = 8
        while size < pairs.count * 2 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: -1, count: size)
        for (key, value) in pairs {
            let bytes = Array(key.utf8)
            let found = bytes.withUnsafeBufferPointer { find($0) }
            guard found == nil else { continue }
            var index = bytes.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(entries.count)
            entries.append((keyBytes.count, bytes.count, value))
            keyBytes += bytes
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The value stored under exactly these bytes.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var index = Self.hash(bytes) & mask
        return keyBytes.withUnsafeBufferPointer { stored -> Value? in
            while true {
                let slot = Int(slots[index])
                if slot < 0 { return nil }
                let entry = entries[slot]
                if entry.count == bytes.count {
                    var offset = 0
                    while offset < bytes.count, stored[entry.start + offset] == bytes[offset] { offset += 1 }
                    if offset == bytes.count { return entry.value }
                }
                index = (index + 1) & mask
            }
        }
    }
}

extension ByteTable: Sendable where Value: Sendable {}

// MARK: - Scalar checks on bytes

extension PolicyEventLoader {
    /// `YAMLNode.isNull` for an untagged plain scalar.
    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4:
            let ull = bytes[1] == UInt8(ascii: "u") && bytes[2] == UInt8(ascii: "l") && bytes[3] == UInt8(ascii: "l")
            let capitalULL = bytes[1] == UInt8(ascii: "U") && bytes[2] == UInt8(ascii: "L") && bytes[3] == UInt8(ascii: "L")
            // null, Null, NULL
            return (bytes[0] == UInt8(ascii: "n") && ull) || (bytes[0] == UInt8(ascii: "N") && (ull || capitalULL))
        default: return false
        }
    }

    /// `SchemaValidator.decimalInteger` on bytes: an optional `-`, then 1 to 15 ASCII digits
    /// without a leading zero (but `0` itself), read in decimal (15 digits cannot overflow).
    static func decimalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = bytes.first == UInt8(ascii: "-")
        let body = UnsafeBufferPointer(rebasing: bytes[(negative ? 1 : 0)...])
        guard !body.isEmpty, body.count <= 15, body.count == 1 || body[0] != UInt8(ascii: "0") else { return nil }
        var value = 0
        for byte in body {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// The shape `SchemaValidator.decimalNumber` accepts, on bytes: an optional `-` or `+`, 1 to
    /// 15 ASCII digits, and optionally `.` and at least one more digit. (Its checks are on
    /// Characters; a non-ASCII byte fails both, so on ASCII bytes and Characters agree.)
    static func isDecimalNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerStart = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        let integerDigits = index - integerStart
        guard (1...15).contains(integerDigits) else { return false }
        if index == bytes.count { return true }
        guard bytes[index] == UInt8(ascii: ".") else { return false }
        index += 1
        let fractionStart = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index > fractionStart && index == bytes.count
    }

    /// `FieldType.isIdentifier` on bytes: 1 to 200 ASCII letters, digits or `.-_:/`.
    static func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 200 else { return false }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "/"):
                continue
            default:
                return false
            }
        }
        return true
    }
}

// MARK: - The event handler

extension PolicyEventLoader {
    /// A converted scalar, as the model keeps it (`.term` and `.choice` become their text).
    private enum Scalar {
        case text(String)
        case integer(Int)
        case number(Double)
        case date(Day)
        case country(Country)

        var text: String? {
            if case .text(let text) = self { return text }
            return nil
        }
    }

    /// An open list or mapping.
    private struct Frame {
        enum Kind {
            case mapping(Object)
            case objects(Object)
            case scalars(Object, Key, Conversion)
        }

        var kind: Kind
        /// Keys met so far (mappings).
        var seen: UInt64 = 0
        /// The key whose value comes next (mappings).
        var pending: Key?
    }

    private struct SiteDraft {
        var mark: Mark
        var id: String?, name: String?, kind: String?, country: Country?, region: String?, city: String?
        var incorporated: Country?
        var lat: Double?, lon: Double?, location: Coordinate?
        var staffLocal: Int?, staffExpatriate: Int?
        var dependsOn: [String] = [], continuity: [String] = []
        var securityProvider: String?, securityProviderMark: Mark?
    }

    private struct TradeDraft {
        var mark: Mark
        var id: String?, name: String?, direction: String?, country: Country?, kind: String?
        var origin: Country?, destination: Country?, transit: [Country] = []
        var goods: [String] = [], hsCodes: [String] = [], payment: [String] = []
    }

    private struct CounterpartyDraft {
        var mark: Mark
        var id: String?, name: String?, country: Country?, role: String?
        var aliases: [String] = []
    }

    private struct TravelDraft {
        var mark: Mark
        var id: String?, name: String?, country: Country?, city: String?, travellers: Int?, frequency: String?
    }

    private struct RiskDraft {
        var mark: Mark
        var finding: String?, reason: String?, approvedBy: String?, expires: Day?, expiresMark: Mark?
    }

    /// A set of strings that compares a few by `==` and hashes only when it grows (the lists
    /// of a policy are short; hashing a String costs more than comparing a few). Membership is
    /// `==` either way, as in `Set<String>`.
    struct SmallSet {
        private var few: [String] = []
        private var many: Set<String>?

        /// Adds `value`; false when an equal value is already in.
        mutating func insert(_ value: String) -> Bool {
            if var set = many {
                many = nil  // one reference, so the insert does not copy the set
                let inserted = set.insert(value).inserted
                many = set
                return inserted
            }
            if few.contains(value) { return false }
            if few.count < 16 {
                few.append(value)
            } else {
                var set = Set(few)
                set.insert(value)
                many = set
            }
            return true
        }
    }

    /// Consumes events; every event answers false as soon as the slow path must decide.
    private struct Builder: PolicyEventSink {
        let file: String
        let limits: YAMLLimits
        let tables: Tables
        let countries: CountryTable
        let vocabularies: Vocabularies
        /// `Shape.all` flattened: masks by `Object.rawValue`, slots by object and key.
        let allowed = Shape.all.map(\.allowed)
        let required = Shape.all.map { $0.unknownRequired ? UInt64.max : $0.required }
        let slots = Shape.all.flatMap(\.slots)

        func slot(_ object: Object, _ key: Key) -> Slot { slots[object.rawValue * Key.allCases.count + key.rawValue] }

        var stack: [Frame] = []
        var nodes = 0
        var rootDone = false

        var company: String?, companyMark: Mark?, owner: String?, sector: String?, reviewed: Day?, reviewedMark: Mark?
        var incorporated: Country?, subjectTo: [String] = []
        var sites: [Site] = [], trade: [TradeFlow] = [], counterparties: [Counterparty] = []
        var travel: [Travel] = [], accepted: [AcceptedRisk] = []
        var site = SiteDraft(mark: .start), flow = TradeDraft(mark: .start), party = CounterpartyDraft(mark: .start)
        var trip = TravelDraft(mark: .start), risk = RiskDraft(mark: .start)
        /// The `id`s met in each list, by the list's object (`Object.rawValue`).
        var ids = [SmallSet](repeating: SmallSet(), count: Object.allCases.count)

        init(file: String, limits: YAMLLimits, tables: Tables, countries: CountryTable, vocabularies: Vocabularies) {
            self.file = file
            self.limits = limits
            self.tables = tables
            self.countries = countries
            self.vocabularies = vocabularies
            stack.reserveCapacity(4)
        }

        mutating func mappingStart(_ mark: Mark) -> Bool {
            push() && openMapping(mark)
        }

        mutating func sequenceStart(_ mark: Mark) -> Bool {
            push() && openSequence()
        }

        mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool {
            bytes.count <= limits.maxScalarBytes && count() && take(bytes, plain: plain, mark: mark)
        }

        mutating func end() -> Bool {
            close()
        }

        /// Counts a node against the budget, as YAMLReader does.
        private mutating func count() -> Bool {
            nodes += 1
            return nodes <= limits.maxNodes
        }

        /// The depth limit and the node budget for a list or mapping about to open.
        private mutating func push() -> Bool {
            stack.count < limits.maxDepth && count()
        }

        private mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool {
            guard let top = stack.last else { return false }
            switch top.kind {
            case .mapping(let object):
                guard let key = top.pending else {
                    // A key: declared here, and not yet met.
                    guard let key = tables.keys.find(bytes), allowed[object.rawValue] & key.bit != 0, top.seen & key.bit == 0 else { return false }
                    stack[stack.count - 1].seen |= key.bit
                    stack[stack.count - 1].pending = key
                    return true
                }
                stack[stack.count - 1].pending = nil
                switch slot(object, key) {
                case .scalar(let conversion):
                    if plain, PolicyEventLoader.isNull(bytes) { return false }
                    guard let value = convert(bytes, plain: plain, conversion) else { return false }
                    return assign(value, to: key, of: object, mark: mark)
                case .scalars, .objects:
                    // A list written as null is an empty list; any other single value is an error.
                    return plain && PolicyEventLoader.isNull(bytes)
                case .object, .unsupported:
                    return false
                }
            case .scalars(let object, let key, let conversion):
                // List items are not checked for null: `[null]` is the text "null", as in SchemaValidator.
                guard let value = convert(bytes, plain: plain, conversion) else { return false }
                if case .country(let country) = value { return append(country, to: key, of: object) }
                guard let text = value.text else { return false }
                return append(text, to: key, of: object)
            case .objects:
                return false
            }
        }

        private mutating func openMapping(_ mark: Mark) -> Bool {
            guard let top = stack.last else {
                guard !rootDone else { return false }
                stack.append(Frame(kind: .mapping(.root)))
                return true
            }
            switch top.kind {
            case .mapping(let object):
                guard let key = top.pending, case .object(let held) = slot(object, key),
                      object == .site else { return false }
                if held == .location { site.lat = nil; site.lon = nil }
                stack.append(Frame(kind: .mapping(held)))
                return true
            case .objects(let object):
                switch object {
                case .site: site = SiteDraft(mark: mark)
                case .trade: flow = TradeDraft(mark: mark)
                case .counterparty: party = CounterpartyDraft(mark: mark)
                case .travel: trip = TravelDraft(mark: mark)
                case .acceptedRisk: risk = RiskDraft(mark: mark)
                case .root, .location, .staff: return false
                }
                stack.append(Frame(kind: .mapping(object)))
                return true
            case .scalars:
                return false
            }
        }

        private mutating func openSequence() -> Bool {
            guard let top = stack.last, case .mapping(let object) = top.kind, let key = top.pending else { return false }
            switch slot(object, key) {
            case .objects(let held):
                guard object == .root else { return false }
                stack.append(Frame(kind: .objects(held)))
                return true
            case .scalars(let conversion):
                stack.append(Frame(kind: .scalars(object, key, conversion)))
                return true
            case .scalar, .object, .unsupported:
                return false
            }
        }

        private mutating func close() -> Bool {
            guard let frame = stack.popLast() else { return false }
            // The mapping or list was the value of its parent's pending key.
            if !stack.isEmpty, case .mapping = stack[stack.count - 1].kind {
                stack[stack.count - 1].pending = nil
            }
            guard case .mapping(let object) = frame.kind else { return true }
            let required = self.required[object.rawValue]
            guard frame.pending == nil, frame.seen & required == required else { return false }
            switch object {
            case .root:
                rootDone = true
                return true
            case .location:
                guard let lat = site.lat, let lon = site.lon else { return false }
                site.location = Coordinate(lat: lat, lon: lon)
                return true
            case .staff:
                return true
            case .site:
                guard let id = site.id, let country = site.country, unique(id, in: .site) else { return false }
                sites.append(Site(id: id, name: site.name, kind: site.kind, country: country, region: site.region, city: site.city,
                                  location: site.location, staffLocal: site.staffLocal, staffExpatriate: site.staffExpatriate,
                                  dependsOn: Self.unique(site.dependsOn), continuity: Self.unique(site.continuity),
                                  securityProvider: site.securityProvider, securityProviderMark: site.securityProviderMark,
                                  mark: site.mark, incorporated: site.incorporated))
                return true
            case .trade:
                guard let id = flow.id, let country = flow.country,
                      let direction = flow.direction.flatMap(TradeFlow.Direction.init(rawValue:)), unique(id, in: .trade) else { return false }
                let kind = flow.kind.flatMap(TradeFlow.Kind.init(rawValue:)) ?? .goods
                // Goods on a payment are an error the slow path reports.
                guard kind.movesGoods || (flow.goods.isEmpty && flow.hsCodes.isEmpty) else { return false }
                var goods = Self.unique(flow.goods)
                for code in flow.hsCodes {
                    let categories = tables.goods(forHSCode: code, vocabularies: vocabularies)
                    if !goods.contains(where: { categories.contains($0) }), let category = categories.first, !goods.contains(category) {
                        goods.append(category)
                    }
                }
                trade.append(TradeFlow(id: id, name: flow.name, direction: direction, country: country, goods: goods,
                                       hsCodes: flow.hsCodes, payment: Self.unique(flow.payment), mark: flow.mark,
                                       kind: kind, origin: flow.origin, transit: flow.transit, destination: flow.destination))
                return true
            case .counterparty:
                guard let id = party.id, let name = party.name, let country = party.country, unique(id, in: .counterparty) else { return false }
                counterparties.append(Counterparty(id: id, name: name, country: country, role: party.role, aliases: party.aliases, mark: party.mark))
                return true
            case .travel:
                guard let id = trip.id, let country = trip.country, unique(id, in: .travel) else { return false }
                travel.append(Travel(id: id, name: trip.name, country: country, city: trip.city, travellers: trip.travellers,
                                     frequency: trip.frequency, mark: trip.mark))
                return true
            case .acceptedRisk:
                guard let finding = risk.finding, let reason = risk.reason, let approver = risk.approvedBy,
                      let expires = risk.expires, Self.isValidFinding(finding) else { return false }
                accepted.append(AcceptedRisk(finding: finding, reason: reason, approvedBy: approver, expires: expires,
                                             mark: risk.mark, expiresMark: risk.expiresMark ?? risk.mark))
                return true
            }
        }

        /// False for an `id` already met in the same list (SchemaValidator's duplicate check).
        private mutating func unique(_ id: String, in object: Object) -> Bool {
            ids[object.rawValue].insert(id)
        }

        /// The policy, once the stream ended with one complete root mapping.
        func policy() -> Policy? {
            guard rootDone, stack.isEmpty, let company, let companyMark else { return nil }
            return Policy(file: file, company: company, owner: owner, sector: sector, reviewed: reviewed, companyMark: companyMark,
                          sites: sites, trade: trade, counterparties: counterparties, travel: travel, acceptedRisks: accepted,
                          incorporated: incorporated, subjectTo: Self.unique(subjectTo), reviewedMark: reviewedMark)
        }

        // MARK: Conversion

        /// SchemaValidator.validateScalar's conversion, or nil where it reports an error.
        private func convert(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, _ conversion: Conversion) -> Scalar? {
            switch conversion {
            case .text:
                return bytes.isEmpty ? nil : .text(String(decoding: bytes, as: UTF8.self))
            case .identifier:
                return PolicyEventLoader.isIdentifier(bytes) ? .text(String(decoding: bytes, as: UTF8.self)) : nil
            case .integer(let range):
                guard plain, let value = PolicyEventLoader.decimalInteger(bytes), range.contains(value) else { return nil }
                return .integer(value)
            case .number(let range):
                guard plain, PolicyEventLoader.isDecimalNumber(bytes), let value = Double(String(decoding: bytes, as: UTF8.self)),
                      range.contains(value) else { return nil }
                return .number(value)
            case .date:
                // `Day(iso:)` parses the text's UTF-8 bytes with `Day.parse`.
                guard let parsed = Day.parse(bytes), let day = Day(year: parsed.year, month: parsed.month, day: parsed.day) else { return nil }
                return .date(day)
            case .country:
                if let country = tables.countries.find(bytes) { return .country(country) }
                return countries.resolve(String(decoding: bytes, as: UTF8.self)).map(Scalar.country)
            case .term(let kind, let index):
                if let id = tables.terms[index].find(bytes) { return .text(id) }
                return vocabularies[kind].resolve(String(decoding: bytes, as: UTF8.self)).map(Scalar.text)
            case .choice(let index):
                if let option = Conversion.choiceTables[index].find(bytes) { return .text(option) }
                let text = String(decoding: bytes, as: UTF8.self)
                return Conversion.choiceOptions[index].contains(text) ? .text(text) : nil
            case .digits:
                let digits = String(decoding: bytes, as: UTF8.self).filter { $0 != "." }
                guard (2...10).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                return .text(digits)
            }
        }

        // MARK: Assembly

        /// Stores a field's value where `build` reads it from the Record; false for a value of an
        /// unexpected kind (a schema changed under the fast path).
        private mutating func assign(_ value: Scalar, to key: Key, of object: Object, mark: Mark) -> Bool {
            switch (object, key, value) {
            case (.root, .version, .integer): return true
            case (.root, .company, .text(let text)): company = text; companyMark = mark
            case (.root, .owner, .text(let text)): owner = text
            case (.root, .sector, .text(let text)): sector = text
            case (.root, .reviewed, .date(let day)): reviewed = day; reviewedMark = mark
            case (.root, .incorporated, .country(let country)): incorporated = country

            case (.site, .id, .text(let text)): site.id = text
            case (.site, .name, .text(let text)): site.name = text
            case (.site, .kind, .text(let text)): site.kind = text
            case (.site, .country, .country(let country)): site.country = country
            case (.site, .region, .text(let text)): site.region = text
            case (.site, .city, .text(let text)): site.city = text
            case (.site, .securityProvider, .text(let text)): site.securityProvider = text; site.securityProviderMark = mark
            case (.site, .incorporated, .country(let country)): site.incorporated = country
            case (.location, .lat, .number(let number)): site.lat = number
            case (.location, .lon, .number(let number)): site.lon = number
            case (.staff, .local, .integer(let count)): site.staffLocal = count
            case (.staff, .expatriate, .integer(let count)): site.staffExpatriate = count

            case (.trade, .id, .text(let text)): flow.id = text
            case (.trade, .name, .text(let text)): flow.name = text
            case (.trade, .direction, .text(let text)): flow.direction = text
            case (.trade, .country, .country(let country)): flow.country = country
            case (.trade, .kind, .text(let text)): flow.kind = text
            case (.trade, .origin, .country(let country)): flow.origin = country
            case (.trade, .destination, .country(let country)): flow.destination = country

            case (.counterparty, .id, .text(let text)): party.id = text
            case (.counterparty, .name, .text(let text)): party.name = text
            case (.counterparty, .country, .country(let country)): party.country = country
            case (.counterparty, .role, .text(let text)): party.role = text

            case (.travel, .id, .text(let text)): trip.id = text
            case (.travel, .name, .text(let text)): trip.name = text
            case (.travel, .country, .country(let country)): trip.country = country
            case (.travel, .city, .text(let text)): trip.city = text
            case (.travel, .travellers, .integer(let count)): trip.travellers = count
            case (.travel, .frequency, .text(let text)): trip.frequency = text

            case (.acceptedRisk, .finding, .text(let text)): risk.finding = text
            case (.acceptedRisk, .reason, .text(let text)): risk.reason = text
            case (.acceptedRisk, .approvedBy, .text(let text)): risk.approvedBy = text
            case (.acceptedRisk, .expires, .date(let day)): risk.expires = day; risk.expiresMark = mark
            default: return false
            }
            return true
        }

        /// Appends an item of a list of text or terms.
        private mutating func append(_ text: String, to key: Key, of object: Object) -> Bool {
            switch (object, key) {
            case (.site, .dependsOn): site.dependsOn.append(text)
            case (.site, .continuity): site.continuity.append(text)
            case (.trade, .goods): flow.goods.append(text)
            case (.trade, .hsCodes): flow.hsCodes.append(text)
            case (.trade, .payment): flow.payment.append(text)
            case (.counterparty, .aliases): party.aliases.append(text)
            case (.root, .subjectTo): subjectTo.append(text)
            default: return false
            }
            return true
        }

        /// Appends an item of a list of countries.
        private mutating func append(_ country: Country, to key: Key, of object: Object) -> Bool {
            guard object == .trade, key == .transit else { return false }
            flow.transit.append(country)
            return true
        }

        /// PolicyLoader.checkAcceptedRisks's rule: `rule/subject` or `rule/subject/factor` with a known rule.
        private static func isValidFinding(_ finding: String) -> Bool {
            let parts = finding.split(separator: "/", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return false }
            return RuleRegistry.ids.contains(String(parts[0]))
        }

        /// PolicyLoader.unique: the first of equal values, in order.
        private static func unique(_ values: [String]) -> [String] {
            if values.count < 2 { return values }
            if values.count <= 16 {
                // Usually there is no repeat, and the array is kept as it is.
                var repeated = false
                search: for index in 1..<values.count {
                    for earlier in 0..<index where values[earlier] == values[index] {
                        repeated = true
                        break search
                    }
                }
                if !repeated { return values }
            }
            var seen = SmallSet()
            return values.filter { seen.insert($0) }
        }
    }
}
