import Foundation

/// Finds and loads the policy files named on the command line.
public enum PolicySet {
    /// Expands files and folders (recursive `*.yaml`/`*.yml`) in a stable order.
    public static func discover(_ paths: [String]) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
        var problems: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), .error, "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let discovery = FileDiscovery.scan(path)
                let found = discovery.files
                problems += discovery.problems
                if found.count > FileDiscovery.maxFiles {
                    problems.append(
                        Diagnostic(
                            SourceLocation(file: path, line: 1, column: 1), .error,
                            "more than \(FileDiscovery.maxFiles) policy files under this folder; check fewer at a time"))
                    continue
                }
                if found.isEmpty, discovery.problems.isEmpty {
                    problems.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), .error, "no policy files (*.yaml, *.yml) in this folder"))
                }
                files += found
            } else {
                files.append(path)
            }
        }
        var seen: Set<String> = []
        files = files.map(normalise).filter { seen.insert($0).inserted }
        return (files, problems)
    }

    /// Loads every file (on every core; files are independent), collecting every problem of
    /// every file, in file order.
    public static func load(_ paths: [String], loader: PolicyLoader) throws(InputError) -> [Policy] {
        let (files, discovered) = discover(paths)
        var problems = discovered
        var policies: [Policy] = []
        let loaded = Parallel.map(files) { file -> Result<Policy, InputError> in
            do throws(InputError) {
                return .success(try loader.load(path: file))
            } catch {
                return .failure(error)
            }
        }
        for result in loaded {
            switch result {
            case .success(let policy): policies.append(policy)
            case .failure(let error): problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return policies
    }

    static func normalise(_ path: String) -> String {
        var result = path
        while result.hasPrefix("./") { result.removeFirst(2) }
        while result.contains("//") { result = result.replacingOccurrences(of: "//", with: "/") }
        return result
    }
}
