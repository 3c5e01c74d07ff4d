import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line-oriented text input (the names `screen` reads): UTF-8 checked line by line, so that a
/// name that is not UTF-8 is a located error, never a name silently repaired into one that
/// matches nothing.
public enum TextLines {
    /// The lines of UTF-8 text (a BOM skipped, CRLF or LF), or a located error for bad encoding.
    public static func split(_ bytes: [UInt8], file: String) throws(InputError) -> [String] {
        var result: [String] = []
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        for (index, line) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let content = line.last == 0x0D ? line.dropLast() : line
            if let offset = UTF8Check.firstInvalidOffset(Array(content)) {
                let column = String(decoding: content.prefix(offset), as: UTF8.self).unicodeScalars.count + 1
                let byte = String(content[content.startIndex + offset], radix: 16, uppercase: true)
                throw InputError(SourceLocation(file: file, line: index + 1, column: column), "invalid UTF-8 (byte 0x\(byte)); names must be UTF-8 text")
            }
            result.append(String(decoding: content, as: UTF8.self))
        }
        return result
    }

    /// The lines of a file (at most `limit` bytes).
    public static func read(_ path: String, limit: Int) throws(InputError) -> [String] {
        try split(InputFile.read(path, display: path, limit: limit), file: path)
    }

    /// The lines of standard input, or an error once it passes `limit` bytes.
    public static func standardInput(limit: Int) throws(InputError) -> [String] {
        let start = SourceLocation(file: "<stdin>", line: 1, column: 1)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { InputFile.systemRead(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw InputError(start, "cannot read standard input: \(String(cString: strerror(errno)))") }
            if count == 0 { return try split(bytes, file: "<stdin>") }
            bytes += buffer[0..<count]
            if bytes.count > limit { throw InputError(start, "standard input is over \(limit) bytes; screen fewer names at a time") }
        }
    }
}
