/// Operations the rules could not judge for want of data.
public struct NotAssessedRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .notAssessed,
        name: "Not assessed",
        summary:
            "An operation the rules could not judge for want of data: a site without coordinates and without a known city in a country where conflict is bound to places, travel without a city, or to a city neither the database nor the gazetteer knows, in a country with place-bound conflict or unrest, a site without declared dependencies in a country with internet shutdowns, a trade flow whose company end is not known (no site, origin or destination says it, and the company has sites in several countries, or neither sites nor `incorporated`). Unknowns are reported, never a silent pass.",
        facts:
            "Place-bound `armed-conflict` factors (areas or located events), `civil-unrest` factors, and `internet-shutdown` factors in force for the operation's country; the destination resolver (the database's named places, then the built-in gazetteer).",
        severityModel: [
            "Site without coordinates and without a city the database or the gazetteer knows (a known city places the site there for conflict-proximity), where conflict is place-bound: high if its region or city names one of the factor's areas, medium otherwise.",
            "Travel without a city, or to a city that neither the database's places nor the gazetteer know (the finding names it), where conflict is bound to places or unrest to cities: medium, once per factor.",
            "Site without `depends_on` in a country with internet shutdowns: low.",
            "Trade flow whose company end is one of several countries the company has sites in, one of which has a trade or financial restriction, a sanction or an unconstitutional change in force: low (each such country is judged as a possible end, so the measures are reported; the finding asks which site trades the flow).",
            "Trade flow whose company end is unknown (no sites, no `incorporated`, no `origin` of an export or `destination` of an import): low (only the partner and the declared countries were judged).",
        ],
        recommendations: [
            NotAssessedRule.coordinatesAdvice, NotAssessedRule.dependenciesAdvice, NotAssessedRule.destinationAdvice,
            NotAssessedRule.unknownCityAdvice, NotAssessedRule.companyEndAdvice,
        ]
    )

    /// What to do about a site without coordinates.
    static let coordinatesAdvice =
        "Add the site's coordinates (`location`, from a gazetteer such as GeoNames or the site's survey) and re-run the check."
    /// What to do about a site that declares no dependencies.
    static let dependenciesAdvice =
        "Declare the services the site cannot work without (`depends_on`) and its fallbacks (`continuity`), and re-run the check."
    /// What to do about a trip that names no city.
    static let destinationAdvice = "Name the trip's destination city (`city`) and re-run the check."
    /// What to do about a flow whose company end is not known.
    static let companyEndAdvice =
        "Name the site that trades the flow (`site`), or its `origin` (an export) or `destination` (an import); for a company without sites, state where it is incorporated (`incorporated`)."
    /// What to do about a destination the resolver does not know.
    static let unknownCityAdvice =
        "Check the city's spelling against GeoNames (any Latin or Cyrillic spelling GeoNames lists is accepted); for a place GeoNames lacks, add it with its source to the gazetteer supplement (docs/geodata.md)."

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let policy = context.policy
        for site in policy.sites {
            // A site without coordinates is judged at its city when the city is known
            // (conflict-proximity); only one that cannot be placed at all is not assessed.
            let placeBound = site.location == nil ? context.factors(.armedConflict, in: site.country).filter(\.isPlaceBound) : []
            let unknownCity = placeBound.isEmpty ? nil : site.city.flatMap { context.destinations.resolve($0, in: site.country) == nil ? $0 : nil }
            if !placeBound.isEmpty, site.city == nil || unknownCity != nil {
                for factor in placeBound {
                    let names = [site.region, site.city].compactMap { $0.map(TextFolding.key) }
                    let named = factor.areas.first { area in
                        names.contains { name in
                            name == TextFolding.key(area.name) || area.region.map(TextFolding.key) == name
                                || TextFolding.key(area.name).hasPrefix(name + " ")
                        }
                    }
                    let severity: Severity = named != nil ? .high : .medium
                    let why =
                        (named.map { "its \(site.region != nil ? "region" : "city") names \($0.name), an area of the conflict" }
                            ?? "the conflict is bound to places in \(site.country.name)")
                        + (unknownCity.map { "; its city “\($0)” is one neither the database's places nor the gazetteer know" } ?? "")
                    findings.append(
                        Finding(
                            rule: description.id, severity: severity, policy: policy, mark: site.mark, subject: site.id,
                            subjectKind: .site, subjectName: site.displayName, factor: factor,
                            message: "\(site.displayName) has no coordinates, so its distance to \(factor.title.lowercasedFirst) cannot be measured; \(why)",
                            path: [site.displayName, "no location", why, description.verdictLine(severity)],
                            evidence: context.evidence(for: factor, events: []),
                            recommendations: unknownCity == nil ? [Self.coordinatesAdvice] : [Self.coordinatesAdvice, Self.unknownCityAdvice]))
                }
            }
            if site.dependsOn.isEmpty {
                for factor in context.factors(.internetShutdown, in: site.country) {
                    findings.append(
                        Finding(
                            rule: description.id, severity: .low, policy: policy, mark: site.mark, subject: site.id,
                            subjectKind: .site, subjectName: site.displayName, factor: factor,
                            message: "\(site.displayName) declares no dependencies, so its exposure to \(factor.title.lowercasedFirst) cannot be judged",
                            path: [site.displayName, "no depends_on", "\(factor.id)", description.verdictLine(.low)],
                            evidence: context.evidence(for: factor, events: []),
                            recommendations: [Self.dependenciesAdvice]))
                }
            }
        }
        for trip in policy.travel {
            // Travel is judged by its destination city's coordinates: without them, say so.
            let unknown: String
            let why: String
            if let city = trip.city {
                guard context.destinations.resolve(city, in: trip.country) == nil else { continue }
                unknown = "“\(city)” is a city neither the database's places nor the gazetteer know in \(trip.country.name)"
                why = "unknown city “\(city)”"
            } else {
                unknown = "travel to \(trip.country.name) names no city"
                why = "no city"
            }
            let factors = context.factors(.armedConflict, .civilUnrest, in: trip.country)
                .filter { $0.kind == .civilUnrest || $0.isPlaceBound }
            for factor in factors {
                let subject = trip.name ?? trip.city.map { "Travel to \($0)" } ?? "Travel to \(trip.country.name)"
                findings.append(
                    Finding(
                        rule: description.id, severity: .medium, policy: policy, mark: trip.mark, subject: trip.id,
                        subjectKind: .travel, subjectName: subject, factor: factor,
                        message:
                            "\(unknown.prefix(1).uppercased() + unknown.dropFirst()), so the trip cannot be checked against \(factor.title.lowercasedFirst)",
                        path: [trip.name ?? trip.id, why, "\(factor.id)", description.verdictLine(.medium)],
                        evidence: context.evidence(for: factor, events: []),
                        recommendations: [trip.city == nil ? Self.destinationAdvice : Self.unknownCityAdvice]))
            }
        }
        findings += tradeEndFindings(context)
        return findings
    }

    /// A trade or financial restriction, sanction or unconstitutional change in force in the country.
    static func measure(in country: Country, _ context: RuleContext) -> RiskFactor? {
        (context.factors(.tradeRestriction, .financialRestriction, in: country) + context.factors(.sanction, .unconstitutionalChange, in: country))
            .min { $0.id < $1.id }
    }

    /// By side (0: an export's origin, 1: an import's destination): "origin not declared, no `site`".
    static let endNotDeclared = ["origin not declared, no `site`", "destination not declared, no `site`"]

    /// What a trade-end finding says of the company's site countries, the first of them under a
    /// measure and that measure, by side (0: origin, 1: destination): written once per policy.
    struct PossibleEndTexts {
        /// " does not say which of the company's sites trades it, … and Mali is under …", after the flow's name.
        let messageTail: [String]
        /// "the company's sites are in Mali, Niger: each judged as a possible origin".
        let sitesLine: [String]
        /// "Mali: DRF-2020-ML-0003".
        let measureLine: String

        init(_ countries: [Country], first: Country, factor: RiskFactor, _ context: RuleContext) {
            let names = countries.map(\.name).joined(separator: ", ")
            let title = context.parts(for: factor).titleInSentence
            messageTail = ["origin", "destination"].map { end in
                " does not say which of the company's sites trades it, and the company has sites in \(names): its \(end) was judged as each of them, and \(first.name) is under \(title)"
            }
            sitesLine = ["origin", "destination"].map { end in "the company's sites are in \(names): each judged as a possible \(end)" }
            measureLine = "\(first.name): \(factor.id)"
        }
    }

    /// Flows whose company end is a guess among site countries (when a measure there makes it
    /// matter) or unknown.
    func tradeEndFindings(_ context: RuleContext) -> [Finding] {
        let policy = context.policy
        var findings: [Finding] = []
        // Each site country's measure, found once per policy (flows share the company's sites).
        var measures: [Country: RiskFactor?] = [:]
        func measure(in country: Country) -> RiskFactor? {
            if let known = measures[country] { return known }
            let found = Self.measure(in: country, context)
            measures[country] = .some(found)
            return found
        }
        // What the findings of flows whose end is one of the company's site countries say of
        // those countries: the same for every such flow of the policy (its site countries), so
        // written once per policy, for each end ("origin", "destination").
        var possibleTexts: [[Country]: PossibleEndTexts?] = [:]
        for (flow, route) in zip(policy.trade, context.routes) {
            let name = flow.name ?? flow.defaultName
            let exporting = flow.direction == .export
            let end = exporting ? "origin" : "destination"
            switch route.ownEnd {
            case .possible(let countries):
                let texts: PossibleEndTexts
                if let known = possibleTexts[countries] {
                    guard let known else { continue }
                    texts = known
                } else {
                    // The first site country under a measure that makes the end matter.
                    let measured = countries.lazy.compactMap { country in measure(in: country).map { (country, $0) } }.first
                    let made = measured.map { PossibleEndTexts(countries, first: $0.0, factor: $0.1, context) }
                    possibleTexts[countries] = .some(made)
                    guard let made else { continue }
                    texts = made
                }
                let side = exporting ? 0 : 1
                findings.append(
                    Finding(
                        rule: description.id, severity: .low, policy: policy, mark: flow.mark, subject: flow.id,
                        subjectKind: .trade, subjectName: name, factor: nil,
                        message: name + texts.messageTail[side],
                        path: [name, Self.endNotDeclared[side], texts.sitesLine[side], texts.measureLine, description.verdictLine(.low)],
                        recommendations: [Self.companyEndAdvice]))
            case .unknown:
                findings.append(
                    Finding(
                        rule: description.id, severity: .low, policy: policy, mark: flow.mark, subject: flow.id,
                        subjectKind: .trade, subjectName: name, factor: nil,
                        message:
                            "\(name) does not say its \(end), and the company has no site and no `incorporated`: the company's end of the flow is unknown, and the flow was judged for \(route.legs.map(\.country.name).joined(separator: ", ")) only",
                        path: [
                            name, "\(end) not declared, no `site`", "no sites, no `incorporated`: the company's end is unknown", description.verdictLine(.low),
                        ],
                        recommendations: [Self.companyEndAdvice]))
            case .declared, .site, .onlySiteCountry, .incorporation:
                continue
            }
        }
        return findings
    }
}
