import Foundation

/// A rule that proposes a factor kind: its trigger words and the starting values it suggests.
public struct KindRule: Sendable, Hashable {
    public var kind: FactorKind
    public var severity: Severity
    /// Starting radius of the areas of a place-bound kind (armed conflict, unrest).
    public var radiusKm: Double?
    public var minSentences: Int
    /// Folded words and phrases.
    public var triggers: [String]
    /// Words that, in a supporting sentence, name what the analyst fills in (exemptions, providers, names).
    public var details: [String]
    /// Words that make a place in a supporting sentence a likely target.
    public var targetWords: [String]
}

/// The word lists place and name finding use (`Resources/drafting/words.yaml`), folded.
public struct DraftingWords: Sendable, Hashable {
    public var notPlaces: Set<String> = []
    public var placeLeads: Set<String> = []
    public var placeNouns: Set<String> = []
    public var organisationWords: Set<String> = []
    public var personTitles: Set<String> = []
    public var speechVerbs: Set<String> = []
    public init() {}
}

/// The drafting rules kept as data in `Resources/drafting/`: `kinds.yaml` (factor-kind proposals)
/// and `words.yaml` (place and name finding), read with the project's strict YAML reader.
public struct DraftingRules: Sendable {
    public var kinds: [KindRule]
    public var words: DraftingWords

    static let kindSchema = ObjectSchema(
        name: "a kind rule", summary: "Trigger words that propose a factor kind.", uniqueKey: "kind",
        fields: [
            Field("kind", .choice(FactorKind.allCases.map(\.rawValue)), required: true, "The factor kind proposed."),
            Field("severity", .choice(Severity.names), required: true, "The starting severity the analyst confirms."),
            Field("radius_km", .number(0...5000), "The starting radius of areas (place-bound kinds)."),
            Field("min_sentences", .integer(1...100), "Supporting sentences needed (default 1)."),
            Field("triggers", .list(.text), required: true, "Words and phrases that support the kind."),
            Field("details", .list(.text), "Words that name what the analyst must fill in."),
            Field("target_words", .list(.text), "Words that make a place a likely target."),
        ])

    static let kindsSchema = ObjectSchema(
        name: "drafting kinds", summary: "Factor-kind proposal rules.",
        fields: [
            Field("vocabulary", .choice(["drafting-kinds"]), required: true, "The file's role."),
            Field("kinds", .list(.object(kindSchema)), required: true, "The rules, one per kind."),
        ])

    static let wordsSchema = ObjectSchema(
        name: "drafting words", summary: "Word lists for place and name finding.",
        fields: [
            Field("vocabulary", .choice(["drafting-words"]), required: true, "The file's role."),
            Field("not_places", .list(.text), required: true, "Capitalised words never read as places."),
            Field("place_leads", .list(.text), required: true, "Words that introduce a place."),
            Field("place_nouns", .list(.text), required: true, "Words that follow or belong to a place name."),
            Field("organisation_words", .list(.text), required: true, "Words that make a name an organisation's."),
            Field("person_titles", .list(.text), required: true, "Titles before a person's name."),
            Field("speech_verbs", .list(.text), required: true, "Verbs of speech after a person's name."),
        ])

    /// The rules that ship with the library.
    public static func builtin(countries: CountryTable) throws(InputError) -> DraftingRules {
        let kinds = try BuiltinResources.data("drafting/kinds.yaml")
        let words = try BuiltinResources.data("drafting/words.yaml")
        return try DraftingRules(kinds: kinds.bytes, kindsFile: kinds.path, words: words.bytes, wordsFile: words.path, countries: countries)
    }

    public init(kinds kindBytes: [UInt8], kindsFile: String, words wordBytes: [UInt8], wordsFile: String, countries: CountryTable) throws(InputError) {
        let kindsRecord = try Self.record(kindBytes, file: kindsFile, schema: Self.kindsSchema, countries: countries)
        let wordsRecord = try Self.record(wordBytes, file: wordsFile, schema: Self.wordsSchema, countries: countries)
        kinds = kindsRecord.objects("kinds").compactMap { rule in
            guard let kind = rule.text("kind").flatMap(FactorKind.init(rawValue:)),
                let severity = rule.text("severity").flatMap(Severity.init(name:))
            else { return nil }
            return KindRule(
                kind: kind, severity: severity, radiusKm: rule.number("radius_km"),
                minSentences: rule.integer("min_sentences") ?? 1,
                triggers: rule.texts("triggers").map(TextFolding.key),
                details: rule.texts("details").map(TextFolding.key),
                targetWords: rule.texts("target_words").map(TextFolding.key))
        }
        func set(_ key: String) -> Set<String> { Set(wordsRecord.texts(key).map(TextFolding.key)) }
        words = DraftingWords()
        words.notPlaces = set("not_places")
        words.placeLeads = set("place_leads")
        words.placeNouns = set("place_nouns")
        words.organisationWords = set("organisation_words")
        words.personTitles = set("person_titles")
        words.speechVerbs = set("speech_verbs")
    }

    private static func record(_ bytes: [UInt8], file: String, schema: ObjectSchema, countries: CountryTable) throws(InputError) -> Record {
        guard let root = try YAMLReader.read(bytes, file: file, limits: .database) else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "empty drafting rules file")
        }
        var validator = SchemaValidator(file: file, countries: countries, vocabularies: Vocabularies(byKind: [:]))
        guard let record = validator.validateRoot(root, as: schema), !validator.sink.hasErrors else {
            throw InputError(validator.sink.diagnostics)
        }
        return record
    }

    /// The triggers of `words` (a sentence's folded words, space-separated with a space at
    /// each end) that appear as whole words.
    static func hits(_ phrases: [String], in folded: String) -> [String] {
        let words = folded.split(separator: " ")
        let present = Set(words)
        return phrases.filter { phrase in
            let parts = phrase.split(separator: " ")
            guard let first = parts.first, parts.allSatisfy(present.contains) else { return false }
            if parts.count == 1 { return true }
            for start in words.indices where words[start] == first && start + parts.count <= words.count {
                if words[start..<(start + parts.count)].elementsEqual(parts) { return true }
            }
            return false
        }
    }

    /// A sentence folded for matching: lower case, no diacritics, punctuation made spaces,
    /// with a space at each end.
    static func folded(_ sentence: String) -> String {
        var out = " "
        for character in TextFolding.key(sentence) {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if character == "-" {
                out.append("-")
            } else if out.last != " " {
                out.append(" ")
            }
        }
        if out.last != " " { out.append(" ") }
        return out
    }
}
