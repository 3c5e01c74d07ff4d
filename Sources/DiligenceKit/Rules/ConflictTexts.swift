/// conflict-proximity's texts that depend only on the run's settings (the bands and recency
/// windows), written once per run (`RuleContext.conflictTexts`) and read by every finding, where
/// each finding wrote them again from the numbers. A class: each candidate finding's texts hold
/// it, and a copy was eight arrays retained.
final class ConflictTexts: Sendable {
    /// By window (0: full weight, 1: older): "in the last 365 days", "366 to 730 days old".
    let window: [String]
    /// By band: "25 km" (`Kilometres.text` of the band's outer edge).
    let bandKm: [String]
    /// By band: "≤ 25 km" (the exposure's `band`).
    let band: [String]
    /// By band, then window: the path's band line, "band ≤ 25 km" with ", older than 365 days"
    /// for the older window.
    let bandLine: [[String]]
    /// By band, then window: " events within 25 km in the last 365 days", after an event count.
    let eventsWithin: [[String]]
    /// By band, then window: " more event(s) within 25 km in the last 365 days located less
    /// precisely (near the place or only to its region), counted lower", after a count.
    let vaguer: [[String]]
    /// " event(s) located in the area in the last 365 days → high", after a count.
    let areaRecent: String
    /// "no event located in the area in the last 365 days → medium".
    let areaNotRecent: String
    /// What a band's findings take from its events, by the cell and the events
    /// (`ConflictProximityRule.EventFact`): the same for every site citing them, made once per
    /// run. Kept with the texts it is written from (they depend on the settings).
    let eventFacts = Memo<ConflictProximityRule.EventFactKey, ConflictProximityRule.EventFact>(capacity: 100_000)
    /// The path line of a site whose kind a target without a place names, outside the factor's
    /// areas (`notRaised(kind:target:)`), by the kind and the target's name.
    private let notRaisedLines = Memo<NotRaisedKey, String>(capacity: 10_000)

    private struct NotRaisedKey: Hashable {
        var kind: ExactText
        var target: ExactText
    }

    init(_ settings: RuleSettings) {
        let days = settings.conflictFullWeightDays
        let windows = ["in the last \(days) days", "\(days + 1) to \(settings.conflictLookbackDays) days old"]
        let kms = settings.conflictBandsKm.map(Kilometres.text)
        window = windows
        bandKm = kms
        band = kms.map { "≤ \($0)" }
        bandLine = kms.map { km in ["band ≤ \(km)", "band ≤ \(km), older than \(days) days"] }
        eventsWithin = kms.map { km in windows.map { " events within \(km) \($0)" } }
        vaguer = kms.map { km in
            windows.map { " more event(s) within \(km) \($0) located less precisely (near the place or only to its region), counted lower" }
        }
        areaRecent = " event(s) located in the area in the last \(days) days → high"
        areaNotRecent = "no event located in the area in the last \(days) days → medium"
    }

    /// "a warehouse is a kind of site named as a target (T), but the site lies outside the
    /// factor's areas → not raised", written once per run for each kind and target.
    func notRaised(kind: String, target: String) -> String {
        notRaisedLines.value(for: NotRaisedKey(kind: ExactText(kind), target: ExactText(target))) {
            "\(kind.withArticle) is a kind of site named as a target (\(target)), but the site lies outside the factor's areas → not raised"
        }
    }
}

extension RuleContext {
    /// conflict-proximity's texts for the run's settings, made once per run.
    var conflictTexts: ConflictTexts {
        runMemo.conflictTexts.value(for: settings) { ConflictTexts(settings) }
    }
}
