/// The Markdown text of a format reference: lines, blank lines (never two in a row, none at the
/// start) and tables of cells already escaped. The reports' `MarkdownDocument` also streams and
/// cites; a reference needs neither.
struct ReferenceText {
    private(set) var text = ""
    private var lastLineEmpty = false

    mutating func line(_ line: String) {
        text += line
        text += "\n"
        lastLineEmpty = line.isEmpty
    }

    mutating func blank() {
        if !text.isEmpty, !lastLineEmpty { line("") }
    }

    /// A table; an empty cell is written as a space.
    mutating func table(_ header: [String], _ rows: [[String]]) {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + header.map { _ in " --- |" }.joined())
        for row in rows {
            line(row.isEmpty ? "|" : "| " + row.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |")
        }
    }
}
