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
        try write(outputs.map { (path: $0.path, parts: [$0.contents]) })
    }

    /// As `write(_:)`, each file's contents given as parts written one after the other.
    public static func write(_ outputs: [(path: String, parts: [String])]) throws(WriteError) {
        try write(outputs.map { (path: $0.path, chunks: $0.parts.map(ReportChunk.text)) })
    }

    /// As `write(_:)`, each file's contents given as chunks written one after the other.
    public static func write(_ outputs: [(path: String, chunks: [ReportChunk])]) throws(WriteError) {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try writeUninterrupted(outputs)
    }

    private static func writeUninterrupted(_ outputs: [(path: String, chunks: [ReportChunk])]) throws(WriteError) {
        var written: [(temporary: String, final: String)] = []
        do {
            for output in outputs {
                // A device or a pipe (`--output /dev/null`, `/dev/stdout`, a FIFO) is written to
                // as it is: renaming a temporary file over it would replace the device itself.
                var status = stat()
                if stat(output.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
                    let descriptor = open(output.path, O_WRONLY | O_CLOEXEC)
                    guard descriptor >= 0 else { throw WriteError(path: output.path, reason: String(cString: strerror(errno))) }
                    defer { close(descriptor) }
                    if let failure = writeAll(output.chunks, to: descriptor) { throw WriteError(path: output.path, reason: failure) }
                    continue
                }
                let url = URL(fileURLWithPath: output.path)
                let folder = url.deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
                let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { throw WriteError(path: output.path, reason: "cannot create \(temporary)") }
                written.append((temporary, output.path))
                let failure = writeAll(output.chunks, to: descriptor)
                close(descriptor)
                if let failure { throw WriteError(path: output.path, reason: failure) }
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

    /// Writes a report's chunks to standard output, without a copy of their bytes.
    public static func writeToStandardOutput(_ chunks: [ReportChunk]) throws(WriteError) {
        if let failure = writeAll(chunks, to: 1) { throw WriteError(path: "standard output", reason: failure) }
    }

    private static func writeAll(_ chunks: [ReportChunk], to descriptor: Int32) -> String? {
        for chunk in chunks {
            switch chunk {
            case .text(let text): if let failure = writeAll(text, to: descriptor) { return failure }
            case .spilled(let file): if let failure = file.copy(to: descriptor) { return failure }
            }
        }
        return nil
    }

    /// Writes the text's UTF-8 bytes as they are stored (no copy of a report of tens of
    /// megabytes); nil on success, else the reason.
    static func writeAll(_ text: String, to descriptor: Int32) -> String? {
        var text = text
        return text.withUTF8 { bytes in writeAll(UnsafeRawBufferPointer(bytes), to: descriptor) }
    }

    /// Writes the bytes, however many calls it takes; nil on success, else the reason.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let count = Glibc.write(descriptor, base + offset, bytes.count - offset)
            #else
            let count = Darwin.write(descriptor, base + offset, bytes.count - offset)
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += count
        }
        return nil
    }
}
