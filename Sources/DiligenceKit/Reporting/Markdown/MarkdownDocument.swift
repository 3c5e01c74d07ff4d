/// Accumulates Markdown lines; never emits two blank lines in a row. A document is either a
/// report's layout (text, and where the per-policy streams go) or one policy's section (text,
/// and holes for citation numbers).
struct MarkdownDocument {
    private var done: [ReportPiece] = []
    /// A section's bytes before the last citation hole, the holes' offsets in them and their references.
    private var cited: [UInt8] = []
    private var holes: [Int] = []
    private var citations: [Reference] = []
    /// The UTF-8 bytes of the text since the last hole or stream (appending bytes is cheaper
    /// than appending to a String: a portfolio's report appends millions of pieces).
    private var current: [UInt8] = []
    /// A layout's text before `current` (`flushSize`): moved out of `current` whenever a line
    /// ends past `flushSize` bytes, so that the layout's long last text (sections 6 to 8 and
    /// the annex: 2.5 MB on 2,000 heavy files) is held once, as the String it ends as, and not
    /// also as the bytes it was made of while the String is made.
    private var earlier = ""
    /// From how many bytes text moves to `earlier` (at the end of a line): a layout's, nil
    /// for none. Never a section's, whose bytes and citation holes are its own.
    var flushSize: Int?
    /// A layout's `flushSize`: the text is moved a few dozen times, in parts small enough not
    /// to matter.
    static let layoutFlushSize = 1 << 16

    /// The current text, as a String.
    private var currentText: String { earlier + String(decoding: current, as: UTF8.self) }

    /// The current text, as a String, moved out: the document's text is empty after it.
    private mutating func takeText() -> String {
        var text = ""
        swap(&text, &earlier)
        if !current.isEmpty { text += String(decoding: current, as: UTF8.self) }
        current.removeAll(keepingCapacity: true)
        return text
    }

    /// A layout's text moved to `earlier` once it is long, at the end of a line (a UTF-8
    /// boundary: the bytes that follow are the same text's either way).
    private mutating func flushIfLong() {
        guard let flushSize, current.count >= flushSize, citations.isEmpty else { return }
        earlier += String(decoding: current, as: UTF8.self)
        current.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ text: String) {
        // The text's own bytes (`withUTF8`), not its generic UTF-8 view.
        var text = text
        text.withUTF8 { current.append(contentsOf: $0) }
    }
    /// The last two bytes written (0 for none), to know whether a blank line ends the text.
    private var tail: (UInt8, UInt8) = (0, 0)
    /// Whether a table row has cells written and no end yet.
    private var rowIsOpen = false
    /// The last byte of the line being written in parts (nil before its first byte).
    private var lineLast: UInt8?

    /// The layout: the text and the streams, in order.
    var pieces: [ReportPiece] { current.isEmpty && earlier.isEmpty ? done : done + [.text(currentText)] }

    /// `pieces`, the text moved out (not copied): the document is done with.
    mutating func takePieces() -> [ReportPiece] {
        if !current.isEmpty || !earlier.isEmpty { done.append(.text(takeText())) }
        return done
    }

    /// The whole text (of a document without streams or citations).
    var text: String { earlier + section.segments.joined() }

    /// The text as a policy's section, with its citation holes: its bytes, not made into a
    /// String (checking a section's UTF-8 again cost a tenth of the Markdown sections' time).
    var section: ReportSection {
        guard earlier.isEmpty else {
            // Text moved out (`flushSize`) comes first; the holes' offsets follow it.
            let before = Array(earlier.utf8)
            return ReportSection(bytes: before + cited + current, citing: citations, at: holes.map { $0 + before.count })
        }
        guard !citations.isEmpty else { return ReportSection(bytes: current, citing: [], at: []) }
        return ReportSection(bytes: cited + current, citing: citations, at: holes)
    }

    mutating func line(_ line: String) {
        part(line)
        endLine()
    }

