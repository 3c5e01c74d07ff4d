import Foundation

/// A person or organisation named in the article, proposed for a list file with its sentence.
public struct NamedEntity: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case person, organisation }
    public var name: String
    public var kind: Kind
    /// The acronym the article gives in brackets after it ("CNSP").
    public var acronym: String?
    /// The title or role before the name ("Col.", "President").
    public var title: String?
    public var sentence: Int
}

/// Finds named persons and organisations: runs of capitalised words (across "of", "for the"...)
/// that hold an organisation word or are followed by an acronym in brackets (organisations), or
/// that follow a title or precede a verb of speech (persons, two to four words).
public struct NameFinder: Sendable {
    public var words: DraftingWords
    public var countries: CountryTable

    static let inner: Set<String> = ["of", "for", "the", "and", "on", "du", "de", "da", "des", "la", "le", "al", "el", "wa", "ibn", "bin", "van", "von"]

    public func find(in sentence: Sentence, places: Set<String>) -> [NamedEntity] {
        let tokens = Token.split(sentence.text)
        let characters = Array(sentence.text)
        var found: [NamedEntity] = []
        var index = 0
        func capitalised(_ at: Int) -> Bool {
            at < tokens.count && tokens[at].kind == .word && tokens[at].text.first?.isUppercase == true
        }
        while index < tokens.count {
            guard capitalised(index) else { index += 1; continue }
            var end = index + 1
            while end < tokens.count, end - index < 12 {
                let token = tokens[end]
                if capitalised(end) { end += 1; continue }
                // N’Daw, Wa-Jamma, Al-Shabaab: glued apostrophes and hyphens inside a name.
                if ["’", "'", "-"].contains(token.text), token.glued, capitalised(end + 1), tokens[end + 1].glued { end += 2; continue }
                if token.kind == .word, Self.inner.contains(token.text.lowercased()) {
                    var next = end
                    while next < tokens.count, tokens[next].kind == .word, Self.inner.contains(tokens[next].text.lowercased()) { next += 1 }
                    if capitalised(next), next - end <= 2 { end = next + 1; continue }
                }
                break
            }
            var start = index
            // "The European Union" is the European Union.
            if end - start > 2, ["the", "a", "an"].contains(tokens[start].text.lowercased()) { start += 1 }
            // Leading titles are the person's title, not the name ("President Filipe Nyusi").
            var title: String?
            while start < end - 1, words.personTitles.contains(tokens[start].text.lowercased()) {
                title = [title, tokens[start].text].compactMap { $0 }.joined(separator: " ")
                start += 1
            }
            if title == nil {
                // A title before the run: "Col. Assimi Goïta", "spokesman Moussa Camara".
                var before = index - 1
                if before >= 0, tokens[before].text == "." { before -= 1 }
                if before >= 0, words.personTitles.contains(tokens[before].text.lowercased()) { title = tokens[before].text }
            }
            let nameTokens = tokens[start..<end]
            let name = Token.text(characters, tokens, start..<end)
            let key = TextFolding.key(name)
            let lowered = Set(nameTokens.map { $0.text.lowercased() })
            let capitalWords = nameTokens.filter { $0.kind == .word && $0.text.first?.isUppercase == true }.count
            var acronym: String?
            if end + 2 < tokens.count, tokens[end].text == "(", tokens[end + 1].kind == .word,
                tokens[end + 1].text.count >= 2, tokens[end + 1].text == tokens[end + 1].text.uppercased(), tokens[end + 2].text == ")"
            {
                acronym = tokens[end + 1].text
            }
            let after = end < tokens.count ? tokens[end].text.lowercased() : ""
            let skip =
                places.contains(key) || countries.resolve(name) != nil || words.notPlaces.contains(key)
                || DateFinder.months[key] != nil || DateFinder.weekdays[key] != nil
            if !skip {
                if !lowered.isDisjoint(with: words.organisationWords) && capitalWords >= 2 || (acronym != nil && capitalWords >= 2) {
                    found.append(NamedEntity(name: name, kind: .organisation, acronym: acronym, title: nil, sentence: sentence.index))
                } else if title != nil, capitalWords == 1, lowered.isDisjoint(with: words.organisationWords) {
                    // "President Lukashenko": a title and a surname.
                    found.append(NamedEntity(name: name, kind: .person, acronym: nil, title: title, sentence: sentence.index))
                } else if (2...4).contains(capitalWords), lowered.isDisjoint(with: words.organisationWords),
                    title != nil || words.speechVerbs.contains(after) || (index > 0 && words.speechVerbs.contains(tokens[index - 1].text.lowercased()))
                {
                    found.append(NamedEntity(name: name, kind: .person, acronym: nil, title: title, sentence: sentence.index))
                }
            }
            index = end
        }
        return found
    }
}
