/// Renders the Markdown that `MarkdownReporter` writes as HTML, block by block, so that the HTML
/// report states what the Markdown report states, in the same order, from one source. It reads
/// the fixed subset that reporter writes, nothing more: ATX headings, paragraphs, pipe tables,
/// lists ("- ", "1. ", nested by two spaces), the reporter's own anchor lines, and inline code,
/// strong, emphasis, links and backslash escapes. Text from policy and database files reaches it
/// already escaped by `Escaping.markdown` (so `&`, `<`, `>` are entities and markup characters
/// carry a backslash) or inside code spans (which are escaped here); anything else that could
/// be markup is escaped too, so no input text becomes an element or an attribute.
struct MarkdownHTML {
    /// HTML to insert before a heading (level, heading text as Markdown), or after it. Empty: nothing.
    var beforeHeading: (Int, Substring) -> String = { _, _ in "" }
    var afterHeading: (Int, Substring) -> String = { _, _ in "" }
    /// Whether a table may span the texts converted one after the other: a text that ends in a
    /// table's body leaves it open, and a text that starts with table rows continues it (a
    /// policy's rows of a scope table, converted on their own, are rows of the table the
    /// layout's text opened).
    var continuesTable = false

    // Bytes, not Characters: a portfolio's report is tens of megabytes, and walking it by
    // grapheme cluster cost four times the Markdown report's whole rendering. Every byte the
    // conversion looks at is ASCII; other bytes (UTF-8 sequences) are copied as they are.
    private typealias Bytes = ArraySlice<UInt8>
    private var out: [UInt8] = []
    private var lists: [(ordered: Bool, indent: Int)] = []
    private enum TableState { case none, header(Bytes), body }
    private var table = TableState.none
    private var paragraph: [[UInt8]] = []

    /// The UTF-8 bytes of U+E000, which stands for a citation hole while a section is converted.
    private static let hole: [UInt8] = [0xEE, 0x80, 0x80]

    /// Converts a policy's section, keeping its citation holes.
    mutating func convert(_ section: ReportSection) -> ReportSection {
        // A hole becomes U+E000 (that character in the text itself becomes a reference to it).
        var text: [UInt8] = []
        for (index, segment) in section.segments.enumerated() {
            let bytes = Array(segment.utf8)
            var i = 0
            while i < bytes.count {
                if Self.isHole(bytes, at: i) {
                    text += Array("&#xE000;".utf8)
                    i += 3
                } else {
                    text.append(bytes[i])
                    i += 1
                }
            }
            if index < section.citations.count { text += Self.hole }
        }
        let html = convert(bytes: text)
        var result = ReportSection(separator: section.separator)
        var holes = section.citations.makeIterator()
        var start = 0, i = 0
        while i < html.count {
            if Self.isHole(html, at: i), let reference = holes.next() {
                result.append(String(decoding: html[start..<i], as: UTF8.self))
                result.cite(reference)
                i += 3
                start = i
            } else {
                i += 1
            }
        }
        result.append(String(decoding: html[start...], as: UTF8.self))
        return result
    }

    private static func isHole(_ bytes: [UInt8], at i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0xEE && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80
    }

    /// Converts text made of whole lines (every open block is closed at its end).
    mutating func convert(_ markdown: String) -> String {
        String(decoding: convert(bytes: Array(markdown.utf8)), as: UTF8.self)
    }

    private mutating func convert(bytes text: [UInt8]) -> [UInt8] {
        out = []
        out.reserveCapacity(text.count + text.count / 2)
        if continuesTable, case .none = table, text.first == UInt8(ascii: "|") { table = .body }
        var start = 0
        for i in text.indices where text[i] == 0x0A {
            line(text[start..<i])
            start = i + 1
        }
        if start < text.count { line(text[start...]) }
        if continuesTable, case .body = table {
            closeParagraph()
            closeLists()
        } else {
            closeAll()
        }
        return out
    }

    private mutating func write(_ text: String) { out.append(contentsOf: text.utf8) }

    private mutating func line(_ line: Bytes) {
        guard let first = line.first else {
            closeAll()
            return
        }
        if first == UInt8(ascii: "|") {
            tableLine(line)
            return
        }
        if case .none = table {} else { closeTable() }
        if first == UInt8(ascii: "#") {
            closeAll()
            let level = line.prefix { $0 == UInt8(ascii: "#") }.count
            let text = line.dropFirst(level).drop { $0 == 0x20 }
            let markdown = Substring(String(decoding: text, as: UTF8.self))
            write(beforeHeading(level, markdown))
            write("<h\(level)>")
            out += Self.inline(text)
            write("</h\(level)>\n")
            write(afterHeading(level, markdown))
            return
        }
        if let id = Self.anchorID(line) {
            closeAll()
            write("<a id=\"")
            out += id
            write("\"></a>\n")
            return
        }
        if let item = Self.listItem(line) {
            closeParagraph()
            listItem(item)
            return
        }
        closeLists()
        paragraph.append(Self.inline(line))
    }

    // MARK: Lists

