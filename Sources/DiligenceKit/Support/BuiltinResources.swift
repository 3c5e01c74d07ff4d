import Foundation

/// The data files that ship inside the library (countries, vocabularies).
///
/// They are looked up without `Bundle.module`, whose generated accessor stops the process when
/// the bundle has moved: first `$DILIGENCE_RESOURCES`, then the resource bundle beside the
/// executable (or the test bundle), then the source tree the library was built from.
public enum BuiltinResources {
    static let bundleName = "diligence_DiligenceKit.resources"

    /// The folder holding `countries.tsv` and `vocabularies/`, if any candidate has them.
    public static let folder: URL? = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["DILIGENCE_RESOURCES"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var bases = [executable.deletingLastPathComponent()]
        // Foundation's `Bundle.main` stops the process when the executable's own path cannot be
        // reached (a folder above it not searchable by this user): on Linux, ask it only when
        // the running executable (`/proc/self/exe`) can be reached.
        let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        if running.map({ access($0, F_OK) == 0 }) ?? true {
            bases += [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        }
        for base in bases {
            candidates.append(base.appendingPathComponent(bundleName).appendingPathComponent("Resources"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("countries.tsv").path) }
    }()

    static func data(_ relativePath: String) throws(InputError) -> (bytes: [UInt8], path: String) {
        guard let folder else {
            throw InputError(
                SourceLocation(file: relativePath, line: 1, column: 1),
                "the built-in data files are missing from this installation; set DILIGENCE_RESOURCES to the folder holding countries.tsv")
        }
        let url = folder.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError(SourceLocation(file: url.path, line: 1, column: 1), "cannot read built-in data file")
        }
        return ([UInt8](data), url.path)
    }
}
