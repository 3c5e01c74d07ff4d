/// The constants of name scoring, in one place; `docs/screening.md` explains each.
public struct ScoringParameters: Sendable, Hashable {
    /// Token weights are `-ln(p)` of the token's share of list entries. Lists smaller than this
    /// are treated as this large, so that in a short list every unseen or once-seen token
    /// weighs about the same and the built-in background frequencies still make "trading" or
    /// "alexander" count less than "lukashenka".
    public var minimumListSize = 10_000.0
    /// Weights are `-ln(p)` raised to this power: above 1, rare words count more against common ones.
    public var weightExponent = 1.5
    /// An unmatched token of the listed name costs this share of its weight: lists give full
    /// names, counterparties often give fewer words; a word the query has and the listed name
    /// lacks costs its full weight.
    public var missingListedTokenCost = 0.5
    /// What an unmatched token costs by kind, on top of its weight.
    public var particleCost = 0.2
    public var initialCost = 0.35
    public var patronymicCost = 0.35
    /// A middle name of a listed person (neither first nor last of three or more names).
    public var middleNameCost = 0.5
    /// The last of two surnames or more of a listed person written "LAST1 LAST2, First", left
    /// out by a name that gives the first given name and the first surname (`SecondSurname`:
    /// "RODRIGUEZ GOMEZ, Delcy" is "Delcy Rodríguez"), costs this much, as a middle name does;
    /// 1 turns the rule off.
    public var secondSurnameCost = 0.5
    /// Particles and initials never weigh more than this.
    public var particleWeight = 1.0
    public var initialWeight = 1.5
    /// The similarity credited to a sound-alike pair and to an initial standing for a name.
    public var phoneticSimilarity = 0.88
    public var initialSimilarity = 0.8
    /// The similarity credited to two words of an organisation's name with the same stem.
    public var stemSimilarity = 0.85
    /// The similarity credited to a word transcribed into another script whose consonant
    /// skeleton matches the listed word's (`Transcription`): a weaker match than a spelling.
    public var transcriptionSimilarity = 0.8
    /// Lowest Jaro-Winkler similarity of a misspelt pair within its edit budget.
    public var minimumTypoSimilarity = 0.8
    /// The same for words of at most `shortWordLength` letters, where one edit at the start
    /// makes another name ("ting"/"jing", "rong"/"tong": Jaro-Winkler 0.83).
    public var shortTypoSimilarity = 0.86
    public var shortWordLength = 5
    /// Added to a non-exact score when the query's country is the entity's, subtracted when it
    /// differs (never above 0.99: only an exact name scores 1).
    public var sameCountryBonus = 0.02
    public var otherCountryPenalty = 0.05
    /// The highest score of a lone word against a listed person with several names: a surname
    /// alone ("Lukashenko") does not identify a person.
    public var singleWordPersonCap = 0.65
    /// Factor on the score when the query is an organisation's name (it has a legal form) and
    /// the entity is a person, or the query is a person's and the entity is not.
    public var kindMismatchFactor = 0.85

