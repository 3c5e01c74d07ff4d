import CSystem
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes reports atomically, so that a report that a reader finds is always a whole one:
///
/// - one file: to a temporary file beside the target (`mkstemp`: an unpredictable name opened
///   with `O_EXCL`, so a planted link is never followed), then renamed over it;
/// - a set of files in a folder (`--output DIR` with several formats): into a fresh folder
///   beside it, which is then switched with the old one in one step (`renameat2` with
///   `RENAME_EXCHANGE`), so the set is all old or all new whenever the process dies.
///
/// A report written over an existing one keeps that file's permissions. Temporary files and
/// folders left by a run that was killed are removed by the next run that writes beside them.
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

    /// As `write(_:)`, each file's contents given as chunks written one after the other. Each
    /// file is replaced atomically on its own; use `writeSet` for files that belong together.
    static func write(_ outputs: [(path: String, chunks: [ReportChunk])]) throws(WriteError) {
        try withSignalsHeld { () throws(WriteError) in try writeFiles(outputs) }
    }

    /// Writes files named `name` into `folder` as one set: the folder is built anew beside the
    /// old one and switched with it in one step, so a reader (or a run killed at any moment)
    /// sees every old file or every new one. Files of the old folder that are not part of the
    /// set are kept (linked into the new one). A folder holding sub-folders is refused: it is
    /// not a report folder, and moving its sub-folders could not be undone by a crash.
    static func writeSet(folder: String, files: [(name: String, chunks: [ReportChunk])]) throws(WriteError) {
        try withSignalsHeld { () throws(WriteError) in try writeFolder(folder, files) }
    }

    private static func withSignalsHeld(_ body: () throws(WriteError) -> Void) throws(WriteError) {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try body()
    }

    private static func writeFiles(_ outputs: [(path: String, chunks: [ReportChunk])]) throws(WriteError) {
        var written: [(temporary: String, final: String)] = []
        do throws(WriteError) {
            for output in outputs {
                // A device or a pipe (`--output /dev/null`, `/dev/stdout`, a FIFO) is written to
                // as it is: renaming a temporary file over it would replace the device itself.
                var status = stat()
                if stat(output.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
                    let descriptor = open(output.path, O_WRONLY | O_CLOEXEC)
                    guard descriptor >= 0 else { throw WriteError(path: output.path, reason: errorText()) }
                    defer { close(descriptor) }
                    if let failure = writeAll(output.chunks, to: descriptor) { throw WriteError(path: output.path, reason: failure) }
                    continue
                }
                let url = URL(fileURLWithPath: output.path)
                let folder = url.deletingLastPathComponent().path
                try makeFolder(folder, for: output.path)
                TemporaryNames.removeStale(in: folder)
                let (temporary, descriptor) = try createTemporaryFile(in: folder, for: url.lastPathComponent, target: output.path)
                written.append((temporary, output.path))
                let failure = writeAll(output.chunks, to: descriptor)
                close(descriptor)
                if let failure { throw WriteError(path: output.path, reason: failure) }
            }
        } catch {
            for entry in written { unlink(entry.temporary) }
            throw error
        }
        for entry in written {
            if rename(entry.temporary, entry.final) != 0 {
                let reason = errorText()
                for remaining in written { unlink(remaining.temporary) }
                throw WriteError(path: entry.final, reason: reason)
            }
        }
    }

    private static func writeFolder(_ requested: String, _ files: [(name: String, chunks: [ReportChunk])]) throws(WriteError) {
        // An absolute path without `.` or `..`; a link to a folder is followed: the folder it
        // names is the one switched.
        var folder = URL(fileURLWithPath: requested).standardizedFileURL.path
        var status = stat()
        let exists = lstat(folder, &status) == 0
        if exists, status.st_mode & S_IFMT == S_IFLNK {
            folder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
            guard stat(folder, &status) == 0 else { throw WriteError(path: requested, reason: "the link leads nowhere") }
        }
        if exists, status.st_mode & S_IFMT != S_IFDIR {
            throw WriteError(path: requested, reason: "not a folder (several formats are written as files in a folder)")
        }
        // The set replaces the folder as a whole: never the folder a shell stands in (or above it).
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        if exists, current == resolved || current.hasPrefix(resolved.hasSuffix("/") ? resolved : resolved + "/") {
            throw WriteError(
                path: requested,
                reason: "the current folder (or one above it); reports are switched in as a whole folder, so give --output a folder of their own")
        }
        let url = URL(fileURLWithPath: folder)
        let parent = url.deletingLastPathComponent().path
        try makeFolder(parent, for: folder)
        TemporaryNames.removeStale(in: parent)
        // Every check that can fail comes before anything is written.
        var kept: [(name: String, isLink: Bool)] = []
        if exists {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                throw WriteError(path: requested, reason: "cannot read the folder (\(error.localizedDescription))")
            }
            let ours = Set(files.map(\.name))
            for name in names.sorted() where !ours.contains(name) {
                var entry = stat()
                guard lstat(folder + "/" + name, &entry) == 0 else { continue }
                switch entry.st_mode & S_IFMT {
                case S_IFREG: kept.append((name, false))
                case S_IFLNK: kept.append((name, true))
                default:
                    throw WriteError(
                        path: requested,
                        reason:
                            "the folder holds `\(name)`, which is not a file; reports are switched in as a whole folder, so give --output a folder of their own"
                    )
                }
            }
        }
        let staging = try createTemporaryFolder(in: parent, for: url.lastPathComponent)
        do throws(WriteError) {
            for file in files {
                let path = staging + "/" + file.name
                let mode = existingMode(folder + "/" + file.name) ?? defaultFileMode
                let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
                guard descriptor >= 0 else { throw WriteError(path: folder + "/" + file.name, reason: errorText()) }
                fchmod(descriptor, mode)
                let failure = writeAll(file.chunks, to: descriptor)
                close(descriptor)
                if let failure { throw WriteError(path: folder + "/" + file.name, reason: failure) }
            }
            for entry in kept {
                let source = folder + "/" + entry.name, target = staging + "/" + entry.name
                if entry.isLink {
                    guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: source),
                        symlink(destination, target) == 0
                    else {
                        throw WriteError(path: requested, reason: "cannot keep the link `\(entry.name)` (\(errorText()))")
                    }
                } else if link(source, target) != 0 {
                    throw WriteError(path: requested, reason: "cannot keep `\(entry.name)` (\(errorText()))")
                }
            }
            chmod(staging, exists ? status.st_mode & 0o7777 : defaultFolderMode)
            if !exists {
                guard rename(staging, folder) == 0 else { throw WriteError(path: requested, reason: errorText()) }
                return
            }
            if renameat2(AT_FDCWD, staging, AT_FDCWD, folder, UInt32(DILIGENCE_RENAME_EXCHANGE)) == 0 {
                // The old set now stands at the staging name: remove it (a kill here leaves it
                // for the next run to remove).
                try? FileManager.default.removeItem(atPath: staging)
                return
            }
            // A file system without the exchange (EINVAL, ENOSYS): file by file, each atomic.
            guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
                throw WriteError(path: requested, reason: errorText())
            }
            for file in files where rename(staging + "/" + file.name, folder + "/" + file.name) != 0 {
                throw WriteError(path: folder + "/" + file.name, reason: errorText())
            }
            try? FileManager.default.removeItem(atPath: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Creates `folder` (and its parents) when missing.
    private static func makeFolder(_ folder: String, for path: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create the folder \(folder) (\(error.localizedDescription))")
        }
    }

    /// A new file with an unpredictable name beside `target` (`mkstemp`: `O_CREAT | O_EXCL`, so
    /// an existing file or link of that name is never opened), with the target's permissions
    /// when it exists.
    private static func createTemporaryFile(in folder: String, for name: String, target: String) throws(WriteError) -> (String, Int32) {
        var template = Array(TemporaryNames.template(in: folder, for: name).utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw WriteError(path: target, reason: "cannot create a temporary file in \(folder): \(errorText())") }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        fchmod(descriptor, existingMode(target) ?? defaultFileMode)
        return (path, descriptor)
    }

    private static func createTemporaryFolder(in parent: String, for name: String) throws(WriteError) -> String {
        var template = Array(TemporaryNames.template(in: parent, for: name).utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw WriteError(path: parent + "/" + name, reason: "cannot create a temporary folder in \(parent): \(errorText())") }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The permission bits of an existing regular file, nil when there is none.
    private static func existingMode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return status.st_mode & 0o7777
    }

    /// What `open(path, O_CREAT, 0o644)` and `mkdir(path, 0o777)` would give under the umask.
    private static var defaultFileMode: mode_t { 0o644 & ~currentUmask }
    private static var defaultFolderMode: mode_t { 0o777 & ~currentUmask }
    private static var currentUmask: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    /// Writes a report to standard output, without a copy of its bytes.
    public static func writeToStandardOutput(_ report: ReportContent) throws(WriteError) {
        try writeToStandardOutput(report.chunks)
    }

    /// Writes a report's chunks to standard output, without a copy of their bytes.
    static func writeToStandardOutput(_ chunks: [ReportChunk]) throws(WriteError) {
        if let failure = writeAll(chunks, to: 1) { throw WriteError(path: "standard output", reason: failure) }
    }

    private static func writeAll(_ chunks: [ReportChunk], to descriptor: Int32) -> String? {
        for chunk in chunks {
            switch chunk {
            case .text(let text): if let failure = writeAll(text, to: descriptor) { return failure }
            case .spilled(let file): if let failure = file.copy(to: descriptor) { return failure }
            case .spilledSection(let file, let index): if let failure = file.copy(section: index, to: descriptor) { return failure }
            case .deferred(let text):
                var failure: String?
                text.write { part in
                    failure = writeAll(part, to: descriptor)
                    return failure == nil
                }
                if let failure { return failure }
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
