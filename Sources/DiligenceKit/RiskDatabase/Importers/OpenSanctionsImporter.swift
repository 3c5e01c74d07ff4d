import Foundation

/// Reads OpenSanctions data in FollowTheMoney JSON lines (`entities.ftm.json`): one entity per
/// line, `{"id", "schema", "caption", "properties": {"name": [...], ...}, "datasets": [...]}`.
///
/// - Persons, organisations (Organization, Company, LegalEntity, PublicBody), vessels and
///   airplanes become list entries; other schemas (Sanction, Address, Ownership, ...) are not
///   entries, but a `Sanction` lends its `program` and earliest `listingDate`/`startDate` to the
///   entity it names.
/// - `name` gives the name (the caption first) and further names; `alias`, `weakAlias` and
///   `previousName` are aliases.
/// - The country is the first of `country`, `nationality`, `citizenship`, `jurisdiction`, `flag`
///   that is an ISO code.
/// - `listed_by` is the entity's datasets; topics containing `sanction` give an asset freeze.
/// - Entities with `"target": false` (only related to a target) are skipped.
public struct OpenSanctionsImporter: Sendable {
    public let countries: CountryTable
    /// The publication date of the export, for the references; nil writes no date.
    public var snapshotDate: Day?

    static let schemas: [String: ListedEntity.Kind] = [
        "Person": .person, "Organization": .organisation, "Company": .organisation, "LegalEntity": .organisation,
        "PublicBody": .organisation, "Vessel": .vessel, "Airplane": .aircraft,
    ]

    public init(countries: CountryTable, snapshotDate: Day? = nil) {
        self.countries = countries
        self.snapshotDate = snapshotDate
    }