    private static func listItem(_ line: Bytes) -> (indent: Int, ordered: Bool, text: Bytes)? {
        let indent = line.prefix { $0 == 0x20 }.count
        let rest = line.dropFirst(indent)
        if rest.starts(with: [UInt8(ascii: "-"), 0x20]) { return (indent, false, rest.dropFirst(2)) }
        let digits = rest.prefix { (0x30...0x39).contains($0) }.count
        if digits > 0, rest.dropFirst(digits).starts(with: [UInt8(ascii: "."), 0x20]) { return (indent, true, rest.dropFirst(digits + 2)) }
        return nil
    }

    private mutating func listItem(_ item: (indent: Int, ordered: Bool, text: Bytes)) {
        while let last = lists.last, last.indent > item.indent || (last.indent == item.indent && last.ordered != item.ordered) {
            closeList()
        }
        if let last = lists.last, last.indent == item.indent {
            write("</li>\n")
        } else {
            write(item.ordered ? "<ol>\n" : "<ul>\n")
            lists.append((item.ordered, item.indent))
        }
        if item.indent <= 2, let id = Self.findingID(item.text, nested: item.indent > 0) {
            write("<li id=\"\(id)\" class=\"finding\">")
        } else {
            write("<li>")
        }
        out += Self.inline(item.text)
    }

    private mutating func closeList() {
        guard let last = lists.popLast() else { return }
        write(last.ordered ? "</li>\n</ol>\n" : "</li>\n</ul>\n")
    }

    private mutating func closeLists() {
        while !lists.isEmpty { closeList() }
    }

    /// The code spans of a text, in order, up to `limit`.
    private static func codeSpans(_ text: Bytes, limit: Int) -> [Bytes] {
        var spans: [Bytes] = []
        var rest = text
        while spans.count < limit, let open = rest.firstIndex(of: UInt8(ascii: "`")) {
            let after = rest[(open + 1)...]
            guard let close = after.firstIndex(of: UInt8(ascii: "`")) else { break }
            spans.append(after[..<close])
            rest = after[(close + 1)...]
        }
        return spans
    }

    private static let severityLabels: [[UInt8]] = Severity.allCases.map { Array($0.name.uppercased().utf8) }

    /// `- **HIGH** (accepted) `rule/subject/factor` at `file:line:column`: …`: a finding, or
    /// `  - `rule/subject/factor` at `file:line:column`: …` under an entry of several
    /// operations' findings: anchored by its policy file and identity (`HTMLReporter.findingAnchor`).
    private static func findingID(_ text: Bytes, nested: Bool) -> String? {
        let star = UInt8(ascii: "*"), tick = UInt8(ascii: "`")
        var rest = text
        if nested {
            guard text.first == tick else { return nil }
        } else {
            guard text.starts(with: [star, star]) else { return nil }
            let body = text.dropFirst(2)
            guard let end = body.firstIndex(of: star), text.index(after: end) < text.endIndex, text[end + 1] == star,
                severityLabels.contains(where: { body[..<end].elementsEqual($0) })
            else { return nil }
            rest = text[(end + 2)...]
        }
        let spans = codeSpans(rest, limit: 2)
        // The identity, then " at ", then the place.
        guard spans.count == 2, spans[0].endIndex + 1 < spans[1].startIndex,
            text[(spans[0].endIndex + 1)..<(spans[1].startIndex - 1)].elementsEqual(" at ".utf8)
        else { return nil }
        // The file without its ":line:column".
        var file = spans[1]
        for _ in 0..<2 { if let colon = file.lastIndex(of: UInt8(ascii: ":")) { file = file[..<colon] } }
        return HTMLReporter.findingAnchor(file: String(decoding: file, as: UTF8.self), identity: String(decoding: spans[0], as: UTF8.self))
    }

    // MARK: Tables

    private mutating func tableLine(_ line: Bytes) {
        closeParagraph()
        closeLists()
        switch table {
        case .none:
            table = .header(line)
        case .header(let header):
            // The delimiter row: the header is a header.
            write("<table>\n<thead>")
            tableRow(header, cell: "th")
            write("</thead>\n<tbody>\n")
            table = .body
        case .body:
            tableRow(line, cell: "td")
            write("\n")
        }
    }

    /// `<tr>` and each cell of a table line in `<th>` or `<td>`.
    private mutating func tableRow(_ line: Bytes, cell tag: String) {
        write("<tr>")
        for cell in Self.cells(line) {
            write("<\(tag)>")
            out += cell
            write("</\(tag)>")
        }
        write("</tr>")
    }

    private mutating func closeTable() {
        switch table {
        case .none: return
        case .header(let header):
            write("<p>")
            out += Self.inline(header)
            write("</p>\n")
        case .body: write("</tbody>\n</table>\n")
        }
        table = .none
    }

