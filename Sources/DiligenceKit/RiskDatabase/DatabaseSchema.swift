/// Risk database format: factor files, list files and the metadata file.
public enum DatabaseSchema {
    static let severityChoice = FieldType.choice(Severity.names)

    public static let reference = ObjectSchema(
        name: "a reference", summary: "A source that supports the record.", key: "references",
        example: """
            - source: MS Risk Blog
              title: The Belarus Crisis and its Implications for Eastern European Security and Businesses
              date: 2020-09
              quote: "On August 17, a 15-minute nationwide disruption was recorded"
            """,
        fields: [
            Field("source", .text, required: true, "Publisher; the `name` of a source in database.yaml.", example: "MS Risk Blog"),
            Field("title", .text, "Title of the article or document."),
            Field("date", .partialDate, "Publication date (YYYY, YYYY-MM or YYYY-MM-DD).", example: "2020-09"),
            Field("quote", .text, "A short quote that supports the fact."),
            Field("url", .text, "Where to read it."),
        ])

    static let inForce = ObjectSchema(
        name: "in_force", summary: "When the factor applies.", key: "in_force",
        fields: [
            Field("from", .date, required: true, "First day in force."),
            Field("until", .date, "Last day in force; omitted = still in force."),
        ])

    static let affects = ObjectSchema(
        name: "affects", summary: "What the factor affects.", key: "affects",
        fields: [
            Field("dependencies", .list(.term(.dependencies)), "Services that go down."),
            Field("goods", .list(.term(.goods)), "Restricted goods (omitted = all goods not exempted)."),
            Field("directions", .list(.choice(["export", "import"])), "Trade directions restricted."),
            Field(
                "payments", .list(.term(.payments)),
                "Payment methods halted; leave it out when every financial flow is halted (then payments outside the banking system are reported as a way round the halt)."
            ),
            Field("roles", .list(.term(.roles)), "Counterparty roles concerned."),
            Field("sectors", .list(.identifier), "Company sectors concerned."),
        ])

    static let exemptions = ObjectSchema(
        name: "exemptions", summary: "What the restriction spares.", key: "exemptions",
        fields: [
            Field("goods", .list(.term(.goods)), "Exempt goods categories.")
        ])

    static let area = ObjectSchema(
        name: "an area",
        summary:
            "A named point with a radius (`lat`, `lon`, `radius_km`), or a GeoJSON polygon file (`geojson`, with an optional `radius_km` margin around it).",
        key: "areas",
        example: """
            - { name: Mocímboa da Praia, lat: -11.3517, lon: 40.3516, radius_km: 50, located_by: "GeoNames 1024699 (CC BY 4.0)" }
            - { name: Cabo Delgado province, geojson: areas/mz-cabo-delgado.geojson, located_by: "hand-drawn outline" }
            """,
        fields: [
            Field("name", .text, required: true, "Place name."),
            Field("region", .text, "First-level subdivision the area stands for."),
            Field("lat", .number(-90...90), "Latitude of the centre (with `lon` and `radius_km`)."),
            Field("lon", .number(-180...180), "Longitude of the centre."),
            Field("radius_km", .number(0...5000), "Radius in kilometres; for a polygon, a margin around it (default 0)."),
            Field("geojson", .text, "A GeoJSON file (Polygon, MultiPolygon, Feature or FeatureCollection), relative to the database folder."),
            Field("located_by", .text, "Where the coordinates come from."),
        ])

    static let target = ObjectSchema(
        name: "a target", summary: "A likely target: a place with a radius, or kinds of site. A site that matches is raised one level.", key: "targets",
        example: """
            - { name: Afungi LNG project, lat: -10.83, lon: 40.62, radius_km: 25, site_kinds: [construction-site, plant, port] }
            - { name: Key infrastructure and supply lines, site_kinds: [port, warehouse] }
            """,
        fields: [
            Field("name", .text, required: true, "What is targeted."),
            Field("lat", .number(-90...90), "Latitude."),
            Field("lon", .number(-180...180), "Longitude."),
            Field("radius_km", .number(0...5000), "Radius in kilometres around the target."),
            Field("site_kinds", .list(.term(.siteKinds)), "Kinds of site that are targets."),
            Field("located_by", .text, "Where the coordinates come from."),
        ])

