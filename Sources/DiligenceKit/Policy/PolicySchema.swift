/// Policy file format version 1: the one definition the loader validates against and that
/// `diligence schema` and the format reference are generated from.
public enum PolicySchema {
    static let locationObject = PolicyObject(
        name: "a location", summary: "WGS 84 coordinates in decimal degrees.", key: "location",
        fields: [
            .init("lat", .number(-90...90), required: true, "Latitude, -90 to 90 (south is negative).", example: "-10.79", into: \.point.lat),
            .init("lon", .number(-180...180), required: true, "Longitude, -180 to 180 (west is negative).", example: "40.51", into: \.point.lon),
        ], open: { draft, _ in draft.point = (nil, nil) },
        close: { draft, _ in
            if let lat = draft.point.lat, let lon = draft.point.lon { draft.site.location = Coordinate(lat: lat, lon: lon) }
        })
    public static let location = locationObject.schema

    static let staffObject = PolicyObject(
        name: "staff", summary: "Head count at the site.", key: "staff",
        fields: [
            .init("local", .integer(0...10_000_000), "Local staff.", example: "300", into: \.site.staffLocal),
            .init("expatriate", .integer(0...10_000_000), "Expatriate staff.", example: "40", into: \.site.staffExpatriate),
        ])
    public static let staff = staffObject.schema

    static let siteObject = PolicyObject(
        name: "a site", summary: "A physical place where the company operates.", uniqueKey: "id", key: "sites",
        example: """
            - id: afungi-camp
              name: Afungi LNG construction camp
              kind: construction-site
              country: MZ
              region: Cabo Delgado
              city: Palma
              location: { lat: -10.79, lon: 40.51 }
              staff: { local: 300, expatriate: 40 }
              depends_on: [internet, mobile-data, electricity, payments]
              continuity: [satellite-link, offline-procedures]
              security_provider: Dyck Advisory Group
            """,
        fields: [
            .init("id", .identifier, required: true, "Unique in the file; findings and accepted risks name it.", example: "afungi-camp", into: \.site.id),
            .init("name", .text, "Human-readable name.", example: "Afungi LNG construction camp", into: \.site.name),
            .init("kind", .term(.siteKinds), "What the site is.", example: "construction-site", into: \.site.kind),
            .init("country", .country, required: true, "ISO 3166-1 alpha-2 code (any case) or English name.", example: "MZ", into: \.site.country),
            .init("region", .text, "First-level subdivision (province, region, oblast).", example: "Cabo Delgado", into: \.site.region),
            .init("city", .text, "City or town.", example: "Palma", into: \.site.city),
            .init("location", object: locationObject, "Coordinates; enable distance checks.", example: "{ lat: -10.79, lon: 40.51 }"),
            .init("staff", object: staffObject, "Head count.", example: "{ local: 300, expatriate: 40 }"),
            .init(
                "depends_on", list: .term(.dependencies), "Services the site cannot work without.", example: "[internet, mobile-data, electricity]",
                into: \.site.dependsOn),
            .init("continuity", list: .term(.continuity), "Fallbacks in place.", example: "[satellite-link, offline-procedures]", into: \.site.continuity),
            .init(
                "security_provider", .text, "Security company guarding the site; screened like a counterparty.", example: "Dyck Advisory Group",
                into: \.site.securityProvider, mark: .at(\.site.securityProviderMark)),
            .init(
                "incorporated", .country,
                "Where the entity that runs the site is incorporated, when it is a local subsidiary rather than the company itself (a Malian subsidiary is bound by ECOWAS measures whatever its parent's jurisdiction). The site's findings judge bindingness for that entity.",
                example: "MZ", into: \.site.incorporated),
        ], open: { draft, mark in draft.site = Site(mark: mark) },
        close: { draft, _ in
            draft.site.dependsOn = PolicyContext.unique(draft.site.dependsOn)
            draft.site.continuity = PolicyContext.unique(draft.site.continuity)
            draft.policy.sites.append(draft.site)
        })
    public static let site = siteObject.schema

