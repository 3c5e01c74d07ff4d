import Foundation

/// Reads an ACLED (Armed Conflict Location & Event Data) CSV export into risk factors.
///
/// - Columns are found by name, in any order; extra columns (`disorder_type`, `iso3`,
///   `timestamp`, ...) are ignored. Required: `event_id_cnty`, `event_date`, `event_type`,
///   `latitude`, `longitude`, and `iso` (ISO 3166-1 numeric) or `country`.
/// - A UTF-8 byte order mark is skipped; dates may be `2020-08-12`, `20200812`, `12-Aug-20` or
///   `12 August 2020` (the `year` column settles two-digit years and must agree).
/// - Political violence (Battles, Explosions/Remote violence, Violence against civilians) becomes
///   one `armed-conflict` factor per country, `ACLED-<CC>-CONFLICT`; demonstrations (Protests,
///   Riots) one `civil-unrest` factor, `ACLED-<CC>-UNREST`. Strategic developments are not
///   violence and are counted, not imported.
/// - Each event keeps its `event_id_cnty` (as `id`), date, type and sub-type, actors (ACLED's names;
///   `what` adds the names readers know, from `ActorAliases`), fatalities, geo precision, place,
///   admin1/admin2, coordinates, source and notes.
/// - Every bad row is reported at once, located at its field.
public struct ACLEDImporter: Sendable {
    public let countries: CountryTable
    public let actors: ActorAliases
    /// The date of the export, for `reviewed` and the references; default: the newest event.
    public var snapshotDate: Day?

    static let violence = ["battles", "explosions/remote violence", "violence against civilians"]
    static let demonstrations = ["protests", "riots"]
    static let strategic = "strategic developments"

    public init(countries: CountryTable, actors: ActorAliases, snapshotDate: Day? = nil) {
        self.countries = countries
        self.actors = actors
        self.snapshotDate = snapshotDate
    }

    /// The ISO numeric → alpha-2 table (`Resources/countries-numeric.tsv`).
    static func numericCodes() throws(InputError) -> [Int: String] {
        let (bytes, _) = try BuiltinResources.data("countries-numeric.tsv")
        var table: [Int: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            if parts.count == 2, let number = Int(parts[0]) { table[number] = String(parts[1]) }
        }
        return table
    }

    struct Row {
        var event: RiskEvent
        var country: Country
        var category: FactorKind
        var line: Int
    }

