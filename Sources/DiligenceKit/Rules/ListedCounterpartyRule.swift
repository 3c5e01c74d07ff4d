/// Counterparties, security providers and their aliases that match listed persons or entities.
public struct ListedCounterpartyRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .listedCounterparty,
        name: "Listed counterparty",
        summary:
            "A counterparty (by name or any alias) or a site's security provider that matches a listed person or entity, across scripts and transliterations, in any word order, with misspellings, initials or a missing middle name, with the score and why.",
        facts:
            "The list files of the database (`entities:`): names, aliases in any script, who lists them, the programme and the measures; and `travel-ban` factors in force for the listed person's country (their evidence and recommendations join a travel-ban match), whose `affects.roles` also name the counterparties whose officials should be screened. Only what was known on the as-of date is shown: entries listed later are not used, references dated later are not cited, and the programmes of an entry from a snapshot taken after the as-of date are not shown (a programme may have been added since). Entries whose only measure is `pep` are politically exposed persons, with their `role`.",
        severityModel: [
            "Exact match of the normalised name (same tokens after transliteration, case and diacritics folding and transliteration spelling variants, legal forms and titles set aside): critical for an asset freeze, high for a travel ban or other measures.",
            "Fuzzy match at or above the screening threshold (default \(FixedPoint.text(RuleSettings.defaults.screeningThreshold, places: 2)); e.g. a name without the patronymic, another transliteration, a typo): one level lower. The score weighs each word by its rarity in the list; the counterparty's country being the entity's raises it a little, another country lowers it (docs/screening.md).",
            "Listed by a party before the as-of date only: entries with a `since` date after the as-of date are not yet listed.",
            "No name match, but the counterparty's role is one a travel-ban factor in force in its country concerns (e.g. a government body, whose officials are banned): one level lower than the factor.",
            "The advice follows the measures: an asset freeze stops payments and deliveries; a travel ban concerns entry into the listing states, not payments.",
            "Jurisdiction: the listing binds the company when a regime it is subject to listed the entry (stated in `subject_to`, or derived from `incorporated`: LT → EU, NO → UN), when the listing state is where it is incorporated, or when it has a site in the listing body's territory (a security provider: the subsidiary running the site, if `incorporated` says so); the path says which. A listing that binds it, or whose bindingness cannot be assessed (no `incorporated` or `subject_to`), keeps the severity above. A listing that does not bind it (OFAC's asset freeze for a Norwegian firm with no US nexus) is a secondary risk: one level lower, and the advice is enhanced due diligence, a check for a nexus (USD payments, US persons, US-origin goods) and the banks' policy instead of a freeze.",
            "A counterparty's own `incorporated` (when it differs from `country`) is screened as well (the better score counts), and the finding names it with the regimes that bind the counterparty; what binds the company is still the company's jurisdiction.",
            "A politically exposed person (an entry whose only measure is `pep`) is not sanctioned: medium for an exact match, low for a fuzzy one, reported as a PEP with the role, never as listed.",
        ],
        recommendations: [
            "Asset freeze: stop payments and deliveries to the counterparty, and make no funds or economic resources available to it, until compliance has confirmed or cleared the match.",
            "Travel ban: the person may not enter the states that list them. Establish and record the person's role in the counterparty (owner, officer, signatory, contact); do not invite them to, or arrange travel, meetings or events for them in, those states; screen delegations and visa-support letters. A travel ban alone does not prohibit payments or deliveries.",
            "Other measures: act on exactly what the listing's measures prohibit, as compliance reads the listing, and escalate the match.",
            "Document the match decision (true or false positive) with the identifiers compared (date of birth, registration number, address).",
            "Politically exposed person: nothing is prohibited. Apply enhanced due diligence: senior management approval of the relationship, the source of funds and of wealth, and closer ongoing monitoring; record the person's role and the decision.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // Only the subjects a listed name matches are kept, with their matches: most match
        // nothing, and their names, countries and sites are not copied.
        var subjects: [(id: String, kind: SubjectKind, display: String, mark: Mark, party: Int?, site: Site?, best: [String: (ScreeningMatch, String)])] = []
        for (index, party) in context.policy.counterparties.enumerated() {
            // A counterparty incorporated elsewhere than it operates is screened by both countries.
            let also = party.incorporated.flatMap { $0 == party.country ? nil : $0 }
            var best: [String: (ScreeningMatch, String)] = [:]
            Self.screen(party.name, country: party.country, also: also, into: &best, context)
            for alias in party.aliases { Self.screen(alias, country: party.country, also: also, into: &best, context) }
            if !best.isEmpty { subjects.append((party.id, .counterparty, party.name, party.mark, index, nil, best)) }
        }
        for site in context.policy.sites {
            if let provider = site.securityProvider {
                var best: [String: (ScreeningMatch, String)] = [:]
                Self.screen(provider, country: nil, also: nil, into: &best, context)
                guard !best.isEmpty else { continue }
                subjects.append(
                    (
                        site.id, .site, "\(provider) (security provider of \(site.displayName))", site.securityProviderMark ?? site.mark, nil,
                        site, best
                    ))
            }
        }
        // Counterparties and the travel-ban factors their matches already cite.
        var matchedBans = MatchedBans()
        for subject in subjects {
            let best = subject.best
            // The counterparty's own jurisdiction, when the policy states it, is named in the path.
            let own = subject.party.flatMap { context.jurisdiction(of: context.policy.counterparties[$0]) }
            for (match, queried) in best.values.sorted(by: { $0.0.entity.id < $1.0.entity.id }) {
                let entity = match.entity
                if entity.isPEPOnly {
                    findings.append(pepFinding(match, queried: queried, subject: (subject.id, subject.kind, subject.display, subject.mark), context))
                    continue
                }
                // Whether the listing binds the company (or the subsidiary running the site).
                let jurisdiction = context.jurisdiction(site: subject.site)
                let territory = subject.site.map { [($0.country, "site \($0.displayName)")] } ?? context.siteTerritory
                let binding = jurisdiction.judge(imposedBy: entity.listedBy, target: entity.country, territory: territory)
                let base: Severity = entity.measures.contains("asset-freeze") ? .critical : .high
                let severity = (match.isExact ? base : base.shifted(by: -1)).shifted(by: binding.severityShift)
                let listers = entity.listedBy.isEmpty ? "a listing body" : entity.listedBy.joined(separator: ", ")
                let score = Self.format(match.score)
                let known = Self.knownReferences(entity, context)
                var evidence = [
                    Evidence(
                        record: entity.id, fact: "\(entity.name) (\(entity.kind.rawValue)) listed by \(listers)" + Self.programmeText(entity, context),
                        date: entity.since.map { "since \($0)" }, reference: known.first)
                ]
                for reference in known.dropFirst() {
                    evidence.append(Evidence(record: entity.id, fact: reference.title ?? reference.source, date: reference.date?.text, reference: reference))
                }
                // The travel-ban factors behind a travel-ban listing: their facts and their advice.
                let bans = entity.measures.contains("travel-ban") ? Self.travelBanFactors(for: entity, context) : []
                for factor in bans { evidence += context.evidence(for: factor) }
                if let party = subject.party { matchedBans.insert(party, bans.map(\.id)) }
                let measures = Self.measuresText(entity)
                var finding = Finding(
                    rule: description.id, severity: severity, policy: context.policy, mark: subject.mark, subject: subject.id,
                    subjectKind: subject.kind, subjectName: subject.display, factor: nil,
                    message:
                        "\(queried)\(own.flatMap { $0.incorporated }.map { " (incorporated in \($0.name))" } ?? "") matches listed \(entity.kind.rawValue) \(entity.name) (\(entity.id), score \(score)): \(match.why)"
                        + (measures.isEmpty ? "" : "; measures: \(measures)") + binding.messageSuffix(jurisdiction.name),
                    path: [subject.display] + (own.map { ["\(subject.display): \($0.summary)"] } ?? [])
                        + ["name \"\(queried)\" ~ \"\(match.matched)\" (score \(score))", "\(entity.id) listed by \(listers)"]
                        + (measures.isEmpty ? [] : ["measures: \(measures)"]) + bans.map { "\($0.id) in force since \($0.inForceFrom)" }
                        + [binding.pathLine, "\(description.id) → \(severity)"],
                    evidence: evidence, recommendations: recommendations(for: entity, bans: bans, binding: binding, jurisdiction: jurisdiction))
                finding.factors = [entity.id] + bans.map(\.id)
                finding.identityFactor = entity.id
                finding.binding = Binding(binding, jurisdiction: jurisdiction, imposedBy: entity.listedBy)
                findings.append(finding)
            }
        }
        findings += roleFindings(context, skipping: matchedBans)
        return findings
    }

    /// Screens one name of a subject with its country, then with `also`, keeping for each listed
    /// entity the best match known on the as-of date and the name that gave it (the first of
    /// equal scores).
    static func screen(
        _ name: String, country: Country?, also: Country?, into best: inout [String: (ScreeningMatch, String)], _ context: RuleContext
    ) {
        func keep(_ country: Country?) {
            for match in context.screener.screen(ScreeningQuery(name, country: country), threshold: context.settings.screeningThreshold) {
                if let since = match.entity.since, since > context.asOf { continue }
                if let existing = best[match.entity.id], existing.0.score >= match.score { continue }
                best[match.entity.id] = (match, name)
            }
        }
        keep(country)
        if let also { keep(also) }
    }

    /// A match with a politically exposed person: enhanced due diligence, not a prohibition.
    func pepFinding(
        _ match: ScreeningMatch, queried: String, subject: (id: String, kind: SubjectKind, display: String, mark: Mark),
        _ context: RuleContext
    ) -> Finding {
        let entity = match.entity
        let severity: Severity = match.isExact ? .medium : .low
        let score = Self.format(match.score)
        let role = entity.role ?? "a public function"
        let known = Self.knownReferences(entity, context)
        var evidence = [
            Evidence(
                record: entity.id, fact: "\(entity.name), politically exposed person: \(role)",
                date: entity.since.map { "role held since \($0)" }, reference: known.first)
        ]
        for reference in known.dropFirst() {
            evidence.append(Evidence(record: entity.id, fact: reference.title ?? reference.source, date: reference.date?.text, reference: reference))
        }
        var finding = Finding(
            rule: description.id, severity: severity, policy: context.policy, mark: subject.mark, subject: subject.id,
            subjectKind: subject.kind, subjectName: subject.display, factor: nil,
            message:
                "\(queried) matches politically exposed person \(entity.name) (\(role); \(entity.id), score \(score)): \(match.why); not sanctioned: enhanced due diligence applies",
            path: [
                subject.display, "name \"\(queried)\" ~ \"\(match.matched)\" (score \(score))",
                "\(entity.id): politically exposed person, \(role)", "no restrictive measure: enhanced due diligence",
                "\(description.id) → \(severity)",
            ],
            evidence: evidence, recommendations: [description.recommendations[4], description.recommendations[3]])
        finding.factors = [entity.id]
        finding.identityFactor = entity.id
        return finding
    }

    /// The entry's references dated by the as-of date: a later source was not known on it.
    static func knownReferences(_ entity: ListedEntity, _ context: RuleContext) -> [Reference] {
        entity.references.filter { ($0.date?.earliest).map { $0 <= context.asOf } ?? true }
    }

    /// " under [TCO] [UKRAINE-EO13660]", or, when the entry comes from a snapshot taken after
    /// the as-of date, a note that its programmes (those of the snapshot) are not shown: a
    /// programme added later must not appear in a check of an earlier date.
    static func programmeText(_ entity: ListedEntity, _ context: RuleContext) -> String {
        guard let programme = entity.programme else { return "" }
        if let snapshot = context.database.snapshots.first(where: { $0.file == entity.file }), snapshot.date > context.asOf {
            return " (its programmes are those of the \(snapshot.date) snapshot, taken after the as-of date: not shown)"
        }
        return " under \(programme)"
    }

    /// Counterparties, by position, and the travel-ban factors a name match of theirs cites.
    struct MatchedBans {
        private var cited: [Int: Set<String>] = [:]

        mutating func insert(_ party: Int, _ factors: [String]) { cited[party, default: []].formUnion(factors) }

        func contains(_ party: Int, _ factor: String) -> Bool { cited[party]?.contains(factor) ?? false }
    }

    /// Travel-ban factors in force for the listed entity's country (the factor for the bans
    /// that list it), in id order.
    static func travelBanFactors(for entity: ListedEntity, _ context: RuleContext) -> [RiskFactor] {
        guard let country = entity.country else { return [] }
        return context.factors(.travelBan, in: country)
    }

    /// "travel ban by Lithuania, Latvia, Estonia (may not enter those states)".
    static func measuresText(_ entity: ListedEntity) -> String {
        let states = entity.listedBy.map { CountryTable.shared?.country(code: $0)?.name ?? $0 }
        return entity.measures.map { measure in
            switch measure {
            case "travel-ban":
                return states.isEmpty
                    ? "travel ban" : "travel ban by \(states.joined(separator: ", ")) (may not enter \(states.count == 1 ? "that state" : "those states"))"
            case "asset-freeze":
                return "asset freeze"
            default:
                return measure
            }
        }.joined(separator: "; ")
    }

    /// The advice that fits the entity's measures, then the factors' own, then documenting.
    /// A listing that does not bind the entity gets the secondary-risk advice instead of the
    /// freeze; one that binds it (or may) gets legal review and reporting as well.
    func recommendations(for entity: ListedEntity, bans: [RiskFactor], binding: Bindingness, jurisdiction: Jurisdiction) -> [String] {
        let general = description.recommendations
        var advice: [String] = []
        if entity.measures.contains("asset-freeze") {
            advice += binding.isSecondary ? jurisdiction.secondaryAdvice(imposedBy: entity.listedBy) : [general[0]]
        }
        if entity.measures.contains("travel-ban") { advice.append(general[1]) }
        if entity.measures.isEmpty || entity.measures.contains(where: { $0 != "asset-freeze" && $0 != "travel-ban" }) { advice.append(general[2]) }
        for factor in bans { advice += factor.recommendations.filter { !advice.contains($0) } }
        return advice + jurisdiction.bindingAdvice(binding) + [general[3]]
    }

    /// Counterparties whose role a travel-ban factor concerns (a government body whose officials
    /// are banned), without a name match citing that factor: screen the people you deal with.
    func roleFindings(_ context: RuleContext, skipping matched: MatchedBans) -> [Finding] {
        var findings: [Finding] = []
        for (index, party) in context.policy.counterparties.enumerated() {
            guard let role = party.role else { continue }
            for factor in context.factors(.travelBan, in: party.country)
            where factor.affects.roles.contains(role) && !matched.contains(index, factor.id) {
                let jurisdiction = context.jurisdiction()
                let binding = jurisdiction.judge(imposedBy: factor.imposedBy, target: factor.country, territory: context.siteTerritory)
                let severity = factor.severity.shifted(by: -1 + binding.severityShift)
                let reason = "\(role.withArticle) counterparty in \(party.country.name), a role whose officials the bans concern"
                var finding =
                    Finding(
                        rule: description.id, severity: severity, policy: context.policy, mark: party.mark, subject: party.id,
                        subjectKind: .counterparty, subjectName: party.name, factor: factor,
                        message: "\(party.name) is \(reason) (\(factor.title)); screen the officials you meet or invite before any travel to the banning states"
                            + binding.messageSuffix(jurisdiction.name),
                        path: [
                            party.name, reason, "no name match: the officials are not named in the policy", "\(factor.id) in force since \(factor.inForceFrom)",
                            binding.pathLine, "\(description.id) → \(severity)",
                        ],
                        evidence: context.evidence(for: factor),
                        recommendations: factor.recommendations + [description.recommendations[1]])
                finding.binding = Binding(binding, jurisdiction: jurisdiction, imposedBy: factor.imposedBy)
                findings.append(finding)
            }
        }
        return findings
    }

    static func format(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
