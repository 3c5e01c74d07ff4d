/// The due-diligence report a compliance officer reads, signs and files, in the shape the OECD
/// Due Diligence Guidance and UN Guiding Principles 17–21 lead them to expect: control block,
/// executive summary, scope, methodology, findings per policy and operation, accepted risks
/// and open items, limitations, and the full source list.
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
        findings(&out)
        openItems(result, &out)
        limitations(result, &out)
        annex(citations, &out)
        return out.pieces
    }

    // MARK: 1. Control block

    private func control(_ result: CheckResult, _ out: inout MarkdownDocument) {
        let companies = result.policies.map(\.policy.company)
        out.line("# Due-diligence report: geopolitical exposure")
        out.blank()
        out.line("Companies covered: " + (companies.isEmpty ? "none" : companies.map(Escaping.markdown).joined(separator: "; ")) + ".")
        out.blank()
        out.line("## 1. Control")
        out.blank()
        out.table(["Item", "Value"], [
            ["Report id", "`\(reportID(result))`"],
            ["As of", "**\(result.asOf)** (facts dated after this day are not used)"],
            ["Policies covered", "\(result.policies.count): " + result.policies.map { "`\(Escaping.codeInTable($0.policy.file))`" }.joined(separator: ", ")],
            ["Risk database", "\(Escaping.markdown(result.database.name))" + (result.database.version.map { " version \(Escaping.markdown($0))" } ?? "")
                + ", \(result.database.factorCount) risk factors, \(result.database.entityCount) listed persons and entities"],
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
            out.table(["Source", "Snapshot date or version", "Age at the as-of date", "Licence or attribution"], result.database.sources.map { source in
                [Escaping.markdown(source.name) + (source.url.map { " (\(Escaping.markdown($0)))" } ?? ""),
                 Escaping.markdown(source.date ?? "not stated"), SnapshotAge.describe(source.date, asOf: result.asOf),
                 Escaping.markdown(source.licence ?? "not stated")]
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
        out.table(["Severity", "Open findings", "Accepted"], Severity.allCases.reversed().map { severity in
            [severity.name, String(result.counts[severity] ?? 0), String(accepted[severity] ?? 0)]
        })
        out.blank()
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
                out.line("- **\(finding.severity)** `\(finding.rule)` in \(Escaping.markdown(company(of: finding, result))): \(Escaping.markdown(finding.message))")
            }
            if top.count > 10 { out.line("- … and \(top.count - 10) more at high or critical (section 5).") }
        }
        out.blank()
        out.line("**Decisions needed**")
        out.blank()
        var decisions: [String] = []
        let failing = result.failingFindings.lazy.filter { $0.rule != "expired-acceptance" }.count
        if failing > 0 {
            decisions.append("\(failing) finding(s) fail the gate: treat each (section 5 says what to do) or accept it in the policy's `accepted_risks` with a reason, an approver and an expiry.")
        }
        let expired = result.findings.filter { $0.rule == "expired-acceptance" }
        if !expired.isEmpty {
            decisions.append("\(expired.count) accepted risk(s) have expired: renew them with a new expiry or treat the findings.")
        }
        let unassessed = result.reportedFindings.filter { $0.rule == "not-assessed" }
        if !unassessed.isEmpty {
            decisions.append("\(unassessed.count) operation(s) could not be assessed: supply the missing data (section 6).")
        }
        let stale = Set(result.reportedFindings.filter { $0.rule == "stale-intelligence" }.map(\.subject))
        if !stale.isEmpty {
            decisions.append("\(stale.count) risk factor(s) behind these findings are stale: ask for a review of the intelligence (section 6).")
        }
        if decisions.isEmpty { decisions.append("None.") }
        for decision in decisions { out.line("- " + decision) }
        out.blank()
    }

    /// What is new and what was resolved since the baseline report.
    private func baselineChanges(_ result: CheckResult, _ baseline: Baseline, _ out: inout MarkdownDocument) {
        let new = result.reportedFindings.filter { result.isNew($0) == true }
        let resolved = result.resolvedSinceBaseline
        out.line("**Since the baseline** `\(Escaping.code(baseline.file))`" + (baseline.asOf.map { " (as of \(Escaping.markdown($0)))" } ?? "")
                 + ": \(new.count) new finding\(new.count == 1 ? "" : "s"), \(resolved.count) resolved. Only new findings can fail the gate.")
        out.blank()
        if !new.isEmpty {
            out.line("New findings:")
            out.blank()
            out.table(["Severity", "Rule", "Where", "Finding"], new.map { finding in
                [finding.severity.name, "`\(finding.rule)`", "`\(Escaping.codeInTable(finding.policy)):\(finding.line)`", Escaping.markdown(finding.message)]
            })
            out.blank()
        }
        if !resolved.isEmpty {
            out.line("Resolved since the baseline:")
            out.blank()
            out.table(["Severity", "Rule", "Policy", "Identity", "Finding"], resolved.map { entry in
                [Escaping.markdown(entry.severity), "`\(Escaping.codeInTable(entry.rule))`", "`\(Escaping.codeInTable(entry.policy))`",
                 "`\(Escaping.codeInTable(entry.id))`", Escaping.markdown(entry.message)]
            })
            out.blank()
        }
    }

    private func company(of finding: Finding, _ result: CheckResult) -> String {
        result.policies.first { $0.policy.file == finding.policy }?.policy.company ?? finding.policy
    }

    // MARK: 3. Scope

    private func scope(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 3. Scope")
        out.blank()
        // Each policy's part, written as it is checked, in file order.
        out.stream(0)
        out.line("**Not covered:** operations not written in the policy files; risks other than the factor kinds in the database (for example corruption, environmental or cyber risk); counterparties' owners and directors unless they are listed as counterparties; events after the as-of date.")
        out.blank()
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
        out.line("Every operation in the policy files (sites, trade flows, counterparties, staff travel) is matched against the risk factors in force on the as-of date. Severity follows the UN Guiding Principles' notion of salience: the **severity of the harm** (scale, scope, irremediability) is the factor's own severity; the **likelihood and exposure** of the operation (distance, recency, dependencies, fallbacks, exemptions) raise or lower it by levels, as each rule states below. Findings at or above `--fail-on` (here: \(result.options.failOn?.name ?? "none")) fail the gate unless accepted with a reason, an approver and an expiry; findings below `--report-min` (here: \(result.options.reportMin)) are left out of this report.")
        out.blank()
        out.line("Thresholds: conflict distance bands \(settings.conflictBandsKm.map { "\(Int($0)) km" }.joined(separator: " / ")) (critical / high / medium / low); conflict events count in full for \(settings.conflictFullWeightDays) days and one level lower up to \(settings.conflictLookbackDays) days; shutdown events count in full for \(settings.shutdownRecencyDays) days; unrest events \(settings.unrestRecencyDays.map(String.init).joined(separator: " / ")) days; intelligence is stale \(settings.staleAfterDays) days after its last review, and recency is measured from the as-of date but no later than the last review plus \(settings.staleAfterDays) days; name screening threshold \(settings.screeningThreshold).")
        out.blank()
        for rule in RuleRegistry.all {
            let description = rule.description
            out.line("- **`\(description.id)`**: \(description.summary) Severity: " + description.severityModel.joined(separator: " "))
        }
        out.blank()
    }

    // MARK: 5. Findings

    private func findings(_ out: inout MarkdownDocument) {
        out.line("## 5. Findings")
        out.blank()
        // Each policy's part, written as it is checked, in file order.
        out.stream(1)
    }

    private func findings(of entry: PolicyResult, _ context: ReportContext, _ out: inout MarkdownDocument) {
        // Positions in the policy's findings, not copies of them.
        let findings = entry.findings
        let shown = findings.indices.filter { findings[$0].severity >= context.options.reportMin && findings[$0].rule != "stale-intelligence" }
        out.line("### \(Escaping.markdown(entry.policy.company)) (`\(Escaping.code(entry.policy.file))`)")
        out.blank()
        if shown.isEmpty {
            out.line("No finding" + (context.options.reportMin > .info ? " at or above \(context.options.reportMin)" : "") + ".")
            out.blank()
            return
        }
        // Findings by subject, subjects in order of first finding; positions, not copies.
        var groups: [(kind: SubjectKind, subject: String, members: [Int])] = []
        for position in shown {
            let finding = findings[position]
            if let index = groups.firstIndex(where: { $0.kind == finding.subjectKind && $0.subject == finding.subject }) {
                groups[index].members.append(position)
            } else {
                groups.append((finding.subjectKind, finding.subject, [position]))
            }
        }
        for group in groups {
            guard let first = group.members.first.map({ findings[$0] }) else { continue }
            out.line("#### \(label(first.subjectKind)) `\(Escaping.code(first.subject))`: \(Escaping.markdown(first.subjectName))")
            out.blank()
            for position in group.members.sorted(by: { (findings[$1].severity, findings[$0].rule) < (findings[$0].severity, findings[$1].rule) }) {
                render(findings[position], isNew: context.isNew(findings[position]) == true, &out)
            }
        }
    }

    private func label(_ kind: SubjectKind) -> String {
        switch kind {
        case .policy: return "Company"
        case .site: return "Site"
        case .trade: return "Trade flow"
        case .counterparty: return "Counterparty"
        case .travel: return "Travel"
        case .acceptedRisk: return "Accepted risk"
        case .factor: return "Risk factor"
        }
    }

    private func render(_ finding: Finding, isNew: Bool, _ out: inout MarkdownDocument) {
        let accepted = finding.accepted != nil ? " (accepted)" : ""
        out.line("##### \(finding.severity.name.uppercased())\(accepted)\(isNew ? " (new)" : ""): `\(finding.rule)`")
        out.blank()
        // The long lines are written part by part, not built as Strings first.
        out.part("- **What:** ")
        out.part(Escaping.markdown(finding.message))
        out.part(".")
        out.endLine()
        if !finding.path.isEmpty {
            out.part("- **Why (exposure path):** ")
            for (index, step) in finding.path.enumerated() {
                if index > 0 { out.part(" → ") }
                out.part(Escaping.markdown(step))
            }
            out.endLine()
        }
        if let exposure = finding.exposure {
            out.line("- **Exposure:** " + exposureSummary(exposure))
        }
        out.line("- **Where:** `\(Escaping.code(finding.policy)):\(finding.line):\(finding.column)`; identity `\(Escaping.code(finding.identity.description))`")
        if let acceptance = finding.accepted {
            out.line("- **Accepted** until \(acceptance.expires) by \(Escaping.markdown(acceptance.approvedBy)): \(Escaping.markdown(acceptance.reason))")
        }
        if !finding.evidence.isEmpty {
            out.line("- **Evidence:**")
            // The first fact of each record is quoted inline; further sources are cited by number
            // and quoted in the annex, so a finding stays readable.
            var quotedRecords: Set<String> = []
            for evidence in finding.evidence {
                out.part("  - ")
                if let date = evidence.date {
                    out.part(Escaping.markdown(date))
                    out.part(": ")
                }
                out.part(Escaping.markdown(evidence.fact))
                out.part(" (`")
                out.part(Escaping.code(evidence.record))
                out.part("`)")
                if let reference = evidence.reference {
                    if let quote = reference.quote, quotedRecords.insert(evidence.record).inserted {
                        out.part(": “")
                        out.part(Escaping.markdown(quote))
                        out.part("”")
                    }
                    // The reference's number, in order of first citation over the whole report.
                    out.part(" ")
                    out.endLine(citing: reference)
                } else {
                    out.endLine()
                }
            }
        }
        if !finding.recommendations.isEmpty {
            out.line("- **What to do:**")
            for (index, recommendation) in finding.recommendations.enumerated() {
                out.line("  \(index + 1). \(Escaping.markdown(recommendation))")
            }
        }
        out.blank()
        if let exposure = finding.exposure { exposureTables(exposure, &out) }
    }

    /// "`site` (lat, lon) → 4 km to Metuge → ≤ 25 km, in the last 365 days → `conflict-proximity` → critical"
    func exposureSummary(_ exposure: Exposure) -> String {
        var steps = ["`\(Escaping.code(exposure.subject))`" + (exposure.location.map { " (\($0))" } ?? "")]
        if let area = exposure.area {
            steps.append((exposure.areaEdgeKm ?? 0) > 0 ? "\(Self.km(exposure.areaEdgeKm ?? 0)) outside \(Escaping.markdown(area))" : "inside \(Escaping.markdown(area))")
        } else if let distance = exposure.distanceKm {
            steps.append("\(Self.km(distance)) to \(Escaping.markdown(exposure.to ?? "the nearest event"))")
        }
        let cited = exposure.events.map { event in
            (event.id.map { "`\(Escaping.code($0))` of " } ?? "") + event.when + (event.fatalities.map { $0 > 0 ? " (\($0) killed)" : "" } ?? "")
        }
        if !cited.isEmpty {
            steps.append((cited.count == 1 ? "event " : "events ") + cited.joined(separator: ", ")
                         + (exposure.eventsNotCited > 0 ? " and \(exposure.eventsNotCited) more" : ""))
        }
        var band = [exposure.band, exposure.window].compactMap { $0 }.joined(separator: ", ")
        if let target = exposure.target { band += (band.isEmpty ? "" : "; ") + "named target: \(Escaping.markdown(target))" }
        if !band.isEmpty { steps.append(band) }
        steps.append("`\(exposure.rule)` → \(exposure.severity)")
        return steps.joined(separator: " → ")
    }

    /// The events a finding cites and its counts by distance band, as two tables.
    private func exposureTables(_ exposure: Exposure, _ out: inout MarkdownDocument) {
        if !exposure.events.isEmpty {
            out.line("Events cited for `\(Escaping.code(exposure.subject))` (most recent first" + (exposure.reference.map { "; recency counted to \($0)" } ?? "") + "):")
            out.blank()
            out.table(["Event", "Date", "Place", "Distance", "Killed", "Type", "Actors"], exposure.events.map { event in
                [event.id.map { "`\(Escaping.codeInTable($0))`" } ?? "—", event.when,
                 Escaping.markdown(event.place ?? "—") + (event.geoPrecision.map { " (precision \($0))" } ?? ""),
                 event.distanceKm.map(Self.km) ?? "—", event.fatalities.map(String.init) ?? "—",
                 Escaping.markdown(event.type ?? "—"), Escaping.markdown(event.actors.joined(separator: "; "))]
            })
            if exposure.eventsNotCited > 0 {
                out.blank()
                out.line("… and \(exposure.eventsNotCited) more event(s) in the same band and window (counted below).")
            }
            out.blank()
        }
        if !exposure.bands.isEmpty {
            out.table(["Distance band", "Events (full weight)", "Killed", "Events (one level lower)", "Killed"], exposure.bands.map { band in
                ["\(Int(band.fromKm))–\(Int(band.toKm)) km", String(band.recentEvents), String(band.recentFatalities),
                 String(band.olderEvents), String(band.olderFatalities)]
            })
            out.blank()
        }
    }

    static func km(_ value: Double) -> String {
        value < 10 ? FixedPoint.text(value, places: 1) + " km" : "\(Int(value.rounded())) km"
    }

    // MARK: 6. Accepted risks, stale intelligence, not assessed

    private func openItems(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 6. Accepted risks, stale intelligence and items not assessed")
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
                rows.append(["`\(Escaping.codeInTable(entry.policy.file)):\(risk.mark.line)`", "`\(Escaping.codeInTable(risk.finding))`",
                             Escaping.markdown(risk.reason), Escaping.markdown(risk.approvedBy), risk.expires.description, state])
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
            staleRows[finding.subject] = ["`\(Escaping.codeInTable(finding.subject))`", Escaping.markdown(finding.subjectName),
                                          finding.evidence.first?.date ?? "", finding.severity.name]
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
            out.table(["Where", "Operation", "Why", "Severity"], unassessed.map { finding in
                ["`\(Escaping.codeInTable(finding.policy)):\(finding.line)`", "`\(Escaping.codeInTable(finding.subject))`",
                 Escaping.markdown(finding.message), finding.severity.name]
            })
        }
        out.blank()
    }

    // MARK: 7. Limitations and annex

    private func limitations(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 7. Limitations and data gaps")
        out.blank()
        var items = [
            "The risk database holds what its sources reported up to its newest review (\(result.database.newestReview?.description ?? "none")); the report cannot know of events its sources did not record.",
            "Distances are great-circle distances between the coordinates given; a site without coordinates is reported as not assessed rather than passed.",
            "Name screening matches normalised names and aliases (Latin and Cyrillic, any word order, missing middle names); it does not compare dates of birth, registration numbers or addresses, so every match needs a human decision.",
            "Listing dates are used only where the list gives them; lists imported from snapshots without listing dates are treated as listed on every date.",
            "Severity is a screening judgement to prioritise review, not a legal opinion.",
        ]
        if let newest = result.database.newestReview, newest.days(until: result.asOf) > result.options.settings.staleAfterDays {
            items.insert("The as-of date is \(newest.days(until: result.asOf)) days after the database's newest review: findings may be out of date (see stale intelligence).", at: 0)
        }
        for item in items { out.line("- " + item) }
        out.blank()
    }

    private func annex(_ citations: Citations, _ out: inout MarkdownDocument) {
        out.line("## Annex: sources cited")
        out.blank()
        if citations.ordered.isEmpty {
            out.line("No source is cited by the findings of this report.")
            out.blank()
            return
        }
        for (index, reference) in citations.ordered.enumerated() {
            var line = "\(index + 1). \(Escaping.markdown(reference.source))"
            if let title = reference.title { line += ", “\(Escaping.markdown(title))”" }
            if let date = reference.date { line += ", \(date.text)" }
            if let url = reference.url { line += ", \(Escaping.markdown(url))" }
            if let quote = reference.quote { line += ": “\(Escaping.markdown(quote))”" }
            out.line(line)
        }
        out.blank()
    }
}

