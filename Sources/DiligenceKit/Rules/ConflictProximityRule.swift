/// Sites within reach of an armed conflict.
public struct ConflictProximityRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "conflict-proximity",
        name: "Conflict proximity",
        summary: "A site within the radius of an armed-conflict area, or near located conflict events; closer and more recent is more severe, and a site that is (or sits next to) a named likely target is raised.",
        facts: "Risk factors of kind `armed-conflict` in force on the as-of date, in any country: their `areas` (named points with a radius), located `events` up to the as-of date, and `targets`.",
        severityModel: [
            "Nearest located event within 25 km: critical; 100 km: high; 200 km: medium; 300 km: low (the bands are settings).",
            "Event age, counted to the recency reference (the as-of date, but no later than the factor's last review plus 180 days): up to 365 days full weight; up to 730 days one level lower; older events do not count.",
            "Inside an area's radius: high when the factor has any event in the last 365 days, medium otherwise.",
            "The site lies within a named target's radius, or is of a kind the factor names as a target: one level higher.",
            "Never above the factor's own severity plus the target raise; the highest of the above wins.",
        ],
        recommendations: [
            "Review the site's security plan with the security provider: access control, movement restrictions, evacuation routes and triggers.",
            "Track local incident reports for the area weekly and set escalation triggers (distance and type of incident).",
        ],
        triggeringExamples: [
            """
            version: 1
            company: Example Logistics
            sites:
              - id: macomia-depot
                kind: warehouse
                country: MZ
                location: { lat: -11.95, lon: 40.15 }
            """,
        ],
        nonTriggeringExamples: [
            """
            version: 1
            company: Example Logistics
            sites:
              - id: maputo-office
                kind: office
                country: MZ
                location: { lat: -25.9653, lon: 32.5892 }
            """,
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let factors = context.database.factors([.armedConflict], asOf: context.asOf)
        for site in context.policy.sites {
            guard let location = site.location else { continue }
            for factor in factors {
                if let finding = judge(site, location, factor, context) { findings.append(finding) }
            }
        }
        return findings
    }

    private struct Candidate {
        var severity: Severity
        var fromEvent: Bool
        var distance: Double
        var path: [String]
        var message: String
        var events: [RiskEvent]
    }

    private func judge(_ site: Site, _ location: Coordinate, _ factor: RiskFactor, _ context: RuleContext) -> Finding? {
        let settings = context.settings
        let reference = context.recencyReference(for: factor)
        let known = factor.events(asOf: context.asOf)
        var best: Candidate?

        // Highest severity wins; among equals, a located event (it says more than an area),
        // then the most recent event, then the nearest.
        func consider(_ candidate: Candidate) {
            guard let current = best else { best = candidate; return }
            let newDate = candidate.events.last?.date ?? Day(ordinal: 0)
            let oldDate = current.events.last?.date ?? Day(ordinal: 0)
            let newRank = candidate.fromEvent ? 1 : 0, oldRank = current.fromEvent ? 1 : 0
            if (candidate.severity, newRank, newDate, -candidate.distance) > (current.severity, oldRank, oldDate, -current.distance) {
                best = candidate
            }
        }

        // Located events, nearest in each band.
        for event in known {
            guard let point = event.location else { continue }
            let distance = location.distanceKm(to: point)
            let age = event.date.days(until: reference)
            guard age <= settings.conflictLookbackDays,
                  let band = settings.conflictBandsKm.firstIndex(where: { distance <= $0 }) else { continue }
            let penalty = age > settings.conflictFullWeightDays ? 1 : 0
            let severity = Severity.critical.shifted(by: -band - penalty)
            let place = event.place ?? "event"
            consider(Candidate(
                severity: severity, fromEvent: true, distance: distance,
                path: ["\(site.displayName) (\(location))", "\(Self.km(distance)) from \(place)",
                       "event of \(event.date): \(event.what)", "band ≤ \(Self.km(settings.conflictBandsKm[band]))" + (penalty > 0 ? ", older than \(settings.conflictFullWeightDays) days" : "")],
                message: "\(site.displayName) is \(Self.km(distance)) from \(place) (event of \(event.date): \(event.what))",
                events: [event]))
        }
        // Areas.
        let recent = known.contains { $0.date.days(until: reference) <= settings.conflictFullWeightDays }
        for area in factor.areas {
            guard let center = area.location, let radius = area.radiusKm else { continue }
            let distance = location.distanceKm(to: center)
            guard distance <= radius else { continue }
            let severity: Severity = recent ? .high : .medium
            consider(Candidate(
                severity: severity, fromEvent: false, distance: max(0, distance - radius),
                path: ["\(site.displayName) (\(location))", "\(Self.km(distance)) from the centre of \(area.name), inside its \(Self.km(radius)) radius",
                       recent ? "events in the last \(settings.conflictFullWeightDays) days" : "no event in the last \(settings.conflictFullWeightDays) days"],
                message: "\(site.displayName) lies inside \(area.name) (\(Self.km(distance)) from its centre, radius \(Self.km(radius)))",
                events: known.filter { $0.date.days(until: reference) <= settings.conflictFullWeightDays }.suffix(3)))
        }
        guard var chosen = best else { return nil }
        // Named targets raise the severity.
        var cap = factor.severity
        for target in factor.targets {
            var hit: String?
            if let point = target.location, let radius = target.radiusKm {
                let distance = location.distanceKm(to: point)
                if distance <= radius { hit = "\(Self.km(distance)) from \(target.name), a named likely target" }
            }
            if hit == nil, let kind = site.kind, target.siteKinds.contains(kind), target.location == nil {
                hit = "\(kind.withArticle), a kind of site named as a target (\(target.name))"
            }
            if let hit {
                chosen.severity = chosen.severity.shifted(by: 1)
                cap = cap.shifted(by: 1)
                chosen.path.append(hit + " → one level higher")
                chosen.message += "; it is \(hit)"
                break
            }
        }
        chosen.severity = min(chosen.severity, cap)
        chosen.path.append("\(description.id) → \(chosen.severity)")
        var evidence = context.evidence(for: factor, events: chosen.events)
        if let target = factor.targets.first(where: { chosen.message.contains($0.name) }) {
            evidence.append(Evidence(record: factor.id, fact: "Named likely target: \(target.name)"))
        }
        return Finding(rule: description.id, severity: chosen.severity, policy: context.policy, mark: site.mark,
                       subject: site.id, subjectKind: .site, subjectName: site.displayName, factor: factor,
                       message: chosen.message, path: chosen.path, evidence: evidence,
                       recommendations: factor.recommendations + description.recommendations)
    }

    static func km(_ value: Double) -> String {
        "\(Int(value.rounded())) km"
    }
}
