import Foundation

/// Risk factors brought in by `diligence db import` (ACLED, Access Now STOP), before they are
/// written as a factor file: the factors, the sources they cite, and what the run should say.
public struct ImportedFactors: Sendable {
    public var factors: [RiskFactor]
    /// Sources the factors cite; written into the factor file, where the loader adds them to
    /// those of database.yaml.
    public var sources: [DataSource]
    /// Comment lines for the head of the written file.
    public var header: [String]
    /// Problems that did not stop the import (rows skipped), located.
    public var warnings: [Diagnostic] = []
    /// One-line counts for the terminal.
    public var summary: [String] = []
    /// The snapshot the file records (`snapshot:`): its source and date.
    public var snapshot: DataSnapshot?

}

/// A CSV file whose first record (or a later one, for files with a title row) names its
/// columns: columns are found by name, in any order, with extra columns ignored.
struct HeadedCSV {
    let csv: CSVReader
    let headerIndex: Int
    /// Normalised column name → field index.
    let columns: [String: Int]
    let names: [String]
    /// Normalised names that appear more than once (only when duplicates are allowed), with the
    /// column of their second appearance.
    let duplicates: [String: Int]

    var header: CSVReader.Record { csv.records[headerIndex] }
    var rows: ArraySlice<CSVReader.Record> { csv.records[(headerIndex + 1)...] }

    /// Column names as compared: trimmed, lower case, runs of other characters as one `_`.
    static func normalise(_ name: String) -> String {
        var out = ""
        var pendingSeparator = false
        for scalar in name.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSeparator, !out.isEmpty { out += "_" }
                pendingSeparator = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return out
    }

    /// Reads the header; a name that appears twice is an error unless `allowingDuplicates`, when
    /// the first is used and the caller decides whether the twin matters (`duplicates`).
    init(csv: CSVReader, headerIndex: Int, allowingDuplicates: Bool = false) throws(InputError) {
        self.csv = csv
        self.headerIndex = headerIndex
        var columns: [String: Int] = [:]
        var problems: [Diagnostic] = []
        var duplicates: [String: Int] = [:]
        let header = csv.records[headerIndex]
        for (index, name) in header.fields.enumerated() {
            let key = Self.normalise(name)
            guard !key.isEmpty else { continue }
            if let first = columns[key] {
                if allowingDuplicates {
                    if duplicates[key] == nil { duplicates[key] = index }
                    continue
                }
                problems.append(
                    Diagnostic(
                        header.location(index, file: csv.file), .error,
                        "column `\(name.trimmingCharacters(in: .whitespaces))` appears twice (also column \(first + 1))"))
            } else {
                columns[key] = index
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        self.columns = columns
        self.names = header.fields
        self.duplicates = duplicates
    }

    /// The index of the first column named one of `names` (normalised).
    func column(_ names: [String]) -> Int? {
        names.lazy.compactMap { self.columns[Self.normalise($0)] }.first
    }

    /// A field's trimmed text, nil when the column is absent or the field empty.
    static func value(_ record: CSVReader.Record, _ column: Int?) -> String? {
        guard let column, record.fields.indices.contains(column) else { return nil }
        let text = record.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
