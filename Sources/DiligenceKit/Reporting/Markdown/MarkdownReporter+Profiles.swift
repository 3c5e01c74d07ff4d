/// Section 6 of the Markdown report, the country risk profiles: each factor behind a finding
/// stated once, laid out after every policy is checked, from the findings' factor ids and the
/// database's factors.
extension MarkdownReporter {
    /// Most events a profile lists of one factor (the most recent); the rest are counted.
    static let profileEventLimit = 30

    // MARK: 6. Country risk profiles

    /// The factors behind the reported findings, by country (in name order), each in id order;
    /// with the countries of the companies' operations that the database covers, even when no
    /// finding cites a factor of theirs.
    func profiledFactors(_ result: CheckSummary) -> [(country: Country, factors: [RiskFactor])] {
        var seen: Set<String> = []
        var byCountry: [Country: [RiskFactor]] = [:]
        for id in result.findings.factorIDs where !seen.contains(id) {
            seen.insert(id)
            if let factor = result.factors.factor(id) { byCountry[factor.country, default: []].append(factor) }
        }
        for entry in result.policies {
            for country in entry.policy.countries where byCountry[country] == nil && result.factors.covers(country) {
                byCountry[country] = []
            }
        }
        return byCountry.keys.sorted { ($0.name, $0.code) < ($1.name, $1.code) }.map { country in
            (country, (byCountry[country] ?? []).sorted { $0.id < $1.id })
        }
    }

    /// Each factor behind a finding, stated once: its facts, its sources with their quotes, its
    /// events as of the as-of date and its recommendations. `citations` numbers the sources
    /// (a source no finding cited is numbered after the others).
    func profiles(_ result: CheckSummary, _ citations: inout Citations, _ out: inout MarkdownDocument) {
        out.line("## 6. Country risk profiles")
        out.blank()
        let countries = profiledFactors(result)
        if countries.isEmpty {
            out.line("No risk factor is behind a finding of this report.")
            out.blank()
            return
        }
        out.line(
            "Each risk factor behind a finding, stated once: what it is, its sources (quoted), its events up to \(result.asOf) and what to do. The findings (section 5) link here."
        )
        out.blank()
        // A source two factors share is quoted under the first only.
        var quoted: [Reference: String] = [:]
        for (country, factors) in countries {
            out.line("### \(country.description)")
            out.blank()
            for factor in factors { profile(factor, result, &citations, &quoted, &out) }
            // The country's other factors, one line each: what was checked and did not apply,
            // or is not in force on the as-of date.
            let shown = Set(factors.map(\.id))
            let others = result.factors.factors(in: country).filter { !shown.contains($0.id) }
            if !others.isEmpty {
                out.line("Other factors for \(country.name) in the database, behind no finding of this report:")
                for factor in others {
                    // Dates after the as-of date were not known on it: not shown.
                    let dates: String
                    if factor.inForceFrom > result.asOf {
                        dates = "not yet in force on \(result.asOf)"
                    } else if let until = factor.inForceUntil, until < result.asOf {
                        dates = "in force from \(factor.inForceFrom) until \(until); not in force on \(result.asOf)"
                    } else {
                        dates = "in force from \(factor.inForceFrom)"
                    }
                    out.line(
                        "- \(Escaping.markdown(factor.title)) (`\(Escaping.code(factor.id))`, \(factor.kind.rawValue), severity \(factor.severity), \(dates))")
                }
                out.blank()
            }
        }
    }

    private func profile(
        _ factor: RiskFactor, _ result: CheckSummary, _ citations: inout Citations, _ quoted: inout [Reference: String],
        _ out: inout MarkdownDocument
    ) {
        out.line("<a id=\"\(Self.anchor("factor", factor.id))\"></a>")
        out.line("#### \(Escaping.markdown(factor.title)) (`\(Escaping.code(factor.id))`)")
        out.blank()
        // Nothing dated after the as-of date: a measure announced but not yet in force says so,
        // without the later date; a later review is said to be later.
        var facts = "\(factor.kind.rawValue), severity \(factor.severity); "
        if factor.inForceFrom > result.asOf {
            facts += "announced" + (factor.published.map { $0 <= result.asOf ? " on \($0)" : "" } ?? "") + ", not in force on the as-of date"
        } else {
            facts += "in force since \(factor.inForceFrom)"
            if let until = factor.inForceUntil { facts += until <= result.asOf ? " until \(until)" : "" }
        }
        facts += factor.reviewed <= result.asOf ? "; reviewed \(factor.reviewed)" : "; reviewed after the as-of date"
        let age = factor.reviewed.days(until: result.asOf)
        if age > result.options.settings.staleAfterDays { facts += " (\(age) days before the as-of date: stale)" }
        if let exempt = factor.exemptGoodsEvidence { facts += ". " + Escaping.markdown(exempt.fact) }
        out.line(facts + ".")
        // Sources dated after the as-of date were not known on it: not cited, only counted.
        let known = factor.references.filter { ($0.date?.earliest).map { $0 <= result.asOf } ?? true }
        let later = factor.references.count - known.count
        if !known.isEmpty {
            out.line("- **Sources:**" + (later > 0 ? " (\(later) more dated after the as-of date, not cited)" : ""))
            for reference in known {
                let number = "[\(citations.number(for: reference))]"
                if let first = quoted[reference] {
                    out.line("  - \(number), quoted under [`\(Escaping.code(first))`](#\(Self.anchor("factor", first)))")
                } else if let quote = reference.quote {
                    quoted[reference] = factor.id
                    out.line("  - “\(Escaping.markdown(quote))” \(number)")
                } else {
                    out.line("  - " + Self.sourceText(reference) + " (no quote) " + number)
                }
            }
        }
        let events = factor.events(asOf: result.asOf)
        if !events.isEmpty {
            out.line(
                "- **Events** up to \(result.asOf)"
                    + (events.count > Self.profileEventLimit ? " (the \(Self.profileEventLimit) most recent of \(events.count))" : "") + ":")
            let listed =
                events.count > Self.profileEventLimit
                ? Array(events.sorted { ($0.date, $0.id ?? "") > ($1.date, $1.id ?? "") }.prefix(Self.profileEventLimit).reversed())
                : events
            for event in listed {
                var line = "  - " + Escaping.markdown(event.evidenceDate) + ": "
                if let id = event.id { line += "`\(Escaping.code(id))` " }
                line += Escaping.markdown(event.evidenceFact)
                if let killed = event.fatalities, killed > 0 { line += " (\(killed) killed)" }
                out.line(line)
            }
        }
        if !factor.recommendations.isEmpty {
            out.line("- **What to do:**")
            for (index, recommendation) in factor.recommendations.enumerated() {
                out.line("  \(index + 1). \(Escaping.markdown(recommendation))")
            }
        }
        out.blank()
    }

    /// "MS Risk Blog, “Title”, 2020-09, https://…"
    static func sourceText(_ reference: Reference) -> String {
        var text = Escaping.markdown(reference.source)
        if let title = reference.title { text += ", “\(Escaping.markdown(title))”" }
        if let date = reference.date { text += ", \(date.text)" }
        if let url = reference.url { text += ", \(Escaping.markdown(url))" }
        return text
    }
}
