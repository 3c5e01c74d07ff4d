/// The kinds of article `db draft` reads, told apart by the file's extension.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case text, markdown, html

    /// `.md`/`.markdown` is Markdown, `.html`/`.htm`/`.xhtml` is HTML, anything else plain text.
    public init(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            self = .markdown
        } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") {
            self = .html
        } else {
            self = .text
        }
    }
}

/// An article's text as paragraphs of plain text (markup stripped), with the title and
/// publication date the markup carries, when it carries them.
public struct Article: Sendable, Hashable {
    public var file: String
    public var format: ArticleFormat
    /// Paragraphs in reading order, each on one line, runs of white space made one space.
    public var paragraphs: [String]
    /// The `<title>` or first heading, when the input has one.
    public var title: String?
    /// `article:published_time`, `<time datetime>` or a `date` meta tag (HTML only).
    public var published: Day?

    public init(file: String, format: ArticleFormat, paragraphs: [String], title: String? = nil, published: Day? = nil) {
        self.file = file
        self.format = format
        self.paragraphs = paragraphs
        self.title = title
        self.published = published
    }

    /// Every paragraph, separated by blank lines: the text quotes are checked against.
    public var text: String { paragraphs.joined(separator: "\n\n") }
}

/// Reads an article file into an `Article`: checks its bytes (size, UTF-8, no NUL), then strips
/// the markup of Markdown (Ink) and HTML (libxml2's HTML parser).
public enum ArticleReader {
    /// The largest article read: a long briefing is some tens of kilobytes; a megabyte is a book.
    public static let maxBytes = 1 << 20

    public static func read(path: String, display: String, format: ArticleFormat? = nil) throws(InputError) -> Article {
        let bytes = try InputFile.read(path, display: display, limit: maxBytes)
        return try read(bytes: bytes, file: display, format: format ?? ArticleFormat(path: path))
    }

    public static func read(bytes: [UInt8], file: String, format: ArticleFormat) throws(InputError) -> Article {
        if bytes.count > maxBytes {
            throw InputError(
                SourceLocation(file: file, line: 1, column: 1),
                "article is larger than \(maxBytes >> 20) MiB; split it or pass the part to draft from")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let offset = UTF8Check.firstInvalidOffset(Array(body)) {
            let at = location(of: body.startIndex + offset, in: bytes, file: file)
            throw InputError(
                at, "article is not valid UTF-8 (byte 0x\(String(bytes[body.startIndex + offset], radix: 16, uppercase: true))); convert it to UTF-8 first")
        }
        if let nul = body.firstIndex(of: 0) {
            throw InputError(location(of: nul, in: bytes, file: file), "article holds a NUL byte: not a text file")
        }
        let text = String(decoding: body, as: UTF8.self)
        var article: Article
        switch format {
        case .text: article = Article(file: file, format: .text, paragraphs: PlainText.paragraphs(text))
        case .markdown: article = MarkdownText.article(text, file: file)
        case .html: article = try HTMLArticleText.article(Array(body), file: file)
        }
        if article.paragraphs.isEmpty {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "article holds no text")
        }
        return article
    }

    /// The line and column (in characters) of byte `offset`.
    static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// Plain text: paragraphs are separated by blank lines; the lines of a paragraph are joined.
enum PlainText {
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        func flush() {
            let joined = normalized(current.joined(separator: " "))
            if !joined.isEmpty { paragraphs.append(joined) }
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flush() } else { current.append(Substring(trimmed)) }
        }
        flush()
        return paragraphs
    }

    /// Runs of white space (including no-break spaces, tabs and carriage returns) made one
    /// space, other control characters dropped, ends trimmed.
    static func normalized(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                space = true
            } else if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                continue
            } else {
                if space, !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
