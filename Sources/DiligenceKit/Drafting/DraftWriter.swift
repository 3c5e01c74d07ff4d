import Foundation

/// Writes a `Draft` as a factor file (`sources:` and `factors:`) that `validate` accepts with a
/// warning per factor (`status: draft`). Every value from the article is double-quoted and
/// escaped; every proposal says in a `# review:` comment what the analyst must check, and the
/// named persons and organisations follow as a commented `entities:` list.
public enum DraftWriter {
    /// Most references (quoted sentences) a factor carries.
    public static let maxReferences = 60

    public static func yaml(_ draft: Draft, file: String) -> String {
        let q = ListWriter.quoted
        let slug = Self.slug((file as NSString).deletingPathExtension.split(separator: "/").last.map(String.init) ?? "article")
        let title = draft.article.title ?? firstParagraphTitle(draft) ?? (file as NSString).lastPathComponent
        let sourceID = Self.slug(draft.source)
        let reviewed = min(draft.published ?? draft.today, draft.today)
        var out = ""
        out += "# DRAFT made by `diligence db draft` from \(comment((file as NSString).lastPathComponent)): nothing in it is a fact until an analyst\n"
        out += "# has checked every item against the article, corrected it and removed `status: draft`.\n"
        out += "# `validate` warns about a draft; `check` refuses a database that holds one. Lines marked\n"
        out += "# `review:` say what to check; quotes are the article's sentences, verbatim.\n"
        for line in DraftSummary.lines(draft) { out += "#   \(comment(line))\n" }
        out += "sources:\n  - id: \(q(sourceID.isEmpty ? "article" : sourceID))\n    name: \(q(draft.source))\n"
        out += "factors:\n"
        for proposal in draft.proposals {
            let rule = proposal.rule
            out += "  - id: \(q("DRAFT-\(draft.country.code)-\(slug)-\(rule.kind.rawValue)"))\n"
            out += "    status: draft\n"
            out += "    kind: \(rule.kind.rawValue)\n"
            if proposal.triggers.isEmpty {
                out += "    # review: no trigger word of any kind was found; the kind is the first rule's, choose the right one\n"
            } else {
                out +=
                    "    # proposed by \(proposal.sentences.count) sentence\(proposal.sentences.count == 1 ? "" : "s") with: \(comment(proposal.triggers.prefix(12).joined(separator: ", ")))\n"
            }
            out += "    title: \(q("DRAFT: \(title) (\(rule.kind.rawValue))"))\n"
            out += "    country: \(draft.country.code)\n"
            if draft.countryInferred { out += "    # review: country inferred from the text (no --country): \(comment(draft.country.name))\n" }
            let first = proposal.events.map(\.date.first).min() ?? draft.published ?? draft.today
            out += "    in_force: { from: \(first) }  # review: the earliest event's first day; add `until` if it ended\n"
            if let published = draft.published { out += "    published: \(published)\n" }
            out += "    reviewed: \(reviewed)  # review: the day you confirm the factor\n"
            out += "    severity: \(rule.severity.name)  # review: the rule's starting value\n"
            if !proposal.dependencies.isEmpty {
                out += "    affects:  # review: services the shutdown sentences name (dependencies vocabulary)\n"
                out += "      dependencies: [\(proposal.dependencies.joined(separator: ", "))]\n"
            }
            if !proposal.exemptGoods.isEmpty {
                out += "    exemptions:  # review: goods named after the exemption words (goods vocabulary)\n"
                out += "      goods: [\(proposal.exemptGoods.joined(separator: ", "))]\n"
            }
            if !proposal.named.isEmpty {
                out +=
                    "    # review: named where the article gives details (providers, persons, officials): \(comment(proposal.named.prefix(20).joined(separator: ", ")))\n"
            }
            for detail in proposal.details.prefix(6) {
                out +=
                    "    # review: fill in from sentence \(detail.sentence + 1) (\(comment(detail.words.joined(separator: ", ")))): \(comment(clipped(draft.sentences[detail.sentence].text)))\n"
            }
            out += areas(proposal, draft)
            if !proposal.targets.isEmpty { out += targets(proposal) }
            if !proposal.events.isEmpty {
                out += "    events:\n"
                for event in proposal.events { out += self.event(event, draft) }
            }
            out += "    references:\n"
            var cited = Array(Set(proposal.sentences + proposal.events.map(\.sentence))).sorted()
            if cited.isEmpty { cited = [0] }
            if cited.count > maxReferences {
                out += "      # review: \(cited.count - maxReferences) more supporting sentences are not quoted\n"
                cited = Array(cited.prefix(maxReferences))
            }
            for index in cited where draft.sentences.indices.contains(index) {
                out += "      - source: \(q(draft.source))\n"
                out += "        title: \(q(title))\n"
                if let published = draft.published { out += "        date: \(published)\n" }
                out += "        quote: \(q(draft.sentences[index].text))\n"
            }
        }
        out += entities(draft, slug: slug)
        return out
    }

