/// An `Encoder` that writes `Encodable` values straight through `JSONWriter`: no intermediate
/// tree, keys in the order the type encodes them (its declaration order for a synthesised
/// conformance). The report types declare their members in byte order of their keys, so the
/// bytes are those of `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// (a test compares the two); the `Codable` types are the one definition of each JSON document.
///
/// A value of `StreamedMembers` marks the array whose members are written apart (a report's
/// findings, a section per policy): the text before it and after it come out as separate parts.
final class JSONStreamEncoder: Encoder {
    /// Unchecked for overlapping access: an encoder is used by one thread, one call at a time,
    /// and every member and element of a report goes through it (the run-time check cost about
    /// 120 instructions a member, 5% of a finding's encoding).
    @exclusivity(unchecked) var writer: JSONWriter
    /// The text up to each streamed array's opening, in order.
    private(set) var parts: [String] = []
    /// Holes for table places (`hole(_:)`): each one's UTF-8 offset in the text, and its entry.
    @exclusivity(unchecked) private(set) var holeOffsets: [Int] = []
    @exclusivity(unchecked) private(set) var holeKeys: [TableKey] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What becomes of the text (`parts(of:)`, `head(of:)`, `writeTail(of:)`).
    private var mode = Mode.whole
    /// Whether the first streamed array has been opened.
    private var pastSplit = false
    /// Members of the document's object written apart like `StreamedMembers` (arrays a run
    /// spilled to temporary files as they grew: `TableSpills`), by key, and whether each has members.
    private var spilledKeys: [String: Bool] = [:]
    /// For each split, in order: the spilled member's key, or nil for a `StreamedMembers`.
    private(set) var splitKeys: [String?] = []

    private enum Mode {
        /// Every part kept.
        case whole
        /// The text up to the first streamed array kept, the encoding stopped there.
        case head
        /// The text after the first streamed array handed to `write` about `chunk` bytes at a
        /// time (the head dropped); after a write fails, nothing more is written.
        case tail(chunk: Int, write: (String) -> Bool, failed: Bool)
    }

    /// Thrown by a streamed array to stop a `head` encoding where its text ends.
    private struct Stop: Error {}

    init(_ writer: JSONWriter) {
        self.writer = writer
    }

    /// A whole document: its text in parts (split where `StreamedMembers` stand), the last one
    /// ending with the document's line break.
    /// `lineDepth`: the compact layout of `JSONWriter` (nil: pretty-printed).
    static func parts<Value: Encodable>(of value: Value, capacity: Int = 4_096, lineDepth: Int? = nil) -> [String] {
        let encoder = JSONStreamEncoder(JSONWriter(capacity: capacity, lineDepth: lineDepth))
        encoder.encodeValue(value)
        return encoder.parts + [encoder.writer.takeDocumentEnd()]
    }

    /// `parts(of:)` with the document's members under `spilled`'s keys written apart too (each
    /// an array that has members when its value is true), and each split's key (nil: the
    /// `StreamedMembers`), in order: `parts` has one more element than `splits`.
    static func parts<Value: Encodable>(
        of value: Value, spilled: [String: Bool], lineDepth: Int? = nil
    ) -> (parts: [String], splits: [String?]) {
        let encoder = JSONStreamEncoder(JSONWriter(capacity: 4_096, lineDepth: lineDepth))
        encoder.spilledKeys = spilled
        encoder.encodeValue(value)
        return (encoder.parts + [encoder.writer.takeDocumentEnd()], encoder.splitKeys)
    }

    /// The first of `parts(of:)` alone (the text up to the streamed array's opening): the rest
    /// of the document is not encoded.
    static func head<Value: Encodable>(of value: Value, capacity: Int = 4_096, lineDepth: Int? = nil) -> String {
        let encoder = JSONStreamEncoder(JSONWriter(capacity: capacity, lineDepth: lineDepth))
        encoder.mode = .head
        encoder.encodeValue(value)
        return encoder.parts.first ?? encoder.writer.takeDocumentEnd()
    }