    /// Imports the bytes of a JSON lines file (display path `file`), reporting every bad line.
    public func importFile(bytes: [UInt8], file: String) throws(InputError) -> ImportedList {
        var problems: [Diagnostic] = []
        var entities: [ImportedList.Entity] = []
        var sanctions: [String: (programmes: [String], since: Day?)] = [:]
        var newestChange: Day?
        var skipped = 0
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        var lines = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let content = line.last == 0x0D ? line.dropLast() : line
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            lines += 1
            if let bad = Self.firstInvalidUTF8(content) {
                problems.append(Diagnostic(SourceLocation(file: file, line: lineNumber, column: bad), .error, "bad encoding: not UTF-8"))
                continue
            }
            let object: [String: Any]
            do {
                guard let parsed = try JSONSerialization.jsonObject(with: Data(content)) as? [String: Any] else {
                    problems.append(
                        Diagnostic(SourceLocation(file: file, line: lineNumber, column: 1), .error, "expected a JSON object (an entity) on each line"))
                    continue
                }
                object = parsed
            } catch {
                problems.append(Diagnostic(SourceLocation(file: file, line: lineNumber, column: 1), .error, "invalid JSON: \(Self.describe(error))"))
                continue
            }
            guard let id = object["id"] as? String, !id.isEmpty, let schema = object["schema"] as? String else {
                problems.append(Diagnostic(SourceLocation(file: file, line: lineNumber, column: 1), .error, "an entity needs `id` and `schema`"))
                continue
            }
            let properties = object["properties"] as? [String: Any] ?? [:]
            // `last_change` (or `last_seen`), "2025-01-15T06:10:02": the newest dates the export.
            for key in ["last_change", "last_seen"] {
                if let text = object[key] as? String, let day = Day(iso: String(text.prefix(10))) { newestChange = max(newestChange ?? day, day) }
            }
            func values(_ key: String) -> [String] {
                (properties[key] as? [Any] ?? []).compactMap { $0 as? String }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            }
            if schema == "Sanction" {
                for target in values("entity") {
                    var entry = sanctions[target] ?? ([], nil)
                    for programme in values("program") + values("programId") where !entry.programmes.contains(programme) {
                        entry.programmes.append(programme)
                    }
                    for date in values("listingDate") + values("startDate") {
                        if let day = Day(iso: String(date.prefix(10))), entry.since.map({ day < $0 }) ?? true { entry.since = day }
                    }
                    sanctions[target] = entry
                }
                continue
            }
            guard let kind = Self.schemas[schema], (object["target"] as? Bool) != false else {
                skipped += 1
                continue
            }
            var names = values("name")
            if let caption = (object["caption"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !caption.isEmpty {
                names.removeAll { $0 == caption }
                names.insert(caption, at: 0)
            }
            guard let name = names.first else {
                problems.append(Diagnostic(SourceLocation(file: file, line: lineNumber, column: 1), .error, "entity `\(id)` has no name"))
                continue
            }
            var aliases: [String] = []
            for alias in names.dropFirst() + values("alias") + values("weakAlias") + values("previousName") where alias != name && !aliases.contains(alias) {
                aliases.append(alias)
            }
            let country = ["country", "nationality", "citizenship", "jurisdiction", "flag"].lazy
                .flatMap { values($0) }.compactMap { code in code.count == 2 ? countries.resolve(code) : nil }.first
            let datasets = (object["datasets"] as? [Any] ?? []).compactMap { $0 as? String }.filter(FieldType.isIdentifier)
            let topics = values("topics")
            // Ids must stay unique once written as list identifiers (a list with a repeated id
            // does not load): a repeat, or two ids that read the same, is the export's error.
            let identifier = Self.identifier(id)
            if let first = firstLine[identifier] {
                problems.append(
                    Diagnostic(
                        SourceLocation(file: file, line: lineNumber, column: 1), .error,
                        "entity id `\(id)` repeats the entity of line \(first)" + (identifier == id ? "" : " (both read `\(identifier)`)")))
                continue
            }
            firstLine[identifier] = lineNumber
            entities.append(
                ImportedList.Entity(
                    id: identifier, name: name, aliases: aliases, kind: kind, country: country, listedBy: datasets,
                    programmes: values("program"), measures: topics.contains { $0.hasPrefix("sanction") } ? ["asset-freeze"] : [], since: nil,
                    references: [
                        Reference(
                            source: "OpenSanctions", title: "OpenSanctions entity \(id)", date: snapshotDate.flatMap { PartialDate($0.description) },
                            quote: nil, url: "https://www.opensanctions.org/entities/\(id)/")
                    ]))
        }
        if lines == 0 { problems.append(Diagnostic(SourceLocation(file: file, line: 1, column: 1), .error, "empty file: no entities")) }
        if !problems.isEmpty { throw InputError(problems) }
        for index in entities.indices {
            let originalID = entities[index].references.first?.title?.dropFirst("OpenSanctions entity ".count) ?? ""
            guard let sanction = sanctions[String(originalID)] else { continue }
            for programme in sanction.programmes where !entities[index].programmes.contains(programme) { entities[index].programmes.append(programme) }
            entities[index].since = entities[index].since ?? sanction.since
        }
        let dated = snapshotDate.map { "as published on \($0)" } ?? newestChange.map { "last changed \($0)" } ?? "snapshot date not given (--snapshot-date)"
        var list = ImportedList(
            entities: entities,
            header: [
                "OpenSanctions (FollowTheMoney entities), imported by `diligence db import --from opensanctions` from \((file as NSString).lastPathComponent), \(dated).",
                "Licence: CC BY-NC 4.0 for non-commercial use; commercial users need an OpenSanctions licence. `since` is the earliest",
                "listing or start date of the entity's sanctions where the data gives one.",
            ],
            summary: [
                "\(entities.count) entries (\(entities.filter { $0.kind == .person }.count) persons, \(entities.filter { $0.kind == .organisation }.count) organisations, \(entities.filter { $0.kind == .vessel }.count) vessels, \(entities.filter { $0.kind == .aircraft }.count) aircraft), \(entities.map(\.aliases.count).reduce(0, +)) aliases, \(skipped) other entities skipped"
            ])
        list.snapshot = (snapshotDate ?? newestChange).map { DataSnapshot(source: .openSanctions, date: $0) }
        return list
    }

    /// The id as a list identifier: characters outside `A-Z a-z 0-9 . _ : / -` become `-`.
    static func identifier(_ id: String) -> String {
        let cleaned = String(
            id.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._:/-".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
            }.prefix(200))
        return cleaned
    }

    /// The 1-based column (in bytes) of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        UTF8Check.firstInvalidOffset(bytes).map { $0 + 1 }
    }

    static func describe(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        return text.isEmpty ? "cannot parse" : text
    }
}
