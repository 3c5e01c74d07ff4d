/// Whether a measure binds the entity a flow is judged for, with what its findings write about
/// it (the message's ending, the path line, the binding record and the advice on jurisdiction):
/// the same for every flow of a policy with the same route under the same imposers and
/// target, so made once per policy (`RuleContext.judgement(of:route:imposedBy:target:)`).
struct RouteJudgement: Sendable {
    /// The entity judged: the company, or the subsidiary running a site.
    let jurisdiction: Jurisdiction
    let bindingness: Bindingness
    /// The finding's `binding`.
    let binding: Binding
    /// `bindingness.messageSuffix(jurisdiction.name)`.
    let messageSuffix: String
    /// `bindingness.pathLine`.
    let pathLine: String
    /// For a secondary risk, `Jurisdiction.secondaryAdvice(imposedBy:)` (said before the
    /// finding's own advice); otherwise `Jurisdiction.bindingAdvice(_:)` (said after it).
    let advice: [String]

    init(_ jurisdiction: Jurisdiction, _ bindingness: Bindingness, imposedBy codes: [String]) {
        self.jurisdiction = jurisdiction
        self.bindingness = bindingness
        binding = Binding(bindingness, jurisdiction: jurisdiction, imposedBy: codes)
        messageSuffix = bindingness.messageSuffix(jurisdiction.name)
        pathLine = bindingness.pathLine
        advice = bindingness.isSecondary ? jurisdiction.secondaryAdvice(imposedBy: codes) : jurisdiction.bindingAdvice(bindingness)
    }

    /// What of a flow its route is made of (`FlowRoute.init`), with the measure's imposers and
    /// target: within one policy, flows equal in these are judged alike.
    struct Key: Hashable {
        var direction: TradeFlow.Direction
        var site: String?
        /// The partner country, the origin, the destination, then each transit country.
        var countries: [Country?]
        var imposedBy: [String]
        var target: Country?

        /// The countries by their codes only (equal keys have equal codes; `==` compares every
        /// field): a country's name doubled the texts hashed at every flow and factor.
        func hash(into hasher: inout Hasher) {
            hasher.combine(direction)
            hasher.combine(site)
            hasher.combine(countries.count)
            for country in countries { hasher.combine(country?.code) }
            hasher.combine(imposedBy)
            hasher.combine(target?.code)
        }
    }
}

extension RuleContext {
    /// `bindingness(of:route:imposedBy:target:)` with what the findings write about it, judged
    /// once per policy for each route, imposers and target (trade- and financial-restriction
    /// judge every flow under every factor of every country it touches).
    func judgement(of flow: TradeFlow, route: FlowRoute, imposedBy codes: [String], target: Country?) -> RouteJudgement {
        // One array made at its length (the sum of two made it three times).
        var countries: [Country?] = []
        countries.reserveCapacity(3 + flow.transit.count)
        countries.append(flow.country)
        countries.append(flow.origin)
        countries.append(flow.destination)
        for country in flow.transit { countries.append(country) }
        let key = RouteJudgement.Key(direction: flow.direction, site: flow.site, countries: countries, imposedBy: codes, target: target)
        return routeJudgements.value(for: key) {
            let (jurisdiction, bindingness) = bindingness(of: flow, route: route, imposedBy: codes, target: target)
            return RouteJudgement(jurisdiction, bindingness, imposedBy: codes)
        }
    }
}
