/// One word of a name after normalisation.
public struct NameToken: Sendable, Hashable {
    /// What a token says about identity.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A given name, surname, patronymic or a word of an organisation's name.
        case name
        /// A single letter standing for a name ("G." in "Alexander G. Lukashenko").
        case initial
        /// An article or kinship word inside a name ("al", "bin", "van"): counts little.
        case particle
    }

    /// Lower-case Latin as written (after transliteration), for the `why` of a match.
    public var text: String
    /// The comparison key: `text` with transliteration spelling variants folded.
    public var key: String
    public var kind: Kind
    /// A patronymic by its ending ("Grigoryevich"): missing one costs little.
    public var isPatronymic = false
    /// The script the word was transcribed into, when it is read as a transcription
    /// (`Transcription`: "fulajimier" from "弗拉基米尔"); nil for other words.
    public var transcription: Transcription.Script?
    /// The word came from Arabic script or Hebrew, which leave short vowels unwritten
    /// (`AbjadComparison`).
    public var isAbjad = false
    /// What the abjad word's letters say that its Latin letters do not (`AbjadLetters`).
    var abjadLetters = AbjadLetters()
}

/// A legal form found in a name: the words as written and the class they belong to.
public struct LegalForm: Sendable, Hashable {
    /// The words as written, lower-case ("ltd", "private military company").
    public var text: String
    /// The class id from `legal-forms.tsv` ("llc", "jsc", "pmc", ...).
    public var formClass: String
}

/// A name split into classified tokens.
public struct NormalizedName: Sendable, Hashable {
    /// The name as given.
    public var original: String
    /// The tokens that identify, in reading order: given names first and the surname last when
    /// the name was written "LAST, First" or with the surname in capitals ("LUKASHENKO Alexander").
    public var tokens: [NameToken]
    /// Legal forms, which say the name is an organisation's but not which one.
    public var legalForms: [LegalForm]
    /// Titles and honorifics dropped from the front of the name.
    public var titles: [String]
    /// Whether the words were put in reading order ("LAST, First" → "First LAST").
    public var reordered: Bool
    /// Whether the name was written "LAST, First": a person's way of writing a name, so an
    /// organisation's name is not partially covered by it, and it scores as a person's against
    /// a listed organisation ("JAN, Lahore").
    public var writtenLastFirst = false
    /// The words (runs of letters and digits) before the comma of a name written "LAST, First":
    /// how many of the last tokens are the surname (`SecondSurname`); 0 otherwise, and for a
    /// hyphenated surname ("MIR-HEJAZI"), which is one surname.
    public var surnameWords = 0
    /// The words as acronyms see them (name words, stop words and legal forms in order) when
    /// the name has two name words or more and no title; empty otherwise (`Acronyms`).
    var acronymParts: [Acronyms.Part] = []

    /// The comparison keys of the tokens.
    public var keys: [String] { tokens.map(\.key) }
}
