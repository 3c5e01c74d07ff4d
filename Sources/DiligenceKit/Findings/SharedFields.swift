/// A value type's fields held by reference and copied on write (`Finding`, `Evidence`, `Exposure`,
/// `Exposure.CitedEvent`, `Binding`, `Area`, `FindingTableKeys`): a copy of such a value is one
/// retain, its destroy one release, where a struct of texts and arrays was a retain and a release
/// of each. Fields are read in place (`_read`); a change (`_modify`) first makes the storage the
/// holder's own when another value shares it, so no two threads see one change.
///
/// Equal when two values share their storage or hold equal fields; hashed, encoded and decoded
/// as the fields themselves (the keys and the hash the holder had as a plain struct), so a holder
/// whose only stored property is a `SharedFields` has the conformances of its fields.
struct SharedFields<Fields: Sendable>: Sendable {
    /// The one storage object.
    private final class Box: @unchecked Sendable {
        // Unchecked: a holder changes its fields only while it holds the only reference.
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    init(_ fields: Fields) {
        box = Box(fields)
    }

    /// The fields, read in place and changed on the holder's own copy.
    var fields: Fields {
        _read { yield box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }
}

extension SharedFields: Equatable where Fields: Equatable {
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
}

extension SharedFields: Hashable where Fields: Hashable {
    func hash(into hasher: inout Hasher) {
        box.fields.hash(into: &hasher)
    }
}

extension SharedFields: Codable where Fields: Codable {
    /// Decoded from the holder's own container: the fields' keys, not nested.
    init(from decoder: any Decoder) throws {
        self.init(try Fields(from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try box.fields.encode(to: encoder)
    }
}
