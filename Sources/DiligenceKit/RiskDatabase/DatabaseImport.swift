import Foundation

/// `db import --into DB`: where an imported file goes in a database, what `database.yaml` then
/// says about its source, and whether the database would still load. Nothing is written here:
/// the caller writes `writes` (atomically) only when `plan` returns.
public struct DatabaseImport: Sendable {
    /// The files to write, as full paths, with their new contents.
    public var writes: [(path: String, contents: String)]
    /// The file the import goes to, relative to the database folder.
    public var target: String
    /// The database as it will load after the writes.
    public var database: RiskDatabase

    /// Plans the import of `snapshot` (its file's text made by `text`) into the database at
    /// `folder`: the file replaces the database's full snapshot of the same source if it has one
    /// (`lists/ofac.yaml` stays `lists/ofac.yaml`), else it goes to the source's default path
    /// (`lists/ofac-sdn.yaml`, `factors/stop.yaml`...); `database.yaml` gets the source's entry
    /// (name, snapshot date, licence, file and input digests), replaced if it had one. Throws the
    /// load's problems when the result would not load.
    public static func plan(
        folder: String, snapshot: DataSnapshot, source: DataSource, text: String,
        loader: RiskDatabaseLoader
    ) throws(InputError) -> DatabaseImport {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw InputError(
                SourceLocation(file: folder, line: 1, column: 1), "not a folder: --into takes a risk database folder (a copy of seeds/, or a new folder)")
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        // A new database: the folder is made, with a database.yaml naming it.
        let discovery = exists ? FileDiscovery.scan(folder) : FileDiscovery.Discovery()
        var problems = discovery.problems
        var files: [(relative: String, display: String, bytes: [UInt8])] = []
        for path in discovery.files {
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            do throws(InputError) {
                files.append((relative, base + relative, try InputFile.read(path, display: base + relative, limit: loader.limits.maxBytes)))
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        // The database's own full snapshot of this source, if any, is replaced in place.
        var target = snapshot.source.defaultPath
        for file in files where RiskDatabaseLoader.isYAML(file.relative) && !file.relative.hasPrefix("vocabularies/") {
            if let existing = loader.scannedSnapshot(file.bytes, relative: file.relative, display: file.display),
                existing.source == snapshot.source, !existing.excerpt
            {
                target = file.relative
                break
            }
        }
        if !files.contains(where: { $0.relative == "database.yaml" }) {
            let name = (folder as NSString).lastPathComponent
            let text =
                "# Risk database made by `diligence db import --into`: its sources are recorded below, one per import.\n"
                + "database:\n  name: \(ListWriter.quoted(name.isEmpty ? "imported data" : name))\n  version: \(ListWriter.quoted(snapshot.date.description))\n"
            files.append(("database.yaml", base + "database.yaml", Array(text.utf8)))
        }
        guard let metadataIndex = files.firstIndex(where: { $0.relative == "database.yaml" }) else { throw InputError(problems) }
        var entry = source
        entry.date = snapshot.date.description
        entry.file = target
        entry.inputs = snapshot.inputs
        let metadataText = String(decoding: files[metadataIndex].bytes, as: UTF8.self)
        let newMetadata = try SourceEntryEditor.upsert(entry, in: metadataText, file: files[metadataIndex].display)
        files[metadataIndex].bytes = Array(newMetadata.utf8)
        let newBytes = Array(text.utf8)
        if let index = files.firstIndex(where: { $0.relative == target }) {
            files[index].bytes = newBytes
        } else {
            files.append((target, base + target, newBytes))
        }
        let database = try loader.load(files: files, path: folder)
        return DatabaseImport(writes: [(base + target, text), (base + "database.yaml", newMetadata)], target: target, database: database)
    }
}

/// Edits the `sources:` list of a `database.yaml` as text, so that its comments and layout stay:
/// the entry with the same `id` is replaced, or a new one is added at the end of the list.
enum SourceEntryEditor {
    static func upsert(_ source: DataSource, in text: String, file: String) throws(InputError) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let entry = render(source)
        guard let root = try YAMLReader.read(Array(text.utf8), file: file, limits: .database),
            case .mapping(let pairs) = root.content
        else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "database.yaml is not a mapping")
        }
        guard let sources = pairs.first(where: { $0.key.scalar == "sources" })?.value else {
            return (lines + ["sources:"] + entry).joined(separator: "\n") + "\n"
        }
        guard case .sequence(let items) = sources.content else {
            if sources.scalar == nil || sources.scalar == "" {
                // `sources:` with nothing after it.
                let line = pairs.first(where: { $0.key.scalar == "sources" })?.key.mark.line ?? lines.count
                lines.insert(contentsOf: entry, at: min(line, lines.count))
                return lines.joined(separator: "\n") + "\n"
            }
            throw InputError(SourceLocation(file: file, line: sources.mark.line, column: sources.mark.column), "`sources` must be a list")
        }
        // Each item spans from its line to the line before the next one that is indented less
        // than the item's keys (the next `- `, or the next top-level key).
        var spans: [(id: String?, start: Int, end: Int)] = []
        for item in items {
            guard case .mapping(let keys) = item.content else {
                throw InputError(SourceLocation(file: file, line: item.mark.line, column: item.mark.column), "a source must be a mapping")
            }
            let before = lines[item.mark.line - 1].prefix(max(0, item.mark.column - 1)).trimmingCharacters(in: .whitespaces)
            guard before == "-" else {
                throw InputError(
                    SourceLocation(file: file, line: item.mark.line, column: item.mark.column),
                    "write `sources` as a block list (`- id: ...` lines) for `db import --into` to edit it")
            }
            let start = item.mark.line - 1
            var end = start + 1
            let indent = item.mark.column - 1
            while end < lines.count {
                let line = lines[end]
                let trimmed = line.drop { $0 == " " }
                if !trimmed.isEmpty, !trimmed.hasPrefix("#"), line.count - trimmed.count < indent { break }
                end += 1
            }
            // Trailing blank and comment lines belong to what follows.
            while end > start + 1,
                lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")
            {
                end -= 1
            }
            spans.append((keys.first { $0.key.scalar == "id" }?.value.scalar, start, end))
        }
        if let span = spans.first(where: { $0.id == source.id }) {
            lines.replaceSubrange(span.start..<span.end, with: entry)
        } else if let last = spans.last {
            lines.insert(contentsOf: entry, at: last.end)
        } else {
            lines += entry
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ source: DataSource) -> [String] {
        let q = ListWriter.quoted
        var out = ["  - id: \(source.id)", "    name: \(q(source.name))"]
        if let date = source.date { out.append("    date: \(q(date))") }
        if let licence = source.licence { out.append("    licence: \(q(licence))") }
        if let url = source.url { out.append("    url: \(q(url))") }
        if let file = source.file { out.append("    file: \(q(file))") }
        if !source.inputs.isEmpty { out.append("    inputs: [\(source.inputs.map(q).joined(separator: ", "))]") }
        return out
    }
}
