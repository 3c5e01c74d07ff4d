import Foundation

/// The data files that ship inside the library (countries, vocabularies).
public enum BuiltinResources {
    /// The folder holding `countries.tsv` and `vocabularies/`.
    public static var folder: URL? {
        let candidates = [
            Bundle.module.url(forResource: "Resources", withExtension: nil),
            Bundle.module.resourceURL?.appendingPathComponent("Resources"),
            Bundle.module.bundleURL.appendingPathComponent("Resources"),
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("countries.tsv").path) }
    }

    static func data(_ relativePath: String) throws(InputError) -> (bytes: [UInt8], path: String) {
        guard let folder else {
            throw InputError(SourceLocation(file: relativePath, line: 1, column: 1),
                             "the built-in data files are missing from this installation")
        }
        let url = folder.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError(SourceLocation(file: url.path, line: 1, column: 1), "cannot read built-in data file")
        }
        return ([UInt8](data), url.path)
    }
}
