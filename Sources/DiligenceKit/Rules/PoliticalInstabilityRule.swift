/// Operations in a country under an unconstitutional change of government or transition.
public struct PoliticalInstabilityRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .politicalInstability,
        name: "Political instability",
        summary:
            "Sites, staff travel (destination and transit countries), trade flows (every country they touch: partner, origin, transit, destination) and government counterparties in a country under a coup, a junta or an unconstitutional transition.",
        facts: "Risk factors of kind `unconstitutional-change` in force for the country, with their dated events (coup, deadlines, appointments).",
        severityModel: [
            "A site in the country (people and assets on the ground): the factor's severity.",
            "Staff travel to the country, trade flows that touch it (the partner country, a declared origin, transit or destination, or the company's own end where it has no site: where it is incorporated) and government counterparties (contracts with the authorities in place): one level lower.",
            "Staff travel that only passes through the country (`transit`): two levels lower.",
            "A flow's own end in a country where the company has a site is not reported again for the flow: the site's finding covers that country.",
        ],
        recommendations: [
            "Name a crisis lead, review evacuation and hibernation plans, and agree triggers with the security provider.",
            "Re-check sanctions and regional measures before each shipment or payment while the transition lasts.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let policy = context.policy
        // Only operations in a country under such a factor are named (most of a portfolio's are not).
        func report(
            _ id: String, _ kind: SubjectKind, _ name: @autoclosure () -> String, _ relation: String, _ country: Country,
            _ mark: Mark, shift: Int, leg: String? = nil, suffix: String = ""
        ) {
            let factors = context.factors(.unconstitutionalChange, in: country)
            guard !factors.isEmpty else { return }
            let name = name()
            for factor in factors {
                let parts = context.parts(for: factor)
                let latest = parts.latestEvent
                // A site keeps the factor's severity; what only passes through the country is lower.
                var assessment = SeverityAssessment(start: factor.severity, lines: [name])
                if let leg { assessment.state(leg) }
                assessment.state("in \(country.name)")
                assessment.state(parts.idAndLatestEvent)
                if shift != 0 { assessment.adjust(by: shift, Self.reason(kind, shift: shift)) }
                let severity = assessment.severity
                findings.append(
                    Finding(
                        rule: description.id, severity: severity, policy: policy, mark: mark, subject: id,
                        subjectKind: kind, subjectName: name, factorIDs: parts.ids,
                        message: JoinedText.of(name, " ", relation, " ", country.name, suffix, ", under ", parts.titleInSentence, "; ", latest),
                        path: assessment.takePath(description),
                        evidence: parts.evidence,
                        recommendations: context.advice(description.id, factor) { factor.recommendations + description.recommendations }))
            }
        }
        for site in policy.sites { report(site.id, .site, site.displayName, "is in", site.country, site.mark, shift: 0) }
        for trip in policy.travel {
            let name = trip.name ?? "Travel entry \(trip.id)"
            report(trip.id, .travel, name, "takes staff to", trip.country, trip.mark, shift: -1)
            var passed: Set<Country> = [trip.country]
            for country in trip.transit where passed.insert(country).inserted {
                report(trip.id, .travel, name, "takes staff through", country, trip.mark, shift: -2, leg: "transit: \(country.name)")
            }
        }
        for (flow, route) in zip(policy.trade, context.routes) {
            let name = flow.name ?? flow.defaultName
            for leg in route.legs {
                // The company's own end where it has a site: the site's finding covers the country.
                // The sites are scanned (a set of their countries, made for every policy, cost
                // more than the few legs from sites ask).
                if leg.fromSites, policy.sites.contains(where: { $0.country == leg.country }) { continue }
                if leg.country == flow.country {
                    report(flow.id, .trade, name, Self.relation(flow), flow.country, flow.mark, shift: -1)
                } else {
                    report(
                        flow.id, .trade, name, "(\(flow.routeText)) touches", leg.country, flow.mark, shift: -1,
                        leg: "\(leg.country.name): \(leg.partsText)", suffix: " (\(leg.partsText))")
                }
            }
        }
        // Counterparties only when they are the state itself: the junta is the counterparty.
        for party in policy.counterparties where party.role == "government" {
            report(party.id, .counterparty, party.name, "is a state body of", party.country, party.mark, shift: -1)
        }
        return findings
    }

    /// "ships goods to", "receives payments from".
    static func relation(_ flow: TradeFlow) -> String {
        switch flow.kind {
        case .goods: return flow.direction == .export ? "ships goods to" : "buys goods from"
        case .payment: return flow.direction == .export ? "sends payments to" : "receives payments from"
        case .remittance: return flow.direction == .export ? "sends remittances to" : "receives remittances from"
        }
    }

    /// Why an operation is judged lower than a site in the country.
    static func reason(_ kind: SubjectKind, shift: Int) -> String {
        switch kind {
        case .travel where shift <= -2: return "transit: staff only pass through → two levels lower than a site there"
        case .travel: return "travel: staff visit rather than stay → one level lower than a site there"
        case .trade: return "trade: goods or money pass through, no people or assets stay → one level lower than a site there"
        case .counterparty: return "a contract with the authorities in place → one level lower than a site there"
        default: return "→ \(shift) level(s)"
        }
    }
}
