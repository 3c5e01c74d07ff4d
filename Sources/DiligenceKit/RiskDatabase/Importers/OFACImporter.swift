import Foundation

/// Reads the US Treasury OFAC Specially Designated Nationals list in its legacy CSV form:
/// `sdn.csv` (no header; ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
/// Tonnage, GRT, Vess_flag, Vess_owner, Remarks; `-0-` is an empty field) and optionally
/// `alt.csv` (ent_num, alt_num, alt_type, alt_name, alt_remarks) for aliases.
///
/// - The entity kind comes from SDN_Type: `individual` → person, `vessel`, `aircraft`, and `-0-`
///   → organisation.
/// - Programmes are kept, one per element (the field joins them with `] [`).
/// - The country is the nationality or citizenship in the remarks, or a vessel's flag.
/// - Every entry is listed by `US-OFAC` with an asset freeze (blocking).
/// - OFAC's CSV carries no listing dates: `since` stays empty, and the list is a snapshot dated
///   by `snapshotDate` when given.
/// - Alias rows whose ent_num is not in `sdn.csv` are skipped and reported as one warning.
public struct OFACImporter: Sendable {
    public let countries: CountryTable
    /// The publication date of the files, for the references; nil writes no date.
    public var snapshotDate: Day?

    static let sdnColumns = [
        "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT",
        "Vess_flag", "Vess_owner", "Remarks",
    ]
    static let altColumns = ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"]

    public init(countries: CountryTable, snapshotDate: Day? = nil) {
        self.countries = countries
        self.snapshotDate = snapshotDate
    }

    /// Imports `sdn.csv` (bytes and display path) and, when given, `alt.csv`. Every problem of a
    /// file is reported at once.
    public func importFiles(sdn: (bytes: [UInt8], path: String), alt: (bytes: [UInt8], path: String)?) throws(InputError) -> ImportedList {
        let sdnFile = try CSVReader(bytes: sdn.bytes, file: sdn.path)
        var problems: [Diagnostic] = []
        var entities: [ImportedList.Entity] = []
        var position: [Int: Int] = [:]
        if sdnFile.records.isEmpty {
            throw InputError(SourceLocation(file: sdn.path, line: 1, column: 1), "empty file: no SDN entries")
        }
        for record in sdnFile.records {
            if let problem = Self.columnProblem(record, columns: Self.sdnColumns, file: sdn.path) {
                problems.append(problem)
                continue
            }
            let fields = record.fields.map(Self.value)
            guard let number = fields[0].flatMap({ Int($0) }), number > 0 else {
                problems.append(Diagnostic(record.location(0, file: sdn.path), .error, "ent_num must be a positive whole number, found `\(record.fields[0])`"))
                continue
            }
            guard let name = fields[1] else {
                problems.append(Diagnostic(record.location(1, file: sdn.path), .error, "SDN_Name is empty"))
                continue
            }
            let kind: ListedEntity.Kind
            switch fields[2]?.lowercased() {
            case "individual": kind = .person
            case "vessel": kind = .vessel
            case "aircraft": kind = .aircraft
            case nil: kind = .organisation
            case let other?:
                problems.append(
                    Diagnostic(
                        record.location(2, file: sdn.path), .error,
                        "SDN_Type must be individual, vessel, aircraft or -0-, found `\(other)`"))
                continue
            }
            if let first = position[number] {
                problems.append(
                    Diagnostic(
                        record.location(0, file: sdn.path), .error,
                        "duplicate ent_num \(number) (also on line \(sdnFile.records[first].line))"))
                continue
            }
            position[number] = entities.count
            let country = country(remarks: fields[11]) ?? (kind == .vessel ? fields[9].flatMap(resolve) : nil)
            entities.append(
                ImportedList.Entity(
                    id: "US-OFAC-SDN-\(number)", name: name, aliases: [], kind: kind, country: country, listedBy: ["US-OFAC"],
                    programmes: Self.programmes(fields[3]), measures: ["asset-freeze"], since: nil,
                    references: [
                        Reference(
                            source: "OFAC SDN list", title: "OFAC SDN list (\(Self.fileName(sdn.path))), entry \(number)",
                            date: snapshotDate.flatMap { PartialDate($0.description) }, quote: nil, url: nil)
                    ]))
        }
        var aliasCount = 0
        var unknownRows = 0
        var unknownEntries: [Int] = []
        if let alt {
            let altFile = try CSVReader(bytes: alt.bytes, file: alt.path)
            if altFile.records.isEmpty {
                problems.append(Diagnostic(SourceLocation(file: alt.path, line: 1, column: 1), .error, "empty file: no alias rows"))
            }
            for record in altFile.records {
                if let problem = Self.columnProblem(record, columns: Self.altColumns, file: alt.path) {
                    problems.append(problem)
                    continue
                }
                let fields = record.fields.map(Self.value)
                guard let number = fields[0].flatMap({ Int($0) }) else {
                    problems.append(Diagnostic(record.location(0, file: alt.path), .error, "ent_num must be a whole number, found `\(record.fields[0])`"))
                    continue
                }
                guard let alias = fields[3] else {
                    problems.append(Diagnostic(record.location(3, file: alt.path), .error, "alt_name is empty"))
                    continue
                }
                guard let index = position[number] else {
                    unknownRows += 1
                    if unknownEntries.last != number, !unknownEntries.contains(number) { unknownEntries.append(number) }
                    continue
                }
                if alias != entities[index].name, !entities[index].aliases.contains(alias) {
                    entities[index].aliases.append(alias)
                    aliasCount += 1
                }
            }
        }
        if problems.contains(where: { $0.level == .error }) { throw InputError(problems) }
        var warnings: [Diagnostic] = []
        if unknownRows > 0, let alt {
            let shown = unknownEntries.prefix(10).map(String.init).joined(separator: ", ")
            warnings.append(
                Diagnostic(
                    SourceLocation(file: alt.path, line: 1, column: 1), .warning,
                    "\(unknownRows) alias rows refer to \(unknownEntries.count) entries not in \(Self.fileName(sdn.path)) (listed later?) and were skipped: ent_num \(shown)\(unknownEntries.count > 10 ? ", ..." : "")"
                ))
        }
        if let alt {
            for index in entities.indices where !entities[index].aliases.isEmpty {
                entities[index].references.append(
                    Reference(
                        source: "OFAC SDN list aliases",
                        title: "OFAC SDN aliases (\(Self.fileName(alt.path))), entry \(entities[index].id.dropFirst("US-OFAC-SDN-".count))",
                        date: snapshotDate.flatMap { PartialDate($0.description) }, quote: nil, url: nil))
            }
        }
        let dated = snapshotDate.map { "as published on \($0)" } ?? "snapshot date not given (--snapshot-date)"
        var header = [
            "OFAC Specially Designated Nationals list, imported by `diligence db import --from ofac-sdn` from \(Self.fileName(sdn.path))"
                + (alt.map { " and \(Self.fileName($0.path))" } ?? "") + ", \(dated).",
            "Public domain (US Government work). OFAC's CSV files carry no listing dates: `since` is omitted, and the",
            "list is a snapshot of the day the files were published.",
        ]
        if unknownRows > 0 { header.append("\(unknownRows) alias rows for \(unknownEntries.count) entries not in the SDN file were skipped.") }
        let summary = [
            "\(entities.count) entries (\(entities.filter { $0.kind == .person }.count) persons, \(entities.filter { $0.kind == .organisation }.count) organisations, \(entities.filter { $0.kind == .vessel }.count) vessels, \(entities.filter { $0.kind == .aircraft }.count) aircraft), \(aliasCount) aliases"
                + (alt != nil ? ", \(unknownRows) alias rows skipped (unknown ent_num)" : "")
        ]
        var list = ImportedList(entities: entities, header: header, warnings: warnings, summary: summary)
        list.snapshot = snapshotDate.map { DataSnapshot(source: .ofacSDN, date: $0) }
        return list
    }

