/// Risk database format: factor files, list files and the metadata file.
public enum DatabaseSchema {
    static let severityChoice = FieldType.choice(Severity.names)

    public static let reference = ObjectSchema(name: "a reference", summary: "A source that supports the record.", fields: [
        Field("source", .text, required: true, "Publisher; the `name` of a source in database.yaml.", example: "MS Risk Blog"),
        Field("title", .text, "Title of the article or document."),
        Field("date", .partialDate, "Publication date (YYYY, YYYY-MM or YYYY-MM-DD).", example: "2020-09"),
        Field("quote", .text, "A short quote that supports the fact."),
        Field("url", .text, "Where to read it."),
    ])

    static let inForce = ObjectSchema(name: "in_force", summary: "When the factor applies.", fields: [
        Field("from", .date, required: true, "First day in force."),
        Field("until", .date, "Last day in force; omitted = still in force."),
    ])

    static let affects = ObjectSchema(name: "affects", summary: "What the factor affects.", fields: [
        Field("dependencies", .list(.term(.dependencies)), "Services that go down."),
        Field("goods", .list(.term(.goods)), "Restricted goods (omitted = all goods not exempted)."),
        Field("directions", .list(.choice(["export", "import"])), "Trade directions restricted."),
        Field("payments", .list(.term(.payments)), "Payment methods halted."),
        Field("roles", .list(.term(.roles)), "Counterparty roles concerned."),
        Field("sectors", .list(.identifier), "Company sectors concerned."),
    ])

    static let exemptions = ObjectSchema(name: "exemptions", summary: "What the restriction spares.", fields: [
        Field("goods", .list(.term(.goods)), "Exempt goods categories."),
    ])

    static let area = ObjectSchema(name: "an area", summary: "A named point with a radius.", fields: [
        Field("name", .text, required: true, "Place name."),
        Field("region", .text, "First-level subdivision the area stands for."),
        Field("lat", .number(-90...90), required: true, "Latitude."),
        Field("lon", .number(-180...180), required: true, "Longitude."),
        Field("radius_km", .number(0...5000), required: true, "Radius in kilometres."),
        Field("located_by", .text, "Where the coordinates come from."),
    ])

    static let target = ObjectSchema(name: "a target", summary: "A likely target: a place, or kinds of site.", fields: [
        Field("name", .text, required: true, "What is targeted."),
        Field("lat", .number(-90...90), "Latitude."),
        Field("lon", .number(-180...180), "Longitude."),
        Field("radius_km", .number(0...5000), "Radius in kilometres around the target."),
        Field("site_kinds", .list(.term(.siteKinds)), "Kinds of site that are targets."),
        Field("located_by", .text, "Where the coordinates come from."),
    ])

    static let event = ObjectSchema(name: "an event", summary: "A dated event.", fields: [
        Field("date", .date, required: true, "When it happened (or began)."),
        Field("until", .date, "When it ended."),
        Field("what", .text, required: true, "What happened."),
        Field("place", .text, "Where."),
        Field("lat", .number(-90...90), "Latitude."),
        Field("lon", .number(-180...180), "Longitude."),
        Field("located_by", .text, "Where the coordinates come from."),
        Field("fatalities", .integer(0...10_000_000), "People killed."),
    ])

    public static let factor = ObjectSchema(name: "a risk factor", summary: "A country risk factor.", uniqueKey: "id", fields: [
        Field("id", .identifier, required: true, "Stable id such as DRF-2020-BY-0001."),
        Field("kind", .choice(FactorKind.allCases.map(\.rawValue)), required: true, "What the factor is about."),
        Field("title", .text, required: true, "One line."),
        Field("summary", .text, "A few sentences."),
        Field("country", .country, required: true, "The country."),
        Field("in_force", .object(inForce), required: true, "When it applies."),
        Field("published", .date, "When the record was written."),
        Field("modified", .date, "When the record last changed."),
        Field("reviewed", .date, required: true, "When an analyst last confirmed it."),
        Field("severity", severityChoice, required: true, "Harm to a business exposed to it."),
        Field("affects", .object(affects), "What it affects."),
        Field("exemptions", .object(exemptions), "What it spares."),
        Field("areas", .list(.object(area)), "Where it applies (place-bound factors)."),
        Field("targets", .list(.object(target)), "Named likely targets."),
        Field("events", .list(.object(event)), "Dated events."),
        Field("references", .list(.object(reference)), required: true, "Sources, each with a short quote."),
        Field("recommendations", .list(.text), "What an exposed business should do."),
        Field("notes", .text, "Analyst notes."),
    ])

    public static let factorList = ObjectSchema(name: "a factor file", summary: "Several factors in one file.", fields: [
        Field("factors", .list(.object(factor)), required: true, "The factors."),
    ])

    public static let entity = ObjectSchema(name: "a listed entity", summary: "A listed person or organisation.", uniqueKey: "id", fields: [
        Field("id", .identifier, required: true, "Stable id."),
        Field("name", .text, required: true, "Primary name."),
        Field("aliases", .list(.text), "Other names and spellings, any script."),
        Field("kind", .choice(ListedEntity.Kind.allCases.map(\.rawValue)), required: true, "person, organisation, vessel or aircraft."),
        Field("country", .country, "Country of nationality or registration."),
        Field("listed_by", .list(.identifier), "Who lists it: EU, US-OFAC, UK, UN, ECOWAS or a country code."),
        Field("programme", .text, "Sanctions programme."),
        Field("measures", .list(.choice(["travel-ban", "asset-freeze", "arms-embargo", "trade-ban"])), "Measures imposed."),
        Field("since", .date, "Listing date, when known."),
        Field("references", .list(.object(reference)), "Sources."),
    ])

    public static let entityList = ObjectSchema(name: "a list file", summary: "Listed persons and entities.", fields: [
        Field("entities", .list(.object(entity)), required: true, "The entries."),
    ])

    static let source = ObjectSchema(name: "a source", summary: "A data source.", uniqueKey: "id", fields: [
        Field("id", .identifier, required: true, "Short id."),
        Field("name", .text, required: true, "Name as references cite it."),
        Field("date", .text, "Date or version of the snapshot."),
        Field("licence", .text, "Licence or attribution."),
        Field("url", .text, "Where it is published."),
    ])

    static let databaseInfo = ObjectSchema(name: "database", summary: "About the database.", fields: [
        Field("name", .text, required: true, "Name."),
        Field("version", .text, "Version."),
        Field("description", .text, "What it holds."),
        Field("maintainer", .text, "Who maintains it."),
    ])

    public static let metadata = ObjectSchema(name: "the database metadata file", summary: "database.yaml", fields: [
        Field("database", .object(databaseInfo), required: true, "About the database."),
        Field("sources", .list(.object(source)), "Its sources."),
    ])
}
