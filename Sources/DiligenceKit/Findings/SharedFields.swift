/// A value type's fields held by reference and copied on write by the value that holds them
/// (`Evidence`, `Exposure`, `Exposure.CitedEvent`, `Binding`, `Area`, `FindingTableKeys`): a copy
/// of such a value is one retain, its destroy one release, where a struct of texts and arrays was
/// a retain and a release of each. The holder changes the fields only while it holds the only
/// reference (`isKnownUniquelyReferenced`), so no two threads see one change. (`Shared` is the
/// immutable holder: a new one for every change.)
final class SharedFields<Fields: Sendable>: @unchecked Sendable {
    // Unchecked: a holder changes its fields only while it holds the only reference.
    @exclusivity(unchecked) var fields: Fields

    init(_ fields: Fields) {
        self.fields = fields
    }
}
