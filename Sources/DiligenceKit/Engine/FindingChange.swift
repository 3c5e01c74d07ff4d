/// How a finding differs from the comparison run ("what changed since the last report").
public enum ChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The comparison run did not produce the finding.
    case new
    /// Produced by both runs, more severe now.
    case escalated
    /// Produced by both runs, less severe now.
    case deescalated = "de-escalated"
    /// Produced by both runs at the same severity, but it now rests on facts or events the
    /// comparison run did not have.
    case updated
    /// Produced by the comparison run only.
    case resolved

    /// How the reports order the kinds: what needs attention first.
    public static let reportOrder: [ChangeKind] = [.new, .escalated, .updated, .deescalated, .resolved]
}

/// One fact, event, listing or database edit that explains a change.
public struct ChangeCause: Sendable, Hashable, Codable {
    /// What happened to the fact between the two runs.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A risk factor came into force.
        case inForce = "in-force"
        /// A risk factor's measure ended (its `until` date passed).
        case ended
        /// A dated event the finding cites.
        case event
        /// A person or entity was listed.
        case listed
        /// An accepted risk expired.
        case acceptanceExpired = "acceptance-expired"
        /// The current database has the factor, event or listing; the compared one did not.
        case added
        /// The compared database had the factor, event or listing; the current one does not.
        case removed
    }

    public var kind: Kind
    /// The risk factor, listed entity or acceptance the fact belongs to.
    public var record: String
    /// The fact, as the database states it.
    public var fact: String
    /// The date as the data gives it, with its precision ("2020-08-18", "August 2020 (month)").
    public var date: String?

}

/// A finding that is new, escalated, de-escalated, updated or resolved since the comparison run.
public struct FindingChange: Sendable, Hashable {
    public var kind: ChangeKind
    public var policy: String
    /// The finding's stable identity (`rule/subject/factor`).
    public var identity: String
    public var rule: RuleID
    /// The severity now (nil for a resolved finding).
    public var severity: Severity?
    /// The severity in the comparison run (nil for a new finding).
    public var previousSeverity: Severity?
    /// The finding's message now, or the comparison run's for a resolved finding.
    public var message: String
    /// The policy line of the finding now, or the comparison run's for a resolved finding.
    public var line: Int
    /// The facts and events that explain the change, oldest first; empty when no fact changed
    /// (the change comes from time alone: an event aged, an acceptance's dates).
    public var causes: [ChangeCause]

    /// `policy#identity`: how the two runs' findings are matched.
    public var key: String { "\(policy)#\(identity)" }
}

/// What changed between the comparison run and this one, finding by finding.
public struct ChangeReport: Sendable {
    /// What the report is compared with.
    public enum Basis: Sendable, Hashable {
        /// The same policies and database, as of an earlier day.
        case asOf(Day)
        /// The same policies as of the same day, against another database.
        case database(path: String, digest: String)
        /// Both an earlier day and another database.
        case asOfAndDatabase(Day, path: String, digest: String)
    }

    public var basis: Basis
    /// Every change, in report order: by kind (`ChangeKind.reportOrder`), then policy and identity.
    public var changes: [FindingChange]
    /// Findings produced by both runs at the same severity on the same facts.
    public var unchanged: Int
    /// Every cause of every change, each once, oldest first: reports number them C1, C2, ...
    /// and each change refers to its causes by number.
    public let causes: [ChangeCause]
    /// Policies reviewed after the comparison day: the comparison judges that day with their
    /// later state (the comparison run's findings saying so are not listed as changes).
    public var policiesReviewedLater: [String]
    let byKey: [String: Int]
    let causeNumbers: [ChangeCause: Int]

