/// A property of `PolicyDraft` that the decoder writes in place (`\.site.name`).
///
/// Writing through the key path itself (`draft[keyPath: path] = value`) copied the whole value
/// that holds the property, a `Site` or a `Counterparty` with all its strings, for every field
/// read, and made each list item's append copy the list. A key path to a stored property of a
/// stored property has a fixed offset in the draft (`MemoryLayout.offset(of:)`), so the value
/// is written there directly; a path without one (none today) is written through the key path.
struct DraftSlot<T>: Sendable {
    private let path: WritableKeyPath<PolicyDraft, T> & Sendable
    private let offset: Int?

    init(_ path: WritableKeyPath<PolicyDraft, T> & Sendable) {
        self.path = path
        offset = MemoryLayout<PolicyDraft>.offset(of: path)
    }

    /// Changes the property of `draft` in place.
    @inline(__always)
    func update(_ draft: inout PolicyDraft, _ body: (inout T) -> Void) {
        guard let offset else { return body(&draft[keyPath: path]) }
        withUnsafeMutableBytes(of: &draft) { raw in
            guard let base = raw.baseAddress else { return }
            body(&(base + offset).assumingMemoryBound(to: T.self).pointee)
        }
    }
}
