import Foundation
import Testing

@testable import DiligenceKit

/// The parts of `db draft` (issue 19): dates, sentences, places, kinds, the writer, `status: draft`.
@Suite struct DraftingTests {
    static let drafter: Drafter = {
        do { return try Drafter.builtin() } catch { fatalError("built-in drafting data: \(error)") }
    }()

    /// 2020-09-01 was a Tuesday.
    @Test(arguments: [
        ("Insurgents took the town on 12 August.", "2020-08-12", DatePrecision.day, nil as String?),
        ("The summit ended on Monday 21 September 2020.", "2020-09-21", .day, nil),
        ("Shutdowns on August 9-11 were near total.", "2020-08-09", .day, "2020-08-11"),
        ("Shutdowns on 9–11 August were near total.", "2020-08-09", .day, "2020-08-11"),
        ("Their March 2020 attacks shifted tactics.", "2020-03", .month, nil),
        ("The insurgency has grown since October 2017.", "2017-10", .month, nil),
        ("About 1,495 people have been killed since 2017.", "2017", .year, nil),
        ("Eight workers were killed this June, and more will follow.", "2020-06", .month, nil),
        ("The attack in December was claimed by the group.", "2019-12", .month, nil),
        ("Protesters marched last month.", "2020-08", .month, nil),
        ("The bloc met on Tuesday.", "2020-09-01", .day, nil),
        ("The bloc will meet on Friday.", "2020-09-04", .day, nil),
        ("Aid arrived yesterday.", "2020-08-31", .day, nil),
        ("The deal was signed on 30 December.", "2019-12-30", .day, nil),
        ("The export lists the raid on 2020-08-12 at the port.", "2020-08-12", .day, nil),
        ("Talks resumed on the 3rd of March 2021.", "2021-03-03", .day, nil),
        ("Fighting broke out on September 3, 2019.", "2019-09-03", .day, nil),
    ])
    func datesResolveAgainstThePublicationDate(_ sentence: String, _ date: String, _ precision: DatePrecision, _ until: String?) throws {
        let found = DateFinder(published: Day(iso: "2020-09-01")).find(in: sentence)
        let mention = try #require(found.mentions.first, "no date in \(sentence)")
        #expect(mention.text == date)
        #expect(mention.precision == precision)
        #expect(mention.until?.description == until)
    }

    @Test func numbersThatAreNotDatesAreLeftAlone() {
        let finder = DateFinder(published: Day(iso: "2020-09-01"))
        for sentence in [
            "An 18-month transition for the 15-nation bloc.", "Over 200 thousand people, 80.3 percent.",
            "A US$50 billion project and 250,000 displaced.", "Officials may decide in May 2020 or not.",
        ] {
            let dates = finder.find(in: sentence).mentions.map(\.text)
            #expect(dates == (sentence.contains("May 2020") ? ["2020-05"] : []), "\(sentence): \(dates)")
        }
    }

    @Test func aDateWithoutAYearIsNotGuessedWithoutAPublicationDate() {
        let found = DateFinder(published: nil).find(in: "Insurgents took the town on 12 August and again on Monday.")
        #expect(found.mentions.isEmpty)
        #expect(found.unresolved == ["12 August", "Monday"])
    }

    @Test func whatFollowedADateIsDatedToItsMonthNeverToAnInventedDay() {
        let found = DateFinder(published: Day(iso: "2020-09-22")).find(in: "ECOWAS imposed sanctions in the wake of the 18 August coup.")
        #expect(found.mentions.map(\.text) == ["2020-08-18", "2020-08"])
        #expect(found.mentions.map(\.precision) == [.day, .month])
    }

    @Test func sentencesDoNotEndAtTitlesOrInitials() {
        let sentences = SentenceSplitter.split("Col. Assimi Goïta met U.S. envoys on Monday. “We agreed.” Then J. Smith left! Did he? Yes.")
        #expect(sentences == ["Col. Assimi Goïta met U.S. envoys on Monday.", "“We agreed.”", "Then J. Smith left!", "Did he?", "Yes."])
    }

