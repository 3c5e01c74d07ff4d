/// The due-diligence report a compliance officer reads, signs and files, in the shape the OECD
/// Due Diligence Guidance and UN Guiding Principles 17–21 lead them to expect: control block,
/// executive summary (companies by risk), scope and coverage, methodology, findings per company
/// (its summary and sign-off block, then its findings grouped by risk factor, most severe
/// first), country risk profiles (each factor stated once, with its quotes), accepted risks and
/// open items, limitations, and the source list.
public struct MarkdownReporter: Reporter {
    public init() {}

    public let format = ReportFormat.markdown

    /// Two streams: each policy's scope (section 3) and its findings (section 5).
    public var streamCount: Int { 2 }

    public func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        var scope = MarkdownDocument()
        self.scope(of: policy, &scope)
        var findings = MarkdownDocument()
        self.findings(of: result, context, &findings)
        return [scope.section, findings.section]
    }

    public func layout(_ result: CheckResult, _ citations: Citations) -> [ReportPiece] {
        var out = MarkdownDocument()
        control(result, &out)
        executiveSummary(result, &out)
        scope(result, &out)
        methodology(result, &out)
        findings(result, &out)
        // The profiles number the sources no finding cited after the others.
        var numbers = citations
        profiles(result, &numbers, &out)
        openItems(result, &out)
        limitations(result, &out)
        annex(numbers, &out)
        return out.pieces
    }

    // MARK: 1. Control block

    private func control(_ result: CheckResult, _ out: inout MarkdownDocument) {
        let companies = result.policies.map(\.policy.company)
        out.line("# Due-diligence report: geopolitical exposure")
        out.blank()
        out.line("Companies covered: " + (companies.isEmpty ? "none" : companies.map(Escaping.markdown).joined(separator: "; ")) + ".")
        out.blank()
        if let comparison = result.options.comparison {
            changes(result, comparison, &out)
        }
        out.line("## 1. Control")
        out.blank()
        out.table(
            ["Item", "Value"],
            [
                ["Report id", "`\(reportID(result))`"],
                ["As of", "**\(result.asOf)** (facts dated after this day are not used)"],
                [
                    "Policies covered",
                    "\(result.policies.count): " + result.policies.map { "`\(Escaping.codeInTable($0.policy.file))`" }.joined(separator: ", "),
                ],
                [
                    "Risk database",
                    "\(Escaping.markdown(result.database.name))" + (result.database.version.map { " version \(Escaping.markdown($0))" } ?? "")
                        + ", \(result.database.factorCount) risk factors, \(result.database.entityCount) listed persons and entities",
                ],
                ["Database digest", "`sha256:\(result.database.digest)`"],
                ["Newest review in database", result.database.newestReview?.description ?? "none"],
                ["Gate", gateText(result)],
                ["Prepared by", "diligence \(DiligenceVersion.current) (automated screening; findings need human review)"],
                ["Reviewed and signed off by", "Name: ______________________  Role: ______________________  Date: ____________  Signature: ______________"],
            ])
        out.blank()
        out.line("### Data snapshot")
        out.blank()
        if result.database.sources.isEmpty {
            out.line("The database declares no sources (no `database.yaml`).")
        } else {
            out.table(
                ["Source", "Snapshot date or version", "Age at the as-of date", "Licence or attribution"],
                result.database.sources.map { source in
                    [
                        Escaping.markdown(source.name) + (source.url.map { " (\(Escaping.markdown($0)))" } ?? ""),
                        Escaping.markdown(source.date ?? "not stated"), SnapshotAge.describe(source.date, asOf: result.asOf),
                        Escaping.markdown(source.licence ?? "not stated"),
                    ]
                })
        }
        out.blank()
        out.line(DatabaseAge(reviews: result.database.reviewDates ?? [], asOf: result.asOf).sentence)
        for notice in result.database.superseded ?? [] {
            out.blank()
            out.line("Not loaded: " + Escaping.markdown(notice) + ".")
        }
        out.blank()
    }

    private func gateText(_ result: CheckResult) -> String {
        guard let failOn = result.options.failOn else { return "off (`--fail-on none`)" }
        return result.gateFailed
            ? "**FAILED**: \(result.failingFindings.count) \(result.options.baseline == nil ? "" : "new ")finding(s) at or above \(failOn), or expired acceptances"
            : "**passed**: nothing \(result.options.baseline == nil ? "" : "new and ")unaccepted at or above \(failOn)"
    }

    /// A stable id for the run: as-of date and a digest of the database and the findings.
    func reportID(_ result: CheckResult) -> String {
        var hasher = SHA256()
        hasher.update(result.asOf.description)
        hasher.update(result.database.digest)
        for entry in result.policies {
            hasher.update(entry.policy.file)
            for finding in entry.findings { hasher.update("\(finding.identity)|\(finding.severity)|\(finding.accepted != nil)") }
        }
        return "DD-\(result.asOf)-\(hasher.finalizeHex().prefix(8))"
    }

    // MARK: 2. Executive summary

    private func executiveSummary(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 2. Executive summary")
        out.blank()
        out.line("**Gate verdict:** \(gateText(result)).")
        out.blank()
        // One pass over the reported findings: accepted ones by severity (`counts` has the open
        // ones), and the open ones at high or critical as sort keys with their places.
        var accepted: [Severity: Int] = [:]
        var top: [(severity: Severity, policy: String, line: Int, index: FindingList.Index)] = []
        let reported = result.reportedFindings
        for index in reported.indices {
            let finding = reported[index]
            if finding.accepted != nil {
                accepted[finding.severity, default: 0] += 1
            } else if finding.severity >= .high {
                top.append((finding.severity, finding.policy, finding.line, index))
            }
        }
        out.table(
            ["Severity", "Open findings", "Accepted"],
            Severity.allCases.reversed().map { severity in
                [severity.name, String(result.counts[severity] ?? 0), String(accepted[severity] ?? 0)]
            })
        out.blank()
        companiesByRisk(result, &out)
        top.sort { a, b in (b.severity, a.policy, a.line) < (a.severity, b.policy, b.line) }
        if let baseline = result.options.baseline {
            baselineChanges(result, baseline, &out)
        }
        out.line("**Top risks**")
        out.blank()
        if top.isEmpty {
            out.line("No open finding at high or critical.")
        } else {
            for finding in top.prefix(10).map({ reported[$0.index] }) {
                out.line(
                    "- **\(finding.severity)** `\(finding.rule)` in [\(Escaping.markdown(company(of: finding, result)))](#\(Self.anchor("policy", finding.policy))): \(Escaping.markdown(finding.message))"
                )
            }
            if top.count > 10 { out.line("- … and \(top.count - 10) more at high or critical (section 5).") }
        }
        out.blank()
        out.line("**Decisions needed**")
        out.blank()
        var decisions: [String] = []
        let failing = result.failingFindings.lazy.filter { $0.rule != "expired-acceptance" }.count
        if failing > 0 {
            decisions.append(
                "\(failing) finding(s) fail the gate: treat each (section 5 says what to do) or accept it in the policy's `accepted_risks` with a reason, an approver and an expiry."
            )
        }
        let expired = result.findings.filter { $0.rule == "expired-acceptance" }
        if !expired.isEmpty {
            decisions.append("\(expired.count) accepted risk(s) have expired: renew them with a new expiry or treat the findings.")
        }
        let unassessed = result.reportedFindings.filter { $0.rule == "not-assessed" }
        if !unassessed.isEmpty {
            decisions.append("\(unassessed.count) operation(s) could not be assessed: supply the missing data (section 7).")
        }
        let stale = Set(result.reportedFindings.filter { $0.rule == "stale-intelligence" }.map(\.subject))
        if !stale.isEmpty {
            decisions.append("\(stale.count) risk factor(s) behind these findings are stale: ask for a review of the intelligence (section 7).")
        }
        if decisions.isEmpty { decisions.append("None.") }
        for decision in decisions { out.line("- " + decision) }
        out.blank()
    }

    /// What is new and what was resolved since the baseline report.
    private func baselineChanges(_ result: CheckResult, _ baseline: Baseline, _ out: inout MarkdownDocument) {
        let new = result.reportedFindings.filter { result.isNew($0) == true }
        let resolved = result.resolvedSinceBaseline
        out.line(
            "**Since the baseline** `\(Escaping.code(baseline.file))`" + (baseline.asOf.map { " (as of \(Escaping.markdown($0)))" } ?? "")
                + ": \(new.count) new finding\(new.count == 1 ? "" : "s"), \(resolved.count) resolved. Only new findings can fail the gate.")
        out.blank()
        if !new.isEmpty {
            out.line("New findings:")
            out.blank()
            out.table(
                ["Severity", "Rule", "Where", "Finding"],
                new.map { finding in
                    [
                        finding.severity.name, "`\(finding.rule)`", "`\(Escaping.codeInTable(finding.policy)):\(finding.line)`",
                        Escaping.markdown(finding.message),
                    ]
                })
            out.blank()
        }
        if !resolved.isEmpty {
            out.line("Resolved since the baseline:")
            out.blank()
            out.table(
                ["Severity", "Rule", "Policy", "Identity", "Finding"],
                resolved.map { entry in
                    [
                        Escaping.markdown(entry.severity), "`\(Escaping.codeInTable(entry.rule))`", "`\(Escaping.codeInTable(entry.policy))`",
                        "`\(Escaping.codeInTable(entry.id))`", Escaping.markdown(entry.message),
                    ]
                })
            out.blank()
        }
    }

    /// The companies, the one with the most severe open finding first (then by their counts
    /// from critical down, then in file order), each linked to its findings.
    private func companiesByRisk(_ result: CheckResult, _ out: inout MarkdownDocument) {
        guard !result.policies.isEmpty else { return }
        let levels = Array(Severity.allCases.reversed())
        out.line("**Companies by risk** (most severe open finding first, the order of sections 3 and 5; each has its own sign-off block in section 5)")
        out.blank()
        out.tableHeader(["Company"] + levels.map(\.name) + ["Accepted"])
        for row in riskOrder(result) {
            let policy = result.policies[row.index].policy
            out.cell("[", Escaping.markdown(policy.company), "](#\(Self.anchor("policy", policy.file)))")
            for count in row.counts { out.cell(String(count)) }
            out.cell(String(row.accepted))
            out.endRow()
        }
        out.blank()
    }

    /// The policies (by index) with their open findings per severity (critical first) and
    /// their accepted ones: the one with the most severe open finding first, then by the counts
    /// from critical down, then in file order.
    func riskOrder(_ result: CheckResult) -> [(index: Int, counts: [Int], accepted: Int)] {
        let levels = Array(Severity.allCases.reversed())
        return result.policies.enumerated().map { index, entry -> (index: Int, counts: [Int], accepted: Int) in
            var counts = Array(repeating: 0, count: levels.count)
            var accepted = 0
            for finding in entry.findings where finding.severity >= result.options.reportMin {
                if finding.accepted != nil {
                    accepted += 1
                } else if let level = levels.firstIndex(of: finding.severity) {
                    counts[level] += 1
                }
            }
            return (index, counts, accepted)
        }.sorted { a, b in a.counts != b.counts ? a.counts.lexicographicallyPrecedes(b.counts, by: >) : a.index < b.index }
    }

    private func company(of finding: Finding, _ result: CheckResult) -> String {
        result.policies.first { $0.policy.file == finding.policy }?.policy.company ?? finding.policy
    }

    // MARK: 3. Scope

    private func scope(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 3. Scope")
        out.blank()
        // Each policy's part, written as it is checked, placed in order of risk.
        for row in riskOrder(result) { out.streamSection(0, policy: row.index) }
        out.line(
            "**Not covered:** operations not written in the policy files; risks other than the factor kinds in the database (for example corruption, environmental or cyber risk); counterparties' owners and directors unless they are listed as counterparties; events after the as-of date; countries the database has no factor for (below)."
        )
        out.blank()
        coverage(result, &out)
    }

    private func scope(of policy: Policy, _ out: inout MarkdownDocument) {
        out.line("### \(Escaping.markdown(policy.company))")
        out.blank()
        var facts = ["Policy file: `\(Escaping.code(policy.file))`"]
        if let owner = policy.owner { facts.append("owner: \(Escaping.markdown(owner))") }
        if let sector = policy.sector { facts.append("sector: \(Escaping.markdown(sector))") }
        facts.append("last reviewed: \(policy.reviewed?.description ?? "not stated")")
        out.line(facts.joined(separator: "; ") + ".")
        out.blank()
        // Written cell by cell (a portfolio's scope has some 120,000 rows): each cell is what
        // the escaped text would be, without building the row's texts first.
        if !policy.sites.isEmpty {
            out.tableHeader(["Site", "Kind", "Country", "Region / city", "Coordinates", "Depends on", "Continuity"])
            for site in policy.sites {
                out.cell("`", Escaping.codeInTable(site.id), "` ", Escaping.markdown(site.name ?? ""))
                out.cell(Escaping.markdown(site.kind ?? "—"))
                out.cell(site.country)
                out.cell(Escaping.markdown(site.region ?? ""), site.region != nil && site.city != nil ? " / " : "", Escaping.markdown(site.city ?? ""))
                if let location = site.location {
                    out.cell(FixedPoint.text(location.lat, places: 4), ", ", FixedPoint.text(location.lon, places: 4))
                } else {
                    out.cell("**none**")
                }
                out.cell(escaping: site.dependsOn, separator: ", ")
                out.cell(escaping: site.continuity, separator: ", ")
                out.endRow()
            }
            out.blank()
        }
        if !policy.trade.isEmpty {
            out.tableHeader(["Trade flow", "Direction", "Country", "Goods", "HS codes", "Payment"])
            for flow in policy.trade {
                out.cell("`", Escaping.codeInTable(flow.id), "` ", Escaping.markdown(flow.name ?? ""))
                // Money alone says so; a declared route follows the partner.
                out.cell(flow.direction.rawValue, flow.kind.movesGoods ? "" : " (\(flow.kind.rawValue))")
                if flow.origin == nil, flow.transit.isEmpty, flow.destination == nil {
                    out.cell(flow.country)
                } else {
                    var route = ["\(flow.country.name) (\(flow.country.code))"]
                    if let origin = flow.origin { route.append("origin \(origin.code)") }
                    if !flow.transit.isEmpty { route.append("transit " + flow.transit.map(\.code).joined(separator: ", ")) }
                    if let destination = flow.destination { route.append("destination \(destination.code)") }
                    out.cell(escaping: route, separator: "; ")
                }
                out.cell(escaping: flow.goods, separator: ", ")
                out.cell(escaping: flow.hsCodes, separator: ", ")
                out.cell(escaping: flow.payment, separator: ", ")
                out.endRow()
            }
            out.blank()
        }
        if !policy.counterparties.isEmpty {
            out.tableHeader(["Counterparty", "Name", "Country", "Role", "Aliases"])
            for party in policy.counterparties {
                out.cell("`", Escaping.codeInTable(party.id), "`")
                out.cell(Escaping.markdown(party.name))
                out.cell(party.country)
                out.cell(Escaping.markdown(party.role ?? "—"))
                out.cell(escaping: party.aliases, separator: "; ")
                out.endRow()
            }
            out.blank()
        }
        if !policy.travel.isEmpty {
            out.tableHeader(["Travel", "Country", "City", "Travellers", "Frequency"])
            for trip in policy.travel {
                out.cell("`", Escaping.codeInTable(trip.id), "` ", Escaping.markdown(trip.name ?? ""))
                out.cell(trip.country)
                out.cell(Escaping.markdown(trip.city ?? "—"))
                out.cell(trip.travellers.map(String.init) ?? "—")
                out.cell(Escaping.markdown(trip.frequency ?? "—"))
                out.endRow()
            }
            out.blank()
        }
    }

    // MARK: 4. Methodology

    private func methodology(_ result: CheckResult, _ out: inout MarkdownDocument) {
        let settings = result.options.settings
        out.line("## 4. Methodology")
        out.blank()
        out.line(
            "Every operation in the policy files (sites, trade flows, counterparties, staff travel) is matched against the risk factors in force on the as-of date. Severity follows the UN Guiding Principles' notion of salience: the **severity of the harm** (scale, scope, irremediability) is the factor's own severity; the **likelihood and exposure** of the operation (distance, recency, dependencies, fallbacks, exemptions) raise or lower it by levels, as each rule states below. Findings at or above `--fail-on` (here: \(result.options.failOn?.name ?? "none")) fail the gate unless accepted with a reason, an approver and an expiry; findings below `--report-min` (here: \(result.options.reportMin)) are left out of this report."
        )
        out.blank()
        out.line(
            "Thresholds: conflict distance bands \(settings.conflictBandsKm.map { "\(Int($0)) km" }.joined(separator: " / ")) (critical / high / medium / low); conflict events count in full for \(settings.conflictFullWeightDays) days and one level lower up to \(settings.conflictLookbackDays) days; shutdown events count in full for \(settings.shutdownRecencyDays) days; unrest events \(settings.unrestRecencyDays.map(String.init).joined(separator: " / ")) days; intelligence is stale \(settings.staleAfterDays) days after its last review, and recency is measured from the as-of date but no later than the last review plus \(settings.staleAfterDays) days; name screening threshold \(settings.screeningThreshold)."
        )
        out.blank()
        for rule in RuleRegistry.all {
            let description = rule.description
            out.line("- **`\(description.id)`**: \(description.summary) Severity: " + description.severityModel.joined(separator: " "))
        }
        out.blank()
    }

    // MARK: 5. Findings

    private func findings(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 5. Findings by company")
        out.blank()
        out.line(
            "Per company, the company with the most severe open finding first: its summary and sign-off block, then its findings grouped by risk factor, the factor with the most severe finding first. What a factor says (its sources, events and recommendations) is in its country profile (section 6), linked from the factor's heading."
        )
        out.blank()
        // Each policy's part, written as it is checked, placed in order of risk.
        for row in riskOrder(result) { out.streamSection(1, policy: row.index) }
    }

    // MARK: 7. Accepted risks, stale intelligence, not assessed

    private func openItems(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 7. Accepted risks, stale intelligence and items not assessed")
        out.blank()
        out.line("### Accepted risks")
        out.blank()
        var rows: [[String]] = []
        for entry in result.policies {
            for risk in entry.policy.acceptedRisks {
                let matched = entry.findings.filter { risk.covers($0.identity) }
                let state: String
                if risk.expires < result.asOf {
                    state = "**expired**"
                } else if matched.isEmpty {
                    state = "unused (matches no finding)"
                } else {
                    state = "in force (\(matched.count) finding\(matched.count == 1 ? "" : "s"))"
                }
                rows.append([
                    "`\(Escaping.codeInTable(entry.policy.file)):\(risk.mark.line)`", "`\(Escaping.codeInTable(risk.finding))`",
                    Escaping.markdown(risk.reason), Escaping.markdown(risk.approvedBy), risk.expires.description, state,
                ])
            }
        }
        if rows.isEmpty {
            out.line("None.")
        } else {
            out.table(["Where", "Finding", "Reason", "Approved by", "Expires", "State"], rows)
        }
        out.blank()
        out.line("### Stale intelligence")
        out.blank()
        let stale = result.reportedFindings.filter { $0.rule == "stale-intelligence" }
        var staleRows: [String: [String]] = [:]
        for finding in stale where staleRows[finding.subject] == nil {
            staleRows[finding.subject] = [
                "`\(Escaping.codeInTable(finding.subject))`", Escaping.markdown(finding.subjectName),
                finding.evidence.first?.date ?? "", finding.severity.name,
            ]
        }
        if staleRows.isEmpty {
            out.line("None: every factor behind a finding was reviewed within \(result.options.settings.staleAfterDays) days of the as-of date.")
        } else {
            out.table(["Factor", "Title", "Last reviewed", "Severity"], staleRows.keys.sorted().compactMap { staleRows[$0] })
        }
        out.blank()
        out.line("### Not assessed")
        out.blank()
        let unassessed = result.reportedFindings.filter { $0.rule == "not-assessed" }
        if unassessed.isEmpty {
            out.line("None.")
        } else {
            out.table(
                ["Where", "Operation", "Why", "Severity"],
                unassessed.map { finding in
                    [
                        "`\(Escaping.codeInTable(finding.policy)):\(finding.line)`", "`\(Escaping.codeInTable(finding.subject))`",
                        Escaping.markdown(finding.message), finding.severity.name,
                    ]
                })
        }
        out.blank()
    }

    // MARK: 8. Limitations and annex

    private func limitations(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 8. Limitations and data gaps")
        out.blank()
        var items = [
            "The risk database holds what its sources reported up to its newest review (\(result.database.newestReview?.description ?? "none")); the report cannot know of events its sources did not record.",
            "Distances are great-circle distances between the coordinates given; a site without coordinates is reported as not assessed rather than passed.",
            "Name screening matches normalised names and aliases (Latin and Cyrillic, any word order, missing middle names); it does not compare dates of birth, registration numbers or addresses, so every match needs a human decision.",
            "Listing dates are used only where the list gives them; lists imported from snapshots without listing dates are treated as listed on every date.",
            "Severity is a screening judgement to prioritise review, not a legal opinion.",
        ]
        if let newest = result.database.newestReview, newest.days(until: result.asOf) > result.options.settings.staleAfterDays {
            items.insert(
                "The as-of date is \(newest.days(until: result.asOf)) days after the database's newest review: findings may be out of date (see stale intelligence).",
                at: 0)
        }
        for item in items { out.line("- " + item) }
        out.blank()
    }

    /// The sources, one line per document (source, title, date, link) with the numbers that
    /// cite it, in order of their first number. The quotes are where they are used: a factor's
    /// in its country profile, another source's in the finding that cites it.
    private func annex(_ citations: Citations, _ out: inout MarkdownDocument) {
        out.line("## Annex: sources cited")
        out.blank()
        if citations.ordered.isEmpty {
            out.line("No source is cited by the findings of this report.")
            out.blank()
            return
        }
        out.line(
            "Each source document once, with the numbers that cite it; the quotes are in the country profiles (section 6) and, for other sources, in the findings that cite them."
        )
        out.blank()
        var documents: [(text: String, numbers: [Int])] = []
        var index: [String: Int] = [:]
        for (offset, reference) in citations.ordered.enumerated() {
            let text = Self.sourceText(reference)
            if let at = index[text] {
                documents[at].numbers.append(offset + 1)
            } else {
                index[text] = documents.count
                documents.append((text, [offset + 1]))
            }
        }
        for document in documents {
            out.line("- " + Self.ranges(document.numbers) + ": " + document.text)
        }
        out.blank()
    }

    /// "[1]–[8], [46]–[51]" for ascending numbers.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start = numbers.first ?? 0
        var last = start
        for number in numbers.dropFirst() + [Int.min] {
            if number == last + 1 {
                last = number
                continue
            }
            parts.append(start == last ? "[\(start)]" : last == start + 1 ? "[\(start)], [\(last)]" : "[\(start)]–[\(last)]")
            start = number
            last = number
        }
        return parts.joined(separator: ", ")
    }
}
