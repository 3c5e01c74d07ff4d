/// A stack whose first element is held inline: the decoder's unique keys and sets of them
/// nest at most one deep in the policy format, so a file's never allocate; deeper ones (no
/// format declares them today) go to an array.
struct InlineStack<Element> {
    private var first: Element?
    private var more: [Element] = []

    var count: Int { first == nil ? 0 : 1 + more.count }

    mutating func append(_ element: Element) {
        if first == nil { first = element } else { more.append(element) }
    }

    /// The element at `index` (below `count`).
    subscript(index: Int) -> Element {
        get {
            guard index == 0 else { return more[index - 1] }
            guard let first else { preconditionFailure("no element at 0") }
            return first
        }
        _modify {
            if index == 0 {
                guard var element = first.take() else { preconditionFailure("no element at 0") }
                defer { first = element }
                yield &element
            } else {
                yield &more[index - 1]
            }
        }
    }

    /// Drops the elements from `index` on.
    mutating func removeFrom(_ index: Int) {
        if index == 0 {
            first = nil
            more.removeAll(keepingCapacity: true)
        } else if index - 1 < more.count {
            more.removeSubrange((index - 1)...)
        }
    }
}