    /// The rest of `parts(of:)` after the first (from the streamed array's closing to the
    /// document's line break), handed to `write` a part of about `chunk` bytes at a time, each
    /// ending where a value ends: a report's closing tables of tens of megabytes are written
    /// as they are encoded, never held whole. Stops writing at the first `write` that returns
    /// false.
    static func writeTail<Value: Encodable>(of value: Value, lineDepth: Int? = nil, chunk: Int = 1 << 18, to write: @escaping (String) -> Bool) {
        let encoder = JSONStreamEncoder(JSONWriter(capacity: 4_096, lineDepth: lineDepth))
        encoder.mode = .tail(chunk: chunk, write: write, failed: false)
        encoder.encodeValue(value)
        let end = encoder.writer.takeDocumentEnd()
        if encoder.pastSplit { encoder.hand(end) }
    }

    /// In `tail` mode: writes the text unless an earlier write failed.
    private func hand(_ text: String) {
        guard case .tail(let chunk, let write, let failed) = mode, !failed, !text.isEmpty else { return }
        if !write(text) { mode = .tail(chunk: chunk, write: write, failed: true) }
    }

    /// In `tail` mode past the streamed array: hands over the text once it reaches a chunk.
    private func flushIfFull() {
        guard pastSplit, case .tail(let chunk, _, _) = mode, writer.byteCount >= chunk else { return }
        hand(writer.takeText())
    }

    /// The document as one text.
    static func text<Value: Encodable>(of value: Value, lineDepth: Int? = nil) -> String {
        parts(of: value, lineDepth: lineDepth).joined()
    }

    /// Members of an array open `depth` containers deep in another writer, as a section of a
    /// report stream (with the comma that separates it from an earlier section), with the
    /// holes the members left for table places.
    static func section<Items: Sequence>(
        members items: Items, depth: Int, lineDepth: Int? = nil, capacity: Int = 16_384
    ) -> ReportSection where Items.Element: Encodable {
        let encoder = JSONStreamEncoder(JSONWriter(insideArrayAt: depth, hasMembers: false, capacity: capacity, lineDepth: lineDepth))
        for item in items { encoder.encodeValue(item) }
        return ReportSection(bytes: encoder.writer.takeBytes(), places: encoder.holeKeys, at: encoder.holeOffsets, separator: ",")
    }

    /// A policy's findings as a section of the findings array, like `section(members:)`, each
    /// written by `JSONFinding.write(to:)` (the bytes of its synthesised encoding, without the
    /// keyed containers).
    static func section<Refs, Findings: Sequence<JSONFinding<Refs>>>(
        findings: Findings, depth: Int, lineDepth: Int? = nil, capacity: Int = 16_384
    ) -> ReportSection {
        let encoder = JSONStreamEncoder(JSONWriter(insideArrayAt: depth, hasMembers: false, capacity: capacity, lineDepth: lineDepth))
        for finding in findings { finding.write(to: encoder) }
        return ReportSection(bytes: encoder.writer.takeBytes(), places: encoder.holeKeys, at: encoder.holeOffsets, separator: ",")
    }

    /// A section like `section(findings:)` whose members `body` writes into the encoder
    /// (schema 4's findings written from the run's own, `JSONReportV4.write`).
    static func section(depth: Int, lineDepth: Int? = nil, capacity: Int = 16_384, _ body: (JSONStreamEncoder) -> Void) -> ReportSection {
        let encoder = JSONStreamEncoder(JSONWriter(insideArrayAt: depth, hasMembers: false, capacity: capacity, lineDepth: lineDepth))
        body(encoder)
        return ReportSection(bytes: encoder.writer.takeBytes(), places: encoder.holeKeys, at: encoder.holeOffsets, separator: ",")
    }

    /// A member of the object being written, its key known when the program is built: the
    /// value written as `encodeValue` writes it (the leaf types directly, others through
    /// their `encode(to:)`), containers it opened closed.
    func member<Value: Encodable>(_ key: StaticString, _ value: Value) {
        writer.key(known: key)
        try? encodeNested(value)
    }

