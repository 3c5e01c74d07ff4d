/// A CSV file read by RFC 4180: fields separated by commas, records by CRLF or LF, fields in
/// double quotes may hold commas, line breaks and doubled quotes (`""`). Every record keeps the
/// line and column where each of its fields starts, for located errors.
///
/// Encoding: UTF-8 when the bytes are valid UTF-8 (a BOM is skipped), otherwise Latin-1, the
/// encoding of OFAC's legacy files. A UTF-16 or UTF-32 byte order mark, a NUL byte or another
/// control character (other than tab, CR and LF) is bad encoding. A DOS end-of-file mark
/// (Ctrl-Z, 0x1A) as the last byte is ignored.
public struct CSVReader: Sendable {
    /// A record: its fields and where each starts (1-based line, column in characters).
    public struct Record: Sendable, Hashable {
        public var fields: [String]
        public var line: Int
        public var columns: [Int]

        /// The location of field `index` (the record's start when out of range).
        public func location(_ index: Int, file: String) -> SourceLocation {
            SourceLocation(file: file, line: line, column: columns.indices.contains(index) ? columns[index] : 1)
        }
    }

    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case latin1 = "Latin-1"
    }

    public let file: String
    public let records: [Record]
    public let encoding: Encoding

    /// Parses the bytes of `file` like `init(bytes:file:)`; a file without a single record is
    /// an error that says what it lacks ("empty file: no header and no events").
    init(bytes: [UInt8], file: String, emptyLacks lacking: String) throws(InputError) {
        try self.init(bytes: bytes, file: file)
        guard !records.isEmpty else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "empty file: \(lacking)")
        }
    }

    /// Parses the bytes of `file` (its display path, for errors).
    public init(bytes: [UInt8], file: String) throws(InputError) {
        self.file = file
        var bytes = bytes
        if bytes.last == 0x1A { bytes.removeLast() }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "bad encoding: UTF-16 or UTF-32 byte order mark; save the file as UTF-8")
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let isUTF8 = Self.isValidUTF8(bytes[start...])
        encoding = isUTF8 ? .utf8 : .latin1
        records = try Self.parse(bytes, from: start, utf8: isUTF8, file: file)
    }

    /// Whether the bytes are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        UTF8Check.firstInvalidOffset(bytes) == nil
    }

    static func parse(_ bytes: [UInt8], from start: Int, utf8: Bool, file: String) throws(InputError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var columns: [Int] = []
        var field: [UInt8] = []
        var line = 1, column = 1
        var recordLine = 1
        var fieldColumn = 1
        var index = start
        var inQuotes = false, wasQuoted = false, afterQuote = false
        var quoteLine = 1, quoteColumn = 1

        func text(_ bytes: [UInt8]) -> String {
            utf8 ? String(decoding: bytes, as: UTF8.self) : String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        }
        func endField() {
            fields.append(text(field))
            columns.append(fieldColumn)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
            afterQuote = false
        }
        func endRecord() {
            let quoted = wasQuoted
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !quoted) {
                records.append(Record(fields: fields, line: recordLine, columns: columns))
            }
            fields.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            // Control characters other than tab, CR and LF are not text.
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                throw InputError(
                    SourceLocation(file: file, line: line, column: column),
                    byte == 0
                        ? "bad encoding: NUL byte (a binary file, or UTF-16 text?)"
                        : "bad encoding: control character 0x\(String(byte, radix: 16, uppercase: true))")
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    field.append(byte)
                    if byte == 0x0A {
                        line += 1
                        column = 0
                    }
                }
            } else if byte == UInt8(ascii: ",") {
                endField()
                fieldColumn = column + 1
            } else if byte == 0x0A || byte == 0x0D {
                endRecord()
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                index += 1
                line += 1
                column = 1
                recordLine = line
                fieldColumn = 1
                continue
            } else if byte == UInt8(ascii: "\"") {
                guard field.allSatisfy({ $0 == 0x20 }), !afterQuote else {
                    throw InputError(
                        SourceLocation(file: file, line: line, column: column),
                        "a quote inside an unquoted field; quote the whole field and double the quotes inside (\"\")")
                }
                field.removeAll()
                inQuotes = true
                wasQuoted = true
                quoteLine = line
                quoteColumn = column
            } else if afterQuote {
                guard byte == 0x20 || byte == 0x09 else {
                    throw InputError(
                        SourceLocation(file: file, line: line, column: column),
                        "text after the closing quote of a field; expected a comma or the end of the line")
                }
            } else {
                field.append(byte)
            }
            // Columns count characters: UTF-8 continuation bytes do not start one.
            if !utf8 || byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        if inQuotes {
            throw InputError(SourceLocation(file: file, line: quoteLine, column: quoteColumn), "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
