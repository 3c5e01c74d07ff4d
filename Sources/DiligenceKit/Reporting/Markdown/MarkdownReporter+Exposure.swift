/// The table under a factor's findings in section 5 of the Markdown report: the events the
/// place-bound findings cite and their counts by distance band, one table for the group; and
/// what a finding without bands says of its events.
extension MarkdownReporter {
    /// The facts of a finding's cited events, each with its cell per event: only those some
    /// event has (the date always), and none at all when no event has more than a date.
    func eventColumns(_ exposure: Exposure) -> [(header: String, cells: [String])] {
        let events = exposure.events
        let columns: [(String, [String?])] = [
            ("Event", events.map { $0.id.map { "`\(Escaping.codeInTable($0))`" } }),
            ("Date", events.map(\.when)),
            ("Place", events.map { event in event.place.map { Escaping.markdown($0) + (event.geoPrecision.map { " (precision \($0))" } ?? "") } }),
            ("Distance", events.map { $0.distanceKm.map(Self.km) }),
            ("Killed", events.map { $0.fatalities.map(String.init) }),
            ("Type", events.map { $0.type.map(Escaping.markdown) }),
            ("Actors", events.map { $0.actors.isEmpty ? nil : Escaping.markdown($0.actors.joined(separator: "; ")) }),
        ]
        let filled = columns.filter { $0.0 == "Date" || $0.1.contains { $0 != nil } }
        guard filled.count > 1 else { return [] }
        return filled.map { ($0.0, $0.1.map { $0 ?? "—" }) }
    }

    /// Whether the finding's exposure has a table to show: counts by distance band (a finding
    /// without bands names its events on a line of its own).
    func hasTables(_ exposure: Exposure) -> Bool {
        exposure.bands.contains { $0.recentEvents + $0.olderEvents > 0 }
    }

    /// The events the findings of a group cite and their counts by distance band, as one table:
    /// a row per band and counts (the operations with the same counts and events share it),
    /// with the cited events that lie in the band and each operation's distance to them.
    func exposureTables(_ exposures: [Exposure], _ out: inout MarkdownDocument) {
        let banded = exposures.filter(hasTables)
        guard let head = banded.first else { return }
        let recency = banded.allSatisfy { $0.reference == head.reference } ? head.reference.map { "; recency counted to \($0)" } ?? "" : ""
        out.line(
            "Events by distance band (a row per band and counts, naming the operations that share them; the events cited in the band with each operation's distance, in the order of the operations\(recency)):"
        )
        out.blank()
        bandTable(banded, &out)
        out.blank()
    }

    /// The band table: per operation, each band that holds events, with its counts and the
    /// cited events in it; cited events in no band with counts get a row of their own.
    private func bandTable(_ exposures: [Exposure], _ out: inout MarkdownDocument) {
        // A row's key: its band and counts, and its events without the distances.
        var rows: [(operations: [String], cells: [String], events: [String], distances: [[String]])] = []
        var index: [[String]: Int] = [:]
        for exposure in exposures {
            let subject = "`\(Escaping.codeInTable(exposure.subject))`"
            var placed = Set<Int>()
            var parts: [(cells: [String], events: [Int])] = []
            for band in exposure.bands where band.recentEvents + band.olderEvents > 0 {
                let events = exposure.events.indices.filter { at in
                    guard let km = exposure.events[at].distanceKm, !placed.contains(at) else { return false }
                    return km <= band.toKm && (km > band.fromKm || band.fromKm == 0)
                }
                placed.formUnion(events)
                let cells = [
                    "\(Int(band.fromKm))–\(Int(band.toKm)) km", String(band.recentEvents), String(band.recentFatalities), String(band.olderEvents),
                    String(band.olderFatalities),
                ]
                parts.append((cells, events))
            }
            let rest = exposure.events.indices.filter { !placed.contains($0) }
            if !rest.isEmpty { parts.append((["—", "—", "—", "—", "—"], rest)) }
            for (cells, events) in parts {
                let labels = events.map { Self.eventLabel(exposure.events[$0]) }
                let key = cells + labels
                let distances = events.map { exposure.events[$0].distanceKm.map(Self.km) ?? "—" }
                if let at = index[key] {
                    rows[at].operations.append(subject)
                    for (slot, km) in distances.enumerated() { rows[at].distances[slot].append(km) }
                } else {
                    index[key] = rows.count
                    rows.append(([subject], cells, labels, distances.map { [$0] }))
                }
            }
        }
        out.table(
            ["Operation", "Distance band", "Events (full weight)", "Killed", "Events (one level lower)", "Killed", "Events cited"],
            rows.map { row in
                let events = zip(row.events, row.distances).map { "\($0) (\($1.joined(separator: ", ")))" }
                return [row.operations.joined(separator: ", ")] + row.cells + [events.isEmpty ? "—" : events.joined(separator: "; ")]
            })
        moreEvents(exposures, &out)
    }

    /// "… and 3 more event(s) for `site` in the same band and window (counted above)."
    private func moreEvents(_ exposures: [Exposure], _ out: inout MarkdownDocument) {
        let more = exposures.filter { $0.eventsNotCited > 0 }
        guard !more.isEmpty else { return }
        out.blank()
        for exposure in more {
            out.line("… and \(exposure.eventsNotCited) more event(s) for `\(Escaping.code(exposure.subject))` in the same band and window (counted above).")
        }
    }

    /// An event in a table cell: its id, date, place (and location precision), and what is
    /// known of its fatalities, type and actors.
    static func eventLabel(_ event: Exposure.CitedEvent) -> String {
        // Every part escaped (as `event.when` needs none): pipes do not break the row.
        var label = event.id.map { "`\(Escaping.codeInTable($0))` " } ?? ""
        label += event.when
        if let place = event.place { label += ", " + Escaping.markdown(place) + (event.geoPrecision.map { " (precision \($0))" } ?? "") }
        var more: [String] = []
        if let killed = event.fatalities { more.append("\(killed) killed") }
        if let type = event.type { more.append(Escaping.markdown(type)) }
        if !event.actors.isEmpty { more.append(Escaping.markdown(event.actors.joined(separator: "; "))) }
        if !more.isEmpty { label += " [" + more.joined(separator: ", ") + "]" }
        return label
    }

    static func km(_ value: Double) -> String {
        Kilometres.text(value)
    }
}
