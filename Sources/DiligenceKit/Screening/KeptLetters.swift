/// A pre-test for two query words written as one (`NameScreener.joinedToken`): whether the
/// joined text can fold to a list word at all, from the letters no spelling fold removes.
///
/// A byte that no fold's pattern holds is never replaced, and collapsing doubled letters keeps
/// one of each: every such letter of a text is in its folded key. So a text holding one the
/// list's keys never hold together with its others folds to no list word, and need not be
/// folded (`SpellingFolds.apply`, 33 rules over the joined text) or remembered. The kept bytes
/// (a, b, f, l, m, n, r, v, x and the digits with the built-in folds) come from the folds
/// themselves; the digits share one bit.
struct KeptLetters: Sendable {
    /// Each byte's bit, 0 for a byte some fold's pattern holds (and for every byte but the
    /// lower-case letters and digits).
    private let bits: [UInt16]
    /// By mask of kept letters: whether some list key holds every one of them.
    private let covered: [Bool]
    /// Whether the test is worth its cost: at most half the masks are covered (a list whose
    /// words hold most combinations of the kept letters would rule out few pairs).
    let isSelective: Bool

    /// The most bits a mask has (the table of `covered` has two to this power entries).
    static let maximumBits = 14

    init(folds: [ScreeningData.Fold], keys: some Sequence<String>) {
        var removable = Set<UInt8>()
        for fold in folds { removable.formUnion(fold.from) }
        var bits = [UInt16](repeating: 0, count: 256)
        var next = 0
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") where !removable.contains(byte) && next < Self.maximumBits {
            bits[Int(byte)] = UInt16(1) << UInt16(next)
            next += 1
        }
        let digits = (UInt8(ascii: "0")...UInt8(ascii: "9")).filter { !removable.contains($0) }
        if !digits.isEmpty, next < Self.maximumBits {
            for digit in digits { bits[Int(digit)] = UInt16(1) << UInt16(next) }
            next += 1
        }
        var covered = [Bool](repeating: false, count: 1 << next)
        for key in keys {
            var mask: UInt16 = 0
            for byte in key.utf8 { mask |= bits[Int(byte)] }
            covered[Int(mask)] = true
        }
        // Every subset of a key's letters is covered too: from the largest masks down, each
        // covered mask covers itself with one bit less.
        for mask in stride(from: covered.count - 1, through: 1, by: -1) where covered[mask] {
            var rest = mask
            while rest != 0 {
                let bit = rest & -rest
                covered[mask & ~bit] = true
                rest &= rest - 1
            }
        }
        self.bits = bits
        self.covered = covered
        isSelective = covered.lazy.filter { $0 }.count <= covered.count / 2
    }

    /// A test that rules out nothing (every text may fold to a list key): the general path, for tests.
    init() {
        bits = [UInt16](repeating: 0, count: 256)
        covered = [true]
        isSelective = false
    }

    /// The kept letters of a text, as a mask.
    func mask(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var mask: UInt16 = 0
        for byte in bytes { mask |= bits[Int(byte)] }
        return mask
    }

    /// The number of masks (two to the number of kept bits).
    var maskCount: Int { covered.count }

    /// Whether a text with these kept letters may fold to a list key: false proves it cannot.
    func mayFoldToKey(_ mask: UInt16) -> Bool {
        covered[Int(mask)]
    }

    /// Whether the texts written as one may fold to a list key: true when the test is not
    /// selective (`isSelective`), without reading them.
    func mayJoin(_ first: [UInt8], _ middle: some Sequence<UInt8>, _ last: [UInt8]) -> Bool {
        guard isSelective else { return true }
        return covered[Int(mask(first) | mask(middle) | mask(last))]
    }
}
