/// UN Guiding Principles duties where authorities order shutdowns or repression.
public struct HumanRightsObligationsRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: "human-rights-obligations",
        name: "Human-rights obligations",
        summary:
            "Telecom and internet providers among the counterparties, or the company itself in such a role, in a country where authorities order shutdowns or repression: duties under the UN Guiding Principles on Business and Human Rights (UNGP 17–21: identify, prevent, mitigate, account).",
        facts:
            "Risk factors of kind `human-rights` in force for the country: `affects.roles` (counterparty roles concerned) and `affects.sectors` (company sectors concerned).",
        severityModel: [
            "The company's own sector is one the factor names and it has a site in the country (it may receive the orders itself): the factor's severity, per site.",
            "A counterparty in a role the factor names (e.g. the company's internet provider): one level lower.",
            "Any other site in the country: low, once per policy (heightened diligence applies to every business there).",
        ],
        recommendations: [
            "If authorities demand a shutdown, blocking or data handover that violates rights: make the opposition known to the authorities and the public, and challenge the order legally.",
            "Publish agreements with the authorities and the orders complied with (transparency report).",
            "Use your leverage with providers: ask how they handle shutdown orders and whether they publish them.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let policy = context.policy
        let sector = policy.sector.map(TextFolding.key)
        var generalNoted: Set<String> = []
        for site in policy.sites {
            for factor in context.factors(.humanRights, in: site.country) {
                if let sector, context.parts(for: factor).sectorKeys.contains(sector) {
                    let severity = factor.severity
                    findings.append(
                        Finding(
                            rule: description.id, severity: severity, policy: policy, mark: site.mark, subject: site.id,
                            subjectKind: .site, subjectName: site.displayName, factor: factor,
                            message:
                                "\(policy.company) operates \(site.displayName) in \(site.country.name) as a \(policy.sector ?? "") business, a role the authorities' orders reach directly (\(factor.title))",
                            path: [site.displayName, "company sector \(policy.sector ?? "")", "\(factor.id)", "\(description.id) → \(severity)"],
                            evidence: context.evidence(for: factor),
                            recommendations: factor.recommendations + description.recommendations))
                } else if generalNoted.insert(factor.id).inserted {
                    findings.append(
                        Finding(
                            rule: description.id, severity: .low, policy: policy, mark: site.mark, subject: "policy",
                            subjectKind: .policy, subjectName: policy.company, factor: factor,
                            message:
                                "\(policy.company) operates in \(site.country.name) (\(site.displayName)), where heightened human-rights diligence applies (\(factor.title))",
                            path: [policy.company, "site \(site.displayName) in \(site.country.name)", "\(factor.id)", "\(description.id) → low"],
                            evidence: context.evidence(for: factor),
                            recommendations: factor.recommendations))
                }
            }
        }
        for party in policy.counterparties {
            guard let role = party.role else { continue }
            for factor in context.factors(.humanRights, in: party.country)
            where factor.affects.roles.contains(role) {
                let severity = factor.severity.shifted(by: -1)
                findings.append(
                    Finding(
                        rule: description.id, severity: severity, policy: policy, mark: party.mark, subject: party.id,
                        subjectKind: .counterparty, subjectName: party.name, factor: factor,
                        message:
                            "\(party.name) is \(role.withArticle) in \(party.country.name); as its customer the company has leverage and duties (\(factor.title))",
                        path: [party.name, "\(role) in \(party.country.name)", "\(factor.id)", "\(description.id) → \(severity)"],
                        evidence: context.evidence(for: factor),
                        recommendations: factor.recommendations + [description.recommendations[2]]))
            }
        }
        return findings
    }
}
