/// Policy file format version 1: the one definition the loader validates against and that
/// `diligence schema` and the format reference are generated from.
public enum PolicySchema {
    public static let location = ObjectSchema(name: "a location", summary: "WGS 84 coordinates in decimal degrees.", key: "location", fields: [
        Field("lat", .number(-90...90), required: true, "Latitude, -90 to 90 (south is negative).", example: "-10.79"),
        Field("lon", .number(-180...180), required: true, "Longitude, -180 to 180 (west is negative).", example: "40.51"),
    ])

    public static let staff = ObjectSchema(name: "staff", summary: "Head count at the site.", key: "staff", fields: [
        Field("local", .integer(0...10_000_000), "Local staff.", example: "300"),
        Field("expatriate", .integer(0...10_000_000), "Expatriate staff.", example: "40"),
    ])

    public static let site = ObjectSchema(name: "a site", summary: "A physical place where the company operates.", uniqueKey: "id", key: "sites", example: """
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
        """, fields: [
        Field("id", .identifier, required: true, "Unique in the file; findings and accepted risks name it.", example: "afungi-camp"),
        Field("name", .text, "Human-readable name.", example: "Afungi LNG construction camp"),
        Field("kind", .term(.siteKinds), "What the site is.", example: "construction-site"),
        Field("country", .country, required: true, "ISO 3166-1 alpha-2 code (any case) or English name.", example: "MZ"),
        Field("region", .text, "First-level subdivision (province, region, oblast).", example: "Cabo Delgado"),
        Field("city", .text, "City or town.", example: "Palma"),
        Field("location", .object(location), "Coordinates; enable distance checks.", example: "{ lat: -10.79, lon: 40.51 }"),
        Field("staff", .object(staff), "Head count.", example: "{ local: 300, expatriate: 40 }"),
        Field("depends_on", .list(.term(.dependencies)), "Services the site cannot work without.", example: "[internet, mobile-data, electricity]"),
        Field("continuity", .list(.term(.continuity)), "Fallbacks in place.", example: "[satellite-link, offline-procedures]"),
        Field("security_provider", .text, "Security company guarding the site; screened like a counterparty.", example: "Dyck Advisory Group"),
        Field("incorporated", .country, "Where the entity that runs the site is incorporated, when it is a local subsidiary rather than the company itself (a Malian subsidiary is bound by ECOWAS measures whatever its parent's jurisdiction). The site's findings judge bindingness for that entity.", example: "MZ"),
    ])

    public static let trade = ObjectSchema(name: "a trade flow", summary: "Goods, or money alone, moving to or from a country. `country` is the partner country: an export to ML ships goods into Mali. The trade and financial rules judge every country the flow touches: the partner, `origin`, each `transit` country and `destination`; an end the flow does not name is the partner's side or, on the company's side, every country the policy has a site in.", uniqueKey: "id", key: "trade", example: """
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
        """, fields: [
        Field("id", .identifier, required: true, "Unique in the file.", example: "mali-exports"),
        Field("name", .text, "Human-readable name.", example: "Spare parts to Bamako distributor"),
        Field("kind", .choice(TradeFlow.Kind.allCases.map(\.rawValue)), "What moves: `goods` (the default), or money alone: `payment` (fees, dividends, loans) or `remittance` (money sent to people). A payment or remittance declares no goods or HS codes; `export` sends the money to the partner country, `import` receives it.", example: "goods"),
        Field("direction", .choice(["export", "import"]), required: true, "export or import (for money alone: sent or received).", example: "export"),
        Field("country", .country, required: true, "The partner country.", example: "ML"),
        Field("origin", .country, "Where the goods come from, if not the exporter's country (the company's site countries for an export, the partner for an import).", example: "FR"),
        Field("transit", .list(.country), "Countries the goods or money cross on the way, in order.", example: "[SN]"),
        Field("destination", .country, "Where the goods go, if not the importer's country (the partner for an export, the company's site countries for an import).", example: "ML"),
        Field("goods", .list(.term(.goods)), "Goods categories.", example: "[industrial-machinery, medicines]"),
        Field("hs_codes", .list(.digits), "Harmonized System codes, kept as strings.", example: "[\"8429\", \"3004\"]"),
        Field("payment", .list(.term(.payments)), "How the flow is paid: a closed vocabulary (bank transfer, letter of credit, documentary collection, open account, prepayment, card, mobile money, cheque, escrow, cash, barter, hawala, cryptocurrency and their synonyms); anything else is an error.", example: "[bank-transfer]"),
    ])

