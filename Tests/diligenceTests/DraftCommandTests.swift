import Foundation
import Testing

/// Issue 19, end to end: `diligence db draft ARTICLE` on real and written articles, and
/// `status: draft` through `validate` (a warning) and `check` (refused, exit 2).
@Suite(.serialized) struct DraftCommandTests {
    static let articles = Executable.root.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_3c4f3d760049849b.txt")
    static let fixtures = Executable.fixtures.appendingPathComponent("drafting")

    /// Article `number` (1-based) of the seeds' source file: from its title, two lines above its
    /// "Posted on in" line, to the next article's title.
    static func article(_ number: Int) throws -> String {
        let lines = try String(contentsOf: articles, encoding: .utf8).components(separatedBy: "\n")
        let starts = lines.indices.filter { lines[$0].hasPrefix("Posted on in ") }.map { $0 - 2 }
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] : lines.count
        return lines[start..<end].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    /// Runs `db draft` and returns the run and the draft's text ("" when none was written).
    static func draft(_ article: URL, _ extra: [String], in folder: URL) throws -> (run: Executable.Run, text: String, path: URL) {
        let output = folder.appendingPathComponent("draft.yaml")
        let run = try Executable.run(["db", "draft", article.path, "--output", output.path] + extra)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return (run, text, output)
    }

