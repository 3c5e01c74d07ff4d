#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many bytes one policy file may add to each report: a fixed allowance plus a multiple of
/// the file's own size. Aliases cannot multiply a file's text (the YAML reader charges an alias
/// the text it repeats), so this is the second line: a file whose findings would still write
/// far more than it holds (thousands of events cited per finding, say) stops the run with a
/// located error instead of filling the disk and the memory of a CI machine.
public enum ReportBudget {
    /// Bytes every file may add to a report, whatever its size.
    public static let allowance = 16 << 20
    /// Bytes a file may add per byte it holds.
    public static let perInputByte = 32

    /// The budget of a file of `size` bytes, per report.
    public static func bytes(forFileOf size: Int) -> Int { allowance + perInputByte * size }

    /// A located error when one reporter's sections for the file are over its budget.
    static func overrun(_ sections: [[ReportSection]], reporters: [any Reporter], file: String) -> Diagnostic? {
        var status = stat()
        let size = stat(file, &status) == 0 ? Int(status.st_size) : 0
        let budget = bytes(forFileOf: size)
        for (reporter, parts) in zip(reporters, sections) {
            let written = parts.reduce(0) { $0 + $1.byteCount }
            if written > budget {
                return Diagnostic(
                    SourceLocation(file: file, line: 1, column: 1), .error,
                    "its \(reporter.format.rawValue) report would be \(written) bytes, over the \(budget) bytes a file of \(size) bytes may write (\(allowance >> 20) MiB + \(perInputByte) per byte); check its operations in smaller files"
                )
            }
        }
        return nil
    }
}
