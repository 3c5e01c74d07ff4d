/// Section 5 of the Markdown report, one part per company (policy), written as the policy is
/// checked: the company's summary and sign-off block, then its findings grouped by risk factor,
/// the factor with the most severe finding first. What a factor says (its quotes, events and
/// recommendations) is stated once, in its country profile (section 6); a finding keeps what is
/// its own.
extension MarkdownReporter {
    // MARK: 5. Findings

    func findings(_ result: CheckResult, _ out: inout MarkdownDocument) {
        out.line("## 5. Findings by company")
        out.blank()
        out.line(
            "Per company, the company with the most severe open finding first: its summary and sign-off block, then its findings grouped by risk factor, the factor with the most severe finding first. What a factor says (its sources, events and recommendations) is in its country profile (section 6), linked from the factor's heading."
        )
        out.blank()
        // Each policy's part, written as it is checked, placed in order of risk.
        for row in riskOrder(result) { out.streamSection(1, policy: row.index) }
    }

    /// The findings of one factor in one company, or of one rule when no factor of the
    /// database is behind them (an expired acceptance, say).
    struct FindingGroup {
        var factor: RiskFactor?
        var rule: String
        /// Positions in the policy's findings, highest severity first, then in file order.
        var members: [Int]
    }

    func findings(of entry: PolicyResult, _ context: ReportContext, _ out: inout MarkdownDocument) {
        // Positions in the policy's findings, not copies of them.
        let findings = entry.findings
        let reported = findings.indices.filter { findings[$0].severity >= context.options.reportMin }
            .sorted { (findings[$1].severity, $0) < (findings[$0].severity, $1) }
        let shown = reported.filter { findings[$0].rule != "stale-intelligence" }
        out.line("<a id=\"\(Self.anchor("policy", entry.policy.file))\"></a>")
        out.line("### \(Escaping.markdown(entry.policy.company)) (`\(Escaping.code(entry.policy.file))`)")
        out.blank()
        let uncovered = entry.policy.countries.filter { !context.factors.covers($0) }
        if reported.isEmpty {
            out.line("No finding" + (context.options.reportMin > .info ? " at or above \(context.options.reportMin)" : "") + ".")
        } else {
            companySummary(findings, reported, context, &out)
        }
        // In the summary's paragraph, not a paragraph of its own.
        if !uncovered.isEmpty {
            out.line(
                "**Not covered:** no factor of the risk database covers " + uncovered.map(\.description).joined(separator: ", ")
                    + ", where this company operates: no finding there means *not covered*, not *no risk* (section 3, coverage).")
        }
        out.blank()
        guard !reported.isEmpty else { return }
        signOff(entry, findings, reported, context, &out)
        for group in groups(findings, shown, context) {
            render(group, findings, context, &out)
        }
    }

    /// "Open findings: 1 critical, 2 high; accepted: 1." and the company's top findings.
    func companySummary(_ findings: [Finding], _ reported: [Int], _ context: ReportContext, _ out: inout MarkdownDocument) {
        var open: [Severity: Int] = [:]
        var accepted = 0
        for position in reported {
            if findings[position].accepted != nil { accepted += 1 } else { open[findings[position].severity, default: 0] += 1 }
        }
        let counts = Severity.allCases.reversed().compactMap { severity in open[severity].map { "\($0) \(severity)" } }
        out.line("**Summary:** open findings: " + (counts.isEmpty ? "none" : counts.joined(separator: ", ")) + "; accepted: \(accepted).")
        let top = reported.filter { findings[$0].accepted == nil && findings[$0].severity >= .high }
        guard !top.isEmpty else { return }
        let named = top.prefix(3).map { position in
            let finding = findings[position]
            let name = finding.subjectName == finding.subject ? "" : " " + Escaping.markdown(finding.subjectName)
            return "**\(finding.severity)** `\(finding.rule)` for \(label(finding.subjectKind).lowercased()) `\(Escaping.code(finding.subject))`" + name
        }
        out.line("**Top findings:** " + named.joined(separator: "; ") + (top.count > 3 ? "; and \(top.count - 3) more at high or critical." : "."))
    }

