import Foundation
import Testing

@testable import DiligenceKit

/// The Markdown report of the example policies is shaped for signing: risk first, each
/// company with its own sign-off (each finding's owner, decision and due date, the company's
/// signature), findings grouped by factor, findings that say the same of several operations as
/// one entry, each factor stated once in its country profile, no empty tables, a coverage
/// statement, and nothing lost.
@Suite struct MarkdownStructureTests {
    static let policies = (try? PolicySet.load([TestData.root.appendingPathComponent("policies").path], loader: TestData.workspace.policyLoader)) ?? []

    static let examples: CheckResult = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
        .check(policies, options: CheckOptions(asOf: TestData.asOf))

    static let markdown = MarkdownReporter().render(examples)

    /// The text of section 5 per company, in file order.
    static func companySections() throws -> [(company: String, text: Substring)] {
        let start = try #require(markdown.range(of: "\n## 5. Findings by company\n"))
        let end = try #require(markdown.range(of: "\n## 6. Country risk profiles\n"))
        let section = markdown[start.upperBound..<end.lowerBound]
        return section.components(separatedBy: "\n### ").dropFirst().map { part in
            (String(part.prefix { $0 != "\n" }), Substring(part))
        }
    }

    static func severity(ofBullet line: Substring) -> Severity? {
        Severity.allCases.first { line.hasPrefix("- **\($0.name.uppercased())**") }
    }

    /// The line that names a finding: "`identity` at `file:line:column`", alone on an entry's
    /// first line or on its own line under an entry of several operations.
    static func line(of finding: Finding, in lines: [Substring]) -> Int? {
        lines.firstIndex { $0.contains("`\(finding.identity)` at `\(finding.policy):\(finding.line):\(finding.column)`") }
    }

    /// The exposure path of the entry whose line (or one of whose operations' lines) is at `index`.
    static func why(at index: Int, in lines: [Substring]) -> Substring? {
        var first = index
        while first > 0, !lines[first].hasPrefix("- **") { first -= 1 }
        let next = first + 1
        return next < lines.count && lines[next].hasPrefix("  - **Why:** ") ? lines[next] : nil
    }

    /// The first line of the entry whose line (or one of whose operations' lines) is at `index`.
    static func headline(at index: Int, in lines: [Substring]) -> Substring {
        var first = index
        while first > 0, !lines[first].hasPrefix("- **") { first -= 1 }
        return lines[first]
    }

    @Test func theExamplesHaveTheShapeTheseTestsNeed() throws {
        #expect(Self.examples.policies.count == 9)
        #expect(Self.examples.reportedFindings.contains { $0.severity == .critical })
        // Seven companies have findings; the two without have no part in section 5.
        #expect(try Self.companySections().count == 7)
        #expect(Self.examples.policies.filter { $0.findings.isEmpty }.count == 2)
    }

    /// In each company, the findings go from the most severe down: each factor's findings in
    /// order, the factors in order of their most severe finding, and the company's first finding
    /// is its most severe; the company's signature line closes its part.
    @Test func eachCompanyMeetsItsMostSevereFindingFirst() throws {
        for (company, text) in try Self.companySections() {
            let lines = text.split(separator: "\n")
            let bullets = lines.compactMap(Self.severity(ofBullet:))
            guard let first = bullets.first else { continue }
            #expect(first == bullets.max(), "\(company): the first finding is not the most severe")
            // Within a factor group, most severe first; the groups' highest go down.
            var groupHighest: [Severity] = []
            var current: [Severity] = []
            for line in lines {
                if line.hasPrefix("#### ") {
                    if let top = current.first { groupHighest.append(top) }
                    current = []
                } else if let severity = Self.severity(ofBullet: line) {
                    current.append(severity)
                }
            }
            if let top = current.first { groupHighest.append(top) }
            #expect(groupHighest == groupHighest.sorted(by: >), "\(company): factor groups out of order")
            #expect(lines.last { !$0.isEmpty && !$0.hasPrefix("<a id=") }?.hasPrefix("**Sign-off for ") == true, "\(company): no signature line at the end")
        }
        // The criticals' company leads the executive summary's list of companies.
        let table = try #require(Self.markdown.range(of: "**Companies by risk**"))
        let firstRow = try #require(Self.markdown[table.upperBound...].split(separator: "\n").first { $0.hasPrefix("| [") })
        #expect(firstRow.hasPrefix("| [Lúrio Logistics Services Lda](#policy-"))
        #expect(firstRow.contains("mz-cabo-delgado-lng-logistics-yaml) | 3 |"))
    }

    /// The companies come most severe open finding first, in the executive summary's table and
    /// in sections 3 and 5; the report's first finding is a critical one (it used to be at line
    /// 1,697 of 2,104, the files being in name order).
    @Test func theCompanyWithTheCriticalsComesFirst() throws {
        let markdown = Self.markdown
        let sections = try Self.companySections().map(\.company)
        #expect(sections.first?.hasPrefix("Lúrio Logistics Services Lda") == true)
        let table = try #require(markdown.range(of: "**Companies by risk**"))
        // A company with findings is linked to its part of section 5; one without is named only.
        let rows = markdown[table.upperBound...].split(separator: "\n").prefix { !$0.hasPrefix("**Most severe findings") }
            .filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Company |") && !$0.hasPrefix("| **All companies**") && !$0.hasPrefix("| ---") }
        let order = rows.map { row in
            row.hasPrefix("| [") ? String(row.dropFirst(3).prefix { $0 != "]" }) : String(row.dropFirst(2).prefix { $0 != "|" }.dropLast())
        }
        #expect(order.count == 9)
        let linked = rows.filter { $0.hasPrefix("| [") }.map { String($0.dropFirst(3).prefix { $0 != "]" }) }
        #expect(linked.count == 7)
        #expect(sections.map { String($0.prefix { $0 != "(" }.dropLast()) } == linked)
        #expect(Array(order.prefix(7)) == linked)
        // The scope's tables list the companies in the same order.
        let scope = try #require(markdown.range(of: "\n## 3. Scope\n"))
        let companies = markdown[scope.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).drop {
            !$0.hasPrefix("| Company | Policy file |")
        }.dropFirst(2)
            .prefix { $0.hasPrefix("| ") }.map { String($0.dropFirst(2).prefix { $0 != "|" }.dropLast()) }
        #expect(companies.count == order.count)
        for (company, expected) in zip(companies, order) { #expect(company == expected) }
        let start = try #require(markdown.range(of: "\n## 5. Findings by company\n"))
        let firstFinding = try #require(markdown[start.upperBound...].split(separator: "\n").first { Self.severity(ofBullet: $0) != nil })
        #expect(Self.severity(ofBullet: firstFinding) == .critical)
    }

    /// Each company's part names each of its reported findings once, by identity and place,
    /// with the owner, decision and due date to fill in, and ends with its signature line.
    @Test func eachCompanySignsOffItsOwnFindings() throws {
        let sections = try Self.companySections()
        #expect(sections.count == Self.examples.policies.filter { !$0.findings.isEmpty }.count)
        for entry in Self.examples.policies {
            // A company without a finding has nothing to decide or sign: no part (its scope row says so).
            guard !entry.findings.isEmpty else {
                #expect(!sections.contains { $0.company.hasPrefix(entry.policy.company + " (") }, "\(entry.policy.company)")
                continue
            }
            let section = try #require(sections.first { $0.company.hasPrefix(entry.policy.company + " (") })
            let lines = section.text.split(separator: "\n")
            let decisions = lines.filter { $0.contains(" · Decision: ") }
            #expect(decisions.count == entry.findings.count, "\(entry.policy.company)")
            for finding in entry.findings {
                let at = Self.line(of: finding, in: lines)
                #expect(at != nil, "\(finding.identity) not in the part of \(entry.policy.company)")
                if let at { #expect(lines[at].contains("Owner: ") && lines[at].contains(" · Due: "), "\(finding.identity): no decision fields") }
            }
            if !entry.findings.isEmpty {
                #expect(section.text.contains("**Sign-off for \(Escaping.markdown(entry.policy.company))** "))
            }
        }
    }

    /// Three identical findings for one operator's three sites read as one entry naming the
    /// three sites, each with its identity, place, name and decision.
    @Test func identicalFindingsOfSeveralOperationsAreOneEntry() throws {
        let sections = try Self.companySections()
        let telecom = try #require(sections.first { $0.company.hasPrefix("Svislach Telecom JLLC (") })
        let lines = telecom.text.split(separator: "\n")
        let file = try #require(Self.examples.policies.first { $0.policy.company == "Svislach Telecom JLLC" }).policy.file
        let entry = try #require(lines.firstIndex { $0.hasPrefix("- **HIGH** `human-rights-obligations` for 3 sites (each below): ") })
        // The factor's title is the group's heading, not repeated in the entry.
        #expect(
            lines[entry].hasSuffix(
                ": Svislach Telecom JLLC operates *the site* in Belarus as a telecommunications business, a role the authorities' orders reach directly."))
        // Of the path, only what the line does not say: here nothing ("company sector
        // telecommunications" is "as a telecommunications business").
        for (offset, (site, line, name)) in [
            ("minsk-noc", 25, "Network operations centre"), ("minsk-data-centre", 37, "Core data centre (Minsk south-west)"),
            ("soligorsk-regional-hub", 47, "Soligorsk regional hub and shop"),
        ].enumerated() {
            #expect(
                lines[entry + 1 + offset]
                    == "  - `human-rights-obligations/\(site)/DRF-2020-BY-0002` at `\(file):\(line):5`: \(name). Owner: ________ · Decision: ________ · Due: ________"
            )
        }
        // Findings that differ in more than the operation's name stay apart.
        #expect(telecom.text.contains("- **MEDIUM** `human-rights-obligations/beltelecom/DRF-2020-BY-0002` at `"))
        #expect(!Self.markdown.contains("- **CRITICAL** `conflict-proximity` for "))
    }

