import Foundation

/// The published data sets `db import` brings in, as a list or factor file records them
/// (`snapshot: { source: ofac-sdn, date: 2024-05-03 }`).
public enum SnapshotSource: String, Sendable, CaseIterable, Codable {
    case ofacSDN = "ofac-sdn"
    case openSanctions = "opensanctions"
    case acled
    case stop

    /// How reports and notices name it.
    public var displayName: String {
        switch self {
        case .ofacSDN: "OFAC SDN"
        case .openSanctions: "OpenSanctions"
        case .acled: "ACLED"
        case .stop: "Access Now STOP"
        }
    }

    /// The id of its entry in `sources:` (database.yaml or the factor file).
    public var sourceID: String {
        switch self {
        case .ofacSDN: "ofac-sdn"
        case .openSanctions: "opensanctions"
        case .acled: "acled"
        case .stop: "access-now-stop"
        }
    }

    /// The name references cite it by.
    public var sourceName: String {
        switch self {
        case .ofacSDN: "OFAC SDN list"
        case .openSanctions: "OpenSanctions"
        case .acled: "ACLED"
        case .stop: "Access Now STOP"
        }
    }

    /// Where `db import --into` puts the file, relative to the database folder.
    public var defaultPath: String {
        switch self {
        case .ofacSDN: "lists/ofac-sdn.yaml"
        case .openSanctions: "lists/opensanctions.yaml"
        case .acled: "factors/acled.yaml"
        case .stop: "factors/stop.yaml"
        }
    }

    /// The `sources:` entry of a list source (factor imports declare their own).
    public var listSource: DataSource {
        switch self {
        case .ofacSDN:
            DataSource(id: sourceID, name: sourceName, licence: "Public domain (US Government work)", url: "https://sanctionslist.ofac.treas.gov/")
        case .openSanctions:
            DataSource(
                id: sourceID, name: sourceName, licence: "CC BY-NC 4.0 for non-commercial use; commercial users need an OpenSanctions licence",
                url: "https://www.opensanctions.org")
        case .acled, .stop:
            DataSource(id: sourceID, name: sourceName)
        }
    }

    /// The source an import format brings in.
    public init(_ format: ImportFormat) {
        switch format {
        case .ofacSDN: self = .ofacSDN
        case .openSanctions: self = .openSanctions
        case .acled: self = .acled
        case .stop: self = .stop
        }
    }
}

/// What a file made by `db import` records about the data it holds: which source, the day of
/// the snapshot, whether it is only an excerpt, and the files it was made from.
public struct DataSnapshot: Sendable, Hashable, Codable {
    public var source: SnapshotSource
    public var date: Day
    /// An excerpt (a few entries of the source, as the shipped seeds hold): any full snapshot
    /// of the same source supersedes it.
    public var excerpt = false
    /// The input files with their SHA-256 ("sdn.csv sha256:…").
    public var inputs: [String] = []
    /// The file that holds it: relative to the database folder, and as displayed.
    public var relative = ""
    public var file = ""

    /// A snapshot of `source` on `date`; the loader adds what its file records, a writer the inputs.
    public init(source: SnapshotSource, date: Day) {
        self.source = source
        self.date = date
    }

    /// "lists/ofac.yaml (OFAC SDN, 2025-02-14)"
    public var label: String {
        "\(relative) (\(source.displayName)\(excerpt ? " excerpt" : ""), \(date))"
    }

    /// The YAML block a writer puts at the head of the file.
    public var yaml: String {
        var out = "snapshot:\n  source: \(source.rawValue)\n  date: \(date)\n"
        if excerpt { out += "  excerpt: true\n" }
        if !inputs.isEmpty {
            out += "  inputs:\n"
            for input in inputs { out += "    - \(ListWriter.quoted(input))\n" }
        }
        return out
    }
}

/// A file of a source that a newer snapshot of the same source replaced: it is not loaded.
public struct SupersededSnapshot: Sendable, Hashable, Codable {
    public var old: DataSnapshot
    public var by: DataSnapshot

    /// "lists/ofac-sdn-excerpt.yaml (OFAC SDN excerpt, 2024-05-03) superseded by lists/ofac.yaml (OFAC SDN, 2025-02-14)"
    public var notice: String { "\(old.label) superseded by \(by.label)" }
}

/// The supersede rule: of the files of one source, the newest full snapshot wins, and the others
/// are not loaded. An excerpt (a few entries, as the seeds ship of OFAC's list) yields to any full
/// snapshot of its source, whatever their dates, and to a newer excerpt. Two full snapshots of one
/// source on the same day are an error located at one of them: keep one.
public enum SnapshotSupersede {
    public static func resolve(_ snapshots: [DataSnapshot]) -> (winners: [DataSnapshot], superseded: [SupersededSnapshot], problems: [Diagnostic]) {
        var winners: [DataSnapshot] = []
        var superseded: [SupersededSnapshot] = []
        var problems: [Diagnostic] = []
        let bySource = Dictionary(grouping: snapshots, by: \.source)
        for source in SnapshotSource.allCases {
            guard let group = bySource[source]?.sorted(by: { ($0.excerpt ? 0 : 1, $0.date, $0.relative) > ($1.excerpt ? 0 : 1, $1.date, $1.relative) }),
                let winner = group.first
            else { continue }
            winners.append(winner)
            for other in group.dropFirst() {
                if other.date == winner.date, !other.excerpt {
                    problems.append(
                        Diagnostic(
                            SourceLocation(file: other.file, line: 1, column: 1), .error,
                            "two \(source.displayName) snapshots of \(other.date): \(other.relative) and \(winner.relative); keep one"))
                } else {
                    superseded.append(SupersededSnapshot(old: other, by: winner))
                }
            }
        }
        return (winners, superseded.sorted { $0.old.relative < $1.old.relative }, problems)
    }

    /// The `snapshot:` block of a list file, read without parsing its entries (for list files
    /// the cache answers): the top-level `snapshot:` line and the indented lines under it.
    static func scan(_ bytes: [UInt8]) -> [UInt8]? {
        var lineStart = 0
        var block: [UInt8]?
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            if var current = block {
                if let first = line.first, first != 0x20, first != 0x23, first != 0x0D { return current }
                current += line + [0x0A]
                block = current
            } else if line.starts(with: Array("snapshot:".utf8)) {
                block = Array(line) + [0x0A]
            }
            lineStart = lineEnd + 1
        }
        return block
    }
}