    /// The company's sign-off block: one row per finding, for the owner, the decision and the
    /// due date to be filled in (an accepted finding shows its acceptance), then a signature line.
    func signOff(
        _ entry: PolicyResult, _ findings: [Finding], _ reported: [Int], _ context: ReportContext,
        _ out: inout MarkdownDocument
    ) {
        out.blank()
        out.line(
            "**Sign-off for \(Escaping.markdown(entry.policy.company))** (per finding: who owns it, the decision (accept, treat or escalate) and by when):")
        out.blank()
        out.tableHeader(["Finding", "Severity", "Owner", "Decision", "Due date"])
        for position in reported {
            let finding = findings[position]
            out.cell("`", Escaping.codeInTable(finding.identity.description), "`")
            out.cell(finding.severity.name, finding.accepted != nil ? " (accepted)" : "", context.isNew(finding) == true ? " (new)" : "")
            out.cell("")
            if let acceptance = finding.accepted {
                out.cell("accepted by ", Escaping.markdown(acceptance.approvedBy))
                out.cell("expires ", acceptance.expires.description)
            } else {
                out.cell("")
                out.cell("")
            }
            out.endRow()
        }
        out.blank()
        out.line(
            "Signed off for \(Escaping.markdown(entry.policy.company)) by: Name: ______________  Role: ______________  Date: __________  Signature: ______________"
        )
        out.blank()
    }

    /// The shown findings by factor (the first of a finding's factors the database holds),
    /// groups in order of their most severe finding, then of their first finding.
    func groups(_ findings: [Finding], _ shown: [Int], _ context: ReportContext) -> [FindingGroup] {
        var groups: [FindingGroup] = []
        var index: [String: Int] = [:]
        for position in shown {
            let finding = findings[position]
            let factor = finding.factors.lazy.compactMap { context.factors.factor($0) }.first
            let key = factor.map { "factor:" + $0.id } ?? "rule:" + finding.rule
            if let at = index[key] {
                groups[at].members.append(position)
            } else {
                index[key] = groups.count
                groups.append(FindingGroup(factor: factor, rule: finding.rule, members: [position]))
            }
        }
        // `shown` is sorted most severe first, so the first member of a group is its most severe.
        return groups
    }

    func render(_ group: FindingGroup, _ findings: [Finding], _ context: ReportContext, _ out: inout MarkdownDocument) {
        guard let first = group.members.first.map({ findings[$0] }) else { return }
        let count = group.members.count
        let summary = "\(count) finding\(count == 1 ? "" : "s"), highest \(first.severity)"
        if let factor = group.factor {
            out.line(
                "#### [\(Escaping.markdown(factor.title))](#\(Self.anchor("factor", factor.id))) (`\(Escaping.code(factor.id))`, \(factor.country.description)): \(summary)"
            )
        } else {
            out.line("#### `\(first.rule)`: \(summary)")
        }
        out.blank()
        var specific: [[String]] = []
        for position in group.members {
            let facts = FactorFacts(findings[position], context)
            specific.append(findings[position].recommendations.filter { !facts.recommends($0) })
        }
        for position in group.members {
            render(findings[position], FactorFacts(findings[position], context), context, &out)
        }
        // The events the group's findings cite and their counts by distance band, one table
        // each for the whole group (a row per operation and event), not a pair per finding.
        let exposures = group.members.compactMap { findings[$0].exposure }.filter(hasTables)
        if !exposures.isEmpty {
            out.blank()
            exposureTables(exposures, &out)
        }
        out.blank()
        // The rule's own advice, each piece once: what every finding of the group shares, then
        // what only some do, with the operations it is for.
        var advice: [(text: String, subjects: [String])] = []
        for (position, items) in zip(group.members, specific) {
            let subject = findings[position].subject
            for item in items {
                if let at = advice.firstIndex(where: { $0.text == item }) {
                    if !advice[at].subjects.contains(subject) { advice[at].subjects.append(subject) }
                } else {
                    advice.append((item, [subject]))
                }
            }
        }
        let subjects = Set(group.members.map { findings[$0].subject })
        if !advice.isEmpty {
            out.line(group.factor.map { "**What to do** (as well as [the factor's recommendations](#\(Self.anchor("factor", $0.id)))):" } ?? "**What to do:**")
            // Shared advice first, then the rest in order of first finding.
            let ordered = advice.filter { Set($0.subjects) == subjects } + advice.filter { Set($0.subjects) != subjects }
            for (index, item) in ordered.enumerated() {
                let scope = Set(item.subjects) == subjects ? "" : "For " + item.subjects.map { "`\(Escaping.code($0))`" }.joined(separator: ", ") + ": "
                out.line("\(index + 1). " + scope + Escaping.markdown(item.text))
            }
            out.blank()
        }
    }

