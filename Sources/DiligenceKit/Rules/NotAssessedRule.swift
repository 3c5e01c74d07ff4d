/// Operations the rules could not judge for want of data.
public struct NotAssessedRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "not-assessed",
        name: "Not assessed",
        summary: "An operation the rules could not judge for want of data: a site without coordinates in a country where conflict is bound to places, travel without a city to a country with city-bound unrest, a site without declared dependencies in a country with internet shutdowns. Unknowns are reported, never a silent pass.",
        facts: "Place-bound `armed-conflict` factors (areas or located events), `civil-unrest` factors, and `internet-shutdown` factors in force for the operation's country.",
        severityModel: [
            "Site without coordinates where conflict is place-bound: high if its region or city names one of the factor's areas, medium otherwise.",
            "Travel without a city where unrest is bound to cities: medium.",
            "Site without `depends_on` in a country with internet shutdowns: low.",
        ],
        recommendations: [
            "Add the missing data (coordinates from a gazetteer such as GeoNames, the destination city, the services the site depends on) and re-run the check.",
        ],
        triggeringExamples: [
            """
            version: 1
            company: Example Mining
            sites:
              - id: kidal-permit
                kind: mine
                country: ML
                region: Kidal
            """,
        ],
        nonTriggeringExamples: [
            """
            version: 1
            company: Example Mining
            sites:
              - id: kidal-permit
                kind: mine
                country: ML
                region: Kidal
                location: { lat: 18.4411, lon: 1.4078 }
            """,
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let policy = context.policy
        for site in policy.sites {
            if site.location == nil {
                for factor in context.factors(.armedConflict, in: site.country) where factor.isPlaceBound {
                    let names = [site.region, site.city].compactMap { $0.map(TextFolding.key) }
                    let named = factor.areas.first { area in
                        names.contains { name in
                            name == TextFolding.key(area.name) || area.region.map(TextFolding.key) == name
                                || TextFolding.key(area.name).hasPrefix(name + " ")
                        }
                    }
                    let severity: Severity = named != nil ? .high : .medium
                    let why = named.map { "its \(site.region != nil ? "region" : "city") names \($0.name), an area of the conflict" }
                        ?? "the conflict is bound to places in \(site.country.name)"
                    findings.append(Finding(
                        rule: description.id, severity: severity, policy: policy, mark: site.mark, subject: site.id,
                        subjectKind: .site, subjectName: site.displayName, factor: factor,
                        message: "\(site.displayName) has no coordinates, so its distance to \(factor.title.lowercasedFirst) cannot be measured; \(why)",
                        path: [site.displayName, "no location", why, "\(description.id) → \(severity)"],
                        evidence: context.evidence(for: factor, events: []),
                        recommendations: description.recommendations))
                }
            }
            if site.dependsOn.isEmpty {
                for factor in context.factors(.internetShutdown, in: site.country) {
                    findings.append(Finding(
                        rule: description.id, severity: .low, policy: policy, mark: site.mark, subject: site.id,
                        subjectKind: .site, subjectName: site.displayName, factor: factor,
                        message: "\(site.displayName) declares no dependencies, so its exposure to \(factor.title.lowercasedFirst) cannot be judged",
                        path: [site.displayName, "no depends_on", "\(factor.id)", "\(description.id) → low"],
                        evidence: context.evidence(for: factor, events: []),
                        recommendations: description.recommendations))
                }
            }
        }
        for trip in policy.travel where trip.city == nil {
            for factor in context.factors(.civilUnrest, in: trip.country) {
                findings.append(Finding(
                    rule: description.id, severity: .medium, policy: policy, mark: trip.mark, subject: trip.id,
                    subjectKind: .travel, subjectName: trip.name ?? "Travel to \(trip.country.name)", factor: factor,
                    message: "Travel to \(trip.country.name) names no city, so it cannot be checked against \(factor.title.lowercasedFirst)",
                    path: [trip.name ?? trip.id, "no city", "\(factor.id)", "\(description.id) → medium"],
                    evidence: context.evidence(for: factor, events: []),
                    recommendations: description.recommendations))
            }
        }
        return findings
    }
}
