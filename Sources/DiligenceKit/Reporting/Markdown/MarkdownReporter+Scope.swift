/// Section 3 of the Markdown report: the operations of each company as written in its policy,
/// what the report does not cover, and (in `MarkdownReporter+Profiles`) the coverage statement.
extension MarkdownReporter {
    // MARK: 3. Scope

    func scope(_ result: CheckResult, _ out: inout MarkdownDocument) {
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

    func scope(of policy: Policy, _ out: inout MarkdownDocument) {
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
}
