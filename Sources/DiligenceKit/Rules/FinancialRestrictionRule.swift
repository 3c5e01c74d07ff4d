/// Payments or banking in a country whose financial flows are halted or restricted.
public struct FinancialRestrictionRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .financialRestriction,
        name: "Financial restriction",
        summary:
            "Payments to or from a country whose financial flows are halted or restricted: trade flows, payments and remittances that touch the country (partner, origin, transit, destination, or the company's own end: the site the flow names, its one site country or its incorporation, each site country when several), banks as counterparties, and sites that depend on payments there. Paying outside the banking system (cash, barter, hawala, cryptocurrency) where every financial flow is halted is reported as a way round the halt.",
        facts:
            "Risk factors of kind `financial-restriction` in force for each country a flow touches (`affects.payments`: the methods restricted, every method when empty; `exemptions.goods`), `sanction` factors that name counterparty roles (`affects.roles`), and the payments vocabulary (`banking`: whether a method moves through the banking system).",
        severityModel: [
            "A bank counterparty in the country, or a flow that touches it paid by a restricted method for goods that are not exempt (a payment or remittance has no goods to exempt): the factor's severity.",
            "A flow paid outside the banking system (cash, barter, hawala, cryptocurrency) where the factor halts every financial flow (no `affects.payments`): the factor's severity, reported as a way round the halt.",
            "A flow with no payment method declared: one level lower (the payment route is unknown).",
            "A goods flow paid only for exempt goods (and no HS code that no goods category covers): info, documenting the exemption.",
            "A site that depends on payments, cash machines or banking in the country: one level lower than the factor.",
            "A bank counterparty incorporated where the halt binds it (a Malian bank and ECOWAS; `incorporated`/`subject_to` on the counterparty): the same severity; the finding says the bank itself is bound and will refuse or freeze the payments.",
            "A counterparty whose role a sanction names (e.g. government bodies, whose officials the EU listed in 2020): one level lower than the factor; the finding says that the body is not listed by its role and asks to screen its people (the September 2020 EU measures on Belarus listed individuals only).",
            "Jurisdiction: a measure binds the company when a regime it is subject to imposed it (`subject_to`, or derived from `incorporated`: an ECOWAS member state → ECOWAS, an EU member state → EU), when it is incorporated in the imposing state, or when the flow touches (or the company has a site in) a country of the imposing territory other than the target; a site's own `incorporated` judges the subsidiary running it. Binding, or not assessed (no `incorporated` or `subject_to`): the severity above, with legal review and reporting advised. Otherwise a secondary risk: one level lower, with due-diligence, nexus and bank-policy advice first (exempt-goods info notes stay info).",
            "A flow paid only by methods the factor does not restrict: no finding.",
        ],
        recommendations: [
            "Do not pay or receive through cash couriers, hawala, cryptocurrency, barter or third-country intermediaries to get round a halt: that is circumvention; pay only what an exemption or licence covers, through a bank that confirms it.",
            "Confirm with your bank whether payments to and from the country can be executed, and for which goods.",
            "For sites in the country, plan local wages and supplier payments from funds already held there; never carry cash across the border or use intermediaries to replace a blocked payment.",
            "Screen the body's officials, owners, directors and signatories against the sanction's list before each contract and payment; make no funds or economic resources available to a listed person or to a body a listed person owns or controls.",
        ]
    )

    /// A flow (goods, payment or remittance) that touches the factor's country.
    private func judge(
        _ flow: TradeFlow, _ route: FlowRoute, _ leg: FlowRoute.Leg, _ factor: RiskFactor, _ payments: Vocabulary, _ context: RuleContext
    ) -> Finding? {
        let haltsEverything = factor.affects.payments.isEmpty
        let banked = flow.payment.filter { method in
            (payments.term(method)?.banking ?? true) && (haltsEverything || factor.affects.payments.contains(method))
        }
        // Outside the banking system, where every financial flow is halted: a way round it.
        let informal = haltsEverything ? flow.payment.filter { !(payments.term($0)?.banking ?? true) } : []
        if !flow.payment.isEmpty, banked.isEmpty, informal.isEmpty { return nil }
        let exemptOnly =
            flow.kind.movesGoods && !flow.goods.isEmpty && flow.goods.allSatisfy { factor.exemptGoods.contains($0) }
            && context.unclassifiedGoods(of: flow).isEmpty
        var severity = factor.severity
        var how: String
        if exemptOnly {
            severity = .info
            how = "payment for exempt goods (\(flow.goods.joined(separator: ", ")))"
        } else if flow.payment.isEmpty {
            severity = factor.severity.shifted(by: -1)
            how = "payment method not declared"
        } else {
            how = banked.isEmpty ? "" : "paid by \(banked.joined(separator: ", "))"
            if !informal.isEmpty {
                how += (how.isEmpty ? "" : "; ") + "paid by \(informal.joined(separator: ", ")), outside the banking system: a way round the halt"
            }
        }
        let parts = context.parts(for: factor)
        let preposition = flow.direction == .export ? "to" : "from"
        let elsewhere = leg.country != flow.country
        let partsText = elsewhere ? leg.partsText : ""
        let touches = elsewhere ? JoinedText.of("; the flow touches ", leg.country.name, " (", partsText, ")") : ""
        let what: String
        switch flow.kind {
        case .goods: what = JoinedText.of(flow.directionTitle, " ", preposition, " ", flow.country.name)
        case .payment, .remittance:
            what = JoinedText.of(
                flow.kind == .payment ? "Payment" : "Remittance", " ", flow.direction == .export ? "sent" : "received", " ", preposition, " ",
                flow.country.name)
        }
        // Whether the halt binds the company: its regimes, or a country of the route within
        // the imposing territory (other than the target).
        // Judged once per policy for flows with the same route.
        let judgement = context.judgement(of: flow, route: route, imposedBy: factor.imposedBy, target: factor.country)
        let binding = judgement.bindingness
        if severity != .info { severity = severity.shifted(by: binding.severityShift) }
        // The message written in one piece (`JoinedText`), with the binding's suffix.
        let suffix = severity == .info ? "" : judgement.messageSuffix
        let message =
            exemptOnly
            ? JoinedText.of(
                "Payments for the ", flow.direction.rawValue, " of exempt goods ", preposition, " ", flow.country.name,
                " fall under the exemptions of ", parts.titleInSentence, touches, suffix)
            : JoinedText.of(what, " (", how, ") is exposed to ", parts.titleInSentence, touches, suffix)
        // Room for every line at once (the path grew, and a literal array was made, per flow).
        var path: [String] = []
        path.reserveCapacity(6)
        path.append(flow.routeText)
        if elsewhere { path.append(JoinedText.of(leg.country.name, ": ", partsText)) }
        path.append(how)
        path.append(parts.inForceLine)
        path.append(judgement.pathLine)
        path.append(description.verdictLine(severity))
        // The circumvention warning first when the flow goes outside the banks; the advice on
        // local wages only where the company has a site in the country; the advice on screening
        // a body's officials is for counterparties, never for a flow.
        // The factor's and the rule's part of it is the same for every flow under the factor
        // with the same two conditions: made once per run (`flowAdvice`), then the judgement's
        // added.
        let hasSite = context.policy.sites.contains { $0.country == leg.country }
        let advice: [String]
        if severity == .info {
            advice = []
        } else {
            let own = flowAdvice(factor, informal: !informal.isEmpty, hasSite: hasSite, context)
            advice = judgement.advice.isEmpty ? own : binding.isSecondary ? judgement.advice + own : own + judgement.advice
        }
        var finding = Finding(
            rule: description.id, severity: severity, policy: context.policy, mark: flow.mark, subject: flow.id,
            subjectKind: .trade, subjectName: flow.name ?? flow.defaultName,
            factorIDs: parts.ids, message: message, path: path,
            evidence: parts.evidence,
            recommendations: advice)
        finding.binding = judgement.binding
        return finding
    }

    /// A flow's advice before the judgement's: the circumvention warning first when the flow
    /// goes outside the banks, the advice on local wages only where the company has a site in
    /// the country (never the advice on screening a body's officials), with the factor's own;
    /// made once per run for each factor and the two conditions (`RuleContext.advice`).
    func flowAdvice(_ factor: RiskFactor, informal: Bool, hasSite: Bool, _ context: RuleContext) -> [String] {
        context.advice(description.id, factor, 1 + (informal ? 1 : 0) + (hasSite ? 2 : 0)) {
            Self.flowAdvice(description, factor, informal: informal, hasSite: hasSite)
        }
    }

    /// `flowAdvice` made again (the general way, kept for the tests).
    static func flowAdvice(_ description: RuleDescription, _ factor: RiskFactor, informal: Bool, hasSite: Bool) -> [String] {
        let general =
            (informal ? [description.recommendations[0]] : []) + [description.recommendations[1]]
            + (hasSite ? [description.recommendations[2]] : [])
        return informal ? general + factor.recommendations : factor.recommendations + general
    }

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let payments = context.vocabularies[.payments]
        for (flow, route) in zip(context.policy.trade, context.routes) {
            for (leg, factor) in route.factors({ context.factors(.financialRestriction, in: $0) }) {
                if let finding = judge(flow, route, leg, factor, payments, context) { findings.append(finding) }
            }
        }
        // A counterparty's measure binds (or not) by the company's jurisdiction and its sites: the
        // same answer for every counterparty under the factor, judged once per policy.
        var bindings: [String: RouteJudgement] = [:]
        for party in context.policy.counterparties {
            for factor in context.factors(.financialRestriction, .sanction, in: party.country) {
                let parts = context.parts(for: factor)
                var severity: Severity
                let reason: String
                var message: String
                var advice: [String]
                if factor.kind == .financialRestriction, party.role == "bank" {
                    severity = factor.severity
                    let own = context.jurisdiction(of: party)
                    let incorporated = own?.incorporated.flatMap { $0 == party.country ? nil : " (incorporated in \($0.name))" } ?? ""
                    reason = "a bank in \(party.country.name)\(incorporated)"
                    message = "\(party.name) is \(reason), exposed to \(parts.titleInSentence)"
                    advice = factor.recommendations + description.recommendations
                    // A bank bound by the halt itself will refuse or freeze the payments.
                    if let own, case .binding(let why) = own.judge(imposedBy: factor.imposedBy, target: nil, territory: []) {
                        message += "; the halt binds the bank itself (\(why)): payments through it will be refused or frozen"
                    }
                } else if factor.kind == .sanction, let role = party.role, factor.affects.roles.contains(role) {
                    // A sanction that names a role lists people in such bodies (officials), not
                    // the bodies by their role: the body is not listed; its people may be.
                    severity = factor.severity.shifted(by: -1)
                    reason = "\(role.withArticle) counterparty in \(party.country.name), a role whose officials the sanction may list"
                    message =
                        "\(party.name) is \(reason) (\(parts.titleInSentence)); the body itself is not listed by its role: screen its officials, owners and signatories, and check whether a listed person controls it"
                    advice = [description.recommendations[3]] + factor.recommendations
                } else {
                    continue
                }
                let judgement: RouteJudgement
                if let known = bindings[factor.id] {
                    judgement = known
                } else {
                    let jurisdiction = context.jurisdiction()
                    let binding = jurisdiction.judge(imposedBy: factor.imposedBy, target: factor.country, territory: context.siteTerritory)
                    judgement = RouteJudgement(jurisdiction, binding, imposedBy: factor.imposedBy)
                    bindings[factor.id] = judgement
                }
                let binding = judgement.bindingness
                severity = severity.shifted(by: binding.severityShift)
                advice = binding.isSecondary ? [advice[0]] + judgement.advice : advice + judgement.advice
                var finding = Finding(
                    rule: description.id, severity: severity, policy: context.policy, mark: party.mark, subject: party.id,
                    subjectKind: .counterparty, subjectName: party.name, factorIDs: parts.ids,
                    message: message + judgement.messageSuffix,
                    path: [party.name, reason, parts.inForceLine, judgement.pathLine, description.verdictLine(severity)],
                    evidence: parts.evidence, recommendations: advice)
                finding.binding = judgement.binding
                findings.append(finding)
            }
        }
        let dependencies = context.vocabularies[.dependencies]
        for site in context.policy.sites {
            // Most sites are in countries without a halt: asked first, it is one table read.
            let factors = context.factors(.financialRestriction, in: site.country)
            guard !factors.isEmpty else { continue }
            let exposed = site.dependsOn.filter { dependencies.closure(of: $0).contains("payments") }
            guard !exposed.isEmpty else { continue }
            for factor in factors {
                let parts = context.parts(for: factor)
                let covered = site.continuity.contains { context.vocabularies[.continuity].term($0)?.covers.contains("payments") ?? false }
                // The entity running the site: a local subsidiary is judged by its own incorporation.
                let jurisdiction = context.jurisdiction(site: site)
                let binding = jurisdiction.judge(
                    imposedBy: factor.imposedBy, target: factor.country,
                    territory: [(site.country, "site \(site.displayName)")])
                let severity = factor.severity.shifted(by: (covered ? -2 : -1) + binding.severityShift)
                let advice = factor.recommendations + description.recommendations
                var finding =
                    Finding(
                        rule: description.id, severity: severity, policy: context.policy, mark: site.mark, subject: site.id,
                        subjectKind: .site, subjectName: site.displayName, factorIDs: parts.ids,
                        message: "\(site.displayName) depends on \(exposed.joined(separator: ", ")) in \(site.country.name), where \(parts.titleInSentence)"
                            + (covered ? " (a cash fallback is in place)" : "")
                            + binding.messageSuffix(jurisdiction.name),
                        path: [
                            site.displayName, "depends on \(exposed.joined(separator: ", "))", parts.inForceLine, binding.pathLine,
                            description.verdictLine(severity),
                        ],
                        evidence: parts.evidence,
                        recommendations: binding.isSecondary
                            ? jurisdiction.secondaryAdvice(imposedBy: factor.imposedBy) + advice : advice + jurisdiction.bindingAdvice(binding))
                finding.binding = Binding(binding, jurisdiction: jurisdiction, imposedBy: factor.imposedBy)
                findings.append(finding)
            }
        }
        return findings
    }
}
