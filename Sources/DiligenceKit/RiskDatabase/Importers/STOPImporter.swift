import Foundation

/// Reads the Access Now #KeepItOn STOP (Shutdown Tracker Optimization Project) CSV into
/// `internet-shutdown` factors.
///
/// - The header may follow title lines (STOP exports put a title on the first line); it is the
///   first of the first five records that names a start date and a country. Column names are
///   compared trimmed and folded (`"start_date "`, `Start date` and `start date` are one), in any
///   order, extra columns ignored.
/// - Dates: as `ImportDates` reads them; slashed dates are month first unless a day over 12 shows
///   the file is day first.
/// - Geographic scope: `national` or `regional` (sub-national, local, "Level 2"...). A national
///   shutdown joins the country's `STOP-<CC>-NATIONAL` factor; regional ones `STOP-<CC>-REGIONAL`,
///   with the areas in each event's `region` (the shutdown-exposure rule matches them to a site's
///   region or city).
/// - Shutdown type: full network, throttling or service-based (several: the most severe wins).
///   A full network shutdown or throttling takes down the networks named (mobile → `mobile-data`,
///   broadband or fixed → `internet`; both when none is named), and so every dependency that needs
///   them; a service-based one takes down the services named, mapped to the `dependencies`
///   vocabulary (Facebook, Twitter → `independent-media`, WhatsApp → `whatsapp`, ...), from an
///   affected-services column or from per-service yes/no columns (`facebook_affected`...).
///   Services the vocabulary does not know are kept in the event's description and counted.
public struct STOPImporter: Sendable {
    public let countries: CountryTable
    public let vocabularies: Vocabularies
    /// The date of the export, for `reviewed` and the references; default: the newest date.
    public var snapshotDate: Day?

    public init(countries: CountryTable, vocabularies: Vocabularies, snapshotDate: Day? = nil) {
        self.countries = countries
        self.vocabularies = vocabularies
        self.snapshotDate = snapshotDate
    }

    enum ShutdownType: Int, Comparable {
        case serviceBased = 0
        case throttling = 1
        case fullNetwork = 2

