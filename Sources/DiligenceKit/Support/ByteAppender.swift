/// Bytes written one after the other into an array kept longer than what is written (`count`
/// bytes of it are): an append copies into the array's storage where the writing stands, with
/// one capacity test. `Array.append(contentsOf:)` of a few bytes cost about 100 instructions
/// through its generic path, and the JSON writer appends a few bytes a million times a report.
struct ByteAppender {
    /// The bytes: the first `count` are written, the rest is room (zeros).
    private var storage: [UInt8] = []
    /// How many bytes are written.
    private(set) var count = 0

    /// Room for `capacity` bytes in all.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity > storage.count { grow(to: capacity) }
    }

    mutating func append(_ byte: UInt8) {
        if count == storage.count { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    mutating func append(contentsOf source: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: UnsafeRawBufferPointer(source))
    }

    mutating func append(contentsOf source: UnsafeRawBufferPointer) {
        guard let from = source.baseAddress, !source.isEmpty else { return }
        let length = source.count
        write(atMost: length) { target in
            target.copyMemory(from: from, byteCount: length)
            return length
        }
    }

    /// Lets `body` write at most `limit` bytes where the writing stands; it returns how many it
    /// wrote.
    mutating func write(atMost limit: Int, _ body: (UnsafeMutableRawPointer) -> Int) {
        if count + limit > storage.count { grow(to: count + limit) }
        let start = count
        let written = storage.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return 0 }
            return body(base + start)
        }
        count += written
    }

    /// The written bytes, handed over; the appender starts again empty.
    mutating func take() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &storage)
        taken.removeLast(taken.count - count)
        count = 0
        return taken
    }

    /// The written bytes as a text, handed over; the appender starts again empty.
    mutating func takeText() -> String {
        let written = count
        let text = storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<written]), as: UTF8.self) }
        storage = []
        count = 0
        return text
    }

    /// More room: at least `needed` bytes in all, at least twice what there was.
    private mutating func grow(to needed: Int) {
        let size = max(needed, storage.count * 2, 256)
        storage.append(contentsOf: repeatElement(0, count: size - storage.count))
    }
}
