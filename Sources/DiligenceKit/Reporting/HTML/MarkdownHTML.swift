/// Renders the Markdown that `MarkdownReporter` writes as HTML, block by block, so that the HTML
/// report states what the Markdown report states, in the same order, from one source. It reads
/// the fixed subset that reporter writes, nothing more: ATX headings, paragraphs, pipe tables,
/// lists ("- ", "1. ", nested by two spaces), the reporter's own anchor lines, and inline code,
/// strong, emphasis, links and backslash escapes. Text from policy and database files reaches it
/// already escaped by `Escaping.markdown` (so `&`, `<`, `>` are entities and markup characters
/// carry a backslash) or inside code spans (which are escaped here); anything else that could
/// be markup is escaped too, so no input text becomes an element or an attribute.
struct MarkdownHTML {
    /// HTML to insert before a heading (level, heading text as Markdown), after the heading, or
    /// after the anchor line `<a id="…"></a>` (by its id). Empty: nothing.
    var beforeHeading: (Int, Substring) -> String = { _, _ in "" }
    var afterHeading: (Int, Substring) -> String = { _, _ in "" }

    private var out = ""
    private var lists: [(ordered: Bool, indent: Int)] = []
    private var itemOpen: [Bool] = []
    private enum TableState { case none, header(String), body }
    private var table = TableState.none
    private var paragraph: [String] = []

    /// The character a citation hole is replaced with while a section is converted.
    static let hole: Character = "\u{E000}"

    /// Converts a policy's section, keeping its citation holes.
    mutating func convert(_ section: ReportSection) -> ReportSection {
        // A hole becomes U+E000 (that character in the text itself becomes a reference to it).
        var text = ""
        for (index, segment) in section.segments.enumerated() {
            text += segment.contains(Self.hole) ? segment.replacingOccurrences(of: String(Self.hole), with: "&#xE000;") : segment
            if index < section.citations.count { text.append(Self.hole) }
        }
        let html = convert(text)
        var result = ReportSection(separator: section.separator)
        var holes = section.citations.makeIterator()
        var part = ""
        for character in html {
            if character == Self.hole, let reference = holes.next() {
                result.append(part)
                result.cite(reference)
                part = ""
            } else {
                part.append(character)
            }
        }
        result.append(part)
        return result
    }

    /// Converts text made of whole lines (every open block is closed at its end).
    mutating func convert(_ markdown: String) -> String {
        out = ""
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines { self.line(line) }
        closeAll()
        return out
    }

    private mutating func line(_ line: Substring) {
        if line.isEmpty {
            closeAll()
            return
        }
        if line.hasPrefix("|") {
            tableLine(line)
            return
        }
        if case .none = table {} else { closeTable() }
        if line.hasPrefix("#") {
            closeAll()
            let level = line.prefix { $0 == "#" }.count
            let text = line.dropFirst(level).drop { $0 == " " }
            out += beforeHeading(level, text)
            out += "<h\(level)>" + Self.inline(text) + "</h\(level)>\n"
            out += afterHeading(level, text)
            return
        }
        if let id = Self.anchorID(line) {
            closeAll()
            out += "<a id=\"\(id)\"></a>\n"
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

    private static func listItem(_ line: Substring) -> (indent: Int, ordered: Bool, text: Substring)? {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        if rest.hasPrefix("- ") { return (indent, false, rest.dropFirst(2)) }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(". ") { return (indent, true, rest.dropFirst(digits.count + 2)) }
        return nil
    }

    private mutating func listItem(_ item: (indent: Int, ordered: Bool, text: Substring)) {
        while let last = lists.last, last.indent > item.indent || (last.indent == item.indent && last.ordered != item.ordered) {
            closeList()
        }
        if let last = lists.last, last.indent == item.indent {
            out += "</li>\n"
        } else {
            out += item.ordered ? "<ol>\n" : "<ul>\n"
            lists.append((item.ordered, item.indent))
        }
        let id = item.indent == 0 ? Self.findingID(item.text) : nil
        out += id.map { "<li id=\"\($0)\" class=\"finding\">" } ?? "<li>"
        out += Self.inline(item.text)
    }

    private mutating func closeList() {
        guard let last = lists.popLast() else { return }
        out += last.ordered ? "</li>\n</ol>\n" : "</li>\n</ul>\n"
    }

    private mutating func closeLists() {
        while !lists.isEmpty { closeList() }
    }

    /// `- **HIGH** (accepted) `rule/subject/factor` at `file:line:column`: …`: a finding,
    /// anchored by its policy file and identity (`HTMLReporter.findingAnchor`).
    private static func findingID(_ text: Substring) -> String? {
        guard text.hasPrefix("**"), let end = text.dropFirst(2).firstRange(of: "**") else { return nil }
        let label = text[text.index(text.startIndex, offsetBy: 2)..<end.lowerBound]
        guard Severity.allCases.contains(where: { $0.name.uppercased() == label }) else { return nil }
        var spans: [Substring] = []
        var rest = text[end.upperBound...]
        while spans.count < 2, let open = rest.firstIndex(of: "`") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "`") else { return nil }
            spans.append(after[..<close])
            rest = after[after.index(after: close)...]
        }
        guard spans.count == 2 else { return nil }
        // The file without its ":line:column".
        var file = spans[1]
        for _ in 0..<2 { if let colon = file.lastIndex(of: ":") { file = file[..<colon] } }
        return HTMLReporter.findingAnchor(file: String(file), identity: String(spans[0]))
    }

