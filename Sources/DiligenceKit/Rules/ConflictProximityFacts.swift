extension ConflictProximityRule {
    /// What decides a band's finding texts, evidence and cited events, apart from the site: the
    /// factor and date, the cell (band, window, location precision), its event count and
    /// fatalities, the count of less precisely located events of the band and window, the
    /// nearest event and the cited ones in their order (positions in the factor's events).
    /// Sites of a portfolio cluster: many see the same events and share one `EventFact`.
    struct EventFactKey: Hashable, Sendable {
        var factor: String
        var asOf: Day
        var cell: Int
        var count: Int
        var fatalities: Int
        /// Whether an event of the cell has a fatality count (a zero is said, a missing one not).
        var anyFatalities: Bool
        var vaguer: Int
        var nearest: Int
        var cited: [Int]
    }

    /// A band's finding as far as it depends on the events alone (`EventFactKey`), made once per
    /// run: the site adds its name, label and distance (`judge`). A class: each finding reads it
    /// through one reference.
    final class EventFact: Sendable {
        /// The nearest event's place, or "a located event" (the exposure's `to`).
        let eventPlace: String
        /// " from PLACE": the path's second line after the distance.
        let fromPlace: String
        /// The message after "SITE is DISTANCE".
        let messageTail: String
        /// The path's lines after the distance line: the events, the band, a month- or year-dated
        /// event, events located less precisely, how the nearest was located.
        let lines: [String]
        /// The cited events, in the cited order, without their distances (the site's own).
        let cited: [Exposure.CitedEvent]
        /// The evidence lines of the cited events, without a named target's line.
        let evidence: [Evidence]

        init(
            _ key: EventFactKey, events: [RiskEvent], table: ConflictEvents, texts: ConflictTexts, context: RuleContext,
            factor: RiskFactor
        ) {
            let band = key.cell / 6, window = (key.cell / 3) % 2, imprecision = key.cell % 3
            let nearestTexts = table.texts[key.nearest]
            let eventPlace = events[key.nearest].place ?? "a located event"
            let killedText = key.anyFatalities ? JoinedText.of(", ", String(key.fatalities), " killed") : ""
            var lines: [String] = []
            lines.reserveCapacity(5)
            if key.count == 1 {
                lines.append(nearestTexts.headline + nearestTexts.killed)
            } else {
                var parts = [String(key.count), texts.eventsWithin[band][window], killedText, ": "]
                parts.reserveCapacity(parts.count + 2 * key.cited.count + 3)
                for (position, event) in key.cited.enumerated() {
                    if position > 0 { parts.append(", ") }
                    parts.append(table.texts[event].listed)
                }
                if key.count > key.cited.count { parts += [", and ", String(key.count - key.cited.count), " more"] }
                lines.append(JoinedText.of(parts))
            }
            lines.append(texts.bandLine[band][window])
            // The event's own line, written once per run (`EventTexts.vagueDate`).
            if let vague = key.cited.first(where: { events[$0].datePrecision != .day }), let line = table.texts[vague].vagueDate {
                lines.append(line)
            }
            if key.vaguer > 0 {
                lines.append(String(key.vaguer) + texts.vaguer[band][window])
            }
            if imprecision > 0 {
                let located = ConflictProximityRule.locatedText(events[key.nearest])
                lines.append(
                    imprecision == 1
                        ? "located approximately (\(located)) → one level lower"
                        : "located only to its region (\(located)) → two levels lower")
            }
            self.eventPlace = eventPlace
            self.fromPlace = JoinedText.of(" from ", eventPlace)
            self.messageTail =
                key.count > 1
                ? JoinedText.of(
                    " from ", eventPlace, " (", nearestTexts.headline, "); ", String(key.count), texts.eventsWithin[band][window],
                    killedText)
                : JoinedText.of(" from ", eventPlace, " (", nearestTexts.headline, ")")
            self.lines = lines
            self.cited = key.cited.map { ConflictProximityRule.cited(events[$0], key.asOf, distanceKm: nil) }
            self.evidence = context.evidence(
                for: factor, eventPositions: ConflictProximityRule.evidenceOrder(key.cited, of: events), namedTarget: nil)
        }
    }
}
