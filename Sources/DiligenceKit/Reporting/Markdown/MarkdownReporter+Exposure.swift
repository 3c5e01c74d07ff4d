/// The tables under a factor's findings in section 5 of the Markdown report: the events the
/// place-bound findings cite and their counts by distance band, one table each for the group.
extension MarkdownReporter {
    /// The columns of the events table, each with its cell per event: only columns some event
    /// fills (the date always), and none at all when no event has more than a date.
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

    /// Whether the finding's exposure has a table to show.
    func hasTables(_ exposure: Exposure) -> Bool {
        exposure.bands.contains { $0.recentEvents + $0.olderEvents > 0 } || !eventColumns(exposure).isEmpty
    }

    /// The events the findings of a group cite and their counts by distance band, as one table:
    /// for operations with counts by band, a row per band and counts (the operations with the
    /// same counts and events share it), with the cited events that lie in the band and each
    /// operation's distance to them; for the others (a trip's city, say), a row per event.
    func exposureTables(_ exposures: [Exposure], _ out: inout MarkdownDocument) {
        let banded = exposures.filter { $0.bands.contains { $0.recentEvents + $0.olderEvents > 0 } }
        let references = exposures.map(\.reference)
        let recency = references.allSatisfy { $0 == references.first! } ? references.first!.map { "; recency counted to \($0)" } ?? "" : ""
        if !banded.isEmpty {
            out.line(
                "Events by distance band (a row per band and counts, naming the operations that share them; the events cited in the band with each operation's distance, in the order of the operations\(recency)):"
            )
            out.blank()
            bandTable(banded, &out)
            out.blank()
        }
        let cited = exposures.filter { exposure in !banded.contains(exposure) }.map { ($0, eventColumns($0)) }.filter { !$0.1.isEmpty }
        guard !cited.isEmpty else { return }
        // The columns some operation's events fill, in the order eventColumns gives them.
        var headers: [String] = []
        for (_, columns) in cited {
            for column in columns where !headers.contains(column.header) { headers.append(column.header) }
        }
        let order = ["Event", "Date", "Place", "Distance", "Killed", "Type", "Actors"]
        headers.sort { (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count) }
        let rowReferences = cited.map { $0.0.reference }
        let perRow = !rowReferences.allSatisfy { $0 == rowReferences.first! } && rowReferences.contains { $0 != nil }
        out.line(
            "Events cited (most recent first for each operation; an event several operations cite is one row, with their distances in the order of the operations"
                + (perRow ? "" : recency) + "):")
        out.blank()
        // One row per event: the operations that cite it, and their distances in that order.
        let distance = headers.firstIndex(of: "Distance")
        var rows: [(operations: [String], cells: [String], distances: [String])] = []
        var index: [[String]: Int] = [:]
        for (exposure, columns) in cited {
            let subject = "`\(Escaping.codeInTable(exposure.subject))`"
            for row in exposure.events.indices {
                var cells = headers.map { header in columns.first { $0.header == header }?.cells[row] ?? "—" }
                if perRow { cells.append(exposure.reference.map { "\($0)" } ?? "—") }
                let km = distance.map { cells[$0] } ?? ""
                if let distance { cells[distance] = "" }
                if let at = index[cells] {
                    rows[at].operations.append(subject)
                    rows[at].distances.append(km)
                } else {
                    index[cells] = rows.count
                    rows.append(([subject], cells, [km]))
                }
            }
        }
        out.table(
            ["Operation"] + headers + (perRow ? ["Recency counted to"] : []),
            rows.map { row in
                var cells = row.cells
                if let distance { cells[distance] = row.distances.joined(separator: ", ") }
                return [row.operations.joined(separator: ", ")] + cells
            })
        moreEvents(cited.map(\.0), &out)
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
