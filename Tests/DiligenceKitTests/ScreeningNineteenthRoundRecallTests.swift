import Testing

@testable import DiligenceKit

/// The nineteenth round's recall (recall14): a listed person's second surname
/// (`SecondSurname`). Spanish names carry two surnames and their bearers are known by the first
/// given name and the first surname; the cases are public persons' names as Wikipedia editions
/// title them (`benchmarks/screening/cross-script*.tsv`), against the list's spelling.
struct ScreeningNineteenthRoundRecallTests {
    static let threshold = ScreeningHardCaseTests.threshold

    static func best(_ query: String, _ entities: [ListedEntity], parameters: ScoringParameters = ScoringParameters()) -> (score: Double, why: String) {
        ScreeningHardCaseTests.best(query, entities, parameters: parameters)
    }

    static var off: ScoringParameters {
        var parameters = ScoringParameters()
        parameters.secondSurnameCost = 1
        return parameters
    }

    /// The surname's first and last name words of a name written "LAST1 LAST2, First", by token
    /// position; none for one surname, a hyphenated surname, or a name not written so.
    @Test(arguments: [
        ("RODRIGUEZ GOMEZ, Delcy Eloina", "rodriguez", "gomez"), ("EL AISSAMI MADDAH, Tareck Zaidan", "aissami", "maddah"),
        ("MURILLO DE ORTEGA, Rosario Maria", "murillo", "ortega"), ("MADURO MOROS, Nicolas", "maduro", "moros"),
    ])
    func surnamesAreFound(name: String, first: String, second: String) throws {
        let normalized = NameNormalizer.standard.normalize(name)
        let positions = try #require(SecondSurname.positions(in: normalized))
        #expect(normalized.tokens[positions.first].text == first)
        #expect(normalized.tokens[positions.second].text == second)
    }

    @Test(arguments: ["PUTIN, Vladimir", "MIR-HEJAZI, Ali Asqar", "Delcy Rodriguez Gomez", "RODRIGUEZ GOMEZ", "GARCIA LOPEZ, J."])
    func noSecondSurname(name: String) {
        #expect(SecondSurname.positions(in: NameNormalizer.standard.normalize(name)) == nil)
    }

    /// The first sound: `PhoneticKey`'s classes, a vowel one class, "l" and "r" one.
    @Test(arguments: [
        ("rodrigesi", "rodriguez", true), ("losalio", "rosario", true), ("kuzmin", "guzman", true), ("alismi", "aissami", true),
        ("hernandez", "fernandez", false), ("otto", "soto", false), ("kobayashi", "lopez", false),
    ])
    func firstSound(a: String, b: String, same: Bool) {
        #expect(SecondSurname.sameFirstSound(Array(a.utf8)[...], Array(b.utf8)[...]) == same)
    }

    /// The last sound of a typo: both vowels ("delsi" / "delcy"), or one consonant class.
    @Test(arguments: [("delsi", "delcy", true), ("muliyo", "murillo", true), ("ivanna", "ivan", false), ("marie", "mario", true)])
    func lastSound(a: String, b: String, same: Bool) {
        #expect(SecondSurname.sameLastSound(Array(a.utf8)[...], Array(b.utf8)[...]) == same)
    }

    static let delcy = listed("DELCY", "RODRIGUEZ GOMEZ, Delcy Eloina")
    static let elAissami = listed("AISSAMI", "EL AISSAMI MADDAH, Tareck Zaidan")
    static let maduro = listed("MADURO", "MADURO MOROS, Nicolas")

    /// The first given name and the first surname, written in other scripts, match with the
    /// rule's reason; without the rule each scores lower.
    @Test(arguments: [
        ("დელსი როდრიგესი", "DELCY"), ("דלסי רודריגס", "DELCY"), ("ديلسي رودريغيز", "DELCY"), ("เดลซี โรดริเกซ", "DELCY"),
        ("טארק אל-עיסמי", "AISSAMI"), ("طارق العيسمي", "AISSAMI"), ("尼古拉斯·马杜罗", "MADURO"),
    ])
    func knownAsNamesMatch(written: String, id: String) {
        let entities = [Self.delcy, Self.elAissami, Self.maduro]
        let (score, why) = Self.best(written, entities.filter { $0.id == id })
        let (before, _) = Self.best(written, entities.filter { $0.id == id }, parameters: Self.off)
        #expect(score >= Self.threshold, "\(score) \(why)")
        #expect(before < score, "\(before) \(score)")
        #expect(why.contains("the listed person's second surname ("), "\(why)")
        #expect(why.contains("counts 0.50: the name gives the first given name and the first surname"), "\(why)")
    }

    /// The random names that matched a first version without the guards: a word of the name's
    /// own, the first given name or first surname unmatched or matched by a word of another
    /// first sound, a hyphenated surname. The rule does not apply to any.
    @Test(arguments: [
        ("Mario Hernandez", "FERNANDEZ SANTANA, Mario Alberto"), ("Michel Otto", "SOTO PARRA, Miguel Angel"),
        ("Anthony Sawyer", "CALLE SERNA, Javier Antonio"), ("David Hernandez", "HERNANDEZ GRISALES, Jesus David"),
        ("Patricia Gonzalez", "GONZALEZ BENITEZ, Olga Patricia"), ("ألين حمير", "MIR-HEJAZI, Ali Asqar"),
        ("カナ・コバヤシ", "LOPEZ TORRES, Ana Lilia"), ("Delcy Rodriguez Perez", "RODRIGUEZ GOMEZ, Delcy Eloina"),
        ("Иванна Кузьмин", "GUZMAN SALAZAR, Ivan Archivaldo"), ("Олександр Царенко", "GRANKO ARTEAGA, Alexander Enrique"),
        ("Marko Rudolph", "MARCO TORRES, Rodolfo Clemente"),
    ])
    func guardsHold(query: String, listedName: String) {
        let entity = listed("P", listedName)
        let (score, why) = Self.best(query, [entity])
        let (before, _) = Self.best(query, [entity], parameters: Self.off)
        #expect(!why.contains("second surname ("), "\(why)")
        #expect(score == before, "\(score) \(before) \(why)")
    }

    /// The name with both surnames is unchanged: the rule only prices a second surname left out.
    @Test func theFullNameIsExact() {
        let (score, _) = Self.best("Delcy Eloína Rodríguez Gómez", [Self.delcy])
        #expect(score == 1)
    }
}
