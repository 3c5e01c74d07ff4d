import Foundation
import Testing

@testable import DiligenceKit

/// The reports: escaping of policy text, provenance, the JSON contract, determinism.
@Suite struct ReportTests {
    /// Every text field a user controls, with table pipes, HTML, backticks, newlines and
    /// workflow-command syntax.
    static let hostile = #"""
        version: 1
        company: "Evil | Corp <script>alert(1)</script> `rm -rf` \nsecond line"
        owner: "ops|team"
        sector: "soft|ware"
        sites:
          - id: minsk-office
            name: "Office | <img src=x onerror=alert(1)> `x`\n::error file=evil.yaml,line=1::pwned"
            kind: office
            country: BY
            region: "Minsk|Region"
            city: "Minsk\n| fake | row |"
            depends_on: [slack]
        counterparties:
          - id: provider
            name: "Belt|elecom <b>bold</b>"
            country: BY
            role: isp
            aliases: ["A|B", "<script>x</script>"]
        travel:
          - id: trip
            name: "Trip | <script>t</script>"
            country: ML
        accepted_risks:
          - finding: "shutdown-exposure/minsk-office|x"
            reason: "Because | <script>alert(2)</script>\n| fake | row |"
            approved_by: "Head | of <b>Compliance</b> `x`"
            expires: 2021-03-31
        """#

    static func hostileResult() throws -> CheckResult {
        try TestData.check(hostile)
    }

    /// Cells of a GFM table row: pipes split cells unless escaped with a backslash (also
    /// inside code spans, as GFM splits rows before it parses inlines).
    static func unescapedPipes(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }

    // MARK: Markdown

    /// The scope tables' rows, byte for byte: cells written one by one, empty cells as a space,
    /// region and city joined by " / " only when both are given, lists escaped item by item,
    /// coordinates with four decimals (HS 0101 adds the goods it names).
    @Test func scopeRowsAreWrittenCellByCell() throws {
        let result = try TestData.check(
            TestData.minimal(
                """
                sites:
                  - id: depot
                    name: "Depot | A"
                    country: ML
                    region: Kayes
                    city: "Kita"
                    location: { lat: 13.05, lon: -9.4833 }
                    depends_on: [payments, slack]
                    continuity: []
                  - id: yard
                    country: ML
                    city: Gao
                trade:
                  - id: cotton
                    direction: import
                    country: ML
                    goods: [cotton]
                    hs_codes: ["5201", "0101"]
                counterparties:
                  - id: agent
                    name: "<b>Agent</b>"
                    country: ML
                    aliases: ["A_B", "C|D"]
                travel:
                  - id: trip
                    country: ML
                    travellers: 3
                """))
        let markdown = MarkdownReporter().render(result)
        // A company's first row in each table names it (the report-wide tables hold every
        // company's operations); its other rows leave the cell empty.
        let company = "\n| " + Escaping.markdown(result.policies[0].policy.company) + " "
        #expect(markdown.contains(company + "| `depot` Depot \\| A | — | Mali (ML) | Kayes / Kita | 13.0500, -9.4833 | payments, slack |   |\n"))
        #expect(markdown.contains("\n|   | `yard`  | — | Mali (ML) | Gao | **none** |   |   |\n"))
        #expect(markdown.contains(company + "| `cotton`  | import | Mali (ML) | cotton, livestock | 5201, 0101 |   |\n"))
        #expect(markdown.contains(company + "| `agent` | &lt;b&gt;Agent&lt;/b&gt; | Mali (ML) | — | A\\_B; C\\|D |\n"))
        #expect(markdown.contains(company + "| `trip`  | Mali (ML) | — | 3 | — |\n"))
    }

    @Test func policyTextBreaksNoTableRow() throws {
        let markdown = MarkdownReporter().render(try Self.hostileResult())
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var tables = 0
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("|") else { index += 1; continue }
            tables += 1
            let columns = Self.unescapedPipes(lines[index])
            while index < lines.count, lines[index].hasPrefix("|") {
                #expect(Self.unescapedPipes(lines[index]) == columns, "a broken table row: \(lines[index])")
                index += 1
            }
        }
        // Control, data snapshot, summary, three scope tables, accepted risks, not assessed.
        #expect(tables >= 7)
        #expect(!lines.contains { $0.hasPrefix("second line") || $0.hasPrefix("::error") || $0.hasPrefix("| fake") })
        #expect(markdown.contains("| `test.yaml:24` | `shutdown-exposure/minsk-office\\|x` |"))
    }

    @Test func codeSpansInTableCellsEscapePipes() {
        #expect(Escaping.codeInTable("a|b`c\nd") == "a\\|b'c d")
        #expect(Escaping.code("a|b`c\nd") == "a|b'c d")
        #expect(Escaping.markdown("<a href='x'>*hi*</a> [l](u) | # ~ ! _") == "&lt;a href='x'&gt;\\*hi\\*&lt;/a&gt; \\[l\\](u) \\| \\# \\~ \\! \\_")
    }

    /// Text with nothing to escape comes back as it is; line breaks (CR LF once) become one
    /// space; a combining mark cannot hide a special character from the escaper; hidden
    /// characters are written out (`\u{202E}`) or, on a terminal, shown as `?`.
    @Test(arguments: [
        ("Minsk Fuel Trading LLC", "Minsk Fuel Trading LLC", "Minsk Fuel Trading LLC", "Minsk Fuel Trading LLC"),
        ("Лукашенко → ✓ 🙂", "Лукашенко → ✓ 🙂", "Лукашенко → ✓ 🙂", "Лукашенко → ✓ 🙂"),
        ("a\r\nb\rc\nd\te", "a b c d e", "a b c d\te", "a??b?c?d?e"),
        ("*\u{301}x`\u{301}", "\\*\u{301}x\\`\u{301}", "*\u{301}x'\u{301}", "*\u{301}x`\u{301}"),
        ("x\u{85}y\u{2028}z\u{2029}w\u{B}v\u{C}u", "x\\u{85}y\\u{2028}z\\u{2029}w\\u{B}v\\u{C}u", "x y z w v u", "x?y?z?w?v?u"),
        // Escape sequences, DEL, C1 controls and bidirectional overrides are written out.
        (
            "a\u{1B}[31mb\u{202E}c\u{7F}d\u{9B}e\u{2066}f\u{0}", "a\\u{1B}\\[31mb\\u{202E}c\\u{7F}d\\u{9B}e\\u{2066}f\\u{0}",
            "a\\u{1B}[31mb\\u{202E}c\\u{7F}d\\u{9B}e\\u{2066}f\\u{0}", "a?[31mb?c?d?e?f?"
        ),
    ])
    func escapingKeepsPlainTextAndFoldsLineBreaks(_ input: String, _ markdown: String, _ code: String, _ terminal: String) {
        #expect(Escaping.markdown(input) == markdown)
        #expect(Escaping.code(input) == code)
        #expect(Escaping.terminal(input) == terminal)
    }

    @Test func policyTextInjectsNoHTML() throws {
        let markdown = MarkdownReporter().render(try Self.hostileResult())
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("Evil \\| Corp &lt;script&gt;alert(1)&lt;/script&gt; \\`rm -rf\\`  second line"))
    }

    static let minskAccepted = """
        version: 1
        company: Example Software
        sites:
          - id: minsk-office
            kind: office
            country: BY
            city: Minsk
            depends_on: [slack, github]
        accepted_risks:
          - finding: shutdown-exposure/minsk-office
            reason: Satellite uplink on order
            approved_by: Head of Compliance
            expires: 2021-03-31
        """

    @Test func theMarkdownReportNamesItsDataAndCitesItsSources() throws {
        let result = try TestData.check(Self.minskAccepted)
        let markdown = MarkdownReporter().render(result)
        #expect(markdown.hasPrefix("# Due-diligence report"))
        #expect(markdown.contains("| As of | **2020-09-30**"))
        #expect(result.database.digest.count == 64)
        #expect(markdown.contains("`sha256:\(result.database.digest)`"))
        #expect(markdown.contains("| Newest review in database | 2020-10-02 |"))
        #expect(markdown.contains("Reviewed and signed off by"))
        #expect(markdown.contains(" [1]\n"))
        let annex = try #require(markdown.range(of: "## Annex: sources cited\n\n"))
        let firstSource = try #require(markdown[annex.upperBound...].split(separator: "\n").first { $0.hasPrefix("- [") })
        #expect(firstSource.hasPrefix("- [1]"))
        #expect(firstSource.contains(": MS Risk Blog, “The Belarus Crisis"))
        // The quote of source 1 is in the factor's country profile, with its number (on the
        // line of the event it states).
        #expect(markdown.contains(#/\n  - [^\n]*“[^\n]+” \[1\]\n/#))
        // The accepted risk is shown with its approver and expiry.
        #expect(markdown.contains("- **HIGH** (accepted) `shutdown-exposure/minsk-office/DRF-2020-BY-0001` at `test.yaml:"))
        #expect(markdown.contains("Owner: ________ · Decision: accepted by Head of Compliance · Due: expires 2021-03-31\n"))
        #expect(markdown.contains("| Satellite uplink on order | Head of Compliance | 2021-03-31 | in force (1 finding) |"))
        #expect(markdown.contains("**Gate verdict:** **passed**"))
    }

    @Test func aFailingGateIsTheVerdict() throws {
        let markdown = MarkdownReporter().render(try TestData.check(Self.minskAccepted, asOf: Day(iso: "2021-04-15")!))
        #expect(markdown.contains("**Gate verdict:** **FAILED**"))
        #expect(markdown.contains("| **expired** |"))
    }

    @Test func staleIntelligenceIsListedOnlyWhenThereIsSome() throws {
        // Reviewed 2020-09-08: fresh on 2020-09-30, stale (over 180 days) on 2021-04-15.
        let fresh = MarkdownReporter().render(try TestData.check(Self.minskAccepted, asOf: Day(iso: "2020-09-30")!))
        #expect(fresh.contains("Every factor behind a finding was reviewed within 180 days of the as-of date: none is stale.\n"))
        #expect(!fresh.contains("### Stale intelligence"))
        let stale = MarkdownReporter().render(try TestData.check(Self.minskAccepted, asOf: Day(iso: "2021-04-15")!))
        #expect(
            stale.contains(" 2 factors behind findings were last reviewed more than 180 days before the as-of date: stale intelligence, listed in section 7.\n")
        )
        #expect(stale.contains("### Stale intelligence\n\n| Factor | Title | Last reviewed | Severity |\n| --- | --- | --- | --- |\n| `DRF-2020-BY-0001` |"))
    }

    /// A finding carries where its operation is written as one `SourceLocation`; the text
    /// report's line starts with it, as a compiler's diagnostic does.
    @Test func aFindingIsLocatedInItsPolicy() throws {
        let result = try TestData.check(Self.minskAccepted, asOf: Day(iso: "2020-09-30")!)
        let finding = try #require(result.findings.first { $0.rule == .shutdownExposure })
        // `minsk-office` is the first item of `sites:` (line 4, its `id:` at column 5).
        #expect(finding.location == SourceLocation(file: "test.yaml", line: 4, column: 5))
        #expect(
            TextReporter().render(result).contains("\n" + finding.location.description + ": high (accepted): [shutdown-exposure] ")
                || TextReporter().render(result).hasPrefix(finding.location.description + ": high (accepted): [shutdown-exposure] "))
    }

    // MARK: JSON

    @Test func theJSONReportFollowsTheContract() throws {
        let result = try TestData.check(Self.minskAccepted)
        // Schema 3's members, which schema 4 (the default) holds by place (JSONWriterTests).
        let json = JSONReporter(schemaVersion: 3).render(result)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["schema_version"] as? Int == 3)
        #expect(document["as_of"] as? String == "2020-09-30")
        let database = try #require(document["database"] as? [String: Any])
        #expect(database["digest"] as? String == result.database.digest)
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == result.findings.count)
        let required = [
            "rule", "severity", "policy", "line", "column", "subject", "factors", "message",
            "evidence", "recommendations", "gate", "path",
        ]
        for finding in findings {
            for key in required { #expect(finding.keys.contains(key), "a finding without \(key)") }
        }
        let shutdown = try #require(findings.first { $0["rule"] as? String == "shutdown-exposure" })
        // Schema 3: the identity is left out when it is rule/subject/factor, and the policy is
        // its place in `policies`.
        #expect(shutdown["id"] == nil)
        #expect(shutdown["severity"] as? String == "high")
        let policies = try #require(document["policies"] as? [[String: Any]])
        let place = try #require(shutdown["policy"] as? Int)
        #expect(policies.indices.contains(place) && policies[place]["file"] as? String == "test.yaml")
        let expired = try #require(findings.first { $0["rule"] as? String == "expired-acceptance" } ?? findings.first)
        if expired["rule"] as? String == "expired-acceptance" { #expect(expired["id"] as? String != nil) }
        #expect(shutdown["line"] as? Int == 4)
        #expect(shutdown["column"] as? Int == 5)
        #expect(shutdown["subject"] as? String == "minsk-office")
        #expect(shutdown["factors"] as? [String] == ["DRF-2020-BY-0001"])
        let accepted = try #require(shutdown["accepted"] as? [String: Any])
        #expect(accepted["approved_by"] as? String == "Head of Compliance")
        #expect(accepted["expires"] as? String == "2021-03-31")
        // Evidence by reference: the finding names facts, each fact its source, each once.
        let facts = try #require(document["facts"] as? [[String: Any]])
        let sources = try #require(document["sources"] as? [[String: Any]])
        #expect(Set(facts.compactMap { $0["id"] as? String }).count == facts.count)
        #expect(sources.compactMap { $0["id"] as? Int } == Array(1...sources.count))
        // Schema 3: the finding's evidence list, recommendations and path steps by id, each listed once.
        let lists = try #require(document["evidence_lists"] as? [[String: Any]])
        let list = try #require(lists.first { $0["id"] as? String == shutdown["evidence"] as? String })
        let evidence = try #require(list["items"] as? [[String: Any]])
        let steps = try #require(document["path_steps"] as? [[String: Any]])
        let path = (shutdown["path"] as? [String] ?? []).compactMap { id in steps.first { $0["id"] as? String == id }?["text"] as? String }
        #expect(path.first == "Minsk office" || path.contains { $0.contains("minsk") || $0.contains("Minsk") }, "\(path)")
        let advice = try #require(document["recommendation_lists"] as? [[String: Any]])
        #expect((advice.first { $0["id"] as? String == shutdown["recommendations"] as? String }?["texts"] as? [String])?.isEmpty == false)
        let cited = evidence.compactMap { item in facts.first { $0["id"] as? String == item["fact"] as? String } }
        #expect(cited.count == evidence.count)
        #expect(
            cited.contains { fact in
                sources.contains {
                    $0["id"] as? Int == fact["source"] as? Int && ($0["quote"] as? String)?.isEmpty == false
                        && $0["source"] as? String == "MS Risk Blog"
                }
            })
        // Not accepted: the member is absent.
        let note = try #require(findings.first { $0["rule"] as? String == "human-rights-obligations" })
        #expect(note["accepted"] == nil)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["gate"] as? String == "pass")
    }

    // MARK: Determinism

    /// Two independent runs over every example policy (and the hostile one) give the same bytes.
    @Test(arguments: ReportFormat.allCases)
    func twoRunsRenderTheSameBytes(format: ReportFormat) throws {
        let loader = TestData.workspace.policyLoader
        let files = FileDiscovery.yamlFiles(in: TestData.root.appendingPathComponent("policies").path)
        func run() throws -> String {
            let policies =
                try files.map { try loader.load(path: $0, displayPath: URL(fileURLWithPath: $0).lastPathComponent) }
                + [try TestData.policy(Self.hostile)]
            return format.reporter.render(TestData.check(policies))
        }
        let first = try run()
        let second = try run()
        #expect(first.count > 500)
        #expect(Array(first.utf8) == Array(second.utf8))
    }

    // MARK: GitHub annotations

    @Test func gitHubAnnotationsCannotStartASecondCommand() throws {
        let result = try Self.hostileResult()
        let output = GitHubReporter().render(result)
        let lines = output.split(separator: "\n")
        #expect(lines.count == result.reportedFindings.count)
        for line in lines {
            #expect(
                ["::error file=test.yaml,line=", "::warning file=test.yaml,line=", "::notice file=test.yaml,line="]
                    .contains { line.hasPrefix($0) }, "not an annotation: \(line)")
        }
        #expect(output.contains("%0A::error file=evil.yaml"))
        #expect(!lines.contains { $0.hasPrefix("::error file=evil") })
    }

    @Test func gitHubEscapingEncodesPercentAndLineBreaks() {
        #expect(Escaping.githubMessage("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(Escaping.githubProperty("a:b,c\n") == "a%3Ab%2Cc%0A")
    }

    @Test func theGateDecidesErrorOrWarning() throws {
        let output = GitHubReporter().render(try TestData.check(Self.minskAccepted, asOf: Day(iso: "2021-04-15")!))
        let errors = output.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(errors.contains { $0.contains("title=expired-acceptance (high)") })
        #expect(errors.contains { $0.contains("title=shutdown-exposure (high)") })
    }

    // MARK: Text

    @Test func theTextSummaryNamesTheGateAndTheDatabase() throws {
        let result = try TestData.check(Self.minskAccepted)
        let text = TextReporter().render(result)
        #expect(text.contains("test.yaml:4:5: high (accepted): [shutdown-exposure]"))
        #expect(text.contains("1 policy checked as of 2020-09-30"))
        #expect(text.contains("sha256:\(result.database.digest.prefix(12))"))
        #expect(text.hasSuffix("gate: passed (nothing at or above high)\n"))
    }

    @Test func terminalOutputShowsNoControlCharacters() throws {
        let text = TextReporter().render(try Self.hostileResult())
        #expect(!text.contains("\u{1B}"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("::error") || $0.hasPrefix("second line") })
    }
}