        var name: String { ["service-based", "throttling", "full-network"][rawValue] }
        var label: String { ["Service-based shutdown", "Throttling", "Full network shutdown"][rawValue] }
        static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        static func parse(_ text: String) -> ShutdownType? {
            let parts = text.lowercased().split(whereSeparator: { ",;/&+".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            var found: [ShutdownType] = []
            for part in parts where !part.isEmpty {
                if part.contains("full") || part.contains("blackout") || part == "network" || part.contains("total") {
                    found.append(.fullNetwork)
                } else if part.contains("throttl") || part.contains("bandwidth") || part.contains("slow") {
                    found.append(.throttling)
                } else if part.contains("service") || part.contains("social") || part.contains("block") || part.contains("platform") {
                    found.append(.serviceBased)
                } else {
                    return nil
                }
            }
            return found.max()
        }
    }

    static func isNational(_ text: String) -> Bool? {
        let key = text.lowercased()
        if key.contains("sub") || key.contains("regional") || key.contains("local") || key.contains("state") || key.contains("province")
            || key.contains("city") || key.contains("level 2") || key.contains("level 3") || key.contains("partial") {
            return false
        }
        if key.contains("national") || key.contains("nationwide") || key.contains("country") || key.contains("level 1") { return true }
        return nil
    }

    static let yes: Set<String> = ["yes", "y", "true", "1", "x", "affected"]
    static let no: Set<String> = ["", "no", "n", "false", "0", "none", "n/a", "na", "-", "unknown"]

    struct Row {
        var event: RiskEvent
        var country: Country
        var national: Bool
        var type: ShutdownType
    }

    public func importFile(bytes: [UInt8], file: String) throws(InputError) -> ImportedFactors {
        let csv = try CSVReader(bytes: bytes, file: file)
        guard !csv.records.isEmpty else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "empty file: no header and no shutdowns")
        }
        // The header: the first record (of the first five) naming a start date and a country.
        let headerIndex = csv.records.prefix(5).firstIndex { record in
            let names = record.fields.map(HeadedCSV.normalise)
            return names.contains { $0.split(separator: "_").contains("country") }
                && names.contains { $0.split(separator: "_").contains("start") || $0 == "date" }
        }
        guard let headerIndex else {
            throw InputError(SourceLocation(file: file, line: csv.records[0].line, column: 1),
                             "not a STOP export: no header naming a start date and a country in the first five lines")
        }
        let table = try HeadedCSV(csv: csv, headerIndex: headerIndex)
        let normalised = table.names.map(HeadedCSV.normalise)
        func column(_ exact: [String], tokens: (Set<String>) -> Bool = { _ in false }) -> Int? {
            if let found = table.column(exact) { return found }
            return normalised.firstIndex { tokens(Set($0.split(separator: "_").map(String.init))) }
        }
        let start = column(["start_date", "start", "date_start", "shutdown_start", "date"]) { $0.contains("start") }
        let end = column(["end_date", "end", "date_end", "shutdown_end"]) { $0.contains("end") }
        let countryColumn = column(["country"]) { $0.contains("country") }
        let scope = column(["geo_scope", "geographic_scope", "scope"]) { $0.contains("scope") }
        let type = column(["shutdown_type", "type_of_shutdown", "type"]) { $0.contains("type") && $0.contains("shutdown") }
        let extent = column(["shutdown_extent", "extent"])
        let services = column(["affected_services", "services_affected", "services", "affected_service", "service_affected"]) {
            $0.contains("services") && !$0.contains("affected") || ($0.contains("services") && $0.contains("affected"))
        }
        let networks = column(["affected_network", "affected_networks", "networks_affected", "networks", "network"]) {
            $0.contains("network") || $0.contains("networks")
        }
        let area = column(["area_name", "area", "areas", "affected_area", "affected_areas", "region", "regions"])
        let idColumn = column(["id", "shutdown_id", "stop_id"])
        let cause = column(["actual_cause", "cause", "reason"])
        let justification = column(["gov_justification", "official_justification", "government_justification", "justification"])
        let orderedBy = column(["ordered_by", "decision_maker"])
        let link = column(["an_link", "news_link", "info_source_link", "source_link", "source", "link"])
        // Yes/no columns per service: facebook_affected, whatsapp_affected, ...
        let serviceFlags: [(name: String, column: Int)] = normalised.enumerated().compactMap { index, name in
            guard name.hasSuffix("_affected"), index != services, index != networks else { return nil }
            let service = String(name.dropLast("_affected".count))
            return service.isEmpty || service == "services" || service == "network" ? nil : (service, index)
        }
        var missing: [String] = []
        if start == nil { missing.append("start date") }
        if countryColumn == nil { missing.append("country") }
        if scope == nil { missing.append("geographic scope") }
        if type == nil { missing.append("shutdown type") }
        if !missing.isEmpty {
            throw InputError(SourceLocation(file: file, line: table.header.line, column: 1),
                             "not a STOP export: missing column(s) \(missing.joined(separator: ", ")); the header has "
                             + table.names.prefix(12).map { "`\($0.trimmingCharacters(in: .whitespaces))`" }.joined(separator: ", "))
        }
        let dateTexts = table.rows.flatMap { [HeadedCSV.value($0, start), HeadedCSV.value($0, end)].compactMap { $0 } }
        let (slashOrder, _) = ImportDates.slashOrder(dateTexts)
        let dependencies = vocabularies[.dependencies]
        var rows: [Row] = []
        var problems: [Diagnostic] = []
        var unknownServices: [String: Int] = [:]
        var skippedBlank = 0
        let expected = table.names.count
        for record in table.rows {
            if problems.count > 1000 { break }
            func problem(_ column: Int?, _ message: String) {
                problems.append(Diagnostic(record.location(column ?? 0, file: file), .error, message))
            }
            func value(_ column: Int?) -> String? { HeadedCSV.value(record, column) }
            // Spreadsheet exports end with rows of empty cells: skip them.
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { skippedBlank += 1; continue }
            guard record.fields.count <= expected || record.fields.dropFirst(expected).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                problem(expected, "expected \(expected) fields as in the header, found \(record.fields.count)")
                continue
            }
            var ok = true
            let startText = value(start) ?? ""
            let startDay = ImportDates.parse(startText, slash: slashOrder)
            if startDay == nil {
                problem(start, startText.isEmpty ? "start date is empty" : "start date `\(startText)` is not a date (\(ImportDates.accepted), or 7/10/2020)")
                ok = false
            }
            var endDay: Day?
            if let text = value(end), !["ongoing", "n/a", "na", "unknown", "-"].contains(text.lowercased()) {
                endDay = ImportDates.parse(text, slash: slashOrder)
                if endDay == nil { problem(end, "end date `\(text)` is not a date (\(ImportDates.accepted), or 7/10/2020)"); ok = false }
            }
            if let startDay, let endDay, endDay < startDay {
                problem(end, "end date \(endDay) is before the start date \(startDay)"); ok = false
            }
            let countryText = value(countryColumn) ?? ""
            let country = countries.resolve(countryText)
            if country == nil {
                problem(countryColumn, countryText.isEmpty ? "country is empty" : "unknown country `\(countryText)`"); ok = false
            }
            let scopeText = value(scope) ?? ""
            let national = Self.isNational(scopeText)
            if national == nil {
                problem(scope, scopeText.isEmpty ? "geographic scope is empty" : "geographic scope `\(scopeText)` is neither national nor regional"); ok = false
            }
            let typeText = [value(type), value(extent)].compactMap { $0 }.joined(separator: ", ")
            let shutdownType = ShutdownType.parse(typeText)
            if shutdownType == nil {
                problem(type, typeText.isEmpty ? "shutdown type is empty" : "shutdown type `\(typeText)` is not full network, throttling or service-based"); ok = false
            }
            var identifier: String?
            if let text = value(idColumn) {
                if FieldType.isIdentifier(text) { identifier = "STOP-\(text)" } else { problem(idColumn, "id `\(text)` may hold only letters, digits and . _ : / -"); ok = false }
            }
            guard ok, let startDay, let country, let national, let shutdownType else { continue }
            // Services named, from the list column and from yes/no columns.
            var named = (value(services) ?? "").split(whereSeparator: { ",;/\n".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !["none", "n/a", "na", "-", "all"].contains($0.lowercased()) }
            for flag in serviceFlags {
                let text = value(flag.column) ?? ""
                if Self.yes.contains(text.lowercased()) {
                    named.append(flag.name.replacingOccurrences(of: "_", with: " "))
                } else if !Self.no.contains(text.lowercased()) {
                    // `other_affected` and the like name the services themselves.
                    named += text.split(whereSeparator: { ",;/\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
            }
            var seen = Set<String>()
            named = named.filter { seen.insert($0.lowercased()).inserted }
            var affected: [String] = []
            var unknown: [String] = []
            for service in named {
                if let id = dependencies.resolve(service) ?? dependencies.resolve(service.replacingOccurrences(of: " ", with: "-")) {
                    if !affected.contains(id) { affected.append(id) }
                } else if ["sms", "phone call", "phone calls", "calls", "voice"].contains(service.lowercased()) {
                    if !affected.contains("mobile-voice") { affected.append("mobile-voice") }
                } else {
                    unknown.append(service)
                    unknownServices[service, default: 0] += 1
                }
            }
            let networkText = (value(networks) ?? "").lowercased()
            var networkDependencies: [String] = []
            if networkText.contains("mobile") || networkText.contains("cellular") { networkDependencies.append("mobile-data") }
            if networkText.contains("broadband") || networkText.contains("fixed") || networkText.contains("fibre") || networkText.contains("fiber") || networkText.contains("landline") {
                networkDependencies.append("internet")
            }
            if networkDependencies.isEmpty { networkDependencies = ["internet", "mobile-data"] }
            if shutdownType != .serviceBased {
                affected = networkDependencies + affected.filter { !networkDependencies.contains($0) }
            } else if affected.isEmpty {
                // A service-based block that names no known service: the platforms are unknown.
                affected = []
            }
            var what = "\(shutdownType.label) (\(national ? "national" : "regional"))"
            if shutdownType != .serviceBased, let text = value(networks) { what += " of \(text.lowercased()) networks" }
            if !named.isEmpty { what += (shutdownType == .serviceBased ? ": " : "; services affected: ") + named.joined(separator: ", ") + (shutdownType == .serviceBased ? " blocked" : "") }
            if let text = value(cause) { what += "; cause: \(text)" }
            if let text = value(orderedBy) { what += "; ordered by \(text)" }
            var event = RiskEvent(date: startDay, until: endDay, what: what, place: national ? nil : value(area))
            event.id = identifier
            event.type = shutdownType.name
            event.scope = national ? "national" : "regional"
            event.region = national ? nil : value(area)
            event.dependencies = affected
            event.source = value(link)
            let noteParts = [value(justification).map { "official justification: \($0)" },
                             unknown.isEmpty ? nil : "services not in the dependencies vocabulary: \(unknown.joined(separator: ", "))"].compactMap { $0 }
            event.notes = noteParts.isEmpty ? nil : noteParts.joined(separator: "; ")
            rows.append(Row(event: event, country: country, national: national, type: shutdownType))
        }
        if !problems.isEmpty { throw InputError(problems) }
        if rows.isEmpty {
            throw InputError(SourceLocation(file: file, line: table.header.line, column: 1), "no shutdowns after the header")
        }
        let name = (file as NSString).lastPathComponent
        let newest = rows.map { $0.event.until ?? $0.event.date }.max() ?? Day(ordinal: 0)
        let reviewed = snapshotDate ?? newest
        let source = DataSource(id: "access-now-stop", name: "Access Now STOP",
                                date: snapshotDate.map { "export of \($0)" } ?? "export \(name), shutdowns up to \(newest)",
                                licence: "Access Now #KeepItOn STOP data, cited with attribution to Access Now",
                                url: "https://www.accessnow.org/keepiton/")
        var factors: [RiskFactor] = []
        let grouped = Dictionary(grouping: rows) { "\($0.country.code)|\($0.national ? "NATIONAL" : "REGIONAL")" }
        for key in grouped.keys.sorted() {
            guard let group = grouped[key], let first = group.first else { continue }
            factors.append(factor(first.country, national: first.national, group, reviewed: reviewed, file: name))
        }
        var warnings: [Diagnostic] = []
        if !unknownServices.isEmpty {
            let list = unknownServices.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            warnings.append(Diagnostic(SourceLocation(file: file, line: table.header.line, column: (services ?? 0) + 1), .warning,
                                       "services not in the dependencies vocabulary were kept in the descriptions only: \(list); add them as synonyms in the database's vocabularies/ to match policies"))
        }
        let nationalCount = rows.filter(\.national).count
        let header = [
            "Internet shutdowns imported by `diligence db import --from stop` from \(name)" + (snapshotDate.map { " (export of \($0))" } ?? "") + ".",
            "Data: Access Now, #KeepItOn STOP (Shutdown Tracker Optimization Project); cite Access Now when you use it.",
            "National shutdowns are in STOP-<CC>-NATIONAL factors, regional ones in STOP-<CC>-REGIONAL (matched to a site's region or city).",
        ]
        let summary = ["\(rows.count) shutdowns (\(nationalCount) national, \(rows.count - nationalCount) regional) in \(factors.count) factor(s) for \(Set(rows.map(\.country.code)).sorted().joined(separator: ", "))"
                       + (skippedBlank > 0 ? "; \(skippedBlank) empty rows skipped" : "")]
        return ImportedFactors(factors: factors, sources: [source], header: header, warnings: warnings, summary: summary)
    }

    func factor(_ country: Country, national: Bool, _ rows: [Row], reviewed: Day, file: String) -> RiskFactor {
        let events = rows.map(\.event).sorted { ($0.date, $0.id ?? "", $0.what) < ($1.date, $1.id ?? "", $1.what) }
        let worst = rows.map(\.type).max() ?? .serviceBased
        var dependencies: [String] = []
        for event in events { for id in event.dependencies where !dependencies.contains(id) { dependencies.append(id) } }
        let first = events.first?.date ?? reviewed
        let last = events.map { $0.until ?? $0.date }.max() ?? reviewed
        // Harm: a full national network shutdown is high; throttling or blocked services medium;
        // regional shutdowns one level lower.
        var severity: Severity = worst == .fullNetwork ? .high : .medium
        if !national { severity = severity.shifted(by: -1) }
        let counts = [ShutdownType.fullNetwork, .throttling, .serviceBased].compactMap { type -> String? in
            let count = rows.filter { $0.type == type }.count
            return count == 0 ? nil : "\(count) \(type.name)"
        }.joined(separator: ", ")
        let scope = national ? "national" : "regional"
        let summary = "\(events.count) \(scope) internet shutdown(s) in \(country.name) recorded by Access Now's STOP from \(first) to \(last) (\(counts)). "
            + "Severity \(severity.name): " + (worst == .fullNetwork ? "the state has cut whole networks" : "the state has throttled networks or blocked services")
            + (national ? "." : ", in some regions only.")
        let reference = Reference(source: "Access Now STOP", title: "Access Now #KeepItOn STOP export \(file): \(events.count) \(scope) shutdown(s) in \(country.name), \(first) to \(last)",
                                  date: PartialDate(reviewed.description), quote: nil, url: "https://www.accessnow.org/keepiton/")
        return RiskFactor(
            id: "STOP-\(country.code)-\(national ? "NATIONAL" : "REGIONAL")", kind: .internetShutdown,
            title: national ? "State-ordered internet shutdowns in \(country.name) (Access Now STOP)" : "Regional internet shutdowns in \(country.name) (Access Now STOP)",
            summary: summary, country: country, inForceFrom: first, inForceUntil: nil, published: reviewed, modified: reviewed,
            reviewed: reviewed, severity: severity, affects: { var a = Affects(); a.dependencies = dependencies; return a }(),
            exemptGoods: [], areas: [], targets: [], events: events, references: [reference],
            recommendations: ["Keep a fallback that survives a state order (satellite link, a team abroad) for the services this country has cut, and an offline runbook."],
            notes: "Imported from \(file) by diligence db import --from stop.", file: file, mark: Mark(line: 1, column: 1))
    }
}
