/// Operations in a country under an unconstitutional change of government or transition.
public struct PoliticalInstabilityRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "political-instability",
        name: "Political instability",
        summary: "Sites, staff travel, trade flows and government counterparties in a country under a coup, a junta or an unconstitutional transition.",
        facts: "Risk factors of kind `unconstitutional-change` in force for the country, with their dated events (coup, deadlines, appointments).",
        severityModel: [
            "A site in the country (people and assets on the ground): the factor's severity.",
            "Staff travel, trade flows and government counterparties (contracts with the authorities in place): one level lower.",
        ],
        recommendations: [
            "Name a crisis lead, review evacuation and hibernation plans, and agree triggers with the security provider.",
            "Re-check sanctions and regional measures before each shipment or payment while the transition lasts.",
        ],
        triggeringExamples: [
            """
            version: 1
            company: Example Mining
            sites:
              - id: bamako-office
                kind: office
                country: ML
                city: Bamako
                location: { lat: 12.6500, lon: -8.0000 }
            """
        ],
        nonTriggeringExamples: [
            """
            version: 1
            company: Example Mining
            sites:
              - id: dakar-office
                kind: office
                country: SN
                city: Dakar
            """
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let policy = context.policy
        // Only operations in a country under such a factor are named (most of a portfolio's are not).
        func report(
            _ id: String, _ kind: SubjectKind, _ name: @autoclosure () -> String, _ relation: String, _ country: Country,
            _ mark: Mark, shift: Int
        ) {
            let factors = context.factors(.unconstitutionalChange, in: country)
            guard !factors.isEmpty else { return }
            let name = name()
            for factor in factors {
                let parts = context.parts(for: factor)
                let latest = parts.latestEvent
                // A site keeps the factor's severity; what only passes through the country is a level lower.
                let assessment = SeverityAssessment(
                    start: factor.severity.shifted(by: shift),
                    lines: [name, "in \(country.name)", "\(factor.id): \(latest)"])
                let severity = assessment.severity
                findings.append(
                    Finding(
                        rule: description.id, severity: severity, policy: policy, mark: mark, subject: id,
                        subjectKind: kind, subjectName: name, factor: factor,
                        message: "\(name) \(relation) \(country.name), under \(parts.titleInSentence); \(latest)",
                        path: assessment.path(rule: description.id),
                        evidence: parts.evidence,
                        recommendations: factor.recommendations + description.recommendations))
            }
        }
        for site in policy.sites { report(site.id, .site, site.displayName, "is in", site.country, site.mark, shift: 0) }
        for trip in policy.travel {
            report(trip.id, .travel, trip.name ?? "Travel entry \(trip.id)", "takes staff to", trip.country, trip.mark, shift: -1)
        }
        for flow in policy.trade {
            let relation: String
            switch flow.kind {
            case .goods: relation = flow.direction == .export ? "ships goods to" : "buys goods from"
            case .payment: relation = flow.direction == .export ? "sends payments to" : "receives payments from"
            case .remittance: relation = flow.direction == .export ? "sends remittances to" : "receives remittances from"
            }
            report(flow.id, .trade, flow.name ?? "Trade flow \(flow.id)", relation, flow.country, flow.mark, shift: -1)
        }
        // Counterparties only when they are the state itself: the junta is the counterparty.
        for party in policy.counterparties where party.role == "government" {
            report(party.id, .counterparty, party.name, "is a state body of", party.country, party.mark, shift: -1)
        }
        return findings
    }
}
