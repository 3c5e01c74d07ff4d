import Foundation

/// A previous JSON report: findings whose identity it already holds cannot fail the gate, and
/// the report lists what is new and what was resolved since.
public struct Baseline: Sendable {
    /// A finding of the baseline report, enough to list it as resolved.
    public struct Entry: Sendable, Hashable {
        public var policy: String
        public var id: String
        public var rule: String
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

    /// Reads a JSON report written by `diligence check --format json`.
    public static func load(path: String) throws(InputError) -> Baseline {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(start, "cannot read the baseline report")
        }
        let data = Data(try InputFile.read(path, display: path, limit: 256 << 20))
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw InputError(start, "the baseline is not a JSON report (write one with `diligence check --format json`)")
        }
        guard root["schema_version"] as? Int == 1, let findings = root["findings"] as? [[String: Any]] else {
            throw InputError(start, "the baseline is not a diligence JSON report of schema_version 1")
        }
        var entries: [Entry] = []
        for (index, finding) in findings.enumerated() {
            guard let policy = finding["policy"] as? String, let id = finding["id"] as? String else {
                throw InputError(start, "finding \(index + 1) of the baseline has no `policy` or `id`")
            }
            entries.append(Entry(policy: policy, id: id, rule: finding["rule"] as? String ?? "",
                                 severity: finding["severity"] as? String ?? "", message: finding["message"] as? String ?? ""))
        }
        return Baseline(file: path, asOf: root["as_of"] as? String, entries: entries)
    }
}
