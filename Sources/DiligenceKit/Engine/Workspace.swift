import Foundation

/// The data a run needs before it reads any policy: the country table, the vocabularies
/// (built in, extended by the database's `vocabularies/` folder) and the risk database.
public struct Workspace: Sendable {
    public let countries: CountryTable
    public let vocabularies: Vocabularies
    public let database: RiskDatabase

    /// Loads everything from the database folder at `databasePath`; `cache` keeps validated
    /// list files in binary form between runs.
    public static func load(databasePath: String, cache: ListCache? = nil) throws(InputError) -> Workspace {
        var loader = try loader(databasePath: databasePath)
        loader.cache = cache
        let database = try loader.load(folder: databasePath)
        return Workspace(countries: loader.countries, vocabularies: loader.vocabularies, database: database)
    }

    /// The loader for the database at `databasePath`: the built-in countries and vocabularies,
    /// extended by its `vocabularies/` folder when it has one.
    public static func loader(databasePath: String) throws(InputError) -> RiskDatabaseLoader {
        // The table `CountryTable.shared` holds (read once a process), or the error that kept
        // it from being read.
        let countries: CountryTable
        if let shared = CountryTable.shared { countries = shared } else { countries = try CountryTable.builtin() }
        let extra = URL(fileURLWithPath: databasePath).appendingPathComponent("vocabularies")
        var isDirectory: ObjCBool = false
        let hasExtra = FileManager.default.fileExists(atPath: extra.path, isDirectory: &isDirectory) && isDirectory.boolValue
        let vocabularies = try VocabularyLoader.load(extraFolder: hasExtra ? extra : nil, countries: countries)
        return RiskDatabaseLoader(countries: countries, vocabularies: vocabularies)
    }

    public var policyLoader: PolicyLoader { PolicyLoader(countries: countries, vocabularies: vocabularies, ruleIDs: RuleRegistry.ids) }

    /// The database folder to use when `--db` is not given: `./seeds` if present, else the
    /// `seeds` folder that ships beside the tool (found by walking up from the executable).
    public static func defaultDatabasePath(executable: String = CommandLine.arguments.first ?? "") -> String? {
        if FileManager.default.fileExists(atPath: "seeds/database.yaml") || FileManager.default.fileExists(atPath: "seeds") {
            return "seeds"
        }
        if let environment = ProcessInfo.processInfo.environment["DILIGENCE_DB"], !environment.isEmpty {
            return environment
        }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["seeds", "share/diligence/seeds"] {
                let url = folder.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("database.yaml").path) { return url.path }
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}

extension Day {
    /// Today in UTC.
    public static var today: Day {
        Day(ordinal: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
