/// Writes pretty-printed JSON directly, in the layout of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`,
/// empty containers as `[\n\n  ]`), at a fraction of its cost: no intermediate tree.
/// Callers write each object's keys in sorted order.
///
/// With `lineDepth` (schema 3's layout) it writes compactly instead: no indentation, no space
/// around the colon, and a line break only before each member of a container at most
/// `lineDepth` containers deep and before such a container's closing bracket (the document's
/// members, each table entry and each finding on a line of its own). Without its line breaks
/// the text is what `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`.
struct JSONWriter {
    /// The UTF-8 bytes written so far.
    private var bytes = ByteAppender()
    /// One entry per open container outside the innermost: whether it is an array, and how
    /// many members it has. The innermost is kept apart (`innerOpen`, `innerIsArray`,
    /// `innerCount`): every value and key reads and counts it, and an array's last element cost
    /// a uniqueness and a bounds check each time.
    private var outer: [(isArray: Bool, count: Int)] = []
    private var innerOpen = false
    private var innerIsArray = false
    private var innerCount = 0
    /// The compact layout's deepest container whose members start a line (nil: pretty-printed).
    let lineDepth: Int?

    init(capacity: Int = 0, lineDepth: Int? = nil) {
        bytes.reserveCapacity(capacity)
        self.lineDepth = lineDepth
    }

    /// A writer for members of an array already open in another writer (`depth` containers
    /// deep, counting the array), so that a long array can be written in sections (a policy's
    /// findings each) and joined. `hasMembers`: whether members precede this part.
    init(insideArrayAt depth: Int, hasMembers: Bool, capacity: Int = 0, lineDepth: Int? = nil) {
        bytes.reserveCapacity(capacity)
        self.lineDepth = lineDepth
        outer = Array(repeating: (false, 1), count: max(depth - 1, 0))
        innerOpen = true
        innerIsArray = true
        innerCount = hasMembers ? 1 : 0
    }

    /// How many containers are open.
    var depth: Int { innerOpen ? outer.count + 1 : 0 }

    /// The text written so far, handed over: the writer goes on from where it was, with an
    /// empty text (a report's parts are written one after the other, never joined in memory).
    mutating func takeText() -> String {
        bytes.takeText()
    }

    /// The bytes written so far, handed over (`takeText()` without making a text of them: a
    /// section with table places is written as bytes).
    mutating func takeBytes() -> [UInt8] {
        bytes.take()
    }

    /// Appends a text's bytes (copied from its contiguous UTF-8: a report writes millions of
    /// short texts, and appending the `utf8` view goes byte by byte).
    private mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The text written so far and the line break that ends a document, handed over.
    mutating func takeDocumentEnd() -> String {
        write("\n")
        return takeText()
    }

    mutating func beginObject() { begin(UInt8(ascii: "{"), isArray: false) }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() { begin(UInt8(ascii: "["), isArray: true) }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Opens a container: the separator its place needs, then its bracket.
    private mutating func begin(_ bracket: UInt8, isArray: Bool) {
        separate()
        bytes.append(bracket)
        if innerOpen { outer.append((innerIsArray, innerCount)) }
        innerOpen = true
        innerIsArray = isArray
        innerCount = 0
    }

    /// Closes the innermost open container, whichever kind it is.
    mutating func endContainer() {
        guard innerOpen else { return }
        close(innerIsArray ? UInt8(ascii: "]") : UInt8(ascii: "}"))
    }

    /// Marks the innermost open container as having members written elsewhere (a streamed
    /// array's members are spilled apart and joined between this writer's parts).
    mutating func markMembers(_ hasMembers: Bool) {
        guard innerOpen else { return }
        innerCount = hasMembers ? 1 : 0
    }

