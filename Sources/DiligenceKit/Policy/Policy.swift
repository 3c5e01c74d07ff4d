/// A policy file: what one company or business unit does where.
public struct Policy: Sendable, Hashable, Codable {
    /// The path as given on the command line (used in findings and reports).
    public var file: String
    public var company: String
    public var owner: String?
    public var sector: String?
    public var reviewed: Day?
    public var companyMark: Mark
    public var sites: [Site]
    public var trade: [TradeFlow]
    public var counterparties: [Counterparty]
    public var travel: [Travel]
    public var acceptedRisks: [AcceptedRisk]
    /// Where the company is incorporated (`incorporated`), when the policy says.
    public var incorporated: Country? = nil
    /// The sanctions regimes the policy states bind the company (`subject_to`), ids of the
    /// regimes vocabulary; those its incorporation derives are added by `Jurisdiction`.
    public var subjectTo: [String] = []
    /// Where `reviewed` is written, for findings about it (nil without one).
    public var reviewedMark: Mark? = nil
}

extension Policy {
    /// The top level of a policy file (format version 1): its keys, their types and
    /// documentation, and where each value goes in the model. The loader, `diligence schema`,
    /// the JSON Schema and the format reference all read this declaration.
    static let format = PolicyObject(
        name: "a policy file", summary: "What a company does where (policy format version 1).",
        example: """
            version: 1
            company: Acme Offshore Services Ltd
            owner: compliance@acme.example
            sector: energy-services
            reviewed: 2020-09-20
            incorporated: GB
            subject_to: [US]
            sites: []
            """,
        fields: [
            .init("version", .integer(1...1), required: true, "Format version; must be 1.", example: "1"),
            .init(
                "company", .text, required: true, "Legal name of the company or business unit.", example: "Acme Offshore Services Ltd", into: \.policy.company,
                mark: .at(\.policy.companyMark)),
            .init("owner", .text, "Accountable person or team.", example: "compliance@acme.example", into: \.policy.owner),
            .init("sector", .text, "Business sector, a kebab-case word (telecommunications, mining, ...).", example: "energy-services", into: \.policy.sector),
            .init("reviewed", .date, "When this file was last reviewed.", example: "2020-09-20", into: \.policy.reviewed, mark: .at(\.policy.reviewedMark)),
            .init(
                "incorporated", .country,
                "Country where the company is incorporated (ISO code or English name; `NO` is Norway). It derives the sanctions regimes that bind the company: an EU member state binds it to EU measures, an ECOWAS member to ECOWAS measures, the United States to US measures, the United Kingdom to UK measures, every UN member to UN measures, and the country itself to its national measures. Without `incorporated` or `subject_to`, findings on measures say that bindingness was not assessed and treat the measure as binding.",
                example: "GB", into: \.policy.incorporated),
            .init(
                "subject_to", list: .term(.regimes),
                "Sanctions regimes that bind the company beyond those its incorporation derives (e.g. `US` for a company with US persons or USD business): EU, US, UK, UN, ECOWAS. Added to the derived ones, never removing them.",
                example: "[UK, UN, US]", into: \.policy.subjectTo),
            .init("sites", list: Site.format, "Physical places."),
            .init("trade", list: TradeFlow.format, "Trade flows."),
            .init("counterparties", list: Counterparty.format, "Suppliers, customers, providers."),
            .init("travel", list: Travel.format, "Staff travel."),
            .init("accepted_risks", list: AcceptedRisk.format, "Known and accepted findings, each with an expiry."),
        ],
        close: { draft, _ in
            draft.policy.subjectTo = PolicyContext.unique(draft.policy.subjectTo)
            // A flow's `site` must name a site of the file (sites may follow the trade list); most
            // files name none, and the set of ids is not made for them.
            guard draft.policy.trade.contains(where: { $0.site != nil }) else { return }
            let ids = Set(draft.policy.sites.map(\.id))
            for flow in draft.policy.trade {
                guard let site = flow.site, !ids.contains(site) else { continue }
                var message = "unknown site `\(site)` in `site`: it names no site of this file"
                if let guess = Suggestion.closest(to: site, in: draft.policy.sites.map(\.id)) { message += "; did you mean `\(guess)`?" }
                draft.referenceProblems.append((flow.siteMark ?? flow.mark, message))
            }
        })
}
