import Foundation

/// Reads vocabulary data files (`vocabulary: NAME` and a list of `terms`).
public enum VocabularyLoader {
    static let formerMemberSchema = ObjectSchema(
        name: "a former member", summary: "A state that left a regime, and the last day it was bound.", key: "former_members",
        fields: [
            Field("country", .country, required: true, "The state (ISO code)."),
            Field("until", .date, required: true, "The last day its incorporation bound an entity to the regime."),
        ])

    static let termSchema = ObjectSchema(
        name: "a vocabulary term", summary: "A canonical id with synonyms.", uniqueKey: "id",
        fields: [
            Field("id", .identifier, required: true, "Canonical id, lower-case kebab-case."),
            Field("description", .text, "What the term means."),
            Field("synonyms", .list(.text), "Other ways people write it."),
            Field("requires", .list(.identifier), "Dependencies: what this cannot work without."),
            Field("covers", .list(.identifier), "Continuity: the dependencies this fallback stands in for."),
            Field("survives_state_shutdown", .boolean, "Continuity: still works when the state orders all domestic providers to cut."),
            Field("partial", .boolean, "Continuity: degraded service only."),
            Field("hs_prefixes", .list(.digits), "Goods: Harmonized System chapters or headings."),
            Field("banking", .boolean, "Payments: moves through the banking system."),
            Field("members", .list(.country), "Regimes: the member states (ISO codes); incorporation there binds an entity to the regime."),
            Field(
                "former_members", .list(.object(formerMemberSchema)),
                "Regimes: states that left, each with the last day it was bound (checks as of that day or earlier count it as a member)."),
            Field("nexus", .text, "Regimes: what brings the business of an entity outside the regime within it."),
        ])

    static let fileSchema = ObjectSchema(
        name: "a vocabulary file", summary: "A controlled vocabulary.",
        fields: [
            Field("vocabulary", .choice(VocabularyKind.allCases.map(\.rawValue)), required: true, "Which vocabulary the terms extend."),
            Field("terms", .list(.object(termSchema)), required: true, "The terms."),
        ])

    /// The vocabularies that ship with the library, extended by every `*.yaml` in `extraFolder`.
    public static func load(extraFolder: URL? = nil, countries: CountryTable) throws(InputError) -> Vocabularies {
        var files: [(bytes: [UInt8], path: String)] = []
        for kind in VocabularyKind.allCases {
            files.append(try BuiltinResources.data("vocabularies/\(kind.rawValue).yaml"))
        }
        if let extraFolder {
            let discovery = FileDiscovery.scan(extraFolder.path)
            if !discovery.problems.isEmpty { throw InputError(discovery.problems) }
            for path in discovery.files {
                files.append((try InputFile.read(path, display: path, limit: YAMLLimits.database.maxBytes), path))
            }
        }
        var byKind: [VocabularyKind: Vocabulary] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            do {
                let (kind, terms) = try parse(file.bytes, file: file.path, countries: countries)
                var vocabulary = byKind[kind] ?? Vocabulary(kind: kind, terms: [])
                vocabulary.add(contentsOf: terms)
                byKind[kind] = vocabulary
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return Vocabularies(byKind: byKind)
    }

    static func parse(_ bytes: [UInt8], file: String, countries: CountryTable) throws(InputError) -> (VocabularyKind, [Term]) {
        guard let root = try YAMLReader.read(bytes, file: file, limits: .database) else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "empty vocabulary file")
        }
        var validator = SchemaValidator(file: file, countries: countries, vocabularies: Vocabularies(byKind: [:]))
        let record = validator.validateRoot(root, as: fileSchema)
        guard !validator.sink.hasErrors, let record, let kind = record.text("vocabulary").flatMap(VocabularyKind.init(rawValue:)) else {
            throw InputError(validator.sink.diagnostics)
        }
        // A payment method the rules cannot place inside or outside the banking system would be
        // judged by a guess: each term says which.
        if kind == .payments {
            var sink = validator.sink
            for term in record.objects("terms") where term.boolean("banking") == nil {
                sink.error(
                    term.mark,
                    "payment method `\(term.text("id") ?? "")` must say whether it moves through the banking system: `banking: true` or `banking: false`")
            }
            if sink.hasErrors { throw InputError(sink.diagnostics) }
        }
        let terms = record.objects("terms").map { term in
            Term(
                id: term.text("id") ?? "",
                description: term.text("description") ?? "",
                synonyms: term.texts("synonyms"),
                requires: term.texts("requires"),
                covers: term.texts("covers"),
                survivesStateShutdown: term.boolean("survives_state_shutdown") ?? false,
                partial: term.boolean("partial") ?? false,
                hsPrefixes: term.texts("hs_prefixes"),
                banking: term.boolean("banking") ?? false,
                members: term.countries("members").map(\.code),
                formerMembers: term.objects("former_members").reduce(into: [:]) { former, entry in
                    if let country = entry.country("country"), let until = entry.date("until") { former[country.code] = until }
                },
                nexus: term.text("nexus") ?? "")
        }
        return (kind, terms)
    }
}
