/// Findings put in report order (`Finding.<`) without moving them while they are compared: a
/// finding is a large value, and sorting an array of them moved each many times (most of the
/// cost of sorting a policy's findings).
extension Finding {
    /// The positions of `findings` in report order (`<`; equal findings keep their order), found
    /// by reading each finding's fields in place.
    static func reportOrder(of findings: [Finding]) -> [Int] {
        findings.withUnsafeBufferPointer { buffer in
            Array(buffer.indices).sorted { a, b in precedes(buffer, a, b) }
        }
    }

    /// `buffer[a] < buffer[b]`, field by field in place: by policy, line, column, rule, then the
    /// identity's text (made only for a tie on the rest).
    @inline(__always)
    private static func precedes(_ buffer: UnsafeBufferPointer<Finding>, _ a: Int, _ b: Int) -> Bool {
        if buffer[a].location.file != buffer[b].location.file { return buffer[a].location.file < buffer[b].location.file }
        if buffer[a].location.line != buffer[b].location.line { return buffer[a].location.line < buffer[b].location.line }
        if buffer[a].location.column != buffer[b].location.column { return buffer[a].location.column < buffer[b].location.column }
        if buffer[a].rule != buffer[b].rule { return buffer[a].rule < buffer[b].rule }
        return buffer[a].identity.description < buffer[b].identity.description
    }
}

extension Array where Element == Finding {
    /// Sorted in report order, as `sort()` sorts them (stable): the order found by
    /// `Finding.reportOrder(of:)`, then each finding swapped into its place once.
    mutating func sortInReportOrder() {
        let order = Finding.reportOrder(of: self)
        // Follow each cycle of the permutation: position j takes the finding now at order[j].
        // Swapped through the buffer: moves of the values (the array's `swapAt` copied both).
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { buffer in
            for start in buffer.indices where !placed[start] {
                var position = start
                placed[position] = true
                while order[position] != start {
                    let source = order[position]
                    buffer.swapAt(position, source)
                    position = source
                    placed[position] = true
                }
            }
        }
    }
}