    static let event = ObjectSchema(
        name: "an event", summary: "A dated event. Events after the as-of date do not exist yet and are never cited.", key: "events",
        example: """
            - { date: 2020-08-12, what: "Insurgents capture the port town", place: Mocímboa da Praia, lat: -11.3517, lon: 40.3516 }
            - { date: 2020-08-09, until: 2020-08-11, what: "Near-total shutdown of mobile and fixed internet" }
            """,
        fields: [
            Field(
                "date", .partialDate, required: true,
                "When it happened (or began): `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the source gives only the month or year (the precision is kept and shown, never an invented day)."
            ),
            Field("until", .date, "When it ended."),
            Field("what", .text, required: true, "What happened."),
            Field("place", .text, "Where."),
            Field("lat", .number(-90...90), "Latitude."),
            Field("lon", .number(-180...180), "Longitude."),
            Field("located_by", .text, "Where the coordinates come from."),
            Field("fatalities", .integer(0...10_000_000), "People killed."),
            Field("id", .identifier, "The source's own id for the event (ACLED `event_id_cnty`), cited in findings."),
            Field("type", .text, "Event type (ACLED `event_type`; for shutdowns `full-network`, `throttling` or `service-based`)."),
            Field("sub_type", .text, "Event sub-type (ACLED `sub_event_type`)."),
            Field("actors", .list(.text), "Who took part, as the source names them; the importer adds the names readers know."),
            Field(
                "geo_precision", .integer(1...3),
                "How exact the coordinates are: 1 the place itself, 2 near it (within the district), 3 only the region (ACLED's scale)."),
            Field("region", .text, "Subdivisions (province, district) as the source gives them."),
            Field("scope", .choice(["national", "regional"]), "For shutdowns: the whole country, or some regions (named in `region`)."),
            Field("dependencies", .list(.term(.dependencies)), "For shutdowns: the services the event took down."),
            Field("source", .text, "Who reported it (ACLED's `source` column)."),
            Field("notes", .text, "The source's description."),
            Field(
                "quotes", .list(.integer(1...10_000)),
                "The factor's `references` that state the event, by their place in that list (the first is 1): the report shows the event with their quotes, and lists apart only the quotes no event uses."
            ),
        ])

    public static let factor = ObjectSchema(
        name: "a risk factor", summary: "A country risk factor: one per file, or several under `factors:`.", uniqueKey: "id",
        example: """
            id: DRF-2020-BY-0001
            kind: internet-shutdown
            title: State-ordered internet shutdowns around the 2020 presidential election
            country: BY
            in_force: { from: 2020-08-09 }
            reviewed: 2020-09-22
            severity: high
            affects:
              dependencies: [internet, mobile-data, messaging, payments, github, slack, google-docs]
            events:
              - { date: 2020-08-09, until: 2020-08-11, what: "Near-total shutdown of mobile and fixed internet" }
              - { date: 2020-08-17, what: "15-minute nationwide disruption" }
            references:
              - source: MS Risk Blog
                title: The Belarus Crisis and its Implications for Eastern European Security and Businesses
                date: 2020-09
                quote: "On August 17, a 15-minute nationwide disruption was recorded"
            recommendations:
              - Keep a satellite uplink and an offline runbook for a multi-day national shutdown
            """,
        fields: [
            Field("id", .identifier, required: true, "Stable id such as DRF-2020-BY-0001."),
            Field(
                "status", .choice(["draft"]),
                "`draft`: written by `db draft` and not yet reviewed; `validate` warns, `check` refuses the database until an analyst removes the line."),
            Field("kind", .choice(FactorKind.allCases.map(\.rawValue)), required: true, "What the factor is about."),
            Field("title", .text, required: true, "One line."),
            Field("summary", .text, "A few sentences."),
            Field("country", .country, required: true, "The country."),
            Field("in_force", .object(inForce), required: true, "When it applies."),
            Field("published", .date, "When the record was written."),
            Field("modified", .date, "When the record last changed."),
            Field("reviewed", .date, required: true, "When an analyst last confirmed it."),
            Field("severity", severityChoice, required: true, "Harm to a business exposed to it."),
            Field(
                "imposed_by", .list(.identifier),
                "For measures (sanctions, trade and financial restrictions, travel bans): who imposed it, as `listed_by` writes it: a regime (EU, US, UK, UN, ECOWAS, or a listing body such as US-OFAC) or a country code for a national measure. Rules say whether the measure binds the company (its regime imposed it, or it operates in the imposing territory) or is a secondary risk; without it, bindingness is not assessed."
            ),
            Field("affects", .object(affects), "What it affects."),
            Field("exemptions", .object(exemptions), "What it spares."),
            Field(
                "scope", .choice(["areas", "national"]),
                "`national`: the factor holds across its country, and its areas and located events are where it is worst; civil-unrest travel to another city of the country is reported one level lower. `areas` (the default): it holds only in its areas and near its events."
            ),
            Field("areas", .list(.object(area)), "Where it applies (place-bound factors)."),
            Field("targets", .list(.object(target)), "Named likely targets."),
            Field("events", .list(.object(event)), "Dated events."),
            Field("references", .list(.object(reference)), required: true, "Sources, each with a short quote."),
            Field("recommendations", .list(.text), "What an exposed business should do."),
            Field("notes", .text, "Analyst notes."),
        ])