    public func importFile(bytes: [UInt8], file: String) throws(InputError) -> ImportedFactors {
        let csv = try CSVReader(bytes: bytes, file: file, emptyLacks: "no header and no events")
        let table = try HeadedCSV(csv: csv, headerIndex: 0)
        let numeric = try Self.numericCodes()
        let name = (file as NSString).lastPathComponent
        func column(_ names: String...) -> Int? { table.column(names) }
        let id = column("event_id_cnty"), date = column("event_date"), type = column("event_type")
        let lat = column("latitude"), lon = column("longitude"), iso = column("iso"), countryColumn = column("country")
        var missing: [String] = []
        if id == nil { missing.append("event_id_cnty") }
        if date == nil { missing.append("event_date") }
        if type == nil { missing.append("event_type") }
        if lat == nil { missing.append("latitude") }
        if lon == nil { missing.append("longitude") }
        if iso == nil && countryColumn == nil { missing.append("iso or country") }
        if !missing.isEmpty {
            let found = table.names.prefix(12).map { "`\($0.trimmingCharacters(in: .whitespaces))`" }.joined(separator: ", ")
            throw InputError(
                SourceLocation(file: file, line: table.header.line, column: 1),
                "not an ACLED export: missing column(s) \(missing.joined(separator: ", ")); the header has \(found)\(table.names.count > 12 ? ", ..." : "")")
        }
        let year = column("year"), subType = column("sub_event_type")
        let actor1 = column("actor1"), actor2 = column("actor2"), assoc1 = column("assoc_actor_1"), assoc2 = column("assoc_actor_2")
        let admin1 = column("admin1"), admin2 = column("admin2"), admin3 = column("admin3"), location = column("location")
        let timestamp = column("timestamp")
        var newestEdit: Int?
        let precision = column("geo_precision"), fatalities = column("fatalities"), notes = column("notes"), source = column("source")

        var rows: [Row] = []
        var problems: [Diagnostic] = []
        var firstLine: [String: Int] = [:]
        var strategicCount = 0
        let expected = table.names.count
        for record in table.rows {
            if problems.count > 1000 { break }
            func problem(_ column: Int?, _ message: String) {
                problems.append(Diagnostic(record.location(column ?? 0, file: file), .error, message))
            }
            guard record.fields.count == expected else {
                problem(
                    record.fields.count > expected ? expected : max(0, record.fields.count - 1),
                    "expected \(expected) fields as in the header, found \(record.fields.count)")
                continue
            }
            func value(_ column: Int?) -> String? { HeadedCSV.value(record, column) }
            // ACLED's `timestamp`: when the event was last edited (Unix seconds); the newest dates the export.
            if let text = value(timestamp), let seconds = Int(text), seconds > 0 { newestEdit = max(newestEdit ?? seconds, seconds) }
            guard let eventID = value(id) else { problem(id, "event_id_cnty is empty"); continue }
            guard FieldType.isIdentifier(eventID) else {
                problem(id, "event_id_cnty `\(eventID)` may hold only letters, digits and . _ : / -")
                continue
            }
            var ok = true
            // An optional whole-number column: its value in `range`, or nil (and a problem when
            // the cell is not empty).
            func integer(_ column: Int?, _ range: ClosedRange<Int>, parse: (String) -> Int? = { Int($0) }, _ message: (String) -> String) -> Int? {
                guard let text = value(column) else { return nil }
                if let number = parse(text), range.contains(number) { return number }
                problem(column, message(text))
                ok = false
                return nil
            }
            let yearValue = integer(year, 1900...2200) { "year `\($0)` is not a year" }
            let dateText = value(date) ?? ""
            let day = ImportDates.parse(dateText, year: yearValue)
            if day == nil {
                problem(date, dateText.isEmpty ? "event_date is empty" : "event_date `\(dateText)` is not a date (\(ImportDates.accepted))")
                ok = false
            } else if let day, let yearValue, day.year != yearValue {
                problem(date, "event_date \(day) is not in the row's year \(yearValue)")
                ok = false
            }
            var coordinate: Coordinate?
            let latText = value(lat) ?? "", lonText = value(lon) ?? ""
            let latValue = SchemaValidator.decimalNumber(latText), lonValue = SchemaValidator.decimalNumber(lonText)
            if let latValue, (-90...90).contains(latValue), let lonValue, (-180...180).contains(lonValue) {
                coordinate = Coordinate(lat: latValue, lon: lonValue)
            } else {
                if latValue.map({ (-90...90).contains($0) }) != true { problem(lat, "latitude `\(latText)` is not a number from -90 to 90") }
                if lonValue.map({ (-180...180).contains($0) }) != true { problem(lon, "longitude `\(lonText)` is not a number from -180 to 180") }
                ok = false
            }
            let killed = integer(fatalities, 0...10_000_000, parse: SchemaValidator.decimalInteger) { "fatalities `\($0)` is not a whole number from 0" }
            let geoPrecision = integer(precision, 1...3) { "geo_precision `\($0)` must be 1, 2 or 3" }
            // The country: ACLED's ISO numeric code, else its name; both must agree when both resolve.
            var country: Country?
            // ACLED codes Kosovo, which has no ISO numeric code, as iso 0: the name then decides.
            if let text = value(iso), !(text == "0" && value(countryColumn) != nil) {
                guard let number = Int(text), let code = numeric[number], let found = countries.country(code: code) else {
                    problem(iso, "iso `\(text)` is not an ISO 3166-1 numeric country code"); continue
                }
                country = found
            }
            if let text = value(countryColumn) {
                let named = countries.resolve(text)
                if let named, let country, named != country {
                    problem(countryColumn, "country `\(text)` is \(named.code), but iso says \(country.code)"); ok = false
                }
                if country == nil {
                    guard let named else { problem(countryColumn, "unknown country `\(text)`"); continue }
                    country = named
                }
            }
            guard let country else { problem(iso ?? countryColumn, "no country: iso and country are empty"); continue }
            let eventType = value(type) ?? ""
            let typeKey = eventType.lowercased()
            let category: FactorKind
            if Self.violence.contains(typeKey) {
                category = .armedConflict
            } else if Self.demonstrations.contains(typeKey) {
                category = .civilUnrest
            } else if typeKey == Self.strategic {
                strategicCount += 1
                continue
            } else {
                problem(
                    type,
                    "event_type `\(eventType)` is not an ACLED event type (Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments)"
                )
                continue
            }
            if let first = firstLine[eventID] {
                problem(id, "duplicate event_id_cnty `\(eventID)` (also on line \(first))")
                continue
            }
            firstLine[eventID] = record.line
            guard ok, let day else { continue }
            let actorNames = [actor1, assoc1, actor2, assoc2].compactMap { value($0) }
                .flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
            var seen = Set<String>()
            let uniqueActors = actorNames.filter { seen.insert($0).inserted }
            let place = value(location)
            let sub = value(subType)
            var what = sub.map { "\($0) (\(eventType))" } ?? eventType
            if let first = value(actor1) {
                what += ": " + actors.display(first)
                if let second = value(actor2) { what += " vs " + actors.display(second) }
            }
            if let place { what += " at \(place)" }
            var event = RiskEvent(
                date: day, what: what, place: place, location: coordinate,
                locatedBy: "ACLED" + (geoPrecision.map { " (geo_precision \($0))" } ?? ""), fatalities: killed)
            event.id = eventID
            event.type = eventType
            event.subType = sub
            event.actors = uniqueActors
            event.geoPrecision = geoPrecision
            var regions: [String] = []
            for name in [value(admin1), value(admin2), value(admin3)].compactMap({ $0 }) where regions.last != name { regions.append(name) }
            event.region = regions.isEmpty ? nil : regions.joined(separator: " / ")
            event.source = value(source)
            event.notes = value(notes)
            rows.append(Row(event: event, country: country, category: category, line: record.line))
        }
        if !problems.isEmpty { throw InputError(problems) }
        if rows.isEmpty {
            throw InputError(
                SourceLocation(file: file, line: table.header.line, column: 1),
                strategicCount > 0 ? "no violent or demonstration events: only \(strategicCount) strategic developments" : "no events after the header")
        }
        let newest = rows.map(\.event.date).max() ?? Day(ordinal: 0)
        let edited = newestEdit.map { Day(ordinal: $0 / 86_400) }
        let reviewed = snapshotDate ?? edited ?? newest
        let sourceEntry = DataSource(
            id: "acled", name: "ACLED",
            date: snapshotDate.map { "export of \($0)" } ?? edited.map { "export \(name), last edited \($0), events up to \(newest)" }
                ?? "export \(name), events up to \(newest)",
            licence:
                "ACLED terms of use: attribution to the Armed Conflict Location & Event Data Project (ACLED), acleddata.com; no redistribution of the data",
            url: "https://acleddata.com")
        var factors: [RiskFactor] = []
        let grouped = Dictionary(grouping: rows) { "\($0.country.code)|\($0.category.rawValue)" }
        for key in grouped.keys.sorted() {
            guard let group = grouped[key], let first = group.first else { continue }
            let events = group.map(\.event).sorted { ($0.date, $0.id ?? "") < ($1.date, $1.id ?? "") }
            factors.append(factor(first.country, first.category, events, reviewed: reviewed, file: name))
        }
        let conflictCount = rows.filter { $0.category == .armedConflict }.count
        let header = [
            "ACLED events imported by `diligence db import --from acled` from \(name)" + (snapshotDate.map { " (export of \($0))" } ?? "") + ".",
            "Data: Armed Conflict Location & Event Data Project (ACLED), acleddata.com. ACLED's terms of use require attribution",
            "and forbid redistributing its data: keep this file out of public repositories.",
            "Political violence became armed-conflict factors, protests and riots civil-unrest factors; \(strategicCount) strategic developments were not imported.",
        ]
        let summary = [
            "\(rows.count) events (\(conflictCount) political violence, \(rows.count - conflictCount) demonstrations) in \(factors.count) factor(s) for \(Set(rows.map(\.country.code)).sorted().joined(separator: ", ")); \(strategicCount) strategic developments skipped"
        ]
        var imported = ImportedFactors(factors: factors, sources: [sourceEntry], header: header, summary: summary)
        imported.snapshot = DataSnapshot(source: .acled, date: reviewed)
        return imported
    }

