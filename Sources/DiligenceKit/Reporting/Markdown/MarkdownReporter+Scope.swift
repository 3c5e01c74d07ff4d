/// Section 3 of the Markdown report: what the risk database covers, then every company's
/// operations as written in its policy, one report-wide table per kind of operation (companies,
/// sites, trade flows, counterparties, travel), a company named on its first row, and what the report
/// does not cover. Each policy's rows are written as it is checked (one stream per table) and
/// placed in the order of risk.
extension MarkdownReporter {
    // MARK: 3. Scope

    /// The scope's streams, in the order of `sections(of:)`: one per table.
    enum ScopeTable: Int, CaseIterable {
        case companies, sites, trade, counterparties, travel

        var header: [String] {
            switch self {
            case .companies:
                return ["Company", "Policy file", "Owner", "Sector", "Last reviewed", "Operations", "Countries of its operations no factor covers"]
            case .sites: return ["Company", "Site", "Kind", "Country", "Region / city", "Coordinates", "Depends on", "Continuity"]
            case .trade: return ["Company", "Trade flow", "Direction", "Country", "Goods", "HS codes", "Payment"]
            case .counterparties: return ["Company", "Counterparty", "Name", "Country", "Role", "Aliases"]
            case .travel: return ["Company", "Travel", "Country", "City", "Travellers", "Frequency"]
            }
        }

        /// How many rows the policy has in the table: a company without a reported finding has
        /// its row in the companies' table only.
        func rows(_ summary: PolicySummary) -> Int {
            let policy = summary.policy
            if self != .companies, summary.reported == 0 { return 0 }
            switch self {
            case .companies: return 1
            case .sites: return policy.siteCount
            case .trade: return policy.tradeCount
            case .counterparties: return policy.counterpartyCount
            case .travel: return policy.travelCount
            }
        }
    }

    func scope(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        out.line("## 3. Scope")
        out.blank()
        out.line(
            "Every operation of the policy files as written, one table per kind of operation, a row per operation; the companies in the order of risk (section 2), each named on its first row. A company without a finding has its row in the companies' table only, which names its operations."
        )
        out.blank()
        coverage(result, &out)
        let order = riskOrder(result)
        for table in ScopeTable.allCases {
            // A table only when some policy has rows for it; every policy's section is placed.
            let rows = result.policies.reduce(0) { $0 + table.rows($1) }
            if rows > 0 { out.tableHeader(table.header) }
            for row in order { out.streamRows(table.rawValue, policy: row.index) }
            out.blank()
        }
        out.line(
            "**Not covered:** operations not written in the policy files; risks other than the factor kinds in the database (for example corruption, environmental or cyber risk); counterparties' owners and directors unless they are listed as counterparties; events after the as-of date; countries the database has no factor for (above)."
        )
        out.blank()
    }

