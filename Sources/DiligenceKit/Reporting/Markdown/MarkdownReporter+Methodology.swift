/// Section 4 of the Markdown report: how severity is judged, the thresholds used, and each rule
/// that produced a finding of this report in brief (what it checks, its first severity step);
/// every rule's whole severity ladder is `diligence explain RULE` of the version named here, and
/// each finding's path states the steps that gave its severity.
extension MarkdownReporter {
    // MARK: 4. Methodology

    func methodology(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        let settings = result.options.settings
        out.line("## 4. Methodology")
        out.blank()
        out.line(
            "Every operation in the policy files (sites, trade flows, counterparties, staff travel) is matched against the risk factors in force on the as-of date. Severity follows the UN Guiding Principles' notion of salience: the **severity of the harm** (scale, scope, irremediability) is the factor's own severity; the **likelihood and exposure** of the operation (distance, recency, dependencies, fallbacks, exemptions) raise or lower it by levels, and each finding's path (“Why”) states the steps that gave its severity. Findings at or above `--fail-on` (here: \(result.options.failOn?.name ?? "none")) fail the gate unless accepted with a reason, an approver and an expiry; findings below `--report-min` (here: \(result.options.reportMin)) are left out of this report."
        )
        out.blank()
        out.line(
            "Thresholds: conflict distance bands \(settings.conflictBandsKm.map { "\(Int($0)) km" }.joined(separator: " / ")) (critical / high / medium / low); conflict events count in full for \(settings.conflictFullWeightDays) days and one level lower up to \(settings.conflictLookbackDays) days; shutdown events count in full for \(settings.shutdownRecencyDays) days; unrest events \(settings.unrestRecencyDays.map(String.init).joined(separator: " / ")) days; intelligence is stale \(settings.staleAfterDays) days after its last review, and recency is measured from the as-of date but no later than the last review plus \(settings.staleAfterDays) days; name screening threshold \(settings.screeningThreshold)."
        )
        out.blank()
        let used = result.findings.rules
        let rules = RuleRegistry.all.map(\.description).filter { used.contains($0.id) }
        guard !rules.isEmpty else { return }
        out.line(
            "The rules behind this report's findings, each with what it checks in brief and its first severity step and, under it, its general advice to the findings it gives it (said here once; a finding's factor adds its own recommendations, in its profile); every rule's whole description and severity ladder are printed by `diligence explain RULE` (diligence \(DiligenceVersion.current)), and `docs/severity.md` in its repository lists the severities of the example policies:"
        )
        for description in rules {
            var line = "- **`\(description.id)`**: \(Self.headClause(description.summary))"
            if let first = description.severityModel.first.map(Self.firstSentence), !first.isEmpty { line += " Severity: " + first }
            out.line(line)
            for advice in Self.givenAdvice(description.id, result) { out.line("  - " + Escaping.markdown(advice)) }
        }
        out.blank()
    }

    /// The rule's general advice that a reported finding was given, in the rule's order.
    static func givenAdvice(_ rule: RuleID, _ result: CheckSummary) -> [String] {
        let mask = result.findings.ruleAdvice[rule] ?? 0
        return (RuleRegistry.advice[rule] ?? []).prefix(64).enumerated().filter { mask & (1 << UInt64($0.offset)) != 0 }.map(\.element)
    }

    /// What a rule checks, in brief: its summary up to the first colon, semicolon or full stop
    /// outside parentheses and code spans (the detail after it is in `diligence explain RULE`),
    /// ending with a full stop.
    static func headClause(_ text: String) -> String {
        var depth = 0
        var inCode = false
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            switch character {
            case "`": inCode.toggle()
            case "(" where !inCode: depth += 1
            case ")" where !inCode: depth = max(0, depth - 1)
            default: break
            }
            let next = text.index(after: index)
            if depth == 0, !inCode, [":", ";", "."].contains(character), next == text.endIndex || text[next] == " ", previous != " " {
                return String(text[..<index]) + "."
            }
            previous = character
        }
        return text.hasSuffix(".") ? text : text + "."
    }

    /// The text up to and including its first full stop followed by a space (or all of it).
    static func firstSentence(_ text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}