/// Accumulates Markdown lines; never emits two blank lines in a row. A document is either a
/// report's layout (text, and where the per-policy streams go) or one policy's section (text,
/// and holes for citation numbers).
struct MarkdownDocument {
    private var done: [ReportPiece] = []
    private var segments: [String] = []
    private var citations: [Reference] = []
    /// The UTF-8 bytes of the text since the last hole or stream (appending bytes is cheaper
    /// than appending to a String: a portfolio's report appends millions of pieces).
    private var current: [UInt8] = []

    /// The current text, as a String.
    private var currentText: String { String(decoding: current, as: UTF8.self) }

    private mutating func write(_ text: String) {
        current.append(contentsOf: text.utf8)
    }
    /// The last two bytes written (0 for none), to know whether a blank line ends the text.
    private var tail: (UInt8, UInt8) = (0, 0)
    /// Whether a table row has cells written and no end yet.
    private var rowIsOpen = false
    /// The last byte of the line being written in parts (nil before its first byte).
    private var lineLast: UInt8?

    /// The layout: the text and the streams, in order.
    var pieces: [ReportPiece] { current.isEmpty ? done : done + [.text(currentText)] }

    /// The whole text (of a document without streams or citations).
    var text: String { section.segments.joined() }

    /// The text as a policy's section, with its citation holes.
    var section: ReportSection {
        var section = ReportSection()
        for (segment, reference) in zip(segments, citations) {
            section.append(segment)
            section.cite(reference)
        }
        section.append(currentText)
        return section
    }