    static let tradeObject = PolicyObject(
        name: "a trade flow",
        summary:
            "Goods, or money alone, moving to or from a country. `country` is the partner country: an export to ML ships goods into Mali. The trade and financial rules judge every country the flow touches: the partner, `origin`, each `transit` country and `destination`; an end the flow does not name is the partner's side or, on the company's side, the company's own end: the country of the `site` it names, else the one country of the company's sites, else (no sites) its country of incorporation; with sites in several countries each is judged as a possible end and `not-assessed` asks which, and with neither sites nor `incorporated` the end is unknown (`not-assessed`).",
        uniqueKey: "id", key: "trade",
        example: """
            - id: mali-exports
              name: Spare parts to a Bamako distributor
              direction: export
              country: ML
              origin: FR
              transit: [SN]
              destination: ML
              goods: [industrial-machinery, medicines]
              hs_codes: ["8429", "3004"]
              payment: [bank-transfer]
            """,
        fields: [
            .init("id", .identifier, required: true, "Unique in the file.", example: "mali-exports", into: \.flow.id),
            .init("name", .text, "Human-readable name.", example: "Spare parts to Bamako distributor", into: \.flow.name),
            .init(
                "kind", .choice(TradeFlow.Kind.allCases.map(\.rawValue)),
                "What moves: `goods` (the default), or money alone: `payment` (fees, dividends, loans) or `remittance` (money sent to people). A payment or remittance declares no goods or HS codes; `export` sends the money to the partner country, `import` receives it.",
                example: "goods", into: \.flow.kind),
            .init(
                "direction", .choice(["export", "import"]), required: true, "export or import (for money alone: sent or received).", example: "export",
                into: \.flow.direction),
            .init("country", .country, required: true, "The partner country.", example: "ML", into: \.flow.country),
            .init(
                "origin", .country,
                "Where the goods come from, if not the exporter's country (the company's own end for an export, the partner for an import).",
                example: "FR", into: \.flow.origin),
            .init("transit", list: .country, "Countries the goods or money cross on the way, in order.", example: "[SN]", into: \.flow.transit),
            .init(
                "destination", .country,
                "Where the goods go, if not the importer's country (the partner for an export, the company's own end for an import).", example: "ML",
                into: \.flow.destination),
            .init(
                "site", .identifier,
                "The id of the site that trades the flow. Its country is the company's end of the flow (unless `origin` or `destination` names that end), and a site's `incorporated` makes its subsidiary the entity the measures are judged for. Without it, the company's end is the country of its sites when they are all in one country, else (no sites) where it is incorporated; with sites in several countries each is judged as a possible end and `not-assessed` asks which.",
                example: "bamako-office", into: \.flow.site, mark: .at(\.flow.siteMark)),
            .init("goods", list: .term(.goods), "Goods categories.", example: "[industrial-machinery, medicines]", into: \.flow.goods, mark: .at(\.goodsMark)),
            .init(
                "hs_codes", list: .digits, "Harmonized System codes, kept as strings.", example: "[\"8429\", \"3004\"]", into: \.flow.hsCodes,
                mark: .at(\.hsCodesMark)),
            .init(
                "payment", list: .term(.payments),
                "How the flow is paid: a closed vocabulary (bank transfer, letter of credit, documentary collection, open account, prepayment, card, mobile money, cheque, escrow, cash, barter, hawala, cryptocurrency and their synonyms); anything else is an error.",
                example: "[bank-transfer]", into: \.flow.payment),
        ],
        open: { draft, mark in
            draft.flow = TradeFlow(mark: mark)
            draft.goodsMark = nil
            draft.hsCodesMark = nil
        },
        close: { draft, context in
            let flow = draft.flow
            // A payment or remittance moves no goods: goods or HS codes on one are an error.
            if !flow.kind.movesGoods {
                for (key, count, mark) in [("goods", flow.goods.count, draft.goodsMark), ("hs_codes", flow.hsCodes.count, draft.hsCodesMark)] {
                    guard count > 0, let mark else { continue }
                    draft.moneyFlowProblems.append((mark, "a \(flow.kind.rawValue) moves no goods: remove `\(key)`, or declare the flow `kind: goods`"))
                }
            }
            // The declared goods, then a category for each HS code none of them covers.
            var goods = PolicyContext.unique(flow.goods)
            for code in flow.hsCodes {
                let categories = context.tables.goods(forHSCode: code, vocabularies: context.vocabularies)
                if !goods.contains(where: { categories.contains($0) }), let category = categories.first, !goods.contains(category) {
                    goods.append(category)
                }
            }
            draft.flow.goods = goods
            draft.flow.payment = PolicyContext.unique(flow.payment)
            draft.policy.trade.append(draft.flow)
        })
    public static let trade = tradeObject.schema