    /// The next member's key; its value follows.
    mutating func key(_ name: String) {
        memberStart()
        escape(name)
        if lineDepth == nil {
            write("\" : ")
        } else {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// `key(_:)` for a name known when the program is built, an identifier that needs no
    /// escaping (a report type's member): its bytes copied as they are.
    mutating func key(known name: StaticString) {
        key(known: name, openingQuote: false)
    }

    /// `key(known:)`, and with `openingQuote` the quote that opens a string value. In the
    /// compact layout the separator, the line break, the key and its quotes and colon are
    /// gathered on the stack and appended at once (a report writes a dozen keys a finding).
    private mutating func key(known name: StaticString, openingQuote: Bool) {
        guard let lineDepth else {
            memberStart()
            bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            write(openingQuote ? "\" : \"" : "\" : ")
            return
        }
        let first = innerCount == 0
        innerCount += 1
        let lineBreak = depth <= lineDepth
        let count = name.utf8CodeUnitCount
        bytes.write(atMost: count + 6) { target in
            var length = 0
            func put(_ byte: UInt8) {
                target.storeBytes(of: byte, toByteOffset: length, as: UInt8.self)
                length += 1
            }
            if !first { put(UInt8(ascii: ",")) }
            if lineBreak { put(UInt8(ascii: "\n")) }
            put(UInt8(ascii: "\""))
            (target + length).copyMemory(from: name.utf8Start, byteCount: count)
            length += count
            put(UInt8(ascii: "\""))
            put(UInt8(ascii: ":"))
            if openingQuote { put(UInt8(ascii: "\"")) }
            return length
        }
    }

    /// `string(_:_:)` under a name known when the program is built (`key(known:)`).
    mutating func string(known name: StaticString, _ value: String) {
        key(known: name, openingQuote: true)
        escape(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `string(known:_:)` of a value known when the program is built that needs no escaping
    /// (a gate's verdict, a severity's name: tested): its bytes copied as they are, no scan.
    mutating func string(known name: StaticString, plain value: StaticString) {
        key(known: name, openingQuote: true)
        bytes.append(contentsOf: UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(known name: StaticString, _ value: Int) {
        key(known: name)
        integer(value)
    }

    /// The member only when there is a value (as the synthesised encoding does for optionals).
    mutating func optional(known name: StaticString, _ value: String?) {
        guard let value else { return }
        string(known: name, value)
    }

    mutating func optional(known name: StaticString, _ value: Int?) {
        guard let value else { return }
        integer(known: name, value)
    }

    mutating func optional(known name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(known: name)
        number(value)
    }

    /// A point member, `{"lat": ..., "lon": ...}` (an exposure's location).
    mutating func point(known name: StaticString, lat: Double, lon: Double) {
        key(known: name)
        beginObject()
        key(known: "lat")
        number(lat)
        key(known: "lon")
        number(lon)
        endObject()
    }

    mutating func strings(known name: StaticString, _ values: [String]) {
        key(known: name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func string(_ value: String) {
        if innerOpen, innerIsArray {
            let first = innerCount == 0
            innerCount += 1
            lineStart(depth: outer.count + 1, first: first, quote: true)
        } else {
            bytes.append(UInt8(ascii: "\""))
        }
        escape(value)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ value: Int) {
        separate()
        digits(value)
    }

    /// A number as `JSONEncoder` writes a Double: whole values without a fraction.
    mutating func number(_ value: Double) {
        separate()
        if value.rounded() == value, abs(value) < 1e15 {
            digits(Int(value))
        } else if let decimal = Self.shortDecimal(value) {
            // A distance to 0.1 km, a coordinate of a few decimals: its shortest text made from
            // its digits (`description` cost about 1,150 instructions a number).
            bytes.write(atMost: 24) { DecimalText.write(decimal.digits, places: decimal.places, to: $0) }
        } else {
            write("\(value)")
        }
    }

    /// The value in tenths when it is the `Double` nearest to a number of tenths that is not
    /// whole, below 10^13 in magnitude: then `description` writes that number with one
    /// decimal (no shorter text is the same `Double`, and no other text of one decimal is).
    static func tenths(_ value: Double) -> Int? {
        guard let decimal = shortDecimal(value), decimal.places == 1 else { return nil }
        return decimal.digits
    }

    /// A number that is not whole, at least 0.001 and below 10^13 in magnitude, as the text
    /// `description` writes it: `digits` with a point before the last `places` of them (a minus
    /// sign when negative), when it has at most 15 digits; nil otherwise.
    ///
    /// The fewest places whose nearest number of that many places is the `Double` nearest to it
    /// (`scaled / scale`: both exact below 2^53 and 10^22, the division rounds once, as reading
    /// the text does) give the shortest text that reads back as the value, which `description`
    /// writes; below 10^15 the scaled value is within a fifth of a unit of its digits, so the
    /// nearest number of fewer places is never missed and no other one of as many places reads back.
    static func shortDecimal(_ value: Double) -> (digits: Int, places: Int)? {
        let magnitude = value.magnitude
        guard magnitude >= 1e-3, magnitude < 1e13, magnitude.rounded() != magnitude else { return nil }
        var scale = 1.0
        for places in 1...15 {
            scale *= 10
            let scaled = (magnitude * scale).rounded()
            guard scaled < 1e15 else { return nil }
            if scaled / scale == magnitude {
                let digits = Int(scaled)
                return (value < 0 ? -digits : digits, places)
            }
        }
        return nil
    }

    /// An integer's decimal digits (what `String(value)` spells), without making the text.
    /// The digits are made from the last in a buffer on the stack and appended at once (reversing
    /// them in the array copied its storage through the slice).
    private mutating func digits(_ value: Int) {
        if (0..<10).contains(value) {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
        } else {
            bytes.write(atMost: 24) { DecimalText.write(value, places: 0, to: $0) }
        }
    }

    mutating func null() {
        separate()
        write("null")
    }

    mutating func bool(_ value: Bool) {
        separate()
        write(value ? "true" : "false")
    }

    /// A member with a string value (its opening quote written with the key's end).
    mutating func string(_ name: String, _ value: String) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        escape(value)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ name: String, _ value: Int) {
        key(name)
        integer(value)
    }

    /// The member only when there is a value (as the synthesised encoding does for optionals).
    mutating func optional(_ name: String, _ value: String?) {
        guard let value else { return }
        string(name, value)
    }

    mutating func optional(_ name: String, _ value: Int?) {
        guard let value else { return }
        integer(name, value)
    }

    mutating func optional(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// How many bytes are written (since the last `takeText()`).
    var byteCount: Int { bytes.count }

    /// What precedes a value: the separator and line start inside an array (nothing after a
    /// key), for a value whose text is written elsewhere (a schema 4 section's hole).
    mutating func valueStart() {
        separate()
    }

    /// Before a value inside an array: the separator and the indent (in an object the key did it).
    private mutating func separate() {
        guard innerOpen, innerIsArray else { return }
        let first = innerCount == 0
        innerCount += 1
        lineStart(depth: outer.count + 1, first: first, quote: false)
    }

    /// Before a member's key: the separator, the indent and the key's opening quote.
    private mutating func memberStart() {
        let first = innerCount == 0
        innerCount += 1
        lineStart(depth: depth, first: first, quote: true)
    }

    private mutating func close(_ bracket: UInt8) {
        guard innerOpen else { return }
        let count = innerCount
        if let enclosing = outer.popLast() {
            innerIsArray = enclosing.isArray
            innerCount = enclosing.count
        } else {
            innerOpen = false
        }
        if let lineDepth {
            // Compact: a line break before the bracket only where the members had lines.
            if count > 0, depth < lineDepth { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(bracket)
            return
        }
        write(count == 0 ? "\n\n" : "\n")
        indent(depth)
        bytes.append(bracket)
    }

    /// The line break (after a comma unless `first`), the indent and, with `quote`, a quote:
    /// pretty-printed, one append of a prepared text for what was four; compact, single bytes
    /// (a report writes a million of them).
    private mutating func lineStart(depth: Int, first: Bool, quote: Bool) {
        if let lineDepth {
            // A comma unless first, a line break for a member at most `lineDepth` deep, a quote.
            if !first { bytes.append(UInt8(ascii: ",")) }
            if depth <= lineDepth { bytes.append(UInt8(ascii: "\n")) }
            if quote { bytes.append(UInt8(ascii: "\"")) }
            return
        }
        if depth < Self.indents.count {
            write(Self.lineStarts[(depth * 2 + (first ? 0 : 1)) * 2 + (quote ? 1 : 0)])
        } else {
            write(first ? "\n" : ",\n")
            indent(depth)
            if quote { write("\"") }
        }
    }

    private mutating func indent(_ depth: Int) {
        if depth < Self.indents.count {
            write(Self.indents[depth])
        } else {
            for _ in 0..<depth { write("  ") }
        }
    }

    /// `lineStart` for the depths of `indents`: by depth, then first or not, then quote or not.
    private static let lineStarts = indents.flatMap { indent in
        ["\n", ",\n"].flatMap { start in [start + indent, start + indent + "\""] }
    }

    /// Two spaces a level, for the depths reports reach.
    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    /// Whether `escape` may change the text: it holds a control character (below 0x20), a quote,
    /// a backslash, or the first byte of another hidden character (DEL, a C1 control, a
    /// bidirectional override: 0x7F, 0xC2, 0xD8, 0xE2). Read eight bytes at a time (a report's
    /// texts are checked a million times); a test compares it with the byte-by-byte definition.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(needsEscaping)
    }

    /// `needsEscaping(_:)` of a text's UTF-8 bytes.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A zero byte after the xor with a repeated byte marks a byte equal to it.
        func equal(_ word: UInt64, _ byte: UInt64) -> UInt64 {
            let difference = word ^ (ones &* byte)
            return (difference &- ones) & ~difference
        }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte below 0x20 (the high bit is checked against `word` itself).
            let control = (word &- ones &* 0x20) & ~word
            var found = control | equal(word, 0x22) | equal(word, 0x5C) | equal(word, 0x7F)
            // Bytes of 0x80 and above only when the word holds one.
            if word & highs != 0 { found |= equal(word, 0xC2) | equal(word, 0xD8) | equal(word, 0xE2) }
            if found & highs != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if isEscapeLead(base[index]) { return true }
            index += 1
        }
        return false
    }

    /// The byte-by-byte definition of `needsEscaping`.
    static func isEscapeLead(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// Quotes, backslashes and control characters escaped as `JSONEncoder` does; the other
    /// hidden characters (DEL, C1 controls, bidirectional overrides, line and paragraph
    /// separators) as `\uXXXX` too, so that a report shown raw cannot drive a terminal or read
    /// backwards (`JSONEncoder` writes those as they are: the decoded text is the same);
    /// everything else (slashes, non-ASCII) written as is.
    private mutating func escape(_ value: String) {
        // The bytes read in place (a native string's are contiguous): `withUTF8` on a copy
        // retained and released the text, once for every string of the report.
        if value.utf8.withContiguousStorageIfAvailable({ escape(bytes: $0) }) != nil { return }
        var copy = value
        copy.withUTF8 { escape(bytes: $0) }
    }

    /// `escape(_:)` on the text's UTF-8 bytes.
    private mutating func escape(bytes text: UnsafeBufferPointer<UInt8>) {
        // One pass over the bytes for the usual text, which needs nothing.
        guard Self.needsEscaping(text) else {
            bytes.append(contentsOf: text)
            return
        }
        // Bytes that need nothing are copied a run at a time (typographic quotes and
        // dashes, E2 80 xx, send many texts here).
        var runStart = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            let escaped: String
            var length = 1
            switch byte {
            case UInt8(ascii: "\""): escaped = "\\\""
            case UInt8(ascii: "\\"): escaped = "\\\\"
            case UInt8(ascii: "\n"): escaped = "\\n"
            case UInt8(ascii: "\r"): escaped = "\\r"
            case UInt8(ascii: "\t"): escaped = "\\t"
            case 0x08: escaped = "\\b"
            case 0x0C: escaped = "\\f"
            case ..<0x20: escaped = Self.unicodeEscape(UInt32(byte))
            case 0x7F, 0xC2, 0xD8, 0xE2:
                guard let hidden = HiddenCharacters.scalar(in: text, at: index) else {
                    index += 1
                    continue
                }
                escaped = Self.unicodeEscape(hidden.scalar.value)
                length = hidden.length
            default:
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            write(escaped)
            index += length
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
    }

    /// `\u001b`: four lower-case hex digits, as `JSONEncoder` writes them.
    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The `JSONEncoder` text with the hidden characters it writes raw escaped as `escape`
    /// writes them (they can only stand inside strings): the definition the writer is tested
    /// against.
    static func escapingHiddenCharacters(_ encoded: String) -> String {
        guard HiddenCharacters.occur(in: encoded) else { return encoded }
        var result = ""
        for scalar in encoded.unicodeScalars {
            // Below 0x20 the encoder escapes inside strings itself: raw ones are its layout.
            if scalar.value >= 0x20, HiddenCharacters.isHidden(scalar) {
                result += unicodeEscape(scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
