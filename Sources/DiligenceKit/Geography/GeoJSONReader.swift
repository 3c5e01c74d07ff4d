/// Reads the polygons of a GeoJSON file (RFC 7946): a Polygon, a MultiPolygon, a Feature whose
/// geometry is one of them, or a FeatureCollection of such features. Every problem is located
/// (`file:line:column`), and hostile files are bounded (`GeoJSONLimits`).
///
/// The JSON is read by a small parser of its own that keeps the line and column of every value.
/// It recurses at most `maxDepth` levels, so nesting cannot overflow the stack. Other geometry
/// types (points, lines) are errors: an area must enclose something.
public enum GeoJSONReader {
    /// Bounds on one GeoJSON file.
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var maxVertices: Int
        public var maxPolygons: Int
        public var maxDepth: Int

        /// JSON values (objects, arrays, strings; a position counts once) before positions are checked.
        public var maxValues: Int

        /// 32 MiB, 1,000,000 positions, 100,000 polygons, 32 levels of nesting, 2,000,000 values.
        public static let standard = Limits(maxBytes: 32 << 20, maxVertices: 1_000_000, maxPolygons: 100_000, maxDepth: 32, maxValues: 2_000_000)
    }

    /// The polygons of `bytes` (the file's display path is `file`).
    public static func read(_ bytes: [UInt8], file: String, limits: Limits = .standard) throws(InputError) -> AreaGeometry {
        if bytes.count > limits.maxBytes {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "GeoJSON file is \(bytes.count) bytes; the limit is \(limits.maxBytes) bytes")
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let offset = UTF8Check.firstInvalidOffset(bytes[start...]) {
            throw InputError(
                location(of: start + offset, in: bytes, file: file),
                "invalid UTF-8 (byte 0x\(String(bytes[start + offset], radix: 16, uppercase: true))); save the file as UTF-8")
        }
        var parser = JSONParser(bytes: bytes, position: start, file: file, maxDepth: limits.maxDepth, maxValues: limits.maxValues)
        let root = try parser.parseDocument()
        var builder = Builder(file: file, limits: limits)
        builder.root(root)
        if !builder.problems.isEmpty { throw InputError(builder.problems) }
        if builder.polygons.isEmpty {
            throw InputError(SourceLocation(file: file, line: root.line, column: root.column), "no polygon in this GeoJSON file")
        }
        return AreaGeometry(polygons: builder.polygons)
    }

    static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, column = 1
        for index in 0..<min(offset, bytes.count) {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    // MARK: JSON with locations

    indirect enum JSON {
        case object([(key: String, value: Node)])
        case array([Node])
        /// An array of numbers only (a position), kept compact.
        case numbers([Double])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    struct Node {
        var value: JSON
        var line: Int
        var column: Int

        var kind: String {
            switch value {
            case .object: return "an object"
            case .array, .numbers: return "an array"
            case .string: return "a string"
            case .number: return "a number"
            case .bool: return "true or false"
            case .null: return "null"
            }
        }

        func member(_ key: String) -> Node? {
            if case .object(let members) = value { return members.first { $0.key == key }?.value }
            return nil
        }
    }

    struct JSONParser {
        let bytes: [UInt8]
        var position: Int
        let file: String
        let maxDepth: Int
        let maxValues: Int
        var values = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8], position: Int, file: String, maxDepth: Int, maxValues: Int) {
            self.bytes = bytes
            self.position = position
            self.file = file
            self.maxDepth = maxDepth
            self.maxValues = maxValues
        }

        func error(_ message: String) -> InputError {
            InputError(SourceLocation(file: file, line: line, column: column), message)
        }

        mutating func advance() {
            if bytes[position] == 0x0A {
                line += 1
                column = 1
            } else if bytes[position] & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }

        /// After an item of an object or array: true past a `,` (another item follows), false
        /// past the closing bracket; an error for anything else. `what` names the container in
        /// that error (default: `container`).
        mutating func another(closing: Unicode.Scalar, in container: String, what: String? = nil) throws(InputError) -> Bool {
            skipSpace()
            guard position < bytes.count else { throw error("unexpected end of file inside \(container)") }
            if bytes[position] == UInt8(ascii: ",") {
                advance()
                return true
            }
            if bytes[position] == UInt8(ascii: closing) {
                advance()
                return false
            }
            throw error("expected `,` or `\(closing)` in \(what ?? container)")
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { advance() }
        }

        mutating func parseDocument() throws(InputError) -> Node {
            skipSpace()
            if position >= bytes.count { throw error("empty GeoJSON file") }
            let node = try parseValue(depth: 0)
            skipSpace()
            if position < bytes.count { throw error("unexpected text after the end of the JSON value") }
            return node
        }

        mutating func parseValue(depth: Int) throws(InputError) -> Node {
            guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
            skipSpace()
            guard position < bytes.count else { throw error("unexpected end of file; a value was expected") }
            values += 1
            guard values <= maxValues else { throw error("more than \(maxValues) JSON values; simplify the boundary") }
            let startLine = line, startColumn = column
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"):
                advance()
                var members: [(key: String, value: Node)] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    advance()
                    return Node(value: .object(members), line: startLine, column: startColumn)
                }
                while true {
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
                    let key = try parseString()
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected `:` after the member name") }
                    advance()
                    let value = try parseValue(depth: depth + 1)
                    if members.contains(where: { $0.key == key }) {
                        throw InputError(SourceLocation(file: file, line: value.line, column: value.column), "duplicate member `\(key)`")
                    }
                    members.append((key, value))
                    if try !another(closing: "}", in: "an object") { break }
                }
                return Node(value: .object(members), line: startLine, column: startColumn)
            case UInt8(ascii: "["):
                advance()
                var items: [Node] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    advance()
                    return Node(value: .array(items), line: startLine, column: startColumn)
                }
                // An array of numbers (a position) is kept as numbers, one value in all.
                if position < bytes.count,
                    bytes[position] == UInt8(ascii: "-") || (bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9"))
                {
                    var numbers: [Double] = []
                    while true {
                        skipSpace()
                        guard numbers.count < 16 else { throw error("a position with more than 16 numbers") }
                        numbers.append(try parseNumber())
                        if try !another(closing: "]", in: "an array", what: "an array of numbers") { break }
                    }
                    return Node(value: .numbers(numbers), line: startLine, column: startColumn)
                }
                while true {
                    items.append(try parseValue(depth: depth + 1))
                    if try !another(closing: "]", in: "an array") { break }
                }
                return Node(value: .array(items), line: startLine, column: startColumn)
            case UInt8(ascii: "\""):
                return Node(value: .string(try parseString()), line: startLine, column: startColumn)
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                for (word, value) in [("true", JSON.bool(true)), ("false", .bool(false)), ("null", .null)] where bytes[position...].starts(with: word.utf8) {
                    for _ in word.utf8 { advance() }
                    return Node(value: value, line: startLine, column: startColumn)
                }
                throw error("unexpected word; expected true, false or null")
            default:
                return Node(value: .number(try parseNumber()), line: startLine, column: startColumn)
            }
        }

        mutating func parseString() throws(InputError) -> String {
            advance()  // opening quote
            var out: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { advance(); return String(decoding: out, as: UTF8.self) }
                if byte < 0x20 { throw error("control character inside a string") }
                if byte == UInt8(ascii: "\\") {
                    advance()
                    guard position < bytes.count else { break }
                    let escape = bytes[position]
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard position + 4 < bytes.count,
                            let code = UInt32(String(decoding: bytes[(position + 1)...(position + 4)], as: UTF8.self), radix: 16)
                        else {
                            throw error("bad \\u escape")
                        }
                        for _ in 0..<4 { advance() }
                        out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                    default: throw error("bad escape in a string")
                    }
                    advance()
                    continue
                }
                out.append(byte)
                advance()
            }
            throw error("a string is never closed")
        }

        mutating func parseNumber() throws(InputError) -> Double {
            let start = position
            while position < bytes.count, let byte = Optional(bytes[position]),
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(byte)
            {
                advance()
                if position - start > 64 { throw error("a number longer than 64 characters") }
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard !text.isEmpty, text.first != "+", let value = Double(text), value.isFinite else {
                if text.isEmpty { throw error("unexpected character; a JSON value was expected") }
                throw error("`\(text)` is not a JSON number")
            }
            return value
        }
    }

    // MARK: GeoJSON structure

    struct Builder {
        let file: String
        let limits: Limits
        var polygons: [AreaGeometry.Polygon] = []
        var problems: [Diagnostic] = []
        var vertices = 0

        init(file: String, limits: Limits) {
            self.file = file
            self.limits = limits
        }

        mutating func problem(_ node: Node, _ message: String) {
            guard problems.count < DiagnosticSink.maxErrors else { return }
            problems.append(Diagnostic(SourceLocation(file: file, line: node.line, column: node.column), .error, message))
        }

        mutating func root(_ node: Node) {
            guard case .object = node.value else {
                problem(node, "a GeoJSON file holds an object with a `type`, found \(node.kind)")
                return
            }
            switch typeName(node) {
            case "FeatureCollection":
                guard let features = node.member("features") else { problem(node, "a FeatureCollection needs `features`"); return }
                guard case .array(let items) = features.value else { problem(features, "`features` must be an array, found \(features.kind)"); return }
                for item in items { feature(item) }
            case "Feature": feature(node)
            case .some: geometry(node)
            case nil: break
            }
        }

        mutating func typeName(_ node: Node) -> String? {
            guard let type = node.member("type") else { problem(node, "a GeoJSON object needs a `type`"); return nil }
            guard case .string(let name) = type.value else { problem(type, "`type` must be a string, found \(type.kind)"); return nil }
            return name
        }

        mutating func feature(_ node: Node) {
            guard case .object = node.value else { problem(node, "a feature must be an object, found \(node.kind)"); return }
            guard let name = typeName(node) else { return }
            guard name == "Feature" else { problem(node, "expected a Feature in `features`, found `\(name)`"); return }
            guard let geometry = node.member("geometry") else { problem(node, "a Feature needs a `geometry`"); return }
            if case .null = geometry.value { problem(geometry, "a Feature without geometry (null) cannot be an area"); return }
            self.geometry(geometry)
        }

        mutating func geometry(_ node: Node) {
            guard case .object = node.value else { problem(node, "a geometry must be an object, found \(node.kind)"); return }
            guard let name = typeName(node) else { return }
            guard let coordinates = node.member("coordinates") else {
                if name == "GeometryCollection" {
                    problem(node, "GeometryCollection is not supported; use a MultiPolygon")
                } else {
                    problem(node, "a \(name) needs `coordinates`")
                }
                return
            }
            switch name {
            case "Polygon":
                if let polygon = polygon(coordinates) { add(polygon, coordinates) }
            case "MultiPolygon":
                guard case .array(let items) = coordinates.value else {
                    problem(coordinates, "MultiPolygon `coordinates` must be an array of polygons, found \(coordinates.kind)"); return
                }
                for item in items { if let polygon = polygon(item) { add(polygon, item) } }
            case "Point", "MultiPoint", "LineString", "MultiLineString":
                problem(node, "a \(name) encloses no area; an area needs a Polygon or MultiPolygon")
            default:
                problem(node, "unknown geometry type `\(name)`; expected Polygon, MultiPolygon, Feature or FeatureCollection")
            }
        }

        mutating func add(_ polygon: AreaGeometry.Polygon, _ node: Node) {
            guard polygons.count < limits.maxPolygons else {
                problem(node, "more than \(limits.maxPolygons) polygons in one file")
                return
            }
            polygons.append(polygon)
        }

        mutating func polygon(_ node: Node) -> AreaGeometry.Polygon? {
            guard case .array(let ringNodes) = node.value, !ringNodes.isEmpty else {
                problem(node, "a polygon is an array of rings (the outer boundary first), found \(node.kind)")
                return nil
            }
            var rings: [[Coordinate]] = []
            for ringNode in ringNodes {
                guard case .array(let positions) = ringNode.value else {
                    problem(ringNode, "a ring is an array of positions, found \(ringNode.kind)"); return nil
                }
                vertices += positions.count
                if vertices > limits.maxVertices {
                    problem(ringNode, "more than \(limits.maxVertices) positions in one file; simplify the boundary")
                    return nil
                }
                var ring: [Coordinate] = []
                ring.reserveCapacity(positions.count)
                for position in positions {
                    guard let coordinate = self.position(position) else { return nil }
                    ring.append(coordinate)
                }
                guard ring.count >= 4 else {
                    problem(ringNode, "a ring needs at least 4 positions (a triangle and its first position repeated), found \(ring.count)"); return nil
                }
                guard let first = ring.first, let last = ring.last, first == last else {
                    problem(ringNode, "a ring must be closed: its last position must repeat its first")
                    return nil
                }
                rings.append(ring)
            }
            return AreaGeometry.Polygon(rings: rings)
        }

        mutating func position(_ node: Node) -> Coordinate? {
            guard case .numbers(let numbers) = node.value, numbers.count >= 2 else {
                problem(node, "a position is [longitude, latitude] in numbers, found \(node.kind)")
                return nil
            }
            let lon = numbers[0], lat = numbers[1]
            guard (-180...180).contains(lon) else { problem(node, "longitude \(lon) is outside -180 to 180 (positions are [longitude, latitude])"); return nil }
            guard (-90...90).contains(lat) else { problem(node, "latitude \(lat) is outside -90 to 90 (positions are [longitude, latitude])"); return nil }
            return Coordinate(lat: lat, lon: lon)
        }
    }
}
