/// Operations that depend on internet, mobile data or online services in a country with
/// recent state-ordered shutdowns.
public struct ShutdownExposureRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .shutdownExposure,
        name: "Shutdown exposure",
        summary:
            "A site that depends on internet, mobile data or named online services (directly or through what they require) in a country with state-ordered internet shutdowns; worse without continuity fallbacks that survive a state order.",
        facts:
            "Risk factors of kind `internet-shutdown` in force for the site's country: `affects.dependencies` and the dated shutdown `events`; the dependency vocabulary's `requires` (Slack requires internet) and the continuity vocabulary's `covers` and `survives_state_shutdown`.",
        severityModel: [
            "Start from the factor's severity.",
            "No shutdown event in the last \(RuleSettings.defaults.shutdownRecencyDays) days before the recency reference: one level lower.",
            "Every exposed dependency covered by fallbacks that survive a state-ordered shutdown: two levels lower (one if a fallback is only partial).",
            "Some exposed dependencies covered: one level lower.",
            "Fallbacks that do not survive a state order (a second domestic ISP, mobile failover) earn no credit.",
            "A factor whose shutdowns only blocked named services (social media, messaging) none of which the site uses still exposes its other online dependencies, one level lower: the state has shown it orders providers to cut.",
            "Regional shutdowns (events with `scope: regional`) count only for sites whose region or city their `region` names, or sites that give neither.",
        ],
        recommendations: [
            "Put in place a fallback that survives a national shutdown: a satellite terminal (licensed where required) or a team outside the country that can take over.",
            "Write and test an offline runbook: how work continues, how staff are reached, how payroll is paid when the internet is down for days.",
        ]
    )

    /// Most shutdown events a finding cites (the most recent); the exposure counts the rest.
    static let maxCited = 10

    public func check(_ context: RuleContext) -> [Finding] { check(context, fast: true) }

    /// The findings; with `fast` false each site's exposed and covered dependencies are worked
    /// out from the vocabulary's closures at every site (the general way, kept for the tests),
    /// rather than read from what the factor's `Reach` worked out once per run.
    func check(_ context: RuleContext, fast: Bool) -> [Finding] {
        var findings: [Finding] = []
        // "last 90 days": the same for every finding of the policy, written at its first.
        var windowText: String?
        let dependencies = context.vocabularies[.dependencies]
        let continuity = context.vocabularies[.continuity]
        for site in context.policy.sites where !site.dependsOn.isEmpty {
            // The site's region and city, folded once per site (not again for every event), and
            // only when one of the events is regional (most are national: they reach every site).
            var siteNames: [String]?
            for factor in context.factors(.internetShutdown, in: site.country) {
                let parts = context.parts(for: factor)
                // Events up to the as-of date; regional ones only where the site is (or may be).
                // The regions each event names are folded once per run; when every event reaches
                // the site (national shutdowns), the factor's own array is used, not a copy.
                let regions = context.shutdownRegions(for: factor)
                let events: [RiskEvent]
                if regions.allSatisfy({ $0 == nil }) {
                    events = parts.events
                } else {
                    let names = siteNames ?? [site.region, site.city].compactMap { $0 }.map(TextFolding.key)
                    siteNames = names
                    let reaching = regions.indices.filter { Self.reaches(regions: regions[$0], siteNames: names) }
                    events = reaching.count == parts.events.count ? parts.events : reaching.map { parts.events[$0] }
                }
                guard !events.isEmpty else { continue }
                // Every event reaches most sites (national shutdowns): what the findings say of
                // them is then the factor's, worked out at its first site of the run.
                let reach =
                    events.count == parts.events.count
                    ? context.runMemo.shutdownReach.value(for: RuleRunMemo.PartsKey(factor: factor.id, asOf: context.asOf)) {
                        Reach(events, factor, context)
                    } : Reach(events, factor, context)
                let affected = reach.affected
                var exposed =
                    fast
                    ? site.dependsOn.filter { reach.exposes($0) }
                    : site.dependsOn.filter { !dependencies.closure(of: $0).isDisjoint(with: affected) }
                var indirect = false
                if exposed.isEmpty {
                    // Only named services were blocked, none the site uses: its other online
                    // dependencies are exposed one level lower.
                    exposed =
                        fast
                        ? site.dependsOn.filter { reach.reachesOnline($0) }
                        : site.dependsOn.filter { !dependencies.closure(of: $0).isDisjoint(with: Self.online) }
                    guard !exposed.isEmpty, !affected.isEmpty || reach.serviceBased else { continue }
                    indirect = true
                }
                let reference = context.recencyReference(for: factor)
                let exposedText = exposed.joined(separator: ", ")
                var assessment = SeverityAssessment(start: factor.severity, lines: [site.displayName, JoinedText.of("depends on ", exposedText)])
                if indirect {
                    assessment.adjust(
                        by: -1,
                        "the shutdowns blocked \(reach.affectedText), none of them its own dependencies: one level lower, the state has shown it orders providers to cut"
                    )
                }
                let (latest, latestText) = (reach.latest, reach.latestText)
                if latest.days(until: reference) > context.settings.shutdownRecencyDays {
                    assessment.adjust(by: -1, "last shutdown \(latestText), over \(context.settings.shutdownRecencyDays) days before \(reference)")
                } else {
                    assessment.state(reach.eventsLine)
                }
                // Continuity credit: only fallbacks that survive a state-ordered shutdown count.
                // Each fallback looked up once (a term is a large value: each look-up copied it).
                var surviving: [Term] = []
                var ignored: [String] = []
                for id in site.continuity {
                    if let term = continuity.term(id), term.survivesStateShutdown {
                        surviving.append(term)
                    } else {
                        ignored.append(id)
                    }
                }
                let covered = exposed.filter { dependency in
                    surviving.contains { fallback in
                        fallback.covers.contains(dependency)
                            || (fast
                                ? dependencies.closure(of: dependency).allSatisfy { fallback.covers.contains($0) }
                                : dependencies.closure(of: dependency).isSubset(of: Set(fallback.covers)))
                    }
                }
                let uncovered = exposed.filter { !covered.contains($0) }
                if uncovered.isEmpty {
                    let partial = surviving.allSatisfy(\.partial)
                    assessment.adjust(by: partial ? -1 : -2, "covered by \(surviving.map(\.id).joined(separator: ", "))" + (partial ? " (partial)" : ""))
                } else if !covered.isEmpty {
                    assessment.adjust(by: -1, "\(covered.joined(separator: ", ")) covered; \(uncovered.joined(separator: ", ")) not")
                } else {
                    assessment.adjust(by: 0, "no fallback that survives a state-ordered shutdown")
                }
                if !ignored.isEmpty {
                    assessment.state("\(ignored.joined(separator: ", ")) earns no credit: it fails when all domestic providers are ordered to cut")
                }
                let severity = assessment.severity
                let path = assessment.takePath(description)
                // The message's parts, written in one piece (`JoinedText`).
                var message = [site.displayName, " depends on ", exposedText, " in ", site.country.name, ", exposed to ", parts.titleInSentence]
                if indirect { message += [" (which blocked ", reach.affectedText, ")"] }
                message += uncovered.isEmpty ? ["; fallbacks cover them"] : ["; no shutdown-proof fallback for ", uncovered.joined(separator: ", ")]
                var exposure = Exposure(subject: site.id, location: site.location, rule: description.id, severity: severity)
                exposure.to = site.country.name
                let window = windowText ?? "last \(context.settings.shutdownRecencyDays) days"
                windowText = window
                exposure.window = window
                exposure.reference = reference
                exposure.events = reach.citedEvents
                exposure.eventsNotCited = events.count - reach.citedEvents.count
                findings.append(
                    Finding(
                        rule: description.id, severity: severity, policy: context.policy, mark: site.mark, subject: site.id,
                        subjectKind: .site, subjectName: site.displayName, factorIDs: parts.ids, message: JoinedText.of(message), path: path,
                        exposure: exposure,
                        evidence: reach.evidence,
                        recommendations: context.advice(description.id, factor) { factor.recommendations + description.recommendations }))
            }
        }
        return findings
    }

    /// What a finding says of the shutdown events that reach its site: the dependencies they
    /// blocked, the latest, the most recent cited (the exposure's, and the evidence's in date order).
    struct Reach {
        let affected: Set<String>
        /// `affected` sorted and joined: what a site none of whose own dependencies was blocked
        /// is told the shutdowns blocked.
        let affectedText: String
        /// For each term of the dependency vocabulary, whether what it needs (its closure)
        /// meets `affected`, and whether it meets `ShutdownExposureRule.online`: worked out
        /// once per factor, not again from the closures at every site (`exposes(_:)`).
        let exposing: [String: Bool]
        let online: [String: Bool]
        /// Whether one of the events blocked named services only (`type: service-based`).
        let serviceBased: Bool
        let latest: Day
        let latestText: String
        /// The first three cited, for the path.
        let citedText: String
        /// The path's account of the events: "3 shutdown event(s), latest 2020-08-20 (…)".
        let eventsLine: String
        let citedEvents: [Exposure.CitedEvent]
        let evidence: [Evidence]

        init(_ events: [RiskEvent], _ factor: RiskFactor, _ context: RuleContext) {
            let affected = Set(factor.affects.dependencies).union(events.flatMap(\.dependencies))
            self.affected = affected
            affectedText = affected.sorted().joined(separator: ", ")
            let dependencies = context.vocabularies[.dependencies]
            var exposing: [String: Bool] = [:]
            var online: [String: Bool] = [:]
            for id in dependencies.terms.keys {
                let closure = dependencies.closure(of: id)
                exposing[id] = !closure.isDisjoint(with: affected)
                online[id] = !closure.isDisjoint(with: ShutdownExposureRule.online)
            }
            self.exposing = exposing
            self.online = online
            serviceBased = events.contains { $0.type == "service-based" }
            // Seen as known on the as-of date: an event ending after it is ongoing on it.
            let latestEvent = events.max { ($0.latest(asOf: context.asOf), $0.date) < ($1.latest(asOf: context.asOf), $1.date) }
            let latest = latestEvent?.latest(asOf: context.asOf) ?? factor.inForceFrom
            self.latest = latest
            latestText =
                latestEvent.map {
                    $0.ongoingAt != nil ? "ongoing at the as-of date (\(context.asOf))" : ($0.until?.description ?? $0.datePrecision.describe($0.date))
                } ?? latest.description
            let cited = Array(events.sorted { ($1.date, $1.id ?? "") < ($0.date, $0.id ?? "") }.prefix(ShutdownExposureRule.maxCited))
            citedText = cited.prefix(3).map { "\($0.id.map { "\($0) " } ?? "")\($0.when)" }.joined(separator: ", ")
            eventsLine =
                "\(events.count) shutdown event(s), latest \(latestText)" + (events.count > 1 ? " (\(citedText)\(events.count > 3 ? ", …" : ""))" : "")
            citedEvents = cited.map { Exposure.CitedEvent($0, distanceKm: nil) }
            evidence = context.evidence(for: factor, events: cited.sorted { ($0.date, $0.id ?? "") < ($1.date, $1.id ?? "") })
        }

        /// Whether a site that depends on `dependency` is exposed to these events:
        /// `!dependencies.closure(of: dependency).isDisjoint(with: affected)` (a dependency the
        /// vocabulary does not know is its own closure).
        func exposes(_ dependency: String) -> Bool {
            exposing[dependency] ?? affected.contains(dependency)
        }

        /// Whether `dependency` needs the internet or mobile data:
        /// `!dependencies.closure(of: dependency).isDisjoint(with: ShutdownExposureRule.online)`.
        func reachesOnline(_ dependency: String) -> Bool {
            online[dependency] ?? ShutdownExposureRule.online.contains(dependency)
        }
    }

    /// What a site's other online dependencies need to be exposed when only named services
    /// were blocked.
    static let online: Set<String> = ["internet", "mobile-data"]

    /// Whether a shutdown event reaches the site: national events always; regional ones when
    /// their `region` names the site's region or city, or the site gives neither.
    static func reaches(_ event: RiskEvent, _ site: Site) -> Bool {
        reaches(regions: regions(of: event), siteNames: [site.region, site.city].compactMap { $0 }.map(TextFolding.key))
    }

    /// The regions a regional event names, folded (nil for an event that reaches every site:
    /// national, or regional without a `region`).
    static func regions(of event: RiskEvent) -> [String]? {
        guard event.scope == "regional", let regions = event.region else { return nil }
        return regions.split(whereSeparator: { ",;/|".contains($0) }).map { TextFolding.key(String($0)) }.filter { !$0.isEmpty }
    }

    /// `reaches(_:_:)` from the event's folded regions (`regions(of:)`) and the site's folded
    /// region and city.
    static func reaches(regions areas: [String]?, siteNames names: [String]) -> Bool {
        guard let areas, !names.isEmpty else { return true }
        return names.contains { name in areas.contains { $0 == name || $0.contains(name) || name.contains($0) } }
    }
}

extension RuleContext {
    /// `ShutdownExposureRule.regions(of:)` of each of the factor's events as known on the as-of
    /// date (`FactorParts.events` order), folded once per run.
    func shutdownRegions(for factor: RiskFactor) -> [[String]?] {
        runMemo.shutdownRegions.value(for: RuleRunMemo.PartsKey(factor: factor.id, asOf: asOf)) {
            parts(for: factor).events.map(ShutdownExposureRule.regions(of:))
        }
    }
}
