/// Staff travel to cities with announced rallies or unrest.
public struct CivilUnrestTravelRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "civil-unrest-travel",
        name: "Civil unrest on travel",
        summary: "Staff travel to a city where rallies, protests or crackdowns are announced or recent.",
        facts: "Risk factors of kind `civil-unrest` in force for the destination country: their `areas` (cities) and dated `events` with a place.",
        severityModel: [
            "The destination city is one of the factor's areas or event places.",
            "Latest unrest event in that city within 30 days of the recency reference: the factor's severity; within 90 days: one level lower; within 365 days: two levels lower; older: no finding.",
            "Frequent travel (weekly or monthly) or ten or more travellers per trip: one level higher, up to the factor's severity.",
        ],
        recommendations: [
            "Check rally dates and places before each trip and keep travellers away from them; avoid the named sites (embassies, monuments) on those days.",
            "Brief travellers, register them with the embassy, and keep a check-in schedule with a local contact.",
        ],
        triggeringExamples: [
            """
            version: 1
            company: Example Consulting
            travel:
              - id: bamako-visits
                country: ML
                city: Bamako
                travellers: 3
                frequency: monthly
            """,
        ],
        nonTriggeringExamples: [
            """
            version: 1
            company: Example Consulting
            travel:
              - id: dakar-visits
                country: SN
                city: Dakar
                travellers: 3
                frequency: monthly
            """,
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for trip in context.policy.travel {
            guard let city = trip.city else { continue }
            let cityKey = TextFolding.key(city)
            for factor in context.factors(.civilUnrest, in: trip.country) {
                let area = factor.areas.first { TextFolding.key($0.name) == cityKey || TextFolding.key($0.name).hasPrefix(cityKey + " ") }
                let events = factor.events(asOf: context.asOf).filter { event in
                    guard let place = event.place.map(TextFolding.key) else { return false }
                    if place == cityKey || place.contains(cityKey) { return true }
                    if let area, let center = area.location, let radius = area.radiusKm, let point = event.location {
                        return point.distanceKm(to: center) <= radius
                    }
                    return false
                }
                guard area != nil || !events.isEmpty, let latest = events.last else { continue }
                let age = latest.date.days(until: context.recencyReference(for: factor))
                let windows = context.settings.unrestRecencyDays
                guard let step = windows.firstIndex(where: { age <= $0 }) else { continue }
                var severity = factor.severity.shifted(by: -step)
                var path = [trip.name ?? "Travel to \(city)", "\(city): \(events.count) unrest event(s), latest \(latest.date) (\(age) days before \(context.recencyReference(for: factor)))"]
                let frequent = trip.frequency == "weekly" || trip.frequency == "monthly" || (trip.travellers ?? 0) >= 10
                if frequent, severity < factor.severity {
                    severity = severity.shifted(by: 1)
                    path.append("frequent or large trips → one level higher")
                }
                path.append("\(description.id) → \(severity)")
                let who = trip.travellers.map { "\($0) traveller\($0 == 1 ? "" : "s")" } ?? "staff"
                findings.append(Finding(
                    rule: description.id, severity: severity, policy: context.policy, mark: trip.mark, subject: trip.id,
                    subjectKind: .travel, subjectName: trip.name ?? "Travel to \(city)", factor: factor,
                    message: "\(who) travel\(trip.travellers == 1 ? "s" : "") \(trip.frequency ?? "") to \(city), where \(latest.what.lowercasedFirst) (\(latest.date))".replacingOccurrences(of: "  ", with: " "),
                    path: path, evidence: context.evidence(for: factor, events: events),
                    recommendations: factor.recommendations + description.recommendations))
            }
        }
        return findings
    }
}
