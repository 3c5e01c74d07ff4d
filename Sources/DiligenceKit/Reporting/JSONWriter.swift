/// Writes pretty-printed JSON directly, in the layout of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`,
/// empty containers as `[\n\n  ]`), at a fraction of its cost: no intermediate tree.
/// Callers write each object's keys in sorted order.
struct JSONWriter {
    private(set) var text = ""
    /// One entry per open container: whether it is an array, and how many members it has.
    private var open: [(isArray: Bool, count: Int)] = []

    init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    /// A writer for members of an array already open in another writer (`depth` containers
    /// deep, counting the array), so that a long array can be written in sections (a policy's
    /// findings each) and joined. `hasMembers`: whether members precede this part.
    init(insideArrayAt depth: Int, hasMembers: Bool, capacity: Int = 0) {
        text.reserveCapacity(capacity)
        open = Array(repeating: (false, 1), count: max(depth - 1, 0)) + [(true, hasMembers ? 1 : 0)]
    }

    /// How many containers are open.
    var depth: Int { open.count }

    /// Members of an array open `depth` containers deep in another writer, written as a section
    /// of a report stream: an array that spans policies, each policy's members a section, with
    /// the comma that separates a section from an earlier one.
    static func section<Items: Sequence>(members items: Items, depth: Int, _ write: (Items.Element, inout JSONWriter) -> Void) -> ReportSection {
        var json = JSONWriter(insideArrayAt: depth, hasMembers: false, capacity: 16_384)
        for item in items { write(item, &json) }
        return ReportSection(json.takeText(), separator: ",")
    }

    /// The same members in sections of 64 joined as a stream joins them: the array's members of
    /// a whole document (a streamed check writes one section per policy instead).
    static func joinedSections<Item>(members items: [Item], depth: Int, _ write: (Item, inout JSONWriter) -> Void) -> String {
        var text = ""
        for start in stride(from: 0, to: items.count, by: 64) {
            section(members: items[start..<min(start + 64, items.count)], depth: depth, write).append(to: &text, Citations())
        }
        return text
    }

    /// The text written so far, handed over: the writer goes on from where it was, with an
    /// empty text (a report's parts are written one after the other, never joined in memory).
    mutating func takeText() -> String {
        defer { text = "" }
        return text
    }

    /// The text written so far and the line break that ends a document, handed over.
    mutating func takeDocumentEnd() -> String {
        text += "\n"
        return takeText()
    }

    mutating func beginObject() {
        separate()
        text += "{"
        open.append((false, 0))
    }

    mutating func endObject() {
        close("}")
    }

    mutating func beginArray() {
        separate()
        text += "["
        open.append((true, 0))
    }

    mutating func endArray() {
        close("]")
    }

    /// The next member's key; its value follows.
    mutating func key(_ name: String) {
        memberStart()
        escape(name)
        text += "\" : "
    }

    mutating func string(_ value: String) {
        if let last = open.last, last.isArray {
            open[open.count - 1].count += 1
            lineStart(depth: open.count, first: last.count == 0, quote: true)
        } else {
            text += "\""
        }
        escape(value)
        text += "\""
    }

    mutating func integer(_ value: Int) {
        separate()
        text += String(value)
    }

    /// A number as `JSONEncoder` writes a Double: whole values without a fraction.
    mutating func number(_ value: Double) {
        separate()
        if value.rounded() == value, abs(value) < 1e15 {
            text += String(Int(value))
        } else {
            text += "\(value)"
        }
    }

    mutating func null() {
        separate()
        text += "null"
    }

    /// A member with a string value (its opening quote written with the key's end).
    mutating func string(_ name: String, _ value: String) {
        memberStart()
        escape(name)
        text += "\" : \""
        escape(value)
        text += "\""
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

    /// Before a value inside an array: the separator and the indent (in an object the key did it).
    private mutating func separate() {
        guard let last = open.last, last.isArray else { return }
        open[open.count - 1].count += 1
        lineStart(depth: open.count, first: last.count == 0, quote: false)
    }

    /// Before a member's key: the separator, the indent and the key's opening quote.
    private mutating func memberStart() {
        let count = open[open.count - 1].count
        open[open.count - 1].count += 1
        lineStart(depth: open.count, first: count == 0, quote: true)
    }

    private mutating func close(_ bracket: String) {
        guard let last = open.popLast() else { return }
        text += last.count == 0 ? "\n\n" : "\n"
        indent(open.count)
        text += bracket
    }

    /// The line break (after a comma unless `first`), the indent and, with `quote`, a quote:
    /// one append for what was four (a report writes a million of them).
    private mutating func lineStart(depth: Int, first: Bool, quote: Bool) {
        if depth < Self.indents.count {
            text += Self.lineStarts[(depth * 2 + (first ? 0 : 1)) * 2 + (quote ? 1 : 0)]
        } else {
            text += first ? "\n" : ",\n"
            indent(depth)
            if quote { text += "\"" }
        }
    }

    private mutating func indent(_ depth: Int) {
        if depth < Self.indents.count {
            text += Self.indents[depth]
        } else {
            for _ in 0..<depth { text += "  " }
        }
    }

    /// `lineStart` for the depths of `indents`: by depth, then first or not, then quote or not.
    private static let lineStarts = indents.flatMap { indent in
        ["\n", ",\n"].flatMap { start in [start + indent, start + indent + "\""] }
    }

    /// Two spaces a level, for the depths reports reach.
    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    /// What `escape` changes: quotes, backslashes and control characters.
    private static let escaped = ByteTableSet(Array(0x00...0x1F) + [0x22, 0x5C])

    /// Quotes, backslashes and control characters escaped as `JSONEncoder` does; everything
    /// else (slashes, non-ASCII) written as is.
    private mutating func escape(_ value: String) {
        if !Self.escaped.occurs(in: value) {
            text += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
    }
}