    /// Room for `count` holes in all (a section whose holes are counted beforehand: its two
    /// arrays were grown a doubling at a time, nine times for a heavy policy's findings).
    func reserveHoles(_ count: Int) {
        holeOffsets.reserveCapacity(count)
        holeKeys.reserveCapacity(count)
    }

    /// Leaves a hole for a table entry's place (JSON schema 4): the separator before the
    /// value, then nothing; the section's text gets the place there once it is known.
    func hole(_ key: TableKey) {
        writer.valueStart()
        holeOffsets.append(writer.byteCount)
        holeKeys.append(key)
    }

    /// Writes a value and closes every container it opened.
    func encodeValue<Value: Encodable>(_ value: Value) {
        // The writer cannot fail and the report types throw nothing of their own; `Stop` ends
        // a head's encoding (nothing after it is kept).
        try? encodeNested(value)
    }

    /// `encodeValue` for a value inside another: rethrows `Stop`, so that it ends the whole
    /// encoding.
    private func encodeNested<Value: Encodable>(_ value: Value) throws {
        if !writeDirectly(value) {
            let depth = writer.depth
            try value.encode(to: self)
            close(downTo: depth)
        }
        flushIfFull()
    }

    /// Writes a value of the leaf types a report holds most (texts, integers, rule ids, lists
    /// of texts, schema 4's holes and lists of them, an exposure's cited events as holes)
    /// without the `Encoder` protocol's containers, the bytes their `encode(to:)` writes
    /// through them; false for any other type. The type is
    /// compared, not cast: this runs unspecialised, for every member and element.
    private func writeDirectly<Value>(_ value: Value) -> Bool {
        let type = Value.self
        if type == String.self {
            writer.string(Self.value(value, as: String.self))
        } else if type == Int.self {
            writer.integer(Self.value(value, as: Int.self))
        } else if type == RuleID.self {
            writer.string(Self.value(value, as: RuleID.self).rawValue)
        } else if type == JSONReportV4.Hole.self {
            hole(Self.value(value, as: JSONReportV4.Hole.self).key)
        } else if type == [String].self {
            writer.beginArray()
            for text in Self.value(value, as: [String].self) {
                writer.string(text)
                flushIfFull()  // A long table of texts (path steps) is handed over as it grows.
            }
            writer.endArray()
        } else if type == [JSONReportV4.Hole].self {
            writer.beginArray()
            for hole in Self.value(value, as: [JSONReportV4.Hole].self) { self.hole(hole.key) }
            writer.endArray()
        } else if type == [JSONReportV4.EventHole].self {
            writer.beginArray()
            for event in Self.value(value, as: [JSONReportV4.EventHole].self) {
                writer.beginObject()
                writer.optional(known: "distance_km", event.distance_km)
                writer.key(known: "event")
                hole(event.event.key)
                writer.endObject()
            }
            writer.endArray()
        } else {
            return false
        }
        return true
    }

    /// `value` as the type it is (`writeDirectly` compared the types).
    private static func value<Value, Known>(_ value: Value, as known: Known.Type) -> Known {
        withUnsafePointer(to: value) { UnsafeRawPointer($0).load(as: Known.self) }
    }

    /// Closes containers opened deeper than `depth` that are still open (a nested container
    /// ends where its parent's next member begins).
    func close(downTo depth: Int) {
        while writer.depth > depth { writer.endContainer() }
    }