    func factor(_ country: Country, _ kind: FactorKind, _ events: [RiskEvent], reviewed: Day, file: String) -> RiskFactor {
        let killed = events.reduce(0) { $0 + ($1.fatalities ?? 0) }
        let first = events.first?.date ?? reviewed, last = events.last?.date ?? reviewed
        var counts: [String: Int] = [:]
        for event in events { for actor in event.actors { counts[actor, default: 0] += 1 } }
        let top = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map { actor, count -> String in
            var text = actor
            if let entry = actors.entry(for: actor) {
                text += " (known as " + ([entry.knownAs] + entry.otherNames).joined(separator: ", ") + ")"
            }
            return "\(text): \(count) event\(count == 1 ? "" : "s")"
        }
        let conflict = kind == .armedConflict
        let what = conflict ? "political violence" : "demonstrations"
        var summary = "\(events.count) ACLED \(what) events in \(country.name) from \(first) to \(last), \(killed) reported fatalities."
        if !top.isEmpty { summary += " Main actors: " + top.joined(separator: "; ") + "." }
        summary +=
            conflict
            ? " Severity: \(killed > 0 ? "critical, because the events killed people" : "high: armed violence without reported deaths")."
            : " Severity: \(killed > 0 ? "high, because demonstrations turned deadly" : "medium")."
        let severity: Severity = conflict ? (killed > 0 ? .critical : .high) : (killed > 0 ? .high : .medium)
        let reference = Reference(
            source: "ACLED", title: "ACLED export \(file): \(events.count) \(what) events in \(country.name), \(first) to \(last)",
            date: PartialDate(reviewed.description), quote: nil, url: "https://acleddata.com")
        let recommendations =
            conflict
            ? [
                "Review the security plan of every site within 100 km of recent events with its security provider: access control, movement restrictions, evacuation routes and triggers.",
                "Refresh the ACLED import at least monthly and re-run the check: conflict data ages quickly.",
            ]
            : ["Plan staff movements around announced demonstrations and keep travellers away from rally points."]
        return RiskFactor(
            id: "ACLED-\(country.code)-\(conflict ? "CONFLICT" : "UNREST")", kind: kind,
            title: conflict ? "Political violence in \(country.name) recorded by ACLED" : "Protests and riots in \(country.name) recorded by ACLED",
            summary: summary, country: country, inForceFrom: first, inForceUntil: nil, published: reviewed, modified: reviewed,
            reviewed: reviewed, severity: severity, affects: Affects(), exemptGoods: [], areas: [], targets: [], events: events,
            references: [reference], recommendations: recommendations,
            notes:
                "Imported from \(file) by diligence db import --from acled. Coordinates are ACLED's: geo_precision 1 is the place itself, 2 a nearby place in the same district, 3 the district or province centre.",
            file: file, mark: Mark(line: 1, column: 1))
    }
}
