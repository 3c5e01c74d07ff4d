import Foundation

/// Reads the plain block style policy files are written in, and gives a `PolicyEventSink` the
/// events libyaml would give for it (same scalars, same styles, same lines and columns), without
/// libyaml's tokens and allocations: loading a portfolio spent half its time in libyaml.
///
/// What it reads: comment and blank lines; block mappings whose keys are words (`a-z`, `0-9`,
/// `_`); block lists (`- `), their items scalars or mappings; single-line plain, single- and
/// double-quoted scalars; single-line flow lists and flow mappings of scalars
/// (`[a, "b"]`, `{ lat: 1, lon: 2 }`). Anything else (a tab, a carriage return, a control or
/// other non-printable character, a document marker or directive, an anchor, alias or tag, a
/// block scalar, a scalar over several lines, an escape in a double-quoted scalar other than
/// an escaped quote, backslash or slash, an empty value, a nested flow collection, a trailing
/// comma, a colon in a flow scalar) makes it answer `.unsupported` before the sink sees a wrong event, and the
/// caller reads the text with libyaml instead. A test compares its events with libyaml's on
/// every policy of the repository, the fuzz fixtures and thousands of mutations of them.
enum PolicyScanner {
    enum Outcome {
        /// Read to the end; the sink took every event.
        case done
        /// Not in the style this scanner reads (the sink may have taken some events).
        case unsupported
        /// The sink refused an event.
        case rejected
    }

    static func scan<Sink: PolicyEventSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Outcome {
        guard hasOnlyPlainCharacters(input) else { return .unsupported }
        return scanChecked(input, into: &sink)
    }

    /// `scan` of bytes already found to have only plain characters (`check(_:)`).
    static func scanChecked<Sink: PolicyEventSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Outcome {
        var scanner = Scanner(input: input)
        return scanner.run(&sink)
    }

    /// No byte that libyaml treats specially outside the style read here: control characters
    /// other than LF (tab and CR included), DEL, C1 controls and NEL (C2 80–9F), line and
    /// paragraph separators (E2 80 A8/A9), a byte order mark (EF BB BF), U+FFFE and U+FFFF.
    static func hasOnlyPlainCharacters(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = input.count
        while index < count {
            // Eight printable ASCII bytes or line feeds at a time (a policy is mostly those).
            if index + 8 <= count, let base = input.baseAddress, Self.isPlainASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = input[index]
            if byte >= 0x20 && byte < 0x7F || byte == 0x0A {
                index += 1
                continue
            }
            switch byte {
            case 0xC2:
                if index + 1 < count, (0x80...0x9F).contains(input[index + 1]) { return false }
            case 0xE2:
                if index + 2 < count, input[index + 1] == 0x80, input[index + 2] == 0xA8 || input[index + 2] == 0xA9 { return false }
            case 0xEF:
                if index + 2 < count, input[index + 1] == 0xBB, input[index + 2] == 0xBF { return false }
                if index + 2 < count, input[index + 1] == 0xBF, input[index + 2] == 0xBE || input[index + 2] == 0xBF { return false }
            case 0x80...:
                break
            default:
                return false
            }
            index += 1
        }
        return true
    }
}

extension PolicyScanner {
    /// Whether every byte of `word` is printable ASCII (0x20 to 0x7E) or a line feed, exactly:
    /// two sums, a XOR and a sum, masks (fourteen operations where the twenty-fourth round's
    /// test took about twenty-four; the check of a file is a pass over all its bytes).
    static func isPlainASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        // With every byte below 0x80 no sum below carries out of its byte. Printable (0x20 to
        // 0x7E): the byte plus 0x60 reaches 0x80 and the byte plus one does not.
        let printable = (word &+ 0x6060_6060_6060_6060) & ~(word &+ 0x0101_0101_0101_0101)
        // Not a line feed: the byte XOR 0x0A is not zero, so it plus 0x7F reaches 0x80.
        let notLineFeed = (word ^ 0x0A0A_0A0A_0A0A_0A0A) &+ 0x7F7F_7F7F_7F7F_7F7F
        // A byte of 0x80 or above fails whatever the sums gave (they may have carried).
        return (~printable & notLineFeed | word) & high == 0
    }
}