    /// The similarity credited to a given name against its nickname ("Bill"/"William"): below
    /// an exact given name.
    public var nicknameSimilarity = 0.85
    /// The highest score of a name whose numbers or series markers differ from the listed
    /// name's ("Fund III"/"Fund IV", "2019-A1"/"2019-A2", vessel "7"/"8"), or whose place
    /// qualifiers differ ("Bank Polska"/"Bank Russia").
    public var distinguishingPartCap = 0.6
    /// The highest score of an organisation's name of one word and a legal form against a
    /// listed organisation whose name says more ("Wagner GmbH"/"PRIVATE MILITARY COMPANY
    /// 'WAGNER'"): one common word does not identify an organisation.
    public var singleWordOrganisationCap = 0.6
    /// The score of an organisation's acronym against the words it stands for ("IRGC"/"Islamic
    /// Revolutionary Guard Corps"): a weaker match than the words, as many names share an acronym.
    public var acronymSimilarity = 0.8
    /// Acronyms inside longer names (`AcronymRuns`: "SIE ISON BALLISTICS SERVICE" / "SMALL
    /// INNOVATION ENTERPRISE ISON BALLISTICS SERVICE"): 1 on, 0 off.
    public var acronymRuns = 1.0
    /// The highest score of a name matched with an acronym of a run of words: a weaker match
    /// than the words themselves.
    public var acronymInNameCap = 0.84
    /// Twenty-second round: an abbreviation of organisation-name words and the words it stands
    /// for (`OrganisationAbbreviations`, `organisation-abbreviations.tsv`: "NII" / "research
    /// institute", "TsKB" / "central design bureau"), at this similarity: a weaker match than
    /// the words. 0 turns the rule off.
    public var abbreviationSimilarity = 0.9
    /// Two unmatched middle names or patronymics this alike (Jaro-Winkler on the keys) may be
    /// one name spelt two ways, not a conflict.
    public var conflictSimilarity = 0.8
    /// Partial coverage (`PartialCoverage.swift`): when every word of one organisation's name is
    /// in the other's, in order, each extra word of the longer name costs this share of its
    /// weight ("KISH INTERNATIONAL BANK OFFSHORE COMPANY PJS"/"KISH INTERNATIONAL BANK"); 1 turns
    /// the rule off. On since the eighth round, with a candidate bound loosened only for a
    /// listed name the query's words can cover (`docs/screening.md`).
    public var partialCoverageCost = 0.3
    /// The highest score partial coverage lifts a name to: a name with descriptive words added
    /// or dropped is the listed organisation or a related one (a subsidiary, a trade name), so it
    /// stays below a name that matches word for word ("Wagner Group Holdings" is not "WAGNER
    /// GROUP" at 0.89). A score already higher without the rule is kept.
    public var partialCoverageCap = 0.84
    /// A list of this many names or fewer (a client's own list, a list of politically exposed
    /// persons, the seeds' excerpts) is never cut by the candidate bound: every name a query word
    /// reaches is scored in full. The bound counts a query word the index did not find as
    /// unmatched, but the full comparison reaches spellings the index does not look up
    /// ("Olegas"/"OLEG", a Baltic ending; Korean written in Cyrillic): on a short list, where
    /// every word weighs about the same, it cut names that score 0.88 to 0.98. 0 turns it off.
    public var shortListNames = 1_000
    /// On a longer list, a query word the index did not reach still counts as matched in the
    /// candidate bound when the scorer's comparison matches it with one of the name's words as
    /// a typo, a Baltic ending or a stem (1 on, 0 off; `NameScreener.typoOrStem`). Off: on the
    /// dev splits it found one more pair each, on test none of OFAC's aliases, for 8 % of the
    /// screening speed (docs/screening.md, "Tenth round: OFAC").
    public var boundComparesUnreached = 0.0
    /// ... only for a name whose reached words give a bound of this much or more.
    public var boundRescueFloor = 0.55
    /// With the rescue off, a listed organisation's name that every name word of the query but
    /// one reached has that word compared as the rescue does (`loneUnreached`; 1 on, 0 off;
    /// twenty-first round: "BONYAD SHIPPING AGENTS COMPANY" / "... AGENCIES ...").
    public var boundComparesLoneWord = 1.0
    /// ... only when the covered words weigh at least this share of the extra words' weight.
    public var partialCoverageShare = 1.0
    /// Distinctive words shared (`DistinctiveWords.swift`): when two organisations' names agree
    /// on a rare word and each extra word is a common word of organisation names ("LUMINOR
    /// LOGISTICS"/"LUMINOR OY"), each extra word costs this share of its weight; 1 turns the
    /// rule off.
    public var genericWordCost = 0.3
    /// ... the highest score the rule lifts a name to.
    public var distinctiveWordsCap = 0.8
    /// ... a distinctive word weighs this much or more (rarity 8, `-ln` of about one entry in
    /// 3,000, raised to `weightExponent`); a generic one at most `genericWordWeight` (rarity 6.5,
    /// about one entry in 660: "logistics", "construction", "energy").
    public var distinctiveWordWeight = 22.6
    public var genericWordWeight = 16.6
    /// ... only when the matched words weigh at least this share of the extra words' weight
    /// (twentieth round: 1 before; an alias adds or drops two or three sector words around the
    /// one word that names the company, "PROMETHEUS ENERGY" / "PROMETHEUS LIMITED TRADE
    /// DEVELOPMENT").
    public var distinctiveWordsShare = 0.5
    /// ... and a common word of the list written otherwise beside it (a stem, typo or
    /// translation: "wheeled" / "wheel") does not stop the rule (1 on, 0 off; twentieth round).
    public var distinctiveWordsVariants = 1.0
    /// Names added to a listed person's whole name (`AddedNames.swift`: "AYASH, Mostafa Moin
    /// Mahmoud" / "AYASH, Mustafa", "FAZAL, Shakeel Karim" / "KARIM, Shakeel"): each of the
    /// query's other words costs this share of its weight; 1 turns the rule off (twenty-first
    /// round).
    public var addedNameCost = 0.3
    /// ... only when the matched words weigh at least this share of the added words.
    public var addedNamesShare = 1.0
    /// ... the highest score the rule lifts a name to: the same person or a relative.
    public var addedNamesCap = 0.84
    /// An organisation's word and the same word with "ed", "es" or "ing" added are one stem
    /// ("WHEELED" / "WHEEL"; 1 on, 0 off; twentieth round).
    public var inflectedStem = 1.0

