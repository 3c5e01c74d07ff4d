import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes reports atomically: to a temporary file beside the target, then renamed over it, so a
/// failing run never leaves a half-written report and earlier reports stay intact.
public enum ReportWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: cannot write report: \(reason)" }
    }

    /// Writes every (path, contents) pair; all contents are rendered before anything is written.
    public static func write(_ outputs: [(path: String, contents: String)]) throws(WriteError) {
        var written: [(temporary: String, final: String)] = []
        do {
            for output in outputs {
                let url = URL(fileURLWithPath: output.path)
                let folder = url.deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
                guard FileManager.default.createFile(atPath: temporary, contents: Data(output.contents.utf8)) else {
                    throw WriteError(path: output.path, reason: "cannot create \(temporary)")
                }
                written.append((temporary, output.path))
            }
        } catch {
            for entry in written { unlink(entry.temporary) }
            if let error = error as? WriteError { throw error }
            throw WriteError(path: outputs.first?.path ?? "", reason: "\(error)")
        }
        for entry in written {
            if rename(entry.temporary, entry.final) != 0 {
                let reason = String(cString: strerror(errno))
                for remaining in written { unlink(remaining.temporary) }
                throw WriteError(path: entry.final, reason: reason)
            }
        }
    }
}
