/// Section 1 of the Markdown report: the control block (report id, as-of date, policies,
/// database, the report-level reviewer line; the gate is the executive summary's first line) and the data snapshot.
extension MarkdownReporter {
    // MARK: 1. Control block

    func control(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        // The companies are named once before the findings: in the executive summary's table.
        out.line("# Due-diligence report: geopolitical exposure")
        out.blank()
        if let comparison = result.options.comparison {
            changes(result, comparison, &out)
        }
        out.line("## 1. Control")
        out.blank()
        out.table(
            ["Item", "Value"],
            [
                ["Report id", "`\(reportID(result))`"],
                ["As of", "**\(result.asOf)** (facts dated after this day are not used)"],
                [
                    "Policies covered",
                    "\(result.policies.count): " + result.policies.map { "`\(Escaping.codeInTable($0.policy.file))`" }.joined(separator: ", "),
                ],
                [
                    "Risk database",
                    "\(Escaping.markdown(result.database.name))" + (result.database.version.map { " version \(Escaping.markdown($0))" } ?? "")
                        + ", \(result.database.factorCount) risk factors, \(result.database.entityCount) listed persons and entities",
                ],
                ["Database digest", "`sha256:\(result.database.digest)`"],
                ["Newest review in database", result.database.newestReview?.description ?? "none"],
                ["Prepared by", "diligence \(DiligenceVersion.current) (automated screening; findings need human review)"],
                ["Reviewed and signed off by", "Name: ______________________  Role: ______________________  Date: ____________  Signature: ______________"],
            ])
        out.blank()
        out.line("### Data snapshot")
        out.blank()
        if result.database.sources.isEmpty {
            out.line("The database declares no sources (no `database.yaml`).")
        } else {
            out.table(
                ["Source", "Snapshot date or version", "Age at the as-of date", "Licence or attribution"],
                result.database.sources.map { source in
                    [
                        Escaping.markdown(source.name) + (source.url.map { " (\(Escaping.markdown($0)))" } ?? ""),
                        Escaping.markdown(source.date ?? "not stated"), SnapshotAge.describe(source.date, asOf: result.asOf),
                        Escaping.markdown(source.licence ?? "not stated"),
                    ]
                })
        }
        out.blank()
        out.line(DatabaseAge(reviews: result.database.reviewDates ?? [], asOf: result.asOf).sentence + staleStatement(result))
        for notice in result.database.superseded ?? [] {
            out.blank()
            out.line("Not loaded: " + Escaping.markdown(notice) + ".")
        }
        out.blank()
    }

    /// Whether any factor behind a finding is stale, said beside the database's age; the stale
    /// factors themselves are listed in section 7.
    func staleStatement(_ result: CheckSummary) -> String {
        let stale = Set(result.findings.stale.map(\.subject)).count
        if stale == 0 {
            return " Every factor behind a finding was reviewed within \(result.options.settings.staleAfterDays) days of the as-of date: none is stale."
        }
        return
            " \(stale) factor\(stale == 1 ? "" : "s") behind findings \(stale == 1 ? "was" : "were") last reviewed more than \(result.options.settings.staleAfterDays) days before the as-of date: stale intelligence, listed in section 7."
    }

    /// A stable id for the run: as-of date and a digest of the database and the findings.
    func reportID(_ result: CheckSummary) -> String {
        "DD-\(result.asOf)-\(result.findings.digest.prefix(8))"
    }
}