    mutating func line(_ line: String) {
        part(line)
        endLine()
    }

    /// A line ending with the number of a reference, in brackets (filled in later).
    mutating func line(_ text: String, citing reference: Reference) {
        part(text)
        endLine(citing: reference)
    }

    /// Part of a line; `endLine` ends it.
    mutating func part(_ text: String) {
        write(text)
        if let last = text.utf8.last { lineLast = last }
    }

    /// Ends the line the parts written since the last line make.
    mutating func endLine() {
        write("\n")
        tail = (lineLast ?? tail.1, 0x0A)
        lineLast = nil
    }

    /// Ends the line with the number of a reference, in brackets (filled in later).
    mutating func endLine(citing reference: Reference) {
        lineLast = nil
        segments.append(currentText)
        citations.append(reference)
        current.removeAll(keepingCapacity: true)
        current.append(0x0A)
        tail = (UInt8(ascii: "]"), 0x0A)
    }

    mutating func blank() {
        if tail != (0, 0), tail != (0x0A, 0x0A) { line("") }
    }

    /// Where one of the per-policy streams goes. Every policy's section ends with a blank line,
    /// and so does the text before the stream.
    mutating func stream(_ index: Int) {
        if !current.isEmpty { done.append(.text(currentText)) }
        current.removeAll(keepingCapacity: true)
        done.append(.stream(index))
        tail = (0x0A, 0x0A)
    }