    /// A line ending with the number of a reference, in brackets (filled in later).
    mutating func line(_ text: String, citing reference: Reference) {
        part(text)
        endLine(citing: reference)
    }

    /// Part of a line; `endLine` ends it.
    mutating func part(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            current.append(contentsOf: bytes)
            if let last = bytes.last { lineLast = last }
        }
    }

    /// Ends the line the parts written since the last line make.
    mutating func endLine() {
        write("\n")
        tail = (lineLast ?? tail.1, 0x0A)
        lineLast = nil
        flushIfLong()
    }

    /// Ends the line with the number of a reference, in brackets (filled in later).
    mutating func endLine(citing reference: Reference) {
        lineLast = nil
        cited.append(contentsOf: current)
        holes.append(cited.count)
        citations.append(reference)
        current.removeAll(keepingCapacity: true)
        current.append(0x0A)
        tail = (UInt8(ascii: "]"), 0x0A)
    }

    mutating func blank() {
        if tail != (0, 0), tail != (0x0A, 0x0A) { line("") }
    }

    /// Where one of the per-policy streams goes. Every policy's section ends with a blank line,
    /// and so does the text before the stream.
    mutating func stream(_ index: Int) {
        if !current.isEmpty || !earlier.isEmpty { done.append(.text(takeText())) }
        done.append(.stream(index))
        tail = (0x0A, 0x0A)
    }

    /// Where one policy's section of a per-policy stream goes (`policy`: its index in the
    /// result's policies). Every section ends with a blank line.
    mutating func streamSection(_ index: Int, policy: Int) {
        if !current.isEmpty || !earlier.isEmpty { done.append(.text(takeText())) }
        done.append(.streamSection(index, policy: policy))
        tail = (0x0A, 0x0A)
    }

    /// Where one policy's rows of a table go (`policy`: its index in the result's policies),
    /// after the table's header: the section holds table rows only, maybe none.
    mutating func streamRows(_ index: Int, policy: Int) {
        if !current.isEmpty || !earlier.isEmpty { done.append(.text(takeText())) }
        done.append(.streamSection(index, policy: policy))
        tail = (UInt8(ascii: "|"), 0x0A)
    }

    /// A table; cells must already be escaped.
    mutating func table(_ header: [String], _ rows: [[String]]) {
        tableHeader(header)
        for row in rows {
            for cell in row { self.cell(cell) }
            endRow()
        }
    }

    /// A table's header; its rows follow, written cell by cell (`cell`, then `endRow`).
    mutating func tableHeader(_ header: [String]) {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + header.map { _ in " --- |" }.joined())
    }

    /// A cell of the current row: the parts (already escaped) one after the other, a space when
    /// they are all empty.
    mutating func cell(_ first: String, _ second: String = "", _ third: String = "", _ fourth: String = "") {
        write(rowIsOpen ? " " : "| ")
        rowIsOpen = true
        if first.isEmpty, second.isEmpty, third.isEmpty, fourth.isEmpty { write(" ") }
        write(first)
        if !second.isEmpty { write(second) }
        if !third.isEmpty { write(third) }
        if !fourth.isEmpty { write(fourth) }
        write(" |")
    }

    /// A cell of a country: "Mali (ML)".
    mutating func cell(_ country: Country) {
        cell(country.name, " (", country.code, ")")
    }

    /// A cell of items escaped as Markdown and joined by `separator`.
    mutating func cell(escaping items: [String], separator: String) {
        write(rowIsOpen ? " " : "| ")
        rowIsOpen = true
        var empty = true
        for (index, item) in items.enumerated() {
            if index > 0 { write(separator) }
            let escaped = Escaping.markdown(item)
            if !escaped.isEmpty || index > 0 { empty = false }
            write(escaped)
        }
        if empty { write(" ") }
        write(" |")
    }

    /// Ends the current row.
    mutating func endRow() {
        write(rowIsOpen ? "\n" : "|\n")
        rowIsOpen = false
        tail = (UInt8(ascii: "|"), 0x0A)
        flushIfLong()
    }
}
