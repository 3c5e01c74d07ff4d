/// A set of byte values as 256 bits: a membership test is one shift and one mask, with no
/// allocation (to skip work on text that holds none of the bytes a step would change).
struct ByteSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: bits.0 |= bit
            case 1: bits.1 |= bit
            case 2: bits.2 |= bit
            default: bits.3 |= bit
            }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }
}

/// A fixed set of byte values as a 256-entry table, for scanning long texts: one load per byte.
/// Built once (a static of its user); `ByteSet` is the one to build per call.
struct ByteTableSet: Sendable {
    private let table: [Bool]

    init(_ bytes: [UInt8]) {
        var table = [Bool](repeating: false, count: 256)
        for byte in bytes { table[Int(byte)] = true }
        self.table = table
    }

    func contains(_ byte: UInt8) -> Bool { table[Int(byte)] }

    /// Whether the text holds one of the bytes (read in place).
    func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            table.withUnsafeBufferPointer { table in
                for byte in bytes where table[Int(byte)] { return true }
                return false
            }
        }
    }
}
