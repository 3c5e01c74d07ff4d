import CLibYAML

/// Reads one YAML document from bytes through libyaml's event API, building `YAMLNode`s
/// iteratively (no recursion, so nesting depth cannot overflow the stack), with a node
/// budget that counts alias expansions, and with every node's line and column.
enum YAMLReader {
    /// Parses `bytes` (the contents of `file`). Returns nil for a file with no document
    /// (empty, or only comments). Throws an `InputError` with the location of the problem.
    static func read(_ bytes: [UInt8], file: String, limits: YAMLLimits) throws(InputError) -> YAMLNode? {
        try read(bytes, file: file, limits: limits, streaming: nil)
    }

    /// Like `read(_:file:limits:)`, but the items of the list under the root key `key` are handed
    /// to `each` as they complete and are not kept in the tree (where that list stays empty):
    /// a list file of a million entries never exists as one tree. Aliases and the node budget
    /// work as in `read`.
    static func read(
        _ bytes: [UInt8], file: String, limits: YAMLLimits, streamingItemsOf key: String,
        each: @escaping (YAMLNode) -> Void
    ) throws(InputError) -> YAMLNode? {
        try read(bytes, file: file, limits: limits, streaming: (key, each))
    }

    private static func read(
        _ bytes: [UInt8], file: String, limits: YAMLLimits,
        streaming: (key: String, each: (YAMLNode) -> Void)?
    ) throws(InputError) -> YAMLNode? {
        // A UTF-8 byte order mark (some Windows editors write one) is not content. libyaml
        // skips it only when it detects the encoding itself, and the encoding is set explicitly.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try read(Array(bytes.dropFirst(3)), file: file, limits: limits, streaming: streaming)
        }
        if bytes.count > limits.maxBytes {
            throw InputError(
                SourceLocation(file: file, line: 1, column: 1),
                "file is \(bytes.count) bytes; the limit is \(limits.maxBytes) bytes")
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw InputError(
                SourceLocation(file: file, line: bad.line, column: bad.column),
                "invalid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); save the file as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let mark = markOfOffset(bytes, nul)
            throw InputError(SourceLocation(file: file, line: mark.line, column: mark.column), "NUL byte in a text file")
        }
        var builder = Builder(file: file, limits: limits)
        builder.streaming = streaming
        let result: Result<YAMLNode?, InputError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(InputError(SourceLocation(file: file, line: 1, column: 1), "cannot initialise the YAML parser"))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(parserError(&parser, file: file, bytes: buffer))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                do throws(InputError) {
                    try builder.handle(&event)
                } catch {
                    return .failure(error)
                }
            }
            return .success(builder.document)
        }
        return try result.get()
    }

    private static func parserError(_ parser: inout yaml_parser_t, file: String, bytes: UnsafeBufferPointer<UInt8>) -> InputError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        var message = problem
        if let context { message += " (\(context))" }
        // libyaml's `mark.index` counts characters, not bytes: find the byte from line and column.
        let offset = byteOffset(bytes, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        if problem.lowercased().contains("tab") || (offset < bytes.count && bytes[offset] == 0x09) {
            message += "; indent with spaces, not tabs"
        }
        return InputError(
            SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1),
            "YAML syntax: \(message)")
    }

    /// The first byte that is not valid UTF-8, with its line and column.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
        // The standard library's validation is vectorised; the slow walk only locates an error.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            let before = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return (line, column, bytes[before])
            }
        }
    }

    /// The byte offset of a 1-based line and column (columns in Unicode scalars), the inverse
    /// of `markOfOffset`; `bytes.count` when the mark lies past the end.
    static func byteOffset(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Int {
        var index = 0
        var currentLine = 1
        while currentLine < line, index < bytes.count {
            if bytes[index] == 0x0A { currentLine += 1 }
            index += 1
        }
        var currentColumn = 1
        while currentColumn < column, index < bytes.count, bytes[index] != 0x0A {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            currentColumn += 1
        }
        return index
    }

    static func markOfOffset(_ bytes: [UInt8], _ offset: Int) -> Mark {
        var line = 1
        var column = 1
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return Mark(line: line, column: column)
    }
}

