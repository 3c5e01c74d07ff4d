import Foundation

/// A loaded risk database: factors, listed entities, metadata, and a digest of its files so
/// that every report can name exactly what it used.
public struct RiskDatabase: Sendable {
    public var path: String
    public var metadata: DatabaseMetadata
    /// Sorted by id.
    public private(set) var factors: [RiskFactor]
    /// Every located event of every factor, indexed once for the place-bound rules.
    public let eventIndex: EventIndex
    /// Sorted by id.
    public var entities: [ListedEntity]
    /// SHA-256 over the relative path and bytes of every file, in path order.
    public var digest: String
    public var files: [String]
    /// The data snapshots loaded (one per source, from files made by `db import`).
    public var snapshots: [DataSnapshot] = []
    /// A warning per factor marked `status: draft` (`db draft`): `validate` prints them, and
    /// `check` refuses the database while there is any (`refusedDrafts`).
    public var drafts: [Diagnostic] = []
    /// The drafts as errors: what `check` reports before refusing the database.
    public var refusedDrafts: [Diagnostic] {
        drafts.map {
            Diagnostic(
                $0.location, .error,
                $0.message.replacingOccurrences(
                    of: "; `check` refuses a database that holds a draft", with: "; check refuses a database that holds a draft (validate only warns)"))
        }
    }
    /// Files of a source that a newer snapshot superseded: not loaded.
    public var superseded: [SupersededSnapshot] = []
    /// Factors by country in id order, for the rules' per-site lookups (built once): most sites
    /// are in countries without any, which one hash finds out.
    private let byCountry: [Country: [RiskFactor]]

    public init(path: String, metadata: DatabaseMetadata, factors: [RiskFactor], entities: [ListedEntity], digest: String, files: [String]) {
        self.path = path
        self.metadata = metadata
        self.factors = factors.sorted { $0.id < $1.id }
        self.eventIndex = EventIndex(factors: self.factors)
        // Already sorted (the loader sorts in place): kept without a copy of a long list.
        self.entities = RiskDatabase.isSortedByID(entities) ? entities : entities.sorted { $0.id < $1.id }
        self.digest = digest
        self.files = files
        var index: [Country: [RiskFactor]] = [:]
        for factor in self.factors { index[factor.country, default: []].append(factor) }
        byCountry = index
    }

    /// Whether the entries are in id order (read in place: no entry is copied).
    static func isSortedByID(_ entities: [ListedEntity]) -> Bool {
        entities.indices.dropFirst().allSatisfy { entities[$0 - 1].id < entities[$0].id }
    }

    /// The newest `reviewed` date of any factor.
    public var newestReview: Day? { factors.map(\.reviewed).max() }

    public func factor(id: String) -> RiskFactor? { factors.first { $0.id == id } }

    /// Factors of `kinds` in force on `day` for `country`.
    public func factors(_ kinds: Set<FactorKind>, in country: Country, asOf day: Day) -> [RiskFactor] {
        factors(in: country, asOf: day) { kinds.contains($0) }
    }

    /// Factors in force on `day` for `country` whose kind `includes` accepts, in id order (as the
    /// factors are). Each candidate is read in place; only those returned are copied.
    public func factors(in country: Country, asOf day: Day, kinds includes: (FactorKind) -> Bool) -> [RiskFactor] {
        guard let candidates = byCountry[country] else { return [] }
        var found: [RiskFactor] = []
        for index in candidates.indices where includes(candidates[index].kind) && candidates[index].isInForce(on: day) {
            found.append(candidates[index])
        }
        return found
    }

    /// Factors of `kinds` in force on `day`, any country.
    public func factors(_ kinds: Set<FactorKind>, asOf day: Day) -> [RiskFactor] {
        factors.filter { kinds.contains($0.kind) && $0.isInForce(on: day) }
    }
}