    @Test func placesAreGeocodedListedAsAmbiguousOrUnknown() throws {
        let countries = Self.drafter.countries
        let finder = PlaceFinder(
            gazetteer: Self.drafter.gazetteer, countries: countries, country: countries.country(code: "MZ"),
            words: Self.drafter.rules.words)
        let sentence = Sentence(
            paragraph: 0, index: 0,
            text: "Attacks on Mocimboa da Praia and Quissanga spread to the Afungi Peninsula, not yet to Zembla province or Mozambique’s capital.")
        let found = finder.find(in: sentence)
        #expect(found.compactMap { $0.place?.name } == ["Mocímboa da Praia", "Quissanga", "Afungi"])
        #expect(found.first?.place?.geonameID == 1024699)
        #expect(found.filter { $0.resolution == .unknown }.map(\.name) == ["Zembla"])
        // Kaliningrad is a city's own name (and an old name of Korolev): not ambiguous.
        let belarus = PlaceFinder(
            gazetteer: Self.drafter.gazetteer, countries: countries, country: countries.country(code: "BY"),
            words: Self.drafter.rules.words)
        let abroad = belarus.find(in: Sentence(paragraph: 0, index: 0, text: "Moscow’s Kaliningrad enclave and Minsk."))
        #expect(abroad.compactMap { $0.place.map { "\($0.name) \($0.country.code)" } } == ["Moscow RU", "Kaliningrad RU", "Minsk BY"])
    }

    @Test func homonymsFarApartAreAmbiguous() {
        var gazetteer = Gazetteer()
        let mz = Country(code: "MZ", name: "Mozambique")
        gazetteer.add(Gazetteer.Place(name: "Namuno", country: mz, location: Coordinate(lat: -13.6, lon: 38.8), population: 2000, source: "test", geonameID: 1))
        gazetteer.add(Gazetteer.Place(name: "Namuno", country: mz, location: Coordinate(lat: -20.0, lon: 33.0), population: 1000, source: "test", geonameID: 2))
        let finder = PlaceFinder(gazetteer: gazetteer, countries: Self.drafter.countries, country: mz, words: Self.drafter.rules.words)
        let found = finder.find(in: Sentence(paragraph: 0, index: 0, text: "Fighting reached Namuno."))
        guard case .ambiguous(let candidates)? = found.first?.resolution else {
            Issue.record("not ambiguous: \(found)")
            return
        }
        #expect(candidates.map(\.geonameID) == [1, 2])
    }

    @Test func kindsAreProposedByTheirTriggerWordsWithTheirDetails() throws {
        let article = Article(
            file: "t.txt", format: .text,
            paragraphs: [
                "ECOWAS closed its borders and stopped commercial trade with Mali on 20 August, with the exception of basic necessities, drugs, fuel and electricity.",
                "On 9 August internet providers A1 and MTS lost routing; YouTube and Telegram went down in a near-total internet shutdown.",
            ])
        let draft = try Self.drafter.draft(
            article, country: Self.drafter.countries.country(code: "ML"), published: Day(iso: "2020-09-01"),
            source: "Test", today: Day(iso: "2020-09-02") ?? .today)
        let trade = try #require(draft.proposals.first { $0.rule.kind == .tradeRestriction })
        #expect(trade.triggers.contains("commercial trade"))
        #expect(trade.exemptGoods == ["basic-necessities", "medicines", "fuel", "electricity"])
        let shutdown = try #require(draft.proposals.first { $0.rule.kind == .internetShutdown })
        #expect(shutdown.dependencies == ["internet", "youtube", "telegram"])
        #expect(shutdown.named.contains("A1") && shutdown.named.contains("MTS"))
        #expect(shutdown.events.map(\.date.text) == ["2020-08-09"])
    }