    /// A table; cells must already be escaped.
    mutating func table(_ header: [String], _ rows: [[String]]) {
        tableHeader(header)
        for row in rows {
            for cell in row { self.cell(cell) }
            endRow()
        }
    }

    /// A table's header; its rows follow, written cell by cell (`cell`, then `endRow`).
    mutating func tableHeader(_ header: [String]) {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + header.map { _ in " --- |" }.joined())
    }

    /// A cell of the current row: the parts (already escaped) one after the other, a space when
    /// they are all empty.
    mutating func cell(_ first: String, _ second: String = "", _ third: String = "", _ fourth: String = "") {
        write(rowIsOpen ? " " : "| ")
        rowIsOpen = true
        if first.isEmpty, second.isEmpty, third.isEmpty, fourth.isEmpty { write(" ") }
        write(first)
        if !second.isEmpty { write(second) }
        if !third.isEmpty { write(third) }
        if !fourth.isEmpty { write(fourth) }
        write(" |")
    }

    /// A cell of a country: "Mali (ML)".
    mutating func cell(_ country: Country) {
        cell(country.name, " (", country.code, ")")
    }

    /// A cell of items escaped as Markdown and joined by `separator`.
    mutating func cell(escaping items: [String], separator: String) {
        write(rowIsOpen ? " " : "| ")
        rowIsOpen = true
        var empty = true
        for (index, item) in items.enumerated() {
            if index > 0 { write(separator) }
            let escaped = Escaping.markdown(item)
            if !escaped.isEmpty || index > 0 { empty = false }
            write(escaped)
        }
        if empty { write(" ") }
        write(" |")
    }

    /// Ends the current row.
    mutating func endRow() {
        write(rowIsOpen ? "\n" : "|\n")
        rowIsOpen = false
        tail = (UInt8(ascii: "|"), 0x0A)
    }
}
