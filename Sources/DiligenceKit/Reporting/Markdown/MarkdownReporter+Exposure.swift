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

    /// The events the findings of a group cite (when any has more than a date) and their counts
    /// by distance band, as two tables: a row per event (with the operations citing it) and a
    /// row per band and counts (with the operations that have them).
    func exposureTables(_ exposures: [Exposure], _ out: inout MarkdownDocument) {
        let cited = exposures.map { ($0, eventColumns($0)) }.filter { !$0.1.isEmpty }
        if !cited.isEmpty {
            // The columns some operation's events fill, in the order eventColumns gives them.
            var headers: [String] = []
            for (_, columns) in cited {
                for column in columns where !headers.contains(column.header) { headers.append(column.header) }
            }
            let order = ["Event", "Date", "Place", "Distance", "Killed", "Type", "Actors"]
            headers.sort { (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count) }
            let references = cited.map { $0.0.reference }
            let shared = references.allSatisfy { $0 == references.first! } ? references.first! : nil
            let perRow = shared == nil && references.contains { $0 != nil }
            out.line(
                "Events cited (most recent first for each operation; an event several operations cite is one row, with their distances in the order of the operations"
                    + (shared.map { "; recency counted to \($0)" } ?? "") + "):")
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
            let more = cited.filter { $0.0.eventsNotCited > 0 }
            if !more.isEmpty {
                out.blank()
                for (exposure, _) in more {
                    out.line(
                        "… and \(exposure.eventsNotCited) more event(s) for `\(Escaping.code(exposure.subject))` in the same band and window (counted below).")
                    out.blank()
                }
            }
            out.blank()
        }
        // Bands without any event are left out (and the table when every band is empty); the
        // operations with the same counts in a band share its row.
        var bands: [(operations: [String], cells: [String])] = []
        var index: [[String]: Int] = [:]
        for exposure in exposures {
            for band in exposure.bands where band.recentEvents + band.olderEvents > 0 {
                let cells = [
                    "\(Int(band.fromKm))–\(Int(band.toKm)) km", String(band.recentEvents), String(band.recentFatalities), String(band.olderEvents),
                    String(band.olderFatalities),
                ]
                let subject = "`\(Escaping.codeInTable(exposure.subject))`"
                if let at = index[cells] {
                    bands[at].operations.append(subject)
                } else {
                    index[cells] = bands.count
                    bands.append(([subject], cells))
                }
            }
        }
        if !bands.isEmpty {
            out.table(
                ["Operation", "Distance band", "Events (full weight)", "Killed", "Events (one level lower)", "Killed"],
                bands.map { [$0.operations.joined(separator: ", ")] + $0.cells })
            out.blank()
        }
    }

    static func km(_ value: Double) -> String {
        Kilometres.text(value)
    }
}
