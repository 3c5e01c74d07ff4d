/// What a place-bound finding in section 5 of the Markdown report says of its events: the
/// events it cites (date, place, distance) and the events counted by distance band.
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

    /// Whether the finding's exposure counts events by distance band.
    func hasBands(_ exposure: Exposure) -> Bool {
        exposure.bands.contains { $0.recentEvents + $0.olderEvents > 0 }
    }

    /// The events counted in each distance band that holds any, in the full-weight window and
    /// older (one level lower), with the people killed: "25–100 km: 2; 100–200 km: 1 (3
    /// killed), and 1 older (one level lower)".
    static func bandCounts(_ exposure: Exposure) -> String {
        exposure.bands.filter { $0.recentEvents + $0.olderEvents > 0 }.map { band in
            var text = "\(Int(band.fromKm))–\(Int(band.toKm)) km: \(band.recentEvents)"
            if band.recentFatalities > 0 { text += " (\(band.recentFatalities) killed)" }
            if band.olderEvents > 0 {
                text += ", and \(band.olderEvents) older (one level lower)"
                if band.olderFatalities > 0 { text += " (\(band.olderFatalities) killed)" }
            }
            return text
        }.joined(separator: "; ")
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
