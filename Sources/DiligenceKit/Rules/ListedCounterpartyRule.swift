/// Counterparties, security providers and their aliases that match listed persons or entities.
public struct ListedCounterpartyRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "listed-counterparty",
        name: "Listed counterparty",
        summary: "A counterparty (by name or any alias) or a site's security provider that matches a listed person or entity, across scripts and transliterations, in any word order, with misspellings, initials or a missing middle name, with the score and why.",
        facts: "The list files of the database (`entities:`): names, aliases in any script, who lists them, the programme and the measures.",
        severityModel: [
            "Exact match of the normalised name (same tokens after transliteration, case and diacritics folding and transliteration spelling variants, legal forms and titles set aside): critical for an asset freeze, high for a travel ban or other measures.",
            "Fuzzy match at or above the screening threshold (default 0.70; e.g. a name without the patronymic, another transliteration, a typo): one level lower. The score weighs each word by its rarity in the list; the counterparty's country being the entity's raises it a little, another country lowers it (docs/screening.md).",
            "Listed by a party before the as-of date only: entries with a `since` date after the as-of date are not yet listed.",
        ],
        recommendations: [
            "Stop payments and deliveries to the counterparty until compliance has confirmed or cleared the match.",
            "Document the match decision (true or false positive) with the identifiers compared (date of birth, registration number, address).",
        ],
        triggeringExamples: [
            """
            version: 1
            company: Example Holdings
            counterparties:
              - id: official-contact
                name: Александр Лукашенко
                country: BY
                role: government
            """,
        ],
        nonTriggeringExamples: [
            """
            version: 1
            company: Example Holdings
            counterparties:
              - id: fuel-supplier
                name: Minsk Fuel Trading LLC
                country: BY
                role: supplier
            """,
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var subjects: [(id: String, kind: SubjectKind, display: String, names: [String], country: Country?, mark: Mark)] = []
        for party in context.policy.counterparties {
            subjects.append((party.id, .counterparty, party.name, [party.name] + party.aliases, party.country, party.mark))
        }
        for site in context.policy.sites {
            if let provider = site.securityProvider {
                subjects.append((site.id, .site, "\(provider) (security provider of \(site.displayName))", [provider], nil, site.securityProviderMark ?? site.mark))
            }
        }
        for subject in subjects {
            var best: [String: (ScreeningMatch, String)] = [:]
            for name in subject.names {
                let query = ScreeningQuery(name, country: subject.country)
                for match in context.screener.screen(query, threshold: context.settings.screeningThreshold) {
                    if let since = match.entity.since, since > context.asOf { continue }
                    if let existing = best[match.entity.id], existing.0.score >= match.score { continue }
                    best[match.entity.id] = (match, name)
                }
            }
            for (match, queried) in best.values.sorted(by: { $0.0.entity.id < $1.0.entity.id }) {
                let entity = match.entity
                let base: Severity = entity.measures.contains("asset-freeze") ? .critical : .high
                let severity = match.isExact ? base : base.shifted(by: -1)
                let listers = entity.listedBy.isEmpty ? "a listing body" : entity.listedBy.joined(separator: ", ")
                let score = Self.format(match.score)
                var evidence = [Evidence(record: entity.id, fact: "\(entity.name) (\(entity.kind.rawValue)) listed by \(listers)" + (entity.programme.map { " under \($0)" } ?? ""),
                                         date: entity.since.map { "since \($0)" }, reference: entity.references.first)]
                for reference in entity.references.dropFirst() {
                    evidence.append(Evidence(record: entity.id, fact: reference.title ?? reference.source, date: reference.date?.text, reference: reference))
                }
                var finding = Finding(
                    rule: description.id, severity: severity, policy: context.policy, mark: subject.mark, subject: subject.id,
                    subjectKind: subject.kind, subjectName: subject.display, factor: nil,
                    message: "\(queried) matches listed \(entity.kind.rawValue) \(entity.name) (\(entity.id), score \(score)): \(match.why)",
                    path: [subject.display, "name \"\(queried)\" ~ \"\(match.matched)\" (score \(score))", "\(entity.id) listed by \(listers)", "\(description.id) → \(severity)"],
                    evidence: evidence, recommendations: description.recommendations)
                finding.factors = [entity.id]
                finding.identityFactor = entity.id
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
