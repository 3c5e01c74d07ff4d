/// The tables of a JSON schema 4 report that grow with the portfolio (each policy's entry, and
/// the bindings, distance bands, messages, path steps and recommendation lists its findings are
/// first to cite), written to temporary files as the check consumes each policy and copied into the report
/// where the document reaches them. The run keeps of them only each entry's hash and place
/// (`CitedTable.takeEntries()`), so a portfolio ten times larger does not hold ten times the
/// tables. The entries' text is the one the document's encoding would give them in place
/// (`JSONStreamEncoder.section`, at the depth of the document's tables).
///
/// Written by the one thread that consumes the policies in order; read once they are all
/// consumed (`flush()` first).
final class TableSpills: @unchecked Sendable {
    /// The spilled tables, by their key in the document.
    enum Table: Int, CaseIterable, Sendable {
        case bindings, exposureBands, messages, pathSteps, policies, recommendationLists

        /// The document's member.
        var key: String {
            ["bindings", "exposure_bands", "messages", "path_steps", "policies", "recommendation_lists"][rawValue]
        }
    }

    private let files: [SpillFile]
    /// Text not yet written to each file (written 64 KiB at a time: five tables' buffers of a
    /// quarter of a megabyte, grown by doubling, were half a megabyte of the heavy check's peak).
    private var pending: [[UInt8]]
    /// Whether each table has an entry.
    private var listed: [Bool]
    private static let chunk = 1 << 16

    /// A temporary file per table in `folder`.
    init(in folder: String) throws(ReportWriter.WriteError) {
        var files: [SpillFile] = []
        for _ in Table.allCases { files.append(try SpillFile(in: folder)) }
        self.files = files
        pending = Array(repeating: [], count: Table.allCases.count)
        listed = Array(repeating: false, count: Table.allCases.count)
    }

    /// The file of a table (complete once `flush()` has run).
    func file(_ table: Table) -> SpillFile { files[table.rawValue] }

    /// Each spilled member's key and whether it has entries (what the document's encoding
    /// needs to leave its place: `JSONStreamEncoder.parts(of:spilled:lineDepth:)`).
    var keys: [String: Bool] {
        Dictionary(uniqueKeysWithValues: Table.allCases.map { ($0.key, listed[$0.rawValue]) })
    }

    /// The table of a document key (nil: not spilled).
    static func table(key: String) -> Table? { Table.allCases.first { $0.key == key } }

    /// Appends the entries a policy's findings were first to cite, in order.
    func write(_ entries: SpilledEntries) {
        append(entries.bindings.lazy.map(\.binding), to: .bindings)
        append(entries.bands.lazy.map(\.bands), to: .exposureBands)
        append(entries.messages, to: .messages)
        append(entries.steps.lazy.map(\.text), to: .pathSteps)
        append(entries.recommendations.lazy.map(\.texts), to: .recommendationLists)
    }

    /// Appends a policy's entry (policies in file order).
    func write(policy: PolicySummary) {
        append(CollectionOfOne(JSONReport.PolicyEntry(policy)), to: .policies)
    }

    /// Writes what is pending to the files.
    func flush() {
        for table in Table.allCases { flush(table) }
    }

    private func append<Entries: Collection>(_ entries: Entries, to table: Table) where Entries.Element: Encodable {
        guard !entries.isEmpty else { return }
        let section = JSONStreamEncoder.section(
            members: entries, depth: JSONReporter.findingsDepth, lineDepth: JSONReportV3.lineDepth, capacity: 1_024)
        let index = table.rawValue
        // The section's bytes as they are (it has no holes): no text made of them.
        section.appendUnfilled(to: &pending[index], afterText: listed[index])
        listed[index] = true
        if pending[index].count >= Self.chunk { flush(table) }
    }

    private func flush(_ table: Table) {
        let index = table.rawValue
        guard !pending[index].isEmpty else { return }
        files[index].append(bytes: pending[index])
        pending[index] = []
    }
}