    /// The `snapshot:` block of a file made by `db import`.
    static let snapshot = ObjectSchema(
        name: "a data snapshot",
        summary:
            "What a file made by `db import` holds: the source, the day of its snapshot, whether it is an excerpt, and the input files. Of several files of one source, the newest full snapshot is loaded (an excerpt yields to any full snapshot) and the others are superseded.",
        key: "snapshot",
        fields: [
            Field("source", .choice(SnapshotSource.allCases.map(\.rawValue)), required: true, "The published data set."),
            Field("date", .date, required: true, "The day of the snapshot (the publication or export date)."),
            Field("excerpt", .boolean, "Only a few entries of the source: any full snapshot of the source supersedes it."),
            Field("inputs", .list(.text), "The files it was made from, with their SHA-256."),
        ])

    public static let factorList = ObjectSchema(
        name: "a factor file",
        summary: "Several factors in one file, with the sources they cite when `database.yaml` does not declare them (what `db import` writes).",
        fields: [
            Field("snapshot", .object(snapshot), "The data snapshot the factors come from (files made by `db import`)."),
            Field("sources", .list(.object(source)), "Sources the factors cite, added to those of database.yaml."),
            Field("factors", .list(.object(factor)), required: true, "The factors."),
        ])

    public static let entity = ObjectSchema(
        name: "a listed entity", summary: "A listed person or organisation.", uniqueKey: "id", key: "entities",
        example: """
            - id: BY-TRAVELBAN-2020-0001
              name: Alexander Grigorievich Lukashenko
              aliases: [Aliaksandr Lukashenka, Александр Григорьевич Лукашенко]
              kind: person
              country: BY
              listed_by: [LT, LV, EE]
              programme: Travel bans on Belarusian officials, 2020
              measures: [travel-ban]
              since: 2020-08-31
            """,
        fields: [
            Field("id", .identifier, required: true, "Stable id."),
            Field("name", .text, required: true, "Primary name."),
            Field("aliases", .list(.text), "Other names and spellings, any script."),
            Field("kind", .choice(ListedEntity.Kind.allCases.map(\.rawValue)), required: true, "person, organisation, vessel or aircraft."),
            Field("country", .country, "Country of nationality or registration."),
            Field("listed_by", .list(.identifier), "Who lists it: EU, US-OFAC, UK, UN, ECOWAS or a country code."),
            Field("programme", .text, "Sanctions programme."),
            Field(
                "measures", .list(.choice(["travel-ban", "asset-freeze", "arms-embargo", "trade-ban", "pep"])),
                "Measures imposed; `pep` marks a politically exposed person (no restrictive measure: enhanced due diligence, not a prohibition)."),
            Field("role", .text, "The public function a politically exposed person holds, as the source names it."),
            Field("since", .date, "Listing date, when known (for a politically exposed person: the first day the source shows the role held)."),
            Field("references", .list(.object(reference)), "Sources."),
        ])

    public static let entityList = ObjectSchema(
        name: "a list file", summary: "Listed persons and entities.",
        fields: [
            Field("snapshot", .object(snapshot), "The data snapshot the entries come from (files made by `db import`)."),
            Field("entities", .list(.object(entity)), required: true, "The entries."),
        ])

    static let source = ObjectSchema(
        name: "a source", summary: "A data source; reports print the sources as their data snapshot table.", uniqueKey: "id", key: "sources",
        fields: [
            Field("id", .identifier, required: true, "Short id."),
            Field("name", .text, required: true, "Name as references cite it."),
            Field("date", .text, "Date or version of the snapshot."),
            Field("licence", .text, "Licence or attribution."),
            Field("url", .text, "Where it is published."),
            Field("file", .text, "The file of the database that holds it (`db import --into` records it)."),
            Field("inputs", .list(.text), "The published files it was imported from, with their SHA-256 (`db import --into` records them)."),
        ])

    static let databaseInfo = ObjectSchema(
        name: "database", summary: "About the database.", key: "database",
        fields: [
            Field("name", .text, required: true, "Name."),
            Field("version", .text, "Version."),
            Field("description", .text, "What it holds."),
            Field("maintainer", .text, "Who maintains it."),
        ])

    public static let metadata = ObjectSchema(
        name: "the database metadata file", summary: "`database.yaml`: the database's name, version and sources.",
        example: """
            database:
              name: diligence seed database
              version: "2020-09-22"
            sources:
              - { id: ms-risk-blog, name: MS Risk Blog, date: "2020-09", licence: "Short quotations for analysis" }
            """,
        fields: [
            Field("database", .object(databaseInfo), required: true, "About the database."),
            Field("sources", .list(.object(source)), "Its sources."),
        ])
}