    private static func areas(_ proposal: Draft.Proposal, _ draft: Draft) -> String {
        var out = ""
        let radius = proposal.rule.radiusKm ?? 25
        let sentences = Set(proposal.sentences)
        let unknown = proposal.rule.radiusKm == nil ? [] : draft.places.filter { $0.place == nil && sentences.contains($0.sentence) }
        if proposal.areas.isEmpty && unknown.isEmpty { return "" }
        if !proposal.areas.isEmpty {
            out += "    areas:  # review: radius_km is the rule's starting value (\(FactorWriter.number(radius)) km)\n"
            for mention in proposal.areas {
                if proposal.unclaimed.contains(mention) {
                    out +=
                        "      # review: named in sentence \(mention.sentence + 1), which supports no place-bound kind; keep it only if the factor applies there\n"
                }
                out += place(mention, radius: radius, indent: "      ")
            }
        }
        for mention in unknown {
            out +=
                "    # review: unknown to the gazetteer: “\(comment(mention.name))” (sentence \(mention.sentence + 1)); add it as an area with coordinates if it belongs here\n"
        }
        return out
    }

    private static func targets(_ proposal: Draft.Proposal) -> String {
        var out = "    targets:  # review: the article calls these likely targets; add site_kinds, check the radius\n"
        let radius = proposal.rule.radiusKm.map { $0 / 2 } ?? 25
        for mention in proposal.targets { out += place(mention, radius: radius, indent: "      ") }
        return out
    }

    private static func place(_ mention: PlaceMention, radius: Double, indent: String) -> String {
        guard let place = mention.place else { return "" }
        let q = ListWriter.quoted
        var out = "\(indent)- name: \(q(place.name))\n"
        if TextFolding.key(place.name) != TextFolding.key(mention.name) { out += "\(indent)  # the article writes \(comment(mention.name))\n" }
        out += "\(indent)  lat: \(FactorWriter.number(place.location.lat))\n"
        out += "\(indent)  lon: \(FactorWriter.number(place.location.lon))\n"
        out += "\(indent)  radius_km: \(FactorWriter.number(radius))\n"
        out += "\(indent)  located_by: \(q(place.source))\n"
        return out
    }

    private static func event(_ event: Draft.Event, _ draft: Draft) -> String {
        let q = ListWriter.quoted
        let date = event.date
        var note = "from \(comment(quotedExpression(date.expression))) (\(date.precision.rawValue) precision"
        if date.relation == .since { note += ", since: ongoing" }
        if let resolution = date.resolution { note += "; \(comment(resolution))" }
        note += ")"
        if let published = draft.published, date.first > published { note += "; after the publication date: announced, not yet happened" }
        var out = "      - date: \(date.text)  # review: \(note)\n"
        if let until = date.until { out += "        until: \(until)\n" }
        out += "        what: \(q(draft.sentences[event.sentence].text))  # review: say what happened in a line\n"
        if let mention = event.place, let place = mention.place {
            out += "        place: \(q(place.name))\n"
            if TextFolding.key(place.name) != TextFolding.key(mention.name) { out += "        # the article writes \(comment(mention.name))\n" }
            out += "        lat: \(FactorWriter.number(place.location.lat))\n"
            out += "        lon: \(FactorWriter.number(place.location.lon))\n"
            out += "        located_by: \(q(place.source))\n"
        }
        return out
    }

    private static func entities(_ draft: Draft, slug: String) -> String {
        guard !draft.entities.isEmpty else { return "" }
        let q = ListWriter.quoted
        var out = "# Named persons and organisations, proposed for a list file (`entities:`): review each, copy those\n"
        out += "# to be screened into lists/*.yaml with `listed_by`, `measures` and a reference, and leave the rest.\n"
        out += "# entities:\n"
        for (number, entity) in draft.entities.enumerated() {
            out += "#   - id: \(comment(q("DRAFT-\(draft.country.code)-\(slug)-\(String(format: "%03d", number + 1))")))\n"
            out += "#     name: \(comment(q(entity.name)))\n"
            out += "#     kind: \(entity.kind.rawValue)\n"
            if let acronym = entity.acronym { out += "#     aliases: [\(comment(q(acronym)))]\n" }
            if let title = entity.title { out += "#     role: \(comment(q(title)))\n" }
            out += "#     # sentence \(entity.sentence + 1): \(comment(q(clipped(draft.sentences[entity.sentence].text))))\n"
        }
        return out
    }

    /// Text made safe for a `#` comment: one line, no control characters.
    static func comment(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .lineSeparator
                    || scalar.properties.generalCategory == .paragraphSeparator || scalar.properties.generalCategory == .format
                    ? " " : Character(scalar)
            })
    }

    static func quotedExpression(_ text: String) -> String { "“\(text)”" }

    static func clipped(_ text: String, _ limit: Int = 160) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// A plain-text title: a short first paragraph without a full stop.
    static func firstParagraphTitle(_ draft: Draft) -> String? {
        guard let first = draft.article.paragraphs.first, first.count <= 150, !first.hasSuffix(".") else { return nil }
        return first
    }

    /// Lower-case letters and digits joined by hyphens ("MS Risk Blog" → "ms-risk-blog").
    static func slug(_ text: String) -> String {
        var out = ""
        for character in TextFolding.key(text) {
            if character.isASCII, character.isLetter || character.isNumber { out.append(character) } else if !out.isEmpty, out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(60))
    }
}
