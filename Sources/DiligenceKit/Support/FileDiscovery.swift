import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds YAML files under paths given on the command line.
public enum FileDiscovery {
    /// Most files one run reads from a folder; a larger tree is refused rather than half-read.
    public static let maxFiles = 100_000

    /// What a walk of one folder found: the YAML files, sorted, and the problems (symbolic links
    /// that lead out of the folder).
    public struct Discovery: Sendable {
        public var files: [String] = []
        public var problems: [Diagnostic] = []
    }

    /// Every `*.yaml` / `*.yml` under `folder`, recursively, sorted. A symbolic link is followed
    /// only when it resolves inside `folder` (and never to a folder twice, so a link loop ends the
    /// walk of that branch); a link leading out of it is a problem, so that a file in a pull request
    /// cannot make the gate read, and echo, files from elsewhere on the machine.
    public static func scan(_ folder: String) -> Discovery {
        var discovery = Discovery()
        var visited: Set<String> = []
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        walk(folder, root: root, &discovery, &visited, depth: 0)
        discovery.files.sort()
        return discovery
    }

    /// The files of `scan(_:)`, without its problems.
    static func yamlFiles(in folder: String) -> [String] {
        scan(folder).files
    }

    /// How many folders deep a walk goes below the folder named on the command line.
    public static let maxDepth = 64

    private static func walk(_ folder: String, root: String, _ discovery: inout Discovery, _ visited: inout Set<String>, depth: Int) {
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        // A folder reached twice (through a link) has been read already: nothing is dropped.
        guard visited.insert(resolved).inserted else { return }
        guard depth <= maxDepth else {
            discovery.problems.append(
                problem(
                    folder,
                    "folder nested more than \(maxDepth) levels below the folder being read; its files were not read (name it on the command line instead)"))
            return
        }
        let entries: [String]
        switch list(folder) {
        case .success(let names): entries = names
        case .failure(let failure):
            discovery.problems.append(problem(folder, "cannot read this folder (\(failure.reason)); its files would be left unchecked"))
            return
        }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            if discovery.files.count > maxFiles { return }
            let path = joinedPath(folder, entry)
            let looksYAML = isYAMLName(entry)
            var status = stat()
            guard lstat(path, &status) == 0 else {
                let why = entry.contains("\u{FFFD}") ? "its name is not UTF-8" : reason(errno: errno, fallback: "lstat failed")
                discovery.problems.append(problem(path, "cannot read this entry (\(why))"))
                continue
            }
            if status.st_mode & S_IFMT == S_IFLNK {
                var target = stat()
                guard stat(path, &target) == 0 else {
                    if looksYAML {
                        discovery.problems.append(
                            problem(path, "symbolic link leads nowhere (\(reason(errno: errno, fallback: "dangling link"))); remove it or restore its target"))
                    }
                    continue
                }
                let resolvedTarget = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard resolvedTarget == root || resolvedTarget.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                    if looksYAML || target.st_mode & S_IFMT == S_IFDIR {
                        discovery.problems.append(
                            problem(
                                path, "symbolic link leads outside the folder being read (to \(resolvedTarget)); name its target on the command line instead"))
                    }
                    continue
                }
                status = target
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                walk(path, root: root, &discovery, &visited, depth: depth + 1)
            } else if looksYAML {
                discovery.files.append(path)
                if discovery.files.count > maxFiles { return }
            }
        }
    }

    /// `*.yaml` or `*.yml`, in any case (`Policy.YAML` is not skipped without a word).
    /// `folder/entry`, its text made at its final size: a portfolio's paths are kept until the
    /// run ends (20,000 of them), and `folder + "/" + entry` left each in a buffer grown for
    /// appending, about half again its length.
    static func joinedPath(_ folder: String, _ entry: String) -> String {
        let slash = folder.hasSuffix("/") ? 0 : 1
        let count = folder.utf8.count + slash + entry.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var position = 0
            for byte in folder.utf8 {
                buffer[position] = byte
                position += 1
            }
            if slash == 1 {
                buffer[position] = UInt8(ascii: "/")
                position += 1
            }
            for byte in entry.utf8 {
                buffer[position] = byte
                position += 1
            }
            return position
        }
    }

    public static func isYAMLName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    private struct ListingFailure: Error { var reason: String }

    /// The names in a folder, or why it cannot be read (`opendir`/`readdir`, so the reason is
    /// the system's: permission denied, not a folder, ...).
    private static func list(_ folder: String) -> Result<[String], ListingFailure> {
        guard let stream = opendir(folder) else {
            return .failure(ListingFailure(reason: reason(errno: errno, fallback: "cannot open")))
        }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { return .failure(ListingFailure(reason: reason(errno: errno, fallback: "cannot list"))) }
                break
            }
            // A name that is not UTF-8 is kept in its repaired form: the walk then fails to
            // find it and says so, rather than dropping it without a word.
            let name = Self.name(of: entry)
            if name != ".", name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// An entry's name, read in place up to its NUL. Not through `entry.pointee`: that copies a
    /// whole `dirent` (256 bytes of name), while the kernel writes only the entry's own length
    /// (`d_reclen`), so the copy of the last entry of `readdir`'s buffer could read past it.
    /// It did: a folder of 100,001 files crashed the walk now and then (signal 11 in memcpy).
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let raw = UnsafeRawPointer(entry)
        // A stored field of an imported C struct always has an offset; the copy is the fallback.
        guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else {
            return withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        }
        var length = 0
        while raw.load(fromByteOffset: offset + length, as: UInt8.self) != 0 { length += 1 }
        return String(decoding: UnsafeRawBufferPointer(start: raw + offset, count: length), as: UTF8.self)
    }

    private static func problem(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: path, line: 1, column: 1), .error, message)
    }

    private static func reason(errno code: Int32, fallback: String) -> String {
        code == 0 ? fallback : String(cString: strerror(code)).lowercased()
    }
}