    /// What the country profiles state of a finding's factors (the ones the database holds):
    /// their title, events, sources and recommendations. Read in place, never copied into sets:
    /// an imported factor may hold thousands of events.
    struct FactorFacts {
        let factors: [RiskFactor]

        init(_ finding: Finding, _ context: ReportContext) {
            factors = finding.factors.compactMap { context.factors.factor($0) }
        }

        /// Whether a profile states the line: a factor's source, a dated line of a factor (its
        /// title line or an event) or its exempt goods. Other undated lines without a source (a
        /// named target) and lines of other records (a listed person) are the finding's own.
        func states(_ evidence: Evidence) -> Bool {
            guard let factor = factors.first(where: { $0.id == evidence.record }) else { return false }
            if let reference = evidence.reference { return factor.references.contains(reference) }
            return evidence.date != nil || evidence == factor.exemptGoodsEvidence
        }

        /// Whether a profile quotes the source.
        func quotes(_ reference: Reference) -> Bool {
            factors.contains { $0.references.contains(reference) }
        }

        func recommends(_ advice: String) -> Bool {
            factors.contains { $0.recommendations.contains(advice) }
        }

        /// How many events of the factor a profile lists.
        func eventCount(_ id: String, asOf day: Day) -> Int {
            factors.first { $0.id == id }.map { factor in factor.events.reduce(0) { $0 + ($1.date <= day ? 1 : 0) } } ?? 0
        }
    }