    /// At a streamed array: the array opened, the text so far handed over as a part (dropped
    /// by a tail's encoding; a head's encoding stops here).
    func split(hasMembers: Bool, key: String? = nil) throws {
        splitKeys.append(key)
        writer.beginArray()
        let text = writer.takeText()
        switch mode {
        case .whole: parts.append(text)
        case .head:
            parts.append(text)
            throw Stop()
        case .tail: pastSplit = true
        }
        writer.markMembers(hasMembers)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.beginObject()
        return KeyedEncodingContainer(Keyed<Key>(encoder: self, depth: writer.depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.beginArray()
        return Unkeyed(encoder: self, depth: writer.depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(encoder: self)
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: JSONStreamEncoder
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) {
            encoder.close(downTo: depth)
            encoder.writer.key(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) { self.key(key); encoder.writer.null() }
        mutating func encode(_ value: Bool, forKey key: Key) { self.key(key); encoder.writer.bool(value) }
        mutating func encode(_ value: String, forKey key: Key) {
            encoder.close(downTo: depth)
            encoder.writer.string(key.stringValue, value)
        }
        mutating func encode(_ value: Double, forKey key: Key) { self.key(key); encoder.writer.number(value) }
        mutating func encode(_ value: Float, forKey key: Key) { self.key(key); encoder.writer.number(Double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) { self.key(key); encoder.writer.integer(value) }
        mutating func encode(_ value: Int8, forKey key: Key) { self.key(key); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) { self.key(key); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) { self.key(key); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) { self.key(key); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) { self.key(key); encoder.writer.integer(Int(clamping: value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) { self.key(key); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) { self.key(key); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) { self.key(key); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) { self.key(key); encoder.writer.integer(Int(clamping: value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            if depth == 1, !encoder.spilledKeys.isEmpty, let hasMembers = encoder.spilledKeys[key.stringValue] {
                try encoder.split(hasMembers: hasMembers, key: key.stringValue)
                return
            }
            try encoder.encodeNested(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            encoder.close(downTo: depth)
            encoder.writer.key("super")
            return encoder
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            self.key(key)
            return encoder
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: JSONStreamEncoder
        let depth: Int
        var count = 0
        var codingPath: [any CodingKey] { [] }

        private mutating func next() {
            encoder.close(downTo: depth)
            count += 1
        }

        mutating func encodeNil() { next(); encoder.writer.null() }
        mutating func encode(_ value: Bool) { next(); encoder.writer.bool(value) }
        mutating func encode(_ value: String) { next(); encoder.writer.string(value) }
        mutating func encode(_ value: Double) { next(); encoder.writer.number(value) }
        mutating func encode(_ value: Float) { next(); encoder.writer.number(Double(value)) }
        mutating func encode(_ value: Int) { next(); encoder.writer.integer(value) }
        mutating func encode(_ value: Int8) { next(); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int16) { next(); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int32) { next(); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int64) { next(); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt) { next(); encoder.writer.integer(Int(clamping: value)) }
        mutating func encode(_ value: UInt8) { next(); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt16) { next(); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt32) { next(); encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt64) { next(); encoder.writer.integer(Int(clamping: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            next()
            try encoder.encodeNested(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            next()
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            next()
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            next()
            return encoder
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: JSONStreamEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { encoder.writer.null() }
        mutating func encode(_ value: Bool) { encoder.writer.bool(value) }
        mutating func encode(_ value: String) { encoder.writer.string(value) }
        mutating func encode(_ value: Double) { encoder.writer.number(value) }
        mutating func encode(_ value: Float) { encoder.writer.number(Double(value)) }
        mutating func encode(_ value: Int) { encoder.writer.integer(value) }
        mutating func encode(_ value: Int8) { encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int16) { encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int32) { encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: Int64) { encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt) { encoder.writer.integer(Int(clamping: value)) }
        mutating func encode(_ value: UInt8) { encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt16) { encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt32) { encoder.writer.integer(Int(value)) }
        mutating func encode(_ value: UInt64) { encoder.writer.integer(Int(clamping: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeNested(value) }
    }
}

/// An array whose members a report writes apart (the findings, a section per policy, spilled
/// while the check runs): encoded as the place where they go. `JSONEncoder` writes it as an
/// empty array; `JSONStreamEncoder` splits the document there.
struct StreamedMembers: Codable, Sendable {
    /// Whether any member is written there (the closing bracket's layout depends on it).
    var hasMembers: Bool

    init(hasMembers: Bool) {
        self.hasMembers = hasMembers
    }

    init(from decoder: any Decoder) throws {
        hasMembers = false
    }

    func encode(to encoder: any Encoder) throws {
        if let stream = encoder as? JSONStreamEncoder {
            try stream.split(hasMembers: hasMembers)
        } else {
            _ = encoder.unkeyedContainer()
        }
    }
}
