import Foundation
import Testing

/// Issue 21, item 3: everything as it was known on the as-of date. Events ending after it are
/// ongoing on it, measures announced but not in force are noted and not applied, the data
/// snapshot says what was not known yet and how old the database is, and politically exposed
/// persons count from the day the source shows them in their role.
@Suite struct AsOfKnowledgeTests {
    static let asOfDir = Executable.fixtures.appendingPathComponent("as-of")
    static let minsk = asOfDir.appendingPathComponent("minsk-office.yaml").path
    static let ongoingDB = asOfDir.appendingPathComponent("ongoing-db").path
    static let pep = asOfDir.appendingPathComponent("pep-counterparty.yaml").path

    static func findings(_ arguments: [String]) throws -> [[String: Any]] {
        let run = try Executable.run(arguments + ["--format", "json", "--output", "-"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        return JSONReportTables.findings(document)
    }

    /// A shutdown that ran from 2020-09-20 to 2020-12-07 is ongoing on 2020-09-22: its end is
    /// never shown then; on 2020-12-31 it is over; on 2016-01-01 it does not exist.
    @Test func anEventEndingAfterTheAsOfDateIsOngoingOnIt() throws {
        let during = try Self.findings(["check", Self.minsk, "--db", Self.ongoingDB, "--as-of", "2020-09-22"])
        let finding = try #require(during.first { $0["rule"] as? String == "shutdown-exposure" })
        #expect(finding["severity"] as? String == "high" && finding["line"] as? Int == 6)
        let path = finding["path"] as? [String] ?? []
        #expect(path.contains("1 shutdown event(s), latest ongoing at the as-of date (2020-09-22)"), "\(path)")
        let text = String(decoding: try JSONSerialization.data(withJSONObject: during), as: UTF8.self)
        #expect(!text.contains("2020-12-07"), "\(text)")
        let events = (finding["exposure"] as? [String: Any])?["events"] as? [[String: Any]] ?? []
        #expect(events.first?["ongoing_at"] as? String == "2020-09-22" && events.first?["until"] == nil)

        let after = try Self.findings(["check", Self.minsk, "--db", Self.ongoingDB, "--as-of", "2020-12-31"])
        let over = try #require(after.first { $0["rule"] as? String == "shutdown-exposure" })
        #expect((over["path"] as? [String] ?? []).contains("1 shutdown event(s), latest 2020-12-07"), "\(over)")

        let before = try Self.findings(["check", Self.minsk, "--db", Self.ongoingDB, "--as-of", "2016-01-01"])
        #expect(before.isEmpty)
    }

    /// The EU announced its Belarus sanctions on 2020-09-08; they took effect on 2020-10-02.
    /// On 2020-09-22 they are an info note that does not give the later date; on 2020-12-31 they
    /// are in force and no longer announced; on 2016-01-01 nothing is known of them.
    @Test(arguments: [("2016-01-01", false), ("2020-09-22", true), ("2020-12-31", false)])
    func aMeasureAnnouncedButNotInForceIsNotedNotApplied(_ asOf: String, _ announced: Bool) throws {
        let run = try Executable.run(["check", Self.minsk, "--as-of", asOf, "--format", "text"])
        #expect(
            run.stdout.contains(
                "\(Self.minsk):6:5: info: [announced-measure] EU sanctions on individuals responsible for repression and election falsification in Belarus: announced on 2020-09-08, not in force on the as-of date (\(asOf))"
            ) == announced, "\(run.stdout)")
        if announced {
            let findings = try Self.findings(["check", Self.minsk, "--as-of", asOf])
            let text = String(decoding: try JSONSerialization.data(withJSONObject: findings), as: UTF8.self)
            #expect(!text.contains("2020-10-02") && !text.contains("2020/1387"), "\(text)")
        }
    }

    /// The data snapshot marks sources dated after the as-of date and states the database's age.
    @Test func theSnapshotSaysWhatWasNotKnownAndHowOldTheDatabaseIs() throws {
        func markdown(_ asOf: String) throws -> String {
            try Executable.run(["check", Self.minsk, "--as-of", asOf, "--format", "markdown", "--output", "-"]).stdout
        }
        let early = try markdown("2016-01-01")
        #expect(
            early.contains(
                "| MS Risk Blog | 2020-09 | not known at the as-of date: taken 56 months after it; only its facts dated by the as-of date are used |"),
            "\(early)")
        #expect(
            early.contains(
                "No factor of the database had been reviewed by the as-of date: it describes a later time. 11 factors were reviewed after the as-of date; their facts dated after it are not used."
            ))
        let during = try markdown("2020-09-22")
        #expect(during.contains("| Official Journal of the European Union | 2020-10-02 | not known at the as-of date: taken 10 days after it;"))
        #expect(
            during.contains(
                "The database is 1 day old at the as-of date (newest factor review on or before it: 2020-09-21). 1 factor was reviewed after the as-of date; its facts dated after it are not used."
            ))
        #expect(!during.contains("2020/1387"), "the regulation of 2020-10-02 is cited as of 2020-09-22")
        let late = try markdown("2020-12-31")
        #expect(late.contains("The database is 90 days old at the as-of date (newest factor review on or before it: 2020-10-02)."))
        let json = try Executable.run(["check", Self.minsk, "--as-of", "2020-12-31", "--format", "json", "--output", "-"]).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let database = document["database"] as? [String: Any] ?? [:]
        #expect(database["age_days"] as? Int == 90 && database["reviewed_after_as_of"] as? Int == 0, "\(database)")
        let text = try Executable.run(["check", Self.minsk, "--as-of", "2020-12-31", "--format", "text"])
        #expect(
            text.stdout.contains("database: diligence seed database 2020-09-22 sha256:") && text.stdout.contains("; 90 days old at the as-of date\n"),
            "\(text.stdout)")
        let earlyText = try Executable.run(["check", Self.minsk, "--as-of", "2016-01-01", "--format", "text"])
        #expect(earlyText.stdout.contains("; no factor reviewed by the as-of date\n"), "\(earlyText.stdout)")
    }

    /// Mali's junta leader is a politically exposed person from the coup of 2020-08-18: a
    /// medium PEP finding, never a sanction; before the coup, nothing.
    @Test(arguments: [("2016-01-01", false), ("2020-09-22", true), ("2020-12-31", true)])
    func aPoliticallyExposedPersonIsReportedAsSuch(_ asOf: String, _ reported: Bool) throws {
        let run = try Executable.run(["check", Self.pep, "--as-of", asOf, "--format", "text"])
        #expect(
            run.stdout.contains(
                "\(Self.pep):6:5: medium: [listed-counterparty] Assimi Goita matches politically exposed person Assimi Goïta (Leader of the National Committee for the Salvation of the People (CNSP)"
            ) == reported, "\(run.stdout)")
        #expect(!run.stdout.contains("matches listed person"))
    }

    /// The OFAC excerpt holds the programmes of its 2024 snapshot ([CAR] and [RUSSIA-EO14024]
    /// came after 2017): a check of 2020 shows the listing from 2017-06-20 without them, and
    /// without the 2024 and 2025 files as sources; a check after the 2024 snapshot shows them.
    @Test(arguments: [("2020-09-22", false), ("2020-12-31", false), ("2024-06-01", true)])
    func programmesFromALaterSnapshotAreNotShown(_ asOf: String, _ shown: Bool) throws {
        let policy = Self.asOfDir.appendingPathComponent("wagner-counterparty.yaml").path
        let findings = try Self.findings(["check", policy, "--as-of", asOf])
        let listed = try #require(findings.first { $0["rule"] as? String == "listed-counterparty" })
        #expect(listed["severity"] as? String == "critical" && listed["line"] as? Int == 5)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: listed), as: UTF8.self)
        #expect(text.contains("RUSSIA-EO14024") == shown && text.contains("[CAR]") == shown, "\(text)")
        #expect(!text.contains("alt.csv as published February 2025"), "the alias file of February 2025 is later than every date here")
        #expect(text.contains("press release sm0114"))
        if !shown { #expect(text.contains("its programmes are those of the 2024-05-03 snapshot, taken after the as-of date: not shown")) }
    }

    /// The Cabo Delgado factor cites OFAC's 2024 snapshot for the Wagner Group: a check of 2020
    /// does not cite it (its programmes came later) and says one source was left out.
    @Test(arguments: ["2020-09-22", "2020-12-31"])
    func aSourceDatedAfterTheAsOfDateIsNotCited(_ asOf: String) throws {
        let sites = Executable.fixtures.appendingPathComponent("severity/cabo-delgado-sites.yaml").path
        let findings = try Self.findings(["check", sites, "--as-of", asOf])
        let afungi = try #require(findings.first { $0["subject"] as? String == "afungi-yard" })
        #expect(afungi["severity"] as? String == "critical" && afungi["line"] as? Int == 19)
        let evidence = afungi["evidence"] as? [[String: Any]] ?? []
        #expect(
            evidence.first?["fact"] as? String
                == "ASWJ Islamist insurgency in Cabo Delgado, northern Mozambique (1 of its sources dated after the as-of date, not cited)",
            "\(evidence.first ?? [:])")
        let text = String(decoding: try JSONSerialization.data(withJSONObject: afungi), as: UTF8.self)
        #expect(!text.contains("RUSSIA-EO14024") && !text.contains("2024-05-03"), "\(text)")
    }
}
