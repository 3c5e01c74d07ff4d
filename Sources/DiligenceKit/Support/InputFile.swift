import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads input files (policies, database files, lists, baselines) safely: regular files only,
/// size checked before reading, located errors. One `open`, one `fstat` and the reads: a
/// portfolio is thousands of small files.
public enum InputFile {
    /// Reads a file's bytes, refusing anything over `limit` before reading it.
    public static func read(_ path: String, display: String, limit: Int) throws(InputError) -> [UInt8] {
        let start = SourceLocation(file: display, line: 1, column: 1)
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below).
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw InputError(start, "no such file")
            case EACCES, EPERM: throw InputError(start, "cannot read file (permission denied?)")
            default: throw InputError(start, "cannot read file (\(String(cString: strerror(errno))))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw InputError(start, "cannot read file (\(String(cString: strerror(errno))))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw InputError(start, "is a folder, not a file")
        // A FIFO or a device named *.yaml would block or never end.
        default: throw InputError(start, "not a regular file (a pipe, socket or device?); inputs must be plain files")
        }
        let size = Int(status.st_size)
        if size > limit { throw InputError(start, "file is \(size) bytes; the limit is \(limit) bytes") }
        // Read straight into the array; a file that grew since `fstat` is read on, up to limit + 1.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: min(size, limit) + 1) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let got = systemRead(descriptor, base + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        // Only a file that grew needs the chunk.
        var chunk = bytes.count == min(size, limit) + 1 ? [UInt8](repeating: 0, count: 1 << 16) : []
        while failure == 0, bytes.count == min(size, limit) + 1, bytes.count <= limit {
            let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else if got == 0 {
                break
            } else {
                bytes.append(contentsOf: chunk[0..<got])
                if bytes.count > limit { break }
            }
        }
        if failure != 0 { throw InputError(start, "cannot read file (\(String(cString: strerror(failure))))") }
        if bytes.count > limit { throw InputError(start, "file is larger than the limit of \(limit) bytes") }
        return bytes
    }

    /// `read(2)`, named apart from the methods called `read`.
    static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
