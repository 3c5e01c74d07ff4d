/// A YAML node as written: scalars keep their text and quoting, nothing is resolved to
/// booleans or numbers here (`NO` stays the two letters N and O). Fields convert scalars by
/// their declared type in the schema layer.
struct YAMLNode: Sendable {
    enum ScalarStyle: Sendable, Equatable {
        case plain
        case quoted
        case block
    }

    enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    var mark: Mark
    /// An explicit tag such as `!!str`, if the file wrote one.
    var tag: String?
    /// Nodes in this subtree, itself included (the budget unit against alias bombs).
    var size: Int

    init(content: Content, mark: Mark, tag: String? = nil, size: Int = 1) {
        self.content = content
        self.mark = mark
        self.tag = tag
        self.size = size
    }

    /// The scalar text, when this node is a scalar.
    var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// True for a plain scalar that YAML would read as null (`~`, `null`, or nothing).
    var isNull: Bool {
        if case .scalar(let text, .plain) = content, tag == nil {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// A short name of the node's shape for messages ("a list", "a mapping", "text").
    var shapeName: String {
        switch content {
        case .scalar: return isNull ? "nothing (null)" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// A key and its value in a mapping, in file order.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}
