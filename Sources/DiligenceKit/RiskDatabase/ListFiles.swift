/// List files (`entities:`) read on their own, without a database folder: what `screen --list`
/// screens against.
public enum ListFiles {
    /// Every listed person and entity of the files, in file order; problems located in them.
    public static func entities(_ paths: [String], countries: CountryTable) throws(InputError) -> [ListedEntity] {
        let vocabularies = try VocabularyLoader.load(countries: countries)
        var loader = RiskDatabaseLoader(countries: countries, vocabularies: vocabularies)
        loader.cache = ListCache.standard()
        var files: [(relative: String, display: String, bytes: [UInt8])] = []
        for path in paths {
            files.append((path, path, try InputFile.read(path, display: path, limit: YAMLLimits.database.maxBytes)))
        }
        return try loader.load(files: files, path: "lists").entities
    }
}
