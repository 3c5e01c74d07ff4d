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
    /// Interrupt signals (SIGINT, SIGTERM, SIGHUP) are held back while the temporary files exist
    /// and delivered once they are renamed or removed, so an interrupted run leaves none behind.
    public static func write(_ outputs: [(path: String, contents: String)]) throws(WriteError) {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try writeUninterrupted(outputs)
    }

    private static func writeUninterrupted(_ outputs: [(path: String, contents: String)]) throws(WriteError) {
        var written: [(temporary: String, final: String)] = []
        do {
            for output in outputs {
                // A device or a pipe (`--output /dev/null`, `/dev/stdout`, a FIFO) is written to
                // as it is: renaming a temporary file over it would replace the device itself.
                var status = stat()
                if stat(output.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
                    guard let handle = FileHandle(forWritingAtPath: output.path) else {
                        throw WriteError(path: output.path, reason: "cannot open for writing")
                    }
                    handle.write(Data(output.contents.utf8))
                    try? handle.close()
                    continue
                }
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
