/// The factors in force on one as-of date, by country and kind, made once per run and read
/// without a lock or a hash: every operation of a portfolio asks each rule for its country's
/// factors, and a locked, hashed memo look-up cost more than the rule's own work on the
/// held-back portfolio's shape.
///
/// A country is found by its two-letter code's position (26 × 26 slots); a code of another
/// shape (a database may use one) is answered by `RiskDatabase.factors(in:asOf:kinds:)` itself.
struct FactorsInForce: Sendable {
    /// For each slot, the row of `rows` holding that country's factors, -1 (none), or -2 (two
    /// countries of one code with different names: answered by the database).
    private let slots: [Int32]
    /// Per country with factors: the country and the factors of each kind pair (`Self.pair`),
    /// in id order.
    private let rows: [(country: Country, factors: [[RiskFactor]])]
    private let database: RiskDatabase
    private let asOf: Day
    /// For each kind (by `FactorKind.position`), the positions in `database.factors` of the
    /// factors of that kind in force on the date, ascending.
    private let positionsByKind: [[Int]]

    private static let kinds = FactorKind.allCases
    private static let pairs = kinds.count * (kinds.count + 1)

    init(database: RiskDatabase, asOf: Day) {
        self.database = database
        self.asOf = asOf
        var slots = [Int32](repeating: -1, count: 26 * 26)
        var rows: [(country: Country, factors: [[RiskFactor]])] = []
        for country in Set(database.factors.map(\.country)).sorted(by: { ($0.code, $0.name) < ($1.code, $1.name) }) {
            guard let slot = Self.slot(of: country.code) else { continue }
            guard slots[slot] == -1 else {
                slots[slot] = -2
                continue
            }
            let inForce = database.factors(in: country, asOf: asOf) { _ in true }
            var row = [[RiskFactor]](repeating: [], count: Self.pairs)
            for kind in Self.kinds {
                for other in [nil] + Self.kinds {
                    row[Self.pair(kind, other)] = inForce.filter { $0.kind == kind || $0.kind == other }
                }
            }
            slots[slot] = Int32(rows.count)
            rows.append((country, row))
        }
        self.slots = slots
        self.rows = rows
        var positionsByKind = [[Int]](repeating: [], count: Self.kinds.count)
        for (position, factor) in database.factors.enumerated() where factor.isInForce(on: asOf) {
            positionsByKind[factor.kind.position].append(position)
        }
        self.positionsByKind = positionsByKind
    }

    /// The positions in the database's factors of every factor of `kind` in force on the date,
    /// any country, ascending: the same as filtering `database.factors` by kind and
    /// `isInForce(on:)`.
    func positions(of kind: FactorKind) -> [Int] {
        positionsByKind[kind.position]
    }

    /// The factors of `kind` (or of `other`) in force in `country`, in id order: the same as
    /// `database.factors(in: country, asOf: asOf) { $0 == kind || $0 == other }`.
    func factors(_ kind: FactorKind, _ other: FactorKind?, in country: Country) -> [RiskFactor] {
        guard let slot = Self.slot(of: country.code) else {
            return database.factors(in: country, asOf: asOf) { $0 == kind || $0 == other }
        }
        switch slots[slot] {
        case -1:
            return []
        case let row where row >= 0 && rows[Int(row)].country == country:
            return rows[Int(row)].factors[Self.pair(kind, other)]
        default:
            return database.factors(in: country, asOf: asOf) { $0 == kind || $0 == other }
        }
    }

    private static func pair(_ kind: FactorKind, _ other: FactorKind?) -> Int {
        let count = kinds.count
        return kind.position * (count + 1) + (other?.position ?? count)
    }

    /// "MZ" → its slot; nil for a code that is not two ASCII capital letters. Read from the
    /// code's bytes in place (the rules ask it for every operation and factor kind: walking the
    /// UTF-8 view with an iterator was 100 instructions a call).
    /// The bytes are borrowed (`withContiguousStorageIfAvailable`): `withUTF8` on a copy of the
    /// code retained and released it at every call; a text without contiguous bytes (bridged)
    /// is read by the iterator.
    static func slot(of code: String) -> Int? {
        if let slot = code.utf8.withContiguousStorageIfAvailable(slot(ofBytes:)) { return slot }
        return slotByIterator(of: code)
    }

    /// `slot(of:)` on the code's UTF-8 bytes.
    private static func slot(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 2 else { return nil }
        let first = bytes[0], second = bytes[1]
        guard (65...90).contains(first), (65...90).contains(second) else { return nil }
        return Int(first &- 65) * 26 + Int(second &- 65)
    }

    /// `slot(of:)` as it was written before (the UTF-8 view's iterator), kept for the tests.
    static func slotByIterator(of code: String) -> Int? {
        var utf8 = code.utf8.makeIterator()
        guard let first = utf8.next(), let second = utf8.next(), utf8.next() == nil,
            (65...90).contains(first), (65...90).contains(second)
        else { return nil }
        return Int(first - 65) * 26 + Int(second - 65)
    }
}
