/// Risk factors that matched but were last reviewed long before the as-of date.
public struct StaleIntelligenceRule: Rule {
    public init() {}

    public let phase = RulePhase.review

    public let description = RuleDescription(
        id: .staleIntelligence,
        name: "Stale intelligence",
        summary:
            "A risk factor that produced a finding but was last reviewed more than \(RuleSettings.defaults.staleAfterDays) days before the as-of date, or an imported list whose snapshot is that old: the finding may over- or under-state today's risk.",
        facts:
            "The `reviewed` date of every risk factor behind the policy's other findings (an imported factor is reviewed on its snapshot date), and the snapshot date of the imported list behind a listed-counterparty match.",
        severityModel: [
            "Medium when a finding it supports is high or critical; low otherwise.",
            "Reported once per factor (or list snapshot) per policy, at the first finding it supports.",
        ],
        recommendations: [
            "Ask the risk-intelligence owner to review the factor (events since the last review, whether it is still in force) and update `reviewed`."
        ],
        examplesAsOf: "2021-06-30"
    )

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // The records reported stale (factor ids, snapshots): an id equal to one is passed over.
        var seen: Set<String> = []
        let all = context.findings
        // Each record cited by a finding gets a number, in one pass over the findings (one
        // dictionary look-up per citation), with the worst severity among the findings it
        // supports; the pass in report order then reads the numbers (each citation was looked
        // up three times, by its text: the worst severity, the set of records judged, the set
        // of records reported).
        // Room made at once (the table grew, and was rehashed, several times per policy); the
        // last record's number kept aside: a policy's findings cite the same few records one
        // after the other, and an equal text (most often the same storage) needs no hashing.
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(all.count)
        var last: (id: String, number: Int)?
        var worst: [Severity] = []
        var cited: [Int] = []
        cited.reserveCapacity(all.count)
        var citedFrom = [Int](repeating: 0, count: all.count + 1)
        for index in all.indices {
            let severity = all[index].severity
            for id in all[index].factors {
                let number: Int
                if let last, last.id == id {
                    number = last.number
                    if severity > worst[number] { worst[number] = severity }
                } else if let known = numbers[id] {
                    number = known
                    last = (id, number)
                    if severity > worst[number] { worst[number] = severity }
                } else {
                    number = worst.count
                    numbers[id] = number
                    last = (id, number)
                    worst.append(severity)
                }
                cited.append(number)
            }
            citedFrom[index + 1] = cited.count
        }
        // Each record is judged once, at the first finding (in report order) that cites it: the
        // findings are ordered by position, not copied, and a record found current is not
        // looked up again for every later finding.
        var judged = [Bool](repeating: false, count: worst.count)
        for index in Finding.reportOrder(of: all) {
            // Where the finding is, read in place (each finding was copied whole).
            let mark = Mark(line: all[index].line, column: all[index].column)
            let first = citedFrom[index]
            for position in first..<citedFrom[index + 1] where !judged[cited[position]] {
                let number = cited[position]
                // The id as this finding writes it (as the sets of texts answered).
                let id = all[index].factors[position - first]
                if !seen.isEmpty, seen.contains(id) { continue }
                judged[number] = true
                if let stale = judge(id, at: mark, worst: worst[number], context, seen: &seen) { findings.append(stale) }
            }
        }
        return findings
    }

    /// The stale record behind `id` (a factor, or a listed entity's snapshot), judged at the
    /// first finding citing it; nil when it is current. A record found stale is added to `seen`.
    private func judge(_ id: String, at mark: Mark, worst: Severity?, _ context: RuleContext, seen: inout Set<String>) -> Finding? {
        guard let factor = context.database.factor(id: id) else {
            return staleSnapshot(behind: id, at: mark, context, worst: worst, seen: &seen)
        }
        let age = factor.reviewed.days(until: context.asOf)
        guard age > context.settings.staleAfterDays else { return nil }
        seen.insert(id)
        let assessment = assess(
            worst: worst, lines: [factor.id, "reviewed \(factor.reviewed)", "\(age) days > \(context.settings.staleAfterDays)"])
        let severity = assessment.severity
        var stale = Finding(
            rule: description.id, severity: severity, policy: context.policy,
            mark: mark, subject: factor.id, subjectKind: .factor,
            subjectName: factor.title, factor: nil,
            message:
                "\(factor.id) (\(factor.title)) was last reviewed on \(factor.reviewed), \(age) days before \(context.asOf); the findings it supports may be out of date",
            path: assessment.path(description),
            evidence: [Evidence(record: factor.id, fact: "Last reviewed", date: factor.reviewed.description, reference: factor.references.first)],
            recommendations: description.recommendations)
        stale.factors = [factor.id]
        return stale
    }

    /// `check` as it was written before: the records looked up by their texts in sets and a
    /// dictionary at every citation (the general way, which the numbered records must answer as).
    func findingsByTexts(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        var judged: Set<String> = []
        let all = context.findings
        var worst: [String: Severity] = [:]
        for index in all.indices {
            let severity = all[index].severity
            for id in all[index].factors where worst[id].map({ severity > $0 }) ?? true { worst[id] = severity }
        }
        for index in Finding.reportOrder(of: all) {
            let mark = Mark(line: all[index].line, column: all[index].column)
            for id in all[index].factors where !seen.contains(id) && judged.insert(id).inserted {
                if let stale = judge(id, at: mark, worst: worst[id], context, seen: &seen) { findings.append(stale) }
            }
        }
        return findings
    }

    /// Medium when a finding the stale record supports is high or critical, low otherwise.
    func assess(worst: Severity?, lines: [String]) -> SeverityAssessment {
        let worst = worst ?? .info
        return SeverityAssessment(start: worst >= .high ? .medium : .low, lines: lines)
    }

    /// A listed entity's imported list whose snapshot is older than the limit: the same finding
    /// as for a factor, about the snapshot (once per snapshot per policy).
    func staleSnapshot(
        behind id: String, at mark: Mark, _ context: RuleContext, worst: Severity?, seen: inout Set<String>
    ) -> Finding? {
        guard !context.database.snapshots.isEmpty, let entity = context.database.entities.first(where: { $0.id == id }),
            let snapshot = context.database.snapshots.first(where: { $0.file == entity.file }), !seen.contains(snapshot.relative)
        else { return nil }
        let age = snapshot.date.days(until: context.asOf)
        guard age > context.settings.staleAfterDays else { return nil }
        seen.insert(snapshot.relative)
        let assessment = assess(
            worst: worst, lines: [snapshot.relative, "snapshot \(snapshot.date)", "\(age) days > \(context.settings.staleAfterDays)"])
        let severity = assessment.severity
        let name = "\(snapshot.source.displayName) snapshot \(snapshot.relative)"
        var stale = Finding(
            rule: description.id, severity: severity, policy: context.policy,
            mark: mark, subject: snapshot.relative, subjectKind: .factor,
            subjectName: name, factor: nil,
            message: "\(name), behind \(id), is a snapshot of \(snapshot.date), \(age) days before \(context.asOf); listings may have changed since",
            path: assessment.path(description),
            evidence: [
                Evidence(record: id, fact: "Snapshot of \(snapshot.source.displayName)", date: snapshot.date.description, reference: entity.references.first)
            ],
            recommendations: [
                "Import a current snapshot of \(snapshot.source.displayName) (`diligence db import --from \(snapshot.source.rawValue) ... --into DB`) and re-run the check."
            ])
        stale.factors = [snapshot.relative]
        return stale
    }
}
