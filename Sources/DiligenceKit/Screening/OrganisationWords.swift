/// The common words of organisation names in other languages and their English word
/// (`organisation-words.tsv`: "kompaniya" / "company", "oruzheinaya" / "arms", "porokhovoi" /
/// "gunpowder", "siman" / "cement"), so that a name and its translation match word for word
/// ("MOSKOVSKAYA ORUZHEINAYA KOMPANIYA" / "MOSCOW ARMS COMPANY").
///
/// Unlike `word-equivalents.tsv`, whose words take their equivalent's key everywhere, these keep
/// their own key: the lookup records a list word of the same meaning as a `.translation`, and
/// the scorer counts it only when both names are organisations (`counts(listed:query:)`), so
/// that a word that is also a given name or a surname ("Siman", "Sanat") stays a name in a
/// person's. A query word the list does not know weighs what its English word does
/// (`weight(ofKey:)`): the words are common, and the distinctive words of the names must still
/// carry the match.
struct OrganisationWords: Sendable {
    /// The key of a word of the table → the key of its English word.
    let english: [String: String]
    /// The key of an English word → the list's vocabulary tokens of that meaning (the English
    /// word itself and its words in other languages), in ascending order.
    let tokens: [String: [Int32]]

    init(data: ScreeningData, normalizer: NameNormalizer, vocabulary: [String: Int32]) {
        var english: [String: String] = [:]
        for (word, meaning) in data.organisationWords {
            let key = normalizer.key(ofWord: word), target = normalizer.key(ofWord: meaning)
            if key != target { english[key] = target }
        }
        // A row may give an English word another English word for the same thing ("aviation" /
        // "airlines"): the words of either meaning, and their translations ("aviacion"), meet
        // at the last word of the chain.
        english = english.mapValues { Self.end(of: $0, in: english) }
        var tokens: [String: [Int32]] = [:]
        for (key, target) in english {
            if let token = vocabulary[key] { tokens[target, default: []].append(token) }
        }
        for target in Set(english.values) {
            if let token = vocabulary[target] { tokens[target, default: []].append(token) }
        }
        self.english = english
        self.tokens = tokens.mapValues { Array(Set($0)).sorted() }
    }

    /// The key of the English word a word's key means, the key itself for an English word of
    /// the table; nil for a word the table does not hold.
    func meaning(ofKey key: String) -> String? {
        english[key] ?? (tokens[key] != nil ? key : nil)
    }

    /// The list tokens that mean what the word of this key means, itself left out.
    func equivalents(ofKey key: String, own: Int32?) -> [Int32] {
        guard let meaning = meaning(ofKey: key), let found = tokens[meaning] else { return [] }
        return own.map { own in found.filter { $0 != own } } ?? found
    }

    /// The word a chain of meanings ends at, from `key` (a cycle stops where it began).
    static func end(of key: String, in english: [String: String]) -> String {
        var current = key
        var seen: Set<String> = [key]
        while let next = english[current], seen.insert(next).inserted { current = next }
        return current
    }

    /// Why two words of a pair are the same organisation word, from the table's rows: "the same
    /// organisation word in Spanish" for a row from one to the other, "another word for the same
    /// thing in organisation names" for an English row, and a chain read word by word ("aviacion
    /// is Spanish for aviation, another word for airlines in organisation names").
    static func reason(_ a: String, _ b: String, data: ScreeningData) -> String {
        func described(_ language: String) -> String {
            guard language.hasPrefix("English") else { return "the same organisation word in \(language)" }
            return language.contains("spelling") ? "the same word in another spelling" : "another word for the same thing in organisation names"
        }
        func step(_ language: String, _ next: String) -> String {
            guard language.hasPrefix("English") else { return "\(language) for \(next)" }
            return language.contains("spelling") ? "another spelling of \(next)" : "another word for \(next)"
        }
        for (word, other) in [(a, b), (b, a)] {
            if data.organisationWords[word] == other, let language = data.organisationWordLanguages[word] { return described(language) }
        }
        var chains: [String] = []
        for word in [a, b] {
            var steps: [String] = []
            var current = word
            var seen: Set<String> = [word]
            while let next = data.organisationWords[current], let language = data.organisationWordLanguages[current], seen.insert(next).inserted,
                steps.count < 3
            {
                steps.append(step(language, next))
                current = next
            }
            if !steps.isEmpty { chains.append("\(word) is " + steps.joined(separator: ", ")) }
        }
        return chains.isEmpty ? "the same organisation word in another language" : chains.joined(separator: "; ") + " in organisation names"
    }

    /// Whether a translated word counts between a query and a listed entity: both
    /// organisations (a query of unknown kind is taken for one when its words are).
    static func counts(listed: ListedEntity.Kind, query: ListedEntity.Kind?) -> Bool {
        listed == .organisation && query != .person
    }
}
