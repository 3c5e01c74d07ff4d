/// The columns of an Access Now #KeepItOn STOP export, found by the names the real exports use.
///
/// Names are compared trimmed and folded (`HeadedCSV.normalise`: `"end_date "` is `end_date`,
/// `"full or service-based"` is `full_or_service_based`, `"State/India "` is `state_india`), in
/// any order, extra columns ignored; nothing is guessed from fragments of names. Two layouts are
/// known:
///
/// - Access Now's 2020 export (`KeepItOn-STOP-Data-2020.csv`): a note line, then `ID`,
///   `start_date`, `end_date `, `country `, `State/India `, `geo_scope`, `area_name `,
///   `shutdown_type_new` (Shutdown, Throttle) with `full or service-based` (Full network,
///   Service-based), `affected_network`, `Facebook_affected` ... `phone_call_affected `,
///   `other_service_details (specify) `, `ordered_by `, `actual_cause`, `official_just`,
///   `news_link `, `an_link `.
/// - The same with `shutdown_type` and `shutdown_extent` instead of the 2020 names (the columns
///   are read the same way), `other_affected` and `gov_justification`.
struct STOPLayout {
    /// The columns a STOP export must have, for the error that names them.
    static let required = "`start_date`, `country`, `geo_scope`, and `shutdown_type_new`, `shutdown_type` or `full or service-based`"
    static let described =
        "Access Now's STOP layout: ID, start_date, end_date, country, geo_scope, area_name, "
        + "shutdown_type_new and `full or service-based` (2020) or shutdown_type and shutdown_extent, affected_network, "
        + "Facebook_affected ... phone_call_affected"

    let name: String
    let id: Int?
    let start: Int
    let end: Int?
    let country: Int
    let scope: Int
    let area: Int?
    let state: Int?
    let type: Int
    let extent: Int?
    let networks: Int?
    let services: Int?
    let otherServices: Int?
    let cause: Int?
    let causeDetails: Int?
    let orderedBy: Int?
    let justification: Int?
    let link: Int?
    /// Yes/No columns per service: (the service as the column names it, column).
    let serviceFlags: [(name: String, column: Int)]

    /// The services STOP flags with yes/no columns, by the column's name less `_affected`.
    static let flaggedServices = [
        "facebook", "twitter", "whatsapp", "instagram", "telegram", "youtube", "sms", "phone_call", "phone_calls", "messenger", "signal", "viber", "skype",
        "tiktok",
    ]

    /// Whether a record names the columns of a STOP header (`start_date` and `country`).
    static func isHeader(_ record: CSVReader.Record) -> Bool {
        let names = Set(record.fields.map(HeadedCSV.normalise))
        return names.contains("start_date") && names.contains("country")
    }

    /// The layout of `table`'s header, or an error at the header naming the columns missing.
    init(_ table: HeadedCSV, file: String) throws(InputError) {
        func column(_ names: String...) -> Int? { table.column(names) }
        var missing: [String] = []
        let start = column("start_date")
        let country = column("country")
        let scope = column("geo_scope")
        let newType = column("shutdown_type_new")
        let extent = column("full_or_service_based", "shutdown_extent")
        // A file with the extent alone (`Full network`, `Service-based`) reads it as the type.
        let type = newType ?? column("shutdown_type") ?? extent
        if start == nil { missing.append("`start_date`") }
        if country == nil { missing.append("`country`") }
        if scope == nil { missing.append("`geo_scope`") }
        if type == nil { missing.append("`shutdown_type_new` (2020), `shutdown_type` or `full or service-based`") }
        guard let start, let country, let scope, let type else {
            let found = table.names.prefix(16).map { "`\($0.trimmingCharacters(in: .whitespaces))`" }.joined(separator: ", ")
            throw InputError(
                SourceLocation(file: file, line: table.header.line, column: 1),
                "not a known STOP layout: no column \(missing.joined(separator: ", ")); expected \(Self.described); the header has \(found)\(table.names.count > 16 ? ", ..." : "")"
            )
        }
        // A twin of a column that is read makes the file ambiguous; twins of other columns do not matter.
        let read: [String: Int?] = ["start_date": start, "country": country, "geo_scope": scope, "type": type]
        let twins = table.duplicates.filter { key, _ in table.columns[key].map { column in read.values.contains { $0 == column } } ?? false }
        if !twins.isEmpty {
            throw InputError(
                twins.sorted { $0.value < $1.value }.map { key, index in
                    Diagnostic(
                        table.header.location(index, file: file), .error,
                        "column `\(table.names[index].trimmingCharacters(in: .whitespaces))` appears twice (also column \((table.columns[key] ?? 0) + 1)): which one holds the data is unknown"
                    )
                })
        }
        name = newType != nil ? "Access Now STOP 2020 layout" : "Access Now STOP layout (shutdown_type, shutdown_extent)"
        self.start = start
        self.country = country
        self.scope = scope
        self.type = type
        id = column("id")
        end = column("end_date")
        area = column("area_name")
        state = column("state_india")
        self.extent = extent == type ? nil : extent
        networks = column("affected_network")
        services = column("affected_services")
        otherServices = column("other_service_details_specify", "other_service_details", "other_affected")
        cause = column("actual_cause")
        causeDetails = column("other_cause_details")
        orderedBy = column("ordered_by")
        justification = column("official_just", "gov_justification")
        link = column("news_link", "an_link")
        let normalised = table.names.map(HeadedCSV.normalise)
        serviceFlags = normalised.enumerated().compactMap { index, name in
            guard name.hasSuffix("_affected") else { return nil }
            let service = String(name.dropLast("_affected".count))
            return Self.flaggedServices.contains(service) ? (service.replacingOccurrences(of: "_", with: " "), index) : nil
        }
    }
}

extension String {
    /// The text with its first character in upper case ("full network shutdown" → "Full ...").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
