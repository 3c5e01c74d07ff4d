import CLibYAML

/// What a reader of a policy text tells `PolicyDecoder`, in document order; each answers false
/// when the reader must stop (a limit of `YAMLLimits` passed: `YAMLReader` then reports it).
protocol PolicyEventSink {
    /// A mapping starts at `mark` (for a block mapping, its first key).
    mutating func mappingStart(_ mark: Mark) -> Bool
    /// A list starts at `mark` (its first `-`, or its `[`).
    mutating func sequenceStart(_ mark: Mark) -> Bool
    /// A scalar, its bytes as the value reads (quotes removed); `plain` when written without
    /// quotes or block indicators.
    mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool
    /// A scalar with an explicit tag (`!!str ~`), which is never null.
    mutating func taggedScalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool
    /// The innermost open mapping or list ends.
    mutating func end() -> Bool
}

extension PolicyEventSink {
    mutating func taggedScalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool {
        scalar(bytes, plain: plain, mark: mark)
    }
}

/// The two readers of a policy text besides `PolicyScanner`: libyaml's events, and a
/// `YAMLNode` tree (for a file with anchors, aliases or tags, which `YAMLReader` expands and
/// keeps within its budgets).
enum PolicyEvents {
    /// Gives the sink libyaml's events for `input`; false when libyaml finds an error, the text
    /// holds an anchor, alias or tag (rare in policies: the tree reads them) or a second
    /// document, or the sink stops.
    static func feed<Sink: PolicyEventSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Bool {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return false }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return false }
            defer { yaml_event_delete(&event) }
            let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else { return false }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil else { return false }
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : Int(scalar.length))
                let plain: Bool
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE, YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE:
                    plain = false
                default:
                    plain = true
                }
                guard sink.scalar(bytes, plain: plain, mark: mark) else { return false }
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.tag == nil, sink.mappingStart(mark) else { return false }
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.tag == nil, sink.sequenceStart(mark) else { return false }
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard sink.end() else { return false }
            case YAML_ALIAS_EVENT:
                return false
            default:
                break
            }
        }
    }

    /// Gives the sink the events of a tree, with the marks its nodes were read at (an alias's
    /// copy keeps those of its anchor, as `YAMLReader` reports them).
    static func walk<Sink: PolicyEventSink>(_ node: YAMLNode, into sink: inout Sink) {
        switch node.content {
        case .scalar(let text, let style):
            var text = text
            let tagged = node.tag != nil
            text.withUTF8 { bytes in
                _ =
                    tagged
                    ? sink.taggedScalar(bytes, plain: style == .plain, mark: node.mark)
                    : sink.scalar(bytes, plain: style == .plain, mark: node.mark)
            }
        case .sequence(let items):
            _ = sink.sequenceStart(node.mark)
            for item in items { walk(item, into: &sink) }
            _ = sink.end()
        case .mapping(let pairs):
            _ = sink.mappingStart(node.mark)
            for pair in pairs {
                walk(pair.key, into: &sink)
                walk(pair.value, into: &sink)
            }
            _ = sink.end()
        }
    }
}