    /// The cells of a row, split at pipes that no backslash escapes, each converted.
    private static func cells(_ line: Bytes) -> [[UInt8]] {
        var cells: [[UInt8]] = []
        var start = line.startIndex + 1
        var i = start
        while i < line.endIndex {
            if line[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if line[i] == UInt8(ascii: "|") {
                cells.append(inline(trimmed(line[start..<i]), inTable: true))
                start = i + 1
            }
            i += 1
        }
        return cells
    }

    private static func trimmed(_ text: Bytes) -> Bytes {
        text.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()[...]
    }

    // MARK: Blocks

    private mutating func closeParagraph() {
        guard !paragraph.isEmpty else { return }
        write("<p>")
        for (index, line) in paragraph.enumerated() {
            if index > 0 { write("<br>\n") }
            out += line
        }
        write("</p>\n")
        paragraph = []
    }

    private mutating func closeAll() {
        closeParagraph()
        closeLists()
        closeTable()
    }

    /// The id of the reporter's anchor line `<a id="x"></a>` (lowercase letters, digits, hyphens).
    private static func anchorID(_ line: Bytes) -> Bytes? {
        let open = Array("<a id=\"".utf8), close = Array("\"></a>".utf8)
        guard line.count > open.count + close.count, line.starts(with: open), line.suffix(close.count).elementsEqual(close) else { return nil }
        let id = line.dropFirst(open.count).dropLast(close.count)
        return id.allSatisfy(isSlugByte) ? id : nil
    }

    private static func isSlugByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// ASCII punctuation and symbols: what a backslash escapes.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    // MARK: Inline

    private static let entities: [[UInt8]] = ["&amp;", "&lt;", "&gt;", "&#xE000;"].map { Array($0.utf8) }

    /// Inline Markdown as HTML: escapes, code spans, strong, emphasis and links.
    private static func inline(_ text: Bytes, inTable: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 16)
        var strong = false
        var emphasis = false
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            switch byte {
            // A backslash escapes ASCII punctuation only (`\u{202E}` stays as it is written).
            case UInt8(ascii: "\\") where i + 1 < text.endIndex && isPunctuation(text[i + 1]):
                escape(text[i + 1], into: &out)
                i += 2
                continue
            case UInt8(ascii: "`"):
                if let close = text[(i + 1)...].firstIndex(of: UInt8(ascii: "`")) {
                    out += Array("<code>".utf8)
                    var j = i + 1
                    while j < close {
                        // In a table, `\|` inside code is a pipe (GFM splits rows first).
                        if inTable, text[j] == UInt8(ascii: "\\"), j + 1 < close, text[j + 1] == UInt8(ascii: "|") {
                            out.append(UInt8(ascii: "|"))
                            j += 2
                            continue
                        }
                        escape(text[j], into: &out, quotes: true)
                        j += 1
                    }
                    out += Array("</code>".utf8)
                    i = close + 1
                    continue
                }
                out.append(byte)
            case UInt8(ascii: "*"):
                if i + 1 < text.endIndex, text[i + 1] == UInt8(ascii: "*") {
                    out += Array((strong ? "</strong>" : "<strong>").utf8)
                    strong.toggle()
                    i += 2
                    continue
                }
                out += Array((emphasis ? "</em>" : "<em>").utf8)
                emphasis.toggle()
            case UInt8(ascii: "["):
                if let link = link(text[i...]) {
                    out += Array("<a href=\"#".utf8)
                    out += link.target
                    out += Array("\">".utf8)
                    out += inline(link.label, inTable: inTable)
                    out += Array("</a>".utf8)
                    i = link.end
                    continue
                }
                out.append(byte)
            case UInt8(ascii: "&"):
                if let entity = entities.first(where: { text[i...].starts(with: $0) }) {
                    out += entity
                    i += entity.count
                    continue
                }
                out += Array("&amp;".utf8)
            default:
                escape(byte, into: &out)
            }
            i += 1
        }
        if emphasis { out += Array("</em>".utf8) }
        if strong { out += Array("</strong>".utf8) }
        return out
    }

    /// `[label](#anchor)`: only links within the report (the reporter writes no other).
    private static func link(_ text: Bytes) -> (label: Bytes, target: Bytes, end: Int)? {
        let start = text.startIndex + 1
        var i = start
        while i + 2 < text.endIndex, !(text[i] == UInt8(ascii: "]") && text[i + 1] == UInt8(ascii: "(") && text[i + 2] == UInt8(ascii: "#")) {
            if text[i] == UInt8(ascii: "]") { return nil }
            i += 1
        }
        guard i + 2 < text.endIndex else { return nil }
        let label = text[start..<i]
        let targetStart = i + 3
        guard let close = text[targetStart...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let target = text[targetStart..<close]
        guard !target.isEmpty, target.allSatisfy(isSlugByte) else { return nil }
        return (label, target, close + 1)
    }

    /// `&`, `<`, `>`, `"` (and `'` with `quotes`) as entities; any other byte as it is.
    private static func escape(_ byte: UInt8, into out: inout [UInt8], quotes: Bool = false) {
        switch byte {
        case UInt8(ascii: "&"): out += Array("&amp;".utf8)
        case UInt8(ascii: "<"): out += Array("&lt;".utf8)
        case UInt8(ascii: ">"): out += Array("&gt;".utf8)
        case UInt8(ascii: "\""): out += Array("&quot;".utf8)
        case UInt8(ascii: "'") where quotes: out += Array("&#39;".utf8)
        default: out.append(byte)
        }
    }
}