    /// The policy's rows of each scope table, in the order of `ScopeTable`.
    func scope(of policy: Policy, _ entry: PolicyResult, _ context: ReportContext) -> [MarkdownDocument] {
        // Written cell by cell (a portfolio's scope has some 120,000 rows): each cell is what
        // the escaped text would be, without building the row's texts first.
        let company = Escaping.markdown(policy.company)
        var companies = MarkdownDocument()
        companies.cell(company)
        companies.cell("`", Escaping.codeInTable(policy.file), "`")
        companies.cell(Escaping.markdown(policy.owner ?? "—"))
        companies.cell(Escaping.markdown(policy.sector ?? "—"))
        companies.cell(policy.reviewed?.description ?? "not stated")
        let listed = entry.findings.contains { $0.severity >= context.options.reportMin }
        companies.cell(Self.operations(policy, named: !listed))
        let uncovered = entry.policy.countries.filter { !context.factors.covers($0) }
        companies.cell(uncovered.isEmpty ? "none" : uncovered.map(\.description).joined(separator: ", "))
        companies.endRow()
        // A company without a finding: its operations are named in its row, not listed.
        guard listed else { return [companies, MarkdownDocument(), MarkdownDocument(), MarkdownDocument(), MarkdownDocument()] }
        var sites = MarkdownDocument()
        for (index, site) in policy.sites.enumerated() {
            sites.cell(index == 0 ? company : "")
            sites.cell("`", Escaping.codeInTable(site.id), "` ", Escaping.markdown(site.name ?? ""))
            sites.cell(Escaping.markdown(site.kind ?? "—"))
            sites.cell(site.country)
            sites.cell(Escaping.markdown(site.region ?? ""), site.region != nil && site.city != nil ? " / " : "", Escaping.markdown(site.city ?? ""))
            if let location = site.location {
                sites.cell(FixedPoint.text(location.lat, places: 4), ", ", FixedPoint.text(location.lon, places: 4))
            } else {
                sites.cell("**none**")
            }
            sites.cell(escaping: site.dependsOn, separator: ", ")
            sites.cell(escaping: site.continuity, separator: ", ")
            sites.endRow()
        }
        var trade = MarkdownDocument()
        for (index, flow) in policy.trade.enumerated() {
            trade.cell(index == 0 ? company : "")
            trade.cell("`", Escaping.codeInTable(flow.id), "` ", Escaping.markdown(flow.name ?? ""))
            // Money alone says so; a declared route follows the partner.
            trade.cell(flow.direction.rawValue, flow.kind.movesGoods ? "" : " (\(flow.kind.rawValue))")
            if flow.origin == nil, flow.transit.isEmpty, flow.destination == nil {
                trade.cell(flow.country)
            } else {
                var route = ["\(flow.country.name) (\(flow.country.code))"]
                if let origin = flow.origin { route.append("origin \(origin.code)") }
                if !flow.transit.isEmpty { route.append("transit " + flow.transit.map(\.code).joined(separator: ", ")) }
                if let destination = flow.destination { route.append("destination \(destination.code)") }
                trade.cell(escaping: route, separator: "; ")
            }
            trade.cell(escaping: flow.goods, separator: ", ")
            trade.cell(escaping: flow.hsCodes, separator: ", ")
            trade.cell(escaping: flow.payment, separator: ", ")
            trade.endRow()
        }
        var parties = MarkdownDocument()
        for (index, party) in policy.counterparties.enumerated() {
            parties.cell(index == 0 ? company : "")
            parties.cell("`", Escaping.codeInTable(party.id), "`")
            parties.cell(Escaping.markdown(party.name))
            parties.cell(party.country)
            parties.cell(Escaping.markdown(party.role ?? "—"))
            parties.cell(escaping: party.aliases, separator: "; ")
            parties.endRow()
        }
        var travel = MarkdownDocument()
        for (index, trip) in policy.travel.enumerated() {
            travel.cell(index == 0 ? company : "")
            travel.cell("`", Escaping.codeInTable(trip.id), "` ", Escaping.markdown(trip.name ?? ""))
            travel.cell(trip.country)
            travel.cell(Escaping.markdown(trip.city ?? "—"))
            travel.cell(trip.travellers.map(String.init) ?? "—")
            travel.cell(Escaping.markdown(trip.frequency ?? "—"))
            travel.endRow()
        }
        return [companies, sites, trade, parties, travel]
    }

    /// Most operations of one kind named in the companies' table for a company without a finding.
    static let namedOperationLimit = 10

    /// "3 sites, 1 trade flow", or for a company without a finding (`named`), each kind's ids:
    /// "no finding; 2 sites (`a`, `b`), 1 trade flow (`c`)".
    static func operations(_ policy: Policy, named: Bool) -> String {
        let kinds: [(String, String, [String])] = [
            ("site", "sites", policy.sites.map(\.id)), ("trade flow", "trade flows", policy.trade.map(\.id)),
            ("counterparty", "counterparties", policy.counterparties.map(\.id)), ("trip", "trips", policy.travel.map(\.id)),
        ]
        let parts = kinds.filter { !$0.2.isEmpty }.map { one, many, ids in
            var text = "\(ids.count) \(ids.count == 1 ? one : many)"
            guard named else { return text }
            text += " (" + ids.prefix(namedOperationLimit).map { "`\(Escaping.codeInTable($0))`" }.joined(separator: ", ")
            if ids.count > namedOperationLimit { text += " and \(ids.count - namedOperationLimit) more" }
            return text + ")"
        }
        let list = parts.isEmpty ? "none" : parts.joined(separator: ", ")
        return named ? "no finding; " + list : list
    }

    /// Which countries the database covers: elsewhere "no finding" means "not covered", not
    /// "no risk" (the companies' table says which of their countries that is).
    func coverage(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        let covered = result.factors.coveredCountries
        var text =
            covered.isEmpty
            ? "**Coverage:** the risk database has no factor in force on \(result.asOf)."
            : "**Coverage:** the risk database has factors in force on \(result.asOf) for " + covered.map(\.description).joined(separator: ", ") + "."
        let lapsed = result.factors.countriesWithoutFactorInForce
        if !lapsed.isEmpty {
            text += " It also has factors for " + lapsed.map(\.description).joined(separator: ", ") + ", none in force on that day."
        }
        text +=
            " In any other country no factor is checked, so “no finding” there means *not covered*, not *no risk* (the last column of the companies' table); listed persons and entities are screened for counterparties in every country."
        out.line(text)
        out.blank()
    }
}