    public static let counterparty = ObjectSchema(name: "a counterparty", summary: "A supplier, customer, provider or other party; its name and aliases are screened against listed persons and entities.", uniqueKey: "id", key: "counterparties", example: """
        - id: beltelecom
          name: Beltelecom
          country: BY
          role: internet-provider
          aliases: [Белтелеком]
        """, fields: [
        Field("id", .identifier, required: true, "Unique in the file.", example: "beltelecom"),
        Field("name", .text, required: true, "Registered or usual name; screened against listed entities.", example: "Beltelecom"),
        Field("country", .country, required: true, "Country of registration or operation.", example: "BY"),
        Field("role", .term(.roles), "What the counterparty does for the company.", example: "internet-provider"),
        Field("aliases", .list(.text), "Other names, any script; screened too.", example: "[Белтелеком]"),
    ])

    public static let travel = ObjectSchema(name: "a travel entry", summary: "Staff travel to a country or city.", uniqueKey: "id", key: "travel", example: """
        - id: bamako-visits
          name: Distributor visits
          country: ML
          city: Bamako
          travellers: 3
          frequency: monthly
        """, fields: [
        Field("id", .identifier, required: true, "Unique in the file.", example: "bamako-visits"),
        Field("name", .text, "Human-readable name.", example: "Distributor visits"),
        Field("country", .country, required: true, "Destination country.", example: "ML"),
        Field("city", .text, "Destination city, in any case, with or without diacritics, in any Latin or Cyrillic spelling GeoNames lists (`Мінск`, `Grodno`). It is located by the database's own places, then the built-in gazetteer; conflict-proximity and civil-unrest-travel judge the trip by where it is, and a city neither knows is reported as not-assessed.", example: "Bamako"),
        Field("travellers", .integer(1...1_000_000), "People travelling each time.", example: "3"),
        Field("frequency", .choice(["once", "weekly", "monthly", "quarterly", "yearly", "ad-hoc"]), "How often.", example: "monthly"),
    ])

    public static let acceptedRisk = ObjectSchema(name: "an accepted risk", summary: "A finding that an accountable person accepted until a date. While it holds, the finding is reported as accepted and does not fail the gate; after `expires`, `expired-acceptance` fails the gate.", key: "accepted_risks", example: """
        - finding: shutdown-exposure/minsk-office
          reason: Offline runbook tested in Q3; satellite uplink on order
          approved_by: Head of Compliance
          expires: 2021-03-31
        """, fields: [
        Field("finding", .text, required: true, "`rule/subject` (every factor) or `rule/subject/factor`, as reports print it.", example: "shutdown-exposure/minsk-office"),
        Field("reason", .text, required: true, "Why the risk is accepted.", example: "Offline runbook tested in Q3"),
        Field("approved_by", .text, required: true, "Who accepted it.", example: "Head of Compliance"),
        Field("expires", .date, required: true, "Last day the acceptance holds.", example: "2021-03-31"),
    ])

    public static let policy = ObjectSchema(name: "a policy file", summary: "What a company does where (policy format version 1).", example: """
        version: 1
        company: Acme Offshore Services Ltd
        owner: compliance@acme.example
        sector: energy-services
        reviewed: 2020-09-20
        incorporated: GB
        subject_to: [US]
        sites: []
        """, fields: [
        Field("version", .integer(1...1), required: true, "Format version; must be 1.", example: "1"),
        Field("company", .text, required: true, "Legal name of the company or business unit.", example: "Acme Offshore Services Ltd"),
        Field("owner", .text, "Accountable person or team.", example: "compliance@acme.example"),
        Field("sector", .text, "Business sector, a kebab-case word (telecommunications, mining, ...).", example: "energy-services"),
        Field("reviewed", .date, "When this file was last reviewed.", example: "2020-09-20"),
        Field("incorporated", .country, "Country where the company is incorporated (ISO code or English name; `NO` is Norway). It derives the sanctions regimes that bind the company: an EU member state binds it to EU measures, an ECOWAS member to ECOWAS measures, the United States to US measures, the United Kingdom to UK measures, every UN member to UN measures, and the country itself to its national measures. Without `incorporated` or `subject_to`, findings on measures say that bindingness was not assessed and treat the measure as binding.", example: "GB"),
        Field("subject_to", .list(.term(.regimes)), "Sanctions regimes that bind the company beyond those its incorporation derives (e.g. `US` for a company with US persons or USD business): EU, US, UK, UN, ECOWAS. Added to the derived ones, never removing them.", example: "[UK, UN, US]"),
        Field("sites", .list(.object(site)), "Physical places."),
        Field("trade", .list(.object(trade)), "Trade flows."),
        Field("counterparties", .list(.object(counterparty)), "Suppliers, customers, providers."),
        Field("travel", .list(.object(travel)), "Staff travel."),
        Field("accepted_risks", .list(.object(acceptedRisk)), "Known and accepted findings, each with an expiry."),
    ])
}
