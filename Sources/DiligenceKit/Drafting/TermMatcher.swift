/// Finds the terms of a controlled vocabulary (goods, dependencies) a sentence names by their id
/// or a synonym, as whole words; longer phrases first, and a word counts for one term only
/// ("mobile data networks" is mobile-data, not also a bare "data").
struct TermMatcher: Sendable {
    /// (folded phrase as words, term id), longest phrases first.
    private let phrases: [(words: [String], id: String)]

    init(_ vocabulary: Vocabulary) {
        var phrases: [(words: [String], id: String)] = []
        for id in vocabulary.ids {
            guard let term = vocabulary.term(id) else { continue }
            for name in [id] + term.synonyms {
                let words = DraftingRules.folded(name).split(separator: " ").map(String.init)
                if !words.isEmpty { phrases.append((words, id)) }
            }
        }
        self.phrases = phrases.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.id < $1.id }
    }

    /// The term ids `text` names, in the order they appear.
    func terms(in text: String) -> [String] {
        let original = DraftingRules.folded(text).split(separator: " ").map(String.init)
        var words = original
        var found: [(position: Int, id: String)] = []
        for phrase in phrases {
            var start = 0
            while start + phrase.words.count <= words.count {
                if Array(words[start..<(start + phrase.words.count)]) == phrase.words {
                    var id = phrase.id
                    // A general word qualified after it ("equipment to fight the COVID-19
                    // pandemic") is the longer term whose other words follow within six words
                    // (covid-19-equipment), not the general term (equipment as machinery).
                    if phrase.words.count == 1 {
                        let window = Set(original[(start + 1)..<min(original.count, start + 7)])
                        if let qualified = phrases.first(where: {
                            $0.words.count > 1 && $0.words.contains(phrase.words[0])
                                && Set($0.words.filter { $0 != phrase.words[0] }).isSubset(of: window)
                        }) {
                            id = qualified.id
                        }
                    }
                    found.append((start, id))
                    for index in start..<(start + phrase.words.count) { words[index] = "" }
                    start += phrase.words.count
                } else {
                    start += 1
                }
            }
        }
        var seen: Set<String> = []
        return found.sorted { $0.position < $1.position }.map(\.id).filter { seen.insert($0).inserted }
    }
}
