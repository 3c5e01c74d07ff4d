import Foundation

/// Reads the Access Now #KeepItOn STOP (Shutdown Tracker Optimization Project) CSV into
/// `internet-shutdown` factors.
///
/// - Columns by the names Access Now's exports use (`STOPLayout`); a header that is not a known
///   layout is refused with the columns expected. The header may follow a note line (the 2020
///   export has one): it is the first of the first five records naming `start_date` and `country`.
/// - Dates: as `ImportDates` reads them; slashed dates (`7/10/2020`) are month first unless a day
///   over 12 shows the file is day first; a spreadsheet serial day (`44166`, a cell the sheet
///   kept as a number) is read as one. An end date `Ongoing` or `Unknown` is no end date.
/// - Geographic scope (`geo_scope`): `Level 3` is national, `Level 2` (a state or region) and
///   `Level 1` (a district or city) regional, as the export's `area_name` shows (`National` on
///   every Level 3 row); `national`, `regional`, `sub-national`, `local` are read too. A national
///   shutdown joins the country's `STOP-<CC>-NATIONAL` factor; regional ones `STOP-<CC>-REGIONAL`,
///   with the areas (and India's state) in each event's `region`.
/// - Shutdown type: the type column (`Shutdown`, `Throttle`) and the extent column (`Full
///   network`, `Service-based`) are read together: a full network shut down is `full-network`, a
///   full network throttled `throttling`, services shut down or throttled `service-based`; with
///   several, the most severe is the event's type and the others are named in its description.
///   A full network shutdown or throttling takes down the networks named (mobile → `mobile-data`,
///   broadband or fixed → `internet`; both when none is named), and so every dependency that needs
///   them; the services flagged (`Facebook_affected`...) or named are mapped to the `dependencies`
///   vocabulary (Facebook, Twitter → `independent-media`, WhatsApp → `whatsapp`, ...).
/// - Every row imports or is skipped with a reason counted in the summary (`imported 155,
///   skipped 0`); a row that is broken is a located error, and nothing is written.
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
        var label: String { ["services blocked", "throttling", "full network shutdown"][rawValue] }
        static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        /// What the type and extent columns say, read together: the types of the event, most
        /// severe first; nil when a word is neither an action nor an extent STOP uses.
        static func parse(type: String, extent: String) -> [ShutdownType]? {
            var cut = false, slow = false, network = false, services = false
            for part in (type + "," + extent).lowercased().split(whereSeparator: { ",;/&+".contains($0) }) {
                let word = part.trimmingCharacters(in: .whitespaces)
                switch word {
                case "": continue
                case "shutdown", "shut down", "blackout", "cut", "shutdowns": cut = true
                case "throttle", "throttling", "throttled", "bandwidth throttling", "slowdown": slow = true
                case "full network", "full", "network", "full network shutdown", "total", "full-network": network = true
                case "service-based", "service based", "services", "service", "service blocking", "social media", "platform block", "blocking":
                    services = true
                case "shutdown and throttle", "shutdown and throttling":
                    cut = true; slow = true
                default:
                    // Longer phrasings ("Mobile shutdown", "Throttling of social media"): the
                    // words STOP uses, found in them; a part with none of them is not understood.
                    var known = false
                    if word.contains("shut") || word.contains("blackout") { cut = true; known = true }
                    if word.contains("throttl") || word.contains("slow") { slow = true; known = true }
                    if word.contains("service") || word.contains("social media") || word.contains("platform") || word.contains("messaging") {
                        services = true; known = true
                    } else if word.contains("network") || word.contains("mobile") || word.contains("broadband") || word.contains("internet")
                        || word.contains("full")
                    {
                        network = true; known = true
                    }
                    if !known { return nil }
                }
            }
            if !network && !services { network = cut || slow }
            guard network || services else { return nil }
            var types: [ShutdownType] = []
            if network && (cut || !slow) { types.append(.fullNetwork) }
            if network && slow { types.append(.throttling) }
            if services { types.append(.serviceBased) }
            return types
        }
    }

    /// Whether a `geo_scope` (and `area_name`) says national (true) or regional (false).
    static func isNational(_ text: String, area: String?) -> Bool? {
        if let area,
            ["national", "nationwide", "nation wide", "countrywide", "country wide", "whole country", "entire country"].contains(TextFolding.key(area))
        {
            return true
        }
        let key = TextFolding.key(text)
        switch key {
        case "level 3", "national", "nationwide", "nation wide", "country", "countrywide": return true
        case "level 1", "level 2", "regional", "sub national", "subnational", "local", "state", "province", "district", "city", "region", "partial":
            return false
        default:
            // "Level 3 - National", "Level 2 (state)"...
            if key.hasPrefix("level 3") { return true }
            if key.hasPrefix("level 1") || key.hasPrefix("level 2") { return false }
            if key.contains("sub") || key.contains("region") || key.contains("local") || key.contains("state") || key.contains("province")
                || key.contains("district") || key.contains("city") || key.contains("partial")
            {
                return false
            }
            if key.contains("national") || key.contains("nationwide") || key.contains("country") { return true }
            return nil
        }
    }

    static let yes: Set<String> = ["yes", "y", "true", "1", "x", "affected"]
    static let no: Set<String> = ["", "no", "n", "false", "0", "none", "n/a", "na", "-", "unknown"]
    /// End dates that mean "no end date yet": `Ongoing`, `Unknown`, `Still ongoing`, `N/A`...
    static func isOpenEnded(_ text: String) -> Bool {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        return ["n/a", "na", "-", "present", "tbd", "not known"].contains(key) || key.contains("ongoing") || key.contains("unknown")
    }

    struct Row {
        var event: RiskEvent
        var country: Country
        var national: Bool
        var type: ShutdownType
    }

    public func importFile(bytes: [UInt8], file: String) throws(InputError) -> ImportedFactors {
        let csv = try CSVReader(bytes: bytes, file: file, emptyLacks: "no header and no shutdowns")
        guard let headerIndex = csv.records.prefix(5).firstIndex(where: STOPLayout.isHeader) else {
            throw InputError(
                SourceLocation(file: file, line: csv.records[0].line, column: 1),
                "not a known STOP layout: no header naming `start_date` and `country` in the first five lines; expected \(STOPLayout.described)")
        }
        let table = try HeadedCSV(csv: csv, headerIndex: headerIndex, allowingDuplicates: true)
        let layout = try STOPLayout(table, file: file)
        let dateTexts = table.rows.flatMap { [HeadedCSV.value($0, layout.start), HeadedCSV.value($0, layout.end)].compactMap { $0 } }
        let (slashOrder, _) = ImportDates.slashOrder(dateTexts)
        let dependencies = vocabularies[.dependencies]
        var rows: [Row] = []
        var problems: [Diagnostic] = []
        var unknownServices: [String: Int] = [:]
        var skipped: [String: Int] = [:]
        var emptyRows = 0
        var skipWarnings: [Diagnostic] = []
        var seenIDs: [String: (line: Int, fields: [String])] = [:]
        let expected = table.names.count
        for record in table.rows {
            if problems.count > 1000 { break }
            func problem(_ column: Int?, _ message: String) {
                problems.append(Diagnostic(record.location(column ?? 0, file: file), .error, message))
            }
            func value(_ column: Int?) -> String? { HeadedCSV.value(record, column) }
            // A descriptive field that says it is not known says nothing.
            func known(_ column: Int?) -> String? { value(column).flatMap { Self.no.contains($0.lowercased()) ? nil : $0 } }
            // Spreadsheet exports end with rows of empty cells: ignored, and counted.
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { emptyRows += 1; continue }
            guard record.fields.count <= expected || record.fields.dropFirst(expected).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                problem(expected, "expected \(expected) fields as in the header, found \(record.fields.count)")
                continue
            }
            var identifier: String?
            if let text = value(layout.id) {
                // Characters an id may not hold become `-` ("IN 23" is STOP-IN-23).
                let cleaned = String(
                    text.unicodeScalars.map { scalar -> Character in
                        scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._:/-".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
                    }.prefix(100))
                let trimmedFields = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                if let first = seenIDs[text] {
                    if first.fields == trimmedFields {
                        skipped["a repeat of line \(first.line)", default: 0] += 1
                        skipWarnings.append(Diagnostic(record.location(layout.id ?? 0, file: file), .warning, "row skipped: a repeat of line \(first.line)"))
                        continue
                    }
                    // Another shutdown under the same ID: kept, its id made unique by its line.
                    skipWarnings.append(
                        Diagnostic(
                            record.location(layout.id ?? 0, file: file), .warning,
                            "ID `\(text)` is also on line \(first.line), with other values: imported as STOP-\(cleaned)-L\(record.line)"))
                    identifier = "STOP-\(cleaned)-L\(record.line)"
                } else {
                    seenIDs[text] = (record.line, trimmedFields)
                    identifier = "STOP-\(cleaned)"
                }
            }
            let startText = value(layout.start) ?? ""
            if Self.isOpenEnded(startText) {
                skipped["start date `\(startText)`", default: 0] += 1
                continue
            }
            var ok = true
            // A row that lacks what a shutdown needs, or names a country the table does not know,
            // is skipped: the reason is counted in the summary and located in a warning.
            var skipReason: (column: Int?, reason: String)?
            let startDay = ImportDates.parse(startText, slash: slashOrder) ?? ImportDates.spreadsheetSerial(startText)
            if startText.isEmpty {
                skipReason = (layout.start, "no start_date")
            } else if startDay == nil {
                problem(layout.start, "start_date `\(startText)` is not a date (7/10/2020 as STOP writes it, or \(ImportDates.accepted))")
                ok = false
            }
            var endDay: Day?
            if let text = value(layout.end), !Self.isOpenEnded(text) {
                endDay = ImportDates.parse(text, slash: slashOrder) ?? ImportDates.spreadsheetSerial(text)
                if endDay == nil { problem(layout.end, "end_date `\(text)` is not a date (7/10/2020 as STOP writes it, Ongoing or Unknown)"); ok = false }
            }
            if let startDay, let endDay, endDay < startDay {
                problem(layout.end, "end_date \(endDay) is before the start_date \(startDay)"); ok = false
            }
            let countryText = value(layout.country) ?? ""
            let country = countries.resolve(countryText)
            if country == nil {
                skipReason = skipReason ?? (layout.country, countryText.isEmpty ? "no country" : "unknown country `\(countryText)`")
            }
            let scopeText = value(layout.scope) ?? ""
            let areaText = value(layout.area)
            let national = Self.isNational(scopeText, area: areaText)
            if national == nil {
                if scopeText.isEmpty {
                    skipReason = skipReason ?? (layout.scope, "no geo_scope")
                } else {
                    problem(layout.scope, "geo_scope `\(scopeText)` is not Level 1, Level 2 or Level 3 (or national, regional)"); ok = false
                }
            }
            let typeText = value(layout.type) ?? ""
            let extentText = value(layout.extent) ?? ""
            let types = ShutdownType.parse(type: typeText, extent: extentText)
            if types == nil, typeText.isEmpty, extentText.isEmpty {
                skipReason = skipReason ?? (layout.type, "no shutdown type")
            } else if types == nil {
                let column = ShutdownType.parse(type: typeText, extent: "") == nil || layout.extent == nil ? layout.type : layout.extent
                problem(
                    column,
                    typeText.isEmpty && extentText.isEmpty
                        ? "shutdown type is empty"
                        : "shutdown type `\([typeText, extentText].filter { !$0.isEmpty }.joined(separator: "; "))` is not Shutdown or Throttle of a Full network or Service-based"
                )
                ok = false
            }
            if ok, let skipReason {
                skipped[skipReason.reason, default: 0] += 1
                skipWarnings.append(
                    Diagnostic(
                        record.location(skipReason.column ?? 0, file: file), .warning,
                        "row skipped: \(skipReason.reason)"
                            + (skipReason.reason.hasPrefix("unknown country")
                                ? countries.suggestion(for: countryText).map { " (did you mean \($0.name)?)" } ?? "" : "")))
                continue
            }
            guard ok, let startDay, let country, let national, let types, let shutdownType = types.first else { continue }
            // Services named: yes/no columns, a list column, and services named in the prose of
            // `other_service_details`.
            var named: [String] = []
            for flag in layout.serviceFlags where Self.yes.contains((value(flag.column) ?? "").lowercased()) {
                named.append(flag.name)
            }
            named += (value(layout.services) ?? "").split(whereSeparator: { ",;/\n".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !["none", "n/a", "na", "-", "all"].contains($0.lowercased()) }
            let otherText = value(layout.otherServices)
            var fromProse: [String] = []
            if let otherText {
                if layout.otherServices.map({ HeadedCSV.normalise(table.names[$0]) == "other_affected" }) == true {
                    named += otherText.split(whereSeparator: { ",;/\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                } else {
                    fromProse = Self.servicesNamed(in: otherText, dependencies)
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
            for id in fromProse where !affected.contains(id) { affected.append(id) }
            let networkText = (value(layout.networks) ?? "").lowercased()
            var networkDependencies: [String] = []
            if networkText.contains("mobile") || networkText.contains("cellular") { networkDependencies.append("mobile-data") }
            if networkText.contains("broadband") || networkText.contains("fixed") || networkText.contains("fibre") || networkText.contains("fiber")
                || networkText.contains("landline")
            {
                networkDependencies.append("internet")
            }
            if networkDependencies.isEmpty { networkDependencies = ["internet", "mobile-data"] }
            if shutdownType != .serviceBased {
                affected = networkDependencies + affected.filter { !networkDependencies.contains($0) }
            }
            // "Full network shutdown and throttling (national) of broadband, mobile networks;
            // services blocked: facebook, twitter"
            let networkLabels = types.filter { $0 != .serviceBased }.map(\.label)
            let blocked = types.contains(.serviceBased)
            var what =
                (networkLabels.isEmpty ? "Services blocked" : networkLabels.joined(separator: " and ").capitalisedFirst)
                + " (\(national ? "national" : "regional"))"
            if !networkLabels.isEmpty, let text = value(layout.networks), text.lowercased() != "unknown" { what += " of \(text.lowercased()) networks" }
            if !named.isEmpty {
                what += (networkLabels.isEmpty ? ": " : blocked ? "; services blocked: " : "; services affected: ") + named.joined(separator: ", ")
            } else if blocked, !networkLabels.isEmpty {
                what += "; services blocked"
            }
            if let otherText { what += "; other services: \(otherText)" }
            if let text = known(layout.cause) {
                what += "; cause: \(text)" + (known(layout.causeDetails).map { " (\($0))" } ?? "")
            }
            if let text = known(layout.orderedBy) { what += "; ordered by \(text)" }
            var regions: [String] = []
            if !national {
                if let areaText { regions.append(areaText) }
                if let state = value(layout.state), !regions.contains(where: { TextFolding.key($0).contains(TextFolding.key(state)) }) { regions.append(state) }
            }
            let region = regions.isEmpty ? nil : regions.joined(separator: "; ")
            var event = RiskEvent(date: startDay, until: endDay, what: what, place: region)
            event.id = identifier
            event.type = shutdownType.name
            event.scope = national ? "national" : "regional"
            event.region = region
            event.dependencies = affected
            event.source = value(layout.link)
            let noteParts = [
                known(layout.justification).map { "official justification: \($0)" },
                unknown.isEmpty ? nil : "services not in the dependencies vocabulary: \(unknown.joined(separator: ", "))",
            ].compactMap { $0 }
            event.notes = noteParts.isEmpty ? nil : noteParts.joined(separator: "; ")
            rows.append(Row(event: event, country: country, national: national, type: shutdownType))
        }
        if !problems.isEmpty { throw InputError(problems) }
        if rows.isEmpty {
            throw InputError(
                [SourceLocation(file: file, line: table.header.line, column: 1)].map { location in
                    Diagnostic(
                        location, .error,
                        skipped.isEmpty
                            ? "no shutdowns after the header"
                            : "no shutdown imported: every row was skipped ("
                                + skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")")
                } + skipWarnings)
        }
        let name = (file as NSString).lastPathComponent
        let newest = rows.map { $0.event.until ?? $0.event.date }.max() ?? Day(ordinal: 0)
        let reviewed = snapshotDate ?? newest
        let source = DataSource(
            id: "access-now-stop", name: "Access Now STOP",
            date: snapshotDate.map { "export of \($0)" } ?? "export \(name), shutdowns up to \(newest)",
            licence: "Access Now #KeepItOn STOP data, cited with attribution to Access Now",
            url: "https://www.accessnow.org/keepiton/")
        var factors: [RiskFactor] = []
        let grouped = Dictionary(grouping: rows) { "\($0.country.code)|\($0.national ? "NATIONAL" : "REGIONAL")" }
        for key in grouped.keys.sorted() {
            guard let group = grouped[key], let first = group.first else { continue }
            factors.append(factor(first.country, national: first.national, group, reviewed: reviewed, file: name))
        }
        var warnings: [Diagnostic] = skipWarnings
        if !unknownServices.isEmpty {
            let list = unknownServices.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            warnings.append(
                Diagnostic(
                    SourceLocation(
                        file: file, line: table.header.line, column: table.header.location(layout.otherServices ?? layout.services ?? 0, file: file).column),
                    .warning,
                    "services not in the dependencies vocabulary were kept in the descriptions only: \(list); add them as synonyms in the database's vocabularies/ to match policies"
                ))
        }
        let nationalCount = rows.filter(\.national).count
        let header = [
            "Internet shutdowns imported by `diligence db import --from stop` from \(name)" + (snapshotDate.map { " (export of \($0))" } ?? "") + ".",
            "Data: Access Now, #KeepItOn STOP (Shutdown Tracker Optimization Project); cite Access Now when you use it.",
            "National shutdowns are in STOP-<CC>-NATIONAL factors, regional ones in STOP-<CC>-REGIONAL (matched to a site's region or city).",
        ]
        let skippedCount = skipped.values.reduce(0, +)
        let reasons = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let summary = [
            "imported \(rows.count), skipped \(skippedCount)" + (reasons.isEmpty ? "" : " (\(reasons))")
                + (emptyRows > 0 ? "; \(emptyRows) empty row(s) ignored" : "") + " (\(layout.name))",
            "\(rows.count) shutdowns (\(nationalCount) national, \(rows.count - nationalCount) regional) in \(factors.count) factor(s) for \(Set(rows.map(\.country.code)).sorted().joined(separator: ", "))",
        ]
        var imported = ImportedFactors(factors: factors, sources: [source], header: header, warnings: warnings, summary: summary)
        imported.snapshot = DataSnapshot(source: .stop, date: reviewed)
        return imported
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
        let summary =
            "\(events.count) \(scope) internet shutdown(s) in \(country.name) recorded by Access Now's STOP from \(first) to \(last) (\(counts)). "
            + "Severity \(severity.name): "
            + (worst == .fullNetwork ? "the state has cut whole networks" : "the state has throttled networks or blocked services")
            + (national ? "." : ", in some regions only.")
        let reference = Reference(
            source: "Access Now STOP",
            title: "Access Now #KeepItOn STOP export \(file): \(events.count) \(scope) shutdown(s) in \(country.name), \(first) to \(last)",
            date: PartialDate(reviewed.description), quote: nil, url: "https://www.accessnow.org/keepiton/")
        return RiskFactor(
            id: "STOP-\(country.code)-\(national ? "NATIONAL" : "REGIONAL")", kind: .internetShutdown,
            title: national
                ? "State-ordered internet shutdowns in \(country.name) (Access Now STOP)" : "Regional internet shutdowns in \(country.name) (Access Now STOP)",
            summary: summary, country: country, inForceFrom: first, inForceUntil: nil, published: reviewed, modified: reviewed,
            reviewed: reviewed, severity: severity,
            affects: {
                var a = Affects(); a.dependencies = dependencies; return a
            }(),
            exemptGoods: [], areas: [], targets: [], events: events, references: [reference],
            recommendations: [
                "Keep a fallback that survives a state order (satellite link, a team abroad) for the services this country has cut, and an offline runbook."
            ],
            notes: "Imported from \(file) by diligence db import --from stop.", file: file, mark: Mark(line: 1, column: 1))
    }

    /// The dependencies a sentence names ("Youtube, Viber", "VPN services. some google services"):
    /// each word and pair of words looked up in the vocabulary.
    static func servicesNamed(in text: String, _ dependencies: Vocabulary) -> [String] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var found: [String] = []
        var index = 0
        while index < words.count {
            if index + 1 < words.count, let id = dependencies.resolve(words[index] + "-" + words[index + 1]) {
                if !found.contains(id) { found.append(id) }
                index += 2
                continue
            }
            if words[index].count > 2, let id = dependencies.resolve(words[index]) {
                if !found.contains(id) { found.append(id) }
            } else if ["sms"].contains(words[index].lowercased()), !found.contains("mobile-voice") {
                found.append("mobile-voice")
            }
            index += 1
        }
        return found
    }
}
