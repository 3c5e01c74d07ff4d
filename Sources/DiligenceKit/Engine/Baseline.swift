import Foundation

/// A previous JSON report: findings whose identity it already holds cannot fail the gate, and
/// the report lists what is new and what was resolved since.
public struct Baseline: Sendable {
    /// A finding of the baseline report, enough to list it as resolved.
    public struct Entry: Sendable, Hashable {
        public var policy: String
        public var id: String
        public var rule: RuleID
        public var severity: String
        public var message: String
        public var key: String { "\(policy)#\(id)" }

        /// The entry as a finding of the compared run, for the classification every comparison shares.
        var previous: ChangeComparison.Previous {
            ChangeComparison.Previous(policy: policy, identity: id, rule: rule, severity: Severity(name: severity), message: message, line: 0)
        }
    }

    public var file: String
    public var asOf: String?
    public var entries: [Entry]
    let keys: Set<String>

    public init(file: String, asOf: String?, entries: [Entry]) {
        self.file = file
        self.asOf = asOf
        self.entries = entries
        self.keys = Set(entries.map(\.key))
    }

    /// Whether the baseline already holds this finding (same policy file and identity).
    public func contains(_ finding: Finding) -> Bool {
        keys.contains("\(finding.policy)#\(finding.identity)")
    }

    /// What a baseline needs of a JSON report of schema 1 or 2 (schemas 3 and 4 are read as
    /// `JSONReportV3.Document`): its version, date and findings.
    struct Report: Decodable {
        struct FindingEntry: Decodable {
            var id: String
            var message: String?
            var policy: String
            var rule: RuleID?
            var severity: String?
        }

        var as_of: String?
        var findings: [FindingEntry]
        var schema_version: Int
    }

    /// Reads a JSON report written by `diligence check --format json` (schema 1, 2, 3 or 4).
    public static func load(path: String) throws(InputError) -> Baseline {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(start, "cannot read the baseline report")
        }
        let data = Data(try InputFile.read(path, display: path, limit: 256 << 20))
        struct Version: Decodable { var schema_version: Int? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw InputError(start, "the baseline is not a JSON report (write one with `diligence check --format json`)")
        }
        guard let schema = version.schema_version, JSONReporter.schemaVersions.contains(schema) else {
            throw InputError(
                start,
                "the baseline is not a diligence JSON report of schema_version "
                    + ListFormat.or(JSONReporter.schemaVersions.sorted().map(String.init)))
        }
        if schema >= 3 {
            // Schemas 3 and 4 name a finding's policy by its place in `policies`, and leave out
            // an identity that is `rule/subject/factor`; schema 4 is read as its schema 3 document.
            let report = try schema == 3 ? decode(JSONReportV3.Document<[JSONReportV3.FindingEntry]>.self, data, start) : version4(data, start)
            var entries: [Entry] = []
            for (index, finding) in report.findings.enumerated() {
                guard report.policies.indices.contains(finding.policy) else {
                    throw InputError(start, "finding \(index + 1) of the baseline names policy \(finding.policy), which `policies` does not hold")
                }
                entries.append(
                    Entry(
                        policy: report.policies[finding.policy].file, id: finding.identity, rule: finding.rule, severity: finding.severity,
                        message: finding.message))
            }
            return Baseline(file: path, asOf: report.as_of, entries: entries)
        }
        let report = try decode(Report.self, data, start)
        let entries = report.findings.map {
            Entry(policy: $0.policy, id: $0.id, rule: $0.rule ?? "", severity: $0.severity ?? "", message: $0.message ?? "")
        }
        return Baseline(file: path, asOf: report.as_of, entries: entries)
    }

    /// A schema 4 report as its schema 3 document.
    private static func version4(_ data: Data, _ start: SourceLocation) throws(InputError) -> JSONReportV3.Document<[JSONReportV3.FindingEntry]> {
        let report = try decode(JSONReportV4.Document<[JSONReportV4.FindingEntry]>.self, data, start)
        do throws(JSONReportV4.MissingPlace) {
            return try report.schema3()
        } catch {
            throw InputError(start, "\(error.place) of the baseline cites \(error.what), which its tables do not hold")
        }
    }

    /// The report decoded, or a located error saying which member is missing or wrong.
    private static func decode<Value: Decodable>(_ type: Value.Type, _ data: Data, _ start: SourceLocation) throws(InputError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw InputError(start, "\(Self.place(context.codingPath)) of the baseline has no `\(key.stringValue)`")
        } catch let DecodingError.typeMismatch(_, context) {
            throw InputError(start, "\(Self.place(context.codingPath)) of the baseline is not what a report holds there")
        } catch {
            throw InputError(start, "the baseline is not a diligence JSON report (\(error.localizedDescription))")
        }
    }

    /// "finding 3" for a path into `findings`, else the member's name.
    private static func place(_ path: [any CodingKey]) -> String {
        if path.first?.stringValue == "findings", path.count > 1, let index = path[1].intValue { return "finding \(index + 1)" }
        let names = path.map(\.stringValue).joined(separator: ".")
        return names.isEmpty ? "the top level" : "`\(names)`"
    }
}

/// "1, 2 or 3".
private enum ListFormat {
    static func or(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
    }
}