    func render(_ finding: Finding, _ facts: FactorFacts, _ context: ReportContext, _ out: inout MarkdownDocument) {
        // The long lines are written part by part, not built as Strings first.
        out.part("- **\(finding.severity.name.uppercased())**")
        if finding.accepted != nil { out.part(" (accepted)") }
        if context.isNew(finding) == true { out.part(" (new)") }
        out.part(" `")
        out.part(Escaping.code(finding.identity.description))
        out.part("` at `")
        out.part(Escaping.code(finding.policy))
        out.part(":\(finding.line):\(finding.column)`: ")
        out.part(Escaping.markdown(finding.message))
        out.part(".")
        out.endLine()
        if !finding.path.isEmpty {
            out.part("  - **Why (exposure path):** ")
            for (index, step) in finding.path.enumerated() {
                if index > 0 { out.part(" → ") }
                out.part(Escaping.markdown(step))
            }
            out.endLine()
        }
        if let acceptance = finding.accepted {
            out.line("  - **Accepted** until \(acceptance.expires) by \(Escaping.markdown(acceptance.approvedBy)): \(Escaping.markdown(acceptance.reason))")
        }
        // Its own evidence: the lines the profiles do not state (a listed person, a named
        // target, an expired acceptance).
        let own = finding.evidence.filter { !facts.states($0) }
        if !own.isEmpty {
            out.line("  - **Evidence:**")
            for evidence in own {
                out.part("    - ")
                if let date = evidence.date {
                    out.part(Escaping.markdown(date))
                    out.part(": ")
                }
                out.part(Escaping.markdown(evidence.fact))
                out.part(" (`")
                out.part(Escaping.code(evidence.record))
                out.part("`)")
                if let reference = evidence.reference {
                    // A source a profile quotes is cited by number only; others are quoted here.
                    if let quote = reference.quote, !facts.quotes(reference) {
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
        // The events the rule relied on, when they are some of the factor's (a place-bound
        // finding names them in its exposure instead).
        if finding.exposure == nil {
            let relied = finding.evidence.filter { $0.reference == nil && $0.date?.hasPrefix("in force since") == false && facts.states($0) }
            let total = Set(relied.map(\.record)).reduce(0) { $0 + facts.eventCount($1, asOf: context.asOf) }
            if !relied.isEmpty, relied.count < total {
                out.line(
                    "  - **Events relied on:** " + relied.compactMap { $0.date.map(Escaping.markdown) }.joined(separator: ", ") + " (of the profile's events)")
            }
        }
    }

    func label(_ kind: SubjectKind) -> String {
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

    /// The columns of the events table, each with its cell per event: only columns some event
    /// fills (the date always), and none at all when no event has more than a date.
    func eventColumns(_ exposure: Exposure) -> [(header: String, cells: [String])] {
        let events = exposure.events
        let columns: [(String, [String?])] = [
            ("Event", events.map { $0.id.map { "`\(Escaping.codeInTable($0))`" } }),
            ("Date", events.map(\.when)),
            ("Place", events.map { event in event.place.map { Escaping.markdown($0) + (event.geoPrecision.map { " (precision \($0))" } ?? "") } }),
            ("Distance", events.map { $0.distanceKm.map(Self.km) }),
            ("Killed", events.map { $0.fatalities.map(String.init) }),
            ("Type", events.map { $0.type.map(Escaping.markdown) }),
            ("Actors", events.map { $0.actors.isEmpty ? nil : Escaping.markdown($0.actors.joined(separator: "; ")) }),
        ]
        let filled = columns.filter { $0.0 == "Date" || $0.1.contains { $0 != nil } }
        guard filled.count > 1 else { return [] }
        return filled.map { ($0.0, $0.1.map { $0 ?? "—" }) }
    }

    /// Whether the finding's exposure has a table to show.
    func hasTables(_ exposure: Exposure) -> Bool {
        exposure.bands.contains { $0.recentEvents + $0.olderEvents > 0 } || !eventColumns(exposure).isEmpty
    }

    /// The events the findings of a group cite (when any has more than a date) and their counts
    /// by distance band, as two tables with a row per operation and event (or band).
    func exposureTables(_ exposures: [Exposure], _ out: inout MarkdownDocument) {
        let cited = exposures.map { ($0, eventColumns($0)) }.filter { !$0.1.isEmpty }
        if !cited.isEmpty {
            // The columns some operation's events fill, in the order eventColumns gives them.
            var headers: [String] = []
            for (_, columns) in cited {
                for column in columns where !headers.contains(column.header) { headers.append(column.header) }
            }
            let order = ["Event", "Date", "Place", "Distance", "Killed", "Type", "Actors"]
            headers.sort { (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count) }
            let references = cited.map { $0.0.reference }
            let shared = references.allSatisfy { $0 == references.first! } ? references.first! : nil
            let perRow = shared == nil && references.contains { $0 != nil }
            out.line("Events cited (per operation, most recent first" + (shared.map { "; recency counted to \($0)" } ?? "") + "):")
            out.blank()
            var rows: [[String]] = []
            for (exposure, columns) in cited {
                let subject = "`\(Escaping.codeInTable(exposure.subject))`"
                for row in exposure.events.indices {
                    let cells = headers.map { header in columns.first { $0.header == header }?.cells[row] ?? "—" }
                    rows.append([subject] + cells + (perRow ? [exposure.reference.map { "\($0)" } ?? "—"] : []))
                }
            }
            out.table(["Operation"] + headers + (perRow ? ["Recency counted to"] : []), rows)
            let more = cited.filter { $0.0.eventsNotCited > 0 }
            if !more.isEmpty {
                out.blank()
                for (exposure, _) in more {
                    out.line(
                        "… and \(exposure.eventsNotCited) more event(s) for `\(Escaping.code(exposure.subject))` in the same band and window (counted below).")
                    out.blank()
                }
            }
            out.blank()
        }
        // Bands without any event are left out (and the table when every band is empty).
        let rows = exposures.flatMap { exposure in
            exposure.bands.filter { $0.recentEvents + $0.olderEvents > 0 }.map { band in
                [
                    "`\(Escaping.codeInTable(exposure.subject))`", "\(Int(band.fromKm))–\(Int(band.toKm)) km", String(band.recentEvents),
                    String(band.recentFatalities), String(band.olderEvents), String(band.olderFatalities),
                ]
            }
        }
        if !rows.isEmpty {
            out.table(["Operation", "Distance band", "Events (full weight)", "Killed", "Events (one level lower)", "Killed"], rows)
            out.blank()
        }
    }

    static func km(_ value: Double) -> String {
        Kilometres.text(value)
    }

    /// An HTML anchor id made of lowercase ASCII letters, digits and hyphens: "factor-drf-2020-ml-0001".
    static func anchor(_ kind: String, _ id: String) -> String {
        var slug = kind + "-"
        var lastWasHyphen = true
        for scalar in id.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                slug += "-"
                lastWasHyphen = true
            }
        }
        return slug
    }
}
