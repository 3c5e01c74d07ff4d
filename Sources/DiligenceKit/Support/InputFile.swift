import Foundation

/// Reads input files (policies, database files, lists, baselines) safely: regular files only,
/// size checked before reading, located errors.
public enum InputFile {
    /// Reads a file's bytes, refusing anything over `limit` before reading it.
    public static func read(_ path: String, display: String, limit: Int) throws(InputError) -> [UInt8] {
        let start = SourceLocation(file: display, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(start, "no such file")
        }
        if isDirectory.boolValue { throw InputError(start, "is a folder, not a file") }
        // Only regular files: a FIFO or a device named *.yaml would block or never end.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw InputError(start, "not a regular file (a pipe, socket or device?); inputs must be plain files")
        }
        if let size = attributes?[.size] as? Int, size > limit {
            throw InputError(start, "file is \(size) bytes; the limit is \(limit) bytes")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(start, "cannot read file (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw InputError(start, "cannot read file (\(error.localizedDescription))")
        }
        if data.count > limit { throw InputError(start, "file is larger than the limit of \(limit) bytes") }
        return [UInt8](data)
    }
}
