/// Finds the facts that explain why a finding changed between two runs: factors that came into
/// force or ended between the two as-of days, events and listings dated between them, and,
/// when the databases differ, what one has and the other lacks.
struct ChangeCauses: Sendable {
    let current: RiskDatabase
    let previous: RiskDatabase
    /// The comparison run's as-of day: facts dated after it and up to `to` are new.
    let from: Day
    /// This run's as-of day.
    let to: Day
    /// Whether the two runs used different databases (compared by digest).
    let databaseChanged: Bool
    private let entitiesNow: [String: ListedEntity]
    private let entitiesBefore: [String: ListedEntity]

    init(current: RiskDatabase, previous: RiskDatabase, from: Day, to: Day) {
        self.current = current
        self.previous = previous
        self.from = from
        self.to = to
        databaseChanged = current.digest != previous.digest
        entitiesNow = Dictionary(current.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        entitiesBefore =
            databaseChanged
            ? Dictionary(previous.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) : entitiesNow
    }

    /// Whether a day falls after the comparison day and no later than this run's.
    private func isBetween(_ day: Day) -> Bool { from < day && day <= to }

    /// The causes of the change from `before` (the comparison run's finding) to `now`, oldest first.
    func causes(now: Finding?, before: Finding?) -> [ChangeCause] {
        var causes: [ChangeCause] = []
        var seen: Set<ChangeCause> = []
        func add(_ cause: ChangeCause) { if seen.insert(cause).inserted { causes.append(cause) } }
        for record in records(now, before) {
            factorCauses(record, now: now, before: before).forEach(add)
            entityCauses(record).forEach(add)
        }
        if let now, before == nil, now.rule == .expiredAcceptance, let evidence = now.evidence.first {
            add(ChangeCause(kind: .acceptanceExpired, record: evidence.record, fact: evidence.fact, date: evidence.date))
        }
        return causes.enumerated().sorted { a, b in
            (a.element.date ?? "", a.offset) < (b.element.date ?? "", b.offset)
        }.map(\.element)
    }

    /// The factors and entities either finding rests on, each once, in order of appearance.
    private func records(_ now: Finding?, _ before: Finding?) -> [String] {
        var seen: Set<String> = []
        var records: [String] = []
        for finding in [now, before].compactMap({ $0 }) {
            for record in finding.factors + finding.evidence.map(\.record) where seen.insert(record).inserted {
                records.append(record)
            }
        }
        return records
    }

    private func factorCauses(_ id: String, now: Finding?, before: Finding?) -> [ChangeCause] {
        let factorNow = current.factor(id: id)
        let factorBefore = databaseChanged ? previous.factor(id: id) : factorNow
        var causes: [ChangeCause] = []
        switch (factorNow, factorBefore) {
        case (let factor?, nil):
            causes.append(ChangeCause(kind: .added, record: id, fact: factor.title, date: factor.inForceFrom.description))
            return causes
        case (nil, let factor?):
            causes.append(ChangeCause(kind: .removed, record: id, fact: factor.title, date: factor.inForceFrom.description))
            return causes
        case (nil, nil):
            return causes
        case (let factor?, let older?):
            if isBetween(factor.inForceFrom) {
                causes.append(ChangeCause(kind: .inForce, record: id, fact: factor.title, date: factor.inForceFrom.description))
            }
            if let until = factor.inForceUntil, from <= until, until < to {
                causes.append(ChangeCause(kind: .ended, record: id, fact: factor.title, date: until.description))
            }
            let olderEvents = databaseChanged ? Set(older.events.map(EventKey.init)) : []
            for event in factor.events where cites(now, event, of: id) {
                if isBetween(event.date) {
                    causes.append(ChangeCause(kind: .event, record: id, fact: Self.describe(event), date: event.when))
                } else if databaseChanged, !olderEvents.contains(EventKey(event)) {
                    causes.append(ChangeCause(kind: .added, record: id, fact: Self.describe(event), date: event.when))
                }
            }
            if databaseChanged {
                let newerEvents = Set(factor.events.map(EventKey.init))
                for event in older.events where cites(before, event, of: id) && !newerEvents.contains(EventKey(event)) {
                    causes.append(ChangeCause(kind: .removed, record: id, fact: Self.describe(event), date: event.when))
                }
            }
            return causes
        }
    }

    private func entityCauses(_ id: String) -> [ChangeCause] {
        switch (entitiesNow[id], entitiesBefore[id]) {
        case (let entity?, nil):
            return [ChangeCause(kind: .added, record: id, fact: entity.name, date: entity.since?.description)]
        case (nil, let entity?):
            return [ChangeCause(kind: .removed, record: id, fact: entity.name, date: entity.since?.description)]
        case (let entity?, _?):
            guard let since = entity.since, isBetween(since) else { return [] }
            return [
                ChangeCause(
                    kind: .listed, record: id, fact: entity.name + (entity.programme.map { " (\($0))" } ?? ""),
                    date: since.description)
            ]
        case (nil, nil):
            return []
        }
    }

    /// Whether the finding cites the event: in its structured exposure, or as an evidence line
    /// of the factor that starts with the event's text.
    private func cites(_ finding: Finding?, _ event: RiskEvent, of factor: String) -> Bool {
        guard let finding else { return false }
        if let exposure = finding.exposure,
            exposure.events.contains(where: { $0.what == event.what && $0.date == event.date && $0.id == event.id })
        {
            return true
        }
        return finding.evidence.contains { $0.record == factor && $0.fact.hasPrefix(event.what) }
    }

    /// The event's text with its place, as evidence lines state it.
    static func describe(_ event: RiskEvent) -> String {
        event.place.map { "\(event.what) (\($0))" } ?? event.what
    }

    /// What identifies an event across two databases.
    private struct EventKey: Hashable {
        let date: Day
        let what: String
        let id: String?
        init(_ event: RiskEvent) {
            date = event.date
            what = event.what
            id = event.id
        }
    }
}
