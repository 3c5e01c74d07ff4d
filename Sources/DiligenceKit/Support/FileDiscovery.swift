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
    public static func yamlFiles(in folder: String) -> [String] {
        scan(folder).files
    }

    private static func walk(_ folder: String, root: String, _ discovery: inout Discovery, _ visited: inout Set<String>, depth: Int) {
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard depth < 64, visited.insert(resolved).inserted else { return }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            if discovery.files.count > maxFiles { return }
            let path = folder.hasSuffix("/") ? folder + entry : folder + "/" + entry
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFLNK {
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                    if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || isFolder(path) {
                        discovery.problems.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), .error,
                            "symbolic link leads outside the folder being read (to \(target)); name its target on the command line instead"))
                    }
                    continue
                }
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, root: root, &discovery, &visited, depth: depth + 1)
            } else if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                discovery.files.append(path)
                if discovery.files.count > maxFiles { return }
            }
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