    public init(basis: Basis, changes: [FindingChange], unchanged: Int, policiesReviewedLater: [String] = []) {
        self.basis = basis
        let order = Dictionary(uniqueKeysWithValues: ChangeKind.reportOrder.enumerated().map { ($1, $0) })
        // By kind, most severe first (now, or before for a resolved finding), then by place.
        func rank(_ change: FindingChange) -> Int { -((change.severity ?? change.previousSeverity)?.rawValue ?? -1) }
        self.changes = changes.sorted {
            (order[$0.kind] ?? 0, rank($0), $0.policy, $0.line, $0.identity) < (order[$1.kind] ?? 0, rank($1), $1.policy, $1.line, $1.identity)
        }
        self.unchanged = unchanged
        self.policiesReviewedLater = policiesReviewedLater.sorted()
        var byKey: [String: Int] = [:]
        for (index, change) in self.changes.enumerated() where change.kind != .resolved { byKey[change.key] = index }
        self.byKey = byKey
        let all = Set(changes.flatMap(\.causes))
        causes = all.sorted { ($0.date ?? "", $0.record, $0.kind.rawValue, $0.fact) < ($1.date ?? "", $1.record, $1.kind.rawValue, $1.fact) }
        causeNumbers = Dictionary(uniqueKeysWithValues: causes.enumerated().map { ($1, $0 + 1) })
    }

    /// The cause's label in reports ("C3").
    public func label(of cause: ChangeCause) -> String { "C\(causeNumbers[cause] ?? 0)" }

    /// How many changes each cause explains, by label order.
    public func changeCount(of cause: ChangeCause) -> Int { changes.lazy.filter { $0.causes.contains(cause) }.count }

    /// The change of a finding of this run (nil when it is unchanged).
    public func change(of finding: Finding) -> FindingChange? {
        byKey["\(finding.policy)#\(finding.identity)"].map { changes[$0] }
    }

    /// The changes of one kind.
    public func changes(_ kind: ChangeKind) -> [FindingChange] { changes.filter { $0.kind == kind } }

    /// The comparison day, when the basis has one.
    public var comparedAsOf: Day? {
        switch basis {
        case .asOf(let day), .asOfAndDatabase(let day, _, _): return day
        case .database: return nil
        }
    }

    /// The compared database, when the basis names one.
    public var comparedDatabase: (path: String, digest: String)? {
        switch basis {
        case .asOf: return nil
        case .database(let path, let digest), .asOfAndDatabase(_, let path, let digest): return (path, digest)
        }
    }

    /// "2020-07-31", "the database old-seeds" or "2020-07-31 and the database old-seeds": what
    /// the section heading says the report changed since.
    public var sinceText: String {
        switch basis {
        case .asOf(let day): return day.description
        case .database(let path, _): return "the database \(path)"
        case .asOfAndDatabase(let day, let path, _): return "\(day) and the database \(path)"
        }
    }
}

extension ChangeCause {
    /// How reports state the cause: "in force since 2020-08-18: ECOWAS halt of …".
    public var sentence: String {
        let date = self.date ?? "undated"
        switch kind {
        case .inForce: return "in force since \(date): \(fact)"
        case .ended: return "ended on \(date): \(fact)"
        case .event: return "event of \(date): \(fact)"
        case .listed: return "listed since \(date): \(fact)"
        case .acceptanceExpired: return "accepted risk \(date): \(fact)"
        case .added: return "added to the database (\(date)): \(fact)"
        case .removed: return "not in the current database (\(date)): \(fact)"
        }
    }
}

extension ChangeReport {
    /// What the comparison run was, in a sentence.
    public var basisSentence: String {
        switch basis {
        case .asOf(let day):
            return "The same policies checked against the same risk database as of \(day)"
        case .database(let path, let digest):
            return "The same policies checked as of the same day against the risk database \(path) (sha256:\(digest))"
        case .asOfAndDatabase(let day, let path, let digest):
            return "The same policies checked as of \(day) against the risk database \(path) (sha256:\(digest))"
        }
    }

    /// "3 new, 1 escalated, 0 updated, 0 de-escalated, 2 resolved; 40 unchanged".
    public var countsText: String {
        ChangeKind.reportOrder.map { "\(changes($0).count) \($0.rawValue)" }.joined(separator: ", ") + "; \(unchanged) unchanged"
    }

    /// What reports say when a change has no cause in the data.
    public var noCauseText: String {
        comparedAsOf == nil
            ? "no cited fact differs between the two databases"
            : "no fact in the database is dated between the two days: the change comes from time alone (an event older than the rule's recency window, an acceptance's dates)"
    }
}