    /// Rule switches (1 on, 0 off), so that `diligence-bench --tune` can measure each rule.
    /// A nickname pairs two given names, never a particle ("Aldo"/"al-", "Allen"/"AL-ALI").
    public var nicknameNeedsNames = 1.0
    /// A Slavic surname's feminine form is not its masculine form ("Ivanova"/"Ivanov",
    /// "Zaytseva"/"Zaytsev"): a relative or a namesake, not a spelling.
    public var genderFormsDiffer = 1.0
    /// A name with the Arabic article written on is the name without it ("Alhoussein"/"Hussein",
    /// eighth round): compared without the article, as close as the rest.
    public var articleWrittenOn = 1.0
    /// A person's name with a given name or surname of its own on both sides ("GAGLOEV,
    /// Mikhail"/"GAGLOEV, Vladimir", eighth round): the listed name's own word counts in full,
    /// not half, as the shared word makes a relative or a namesake, not the same person.
    public var differentNamesCountInFull = 1.0
    /// Tried in the sixth round and left off (`docs/screening.md`): a typo between short words
    /// (`shortWordLength` letters or fewer) must keep the sound key ("Mary"/"Mark",
    /// "Diaz"/"Diam"). It halved the random names' false alarms but lost real variants
    /// ("Olha"/"Olga", "Cali"/"Ali", "Mpamo"/"Mpano") and cross-script spellings.
    public var shortTypoKeepsSound = 0.0
    /// Tried and left off, for the same reason: two words sound alike only with as many
    /// syllables ("Lynn"/"Leone", "Duran"/"Dorena"); Arabic names written with and without
    /// their short vowels ("Husari"/"Hasri", "Ismal"/"Ismael") differ in syllables.
    public var soundAlikeKeepsSyllables = 0.0
    /// Eleventh round: a man's given name is not a woman's ("Mario"/"Marie", "Alejandro"/
    /// "Alexandra"), a patronymic is not a surname ("Nikolaevich"/"Nikolayeva"), and a Chinese
    /// or Korean syllable does not sound like a word of more syllables ("Zhang"/"Zhiyong").
    public var otherEndingsDiffer = 1.0

    public init() {}

    /// Sets a parameter by its name (for experiments: `diligence screen --tune name=value`).
    /// Returns false for an unknown name.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        switch name {
        case "minimumListSize": minimumListSize = value
        case "weightExponent": weightExponent = value
        case "missingListedTokenCost": missingListedTokenCost = value
        case "particleCost": particleCost = value
        case "initialCost": initialCost = value
        case "patronymicCost": patronymicCost = value
        case "middleNameCost": middleNameCost = value
        case "secondSurnameCost": secondSurnameCost = value
        case "particleWeight": particleWeight = value
        case "initialWeight": initialWeight = value
        case "phoneticSimilarity": phoneticSimilarity = value
        case "initialSimilarity": initialSimilarity = value
        case "stemSimilarity": stemSimilarity = value
        case "transcriptionSimilarity": transcriptionSimilarity = value
        case "minimumTypoSimilarity": minimumTypoSimilarity = value
        case "sameCountryBonus": sameCountryBonus = value
        case "otherCountryPenalty": otherCountryPenalty = value
        case "kindMismatchFactor": kindMismatchFactor = value
        case "singleWordPersonCap": singleWordPersonCap = value
        case "nicknameSimilarity": nicknameSimilarity = value
        case "distinguishingPartCap": distinguishingPartCap = value
        case "singleWordOrganisationCap": singleWordOrganisationCap = value
        case "conflictSimilarity": conflictSimilarity = value
        case "partialCoverageCost": partialCoverageCost = value
        case "partialCoverageShare": partialCoverageShare = value
        case "partialCoverageCap": partialCoverageCap = value
        case "genericWordCost": genericWordCost = value
        case "distinctiveWordsCap": distinctiveWordsCap = value
        case "distinctiveWordWeight": distinctiveWordWeight = value
        case "genericWordWeight": genericWordWeight = value
        case "distinctiveWordsShare": distinctiveWordsShare = value
        case "distinctiveWordsVariants": distinctiveWordsVariants = value
        case "inflectedStem": inflectedStem = value
        case "addedNameCost": addedNameCost = value
        case "addedNamesShare": addedNamesShare = value
        case "addedNamesCap": addedNamesCap = value
        case "acronymSimilarity": acronymSimilarity = value
        case "acronymRuns": acronymRuns = value
        case "acronymInNameCap": acronymInNameCap = value
        case "abbreviationSimilarity": abbreviationSimilarity = value
        case "shortTypoSimilarity": shortTypoSimilarity = value
        case "shortWordLength": shortWordLength = Int(value)
        case "shortListNames": shortListNames = Int(value)
        case "boundComparesUnreached": boundComparesUnreached = value
        case "boundRescueFloor": boundRescueFloor = value
        case "boundComparesLoneWord": boundComparesLoneWord = value
        case "shortTypoKeepsSound": shortTypoKeepsSound = value
        case "soundAlikeKeepsSyllables": soundAlikeKeepsSyllables = value
        case "otherEndingsDiffer": otherEndingsDiffer = value
        case "nicknameNeedsNames": nicknameNeedsNames = value
        case "genderFormsDiffer": genderFormsDiffer = value
        case "articleWrittenOn": articleWrittenOn = value
        case "differentNamesCountInFull": differentNamesCountInFull = value
        default: return false
        }
        return true
    }

    /// Edits allowed between two tokens of this length (the longer of the two): none up to 3
    /// letters, 1 up to 8, 2 up to 12, 3 beyond. A transposition is one edit.
    public func editBudget(length: Int) -> Int {
        switch length {
        case ...3: 0
        case ...8: 1
        case ...12: 2
        default: 3
        }
    }
}
