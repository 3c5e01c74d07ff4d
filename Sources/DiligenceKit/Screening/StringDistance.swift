/// String measures on byte strings (the ASCII keys of name tokens). They work on temporary
/// buffers and allocate nothing on the heap for tokens of up to 64 bytes.
public enum StringDistance {
    /// Jaro-Winkler similarity in 0...1: Jaro's matching characters and transpositions, with a
    /// bonus for a common prefix of up to four characters (scale 0.1), as names agree most at
    /// their start.
    public static func jaroWinkler(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Double {
        let jaro = self.jaro(a, b)
        var prefix = 0
        for (x, y) in zip(a, b).prefix(4) {
            guard x == y else { break }
            prefix += 1
        }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Jaro similarity in 0...1.
    public static func jaro(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        if a.elementsEqual(b) { return 1 }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
                    flags.initialize(repeating: false)
                    let aMatched = UnsafeMutableBufferPointer(rebasing: flags[0..<a.count])
                    let bMatched = UnsafeMutableBufferPointer(rebasing: flags[a.count...])
                    let window = max(0, max(a.count, b.count) / 2 - 1)
                    var matches = 0
                    for i in 0..<a.count {
                        let low = max(0, i - window), high = min(b.count - 1, i + window)
                        guard low <= high else { continue }
                        for j in low...high where !bMatched[j] && a[i] == b[j] {
                            aMatched[i] = true
                            bMatched[j] = true
                            matches += 1
                            break
                        }
                    }
                    guard matches > 0 else { return 0 }
                    var transpositions = 0
                    var j = 0
                    for i in 0..<a.count where aMatched[i] {
                        while !bMatched[j] { j += 1 }
                        if a[i] != b[j] { transpositions += 1 }
                        j += 1
                    }
                    let m = Double(matches)
                    return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
                }
            }
        }
    }

    /// Optimal string alignment distance (Levenshtein with adjacent transpositions), or
    /// `limit + 1` as soon as it is certain to exceed `limit`.
    public static func editDistance(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let width = b.count + 1
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
                    var previous2 = UnsafeMutableBufferPointer(rebasing: rows[0..<width])
                    var previous = UnsafeMutableBufferPointer(rebasing: rows[width..<(2 * width)])
                    var current = UnsafeMutableBufferPointer(rebasing: rows[(2 * width)...])
                    for j in 0...b.count {
                        previous[j] = j
                        previous2[j] = 0
                    }
                    for i in 1...a.count {
                        current[0] = i
                        var rowMinimum = i
                        for j in 1...b.count {
                            let cost = a[i - 1] == b[j - 1] ? 0 : 1
                            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                                value = min(value, previous2[j - 2] + 1)
                            }
                            current[j] = value
                            rowMinimum = min(rowMinimum, value)
                        }
                        if rowMinimum > limit { return limit + 1 }
                        (previous2, previous, current) = (previous, current, previous2)
                    }
                    return previous[b.count]
                }
            }
        }
    }
}