/// Turns the event stream into one document tree.
private struct Builder {
    /// An open list or mapping; mutated in place on the stack so appending stays O(1).
    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var size = 1
        /// Bytes of scalar text in the collection, aliases expanded.
        var text = 0
    }

    let file: String
    let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    /// The scalar bytes each anchored node holds, its own aliases expanded.
    private var anchorText: [String: Int] = [:]
    private var nodes = 0
    /// Scalar bytes read so far, each alias counted as the text it repeats.
    private var text = 0
    private var aliases = 0
    private var documents = 0
    private(set) var document: YAMLNode?
    /// The root key whose list items are handed over instead of kept, and the handler.
    var streaming: (key: String, each: (YAMLNode) -> Void)?
    /// The stack index of the list being streamed, while it is open.
    private var streamedFrame: Int?

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    private func fail(_ mark: Mark, _ message: String) -> InputError {
        InputError(SourceLocation(file: file, line: mark.line, column: mark.column), message)
    }

    mutating func handle(_ event: inout yaml_event_t) throws(InputError) {
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw fail(mark, "a second YAML document (---) in one file; keep one document per file")
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            if Int(scalar.length) > limits.maxScalarBytes {
                throw fail(mark, "a value of \(scalar.length) bytes; the limit is \(limits.maxScalarBytes) bytes")
            }
            let text =
                scalar.value.map { pointer in
                    String(decoding: UnsafeBufferPointer(start: pointer, count: Int(scalar.length)), as: UTF8.self)
                } ?? ""
            let style: YAMLNode.ScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .quoted
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
            default: style = .plain
            }
            let node = YAMLNode(content: .scalar(text, style), mark: mark, tag: Self.string(scalar.tag))
            try countText(Int(scalar.length), at: mark)
            try complete(node, anchor: Self.string(scalar.anchor), text: Int(scalar.length))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw fail(mark, "alias *\(name) refers to no anchor")
            }
            // Charge the expansion where the alias is written, not where its anchor is: its
            // nodes, and its text, which every report that names it would repeat.
            aliases += 1
            let repeated = anchorText[name] ?? 0
            try count(target.size, at: mark)
            try countText(repeated, at: mark)
            try complete(target, anchor: nil, counted: 0, text: repeated)
        case YAML_SEQUENCE_START_EVENT:
            try push(mark)
            if let key = streaming?.key, stack.count == 1, let root = stack.first, root.isMapping, root.items.count % 2 == 1,
                case .scalar(key, _)? = root.items.last?.content
            {
                streamedFrame = 1
            }
            stack.append(
                Frame(
                    isMapping: false, mark: mark, tag: Self.string(event.data.sequence_start.tag),
                    anchor: Self.string(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            try push(mark)
            stack.append(
                Frame(
                    isMapping: true, mark: mark, tag: Self.string(event.data.mapping_start.tag),
                    anchor: Self.string(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            if streamedFrame == stack.count - 1 { streamedFrame = nil }
            guard let frame = stack.popLast() else { return }
            let content: YAMLNode.Content
            if frame.isMapping {
                var pairs: [YAMLPair] = []
                pairs.reserveCapacity(frame.items.count / 2)
                var index = 0
                while index + 1 < frame.items.count {
                    pairs.append(YAMLPair(key: frame.items[index], value: frame.items[index + 1]))
                    index += 2
                }
                content = .mapping(pairs)
            } else {
                content = .sequence(frame.items)
            }
            try complete(
                YAMLNode(content: content, mark: frame.mark, tag: frame.tag, size: frame.size), anchor: frame.anchor,
                counted: 0, text: frame.text)
        default:
            break
        }
    }

    private mutating func push(_ mark: Mark) throws(InputError) {
        if stack.count >= limits.maxDepth {
            throw fail(mark, "nesting deeper than \(limits.maxDepth) levels")
        }
        try count(1, at: mark)
    }

    private mutating func count(_ added: Int, at mark: Mark) throws(InputError) {
        nodes += added
        if nodes > limits.maxNodes {
            if aliases > 0 {
                throw fail(mark, "more than \(limits.maxNodes) nodes once aliases are expanded (an alias bomb?); write the values out")
            }
            throw fail(mark, "more than \(limits.maxNodes) values (list items, keys and values) in one file, the limit per file; split it into several files")
        }
    }

    /// Charges scalar text against the budget: a file's text, aliases expanded, may not be
    /// longer than the file itself may be, so that an anchored name repeated by a thousand
    /// aliases cannot make reports a thousand times its size.
    private mutating func countText(_ added: Int, at mark: Mark) throws(InputError) {
        text += added
        if text > limits.maxBytes {
            throw fail(
                mark, "aliases expand this file's text past \(limits.maxBytes) bytes, the limit on the file itself (an alias bomb?); write the values out")
        }
    }

    /// Adds a finished node to its parent. `counted` is how many nodes the budget still has to
    /// charge for it: 1 for a new scalar, 0 for an alias (charged its whole size at the alias's
    /// mark) and for a collection whose start was charged and whose children were charged as
    /// they arrived.
    private mutating func complete(_ node: YAMLNode, anchor: String?, counted: Int? = nil, text: Int) throws(InputError) {
        try count(counted ?? 1, at: node.mark)
        if let anchor {
            anchors[anchor] = node
            anchorText[anchor] = text
        }
        guard !stack.isEmpty else {
            document = node
            return
        }
        if let streamedFrame, streamedFrame == stack.count - 1, let each = streaming?.each {
            each(node)
            return
        }
        stack[stack.count - 1].items.append(node)
        stack[stack.count - 1].size += node.size
        stack[stack.count - 1].text += text
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
