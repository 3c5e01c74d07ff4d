/// Staff travel to cities with announced rallies or unrest.
public struct CivilUnrestTravelRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .civilUnrestTravel,
        name: "Civil unrest on travel",
        summary: "Staff travel to a city where rallies, protests or crackdowns are announced or recent.",
        facts:
            "Risk factors of kind `civil-unrest` in force for the destination country: their `areas` (cities) and dated `events` with a place. The destination city is located like conflict-proximity's (the database's places, then the built-in gazetteer, any Latin or Cyrillic GeoNames spelling).",
        severityModel: [
            "The destination city is one of the factor's areas or event places by name, or its coordinates lie within an area's radius or within \(Kilometres.text(RuleSettings.defaults.conflictBandsKm.first ?? 25)) (the first conflict band) of a located unrest event.",
            "Latest unrest event in that city within \(RuleSettings.defaults.unrestRecencyDays[0]) days of the recency reference: the factor's severity; within \(RuleSettings.defaults.unrestRecencyDays[1]) days: one level lower; within \(RuleSettings.defaults.unrestRecencyDays[2]) days: two levels lower; older: no finding.",
            "Frequent travel (weekly or monthly) or ten or more travellers per trip: one level higher, up to the factor's severity.",
            "A factor with `scope: national` holds across its country: a destination city outside its areas and away from its events is judged against all of the factor's events, one level lower (and frequent travel raises it at most to that level).",
        ],
        recommendations: [
            "Check rally dates and places before each trip and keep travellers away from them; avoid the named sites (embassies, monuments) on those days.",
            "Brief travellers, register them with the embassy, and keep a check-in schedule with a local contact.",
        ]
    )

    public func check(_ context: RuleContext) -> [Finding] { check(context, memos: true) }

    /// The findings; with `memos` false each event's place is folded and searched for the city
    /// at every trip (the general way, kept for the tests), not read from the run's folded
    /// places (`RuleContext.unrestPlaces(for:)`) and searched on bytes.
    func check(_ context: RuleContext, memos: Bool) -> [Finding] {
        var findings: [Finding] = []
        for trip in context.policy.travel {
            guard let typed = trip.city else { continue }
            let factors = context.factors(.civilUnrest, in: trip.country)
            guard !factors.isEmpty else { continue }
            // The city as the resolver names it ("Мінск" is Minsk), and where it is.
            let destination = context.destinations.resolve(typed, in: trip.country)
            let city = destination?.name ?? typed
            let cityKeys = Set([TextFolding.key(typed), TextFolding.key(city)])
            let nearKm = context.settings.conflictBandsKm.first ?? 25
            func named(_ name: String) -> Bool {
                let key = TextFolding.key(name)
                return cityKeys.contains { key == $0 || key.hasPrefix($0 + " ") }
            }
            for factor in factors {
                let area = factor.areas.first { area in
                    if named(area.name) { return true }
                    guard let here = destination?.location, let center = area.location, let radius = area.radiusKm else { return false }
                    return here.distanceKm(to: center) <= radius
                }
                let allEvents = context.parts(for: factor).events
                // Each event's place folded once per run, not at every trip.
                let places = memos ? context.unrestPlaces(for: factor) : allEvents.map { $0.place.map(TextFolding.key) }
                var events = allEvents.indices.filter { index in
                    let event = allEvents[index]
                    if let place = places[index],
                        cityKeys.contains(where: { place == $0 || (memos ? Self.contains(place, $0) : place.contains($0)) })
                    {
                        return true
                    }
                    guard let point = event.location else { return false }
                    if let area, let center = area.location, let radius = area.radiusKm, point.distanceKm(to: center) <= radius { return true }
                    if let here = destination?.location, point.distanceKm(to: here) <= nearKm { return true }
                    return false
                }.map { allEvents[$0] }
                // A factor that holds across its country still reaches a city outside its places, a level lower.
                let elsewhere = area == nil && events.isEmpty && factor.nationwide
                if elsewhere { events = allEvents }
                guard area != nil || !events.isEmpty, let latest = events.last else { continue }
                let age = latest.latest(asOf: context.asOf).days(until: context.recencyReference(for: factor))
                let windows = context.settings.unrestRecencyDays
                guard let step = windows.firstIndex(where: { age <= $0 }) else { continue }
                // The recency window sets the level: the first window keeps the factor's, each later one is a level lower.
                // The destination as resolved, with its coordinates and their source, as conflict-proximity states it.
                let label =
                    destination.map { "\(trip.name ?? "Travel to \(city)"): “\(typed)” is \($0.name) at \($0.location) (\($0.source))" }
                    ?? (trip.name ?? "Travel to \(city)")
                var assessment = SeverityAssessment(start: factor.severity, lines: [label])
                if elsewhere {
                    let places = factor.areas.map(\.name).joined(separator: ", ")
                    assessment.adjust(
                        by: -1,
                        "\(city) is outside the factor's places\(places.isEmpty ? "" : " (\(places))"), but the factor holds across \(factor.country.name) (scope: national) → one level lower"
                    )
                }
                let counted = elsewhere ? factor.country.name : city
                assessment.adjust(
                    by: -step,
                    "\(counted): \(events.count) unrest event(s), latest \(latest.when) (\(age) days before \(context.recencyReference(for: factor)))")
                let frequent = trip.frequency == "weekly" || trip.frequency == "monthly" || (trip.travellers ?? 0) >= context.settings.largeTravelGroup
                if frequent, assessment.severity < factor.severity.shifted(by: elsewhere ? -1 : 0) {
                    assessment.adjust(by: 1, "frequent or large trips → one level higher")
                }
                let severity = assessment.severity
                // The steps read before the path, which takes the assessment's lines.
                let steps = assessment.steps
                let path = assessment.takePath(description)
                // The destination and the steps as data, where the city is located.
                var exposure: Exposure?
                if let destination {
                    var located = Exposure(subject: trip.id, location: destination.location, rule: description.id, severity: severity)
                    located.to = area?.name ?? latest.place
                    located.reference = context.recencyReference(for: factor)
                    located.events = events.suffix(3).map { event in
                        Exposure.CitedEvent(event, distanceKm: event.location.map { destination.location.distanceKm(to: $0) })
                    }
                    located.eventsNotCited = max(0, events.count - 3)
                    located.steps = steps.map { Exposure.Step(levels: $0.levels, reason: $0.reason) }
                    located.destination = Exposure.Destination(city: typed, name: destination.name, source: destination.source, trip: trip)
                    exposure = located
                }
                let who = trip.travellers.map { "\($0) traveller\($0 == 1 ? "" : "s")" } ?? "staff"
                findings.append(
                    Finding(
                        rule: description.id, severity: severity, policy: context.policy, mark: trip.mark, subject: trip.id,
                        subjectKind: .travel, subjectName: trip.name ?? "Travel to \(city)", factor: factor,
                        message: ("\(who) travel\(trip.travellers == 1 ? "s" : "") \(trip.frequency ?? "") to \(city), "
                            + (elsewhere
                                ? "in \(factor.country.name), where unrest holds across the country; latest: \(latest.what.lowercasedFirst)\(latest.place.map { " in \($0)" } ?? "") (\(latest.when))"
                                : "where \(latest.what.lowercasedFirst) (\(latest.when))"))
                            .collapsingDoubleSpaces,
                        path: path, exposure: exposure, evidence: context.evidence(for: factor, events: events),
                        recommendations: context.advice(description.id, factor) { factor.recommendations + description.recommendations }))
            }
        }
        return findings
    }
}

