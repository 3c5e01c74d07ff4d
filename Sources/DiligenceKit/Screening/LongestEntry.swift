extension Array where Element == Unicode.Scalar {
    /// What a table (`entry`) gives for the longest run of these scalars from `start`, at most
    /// `maximum` long, with the run's length; nil when not even the first scalar is in it.
    func longestEntry<Entry>(from start: Int, maximum: Int, _ entry: (String) -> Entry?) -> (entry: Entry, length: Int)? {
        var length = Swift.min(maximum, count - start)
        while length >= 1 {
            if let found = entry(String(String.UnicodeScalarView(self[start..<(start + length)]))) { return (found, length) }
            length -= 1
        }
        return nil
    }
}
