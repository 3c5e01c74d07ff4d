import CLibXML2
import Foundation

/// The text of an HTML article, read with libxml2's HTML parser (Debian `libxml2-dev`): the
/// parser a browser-like reading needs (unclosed tags, entities, broken markup recovered),
/// never regular expressions. Scripts, styles, navigation, headers and footers are skipped;
/// block elements end a paragraph.
enum HTMLArticleText {
    /// Elements whose text is not the article's.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "footer", "aside", "form",
        "button", "select", "svg", "iframe", "object", "head", "pre",
    ]
    /// Elements that end a paragraph.
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "table", "tr", "td", "th",
        "br", "hr", "figure", "figcaption", "address", "body", "html",
    ]

    static func article(_ bytes: [UInt8], file: String) throws(InputError) -> Article {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let document = parsed, let root = xmlDocGetRootElement(document) else {
            if let parsed { xmlFreeDoc(parsed) }
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "not an HTML document (libxml2 found no element)")
        }
        defer { xmlFreeDoc(document) }
        var reader = Walk()
        reader.walk(root)
        return Article(
            file: file, format: .html, paragraphs: reader.paragraphs,
            title: reader.title ?? reader.firstHeading, published: reader.published)
    }

    /// A depth-first walk with its own stack (a deeply nested page cannot exhaust the thread's).
    struct Walk {
        var paragraphs: [String] = []
        var title: String?
        var firstHeading: String?
        var published: Day?
        private var current = ""

        mutating func walk(_ root: xmlNodePtr) {
            // (node, entering): a block element is visited again on the way out to end its paragraph.
            var stack: [(node: xmlNodePtr, entering: Bool)] = [(root, true)]
            var headingDepth = 0
            var heading = ""
            while let (node, entering) = stack.popLast() {
                let type = node.pointee.type
                if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                    let text = node.pointee.content.map { String(cString: $0) } ?? ""
                    current += text
                    if headingDepth > 0 { heading += text }
                    continue
                }
                guard type == XML_ELEMENT_NODE else { continue }
                let name = HTMLArticleText.name(node)
                if !entering {
                    if name.count == 2, name.hasPrefix("h"), name != "hr" {
                        headingDepth -= 1
                        if headingDepth == 0, firstHeading == nil {
                            let text = PlainText.normalized(heading)
                            if !text.isEmpty { firstHeading = text }
                        }
                    }
                    endParagraph()
                    continue
                }
                if name == "head" { readHead(node) }
                if name == "time", published == nil, let value = HTMLArticleText.attribute(node, "datetime") { published = HTMLArticleText.day(value) }
                if HTMLArticleText.skipped.contains(name) { continue }
                if HTMLArticleText.blocks.contains(name) {
                    endParagraph()
                    stack.append((node, false))
                    if name.count == 2, name.hasPrefix("h"), name != "hr", name != "th", name != "tr" {
                        if headingDepth == 0 { heading = "" }
                        headingDepth += 1
                    }
                }
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let next = child {
                    children.append(next)
                    child = next.pointee.next
                }
                for next in children.reversed() { stack.append((next, true)) }
            }
            endParagraph()
        }

        private mutating func endParagraph() {
            let text = PlainText.normalized(current)
            if !text.isEmpty { paragraphs.append(text) }
            current = ""
        }

        /// `<title>` and the publication date of `<meta>` tags.
        private mutating func readHead(_ head: xmlNodePtr) {
            var child = head.pointee.children
            while let node = child {
                defer { child = node.pointee.next }
                guard node.pointee.type == XML_ELEMENT_NODE else { continue }
                switch HTMLArticleText.name(node) {
                case "title":
                    let text = PlainText.normalized(HTMLArticleText.text(node))
                    if !text.isEmpty { title = text }
                case "meta":
                    let key = (HTMLArticleText.attribute(node, "property") ?? HTMLArticleText.attribute(node, "name") ?? "").lowercased()
                    if ["article:published_time", "date", "dc.date", "dcterms.date", "pubdate"].contains(key),
                        let content = HTMLArticleText.attribute(node, "content"), published == nil
                    {
                        published = HTMLArticleText.day(content)
                    }
                default: break
                }
            }
        }
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// The text of an attribute, read from the node's attribute list (nothing to free).
    static func attribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
        var property = node.pointee.properties
        while let attribute = property {
            defer { property = attribute.pointee.next }
            guard let name = attribute.pointee.name, String(cString: name).lowercased() == wanted else { continue }
            var text = ""
            var child = attribute.pointee.children
            while let part = child {
                if let content = part.pointee.content { text += String(cString: content) }
                child = part.pointee.next
            }
            return text
        }
        return nil
    }

    /// The text under a node (the head's title: shallow, a few nodes).
    static func text(_ node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let part = child {
            if part.pointee.type == XML_TEXT_NODE, let content = part.pointee.content { text += String(cString: content) }
            child = part.pointee.next
        }
        return text
    }

    /// The day of an ISO 8601 date or date-time ("2020-09-01", "2020-09-01T08:00:00Z").
    static func day(_ text: String) -> Day? {
        Day(iso: String(text.trimmingCharacters(in: .whitespaces).prefix(10)))
    }
}