    /// Every finding of the JSON report is in the Markdown report, by its identity and its place
    /// in the policy; an entry of several operations names each with its name.
    @Test func everyFindingOfTheJSONReportIsInTheMarkdownReport() throws {
        // Schema 2: each finding whole (schema 3 holds the same, by reference).
        let json = JSONReporter(schemaVersion: 2).render(Self.examples)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == Self.examples.reportedFindings.count)
        let lines = Self.markdown.split(separator: "\n")
        for finding in findings {
            let id = try #require(finding["id"] as? String)
            let policy = try #require(finding["policy"] as? String)
            let line = try #require(finding["line"] as? Int)
            #expect(lines.contains { $0.contains("`\(id)` at `\(policy):\(line):") }, "\(id) missing from the findings")
        }
        for finding in Self.examples.reportedFindings {
            let at = try #require(Self.line(of: finding, in: lines))
            if lines[at].hasPrefix("  - `") {
                // Named, with its own distance when the entry's operations differ in it alone.
                let named = lines[at].contains("`: " + Escaping.markdown(finding.subjectName) + ". Owner: ")
                let distance = MarkdownReporter.distances(in: String(lines[at])).values.first
                let withDistance = distance.map { lines[at].contains("`: " + Escaping.markdown(finding.subjectName) + ", \($0). Owner: ") } ?? false
                #expect(named || withDistance, "\(finding.identity): operation not named")
            }
        }
    }

    /// Every source a reported finding cites is in the annex, with its title and date.
    @Test func everyCitedSourceIsInTheAnnex() throws {
        let annex = try #require(Self.markdown.range(of: "\n## Annex: sources cited\n"))
        let text = Self.markdown[annex.upperBound...]
        var cited = 0
        for finding in Self.examples.reportedFindings {
            for evidence in finding.evidence {
                guard let reference = evidence.reference else { continue }
                cited += 1
                #expect(text.contains(MarkdownReporter.sourceText(reference)), "source lost: \(reference.source) \(reference.title ?? "")")
            }
        }
        #expect(cited > 0)
    }

    /// A factor's quotes, events and recommendations are stated once (in its profile), and
    /// every quote and recommendation of every finding is still in the report.
    @Test func aFactorIsStatedOnceAndNothingIsLost() throws {
        let markdown = Self.markdown
        func count(_ text: String) -> Int { markdown.components(separatedBy: text).count - 1 }
        // The issue's example: the coup event was printed 15 times.
        #expect(count("Military coup removes President Ibrahim Boubacar Keïta") == 1)
        var factors: [String: RiskFactor] = [:]
        for finding in Self.examples.reportedFindings {
            for id in finding.factors { factors[id] = TestData.workspace.database.factor(id: id) }
            for evidence in finding.evidence {
                if let quote = evidence.reference?.quote {
                    #expect(markdown.contains(Escaping.markdown(quote)), "quote lost: \(quote)")
                }
            }
            for recommendation in finding.recommendations {
                // What a binding measure requires is said once for the bound parties of a company
                // (`everyPieceOfAdviceIsSaidOnce` holds each party and operation).
                if let binding = finding.binding, recommendation.hasPrefix("The measure binds \(binding.entity): ") {
                    let rest = recommendation.dropFirst("The measure binds \(binding.entity): ".count)
                    #expect(
                        markdown.split(separator: "\n").contains {
                            $0.contains(Escaping.markdown(binding.entity)) && $0.lowercased().contains(Escaping.markdown(String(rest)).lowercased())
                        },
                        "recommendation lost: \(recommendation)")
                    continue
                }
                #expect(markdown.contains(Escaping.markdown(recommendation)), "recommendation lost: \(recommendation)")
            }
        }
        #expect(factors.count >= 8)
        for factor in factors.values {
            #expect(count("<a id=\"factor-\(factor.id.lowercased())\"></a>") == 1)
            for reference in factor.references {
                guard let quote = reference.quote, (reference.date?.earliest).map({ $0 <= TestData.asOf }) ?? true else { continue }
                // A quote whose words are part of a longer quote of the same article is cited
                // by that one's number; every other quote is quoted once.
                let held = factors.values.contains { $0.references.contains { MarkdownReporter.holds($0, reference) } }
                #expect(count("“" + Escaping.markdown(quote) + "”") == (held ? 0 : 1), "\(factor.id): quote not once: \(quote)")
                #expect(count(Escaping.markdown(quote)) >= 1, "\(factor.id): quote lost: \(quote)")
            }
            for recommendation in factor.recommendations {
                #expect(count(Escaping.markdown(recommendation)) == 1, "\(factor.id): recommendation not once: \(recommendation)")
            }
            for event in factor.events(asOf: TestData.asOf) {
                #expect(count(Escaping.markdown(event.evidenceFact)) >= 1, "\(factor.id): event lost: \(event.what)")
            }
        }
        // A factor's exempt goods are in its profile, not repeated per finding.
        let exemptions = factors.values.compactMap { $0.exemptGoodsEvidence?.fact }
        #expect(!exemptions.isEmpty)
        for fact in Set(exemptions) {
            #expect(count(Escaping.markdown(fact)) == exemptions.filter { $0 == fact }.count, "exempt goods not once per factor: \(fact)")
        }
        // A factor announced but not in force on the as-of date (behind announced-measure notes
        // only) has one profile, which says so without the later in-force and review dates.
        #expect(count("<a id=\"factor-drf-2020-by-0004\"></a>") == 1)
        #expect(markdown.contains("sanction, severity high; announced on 2020-09-08, not in force on the as-of date; reviewed after the as-of date."))
        #expect(!markdown.contains("in force since 2020-10-02"))
        // A list entry's source that a profile lists (the Baltic announcement, without a quote)
        // is listed there once, not again as the finding's evidence.
        let announcement = "Announcement of 31 August 2020 of national sanctions (entry bans) by Lithuania, Latvia and Estonia"
        #expect(count(announcement) == 2, "the profile's source line and the annex")
        #expect(markdown.contains(" [22] Ministry of Foreign Affairs of the Republic of Lithuania, “\(announcement)"))
        #expect(
            markdown.contains(
                "\n  - **Evidence:** since 2020-08-31: Alexander Grigorievich Lukashenko (person) listed by LT, LV, EE under Travel bans on Belarusian officials, 2020 (`BY-TRAVELBAN-2020-0001`) ["
            ))
        // No evidence line is a title without its quote: the profiles quote their sources.
        #expect(!markdown.contains("2020-09: The Belarus Crisis and its Implications"))
    }

    /// No table of events: a place-bound finding names the events it cites on a line of its
    /// own (date, place, distance) with the events counted by distance band, only bands that
    /// hold events; nothing of the former band table is lost.
    @Test func eventsAreNamedOnTheFindingsLineNotInATable() throws {
        #expect(!Self.markdown.contains("| Operation | Distance band |"))
        #expect(!Self.markdown.contains("Events by distance band ("))
        #expect(
            Self.markdown.contains(
                "\n  - **Events cited:** 2020-09-15, Bamako, Monument de l’Indépendance (0.0 km); 2020-09-17, Bamako, French Embassy (0.0 km)\n"))
        #expect(!Self.markdown.contains(#/ \d+–\d+ km: 0[;\n]/#))
        let lines = Self.markdown.split(separator: "\n")
        func events(_ identity: String) throws -> Substring {
            let at = try #require(lines.firstIndex { $0.contains("`\(identity)` at `") }, "\(identity) missing")
            return try #require(
                lines[(at + 1)...].prefix { $0.hasPrefix("  ") }.first { $0.hasPrefix("  - **Events cited:** ") }, "\(identity): no events line")
        }
        // The facts of the former table's rows, each on its finding's line.
        for (site, km) in [("afungi-yard", "64 km"), ("palma-port-office", "66 km"), ("afungi-crew-change", "65 km")] {
            #expect(
                try events("conflict-proximity/\(site)/DRF-2020-MZ-0001")
                    == "  - **Events cited:** 2020-08-12, Mocímboa da Praia (\(km)); March 2020 (month), Mocímboa da Praia (\(km)); counted by distance band: 25–100 km: 2; 100–200 km: 1"
            )
        }
        #expect(
            try events("conflict-proximity/pemba-warehouse/DRF-2020-MZ-0001")
                == "  - **Events cited:** 2020-08-12, Mocímboa da Praia (181 km); March 2020 (month), Mocímboa da Praia (181 km); counted by distance band: 25–100 km: 1; 100–200 km: 2"
        )
        // Counts with fatalities and older events, as a band with both would say them.
        var exposure = try #require(Self.examples.reportedFindings.first { $0.exposure.map(MarkdownReporter().hasBands) == true }?.exposure)
        exposure.bands = [
            Exposure.Band(fromKm: 0, toKm: 25), Exposure.Band(fromKm: 25, toKm: 100, recentEvents: 2, recentFatalities: 3, olderEvents: 1, olderFatalities: 4),
            Exposure.Band(fromKm: 100, toKm: 200, olderEvents: 2),
        ]
        #expect(
            MarkdownReporter.bandCounts(exposure)
                == "25–100 km: 2 (3 killed), and 1 older (one level lower) (4 killed); 100–200 km: 0, and 2 older (one level lower)")
    }

    /// The coverage statement names the countries the database covers, and a company whose
    /// operations are all elsewhere learns that "no finding" means "not covered".
    @Test func noFindingInNorwayIsSaidToMeanNotCovered() throws {
        let markdown = Self.markdown
        #expect(markdown.contains("**Coverage:** the risk database has factors in force on 2020-09-30 for Belarus (BY), Mali (ML), Mozambique (MZ)."))
        #expect(markdown.contains("“no finding” there means *not covered*, not *no risk*"))
        let lines = markdown.split(separator: "\n")
        #expect(
            lines.contains {
                $0.hasPrefix("| Vestfjord Havbruk AS | `") && $0.contains("policies/control-norway-aquaculture.yaml` |")
                    && $0.hasSuffix(" | Germany (DE), Denmark (DK), Japan (JP), Norway (NO), Sweden (SE) |")
            })
        // Said once, in its scope row (above, with the countries no factor covers): no part in
        // section 5, which would only repeat it, and its summary row is not a link.
        #expect(try !Self.companySections().contains { $0.company.hasPrefix("Vestfjord Havbruk AS") })
        #expect(!markdown.contains("<a id=\"policy-policies-control-norway-aquaculture-yaml\"></a>"))
        #expect(lines.contains { $0.hasPrefix("| Vestfjord Havbruk AS | 0 | 0 | 0 | 0 | 0 | 0 |") })
        #expect(
            lines.contains {
                $0.hasPrefix("| Vestfjord Havbruk AS | `")
                    && $0.contains(" | no finding; 3 sites (`bergen-head-office`, `kristiansund-plant`, `hitra-sea-site`), ")
            })
        // A company with findings in a country no factor covers is told so where it signs.
        let lurio = try #require(try Self.companySections().first { $0.company.hasPrefix("Lúrio Logistics Services Lda") })
        #expect(
            lurio.text.contains(
                "\n**Sign-off for Lúrio Logistics Services Lda** (owner, decision (accept, treat or escalate) and due date filled in for each finding above; no factor of the risk database covers South Africa (ZA), where this company operates: no finding there means *not covered*, not *no risk* (section 3, coverage)): Name: "
            ))
        #expect(!lurio.text.contains("**Not covered:**"))
        #expect(lines.contains { $0.hasPrefix("| Nemiga Software Labs | `") && $0.hasSuffix(" | none |") })
    }

    /// A place-bound finding's exposure is read in its entry (severity, distance), its path's
    /// remaining steps, its events table and its site's scope row (coordinates), not repeated
    /// in an exposure line of its own.
    @Test func aPlaceBoundFindingStatesItsExposureOnce() throws {
        let lines = Self.markdown.split(separator: "\n")
        #expect(!Self.markdown.contains("**Exposure:**"))
        var placed = 0
        for finding in Self.examples.reportedFindings {
            guard let exposure = finding.exposure else { continue }
            let at = try #require(Self.line(of: finding, in: lines), "\(finding.identity) missing")
            let headline = Self.headline(at: at, in: lines)
            let why = Self.why(at: at, in: lines) ?? ""
            #expect(headline.hasPrefix("- **\(exposure.severity.name.uppercased())**"), "\(finding.identity): severity lost")
            // The coordinates: in the path, or in the site's row of the scope (section 3).
            if let location = exposure.location {
                placed += 1
                #expect(
                    why.contains(location.description) || lines.contains { $0.contains(" | `\(exposure.subject)` ") && $0.contains(" | \(location) | ") },
                    "\(finding.identity): coordinates lost")
            }
            if let distance = exposure.distanceKm, exposure.area == nil {
                #expect((headline + why).contains(Self.kmText(distance)), "\(finding.identity): distance lost")
            }
        }
        #expect(placed >= 6)
    }

    /// Nothing of a path is lost: each step is said on the entry's line (its severity, its rule,
    /// the message's words), by the group's heading (the factor's id), by the site's scope row
    /// (its coordinates), or in the entry's "Why" line; and no step is said twice.
    @Test func everyStepOfAPathIsSaidOnce() throws {
        let lines = Self.markdown.split(separator: "\n")
        var kept = 0
        for finding in Self.examples.reportedFindings {
            let at = try #require(Self.line(of: finding, in: lines), "\(finding.identity) missing")
            let headline = Self.headline(at: at, in: lines)
            let why = Self.why(at: at, in: lines).map { String($0.dropFirst("  - **Why:** ".count)) } ?? ""
            let entryOfSeveral = headline.contains(" (each below")
            // An entry whose operations differ in one distance says "*its distance*" for it, and
            // each operation's line says its own, which its path states.
            let own = headline.contains(" (each below, with its distance): ") ? MarkdownReporter.distances(in: String(lines[at])).values.last : nil
            if let own { #expect(MarkdownReporter.steps(finding).contains { $0.contains(own) }, "\(finding.identity): \(own) is not its distance") }
            let factor = finding.factors.lazy.compactMap { TestData.workspace.database.factor(id: $0) }.first
            let company = Self.examples.policies.first { $0.policy.file == finding.policy }?.findings ?? []
            let jurisdiction = Set(MarkdownReporter.sharedBindingSteps(company).map(\.step))
            // Said once elsewhere: in the company's jurisdiction lines, or (the report's as-of
            // date) in the control block.
            let steps = MarkdownReporter.unsaidSteps(finding, factor).filter {
                !jurisdiction.contains(MarkdownReporter.steps(finding)[$0]) && MarkdownReporter.steps(finding)[$0] != "as of \(TestData.asOf)"
            }
            kept += steps.count
            for (index, step) in MarkdownReporter.steps(finding).enumerated() {
                if steps.contains(index) {
                    // Said in the Why line (an entry of several operations says "*the site*" for the name).
                    var parts =
                        entryOfSeveral ? Escaping.markdown(step).components(separatedBy: Escaping.markdown(finding.subjectName)) : [Escaping.markdown(step)]
                    if let own { parts = parts.flatMap { $0.components(separatedBy: own) }.filter { !$0.isEmpty } }
                    #expect(parts.allSatisfy { why.contains($0) }, "\(finding.identity): step lost: \(step)")
                    #expect(!headline.lowercased().contains(step.lowercased()), "\(finding.identity): step said twice: \(step)")
                } else {
                    let said =
                        step == "\(finding.severity)" || step == finding.rule.rawValue || finding.factors.contains(step)
                        || finding.message.lowercased().contains(
                            step.replacingOccurrences(of: (finding.factors.first ?? "\u{0}") + ": ", with: "").lowercased())
                        || (finding.exposure?.location).map { step == finding.subjectName + " (\($0))" } == true
                        || factor.map { MarkdownReporter.profileStates(step, $0) } == true
                        || MarkdownReporter.messageSays(step, finding.message)
                        || (step.hasPrefix("in ") && finding.message.lowercased().contains(step.dropFirst(3).lowercased()))
                        || Self.markdown.contains("**Jurisdiction** (for ") && Self.markdown.contains("): " + Escaping.markdown(step) + ".")
                        || step == "as of \(TestData.asOf)"
                    #expect(said, "\(finding.identity): step left out but not said: \(step)")
                }
            }
        }
        // Most findings' paths add something: the detail is kept.
        #expect(kept >= 40)
    }

    /// Every event a finding cites is on its "Events cited" line, with its date and place and
    /// the operation's distance to it; an event with nothing but a date (a shutdown) is dated
    /// in the path and listed in the factor's profile.
    @Test func everyCitedEventIsOnItsFindingsLine() throws {
        var cited = 0
        for finding in Self.examples.reportedFindings {
            guard let exposure = finding.exposure else { continue }
            do {
                // Dated in the profile; with a place, also on the finding's "Events cited" line,
                // with the distance, and the counts by distance band there too.
                let lines = Self.markdown.split(separator: "\n")
                let at = try #require(Self.line(of: finding, in: lines))
                let eventsLine = lines[(at + 1)...].prefix { $0.hasPrefix("  ") }.first { $0.hasPrefix("  - **Events cited:** ") }
                if MarkdownReporter().hasBands(exposure) {
                    #expect(
                        eventsLine?.hasSuffix("; counted by distance band: " + MarkdownReporter.bandCounts(exposure)) == true,
                        "\(finding.identity): band counts lost")
                }
                for event in exposure.events {
                    #expect(Self.markdown.contains("  - \(event.when): "), "\(finding.identity): event \(event.when) lost")
                    guard let place = event.place else { continue }
                    cited += 1
                    let said = Escaping.markdown(event.when) + ", " + Escaping.markdown(place) + (event.distanceKm.map { " (" + Self.kmText($0) + ")" } ?? "")
                    #expect(eventsLine?.contains(said) == true, "\(finding.identity): event \(event.when) not on its line")
                }
            }
        }
        #expect(cited >= 8)
    }

    /// Whether the measure binds the company is on the finding's line: "binds: ECOWAS",
    /// "secondary risk: LT, LV, EE", in the Markdown and the text report.
    @Test func theBindingIsOnTheFindingsLine() throws {
        let lines = Self.markdown.split(separator: "\n")
        let text = TextReporter().render(Self.examples)
        var bound = 0
        for finding in Self.examples.reportedFindings {
            guard let binding = finding.binding else { continue }
            bound += 1
            let at = try #require(Self.line(of: finding, in: lines))
            let tag = MarkdownReporter.bindingTag(binding)
            #expect(Self.headline(at: at, in: lines).contains(" — \(tag)."), "\(finding.identity): binding not on its line")
            #expect(
                text.contains("\(finding.policy):\(finding.line):\(finding.column): ") && text.contains(" [\(TextReporter.bindingTag(binding))]"),
                "\(finding.identity): binding not in the text report")
        }
        #expect(bound >= 10)
        // Why the measures bind a company, when all its findings say the same: once, in its summary.
        #expect(
            Self.markdown.contains(
                "\n**Jurisdiction** (for 8 findings): binding: ECOWAS measure binds Comptoir Ouest-Africain de Négoce SA: incorporated in Côte d'Ivoire, a member of ECOWAS. For `machinery-exports`, `cotton-imports`, `bscc-bank`, `bamako-office`: obtain legal review before any further dealing, and report to the competent authority what the measure requires (frozen funds, refused or attempted transactions).\n"
            ))
        #expect(!Self.markdown.contains("  - **Why:** binding: ECOWAS measure binds Comptoir"))
        // Different reasons (a subsidiary in Mali, the parent through Niger): each said once in
        // the company's summary with the operations it is for, or on its finding when only one
        // finding gives it.
        #expect(
            Self.markdown.contains(
                "\n**Jurisdiction** (for 2 findings, of `mining-equipment-supply`): binding: ECOWAS measure binds Sahelian Gold Resources plc in Niger (transit), within its territory. Obtain legal review before any further dealing, and report to the competent authority what the measure requires (frozen funds, refused or attempted transactions).\n"
            ))
        #expect(!Self.markdown.contains("  - **Why:** binding: ECOWAS measure binds"))
        let cotton = try #require(lines.first { $0.contains("`financial-restriction/cotton-imports/DRF-2020-ML-0003` at `") })
        #expect(
            cotton.contains(
                ": Import from Mali (paid by letter-of-credit) is exposed to ECOWAS halt of financial flows to Mali after the 2020 coup — binds: ECOWAS. Owner: "
            ))
        #expect(Self.markdown.contains(" (may not enter those states) — secondary risk: LT, LV, EE. Owner: "))
        #expect(
            text.contains(
                "[financial-restriction] Import from Mali (paid by letter-of-credit) is exposed to ECOWAS halt of financial flows to Mali after the 2020 coup; the measure binds Comptoir Ouest-Africain de Négoce SA [binds: ECOWAS]\n"
            ))
    }

    /// An accepted finding says who accepted it and until when once (its decision fields), and
    /// why under it.
    @Test func anAcceptanceIsSaidOnceOnItsFinding() throws {
        let lines = Self.markdown.split(separator: "\n")
        let at = try #require(lines.firstIndex { $0.contains("`shutdown-exposure/hrodna-qa-office/DRF-2020-BY-0001` at `") })
        #expect(lines[at].hasPrefix("- **HIGH** (accepted) "))
        #expect(lines[at].hasSuffix("Owner: ________ · Decision: accepted by Chief Operating Officer · Due: expires 2021-03-31"))
        // Why, once: in the register of accepted risks (section 7), with the approver and expiry.
        let reason =
            "QA work only, no client-facing SLA; staff can cross to the Vilnius office of our Lithuanian client under the agreed business-continuity arrangement; satellite terminal included in the Q4 budget request."
        #expect(Self.markdown.components(separatedBy: reason).count == 2)
        #expect(
            lines.contains {
                $0.contains(
                    "policies/by-minsk-software-centre.yaml:61` | `shutdown-exposure/hrodna-qa-office` | \(reason) | Chief Operating Officer | 2021-03-31 | in force (1 finding) |"
                )
            })
        // An expired acceptance's record (reason, approver, expiry) is its row there too, not
        // repeated as the expired-acceptance finding's evidence.
        let expired =
            "One trip for the September pricing round; travellers stay at the hotel next to the BPC office, no movement after dark, daily check-in with Vilnius."
        #expect(Self.markdown.components(separatedBy: expired).count == 2)
        #expect(
            lines.contains {
                $0.contains(
                    "policies/multi-country-potash-trader.yaml:87` | `civil-unrest-travel/minsk-contract-talks` | \(expired) | Chief Executive Officer | 2020-09-15 | **expired** |"
                )
            })
    }

    /// The methodology names only the rules behind a finding of the report, in brief, and says
    /// where each rule's whole severity ladder is.
    @Test func theMethodologyNamesOnlyTheRulesWithFindings() throws {
        let start = try #require(Self.markdown.range(of: "\n## 4. Methodology\n"))
        let end = try #require(Self.markdown.range(of: "\n## 5. Findings by company\n"))
        let section = Self.markdown[start.upperBound..<end.lowerBound]
        let used = Set(Self.examples.reportedFindings.map(\.rule))
        for rule in RuleRegistry.all.map(\.description.id) {
            #expect(section.contains("- **`\(rule)`**: ") == used.contains(rule), "\(rule)")
        }
        #expect(used.count >= 8 && used.count < RuleRegistry.all.count)
        #expect(section.contains("`diligence explain RULE` (diligence \(DiligenceVersion.current))"))
    }

    /// What to do is said once and nothing of it is lost: a factor's recommendations in its
    /// profile (`aFactorIsStatedOnceAndNothingIsLost`), each rule's general advice that a
    /// finding was given once, under the rule in section 4 (and no advice no finding was
    /// given), and the advice only some findings are given once in their company's part, for
    /// the operations it concerns.
    @Test func everyPieceOfAdviceIsSaidOnce() throws {
        let markdown = Self.markdown
        func count(_ text: String, in part: Substring) -> Int { part.components(separatedBy: text).count - 1 }
        let start = try #require(markdown.range(of: "\n## 4. Methodology\n"))
        let end = try #require(markdown.range(of: "\n## 5. Findings by company\n"))
        let methodology = markdown[start.upperBound..<end.lowerBound]
        let sections = try Self.companySections()
        var given: Set<String> = []
        var own = 0
        for entry in Self.examples.policies where !entry.findings.isEmpty {
            let section = try #require(sections.first { $0.company.hasPrefix(entry.policy.company + " (") }).text
            let lines = section.split(separator: "\n")
            for finding in entry.findings {
                let factors = finding.factors.compactMap { TestData.workspace.database.factor(id: $0) }
                for advice in finding.recommendations where !factors.contains(where: { $0.recommendations.contains(advice) }) {
                    let text = Escaping.markdown(advice)
                    if RuleRegistry.advice[finding.rule]?.contains(advice) == true {
                        given.insert(advice)
                        #expect(count("\n  - " + text + "\n", in: methodology) == 1, "\(finding.identity): not under its rule in section 4: \(advice)")
                        #expect(count(text, in: Substring(markdown)) == 1, "\(finding.identity): rule advice said more than once: \(advice)")
                    } else if let binding = finding.binding, advice.hasPrefix("The measure binds \(binding.entity): ") {
                        // What a binding measure requires: said with why it binds the party, on the
                        // line that names the operation.
                        own += 1
                        let rest = Escaping.markdown(String(advice.dropFirst("The measure binds \(binding.entity): ".count))).lowercased()
                        let line = try #require(
                            lines.first {
                                $0.hasPrefix("**Jurisdiction** (for ") && $0.contains("binds \(Escaping.markdown(binding.entity))")
                                    && $0.contains("`\(finding.subject)`")
                            },
                            "\(finding.identity): why the measure binds not said for its operation")
                        #expect(line.lowercased().contains(rest), "\(finding.identity): what the binding measure requires lost: \(advice)")
                        #expect(!section.contains(text), "\(finding.identity): binding advice said apart too")
                    } else {
                        own += 1
                        #expect(count(text, in: section) == 1, "\(finding.identity): its own advice not once in its company's part: \(advice)")
                        let line = try #require(lines.first { $0.contains(text) })
                        if line.contains(". For `") { #expect(line.contains("`\(finding.subject)`"), "\(finding.identity): advice without its operation") }
                    }
                }
            }
        }
        #expect(given.count >= 20 && own >= 5)
        // No rule advice that no finding of the report was given.
        for (_, catalogue) in RuleRegistry.advice {
            for advice in catalogue where !given.contains(advice) {
                #expect(!methodology.contains(Escaping.markdown(advice)), "advice no finding was given: \(advice)")
            }
        }
        // Section 5 restates neither: no numbered advice is a factor's or a rule's.
        let general = Set(RuleRegistry.advice.values.joined().map(Escaping.markdown))
        let profiles = try #require(markdown.range(of: "\n## 6. Country risk profiles\n"))
        for line in markdown[end.upperBound..<profiles.lowerBound].split(separator: "\n") where line.first?.isNumber == true {
            let advice = line.drop { $0 != " " }.dropFirst()
            let text = advice.hasPrefix("For `") ? advice.drop { $0 != ":" }.dropFirst(2) : advice
            #expect(!general.contains(String(text)), "rule advice restated in section 5: \(line)")
        }
    }

    /// The Voluntary Principles advice for security providers is the rule's, said once under
    /// `human-rights-obligations` in section 4, not once per company; what a binding measure
    /// requires is said once per bound party, with why the measure binds it.
    @Test func adviceForSecurityProvidersAndBoundPartiesIsSaidOnce() throws {
        let markdown = Self.markdown
        let vp = "Write the Voluntary Principles into the contract"
        #expect(markdown.components(separatedBy: vp).count == 2)
        let start = try #require(markdown.range(of: "- **`human-rights-obligations`**"))
        let next = try #require(markdown[start.upperBound...].range(of: "\n- **`"))
        #expect(markdown[start.upperBound..<next.lowerBound].contains("  - " + vp))
        let sahel = try #require(Self.companySections().first { $0.company.hasPrefix("Sahelian Gold Resources plc") }).text
        // Said with why the measure binds each party, for the operations it is given: one line
        // per bound party, and no "What to do" block left to repeat it.
        let lines = sahel.split(separator: "\n").filter { $0.lowercased().contains("obtain legal review before any further dealing") }
        #expect(lines.count == 3)
        #expect(
            sahel.contains(
                "**Jurisdiction** (for 4 findings, of `dore-shipments`, `diesel-supply`): binding: ECOWAS measure binds the subsidiary running Tilemsi open pit and carbon-in-leach plant: incorporated in Mali, bound to ECOWAS measures on this date. For `dore-shipments`: obtain legal review before any further dealing, and report to the competent authority what the measure requires (frozen funds, refused or attempted transactions).\n"
            ))
        #expect(
            sahel.contains(
                "**Jurisdiction** (for 1 finding, of `gao-supply-base`): binding: ECOWAS measure binds the subsidiary running Gao supply base and airport freight office: incorporated in Mali, bound to ECOWAS measures on this date. Obtain legal review"
            ))
        #expect(!sahel.contains("**What to do**"))
        #expect(!sahel.contains("The measure binds"))
        #expect(!sahel.contains("**Why:** binding: ECOWAS measure binds the subsidiary running Tilemsi"))
    }

    /// Each event of a profile is listed with the quotes that state it (the seeds' `quotes`):
    /// a quote's words where it is first cited, its number after that, and a quote whose words
    /// are part of a longer quote of the same article by that quote's number; the quotes no
    /// event states are listed after the events.
    @Test func eachEventCarriesTheQuotesThatStateIt() throws {
        let markdown = Self.markdown
        let profiles = try #require(markdown.range(of: "\n## 6. Country risk profiles\n"))
        let section = markdown[profiles.upperBound...]
        func number(of reference: Reference) -> String? {
            let mark = reference.quote.map { "“" + Escaping.markdown($0) + "” [" } ?? (MarkdownReporter.sourceText(reference) + " (no quote) [")
            guard let at = markdown.range(of: mark) else { return nil }
            return String(markdown[at.upperBound...].prefix { $0.isNumber })
        }
        var linked = 0
        for factor in TestData.workspace.database.factors where markdown.contains("<a id=\"factor-\(factor.id.lowercased())\"></a>") {
            let start = try #require(section.range(of: "<a id=\"factor-\(factor.id.lowercased())\"></a>"))
            let profile = String(section[start.upperBound...]).components(separatedBy: "\n<a id=").first ?? ""
            let lines = profile.split(separator: "\n")
            var stating: Set<Int> = []
            for event in factor.events(asOf: TestData.asOf) {
                let line = try #require(
                    lines.first { $0.hasPrefix("  - \(Escaping.markdown(event.evidenceDate)): ") && $0.contains(Escaping.markdown(event.evidenceFact)) },
                    "\(factor.id): event lost: \(event.what)")
                for place in event.quotes {
                    let reference = factor.references[place - 1]
                    stating.insert(place - 1)
                    linked += 1
                    if let own = number(of: reference) {
                        #expect(line.contains("[\(own)]"), "\(factor.id): \(event.what) without its quote [\(own)]")
                    } else {
                        let holder = try #require(
                            TestData.workspace.database.factors.lazy.flatMap(\.references).first { MarkdownReporter.holds($0, reference) },
                            "\(factor.id): quote neither quoted nor held: \(reference.quote ?? "")")
                        #expect(line.contains("(its words are part of [\(number(of: holder) ?? "?")]"), "\(factor.id): \(event.what) without its quote")
                    }
                }
            }
            // The quotes listed apart are those no event states.
            for (place, reference) in factor.references.enumerated() where !stating.contains(place) {
                guard let quote = reference.quote, markdown.contains("“" + Escaping.markdown(quote) + "”") else { continue }
                #expect(
                    lines.contains { $0.hasPrefix("  - “" + Escaping.markdown(quote)) } || !profile.contains(Escaping.markdown(quote)),
                    "\(factor.id): a quote no event states is not listed apart: \(quote)")
            }
            for place in stating {
                if let quote = factor.references[place].quote {
                    #expect(!lines.contains { $0.hasPrefix("  - “" + Escaping.markdown(quote)) }, "\(factor.id): an event's quote listed apart too: \(quote)")
                }
            }
        }
        #expect(linked >= 30)
        // The example of the brief: quote [53] is part of [20], and cited by it.
        #expect(markdown.contains("(its words are part of ["))
    }

    /// A company without a finding is one row of the scope, in the companies' table, which
    /// names each of its operations; every operation of a company with findings keeps its row.
    @Test func aCompanyWithoutAFindingIsOneRowOfTheScope() throws {
        let start = try #require(Self.markdown.range(of: "\n## 3. Scope\n"))
        let end = try #require(Self.markdown.range(of: "\n## 4. Methodology\n"))
        let rows = Self.markdown[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("| ") }
        var without = 0
        for entry in Self.examples.policies {
            let policy = try #require(Self.policies.first { $0.file == entry.policy.file })
            var ids: [String] = policy.sites.map(\.id)
            ids += policy.trade.map(\.id)
            ids += policy.counterparties.map(\.id)
            ids += policy.travel.map(\.id)
            let company = try #require(rows.first { $0.hasPrefix("| \(Escaping.markdown(policy.company)) | `\(policy.file)` |") })
            if entry.findings.isEmpty {
                without += 1
                #expect(company.contains(" | no finding; "), "\(policy.company)")
                for id in ids {
                    #expect(company.contains("`\(id)`"), "\(policy.company): \(id) not named")
                    #expect(!rows.contains { $0.contains("| `\(id)`") }, "\(policy.company): \(id) has a row")
                }
            } else {
                #expect(!company.contains("no finding"))
                for id in ids { #expect(rows.contains { $0.contains("| `\(id)`") }, "\(policy.company): \(id) has no row") }
            }
        }
        #expect(without == 2)
    }

    /// Findings of one factor and rule that differ only in one distance each (three sites
    /// inside the Gao area at 57, 55 and 0 km from its centre) are one entry: "*its distance*"
    /// in its text, each operation's own on its line; findings that differ in more stay apart.
    @Test func findingsThatDifferInOneDistanceAreOneEntry() throws {
        let lines = Self.markdown.split(separator: "\n")
        let entry = try #require(lines.firstIndex { $0.hasPrefix("- **MEDIUM** `conflict-proximity` for 3 sites (each below, with its distance): ") })
        #expect(lines[entry].hasSuffix(": *the site* lies inside Gao (*its distance* from its centre, radius 150 km)."))
        #expect(lines[entry + 1].hasPrefix("  - **Why:** *its distance* from the centre of Gao, inside its 150 km radius → "))
        for (offset, (site, name, km)) in [
            ("tilemsi-mine", "Tilemsi open pit and carbon-in-leach plant", "57 km"), ("tilemsi-camp", "Tilemsi accommodation camp", "55 km"),
            ("gao-supply-base", "Gao supply base and airport freight office", "0.0 km"),
        ].enumerated() {
            #expect(lines[entry + 2 + offset].hasPrefix("  - `conflict-proximity/\(site)/DRF-2020-ML-0004` at `"))
            #expect(lines[entry + 2 + offset].hasSuffix("`: \(name), \(km). Owner: ________ · Decision: ________ · Due: ________"))
        }
        // The Cabo Delgado sites differ in two distances and a site kind: separate items.
        #expect(!Self.markdown.contains("`conflict-proximity` for 2 sites"))
    }

    @Test(arguments: [
        ("lies inside Gao (57 km from its centre, radius 150 km).", ["57 km", "150 km"]),
        ("is 1.3 km from Afungi; 0.0 km; 64 km.", ["1.3 km", "0.0 km", "64 km"]),
        ("PE 19/4127 at 12 kms, A4 km, 5 kmh, 2020-09-30", []),
        ("within 100 km in the last 365 days", ["100 km"]),
    ])
    func distancesAreFoundInText(_ text: String, _ values: [String]) {
        let split = MarkdownReporter.distances(in: text)
        #expect(split.values == values)
        #expect(split.texts.count == values.count + 1)
        // Put back together, the text is whole.
        var whole = split.texts[0]
        for (value, next) in zip(split.values, split.texts.dropFirst()) { whole += value + next }
        #expect(whole == text)
    }

    @Test func entriesMayDifferInOneDistancePerOperationOnly() {
        #expect(MarkdownReporter.differsInOneDistance([["57 km", "150 km", "57 km"], ["55 km", "150 km", "55 km"]]))
        #expect(!MarkdownReporter.differsInOneDistance([["64 km", "1.3 km"], ["66 km", "16 km"]]))
        #expect(!MarkdownReporter.differsInOneDistance([["64 km"], ["66 km", "16 km"]]))
        #expect(MarkdownReporter.differsInOneDistance([["100 km"], ["100 km"]]))
    }

    static func kmText(_ value: Double) -> String { MarkdownReporter.km(value) }

    /// A company's counts by severity are said once, in its row of the executive summary's
    /// table (open findings per severity, accepted ones), not again in its part of section 5.
    @Test func aCompanysCountsAreItsSummaryRow() throws {
        #expect(!Self.markdown.contains("**Summary:**"))
        let lines = Self.markdown.split(separator: "\n")
        for entry in Self.examples.policies {
            var open: [Severity: Int] = [:]
            var accepted = 0
            for finding in entry.findings {
                if finding.accepted != nil { accepted += 1 } else { open[finding.severity, default: 0] += 1 }
            }
            let name = Escaping.markdown(entry.policy.company)
            let cells = Severity.allCases.reversed().map { " | \(open[$0] ?? 0)" }.joined() + " | \(accepted) |"
            #expect(
                lines.contains { ($0.hasPrefix("| [\(name)](#") || $0.hasPrefix("| \(name) | ")) && $0.hasSuffix(cells) },
                "\(entry.policy.company): counts not in the summary table")
        }
    }

    /// The executive summary lists the findings of the most severe level present (here the
    /// three criticals, which section 5 opens with), not the first highs of 22: the counts per
    /// company and severity are its table's.
    @Test func theSummaryListsTheCriticals() throws {
        let start = try #require(Self.markdown.range(of: "\n## 2. Executive summary\n"))
        let end = try #require(Self.markdown.range(of: "\n## 3. Scope\n"))
        let summary = Self.markdown[start.upperBound..<end.lowerBound]
        #expect(!summary.contains("Top risks"))
        #expect(
            summary.contains(
                "\n**Most severe findings:** the 3 critical ones, by company and operation (section 5 opens with them and says why and what to do)\n"))
        let open = Self.examples.reportedFindings.filter { $0.accepted == nil }
        let criticals = open.filter { $0.severity == .critical }
        #expect(criticals.count == 3)
        for finding in criticals {
            let anchor = MarkdownReporter.anchor("policy", finding.policy)
            #expect(
                summary.contains(
                    "\n- `\(finding.identity.description)` in [Lúrio Logistics Services Lda](#\(anchor)): \(Escaping.markdown(finding.subjectName))\n"
                ), "\(finding.identity) not in the summary")
        }
        for finding in open where finding.severity < .critical {
            #expect(!summary.contains("`\(finding.identity.description)`"), "\(finding.identity) listed though not critical")
        }
    }

    /// Without a critical finding, the summary lists the highs: at most ten, then a count.
    @Test func withoutACriticalTheSummaryListsTheHighs() throws {
        let policies = Self.policies.filter { !$0.file.hasSuffix("mz-cabo-delgado-lng-logistics.yaml") }
        let result = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
            .check(policies, options: CheckOptions(asOf: TestData.asOf))
        let highs = result.reportedFindings.filter { $0.accepted == nil && $0.severity == .high }
        #expect(highs.count > 10 && !result.reportedFindings.contains { $0.severity == .critical })
        let markdown = MarkdownReporter().render(result)
        #expect(markdown.contains("\n**Most severe findings:** the \(highs.count) high ones, by company and operation ("))
        let listed = markdown.split(separator: "\n").filter { line in highs.contains { line.hasPrefix("- `\($0.identity.description)` in [") } }
        #expect(listed.count == 10)
        #expect(markdown.contains("\n- … and \(highs.count - 10) more high (section 5).\n"))
    }

    /// When no company has a finding, section 5 says so in one line.
    @Test func sectionFiveSaysWhenNoCompanyHasAFinding() throws {
        let policies = Self.policies.filter { $0.file.hasPrefix("policies/control-") || $0.file.contains("/policies/control-") }
        #expect(policies.count == 2)
        let result = Checker(database: TestData.workspace.database, vocabularies: TestData.workspace.vocabularies)
            .check(policies, options: CheckOptions(asOf: TestData.asOf))
        #expect(result.reportedFindings.isEmpty)
        let markdown = MarkdownReporter().render(result)
        #expect(
            markdown.contains(
                "\n## 5. Findings by company\n\nNo company has a finding: each is its row of the scope's companies table (section 3).\n\n## 6. Country risk profiles\n"
            ))
    }

    /// An operation not assessed is a finding of section 5, which says what is missing; section
    /// 7 lists it by place and identity without restating it.
    @Test func itemsNotAssessedAreListedNotRestated() throws {
        let start = try #require(Self.markdown.range(of: "\n### Not assessed\n"))
        let end = try #require(Self.markdown.range(of: "\n## 8. Limitations and data gaps\n"))
        let section = Self.markdown[start.upperBound..<end.lowerBound]
        let unassessed = Self.examples.reportedFindings.filter { $0.rule == "not-assessed" }
        #expect(!unassessed.isEmpty)
        for finding in unassessed {
            #expect(
                section.contains(
                    "\n- `\(finding.policy):\(finding.line)` `\(finding.subject)`, \(finding.severity): what is missing is said by `\(finding.identity.description)` in ["
                ),
                "\(finding.identity) not listed")
            #expect(Self.markdown.components(separatedBy: Escaping.markdown(finding.message)).count - 1 == 1, "\(finding.identity): message not once")
        }
    }

    /// Each rule of the methodology is stated in brief (its summary up to the first colon,
    /// semicolon or full stop outside parentheses), its whole text left to `diligence explain`.
    @Test func theMethodologyStatesEachRuleInBrief() throws {
        let start = try #require(Self.markdown.range(of: "\n## 4. Methodology\n"))
        let end = try #require(Self.markdown.range(of: "\n## 5. Findings by company\n"))
        let section = Self.markdown[start.upperBound..<end.lowerBound]
        let used = Set(Self.examples.reportedFindings.map(\.rule))
        var shorter = 0
        for description in RuleRegistry.all.map(\.description) where used.contains(description.id) {
            let brief = MarkdownReporter.headClause(description.summary)
            #expect(section.contains("\n- **`\(description.id)`**: \(brief) Severity: "), "\(description.id)")
            #expect(description.summary.hasPrefix(String(brief.dropLast())), "\(description.id): not the summary's start")
            if brief.count < description.summary.count {
                shorter += 1
                #expect(!section.contains(description.summary), "\(description.id): whole summary printed")
            }
        }
        #expect(shorter >= 5)
    }

    @Test(arguments: [
        ("Trade flows that touch a country under a trade halt: the partner country.", "Trade flows that touch a country under a trade halt."),
        (
            "Sites, trade flows (every country they touch: partner, origin) and counterparties. More.",
            "Sites, trade flows (every country they touch: partner, origin) and counterparties."
        ),
        ("A site near events; closer is more severe.", "A site near events."),
        ("An accepted risk whose `expires: 2020.` date is past", "An accepted risk whose `expires: 2020.` date is past."),
    ])
    func aRuleInBriefIsItsHeadClause(_ summary: String, _ brief: String) {
        #expect(MarkdownReporter.headClause(summary) == brief)
    }

    /// A path step the headline says in other words is not repeated in a "Why" line; one it
    /// does not say is (an exempt good is not "restricted", another country is not this one).
    @Test(arguments: [
        ("no location", "Kidal permit has no coordinates, so its distance cannot be measured", true),
        ("no location", "Kidal permit lies 40 km from Kidal", false),
        ("export to Mali", "Export of industrial-machinery to Mali is restricted: ECOWAS halt", true),
        ("export to Mali", "Export of industrial-machinery to Niger is restricted: ECOWAS halt", false),
        ("import from Mali", "Export of cotton to Mali is restricted: ECOWAS halt", false),
        ("goods: cotton (not exempt)", "Import of cotton from Mali is restricted: ECOWAS halt", true),
        ("goods: cotton (not exempt)", "Import of cotton from Mali falls under the exemptions of ECOWAS halt", false),
        ("goods: medicines, fuel (all exempt)", "Export of medicines, fuel to Mali falls under the exemptions of ECOWAS halt", true),
        ("goods: medicines, fuel (all exempt)", "Export of medicines, fuel to Mali is restricted: ECOWAS halt", false),
        ("site Minsk delivery centre in Belarus", "Nemiga operates in Belarus (Minsk delivery centre), where diligence applies", true),
        ("site Minsk delivery centre in Belarus", "Nemiga operates in Belarus (Hrodna QA office), where diligence applies", false),
        ("company sector telecommunications", "Svislach operates the site in Belarus as a telecommunications business, a role", true),
        ("company sector telecommunications", "Svislach operates the site in Belarus as a software business, a role", false),
    ])
    func aStepTheHeadlineSaysIsNotRepeated(_ step: String, _ message: String, _ says: Bool) {
        #expect(MarkdownReporter.messageSays(step, message) == says)
    }

    /// The findings whose headline says their whole path have no "Why" line.
    @Test func aHeadlineThatSaysItAllHasNoWhyLine() throws {
        let lines = Self.markdown.split(separator: "\n")
        for identity in [
            "not-assessed/kidal-exploration-permit/DRF-2020-ML-0004", "trade-restriction/machinery-exports/DRF-2020-ML-0002",
            "trade-restriction/cotton-imports/DRF-2020-ML-0002", "trade-restriction/essentials-exports/DRF-2020-ML-0002",
            "human-rights-obligations/policy/DRF-2020-BY-0002",
        ] {
            let at = try #require(lines.firstIndex { $0.contains("`\(identity)` at `") }, "\(identity) missing")
            #expect(!lines[at + 1].hasPrefix("  - **Why:** "), "\(identity): Why line kept")
        }
        // Where the path says more (why the measure binds), the Why line keeps only that; here
        // the company's summary says it for this finding and three others, so no Why line.
        let dore = try #require(lines.firstIndex { $0.contains("`trade-restriction/dore-shipments/DRF-2020-ML-0002` at `") })
        #expect(lines[dore].contains(": Import of gold from Mali is restricted: "))
        #expect(!lines[dore + 1].hasPrefix("  - **Why:** "))

    }

    /// Findings link to their factor's profile, and every link has its anchor.
    @Test func everyLinkHasItsAnchor() throws {
        let markdown = Self.markdown
        let links = Set(markdown.matches(of: #/\]\(#([a-z0-9-]+)\)/#).map { String($0.output.1) })
        #expect(links.contains("factor-drf-2020-mz-0001"))
        for link in links {
            #expect(markdown.contains("<a id=\"\(link)\"></a>"), "no anchor for #\(link)")
        }
    }

    @Test func citationNumbersCompressIntoRanges() {
        #expect(MarkdownReporter.ranges([1, 2, 3, 5, 7, 8, 10]) == "[1]–[3], [5], [7], [8], [10]")
        #expect(MarkdownReporter.ranges([4]) == "[4]")
    }
}
