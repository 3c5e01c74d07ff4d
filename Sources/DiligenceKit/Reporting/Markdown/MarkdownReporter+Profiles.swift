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
            "Each risk factor behind a finding, stated once: what it is, its events up to \(result.asOf), each with the quotes that state it, its other sources (quoted) and what to do. A quote is written out once, where it is first cited; after that its number stands for it (with the factor it is quoted under), and a quote whose words are part of a longer quote of the same article is cited by that quote's number. The findings (section 5) link here."
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
        let known = factor.references.indices.filter { (factor.references[$0].date?.earliest).map { $0 <= result.asOf } ?? true }
        let later = factor.references.count - known.count
        let events = factor.events(asOf: result.asOf)
        let listed =
            events.count > Self.profileEventLimit
            ? Array(events.sorted { ($0.date, $0.id ?? "") > ($1.date, $1.id ?? "") }.prefix(Self.profileEventLimit).reversed())
            : events
        // Each event with the quotes that state it (its `quotes`, places in the references);
        // the other quotes after the events.
        let knownSet = Set(known)
        let stating = Set(listed.flatMap { $0.quotes.map { $0 - 1 } }).intersection(knownSet)
        let others = known.filter { !stating.contains($0) }
        let unknown = later > 0 ? " (\(later) more dated after the as-of date, not cited)" : ""
        let unknownSources = later > 0 ? " (\(later) more source\(later == 1 ? "" : "s") dated after the as-of date, not cited)" : ""
        if !listed.isEmpty {
            out.line(
                "- **Events** up to \(result.asOf)"
                    + (events.count > Self.profileEventLimit ? " (the \(Self.profileEventLimit) most recent of \(events.count))" : "")
                    + ", each with the quotes that state it" + (others.isEmpty && !stating.isEmpty ? unknownSources : "") + ":")
            for event in listed {
                var line = "  - " + Escaping.markdown(event.evidenceDate) + ": "
                if let id = event.id { line += "`\(Escaping.code(id))` " }
                line += Escaping.markdown(event.evidenceFact)
                if let killed = event.fatalities, killed > 0 { line += " (\(killed) killed)" }
                let own = event.quotes.map { $0 - 1 }.filter { knownSet.contains($0) }
                if !own.isEmpty {
                    line += ": " + own.map { cite(factor.references[$0], of: factor, &citations, &quoted) }.joined(separator: " ")
                }
                out.line(line)
            }
        }
        // Without other quotes, the sources dated later are counted on the events' line.
        if !others.isEmpty || (later > 0 && stating.isEmpty) {
            out.line((stating.isEmpty ? "- **Sources:**" : "- **Other sources:**") + unknown)
            for place in others { out.line("  - " + cite(factor.references[place], of: factor, &citations, &quoted)) }
        }
        if !factor.recommendations.isEmpty {
            out.line("- **What to do:**")
            for (index, recommendation) in factor.recommendations.enumerated() {
                out.line("  \(index + 1). \(Escaping.markdown(recommendation))")
            }
        }
        out.blank()
    }

    /// A source as a profile cites it: its quote and number the first time; its number alone
    /// (with the factor it is quoted under) after that; the number of a longer quote of the
    /// same document that holds its words; a source without a quote by its description.
    private func cite(_ reference: Reference, of factor: RiskFactor, _ citations: inout Citations, _ quoted: inout [Reference: String]) -> String {
        let number = "[\(citations.number(for: reference))]"
        if let first = quoted[reference] {
            return first == factor.id ? number : "\(number), quoted under [`\(Escaping.code(first))`](#\(Self.anchor("factor", first)))"
        }
        guard let quote = reference.quote else { return Self.sourceText(reference) + " (no quote) " + number }
        // A quote whose words are part of a longer quote of the same document: cited by it
        // (the one numbered first, when several hold it).
        var holders = quoted.filter { Self.holds($0.key, reference) }.map { (reference: $0.key, under: $0.value) }
        if let own = factor.references.first(where: { Self.holds($0, reference) && quoted[$0] == nil }) { holders.append((own, factor.id)) }
        if let holder = holders.min(by: { (citations.existing($0.reference) ?? .max) < (citations.existing($1.reference) ?? .max) }) {
            quoted[reference] = holder.under
            let under = holder.under == factor.id ? "" : ", quoted under [`\(Escaping.code(holder.under))`](#\(Self.anchor("factor", holder.under)))"
            return "\(number) (its words are part of [\(citations.number(for: holder.reference))]\(under))"
        }
        quoted[reference] = factor.id
        return "“\(Escaping.markdown(quote))” \(number)"
    }

    /// Whether `longer` quotes the same document (source, title and date) as `reference` and
    /// its quote holds the reference's quote whole, being longer.
    static func holds(_ longer: Reference, _ reference: Reference) -> Bool {
        guard let outer = longer.quote, let inner = reference.quote, outer.utf8.count > inner.utf8.count else { return false }
        return longer.source == reference.source && longer.title == reference.title && longer.date?.text == reference.date?.text
            && outer.containsBytes(of: inner)
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
