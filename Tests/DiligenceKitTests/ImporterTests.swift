import Foundation
import Testing

@testable import DiligenceKit

/// The CSV reader, the OFAC and OpenSanctions importers and the list writer.
@Suite struct ImporterTests {
    static let countries = TestData.workspace.countries

    // MARK: CSV

    @Test func csvFollowsRFC4180() throws {
        let text = "a,\"b, with comma\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n\nx,,z"
        let csv = try CSVReader(bytes: Array(text.utf8), file: "t.csv")
        #expect(csv.records.map(\.fields) == [["a", "b, with comma", "say \"hi\""], ["1", "two\nlines", "3"], ["x", "", "z"]])
        #expect(csv.records.map(\.line) == [1, 2, 5])
        #expect(csv.records[0].columns == [1, 3, 19])
        #expect(csv.records[2].columns == [1, 3, 4])
        #expect(csv.encoding == .utf8)
    }

    @Test func csvReadsLatin1AndIgnoresTheDOSEndOfFileMark() throws {
        let bytes: [UInt8] = Array("1,\"Soci".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + Array("\"\r\n".utf8) + [0x1A]
        let csv = try CSVReader(bytes: bytes, file: "t.csv")
        #expect(csv.encoding == .latin1)
        #expect(csv.records.map(\.fields) == [["1", "Société"]])
    }

    @Test(arguments: [
        ("a,\"open\nb,c", "t.csv:1:3: error: a quoted field is never closed"),
        ("a,b\"c,d", "t.csv:1:4: error: a quote inside an unquoted field; quote the whole field and double the quotes inside (\"\")"),
        ("a,\"b\"x,c", "t.csv:1:6: error: text after the closing quote of a field; expected a comma or the end of the line"),
        ("a,b\nc,\u{0}d", "t.csv:2:3: error: bad encoding: NUL byte (a binary file, or UTF-16 text?)"),
        ("a,b\u{7}", "t.csv:1:4: error: bad encoding: control character 0x7"),
    ])
    func csvErrorsAreLocated(text: String, message: String) {
        do {
            _ = try CSVReader(bytes: Array(text.utf8), file: "t.csv")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    @Test func aUTF16FileIsBadEncoding() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("1,a".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: InputError.self) { _ = try CSVReader(bytes: bytes, file: "t.csv") }
    }

    // MARK: OFAC

    static let sdn = """
        36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r
        9760,"LUKASHENKA, Alyaksandr Ryhorovich","individual","BELARUS",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 30 Aug 1954; POB Kopys, Vitebsk oblast, Belarus; nationality Belarus; Gender Male."\r
        22543,"PRIVATE MILITARY COMPANY 'WAGNER'",-0- ,"TCO] [UKRAINE-EO13660] [CAR] [RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Organization Type: Activities of head offices."\r
        9001,"ADRIAN DARYA 1","vessel","IRAN",-0- ,"9116412","Crude Oil Tanker","","","Panama",-0- ,"Vessel Registration Identification IMO 9116412."\r
        7000,"KIM, Jong Un","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 08 Jan 1984; nationality Korea, North."\r

        """ + "\u{1A}"

    static let alt = """
        9760,56147,"aka","LUKASHENKO, Aleksandr Grigorevich",-0- \r
        9760,56149,"aka","LUKASHENKO, Alexander Grigoryevich",-0- \r
        22543,62960,"aka","WAGNER GROUP",-0- \r
        99999,1,"aka","SOMEONE LISTED LATER",-0- \r
        99999,2,"aka","SOMEONE LISTED LATER TOO",-0- \r

        """

    static func ofac(_ sdn: String = sdn, alt: String? = alt) throws(InputError) -> ImportedList {
        try OFACImporter(countries: countries, snapshotDate: Day(iso: "2024-05-03"))
            .importFiles(sdn: (Array(sdn.utf8), "sdn.csv"), alt: alt.map { (Array($0.utf8), "alt.csv") })
    }

    @Test func ofacEntriesKeepKindsProgrammesCountriesAndAliases() throws {
        let list = try Self.ofac()
        #expect(list.entities.map(\.id) == ["US-OFAC-SDN-36", "US-OFAC-SDN-9760", "US-OFAC-SDN-22543", "US-OFAC-SDN-9001", "US-OFAC-SDN-7000"])
        #expect(list.entities.map(\.kind) == [.organisation, .person, .organisation, .vessel, .person])
        #expect(list.entities[2].programmes == ["TCO", "UKRAINE-EO13660", "CAR", "RUSSIA-EO14024"])
        #expect(list.entities.map { $0.country?.code } == [nil, "BY", nil, "PA", "KP"])
        #expect(list.entities[1].aliases == ["LUKASHENKO, Aleksandr Grigorevich", "LUKASHENKO, Alexander Grigoryevich"])
        #expect(list.entities[2].aliases == ["WAGNER GROUP"])
        #expect(list.entities.allSatisfy { $0.since == nil && $0.listedBy == ["US-OFAC"] && $0.measures == ["asset-freeze"] })
        #expect(list.entities[1].references.map { $0.date?.text } == ["2024-05-03", "2024-05-03"])
        #expect(
            list.warnings.map(\.description) == [
                "alt.csv:1:1: warning: 2 alias rows refer to 1 entries not in sdn.csv (listed later?) and were skipped: ent_num 99999"
            ])
        #expect(list.summary.first?.contains("2 alias rows skipped (unknown ent_num)") == true)
        #expect(list.header.joined(separator: " ").contains("carry no listing dates"))
    }

    @Test func withoutASnapshotDateNoDateIsWritten() throws {
        let list = try OFACImporter(countries: Self.countries).importFiles(sdn: (Array(Self.sdn.utf8), "sdn.csv"), alt: nil)
        #expect(list.entities.allSatisfy { $0.references.allSatisfy { $0.date == nil } })
        #expect(list.header.joined().contains("snapshot date not given"))
    }

    @Test(arguments: [
        (
            "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\n",
            "sdn.csv:1:34: error: expected 12 columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks), found 4"
        ),
        ("x36,\"A\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n", "sdn.csv:1:1: error: ent_num must be a positive whole number, found `x36`"),
        (
            "36,\"A\",\"company\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n",
            "sdn.csv:1:8: error: SDN_Type must be individual, vessel, aircraft or -0-, found `company`"
        ),
        (
            "1,\"A\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,\"extra\"\n",
            "sdn.csv:1:47: error: expected 12 columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks), found 13"
        ),
        ("", "sdn.csv:1:1: error: empty file: no SDN entries"),
        ("\u{1A}", "sdn.csv:1:1: error: empty file: no SDN entries"),
    ])
    func badOFACFilesGetLocatedErrors(sdn: String, message: String) {
        do {
            _ = try Self.ofac(sdn, alt: nil)
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    @Test func everyProblemOfAFileIsReported() {
        let sdn = "1,\"A\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n1,\"B\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n2,\"C\"\n"
        do {
            _ = try Self.ofac(sdn, alt: "1,2,\"aka\"\n")
            Issue.record("no error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "alt.csv:1:5: error: expected 5 columns (ent_num, alt_num, alt_type, alt_name, alt_remarks), found 3",
                    "sdn.csv:2:1: error: duplicate ent_num 1 (also on line 1)",
                    "sdn.csv:3:3: error: expected 12 columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks), found 2",
                ])
        }
    }

    // MARK: Writing and reading back

    @Test func theWrittenListLoadsBackUnchanged() throws {
        var list = try Self.ofac()
        list.entities[0].aliases = ["Quote \" and backslash \\", "- dash: colon # hash", "new\nline", "Лукашенко", "'single'"]
        let yaml = ListWriter.yaml(list)
        let database = try RiskDatabaseLoader(countries: Self.countries, vocabularies: TestData.workspace.vocabularies)
            .load(files: [("ofac.yaml", "ofac.yaml", Array(yaml.utf8))], path: "lists")
        let loaded = database.entities.sorted { $0.mark < $1.mark }
        #expect(loaded.map(\.id) == list.entities.map(\.id))
        #expect(loaded.map(\.name) == list.entities.map(\.name))
        #expect(loaded.map(\.aliases) == list.entities.map(\.aliases))
        #expect(loaded.map(\.kind) == list.entities.map(\.kind))
        #expect(loaded.map(\.country) == list.entities.map(\.country))
        #expect(loaded[2].programme == "[TCO] [UKRAINE-EO13660] [CAR] [RUSSIA-EO14024]")
        #expect(loaded[1].references.first?.date?.text == "2024-05-03")
        #expect(yaml.hasPrefix("# OFAC Specially Designated Nationals list"))
    }

    // MARK: The real OFAC files

    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason))
    func theRealOFACFilesImport() throws {
        let list = try #require(OFACFiles.imported)
        #expect(list.entities.count == 14_965)
        #expect(list.entities.filter { $0.kind == .person }.count == 6_854)
        #expect(list.entities.filter { $0.kind == .vessel }.count == 851)
        #expect(list.entities.filter { $0.kind == .aircraft }.count == 376)
        #expect(list.warnings.first?.message.hasPrefix("1468 alias rows refer to") == true)
        let lukashenka = try #require(list.entities.first { $0.id == "US-OFAC-SDN-9760" })
        #expect(lukashenka.name == "LUKASHENKA, Alyaksandr Ryhorovich")
        #expect(lukashenka.aliases.contains("LUKASHENKO, Alexander Grigoryevich"))
        #expect(lukashenka.aliases.count == 5)
        #expect(lukashenka.country?.code == "BY")
        #expect(lukashenka.programmes == ["BELARUS"])
        // The seeds' hand-made excerpt is what the importer makes of the same entry.
        let wagner = try #require(list.entities.first { $0.id == "US-OFAC-SDN-22543" })
        let seed = try #require(TestData.workspace.database.entities.first { $0.id == "US-OFAC-SDN-22543" })
        #expect(wagner.name == seed.name)
        #expect(wagner.aliases == seed.aliases)
        #expect(wagner.kind == seed.kind)
        #expect("[" + wagner.programmes.joined(separator: "] [") + "]" == seed.programme)
    }

    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason))
    func theRealOFACListScreensTheLukashenkaVariants() throws {
        let screener = OFACFiles.screener
        for name in [
            "Aliaksandr Lukashenka", "Alexander Lukashenko", "ЛУКАШЕНКО Александр Григорьевич",
            "LUKASHENKA, Alyaksandr Ryhorovich", "Alexander G. Lukashenko",
        ] {
            #expect(screener.screen(name, threshold: RuleSettings().screeningThreshold).first?.entity.id == "US-OFAC-SDN-9760", "\(name)")
        }
        for name in ["Minsk Fuel Trading LLC", "Sviatlana Tsikhanouskaya", "Viktar Babaryka"] {
            let matches = screener.screen(name, threshold: RuleSettings().screeningThreshold)
            #expect(matches.isEmpty, "\(name): \(matches.map { "\($0.entity.id) \($0.matched) \($0.score)" })")
        }
    }

    // MARK: OpenSanctions

    static let ftm = """
        {"id": "NK-abc", "schema": "Person", "caption": "Alexander Lukashenko", "properties": {"name": ["Alexander Lukashenko", "Aliaksandr Lukashenka"], "alias": ["Лукашенко Александр"], "weakAlias": ["Batka"], "nationality": ["by"], "topics": ["sanction", "role.pep"]}, "datasets": ["us_ofac_sdn", "eu_fsf"], "target": true}
        {"id": "ofac-22543", "schema": "Company", "caption": "PMC Wagner", "properties": {"name": ["PMC Wagner"], "country": ["ru"], "topics": ["sanction"]}, "datasets": ["us_ofac_sdn"]}
        {"id": "sanc-1", "schema": "Sanction", "properties": {"entity": ["NK-abc"], "program": ["BELARUS"], "listingDate": ["2006-06-16"]}}
        {"id": "addr-1", "schema": "Address", "properties": {"full": ["Minsk"]}}
        {"id": "rel-1", "schema": "Person", "caption": "Relative", "properties": {"name": ["Relative"]}, "target": false}

        """

    @Test func openSanctionsEntitiesBecomeListEntries() throws {
        let list = try OpenSanctionsImporter(countries: Self.countries, snapshotDate: Day(iso: "2025-01-01"))
            .importFile(bytes: Array(Self.ftm.utf8), file: "entities.ftm.json")
        #expect(list.entities.map(\.id) == ["NK-abc", "ofac-22543"])
        let person = list.entities[0]
        #expect(person.name == "Alexander Lukashenko")
        #expect(person.aliases == ["Aliaksandr Lukashenka", "Лукашенко Александр", "Batka"])
        #expect(person.kind == .person)
        #expect(person.country?.code == "BY")
        #expect(person.listedBy == ["us_ofac_sdn", "eu_fsf"])
        #expect(person.programmes == ["BELARUS"])
        #expect(person.since == Day(iso: "2006-06-16"))
        #expect(person.measures == ["asset-freeze"])
        #expect(list.entities[1].kind == .organisation)
        #expect(list.entities[1].country?.code == "RU")
        #expect(list.summary.first?.contains("2 other entities skipped") == true)
        // And the file loads.
        let database = try RiskDatabaseLoader(countries: Self.countries, vocabularies: TestData.workspace.vocabularies)
            .load(files: [("os.yaml", "os.yaml", Array(ListWriter.yaml(list).utf8))], path: "lists")
        #expect(database.entities.count == 2)
    }

    @Test func badOpenSanctionsLinesAreLocated() {
        let bytes: [UInt8] =
            Array(
                "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n{not json}\n[1]\n{\"id\": \"b\", \"schema\": \"Person\", \"properties\": {\"name\": [\""
                    .utf8)
            + [0xC3, 0x28] + Array("\"]}}\n".utf8)
        do {
            _ = try OpenSanctionsImporter(countries: Self.countries).importFile(bytes: bytes, file: "os.json")
            Issue.record("no error")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.count == 3)
            #expect(messages[0].hasPrefix("os.json:2:1: error: invalid JSON"))
            #expect(messages[1] == "os.json:3:1: error: expected a JSON object (an entity) on each line")
            #expect(messages[2] == "os.json:4:58: error: bad encoding: not UTF-8")
        }
        #expect(throws: InputError.self) { _ = try OpenSanctionsImporter(countries: Self.countries).importFile(bytes: Array("\n\n".utf8), file: "os.json") }
    }
}
