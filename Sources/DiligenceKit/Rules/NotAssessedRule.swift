/// Operations the rules could not judge for want of data.
public struct NotAssessedRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "not-assessed",
        name: "Not assessed",
        summary:
            "An operation the rules could not judge for want of data: a site without coordinates in a country where conflict is bound to places, travel without a city, or to a city neither the database nor the gazetteer knows, in a country with place-bound conflict or unrest, a site without declared dependencies in a country with internet shutdowns. Unknowns are reported, never a silent pass.",
        facts:
            "Place-bound `armed-conflict` factors (areas or located events), `civil-unrest` factors, and `internet-shutdown` factors in force for the operation's country; the destination resolver (the database's named places, then the built-in gazetteer).",
        severityModel: [
            "Site without coordinates where conflict is place-bound: high if its region or city names one of the factor's areas, medium otherwise.",
            "Travel without a city, or to a city that neither the database's places nor the gazetteer know (the finding names it), where conflict is bound to places or unrest to cities: medium, once per factor.",
            "Site without `depends_on` in a country with internet shutdowns: low.",
        ],
        recommendations: [
            "Add the missing data (coordinates from a gazetteer such as GeoNames, the destination city, the services the site depends on) and re-run the check."
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
            """
            version: 1
            company: Example Consulting
            travel:
              - id: minsk-visits
                country: BY
                city: Minsk City
                travellers: 2
                frequency: monthly
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
            """
        ]
    )

    /// What to do about a destination the resolver does not know.
    static let unknownCityAdvice =
        "Check the city's spelling against GeoNames (any Latin or Cyrillic spelling GeoNames lists is accepted); for a place GeoNames lacks, add it with its source to the gazetteer supplement (docs/geodata.md)."

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
                    let why =
                        named.map { "its \(site.region != nil ? "region" : "city") names \($0.name), an area of the conflict" }
                        ?? "the conflict is bound to places in \(site.country.name)"
                    findings.append(
                        Finding(
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
                    findings.append(
                        Finding(
                            rule: description.id, severity: .low, policy: policy, mark: site.mark, subject: site.id,
                            subjectKind: .site, subjectName: site.displayName, factor: factor,
                            message: "\(site.displayName) declares no dependencies, so its exposure to \(factor.title.lowercasedFirst) cannot be judged",
                            path: [site.displayName, "no depends_on", "\(factor.id)", "\(description.id) → low"],
                            evidence: context.evidence(for: factor, events: []),
                            recommendations: description.recommendations))
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
                        path: [trip.name ?? trip.id, why, "\(factor.id)", "\(description.id) → medium"],
                        evidence: context.evidence(for: factor, events: []),
                        recommendations: trip.city == nil ? description.recommendations : [Self.unknownCityAdvice] + description.recommendations))
            }
        }
        return findings
    }
}