extension CivilUnrestTravelRule {
    /// `place.contains(key)` (Foundation's search): on the bytes when both are printable
    /// ASCII, where Foundation's search and a byte search agree; through Foundation otherwise.
    static func contains(_ place: String, _ key: String) -> Bool {
        var place = place, key = key
        let answer = place.withUTF8 { haystack in
            key.withUTF8 { needle -> Bool? in
                // An empty key is left to Foundation, as any other text.
                guard !needle.isEmpty, Self.printableASCII(haystack), Self.printableASCII(needle) else { return nil }
                guard needle.count <= haystack.count else { return false }
                let first = needle[0]
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var matched = true
                    for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                return false
            }
        }
        return answer ?? place.contains(key)
    }

    private static func printableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte > 0x7E { return false }
        return true
    }
}

extension RuleContext {
    /// `TextFolding.key` of each of the factor's events' places as known on the as-of date
    /// (`FactorParts.events` order; nil for an event without a place), folded once per run.
    func unrestPlaces(for factor: RiskFactor) -> [String?] {
        runMemo.unrestPlaces.value(for: RuleRunMemo.PartsKey(factor: factor.id, asOf: asOf)) {
            parts(for: factor).events.map { $0.place.map(TextFolding.key) }
        }
    }
}

extension String {
    /// `replacingOccurrences(of: "  ", with: " ")`: each pair of spaces, left to right, becomes
    /// one. A text without two spaces in a row is itself, an ASCII text is rewritten on its
    /// bytes, and any other goes through Foundation as before (a space can begin a character
    /// with a combining mark, which Foundation's search does not split).
    var collapsingDoubleSpaces: String {
        let bytes = utf8
        var previousSpace = false
        var found = false
        var ascii = true
        for byte in bytes {
            if byte >= 0x80 { ascii = false }
            if byte == 0x20 {
                if previousSpace { found = true }
                previousSpace = true
            } else {
                previousSpace = false
            }
        }
        guard found else { return self }
        guard ascii else { return replacingOccurrences(of: "  ", with: " ") }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var pending = iterator.next()
        while let byte = pending {
            let next = iterator.next()
            out.append(byte)
            // Two spaces: one is written and both are consumed.
            pending = byte == 0x20 && next == 0x20 ? iterator.next() : next
        }
        return String(decoding: out, as: UTF8.self)
    }
}
