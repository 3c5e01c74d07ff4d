/// Sites, and travel destinations, within reach of an armed conflict.
public struct ConflictProximityRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .conflictProximity,
        name: "Conflict proximity",
        summary:
            "A site, or the destination city of staff travel, within the radius of an armed-conflict area, or near located conflict events; closer and more recent is more severe, a site that is (or sits next to) a named likely target is raised, and frequent or large trips weigh more than occasional ones.",
        facts:
            "Risk factors of kind `armed-conflict` in force on the as-of date, in any country: their `areas` (named points with a radius, or GeoJSON polygons), located `events` up to the as-of date (never later ones), and `targets`. The located events of the whole database are in one spatial index built when it loads, so each site or destination costs one lookup. A travel destination is located by its city: the database's own named places (areas, located event places) in the destination country, then the built-in gazetteer (GeoNames cities with their Latin and Cyrillic alternate names, CC BY 4.0, and a supplement of places GeoNames lacks, each with its source); an unknown city is reported by `not-assessed`.",
        severityModel: [
            "Located events are counted, and their fatalities summed, in each distance band (up to \(RuleSettings.defaults.conflictBandsText): critical, high, medium, low; the bands are settings) and recency window.",
            "Recency windows, counted to the recency reference (the as-of date, but no later than the factor's last review plus \(RuleSettings.defaults.staleAfterDays) days): up to \(RuleSettings.defaults.conflictFullWeightDays) days full weight; \(RuleSettings.defaults.conflictFullWeightDays + 1) to \(RuleSettings.defaults.conflictLookbackDays) days one level lower; older events do not count. A month- or year-precise date counts from the last day it can mean (conservatively recent) and is shown as the month or year, never as a day; an event that ends after the as-of date is ongoing on it.",
            "Location precision: an event located at the place itself counts at its band; one located approximately (ACLED geo_precision 2, or `located_by` saying approximate) one level lower; one located only to its region (geo_precision 3) two levels lower. An event without a place (a count across a country) is never placed at a distance or inside an area.",
            "The nearest band with an event in a window decides (the higher severity wins; among equals the most recent event, then the nearest); the finding cites that band's events by id, date and fatalities.",
            "Inside an area (within a point area's radius, or inside a polygon or within its `radius_km` margin, or a site without coordinates of its own whose `region` is the region the area stands for): high when an event located inside that area happened in the last \(RuleSettings.defaults.conflictFullWeightDays) days, medium otherwise.",
            "Exposure: one level higher when the site is of a kind a named target names (any site, when the target names no kinds) and lies within its reach: the target's radius, or, for a target without a place, one of the factor's areas. A site's kind alone never raises it.",
            "A site without coordinates: judged at its city, located as a travel destination is (the finding says so and asks for the coordinates); a site whose city neither the database nor the gazetteer knows is reported by `not-assessed`.",
            "Travel: judged at the destination city like a site there, then one level lower (staff pass through rather than stay); one level higher for weekly or monthly trips, and one more for \(RuleSettings.defaults.largeTravelGroup) or more travellers per trip. Only named targets with a location raise travel, by the destination's distance (a destination has no site kind).",
            "Never above the factor's own severity plus the target raise; the highest of the above wins.",
        ],
        recommendations: [
            "Review the site's security plan with the security provider: access control, movement restrictions, evacuation routes and triggers.",
            "Track local incident reports for the area weekly and set escalation triggers (distance and type of incident).",
            "For travel: suspend non-essential trips to the destination; allow essential ones only with a journey-management plan, the security provider's advice on escorts, fixed check-in times and a tested evacuation route.",
        ]
    )

    /// What the rule judges: a site at its coordinates, or a travel destination at its city's.
    /// A class: the texts of each candidate finding hold it, and a copy of its texts was made
    /// for each of them.
    final class Place: Sendable {
        let id: String
        let kind: SubjectKind
        /// The finding's subject name.
        let name: String
        /// How messages name it ("Palma (destination of Crew change, 12 travellers weekly)").
        let phrase: String
        /// A trip's first step of the exposure path (a site's is made from its name and location).
        let travelLabel: String?
        let siteKind: String?
        /// The declared first-level region (`region`), folded, of a site without coordinates of
        /// its own (placed at its city): an area standing for that region covers it wherever in
        /// the region it is. A site with coordinates is judged by them alone.
        let regionKey: String?
        let location: Coordinate
        let mark: Mark
        /// Steps after the distance and target ones (travel frequency and size), each with why.
        let adjustments: [SeverityAssessment.Step]
        /// For travel: the destination and the trip, for the structured exposure.
        let destination: Exposure.Destination?
        /// Which of the rule's advice follows the factor's (`Advice`).
        let advice: Advice

        init(
            id: String, kind: SubjectKind, name: String, phrase: String, travelLabel: String?, siteKind: String?,
            regionKey: String? = nil, location: Coordinate, mark: Mark, adjustments: [SeverityAssessment.Step] = [],
            destination: Exposure.Destination? = nil, advice: Advice
        ) {
            self.id = id
            self.kind = kind
            self.name = name
            self.phrase = phrase
            self.travelLabel = travelLabel
            self.siteKind = siteKind
            self.regionKey = regionKey
            self.location = location
            self.mark = mark
            self.adjustments = adjustments
            self.destination = destination
            self.advice = advice
            self.label = travelLabel ?? JoinedText.of(name, " (", location.description, ")")
        }

        /// The first step of the exposure path, written when the place is (only for a place with
        /// an event in reach or an area around it: most sites of a portfolio have none), once
        /// for all the factors it has findings under.
        let label: String
    }

    /// The place of a site: at its coordinates, or, without them, at its city as the
    /// destination resolver locates it (the database's places, then the gazetteer), so that a
    /// site written by its town is judged where the town is rather than not at all.
    func place(_ site: Site, _ destinations: DestinationResolver) -> Place? {
        if let location = site.location {
            return Place(
                id: site.id, kind: .site, name: site.displayName, phrase: site.displayName, travelLabel: nil,
                siteKind: site.kind, location: location, mark: site.mark, advice: .site)
        }
        guard let city = site.city, let town = destinations.resolve(city, in: site.country) else { return nil }
        // Only a site placed at its city is judged by its region (one with coordinates by them).
        let regionKey = site.region.map(TextFolding.key)
        return Place(
            id: site.id, kind: .site, name: site.displayName, phrase: "\(site.displayName) (located by its city, \(town.name))",
            travelLabel:
                "\(site.displayName): no coordinates; its city “\(city)” is \(town.name) at \(town.location) (\(town.source)), where the site is judged",
            siteKind: site.kind, regionKey: regionKey, location: town.location, mark: site.mark,
            advice: .siteByCity)
    }

    /// Where `place(_:_:)` puts a site, without writing the place out: its coordinates, or its
    /// city's (nil when neither is known).
    static func location(of site: Site, _ destinations: DestinationResolver) -> Coordinate? {
        if let location = site.location { return location }
        guard let city = site.city else { return nil }
        return destinations.resolve(city, in: site.country)?.location
    }

    /// Where `place(_:_:_:)` puts a trip: its destination city's coordinates (nil when unknown).
    static func location(of trip: Travel, _ destinations: DestinationResolver) -> Coordinate? {
        guard let city = trip.city else { return nil }
        return destinations.resolve(city, in: trip.country)?.location
    }

    /// The place of a trip whose destination city resolves to coordinates.
    func place(_ trip: Travel, _ destinations: DestinationResolver, _ settings: RuleSettings) -> Place? {
        guard let city = trip.city, let destination = destinations.resolve(city, in: trip.country) else { return nil }
        let name = trip.name ?? "Travel to \(city)"
        var how: [String] = []
        if let travellers = trip.travellers { how.append("\(travellers) traveller\(travellers == 1 ? "" : "s")") }
        if let frequency = trip.frequency { how.append(frequency) }
        let phrase = "\(destination.name) (destination of \(name)" + (how.isEmpty ? ")" : ", \(how.joined(separator: " ")))")
        return Place(
            id: trip.id, kind: .travel, name: name, phrase: phrase,
            travelLabel: "\(name): “\(city)” is \(destination.name) at \(destination.location) (\(destination.source))",
            siteKind: nil, location: destination.location, mark: trip.mark,
            adjustments: Self.travelAdjustments(trip, settings),
            destination: Exposure.Destination(city: city, name: destination.name, source: destination.source, trip: trip),
            advice: .travel)
    }

    /// The rule's advice after the factor's: a site's (the first two), a site placed at its
    /// city's (those, then asking for its coordinates), a trip's (the last two, the last first).
    enum Advice: Int {
        case site, siteByCity, travel
    }

    /// The rule's recommendations that follow the factor's for a place of `advice`'s kind.
    func recommendations(_ advice: Advice) -> [String] {
        switch advice {
        case .site: return Array(description.recommendations.prefix(2))
        case .siteByCity: return Array(description.recommendations.prefix(2)) + [NotAssessedRule.coordinatesAdvice]
        case .travel: return Array(description.recommendations.suffix(2).reversed())
        }
    }

    /// Travel's steps: one lower than a site (people pass through), one higher when frequent,
    /// one higher for a large group.
    static func travelAdjustments(_ trip: Travel, _ settings: RuleSettings) -> [SeverityAssessment.Step] {
        var steps = [SeverityAssessment.Step(-1, "travel: staff pass through rather than stay → one level lower than a site there")]
        if let frequency = trip.frequency, frequency == "weekly" || frequency == "monthly" {
            steps.append(.init(1, "\(frequency) trips → one level higher"))
        }
        if let travellers = trip.travellers, travellers >= settings.largeTravelGroup {
            steps.append(.init(1, "\(travellers) travellers per trip (\(settings.largeTravelGroup) or more) → one level higher"))
        }
        return steps
    }

    public func check(_ context: RuleContext) -> [Finding] { check(context, memos: true) }

    /// The findings; with `memos` false each band's `EventFact` is made for its finding alone,
    /// not found in the run's memo (the general way, kept for the tests).
    func check(_ context: RuleContext, memos: Bool) -> [Finding] {
        var findings: [Finding] = []
        let database = context.database
        let inForceInOrder = context.inForce.positions(of: .armedConflict)
        guard !inForceInOrder.isEmpty else { return [] }
        let reach = context.settings.conflictBandsKm.max() ?? 0
        // The bands' and windows' texts, written once per run.
        let texts = context.conflictTexts
        // Each factor's recent events, found once per policy and only if a site lies in one of
        // its areas (a factor can hold tens of thousands of events).
        var recentByFactor: [Int: [Int]] = [:]
        // A place is written out (its phrase, label and advice) only when an event is in reach
        // or an area covers it: most sites of a portfolio are far from any conflict.
        // Read from these, not through the database, in the loop below (each site's lookup
        // copied the index out of it).
        let eventIndex = database.eventIndex
        let factors = database.factors
        func judgePlace(at location: Coordinate, regionKey: String?, _ makePlace: () -> Place?) {
            // One lookup per site: every located event within the outermost band, any factor,
            // ordered by factor: each factor's hits are a slice of them (no array per factor).
            let all = eventIndex.hits(within: reach, of: location)
            var place: Place?
            for index in inForceInOrder {
                let hits = all[Self.firstHit(of: index, in: all)..<Self.firstHit(of: index + 1, in: all)]
                // Without an event in reach, only an area the site lies in can give a finding.
                guard !hits.isEmpty || factors[index].areas.contains(where: { Self.covers($0, location) || Self.names($0, regionKey) })
                else { continue }
                if place == nil { place = makePlace() }
                guard let place else { return }
                let factor = factors[index]
                // Positions in the factor's events, in its order.
                let recent = { () -> [Int] in
                    if let known = recentByFactor[index] { return known }
                    let reference = context.recencyReference(for: factor)
                    let window = context.settings.conflictFullWeightDays
                    // As known on the as-of date; recency from the last day the date can mean.
                    let facts = context.conflictEvents(for: factor).facts
                    let found = facts.indices.filter { facts[$0].isKnown && facts[$0].latest.days(until: reference) <= window }
                    recentByFactor[index] = found
                    return found
                }
                if let finding = judge(place, factor, hits, context, texts, memos: memos, recentEvents: recent) { findings.append(finding) }
            }
        }
        // Sites, then trips, in the policy's order: where `place` puts each of them.
        for site in context.policy.sites {
            if let location = site.location {
                judgePlace(at: location, regionKey: nil) { place(site, context.destinations) }
            } else if let city = site.city, let town = context.destinations.resolve(city, in: site.country) {
                judgePlace(at: town.location, regionKey: site.region.map(TextFolding.key)) { place(site, context.destinations) }
            }
        }
        for trip in context.policy.travel {
            guard let city = trip.city, let destination = context.destinations.resolve(city, in: trip.country) else { continue }
            judgePlace(at: destination.location, regionKey: nil) { place(trip, context.destinations, context.settings) }
        }
        return findings
    }

    private struct Candidate {
        var severity: Severity
        var fromEvent: Bool
        var distance: Double
        /// The ordinal of the most recent cited event's date (`Day.ordinal`; 0 for none).
        var latest: Int
        /// The events the finding cites, by their positions in the factor's events, with their
        /// distances: copied only for the candidate that wins.
        var events: [(position: Int, distance: Double?)]
        var eventsNotCited: Int
        /// The path, message and exposure, written only for the candidate that wins: a site
        /// near a conflict has several bands, windows and areas in play and one finding.
        var text: () -> CandidateText
    }

    /// A candidate's path, message and exposure, and for a band's events what they take from
    /// the run's memo (`EventFact`: their evidence and cited events).
    private struct CandidateText {
        var path: [String]
        var message: String
        var exposure: Exposure
        var fact: EventFact?
    }

    /// Most events a finding cites from its deciding band; the exposure counts the rest.
    static let maxCited = 10

    /// An event in reach of a site: its position in the factor's events, and what ordering needs.
    private struct CellEntry {
        var index: Int
        /// How far the event's location precision lowers it: 0 exact, 1 approximate, 2 region only.
        var imprecision: Int
        /// The event's date as its ordinal (`Day.ordinal`): compared many times per site.
        var date: Int
        var distance: Double
        var fatalities: Int?
    }

    /// The position of the first hit of factor `factor` or a later one in `hits` (ordered by
    /// factor): a binary search.
    static func firstHit(of factor: Int, in hits: [EventIndex.Hit]) -> Int {
        var low = 0, high = hits.count
        while low < high {
            let middle = (low + high) / 2
            if hits[middle].factor < factor { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func judge(
        _ place: Place, _ factor: RiskFactor, _ hits: ArraySlice<EventIndex.Hit>, _ context: RuleContext, _ texts: ConflictTexts,
        memos: Bool, recentEvents findRecentEvents: () -> [Int]
    ) -> Finding? {
        let location = place.location
        let settings = context.settings
        // The closures below capture the rule's id, not the rule (its description's texts).
        let ruleID = description.id
        // The factor's events, held once: the closures below capture this array, not a copy of
        // the whole factor each (a candidate's text closure copied every field of it).
        let events = factor.events
        let reference = context.recencyReference(for: factor)
        let referenceOrdinal = reference.ordinal
        let bandsKm = settings.conflictBandsKm
        var best: Candidate?

        // Highest severity wins; among equals, a located event (it says more than an area),
        // then the most recent event, then the nearest. Asked before a candidate is made: one
        // that does not win is not written out (its texts' closure, its cited events).
        func wins(_ severity: Severity, fromEvent: Bool, latest: Int, distance: Double) -> Bool {
            guard let current = best else { return true }
            let newRank = fromEvent ? 1 : 0, oldRank = current.fromEvent ? 1 : 0
            return (severity, newRank, latest, -distance) > (current.severity, oldRank, current.latest, -current.distance)
        }

        // Count events and fatalities per band and window. Events after the as-of date do not
        // exist yet, and events older than the look-back do not count.
        var bands = bandsKm.enumerated().map { index, km in Exposure.Band(fromKm: index == 0 ? 0 : bandsKm[index - 1], toKm: km) }
        // Cells hold positions, dates and distances, not copies of the events: a site near a
        // conflict can have thousands of events in reach.
        // Cells by band, window and location precision (exact, approximate, region only): the
        // entries of all cells in one array, cell after cell, each cell's in the hits' order
        // (`cellStarts[cell]..<cellStarts[cell + 1]`), rather than an array per cell grown entry
        // by entry.
        let cellCount = hits.isEmpty ? 0 : bandsKm.count * 2 * 3
        var cellCounts = [Int](repeating: 0, count: cellCount)
        var placed: [(cell: Int, entry: CellEntry)] = []
        placed.reserveCapacity(hits.count)
        // What of each event the counts need, worked out once per run (an event is in reach of
        // many sites): no copy of the event and no text per hit.
        let table = hits.isEmpty ? ConflictEvents.empty : context.conflictEvents(for: factor)
        for hit in hits {
            // The event as known on the as-of date: later events do not exist yet.
            let fact = table.facts[hit.event]
            guard fact.isKnown else { continue }
            // Counted conservatively: a month-precise date is as recent as its month's last day.
            let age = referenceOrdinal - fact.latestOrdinal
            guard age <= settings.conflictLookbackDays,
                let band = bandsKm.firstIndex(where: { hit.distanceKm <= $0 })
            else { continue }
            let window = age > settings.conflictFullWeightDays ? 1 : 0
            let imprecision = Int(fact.imprecision)
            let cell = (band * 2 + window) * 3 + imprecision
            placed.append(
                (
                    cell,
                    CellEntry(
                        index: hit.event, imprecision: imprecision, date: fact.dateOrdinal,
                        distance: hit.distanceKm, fatalities: fact.fatalities)
                ))
            cellCounts[cell] += 1
            if window == 0 {
                bands[band].recentEvents += 1
                bands[band].recentFatalities += fact.fatalities ?? 0
            } else {
                bands[band].olderEvents += 1
                bands[band].olderFatalities += fact.fatalities ?? 0
            }
        }
        // Each cell read from the placed entries in the hits' order (a cell's entries are those
        // of its number): no array per cell and none of all cells' entries regrouped. The cited
        // list is one buffer, emptied for each cell and copied only by a candidate that wins.
        var top: [CellEntry] = []
        if cellCount > 0 { top.reserveCapacity(Self.maxCited + 1) }
        for cell in 0..<cellCount where cellCounts[cell] > 0 {
            let band = cell / 6, window = (cell / 3) % 2, imprecision = cell % 3
            let severity = Severity.critical.shifted(by: -band - window - imprecision)
            // Cite the most recent first, then the nearest (ties by id): the first maxCited only.
            func id(_ entry: CellEntry) -> String { events[entry.index].id ?? "" }
            func citedBefore(_ a: CellEntry, _ b: CellEntry) -> Bool {
                if a.date != b.date { return a.date > b.date }
                if a.distance != b.distance { return a.distance < b.distance }
                return id(a) > id(b)
            }
            // The nearest (ties: the most recent, then the first id); the first such in order.
            func nearer(_ a: CellEntry, _ b: CellEntry) -> Bool {
                if a.distance != b.distance { return a.distance < b.distance }
                if a.date != b.date { return a.date > b.date }
                return id(a) < id(b)
            }
            top.removeAll(keepingCapacity: true)
            var nearestEntry: CellEntry?
            var fatalities = 0
            var anyFatalities = false
            for (entryCell, entry) in placed where entryCell == cell {
                if let known = entry.fatalities {
                    fatalities += known
                    anyFatalities = true
                }
                if let nearest = nearestEntry {
                    if nearer(entry, nearest) { nearestEntry = entry }
                } else {
                    nearestEntry = entry
                }
                guard top.count < Self.maxCited || citedBefore(entry, top[top.count - 1]) else { continue }
                let position = top.firstIndex { citedBefore(entry, $0) } ?? top.count
                top.insert(entry, at: position)
                if top.count > Self.maxCited { top.removeLast() }
            }
            guard let nearestEntry,
                wins(severity, fromEvent: true, latest: top[0].date, distance: nearestEntry.distance)
            else { continue }
            // Events of the same band and window located less precisely count lower: say so.
            let cellBase = (band * 2 + window) * 3
            let vaguer = ((imprecision + 1)..<3).reduce(0) { $0 + cellCounts[cellBase + $1] }
            let cited = top
            let count = cellCounts[cell]
            // What the finding's texts take from the events, the same for every site citing
            // them: found in the run's memo by the cell and the events (`EventFact`).
            let key = EventFactKey(
                factor: factor.id, asOf: context.asOf, cell: cell, count: count, fatalities: fatalities,
                anyFatalities: anyFatalities, vaguer: vaguer, nearest: nearestEntry.index, cited: cited.map(\.index))
            let text = { () -> CandidateText in
                let make = { EventFact(key, events: events, table: table, texts: texts, context: context, factor: factor) }
                let fact = memos ? texts.eventFacts.value(for: key, orMake: make) : make()
                let distanceText = Self.km(nearestEntry.distance)
                var path: [String] = []
                path.reserveCapacity(fact.lines.count + 4)
                path.append(place.label)
                path.append(distanceText + fact.fromPlace)
                path += fact.lines
                let message = JoinedText.of(place.phrase, " is ", distanceText, fact.messageTail)
                var exposure = Exposure(subject: place.id, location: location, rule: ruleID, severity: severity)
                exposure.distanceKm = nearestEntry.distance
                exposure.to = fact.eventPlace
                exposure.band = texts.band[band]
                exposure.window = texts.window[window]
                exposure.reference = reference
                return CandidateText(path: path, message: message, exposure: exposure, fact: fact)
            }
            best = Candidate(
                severity: severity, fromEvent: true, distance: nearestEntry.distance,
                latest: cited[0].date,
                events: cited.map { ($0.index, $0.distance) }, eventsNotCited: count - cited.count,
                text: text)
        }
        // Areas: a point with a radius, or polygons with an optional margin.
        for area in factor.areas where Self.covers(area, location) || Self.names(area, place.regionKey) {
            // Outside the area's circle or polygon, but in the region the area stands for.
            let byRegion = !Self.covers(area, location)
            var inside = false
            var distance = 0.0
            var edge: Double?
            var where_: String
            if let geometry = area.geometry {
                let margin = area.radiusKm ?? 0
                // Cheap rejection by latitude before any exact distance.
                let slack = margin / 111 + 0.01
                guard location.lat >= geometry.minLat - slack, location.lat <= geometry.maxLat + slack else { continue }
                if geometry.contains(location) {
                    inside = true
                    edge = 0
                    let toEdge = geometry.distanceToEdgeKm(from: location)
                    where_ = JoinedText.of("inside ", area.name, ", ", Self.km(toEdge), " from its edge")
                } else {
                    let toEdge = geometry.distanceToEdgeKm(from: location)
                    edge = toEdge
                    distance = toEdge
                    inside = toEdge <= margin
                    where_ = "\(Self.km(toEdge)) outside \(area.name)" + (margin > 0 ? ", within its \(Self.km(margin)) margin" : "")
                }
            } else if let center = area.location, let radius = area.radiusKm {
                distance = location.distanceKm(to: center)
                inside = distance <= radius
                where_ = JoinedText.of(Self.km(distance), " from the centre of ", area.name, ", inside its ", Self.km(radius), " radius")
            } else {
                continue
            }
            if byRegion {
                inside = true
                where_ =
                    "in the \(area.region ?? area.name) region the area \(area.name) stands for (the site's `region`), though \(Self.km(distance)) from "
                    + (area.geometry == nil ? "its centre, outside its \(Self.km(area.radiusKm ?? 0)) radius" : "its edge")
            }
            guard inside else { continue }
            // Only events located inside the area count for it: an event without a place (a
            // nationwide count) is never placed inside a circle.
            let allRecent = findRecentEvents()
            let recentEvents = allRecent.filter { events[$0].location.map { Self.covers(area, $0) } ?? false }
            let unplaced = allRecent.filter { events[$0].location == nil }.count
            let recent = !recentEvents.isEmpty
            let severity: Severity = recent ? .high : .medium
            let cited = Array(recentEvents.suffix(3))
            let candidateDistance = area.geometry == nil ? max(0, distance - (area.radiusKm ?? 0)) : distance
            let latest = cited.first.map { events[$0].date.ordinal } ?? 0
            guard wins(severity, fromEvent: false, latest: latest, distance: candidateDistance) else { continue }
            let (whereText, distanceText, areaEdge) = (where_, distance, edge)
            let text = { () -> CandidateText in
                var exposure = Exposure(subject: place.id, location: location, rule: ruleID, severity: severity)
                exposure.distanceKm = area.geometry == nil ? distanceText : areaEdge
                exposure.to = JoinedText.of(area.geometry == nil ? "the centre of " : "the edge of ", area.name)
                exposure.area = area.name
                exposure.areaEdgeKm = areaEdge
                exposure.window = texts.window[0]
                exposure.reference = reference
                let message =
                    byRegion
                    ? "\(place.phrase) lies in the \(area.region ?? area.name) region, which \(area.name) stands for (\(Self.km(distanceText)) from \(area.geometry == nil ? "its centre" : "its edge"))"
                    : area.geometry == nil
                        ? JoinedText.of(
                            place.phrase, " lies inside ", area.name, " (", Self.km(distanceText), " from its centre, radius ",
                            Self.km(area.radiusKm ?? 0), ")")
                        : areaEdge == 0
                            ? JoinedText.of(place.phrase, " lies inside ", area.name)
                            : JoinedText.of(
                                place.phrase, " lies ", Self.km(distanceText), " outside ", area.name, ", within its ",
                                Self.km(area.radiusKm ?? 0), " margin")
                let path = [
                    place.label, whereText,
                    (recent ? String(recentEvents.count) + texts.areaRecent : texts.areaNotRecent)
                        + (unplaced > 0
                            ? "; \(unplaced) event(s) without a place (\(allRecent.filter { events[$0].location == nil }.map { Self.known(events[$0], context.asOf).when }.joined(separator: ", "))) not placed in it"
                            : ""),
                ]
                return CandidateText(path: path, message: message, exposure: exposure)
            }
            best = Candidate(
                severity: severity, fromEvent: false, distance: candidateDistance, latest: latest,
                events: cited.map { position in (position, events[position].location.map { location.distanceKm(to: $0) }) },
                eventsNotCited: max(0, recentEvents.count - cited.count), text: text)
        }
        guard var chosen = best else { return nil }
        let chosenText = chosen.text()
        var (path, message, exposure) = (chosenText.path, chosenText.message, chosenText.exposure)
        var assessment = SeverityAssessment(start: chosen.severity, lines: path)
        // Named targets raise the severity.
        var cap = factor.severity
        // Each target read in place (a copy of each was most of this loop's cost).
        let targets = factor.targets
        for targetIndex in targets.indices {
            var hit: String?
            // A site is a target only when it is of a kind the target names (when it names
            // kinds) and lies within its reach: its radius, or, for a target without a place,
            // one of the factor's areas. A travel destination has no kind: its place decides.
            let kindMatches = place.siteKind.map { targets[targetIndex].siteKinds.isEmpty || targets[targetIndex].siteKinds.contains($0) } ?? true
            if kindMatches, let point = targets[targetIndex].location, let radius = targets[targetIndex].radiusKm {
                let distance = location.distanceKm(to: point)
                if distance <= radius {
                    hit =
                        "\(Self.km(distance)) from \(targets[targetIndex].name), a named likely target"
                        + (place.siteKind.flatMap { targets[targetIndex].siteKinds.contains($0) ? $0 : nil }.map { ", whose named kinds include \($0)" } ?? "")
                }
            }
            if hit == nil, targets[targetIndex].location == nil, let kind = place.siteKind, targets[targetIndex].siteKinds.contains(kind),
                let area = factor.areas.first(where: { Self.covers($0, location) })
            {
                hit = "\(kind.withArticle) inside \(area.name), a kind of site named as a target there (\(targets[targetIndex].name))"
            }
            if let hit {
                assessment.adjust(by: 1, hit + " → one level higher")
                cap = cap.shifted(by: 1)
                message += "; it is \(hit)"
                exposure.target = targets[targetIndex].name
                break
            }
        }
        if exposure.target == nil, let kind = place.siteKind,
            let target = targets.indices.first(where: { targets[$0].location == nil && targets[$0].siteKinds.contains(kind) })
        {
            // Written once per run for each kind and target (`ConflictTexts.notRaised`).
            assessment.state(texts.notRaised(kind: kind, target: targets[target].name))
        }
        assessment.adjust(place.adjustments)
        assessment.cap(at: cap, "capped at the factor's \(cap)" + (cap > factor.severity ? " (with the target raise)" : ""))
        chosen.severity = assessment.severity
        // The steps read before the path, which takes the assessment's lines.
        let steps = assessment.steps
        path = assessment.takePath(description)
        exposure.severity = chosen.severity
        exposure.bands = bands
        if let fact = chosenText.fact {
            // The band's cited events as the memo wrote them, each given its distance from here.
            var cited = fact.cited
            for (position, event) in chosen.events.enumerated() { cited[position].distanceKm = event.distance }
            exposure.events = cited
        } else {
            exposure.events = chosen.events.map { Self.cited(events[$0.position], context.asOf, distanceKm: $0.distance) }
        }
        exposure.eventsNotCited = chosen.eventsNotCited
        exposure.steps = steps.map { Exposure.Step(levels: $0.levels, reason: $0.reason) }
        exposure.destination = place.destination
        // The named target's line, if any, is made with the rest (once per run).
        let namedTarget = targets.firstIndex { message.containsBytes(of: $0.name) }.map { targets[$0].name }
        // A band's lines without a named target are the memo's (made by the same call once).
        let evidence: [Evidence]
        if namedTarget == nil, let fact = chosenText.fact {
            evidence = fact.evidence
        } else {
            evidence = context.evidence(
                for: factor,
                eventPositions: Self.evidenceOrder(chosen.events.map(\.position), of: events), namedTarget: namedTarget)
        }
        return Finding(
            rule: description.id, severity: chosen.severity, policy: context.policy, mark: place.mark,
            subject: place.id, subjectKind: place.kind, subjectName: place.name,
            factorIDs: table.ids.isEmpty ? [factor.id] : table.ids,
            message: message, path: path, exposure: exposure, evidence: evidence,
            // The factor's advice lists are in its events' table, when the finding needed it.
            recommendations: table.advice.isEmpty
                ? context.advice(description.id, factor, place.advice.rawValue) {
                    factor.recommendations + recommendations(place.advice)
                } : table.advice[place.advice.rawValue])
    }

    /// The positions of cited events in the order their evidence lines are listed: by date, then
    /// id (the tuple `(date, id ?? "")`; equal ones keep their order), ids compared only for a
    /// tie on the date, each event read in place.
    static func evidenceOrder(_ positions: [Int], of events: [RiskEvent]) -> [Int] {
        positions.sorted { a, b in
            let dateA = events[a].date, dateB = events[b].date
            if dateA != dateB { return dateA < dateB }
            return (events[a].id ?? "") < (events[b].id ?? "")
        }
    }

    /// The event as known on `asOf` (`RiskEvent.asKnown(on:)`), or as it is when it starts later.
    static func known(_ event: RiskEvent, _ asOf: Day) -> RiskEvent { event.asKnown(on: asOf) ?? event }

    /// `Exposure.CitedEvent(known(event, asOf), distanceKm:)`, made from the event in place (no
    /// copy of it as known): an event that started by `asOf` and ends after it is ongoing on it.
    static func cited(_ event: RiskEvent, _ asOf: Day, distanceKm: Double?) -> Exposure.CitedEvent {
        var cited = Exposure.CitedEvent(event, distanceKm: distanceKm)
        if event.date <= asOf, let until = event.until, until > asOf {
            cited.until = nil
            cited.ongoingAt = asOf
        }
        return cited
    }

    /// A factor's events as the rule reads them, made once per run (`RuleContext.conflictEvents(for:)`):
    /// what the band counts need of each, and the texts a finding cites it by.
    struct ConflictEvents: Sendable {
        static let empty = ConflictEvents(facts: [], texts: [], advice: [], ids: [])

        /// By the event's position in `RiskFactor.events`.
        var facts: [EventFacts]
        /// By the event's position in `RiskFactor.events`.
        var texts: [EventTexts]
        /// The rule's advice under the factor by `Advice` (`RuleContext.advice`'s lists, shared).
        var advice: [[String]]
        /// `[factor.id]`, the findings' `factors`: the factor's parts' array (`FactorParts.ids`),
        /// one for all of them; empty in `empty`.
        var ids: [String]
    }

    /// The texts of one event as known on the as-of date.
    struct EventTexts: Sendable {
        /// "event MOZ1234 of 2020-08-12: what happened" (`eventLabel` and `what`).
        var headline: String
        /// " (3 killed)", or empty (`killed`).
        var killed: String
        /// "MOZ1234 of 2020-08-12 (3 killed)": the event in a list of cited events.
        var listed: String
        /// For an event dated to a month or a year: "August 2020 (month): dated to the month only,
        /// recency counted from its last day (2020-08-31)", the path line of a finding citing it
        /// first among such events; nil for an event dated to the day.
        var vagueDate: String?

        /// The texts of `event`, as known on `asOf` (`ConflictProximityRule.known`).
        init(_ event: RiskEvent, asOf: Day) {
            headline = "\(ConflictProximityRule.eventLabel(event)): \(event.what)"
            killed = ConflictProximityRule.killed(event.fatalities, prefix: " (", suffix: ")")
            listed = event.label + killed
            vagueDate =
                event.datePrecision == .day
                ? nil
                : "\(event.datePrecision.describe(event.date)): dated to the \(event.datePrecision.rawValue) only, recency counted from its last day (\(event.latest(asOf: asOf)))"
        }
    }

    /// What the band counts need of one of a factor's events as known on the as-of date: made
    /// once per run for each factor (`RuleContext.conflictEvents(for:)`), read per hit.
    struct EventFacts: Sendable {
        /// Whether the event exists on the as-of date (it starts on or before it).
        var isKnown: Bool
        var date: Day
        /// `RiskEvent.latest(asOf:)` of the event as known on the as-of date.
        var latest: Day
        /// `date.ordinal` and `latest.ordinal`, worked out once per run.
        var dateOrdinal: Int
        var latestOrdinal: Int
        /// `imprecision(_:)` of the event.
        var imprecision: UInt8
        var fatalities: Int?

        init(_ event: RiskEvent, asOf: Day) {
            let known = event.asKnown(on: asOf)
            isKnown = known != nil
            date = event.date
            latest = (known ?? event).latest(asOf: asOf)
            dateOrdinal = date.ordinal
            latestOrdinal = latest.ordinal
            imprecision = UInt8(ConflictProximityRule.imprecision(event))
            fatalities = event.fatalities
        }
    }

    /// Whether a site lies in an area: within a point's radius, or inside a polygon or its margin.
    static func covers(_ area: Area, _ location: Coordinate) -> Bool {
        if let geometry = area.geometry {
            let margin = area.radiusKm ?? 0
            // Cheap rejection by latitude before any exact distance.
            let slack = margin / 111 + 0.01
            guard location.lat >= geometry.minLat - slack, location.lat <= geometry.maxLat + slack else { return false }
            return geometry.contains(location) || geometry.distanceToEdgeKm(from: location) <= margin
        }
        if let center = area.location, let radius = area.radiusKm {
            // The distance is at least the difference in latitude (a millimetre of slack for
            // rounding): most sites are far from an area and need no trigonometry.
            if abs(location.lat - center.lat) * .pi / 180 * Coordinate.earthRadiusKm > radius + 1e-6 { return false }
            return location.distanceKm(to: center) <= radius
        }
        return false
    }

    /// Whether a site's declared region (folded) is the region an area stands for, or its name.
    static func names(_ area: Area, _ regionKey: String?) -> Bool {
        guard let regionKey, !regionKey.isEmpty else { return false }
        return area.region.map(TextFolding.key) == regionKey || TextFolding.key(area.name) == regionKey
    }

    /// "event MOZ1234 of 2020-08-12", or "event of March 2020 (month)" without an id.
    static func eventLabel(_ event: RiskEvent) -> String {
        event.id.map { "event \($0) of \(event.when)" } ?? "event of \(event.when)"
    }

    /// How far an event's location precision lowers it: 0 at the place itself, 1 approximately
    /// located (ACLED geo_precision 2, or `located_by` saying "approximate"), 2 only to its
    /// region (ACLED geo_precision 3).
    static func imprecision(_ event: RiskEvent) -> Int {
        if let precision = event.geoPrecision, precision >= 3 { return 2 }
        if event.geoPrecision == 2 { return 1 }
        if let by = event.locatedBy?.lowercased(), by.hasPrefix("approximate") { return 1 }
        return 0
    }

    /// How the event was located, for the path.
    static func locatedText(_ event: RiskEvent) -> String {
        if let precision = event.geoPrecision { return "ACLED geo_precision \(precision)" }
        return event.locatedBy ?? "no source"
    }

    static func killed(_ fatalities: Int?, prefix: String, suffix: String) -> String {
        guard let fatalities, fatalities > 0 else { return "" }
        return "\(prefix)\(fatalities) killed\(suffix)"
    }

    static func km(_ value: Double) -> String {
        Kilometres.text(value)
    }
}

extension RuleContext {
    /// The factor's events as conflict-proximity reads them (`ConflictProximityRule.ConflictEvents`),
    /// as known on the as-of date: made at the first site near the factor's events and shared
    /// by the run.
    func conflictEvents(for factor: RiskFactor) -> ConflictProximityRule.ConflictEvents {
        let key = RuleRunMemo.PartsKey(factor: factor.id, asOf: asOf)
        return runMemo.conflictEvents.value(for: key) {
            let rule = ConflictProximityRule()
            let advice = [ConflictProximityRule.Advice.site, .siteByCity, .travel].map { kind in
                self.advice(rule.description.id, factor, kind.rawValue) { factor.recommendations + rule.recommendations(kind) }
            }
            return ConflictProximityRule.ConflictEvents(
                facts: factor.events.map { ConflictProximityRule.EventFacts($0, asOf: asOf) },
                texts: factor.events.map { ConflictProximityRule.EventTexts(ConflictProximityRule.known($0, asOf), asOf: asOf) },
                advice: advice, ids: parts(for: factor).ids)
        }
    }
}
