/// Operations that depend on internet, mobile data or online services in a country with
/// recent state-ordered shutdowns.
public struct ShutdownExposureRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "shutdown-exposure",
        name: "Shutdown exposure",
        summary: "A site that depends on internet, mobile data or named online services (directly or through what they require) in a country with state-ordered internet shutdowns; worse without continuity fallbacks that survive a state order.",
        facts: "Risk factors of kind `internet-shutdown` in force for the site's country: `affects.dependencies` and the dated shutdown `events`; the dependency vocabulary's `requires` (Slack requires internet) and the continuity vocabulary's `covers` and `survives_state_shutdown`.",
        severityModel: [
            "Start from the factor's severity.",
            "No shutdown event in the last 365 days before the recency reference: one level lower.",
            "Every exposed dependency covered by fallbacks that survive a state-ordered shutdown: two levels lower (one if a fallback is only partial).",
            "Some exposed dependencies covered: one level lower.",
            "Fallbacks that do not survive a state order (a second domestic ISP, mobile failover) earn no credit.",
        ],
        recommendations: [
            "Put in place a fallback that survives a national shutdown: a satellite terminal (licensed where required) or a team outside the country that can take over.",
            "Write and test an offline runbook: how work continues, how staff are reached, how payroll is paid when the internet is down for days.",
        ],
        triggeringExamples: [
            """
            version: 1
            company: Example Software
            sites:
              - id: minsk-office
                kind: office
                country: BY
                city: Minsk
                depends_on: [slack, github]
            """,
        ],
        nonTriggeringExamples: [
            """
            version: 1
            company: Example Software
            sites:
              - id: vilnius-office
                kind: office
                country: LT
                city: Vilnius
                depends_on: [slack, github]
            """,
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let dependencies = context.vocabularies[.dependencies]
        let continuity = context.vocabularies[.continuity]
        for site in context.policy.sites where !site.dependsOn.isEmpty {
            for factor in context.database.factors([.internetShutdown], in: site.country, asOf: context.asOf) {
                let affected = Set(factor.affects.dependencies)
                let exposed = site.dependsOn.filter { !dependencies.closure(of: $0).isDisjoint(with: affected) }
                guard !exposed.isEmpty else { continue }
                let events = factor.events(asOf: context.asOf)
                guard !events.isEmpty else { continue }
                let reference = context.recencyReference(for: factor)
                var severity = factor.severity
                var path = ["\(site.displayName)", "depends on \(exposed.joined(separator: ", "))"]
                let latest = events.map { $0.until ?? $0.date }.max() ?? factor.inForceFrom
                if latest.days(until: reference) > context.settings.shutdownRecencyDays {
                    severity = severity.shifted(by: -1)
                    path.append("last shutdown \(latest), over \(context.settings.shutdownRecencyDays) days before \(reference)")
                } else {
                    path.append("\(events.count) shutdown event(s), latest \(latest)")
                }
                // Continuity credit: only fallbacks that survive a state-ordered shutdown count.
                let surviving = site.continuity.compactMap { continuity.term($0) }.filter(\.survivesStateShutdown)
                let covered = exposed.filter { dependency in
                    surviving.contains { $0.covers.contains(dependency) || dependencies.closure(of: dependency).isSubset(of: Set($0.covers)) }
                }
                let uncovered = exposed.filter { !covered.contains($0) }
                let ignored = site.continuity.filter { id in !(continuity.term(id)?.survivesStateShutdown ?? false) }
                if uncovered.isEmpty {
                    let partial = surviving.allSatisfy(\.partial)
                    severity = severity.shifted(by: partial ? -1 : -2)
                    path.append("covered by \(surviving.map(\.id).joined(separator: ", "))" + (partial ? " (partial)" : ""))
                } else if !covered.isEmpty {
                    severity = severity.shifted(by: -1)
                    path.append("\(covered.joined(separator: ", ")) covered; \(uncovered.joined(separator: ", ")) not")
                } else {
                    path.append("no fallback that survives a state-ordered shutdown")
                }
                if !ignored.isEmpty {
                    path.append("\(ignored.joined(separator: ", ")) earns no credit: it fails when all domestic providers are ordered to cut")
                }
                path.append("\(description.id) → \(severity)")
                var message = "\(site.displayName) depends on \(exposed.joined(separator: ", ")) in \(site.country.name), exposed to \(factor.title.lowercasedFirst)"
                message += uncovered.isEmpty ? "; fallbacks cover them" : "; no shutdown-proof fallback for \(uncovered.joined(separator: ", "))"
                findings.append(Finding(
                    rule: description.id, severity: severity, policy: context.policy, mark: site.mark, subject: site.id,
                    subjectKind: .site, subjectName: site.displayName, factor: factor, message: message, path: path,
                    evidence: context.evidence(for: factor),
                    recommendations: factor.recommendations + description.recommendations))
            }
        }
        return findings
    }
}
