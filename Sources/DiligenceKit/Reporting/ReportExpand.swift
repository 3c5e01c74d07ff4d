import Foundation

/// `report expand`: a JSON report of schema 3 or 4 written as schema 2, every finding's evidence
/// list, recommendations and exposure path written out in the finding (the bytes
/// `check --json-schema-version 2` writes for the same run), for a reader that wants each
/// finding whole without resolving ids (docs/json-report.md).
public enum ReportExpansion {
    /// The schema 2 text of the schema 3 or 4 report at `path`.
    public static func expand(path: String) throws(InputError) -> String {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard FileManager.default.isReadableFile(atPath: path) else { throw InputError(start, "cannot read the report") }
        let data = Data(try InputFile.read(path, display: path, limit: 1 << 30))
        struct Version: Decodable { var schema_version: Int? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw InputError(start, "not a JSON report (write one with `diligence check --format json`)")
        }
        guard let schema = version.schema_version, schema == 3 || schema == 4 else {
            throw InputError(
                start,
                "report expand reads a report of schema_version 3 or 4 (this one: \(version.schema_version.map(String.init) ?? "none")); "
                    + "schemas 1 and 2 already hold every finding whole")
        }
        let document = try JSONReportV4.schema3Document(data, version: schema, at: start) { $0.localizedDescription }
        do throws(JSONReportV3.MissingEntry) {
            return JSONReporter.text(of: try document.expanded())
        } catch {
            throw InputError(start, "finding \(error.finding) cites \(error.id), which the report's tables do not hold")
        }
    }
}
