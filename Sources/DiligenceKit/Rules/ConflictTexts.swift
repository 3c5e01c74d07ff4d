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
}

extension RuleContext {
    /// conflict-proximity's texts for the run's settings, made once per run.
    var conflictTexts: ConflictTexts {
        runMemo.conflictTexts.value(for: settings) { ConflictTexts(settings) }
    }
}
