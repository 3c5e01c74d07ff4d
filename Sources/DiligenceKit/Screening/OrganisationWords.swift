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
    /// The stem of a word of the list (`Cognates`, six letters or more) → the list's tokens of
    /// that stem, in ascending order.
    let cognates: [[UInt8]: [Int32]]

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
        var cognates: [[UInt8]: [Int32]] = [:]
        for (key, token) in vocabulary {
            if let stem = Cognates.stem(ofKey: key) { cognates[stem, default: []].append(token) }
        }
        // An English word of the table reaches the list's words of its stem too ("vertolety" /
        // "helicopters" reaches "HELICOPTER").
        for target in Set(english.values) {
            if let stem = Cognates.stem(ofKey: target), let same = cognates[stem] { tokens[target, default: []].append(contentsOf: same) }
        }
        self.english = english
        self.tokens = tokens.mapValues { Array(Set($0)).sorted() }
        self.cognates = cognates.mapValues { $0.sorted() }
    }

    /// The key of the English word a word's key means, the key itself for an English word of
    /// the table; nil for a word the table does not hold.
    func meaning(ofKey key: String) -> String? {
        english[key] ?? (tokens[key] != nil ? key : nil)
    }

    /// The list tokens that mean what the word of this key means, or are the same word with
    /// Russian or English endings (`Cognates`), itself left out.
    func equivalents(ofKey key: String, own: Int32?) -> [Int32] {
        var found: [Int32] = []
        if let meaning = meaning(ofKey: key), let meant = tokens[meaning] { found = meant }
        if let stem = Cognates.stem(ofKey: key), let same = cognates[stem] {
            found = found.isEmpty ? same : Array(Set(found).union(same)).sorted()
        }
        return own.map { own in found.filter { $0 != own } } ?? found
    }

    /// The list tokens of the same stem as a word of this key (`Cognates`), for the weight of a
    /// query word the list does not know.
    func cognateTokens(ofKey key: String) -> [Int32] {
        Cognates.stem(ofKey: key).flatMap { cognates[$0] } ?? []
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
        // A word written otherwise than the table's row of the same key ("vertoletnyi" for the
        // row "vertoletnyy") is read as the row's word (rows of its first three letters keyed).
        let normalizer = NameNormalizer.standard
        func tableWord(_ word: String) -> String {
            guard data.organisationWords[word] == nil, word.utf8.count >= 3 else { return word }
            let key = normalizer.key(ofWord: word), start = word.prefix(3)
            return data.organisationWords.keys.filter { $0.hasPrefix(start) && normalizer.key(ofWord: $0) == key }.min() ?? word
        }
        let a = tableWord(a), b = tableWord(b)
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
        if chains.isEmpty, Cognates.same(normalizer.key(ofWord: a), normalizer.key(ofWord: b)) {
            return "the same word with another language's endings"
        }
        return chains.isEmpty ? "the same organisation word in another language" : chains.joined(separator: "; ") + " in organisation names"
    }

    /// Whether a translated word counts between a query and a listed entity: both
    /// organisations (a query of unknown kind is taken for one when its words are).
    static func counts(listed: ListedEntity.Kind, query: ListedEntity.Kind?) -> Bool {
        listed == .organisation && query != .person
    }
}