    /// A dateline dates the article, not an event: without --published it resolves the article's
    /// dates without a year, and it is no event itself.
    @Test func aDatelineIsThePublicationDateNotAnEvent() throws {
        let article = Article(
            file: "t.txt", format: .text,
            paragraphs: [
                "Published 12 November 2020.",
                "On 8 November, gunmen attacked a military convoy near Djibo in Burkina Faso, killing 14 soldiers.",
            ])
        let draft = try Self.drafter.draft(article, country: nil, published: nil, source: "Test", today: Day(iso: "2020-11-13") ?? .today)
        #expect(draft.published == Day(iso: "2020-11-12"))
        #expect(draft.events.map(\.date.text) == ["2020-11-08"])
        #expect(draft.events.first?.sentence == 1)
    }

    @Test(arguments: [
        ("Published 12 November 2020.", "2020-11-12"), ("Last updated on 3 March 2021", "2021-03-03"),
        ("Posted: 2020-09-16", "2020-09-16"), ("Troops published a statement on 12 November 2020.", nil),
        ("Published in March 2020.", nil),
    ])
    func datelinesAreOnlyDatelineWordsAndOneDay(text: String, day: String?) {
        #expect(Drafter.datelineDate(text)?.description == day)
    }

    /// A country named in several words ("Burkina Faso") is the draft's country without --country.
    @Test(arguments: [
        ("Burkina Faso: gunmen attacked a military convoy near Djibo on 8 November.", "BF"),
        ("In the Central African Republic, rebels seized Bambari on 3 January.", "CF"),
        ("Mali's junta met ECOWAS envoys in Bamako on 15 September.", "ML"),
    ])
    func theCountryIsInferredFromNamesOfSeveralWords(text: String, code: String) throws {
        let article = Article(file: "t.txt", format: .text, paragraphs: [text])
        let draft = try Self.drafter.draft(
            article, country: nil, published: Day(iso: "2021-01-20"), source: "Test",
            today: Day(iso: "2021-01-21") ?? .today)
        #expect(draft.country.code == code)
    }

    @Test func theDraftIsAValidFactorFileMarkedDraftAndArticleTextCannotBreakIt() throws {
        // A hostile sentence: quotes, a YAML document marker, a fake key, a line separator.
        let hostile = "On 12 August \"insurgents\" wrote: ---\n- id: FAKE\u{2028}status: reviewed # attacked Quissanga."
        let article = Article(file: "h.txt", format: .text, paragraphs: [PlainText.normalized(hostile), "Attacks continued on 13 August near Quissanga."])
        let draft = try Self.drafter.draft(
            article, country: Self.drafter.countries.country(code: "MZ"), published: Day(iso: "2020-09-01"),
            source: "Source: \"x\"", today: Day(iso: "2020-09-02") ?? .today)
        let text = DraftWriter.yaml(draft, file: "h.txt")
        let loader = RiskDatabaseLoader(countries: Self.drafter.countries, vocabularies: Self.drafter.vocabularies)
        let database = try loader.load(files: [("factors/draft.yaml", "factors/draft.yaml", Array(text.utf8))], path: "db")
        #expect(database.factors.count == draft.proposals.count)
        #expect(database.factors.allSatisfy { $0.status == "draft" })
        #expect(database.drafts.count == database.factors.count)
        #expect(database.drafts.allSatisfy { $0.level == .warning && $0.location.file == "factors/draft.yaml" })
        #expect(!database.factors.contains { $0.id == "FAKE" })
        let quotes = database.factors.flatMap(\.references).compactMap(\.quote)
        #expect(quotes.contains(PlainText.normalized(hostile)))
    }

    @Test func htmlTextComesFromTheParserAndDeepNestingIsRefusedCleanly() throws {
        func html(_ depth: Int) -> [UInt8] {
            Array(
                ("<html><body>" + String(repeating: "<div>", count: depth) + "<p>Attacks on 12&nbsp;August.</p>"
                    + String(repeating: "</div>", count: depth) + "<script>x = 1</script></body></html>").utf8)
        }
        let article = try ArticleReader.read(bytes: html(100), file: "nested.html", format: .html)
        #expect(article.paragraphs == ["Attacks on 12 August."])
        // libxml2 stops at its depth limit (256) rather than recurse without bound: no text, a located error.
        #expect(throws: InputError.self) { try ArticleReader.read(bytes: html(20_000), file: "deep.html", format: .html) }
    }
}
