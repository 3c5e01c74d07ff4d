/// A set of countries asked without hashing: a country is found by its two-letter code's slot
/// (`FactorsInForce.slot(of:)`, 26 × 26) and compared with the one member of that code. A code of
/// another shape, or two members with one code, is answered by the set itself. The same answers
/// as `Set<Country>.contains` (code and name equal).
struct CountrySlots: Sendable {
    /// For each slot: -1 (no member), -2 (asked of `members`), or the member's place in `list`.
    private let slots: [Int32]
    private let list: [Country]
    let members: Set<Country>

    init(_ members: Set<Country>) {
        self.members = members
        var slots = [Int32](repeating: -1, count: 26 * 26)
        var list: [Country] = []
        for country in members.sorted(by: { ($0.code, $0.name) < ($1.code, $1.name) }) {
            guard let slot = FactorsInForce.slot(of: country.code) else { continue }
            guard slots[slot] == -1 else {
                slots[slot] = -2
                continue
            }
            slots[slot] = Int32(list.count)
            list.append(country)
        }
        self.slots = slots
        self.list = list
    }

    func contains(_ country: Country) -> Bool {
        guard let slot = FactorsInForce.slot(of: country.code) else { return members.contains(country) }
        switch slots[slot] {
        case -1: return false
        case -2: return members.contains(country)
        case let place: return list[Int(place)] == country
        }
    }
}
