/// A set of 64-bit keys that are hashes already (a table entry's `TableID` hash): open
/// addressing with linear probing, each key placed by its own bits (multiplied by a Fibonacci
/// constant), no `Hasher` run. What a policy's citations remember of the entries they listed
/// (`CitedSources`, `CitedPart`): about 20 instructions an insertion, where `Set<UInt64>` took
/// about 300 (its seeded hash of each key).
struct HashSet64: Sendable {
    /// The keys, 0 where a slot is empty (the key 0 is kept apart, in `holdsZero`).
    private var slots: [UInt64]
    private var holdsZero = false
    /// Keys held.
    private(set) var count = 0
    /// 64 less the base-2 logarithm of `slots.count`: a key's first slot is its top bits.
    private var shift: UInt64

    /// An empty set: its slots are made at the first insertion (a policy's citations make a
    /// dozen sets, some never used).
    init() {
        slots = []
        shift = 60
    }

    /// An empty set with room for `capacity` keys before it grows (slots made now when
    /// `capacity` is above zero).
    init(capacity: Int) {
        self.init()
        guard capacity > 0 else { return }
        var size = 16
        while size < capacity * 2 {
            size *= 2
            shift -= 1
        }
        slots = Array(repeating: 0, count: size)
    }

    /// Whether the key is held.
    func contains(_ key: UInt64) -> Bool {
        if key == 0 { return holdsZero }
        guard !slots.isEmpty else { return false }
        let mask = slots.count - 1
        var index = Self.start(key, shift)
        while true {
            let held = slots[index]
            if held == key { return true }
            if held == 0 { return false }
            index = (index + 1) & mask
        }
    }

    /// Inserts the key; whether it was not held before.
    @discardableResult
    mutating func insert(_ key: UInt64) -> Bool {
        if key == 0 {
            guard !holdsZero else { return false }
            holdsZero = true
            count += 1
            return true
        }
        // At most half full: short probes.
        if slots.isEmpty {
            slots = Array(repeating: 0, count: 16)
        } else if (count + 1) * 2 > slots.count {
            grow()
        }
        let mask = slots.count - 1
        var index = Self.start(key, shift)
        while true {
            let held = slots[index]
            if held == key { return false }
            if held == 0 {
                slots[index] = key
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    @inline(__always)
    private static func start(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Twice the slots, every key placed again.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for key in old where key != 0 {
            var index = Self.start(key, shift)
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = key
        }
    }
}

/// Places (32-bit) by 64-bit keys that are hashes already: `HashSet64`'s open addressing, for
/// a run's table of entries by their `TableID` hash (`CitedTable`), looked up for every hole a
/// schema 4 section fills. Keys and places in two arrays at most three quarters full, the
/// memory of the `[UInt64: Int32]` it replaces.
struct PlaceTable64: Sendable {
    private var keys: [UInt64]
    private var places: [Int32]
    /// The place of the key 0, kept apart (0 marks an empty slot).
    private var placeOfZero: Int32?
    private(set) var count = 0
    private var shift: UInt64

    /// An empty table: its slots are made at the first insertion (an empty run's citations
    /// make one for each of their six tables).
    init() {
        keys = []
        places = []
        shift = 60
    }

    /// The key's place, nil when it has none.
    subscript(key: UInt64) -> Int32? {
        if key == 0 { return placeOfZero }
        guard !keys.isEmpty else { return nil }
        let mask = keys.count - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let held = keys[index]
            if held == key { return places[index] }
            if held == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Gives the key a place unless it has one; whether it had none.
    @discardableResult
    mutating func insert(_ key: UInt64, place: Int32) -> Bool {
        if key == 0 {
            guard placeOfZero == nil else { return false }
            placeOfZero = place
            count += 1
            return true
        }
        if keys.isEmpty {
            keys = Array(repeating: 0, count: 16)
            places = Array(repeating: 0, count: 16)
        } else if (count + 1) * 4 > keys.count * 3 {
            grow()
        }
        let mask = keys.count - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let held = keys[index]
            if held == key { return false }
            if held == 0 {
                keys[index] = key
                places[index] = place
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    /// Twice the slots, every key placed again.
    private mutating func grow() {
        let oldKeys = keys, oldPlaces = places
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        places = Array(repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, place) in zip(oldKeys, oldPlaces) where key != 0 {
            var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[index] != 0 { index = (index + 1) & mask }
            keys[index] = key
            places[index] = place
        }
    }
}