    /// Where a record with the wrong number of fields goes wrong: its first extra field, or its
    /// last field when fields are missing.
    static func wrongColumn(_ record: CSVReader.Record, expected: Int) -> Int {
        record.fields.count > expected ? expected : record.fields.count - 1
    }

    /// The error for a record without one field per column of `columns`, located where it goes
    /// wrong; nil when the count is right.
    static func columnProblem(_ record: CSVReader.Record, columns: [String], file: String) -> Diagnostic? {
        guard record.fields.count != columns.count else { return nil }
        return Diagnostic(
            record.location(wrongColumn(record, expected: columns.count), file: file), .error,
            "expected \(columns.count) columns (\(columns.joined(separator: ", "))), found \(record.fields.count)")
    }

    /// A field's value: trimmed, nil for `-0-` or empty.
    static func value(_ field: String) -> String? {
        let utf8 = field.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return nil }
        let trimmed = first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) ? field : String(field[first...last])
        return trimmed == "-0-" ? nil : trimmed
    }

    /// "TCO] [UKRAINE-EO13660" → ["TCO", "UKRAINE-EO13660"].
    static func programmes(_ field: String?) -> [String] {
        guard let field else { return [] }
        return field.components(separatedBy: "] [").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")) }.filter { !$0.isEmpty }
    }

    static func fileName(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }

    /// The country of "nationality X" or "citizen X" in the remarks.
    func country(remarks: String?) -> Country? {
        guard let remarks else { return nil }
        for label in ["nationality ", "citizen "] {
            var searchRange = remarks.startIndex..<remarks.endIndex
            while let found = remarks.range(of: label, options: .caseInsensitive, range: searchRange) {
                let rest = remarks[found.upperBound...]
                let end = rest.firstIndex(where: { $0 == ";" || $0 == "." }) ?? rest.endIndex
                if let country = resolve(String(rest[..<end])) { return country }
                searchRange = found.upperBound..<remarks.endIndex
            }
        }
        return nil
    }

    /// A country name as OFAC writes it ("Korea, North" too).
    func resolve(_ name: String) -> Country? {
        var trimmed = name.trimmingCharacters(in: .whitespaces)
        // "Nationality of Registration Korea, North" (vessels, aircraft); "possibly Palestinian".
        for prefix in ["of Registration ", "possibly "] where trimmed.lowercased().hasPrefix(prefix.lowercased()) {
            trimmed = String(trimmed.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        if let country = countries.resolve(trimmed) { return country }
        let parts = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2 { return countries.resolve(parts[1] + " " + parts[0]) }
        return nil
    }
}
