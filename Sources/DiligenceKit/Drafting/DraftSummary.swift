/// The summary of a draft for standard error and the draft's header: counts, and what the
/// analyst must review.
public enum DraftSummary {
    public static func lines(_ draft: Draft) -> [String] {
        var lines: [String] = []
        let events = draft.events
        func count(_ precision: DatePrecision) -> Int { Set(events.filter { $0.date.precision == precision }.map { "\($0.sentence) \($0.date.text)" }).count }
        let distinct = Set(events.map { "\($0.sentence) \($0.date.text)" }).count
        lines.append(
            "events: \(distinct) dated (\(count(.day)) to the day, \(count(.month)) to the month, \(count(.year)) to the year), \(events.filter { $0.place != nil }.count) located"
        )
        let kinds = draft.proposals.map { "\($0.rule.kind.rawValue) (\($0.sentences.count) sentence\($0.sentences.count == 1 ? "" : "s"))" }
        lines.append("kinds proposed: \(kinds.joined(separator: ", "))")
        let geocoded = draft.geocoded.compactMap { mention in mention.place.map { "\($0.name) (\($0.country.code))" } }
        lines.append(
            "places: \(geocoded.count) geocoded\(geocoded.isEmpty ? "" : ": " + geocoded.joined(separator: ", ")); \(draft.ambiguous.count + draft.unknown.count) unresolved"
        )
        for mention in draft.ambiguous.prefix(50) {
            guard case .ambiguous(let candidates) = mention.resolution else { continue }
            let options = candidates.map { "\($0.name) \($0.country.code) \($0.location)" }.joined(separator: "; ")
            lines.append("review: ambiguous place “\(mention.name)” (sentence \(mention.sentence + 1)): \(options)")
        }
        for mention in draft.unknown.prefix(50) {
            lines.append("review: unknown place “\(mention.name)” (sentence \(mention.sentence + 1)): not in the gazetteer; locate it or leave it out")
        }
        for (expression, sentence) in draft.unresolvedDates.prefix(50) {
            lines.append("review: date “\(expression)” (sentence \(sentence + 1)) has no year: pass --published YYYY-MM-DD")
        }
        if draft.published == nil {
            lines.append("review: no publication date (--published): dates without a year were not resolved")
        }
        if draft.countryInferred { lines.append("review: country \(draft.country.code) inferred from the text (no --country)") }
        let persons = draft.entities.filter { $0.kind == .person }.count
        lines.append(
            "named: \(persons) person\(persons == 1 ? "" : "s"), \(draft.entities.count - persons) organisation\(draft.entities.count - persons == 1 ? "" : "s") proposed for a list file"
        )
        if events.count >= Drafter.maxEvents || draft.places.count >= Drafter.maxPlaces || draft.entities.count >= Drafter.maxNames {
            lines.append(
                "review: the article holds more than a draft lists (at most \(Drafter.maxEvents) events, \(Drafter.maxPlaces) places, \(Drafter.maxNames) names); draft it in parts"
            )
        }
        lines.append("review: every event's date and text, each kind, severity, radius and in_force; then remove `status: draft`")
        return lines
    }
}