    // MARK: Tables

    private mutating func tableLine(_ line: Substring) {
        closeParagraph()
        closeLists()
        switch table {
        case .none:
            table = .header(String(line))
        case .header(let header):
            // The delimiter row: the header is a header.
            out += "<table>\n<thead><tr>" + Self.cells(Substring(header)).map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            table = .body
        case .body:
            out += "<tr>" + Self.cells(line).map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
    }

    private mutating func closeTable() {
        switch table {
        case .none: return
        case .header(let header): out += "<p>" + Self.inline(Substring(header)) + "</p>\n"
        case .body: out += "</tbody>\n</table>\n"
        }
        table = .none
    }

    /// The cells of a row, split at pipes that no backslash escapes, each converted.
    private static func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells.map { inline(Substring($0.trimmingCharacters(in: .whitespaces)), inTable: true) }
    }

    // MARK: Blocks

    private mutating func closeParagraph() {
        guard !paragraph.isEmpty else { return }
        out += "<p>" + paragraph.joined(separator: "<br>\n") + "</p>\n"
        paragraph = []
    }

    private mutating func closeAll() {
        closeParagraph()
        closeLists()
        closeTable()
    }

    /// The id of the reporter's anchor line `<a id="x"></a>` (lowercase letters, digits, hyphens).
    private static func anchorID(_ line: Substring) -> String? {
        guard line.hasPrefix("<a id=\""), line.hasSuffix("\"></a>") else { return nil }
        let id = line.dropFirst(7).dropLast(6)
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else { return nil }
        return String(id)
    }

    // MARK: Inline

    /// Inline Markdown as HTML: escapes, code spans, strong, emphasis and links.
    static func inline(_ text: Substring, inTable: Bool = false) -> String {
        var out = ""
        var strong = false
        var emphasis = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            switch character {
            // A backslash escapes ASCII punctuation only (`\u{202E}` stays as it is written).
            case "\\" where next < text.endIndex && (text[next].isPunctuation || text[next].isSymbol) && text[next].isASCII:
                out += escape(text[next])
                index = text.index(after: next)
                continue
            case "`":
                if let close = text[next...].firstIndex(of: "`") {
                    var code = String(text[next..<close])
                    if inTable { code = code.replacingOccurrences(of: "\\|", with: "|") }
                    out += "<code>" + escapeCode(code) + "</code>"
                    index = text.index(after: close)
                    continue
                }
                out += "`"
            case "*":
                if next < text.endIndex, text[next] == "*" {
                    out += strong ? "</strong>" : "<strong>"
                    strong.toggle()
                    index = text.index(after: next)
                    continue
                }
                out += emphasis ? "</em>" : "<em>"
                emphasis.toggle()
            case "[":
                if let link = link(text[index...]) {
                    out += "<a href=\"\(link.target)\">" + inline(link.label, inTable: inTable) + "</a>"
                    index = link.end
                    continue
                }
                out += "["
            case "&":
                let rest = text[index...]
                if let entity = ["&amp;", "&lt;", "&gt;", "&#xE000;"].first(where: { rest.hasPrefix($0) }) {
                    out += entity
                    index = text.index(index, offsetBy: entity.count)
                    continue
                }
                out += "&amp;"
            default:
                out += escape(character)
            }
            index = next
        }
        if emphasis { out += "</em>" }
        if strong { out += "</strong>" }
        return out
    }

    /// `[label](#anchor)`: only links within the report (the reporter writes no other).
    private static func link(_ text: Substring) -> (label: Substring, target: String, end: Substring.Index)? {
        guard let middle = text.firstRange(of: "](#") else { return nil }
        let label = text[text.index(after: text.startIndex)..<middle.lowerBound]
        guard !label.contains("]"), let close = text[middle.upperBound...].firstIndex(of: ")") else { return nil }
        let target = text[middle.upperBound..<close]
        guard target.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else { return nil }
        return (label, "#" + target, text.index(after: close))
    }

    static func escape(_ character: Character) -> String {
        switch character {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        default: return String(character)
        }
    }

    /// Text of a code span: every markup character as an entity.
    static func escapeCode(_ text: String) -> String {
        HTMLText.escape(text)
    }
}

/// Escaping for text written into HTML by the HTML report itself (maps, matrix, timeline).
enum HTMLText {
    /// Element text or a quoted attribute value: `&`, `<`, `>`, `"`, `'` as entities, hidden
    /// characters written out as in the other formats.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{E000}": out += "&#xE000;"
            case _ where HiddenCharacters.isHidden(scalar): out += HiddenCharacters.visible(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
