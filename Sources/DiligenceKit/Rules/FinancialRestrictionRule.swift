/// Payments or banking in a country whose financial flows are halted or restricted.
public struct FinancialRestrictionRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "financial-restriction",
        name: "Financial restriction",
        summary: "Payments through the banking system to or from a country whose financial flows are halted or restricted: trade flows paid by bank, banks as counterparties, and sites that depend on payments there.",
        facts: "Risk factors of kind `financial-restriction` in force for the country (`affects.payments`, `exemptions.goods`), and `sanction` factors that name counterparty roles (`affects.roles`).",
        severityModel: [
            "A bank counterparty in the country, or a trade flow paid through the banking system for goods that are not exempt: the factor's severity.",
            "A trade flow with no payment method declared: one level lower (the payment route is unknown).",
            "A trade flow paid only for exempt goods: info, documenting the exemption.",
            "A site that depends on payments, cash machines or banking in the country: one level lower than the factor.",
            "A counterparty whose role a sanction names (e.g. government bodies): one level lower than the factor.",
            "Payment methods outside the banking system (cash, barter): no finding for the flow.",
        ],
        recommendations: [
            "Confirm with your bank whether payments to and from the country can be executed, and for which goods.",
            "For sites in the country, plan local wages and supplier payments from funds already held there; never carry cash across the border or use intermediaries to replace a blocked payment.",
        ],
        triggeringExamples: [
            """
            version: 1
            company: Example Traders
            trade:
              - id: mali-spares
                direction: export
                country: ML
                goods: [vehicles]
                payment: [bank-transfer]
            """,
        ],
        nonTriggeringExamples: [
            """
            version: 1
            company: Example Traders
            trade:
              - id: ghana-spares
                direction: export
                country: GH
                goods: [vehicles]
                payment: [bank-transfer]
            """,
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let payments = context.vocabularies[.payments]
        for flow in context.policy.trade {
            for factor in context.factors(.financialRestriction, in: flow.country) {
                let banked = flow.payment.filter { method in
                    (payments.term(method)?.banking ?? true) && (factor.affects.payments.isEmpty || factor.affects.payments.contains(method))
                }
                if !flow.payment.isEmpty, banked.isEmpty { continue }
                let exemptOnly = !flow.goods.isEmpty && flow.goods.allSatisfy { factor.exemptGoods.contains($0) }
                var severity = factor.severity
                let how: String
                if exemptOnly {
                    severity = .info
                    how = "payment for exempt goods (\(flow.goods.joined(separator: ", ")))"
                } else if flow.payment.isEmpty {
                    severity = factor.severity.shifted(by: -1)
                    how = "payment method not declared"
                } else {
                    how = "paid by \(banked.joined(separator: ", "))"
                }
                let preposition = flow.direction == .export ? "to" : "from"
                let message = exemptOnly
                    ? "Payments for the \(flow.direction.rawValue) of exempt goods \(preposition) \(flow.country.name) fall under the exemptions of \(factor.title.lowercasedFirst)"
                    : "\(flow.direction.rawValue.capitalized) \(preposition) \(flow.country.name) (\(how)) is exposed to \(factor.title.lowercasedFirst)"
                findings.append(Finding(
                    rule: description.id, severity: severity, policy: context.policy, mark: flow.mark, subject: flow.id,
                    subjectKind: .trade, subjectName: flow.name ?? "\(flow.direction.rawValue.capitalized) \(preposition) \(flow.country.name)",
                    factor: factor, message: message,
                    path: ["\(flow.direction.rawValue) \(preposition) \(flow.country.name)", how, "\(factor.id) in force since \(factor.inForceFrom)", "\(description.id) → \(severity)"],
                    evidence: context.evidence(for: factor),
                    recommendations: severity == .info ? [] : factor.recommendations + description.recommendations))
            }
        }
        for party in context.policy.counterparties {
            for factor in context.factors(.financialRestriction, .sanction, in: party.country) {
                let severity: Severity
                let reason: String
                if factor.kind == .financialRestriction, party.role == "bank" {
                    severity = factor.severity
                    reason = "a bank in \(party.country.name)"
                } else if factor.kind == .sanction, let role = party.role, factor.affects.roles.contains(role) {
                    severity = factor.severity.shifted(by: -1)
                    reason = "\(role.withArticle) counterparty, a role the sanction concerns"
                } else {
                    continue
                }
                findings.append(Finding(
                    rule: description.id, severity: severity, policy: context.policy, mark: party.mark, subject: party.id,
                    subjectKind: .counterparty, subjectName: party.name, factor: factor,
                    message: "\(party.name) is \(reason), exposed to \(factor.title.lowercasedFirst)",
                    path: [party.name, reason, "\(factor.id) in force since \(factor.inForceFrom)", "\(description.id) → \(severity)"],
                    evidence: context.evidence(for: factor), recommendations: factor.recommendations + description.recommendations))
            }
        }
        for site in context.policy.sites {
            let exposed = site.dependsOn.filter { context.vocabularies[.dependencies].closure(of: $0).contains("payments") }
            guard !exposed.isEmpty else { continue }
            for factor in context.factors(.financialRestriction, in: site.country) {
                let covered = site.continuity.contains { context.vocabularies[.continuity].term($0)?.covers.contains("payments") ?? false }
                let severity = factor.severity.shifted(by: covered ? -2 : -1)
                findings.append(Finding(
                    rule: description.id, severity: severity, policy: context.policy, mark: site.mark, subject: site.id,
                    subjectKind: .site, subjectName: site.displayName, factor: factor,
                    message: "\(site.displayName) depends on \(exposed.joined(separator: ", ")) in \(site.country.name), where \(factor.title.lowercasedFirst)" + (covered ? " (a cash fallback is in place)" : ""),
                    path: [site.displayName, "depends on \(exposed.joined(separator: ", "))", "\(factor.id) in force since \(factor.inForceFrom)", "\(description.id) → \(severity)"],
                    evidence: context.evidence(for: factor), recommendations: factor.recommendations + description.recommendations))
            }
        }
        return findings
    }
}