    static let counterpartyObject = PolicyObject(
        name: "a counterparty",
        summary: "A supplier, customer, provider or other party; its name and aliases are screened against listed persons and entities.", uniqueKey: "id",
        key: "counterparties",
        example: """
            - id: beltelecom
              name: Beltelecom
              country: BY
              role: internet-provider
              aliases: [Белтелеком]
            """,
        fields: [
            .init("id", .identifier, required: true, "Unique in the file.", example: "beltelecom", into: \.party.id),
            .init("name", .text, required: true, "Registered or usual name; screened against listed entities.", example: "Beltelecom", into: \.party.name),
            .init("country", .country, required: true, "Country of registration or operation.", example: "BY", into: \.party.country),
            .init("role", .term(.roles), "What the counterparty does for the company.", example: "internet-provider", into: \.party.role),
            .init("aliases", list: .text, "Other names, any script; screened too.", example: "[Белтелеком]", into: \.party.aliases),
            .init(
                "incorporated", .country,
                "Where the counterparty is incorporated, when it differs from `country` or to state it (ISO code or English name; `NO` is Norway). Screening weighs the match by it as well, findings name it, and it derives the regimes that bind the counterparty (as for the company).",
                example: "BY", into: \.party.incorporated),
            .init(
                "subject_to", list: .term(.regimes),
                "Sanctions regimes that bind the counterparty beyond those its incorporation derives: EU, US, UK, UN, ECOWAS. Findings say whether a measure binds the counterparty too (a bank bound by a halt will refuse the payment).",
                example: "[EU]", into: \.party.subjectTo),
        ], open: { draft, mark in draft.party = Counterparty(id: "", name: "", country: .unset, aliases: [], mark: mark) },
        close: { draft, _ in
            draft.party.subjectTo = PolicyContext.unique(draft.party.subjectTo)
            draft.policy.counterparties.append(draft.party)
        })
    public static let counterparty = counterpartyObject.schema

    static let travelObject = PolicyObject(
        name: "a travel entry", summary: "Staff travel to a country or city.", uniqueKey: "id", key: "travel",
        example: """
            - id: bamako-visits
              name: Distributor visits
              country: ML
              city: Bamako
              travellers: 3
              frequency: monthly
            """,
        fields: [
            .init("id", .identifier, required: true, "Unique in the file.", example: "bamako-visits", into: \.trip.id),
            .init("name", .text, "Human-readable name.", example: "Distributor visits", into: \.trip.name),
            .init("country", .country, required: true, "Destination country.", example: "ML", into: \.trip.country),
            .init(
                "city", .text,
                "Destination city, in any case, with or without diacritics, in any Latin or Cyrillic spelling GeoNames lists (`Мінск`, `Grodno`). It is located by the database's own places, then the built-in gazetteer; conflict-proximity and civil-unrest-travel judge the trip by where it is, and a city neither knows is reported as not-assessed.",
                example: "Bamako", into: \.trip.city),
            .init(
                "transit", list: .country,
                "Countries the travellers pass through on the way (a stop-over, a land route), in order; political-instability judges them two levels below a site there.",
                example: "[SN]", into: \.trip.transit),
            .init("travellers", .integer(1...1_000_000), "People travelling each time.", example: "3", into: \.trip.travellers),
            .init(
                "frequency", .choice(["once", "weekly", "monthly", "quarterly", "yearly", "ad-hoc"]), "How often.", example: "monthly", into: \.trip.frequency),
        ], open: { draft, mark in draft.trip = Travel(id: "", country: .unset, mark: mark) },
        close: { draft, _ in draft.policy.travel.append(draft.trip) })
    public static let travel = travelObject.schema