/// Why a flow collection stopped the scan.
private enum Stop: Error {
    case unsupported, rejected

    var outcome: PolicyScanner.Outcome { self == .unsupported ? .unsupported : .rejected }
}

private struct Scanner {
    let input: UnsafeBufferPointer<UInt8>
    /// The open block collections, outermost first, with the column (0-based) of their keys or dashes.
    var stack: [(isSequence: Bool, indent: Int)] = []
    /// The indent of the mapping whose last key waits for a block value on the next lines.
    var pending: Int?
    /// The line being read: its number (1-based) and where it starts and ends.
    var line = 0
    var lineStart = 0
    var lineEnd = 0
    /// The value of a quoted scalar with escapes, without them.
    var unescaped: [UInt8] = []
    /// The last position `mark` counted the column of.
    var lastMark = (line: 0, position: 0, column: 1)
    /// The position of the first byte of 0x80 or above at or after the line's start (or the
    /// input's end): before it a column is the distance from the line's start.
    var nextHigh = -1

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        stack.reserveCapacity(8)
    }

    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let colon = UInt8(ascii: ":")
    static let dash = UInt8(ascii: "-")

    mutating func run<Sink: PolicyEventSink>(_ sink: inout Sink) -> PolicyScanner.Outcome {
        var position = 0
        let count = input.count
        while position < count {
            line += 1
            lineStart = position
            lineEnd = position
            lineEnd = Self.lineFeed(in: input, from: position) ?? count
            position = lineEnd + 1
            var content = lineStart
            while content < lineEnd, input[content] == Self.space { content += 1 }
            if content == lineEnd || input[content] == Self.hash { continue }
            if let outcome = handleLine(content: content, &sink) { return outcome }
        }
        guard pending == nil, !stack.isEmpty else { return .unsupported }
        while !stack.isEmpty {
            stack.removeLast()
            guard sink.end() else { return .rejected }
        }
        return .done
    }

    /// A line with content at `content`; nil to go on.
    private mutating func handleLine<Sink: PolicyEventSink>(content: Int, _ sink: inout Sink) -> PolicyScanner.Outcome? {
        let indent = content - lineStart
        let first = input[content]
        // Directives and document markers.
        if indent == 0, first == UInt8(ascii: "%") || startsMarker(at: content) { return .unsupported }
        let isItem = first == Self.dash && content + 1 < lineEnd && input[content + 1] == Self.space
        if first == Self.dash, content + 1 == lineEnd { return .unsupported }
        if let keyIndent = pending {
            pending = nil
            if isItem {
                guard indent >= keyIndent else { return .unsupported }
                stack.append((true, indent))
                guard sink.sequenceStart(mark(content)) else { return .rejected }
            } else {
                guard indent > keyIndent else { return .unsupported }
                stack.append((false, indent))
                guard sink.mappingStart(mark(content)) else { return .rejected }
            }
        } else if stack.isEmpty {
            guard indent == 0, !isItem else { return .unsupported }
            stack.append((false, 0))
            guard sink.mappingStart(mark(content)) else { return .rejected }
        } else {
            while let top = stack.last, top.indent > indent {
                stack.removeLast()
                guard sink.end() else { return .rejected }
            }
            // A list written at its key's indent ends where the mapping's next key starts.
            if !isItem, let top = stack.last, top.isSequence, top.indent == indent {
                stack.removeLast()
                guard sink.end() else { return .rejected }
            }
            guard let top = stack.last, top.indent == indent, top.isSequence == isItem else { return .unsupported }
        }
        guard isItem else { return entry(at: content, &sink) }
        var item = content + 1
        while item < lineEnd, input[item] == Self.space { item += 1 }
        guard item < lineEnd, input[item] != Self.hash else { return .unsupported }
        if keyEnd(at: item) != nil {
            stack.append((false, item - lineStart))
            guard sink.mappingStart(mark(item)) else { return .rejected }
            return entry(at: item, &sink)
        }
        return value(at: item, &sink)
    }

    /// The position of the first line feed at or after `position` (`memchr`, many bytes at a time).
    private static func lineFeed(in input: UnsafeBufferPointer<UInt8>, from position: Int) -> Int? {
        guard let base = input.baseAddress, position < input.count, let found = memchr(base + position, 0x0A, input.count - position) else {
            return nil
        }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// `---` or `...` followed by a space or the end of the line.
    private func startsMarker(at position: Int) -> Bool {
        guard position + 3 <= lineEnd else { return false }
        let a = input[position], b = input[position + 1], c = input[position + 2]
        guard a == b, b == c, a == Self.dash || a == UInt8(ascii: ".") else { return false }
        return position + 3 == lineEnd || input[position + 3] == Self.space
    }

    /// Where the colon of a key starting at `position` is: a word followed by `:` and a space
    /// or the end of the line.
    @inline(__always)
    private func keyEnd(at position: Int) -> Int? {
        var end = position
        while end < lineEnd, Self.isWordByte(input[end]) { end += 1 }
        guard end > position, end < lineEnd, input[end] == Self.colon else { return nil }
        guard end + 1 == lineEnd || input[end + 1] == Self.space else { return nil }
        return end
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): return true
        default: return false
        }
    }

    /// `key: value` or `key:` (a block value follows on the next lines).
    private mutating func entry<Sink: PolicyEventSink>(at position: Int, _ sink: inout Sink) -> PolicyScanner.Outcome? {
        guard let colon = keyEnd(at: position), let top = stack.last else { return .unsupported }
        guard sink.scalar(slice(position, colon), plain: true, mark: mark(position)) else { return .rejected }
        var value = colon + 1
        while value < lineEnd, input[value] == Self.space { value += 1 }
        if value == lineEnd || input[value] == Self.hash {
            pending = top.indent
            return nil
        }
        return self.value(at: value, &sink)
    }

    /// A value in block context: a quoted, flow or plain scalar, then only a comment.
    private mutating func value<Sink: PolicyEventSink>(at position: Int, _ sink: inout Sink) -> PolicyScanner.Outcome? {
        var end: Int
        switch input[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard let close = quoted(at: position, &sink) else { return .unsupported }
            if close < 0 { return .rejected }
            end = close
        case UInt8(ascii: "["):
            switch flowSequence(at: position, &sink) {
            case .success(let close): end = close
            case .failure(let stop): return stop.outcome
            }
        case UInt8(ascii: "{"):
            switch flowMapping(at: position, &sink) {
            case .success(let close): end = close
            case .failure(let stop): return stop.outcome
            }
        default:
            guard mayStartPlain(at: position, flow: false) else { return .unsupported }
            guard let plainEnd = plainEnd(from: position) else { return .unsupported }
            end = plainEnd
            // The scalar ends at its last byte that is not a space (the first is not one).
            var last = end - 1
            while last > position, input[last] == Self.space { last -= 1 }
            guard sink.scalar(slice(position, last + 1), plain: true, mark: mark(position)) else { return .rejected }
        }
        // Only spaces, then a comment after a space, may follow.
        var rest = end
        while rest < lineEnd, input[rest] == Self.space { rest += 1 }
        if rest == lineEnd { return nil }
        return input[rest] == Self.hash && input[rest - 1] == Self.space ? nil : .unsupported
    }

    /// Where a plain scalar in block context that starts at `position` stops: the line's end or
    /// a comment (`#` after a space); nil at `: ` or a colon ending the line (a mapping in a
    /// value, which libyaml refuses here). Eight bytes at a time while none of them is `#` or
    /// `:` (a value mostly runs to the line's end), then a byte at a time.
    func plainEnd(from position: Int) -> Int? {
        var end = position
        while end < lineEnd {
            if end + 8 <= lineEnd, let word = word(at: end), !Self.holds(word, Self.hash) && !Self.holds(word, Self.colon) {
                end += 8
                continue
            }
            let byte = input[end]
            if byte == Self.hash, end > position, input[end - 1] == Self.space { break }
            if byte == Self.colon, end + 1 == lineEnd || input[end + 1] == Self.space { return nil }
            end += 1
        }
        return end
    }

    /// The eight bytes from `position` (the caller keeps them within the input).
    func word(at position: Int) -> UInt64? {
        guard let base = input.baseAddress else { return nil }
        return UnsafeRawPointer(base).loadUnaligned(fromByteOffset: position, as: UInt64.self)
    }

    /// Whether a byte of `word` is `byte`, exactly: a borrow starts only at a zero byte of the
    /// XOR, so with none no top bit is set; the lowest zero byte always sets its own.
    static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// A single-line quoted scalar given to the sink: where it ends (after the closing quote),
    /// nil when it is not one this scanner reads, -1 when the sink refused it. Escapes read
    /// here: an escaped quote, backslash or slash in double quotes (`\"`, `\\`, `\/`), a doubled
    /// quote in single quotes (`''`); any other escape is left to libyaml.
    private mutating func quoted<Sink: PolicyEventSink>(at position: Int, _ sink: inout Sink) -> Int? {
        let quote = input[position]
        let double = quote == UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        var close = position + 1
        var escaped = false
        while close < lineEnd {
            let byte = input[close]
            if double, byte == backslash {
                guard close + 1 < lineEnd else { return nil }
                switch input[close + 1] {
                case quote, backslash, UInt8(ascii: "/"): break
                default: return nil
                }
                escaped = true
                close += 2
                continue
            }
            if byte == quote {
                // `''` inside a single-quoted scalar is a quote.
                guard !double, close + 1 < lineEnd, input[close + 1] == quote else { break }
                escaped = true
                close += 2
                continue
            }
            close += 1
        }
        guard close < lineEnd else { return nil }
        guard escaped else {
            guard sink.scalar(slice(position + 1, close), plain: false, mark: mark(position)) else { return -1 }
            return close + 1
        }
        // The value without its escapes, in a buffer kept for the next one.
        unescaped.removeAll(keepingCapacity: true)
        var index = position + 1
        while index < close {
            if input[index] == (double ? backslash : quote) { index += 1 }
            unescaped.append(input[index])
            index += 1
        }
        let at = mark(position)
        let taken = unescaped.withUnsafeBufferPointer { sink.scalar($0, plain: false, mark: at) }
        return taken ? close + 1 : -1
    }

    /// A scalar inside a flow collection, given to the sink: where it ends.
    mutating func flowScalar<Sink: PolicyEventSink>(at position: Int, _ sink: inout Sink) -> Result<Int, Stop> {
        let byte = input[position]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            guard let close = quoted(at: position, &sink) else { return .failure(.unsupported) }
            return close < 0 ? .failure(.rejected) : .success(close)
        }
        guard mayStartPlain(at: position, flow: true) else { return .failure(.unsupported) }
        var end = position
        var last = position
        while end < lineEnd {
            let byte = input[end]
            if byte == Self.hash, input[end - 1] == Self.space { break }
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
            case Self.colon, UInt8(ascii: "["), UInt8(ascii: "{"): return .failure(.unsupported)
            default:
                if byte != Self.space { last = end }
                end += 1
                continue
            }
            break
        }
        guard sink.scalar(slice(position, last + 1), plain: true, mark: mark(position)) else { return .failure(.rejected) }
        return .success(end)
    }

    /// `[a, "b"]` on one line: where it ends (after the `]`).
    private mutating func flowSequence<Sink: PolicyEventSink>(at position: Int, _ sink: inout Sink) -> Result<Int, Stop> {
        guard sink.sequenceStart(mark(position)) else { return .failure(.rejected) }
        return flowEntries(after: position, close: UInt8(ascii: "]"), &sink) { scanner, start, sink in
            scanner.flowScalar(at: start, &sink)
        }
    }

    /// `{ lat: 1, lon: 2 }` on one line: where it ends (after the `}`).
    private mutating func flowMapping<Sink: PolicyEventSink>(at position: Int, _ sink: inout Sink) -> Result<Int, Stop> {
        guard sink.mappingStart(mark(position)) else { return .failure(.rejected) }
        return flowEntries(after: position, close: UInt8(ascii: "}"), &sink) { scanner, start, sink in
            // A word, a colon and a space, then the value.
            var keyEnd = start
            while keyEnd < scanner.lineEnd, Self.isWordByte(scanner.input[keyEnd]) { keyEnd += 1 }
            guard keyEnd > start, keyEnd + 1 < scanner.lineEnd, scanner.input[keyEnd] == Self.colon,
                scanner.input[keyEnd + 1] == Self.space
            else {
                return .failure(.unsupported)
            }
            guard sink.scalar(scanner.slice(start, keyEnd), plain: true, mark: scanner.mark(start)) else { return .failure(.rejected) }
            let value = scanner.skipSpaces(keyEnd + 1)
            guard value < scanner.lineEnd else { return .failure(.unsupported) }
            return scanner.flowScalar(at: value, &sink)
        }
    }

    /// The entries of a flow collection opened at `position`, each read by `entry` (from its
    /// first byte to where it ends), separated by commas, up to `close` on the same line (no
    /// trailing comma); the sink is told the collection ends. Where it ends (after `close`).
    private mutating func flowEntries<Sink: PolicyEventSink>(
        after position: Int, close: UInt8, _ sink: inout Sink, entry: (inout Scanner, Int, inout Sink) -> Result<Int, Stop>
    ) -> Result<Int, Stop> {
        var cursor = skipSpaces(position + 1)
        if cursor < lineEnd, input[cursor] == close {
            guard sink.end() else { return .failure(.rejected) }
            return .success(cursor + 1)
        }
        while true {
            guard cursor < lineEnd else { return .failure(.unsupported) }
            switch entry(&self, cursor, &sink) {
            case .success(let end): cursor = skipSpaces(end)
            case .failure(let stop): return .failure(stop)
            }
            guard cursor < lineEnd else { return .failure(.unsupported) }
            if input[cursor] == close {
                guard sink.end() else { return .failure(.rejected) }
                return .success(cursor + 1)
            }
            guard input[cursor] == UInt8(ascii: ",") else { return .failure(.unsupported) }
            cursor = skipSpaces(cursor + 1)
            if cursor < lineEnd, input[cursor] == close { return .failure(.unsupported) }
        }
    }

    /// Whether a plain scalar may start here: not an indicator. `-` may start one when a
    /// character other than a space (or in a flow collection a flow indicator) follows; so may
    /// `?` and `:`, outside flow collections only (inside, libyaml reads them as indicators).
    private func mayStartPlain(at position: Int, flow: Bool) -> Bool {
        switch input[position] {
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), Self.hash,
            UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        case Self.dash, UInt8(ascii: "?"), Self.colon:
            if flow, input[position] != Self.dash { return false }
            guard position + 1 < lineEnd else { return false }
            switch input[position + 1] {
            case Self.space: return false
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): return !flow
            default: return true
            }
        default:
            return true
        }
    }

    func skipSpaces(_ position: Int) -> Int {
        var position = position
        while position < lineEnd, input[position] == Self.space { position += 1 }
        return position
    }

    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: input[start..<end])
    }

    /// The line and column (in characters, as libyaml counts them) of a position on this line,
    /// counted on from the last mark of the line (a line of 200,000 list items stays linear).
    mutating func mark(_ position: Int) -> Mark {
        if nextHigh < lineStart { nextHigh = Self.firstHigh(in: input, from: lineStart) }
        if position <= nextHigh { return Mark(line: line, column: position - lineStart + 1) }
        var (index, column) = lastMark.line == line && lastMark.position <= position ? (lastMark.position, lastMark.column) : (lineStart, 1)
        while index < position {
            if input[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        lastMark = (line, position, column)
        return Mark(line: line, column: column)
    }

    /// The position of the first byte of 0x80 or above at or after `position`, or the input's
    /// count: eight bytes at a time.
    static func firstHigh(in input: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
        let count = input.count
        var index = position
        if let base = input.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
        }
        while index < count, input[index] < 0x80 { index += 1 }
        return index
    }
}
