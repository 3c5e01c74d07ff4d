/// Trade with a country under an embargo or trade halt.
public struct TradeRestrictionRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .tradeRestriction,
        name: "Trade restriction",
        summary:
            "Trade flows that touch a country under an embargo or trade halt: the partner country, the origin, each transit country and the destination (at the company's end, unless declared: the country of the site the flow names, else of its sites when they are all in one country, else of its incorporation when it has none; with sites in several countries, each as a possible end). A flow whose every good is exempted gets an info note that documents the exemption. Payments and remittances move no goods: financial-restriction judges them.",
        facts:
            "Risk factors of kind `trade-restriction` (and `sanction` factors that name goods or directions) in force on the as-of date for each country the flow touches; their `affects.goods`, `affects.directions` and `exemptions.goods`. A country's direction is the flow's own for the partner, `export` (goods go into it) for the destination, `import` (goods come out of it) for the origin, and both for a transit country.",
        severityModel: [
            "Every country the flow touches is judged; each factor once per flow, and the path names the country's part (partner, origin, transit, destination).",
            "Goods not exempted, in a restricted direction: the factor's severity.",
            "No goods declared (and no HS code to classify them): the factor's severity; exemptions cannot be applied to what is not declared.",
            "Every good exempted: info, documenting the exemption. An HS code that no goods category covers is a good of unknown kind, never exempt: the flow is restricted (the finding names the code).",
            "Direction not restricted, or goods outside a restriction that lists its goods: no finding.",
            "Jurisdiction: the restriction binds the company when a regime it is subject to imposed it (`subject_to`, or derived from `incorporated`: an ECOWAS member state → ECOWAS), when it is incorporated in the imposing state, or when a country the flow touches, other than the target, is in the imposing territory (goods crossing a closed ECOWAS border). Binding, or not assessed (no `incorporated` or `subject_to`): the severity above, with legal review and reporting advised. Otherwise a secondary risk: one level lower, with due-diligence, nexus and bank-policy advice before the factor's own (never a way round the restriction).",
        ],
        recommendations: [
            "Suspend shipments of the restricted goods until the restriction is lifted, or obtain a licence or written confirmation of an exemption.",
            "Keep evidence that each shipment's goods fall under the exemption (invoices, HS codes, end-use statements).",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for (flow, route) in zip(context.policy.trade, context.routes) where flow.kind.movesGoods {
            let touched = route.factors { country in
                context.factors(.tradeRestriction, .sanction, in: country)
                    .filter { $0.kind == .tradeRestriction || !$0.affects.goods.isEmpty || !$0.affects.directions.isEmpty }
            }
            // The flow's HS codes no goods category covers: the same under every factor.
            var unclassified: [String]?
            for (leg, factor) in touched {
                if let finding = judge(flow, route, leg, factor, context, unclassified: &unclassified) { findings.append(finding) }
            }
        }
        return findings
    }

    private func judge(
        _ flow: TradeFlow, _ route: FlowRoute, _ leg: FlowRoute.Leg, _ factor: RiskFactor, _ context: RuleContext,
        unclassified: inout [String]?
    ) -> Finding? {
        if !factor.affects.directions.isEmpty, factor.affects.directions.allSatisfy({ !leg.crosses($0, flow) }) { return nil }
        // An HS code no category covers is a good of unknown kind: restricted where every good
        // is, never exempt.
        let restrictedGoods: [String]
        if factor.affects.goods.isEmpty {
            let unknown = unclassified ?? context.unclassifiedGoods(of: flow)
            unclassified = unknown
            restrictedGoods = unknown.isEmpty ? flow.goods : flow.goods + unknown
        } else {
            restrictedGoods = flow.goods.filter { factor.affects.goods.contains($0) }
        }
        if !factor.affects.goods.isEmpty, restrictedGoods.isEmpty, !flow.goods.isEmpty { return nil }
        let exempt = restrictedGoods.filter { factor.exemptGoods.contains($0) }
        let notExempt = restrictedGoods.filter { !factor.exemptGoods.contains($0) }
        let parts = context.parts(for: factor)
        let title = parts.titleInSentence
        let preposition = flow.direction == .export ? "to" : "from"
        let subjectName = flow.name ?? flow.defaultName
        var severity = factor.severity
        // The message's parts, written in one piece at the end (`JoinedText`).
        var message: [String]
        // Room for every line at once (the path grew three or four times).
        var path: [String] = []
        path.reserveCapacity(6)
        path.append(flow.routeText)
        // Another country than the partner: say which, and its part in the flow.
        let elsewhere = leg.country != flow.country
        let partsText = elsewhere ? leg.partsText : ""
        if elsewhere { path.append(JoinedText.of(leg.country.name, ": ", partsText)) }
        if flow.goods.isEmpty {
            message = [
                flow.directionTitle, " ", preposition, " ", flow.country.name, " declares no goods, and ", title,
                " is in force; exemptions cannot be applied to undeclared goods",
            ]
            path.append("goods not declared")
        } else if notExempt.isEmpty {
            severity = .info
            let goods = exempt.joined(separator: ", ")
            message = [flow.directionTitle, " of ", goods, " ", preposition, " ", flow.country.name, " falls under the exemptions of ", title]
            path.append(JoinedText.of("goods: ", goods, " (all exempt)"))
        } else {
            let goods = notExempt.joined(separator: ", ")
            message = [flow.directionTitle, " of ", goods, " ", preposition, " ", flow.country.name, " is restricted: ", title]
            if !exempt.isEmpty { message += [" (", exempt.joined(separator: ", "), " exempt)"] }
            path.append(JoinedText.of("goods: ", goods, " (not exempt)"))
        }
        if elsewhere {
            message += ["; the flow touches ", leg.country.name, " (", partsText, ")"]
        }
        // Whether the restriction binds the company: its regimes, or a country of the route
        // (other than the target) within the imposing territory, such as a closed border crossed.
        // Judged once per policy for flows with the same route.
        let judgement = context.judgement(of: flow, route: route, imposedBy: factor.imposedBy, target: factor.country)
        let binding = judgement.bindingness
        if severity != .info {
            severity = severity.shifted(by: binding.severityShift)
            message.append(judgement.messageSuffix)
        }
        path.append(parts.inForceLine)
        path.append(judgement.pathLine)
        path.append(description.verdictLine(severity))
        // The factor's lines with its exempt goods, made once per run and shared.
        let evidence = parts.evidenceWithExemptGoods
        // The factor's and the rule's advice made once per run for each factor
        // (`RuleContext.advice`), then the judgement's added.
        let recommendations: [String]
        if severity == .info {
            recommendations = context.advice(description.id, factor, 1) { [description.recommendations[1]] }
        } else if binding.isSecondary {
            recommendations = judgement.advice + factor.recommendations
        } else {
            let own = context.advice(description.id, factor, 2) { factor.recommendations + description.recommendations }
            recommendations = judgement.advice.isEmpty ? own : own + judgement.advice
        }
        var finding = Finding(
            rule: description.id, severity: severity, policy: context.policy, mark: flow.mark, subject: flow.id,
            subjectKind: .trade, subjectName: subjectName, factorIDs: parts.ids, message: JoinedText.of(message), path: path,
            evidence: evidence, recommendations: recommendations)
        finding.binding = judgement.binding
        return finding
    }
}

extension String {
    /// "an internet-provider", "a bank".
    var withArticle: String {
        guard let first = lowercased().first else { return self }
        return ("aeiou".contains(first) ? "an " : "a ") + self
    }

    /// The string with its first letter lower-cased ("State-ordered ..." → "state-ordered ...").
    /// Leaves acronyms ("ECOWAS ...") alone.
    var lowercasedFirst: String {
        guard let first = first, first.isUppercase else { return self }
        let second = dropFirst().first
        if let second, second.isUppercase { return self }
        return first.lowercased() + dropFirst()
    }
}