    static let acceptedRiskObject = PolicyObject(
        name: "an accepted risk",
        summary:
            "A finding that an accountable person accepted until a date. While it holds, the finding is reported as accepted and does not fail the gate; after `expires`, `expired-acceptance` fails the gate.",
        key: "accepted_risks",
        example: """
            - finding: shutdown-exposure/minsk-office
              reason: Offline runbook tested in Q3; satellite uplink on order
              approved_by: Head of Compliance
              expires: 2021-03-31
            """,
        fields: [
            .init(
                "finding", .text, required: true, "`rule/subject` (every factor) or `rule/subject/factor`, as reports print it.",
                example: "shutdown-exposure/minsk-office", into: \.risk.finding, mark: .at(\.findingMark)),
            .init("reason", .text, required: true, "Why the risk is accepted.", example: "Offline runbook tested in Q3", into: \.risk.reason),
            .init("approved_by", .text, required: true, "Who accepted it.", example: "Head of Compliance", into: \.risk.approvedBy),
            .init(
                "expires", .date, required: true, "Last day the acceptance holds.", example: "2021-03-31", into: \.risk.expires, mark: .at(\.risk.expiresMark)),
        ],
        open: { draft, mark in
            draft.risk = AcceptedRisk(finding: "", reason: "", approvedBy: "", expires: .unset, mark: mark, expiresMark: mark)
            draft.findingMark = nil
        },
        close: { draft, context in
            if let mark = draft.findingMark, let problem = PolicySchema.problem(finding: draft.risk.finding, ruleIDs: context.ruleIDs) {
                draft.findingProblems.append((mark, problem))
            }
            draft.policy.acceptedRisks.append(draft.risk)
        })
    public static let acceptedRisk = acceptedRiskObject.schema

    static let policyObject = PolicyObject(
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
            .init("sites", list: siteObject, "Physical places."),
            .init("trade", list: tradeObject, "Trade flows."),
            .init("counterparties", list: counterpartyObject, "Suppliers, customers, providers."),
            .init("travel", list: travelObject, "Staff travel."),
            .init("accepted_risks", list: acceptedRiskObject, "Known and accepted findings, each with an expiry."),
        ],
        close: { draft, _ in
            draft.policy.subjectTo = PolicyContext.unique(draft.policy.subjectTo)
            // A flow's `site` must name a site of the file (sites may follow the trade list).
            let ids = Set(draft.policy.sites.map(\.id))
            for flow in draft.policy.trade {
                guard let site = flow.site, !ids.contains(site) else { continue }
                var message = "unknown site `\(site)` in `site`: it names no site of this file"
                if let guess = Suggestion.closest(to: site, in: draft.policy.sites.map(\.id)) { message += "; did you mean `\(guess)`?" }
                draft.referenceProblems.append((flow.siteMark ?? flow.mark, message))
            }
        })
    public static let policy = policyObject.schema

    /// Why `finding` of an accepted risk names no finding: not `rule/subject` or
    /// `rule/subject/factor`, or a rule not in `ruleIDs`; nil when it is well formed.
    static func problem(finding: String, ruleIDs: [RuleID]) -> String? {
        let parts = finding.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            return "`finding` must be `rule/subject` or `rule/subject/factor`, found `\(finding)`"
        }
        let rule = String(parts[0])
        guard !ruleIDs.contains(RuleID(rule)) else { return nil }
        var message = "unknown rule `\(rule)` in `finding`"
        if let guess = Suggestion.closest(to: rule, in: ruleIDs.map(\.rawValue)) { message += "; did you mean `\(guess)`?" }
        return message
    }
}
