import Foundation

/// Finds YAML files under paths given on the command line.
public enum FileDiscovery {
    /// Most files one run reads from a folder; a larger tree is refused rather than half-read.
    public static let maxFiles = 100_000

    /// Every `*.yaml` / `*.yml` under `folder`, recursively, sorted, following no symbolic
    /// link to a folder twice (a link loop ends the walk of that branch).
    public static func yamlFiles(in folder: String) -> [String] {
        var results: [String] = []
        var visited: Set<String> = []
        walk(folder, &results, &visited, depth: 0)
        return results.sorted()
    }

    private static func walk(_ folder: String, _ results: inout [String], _ visited: inout Set<String>, depth: Int) {
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard depth < 64, visited.insert(resolved).inserted else { return }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            if results.count > maxFiles { return }
            let path = folder.hasSuffix("/") ? folder + entry : folder + "/" + entry
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, &results, &visited, depth: depth + 1)
            } else if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                results.append(path)
                if results.count > maxFiles { return }
            }
        }
    }
}