    /// The (subject, severity) pairs of a rule's findings for a policy checked against `db`.
    static func findings(_ rule: String, db: URL, policy: String, asOf: String) throws -> [String] {
        let run = try Executable.run(["check", policy, "--db", db.path, "--as-of", asOf, "--format", "json", "--fail-on", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        return findings.filter { $0["rule"] as? String == rule }
            .map { "\($0["subject"] as? String ?? "") \($0["severity"] as? String ?? "")" }.sorted()
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: DraftCommandTests.articles.path), "needs ../shared/seeds beside the checkout"))
    func caboDelgadoDraftCorrectedGivesTheSeedsConflictFindings() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A database like seeds/, without the hand-written Cabo Delgado factor.
        let db = folder.appendingPathComponent("db")
        try FileManager.default.copyItem(at: Executable.root.appendingPathComponent("seeds"), to: db)
        try FileManager.default.removeItem(at: db.appendingPathComponent("factors/mz-cabo-delgado-insurgency.yaml"))
        let article = folder.appendingPathComponent("cabo-delgado.txt")
        try Self.article(2).write(to: article, atomically: true, encoding: .utf8)
        let output = db.appendingPathComponent("factors/draft.yaml")
        let run = try Executable.run([
            "db", "draft", article.path, "--country", "MZ", "--published", "2020-09-01",
            "--source", "MS Risk Blog", "--output", output.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // The summary names what to review: the province the gazetteer does not know.
        #expect(run.stderr.contains("places: 3 geocoded: Mocímboa da Praia (MZ), Quissanga (MZ), Afungi (MZ)"), "\(run.stderr)")
        #expect(run.stderr.contains("unknown place “Cabo Delgado”"), "\(run.stderr)")
        var text = try String(contentsOf: output, encoding: .utf8)
        // Dated events with the article's dates and precision, each quoting its sentence.
        for date in ["2017-10", "2020-03", "2020-05", "2020-06", "2020-08-12"] {
            #expect(text.contains("      - date: \(date)  # review:"), "no event \(date)")
        }
        #expect(text.contains("quote: \"Their March 2020 pre-dawn attacks on the towns of Mocimboa da Praia and Quissanga"))
        #expect(text.contains("kind: armed-conflict"))

        // A draft: validate warns and passes, check refuses with a located error.
        let validate = try Executable.run(["validate", "policies/mz-cabo-delgado-lng-logistics.yaml", "--db", db.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("draft.yaml:16:13: warning: factor DRAFT-MZ-cabo-delgado-armed-conflict is a draft"), "\(validate.stderr)")
        let refused = try Executable.run(["check", "policies/mz-cabo-delgado-lng-logistics.yaml", "--db", db.path, "--as-of", "2020-09-22", "--format", "json"])
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("draft.yaml:16:13: error: factor DRAFT-MZ-cabo-delgado-armed-conflict is a draft"), "\(refused.stderr)")

        // The analyst's corrections, scripted: what the summary and the `review:` lines flag.
        text = text.replacingOccurrences(of: "    status: draft\n", with: "")
        text = text.replacingOccurrences(of: "    severity: high  # review: the rule's starting value", with: "    severity: critical")
        // Quissanga: the analyst's radius is 40 km, not the rule's 50.
        text = text.replacingOccurrences(
            of: "      - name: \"Quissanga\"\n        lat: -12.43\n        lon: 40.48\n        radius_km: 50",
            with: "      - name: \"Quissanga\"\n        lat: -12.43\n        lon: 40.48\n        radius_km: 40")
        // The unknown province, located by the analyst: the insurgency zone of the seeds.
        let zone = """
                  - name: "Cabo Delgado insurgency zone"
                    region: Cabo Delgado
                    lat: -11.7992
                    lon: 40.2362
                    radius_km: 125
                    located_by: "analyst"

            """
        text = text.replacingOccurrences(of: "    # review: unknown to the gazetteer: “Cabo Delgado”", with: zone + "    # located: “Cabo Delgado”")
        // The target's site kinds, and the article's second target (infrastructure across the province).
        text = text.replacingOccurrences(
            of: "        located_by: \"approximate, from /work/shared/data/README.md (public maps), as the seeds' Afungi LNG target\"\n",
            with:
                "        located_by: \"approximate, from /work/shared/data/README.md (public maps), as the seeds' Afungi LNG target\"\n        site_kinds: [construction-site, plant, port]\n      - name: \"Key infrastructure installations across Cabo Delgado\"\n        site_kinds: [port, warehouse, plant, construction-site]\n"
        )
        try text.write(to: output, atomically: true, encoding: .utf8)
        #expect(!text.contains("    status: draft\n"))

        let corrected = try Self.findings("conflict-proximity", db: db, policy: "policies/mz-cabo-delgado-lng-logistics.yaml", asOf: "2020-09-22")
        let seeds = try Self.findings(
            "conflict-proximity", db: Executable.root.appendingPathComponent("seeds"), policy: "policies/mz-cabo-delgado-lng-logistics.yaml", asOf: "2020-09-22"
        )
        #expect(!seeds.isEmpty)
        #expect(corrected == seeds)
    }

    @Test func unseenBriefingDraftsItsDatesPlacesAndKinds() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, text, _) = try Self.draft(
            Self.fixtures.appendingPathComponent("unseen-briefing.txt"),
            ["--country", "ML", "--published", "2021-04-15", "--source", "Test briefing"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        // 15 April 2021 is a Thursday: "on Tuesday" is the 13th; "last month" March; "in June" the last June.
        for (date, expression) in [
            ("2021-03-03", "3 March 2021"), ("2021-01", "January 2021"), ("2020-06", "June"),
            ("2021-03", "Last month"), ("2021-04-13", "Tuesday"),
        ] {
            #expect(text.contains("- date: \(date)  # review: from “\(expression)”"), "no \(date) from \(expression)")
        }
        // Two places in one sentence: two located events.
        #expect(text.contains("place: \"Gao\""))
        #expect(text.contains("place: \"Ménaka\""))
        #expect(run.stderr.contains("unknown place “Springfield”"), "\(run.stderr)")
        for kind in ["armed-conflict", "civil-unrest", "sanction"] { #expect(text.contains("kind: \(kind)"), "no \(kind)") }
        #expect(text.contains("# proposed by"))
        // The draft is a valid factor file with a warning.
        let db = folder.appendingPathComponent("db")
        try FileManager.default.copyItem(at: Executable.root.appendingPathComponent("seeds"), to: db)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("draft.yaml"), to: db.appendingPathComponent("factors/draft.yaml"))
        let validate = try Executable.run(["validate", "policies", "--db", db.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("warning: factor DRAFT-ML-unseen-briefing-armed-conflict is a draft"))
    }

    @Test(arguments: ["article.html", "article.md"])
    func markupIsStrippedByAParser(_ name: String) throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // No --published: the page's own date (meta tag, front matter) resolves "12 August".
        let (run, text, _) = try Self.draft(Self.fixtures.appendingPathComponent(name), ["--country", "MZ"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(text.contains("- date: 2020-08-12  # review: from “12 August”"), "\(text)")
        #expect(text.contains("- date: 2020-03  # review: from “March 2020”"))
        #expect(text.contains("place: \"Mocímboa da Praia\""))
        #expect(text.contains("place: \"Quissanga\""))
        #expect(text.contains("published: 2020-09-01"))
        #expect(text.contains("title: \"DRAFT: Insurgents take a port town (armed-conflict)\""))
        // Tags, scripts, styles, navigation, code and footers are not text.
        for absent in ["<b>", "**", "&amp;", "[fighting]", "1999", "1998", "Home", "2021", "Palma"] {
            #expect(!text.contains(absent), "\(absent) in the draft")
        }
    }

    @Test func hostileArticlesAreRefusedWithALocatedErrorAndNothingWritten() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let invalid = folder.appendingPathComponent("latin1.txt")
        try Data("On 12 August\ninsurgents took Palma caf\u{E9}".utf8.map { $0 } + [0xE9, 0x0A]).write(to: invalid)
        let huge = folder.appendingPathComponent("huge.txt")
        try Data(repeating: 0x61, count: 5 << 20).write(to: huge)
        let binary = folder.appendingPathComponent("binary.txt")
        try Data([0x41, 0x00, 0x42]).write(to: binary)
        let empty = folder.appendingPathComponent("empty.html")
        try Data("<html><script>x</script></html>".utf8).write(to: empty)
        for (file, message) in [
            (invalid, "latin1.txt:2:27: error: article is not valid UTF-8 (byte 0xE9)"),
            (huge, "huge.txt:1:1: error: file is 5242880 bytes; the limit is 1048576 bytes"),
            (binary, "binary.txt:1:2: error: article holds a NUL byte"),
            (empty, "empty.html:1:1: error: article holds no text"),
            (folder.appendingPathComponent("missing.txt"), "missing.txt:1:1: error: no such file"),
        ] {
            let (run, text, path) = try Self.draft(file, ["--country", "MZ"], in: folder)
            #expect(run.status == 2, "\(file.lastPathComponent): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(text.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: path.path))
        }
        // One line of a megabyte of names and dates: cut into sentences, capped, done; the draft stays small.
        let line = folder.appendingPathComponent("one-line.txt")
        let words = ["Zorba", "Mocimboa", "da", "Praia", "Minsk", "Total", "12", "August", "Monday", "in", "attack", "Col.", "Bamako"]
        var text = ""
        var index = 0
        while text.utf8.count < (1 << 20) - 16 { text += words[index % words.count] + " "; index = (index * 7 + 3) % words.count }
        try text.write(to: line, atomically: true, encoding: .utf8)
        let long = try Self.draft(line, ["--country", "MZ", "--published", "2020-09-01"], in: folder)
        #expect(long.run.status == 0, "\(long.run.stderr)")
        #expect(long.text.utf8.count < 4 << 20)
        #expect(long.run.stderr.contains("the article holds more than a draft lists"), "\(long.run.stderr)")
        try? FileManager.default.removeItem(at: long.path)
        let unknownCountry = try Self.draft(Self.fixtures.appendingPathComponent("unseen-briefing.txt"), ["--country", "Atlantis"], in: folder)
        #expect(unknownCountry.run.status == 2)
        #expect(unknownCountry.run.stderr.contains("unknown country 'Atlantis'"))
    }
}
