/// A list brought in by `diligence db import`, before it is written as a list file (SPEC §4).
public struct ImportedList: Sendable, Hashable {
    /// One listed person or entity.
    public struct Entity: Sendable, Hashable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var kind: ListedEntity.Kind
        public var country: Country?
        public var listedBy: [String]
        /// Sanctions programmes, one per element ("RUSSIA-EO14024").
        public var programmes: [String]
        public var measures: [String]
        public var since: Day?
        public var references: [Reference]
    }

    public var entities: [Entity]
    /// Comment lines for the head of the written file: source, snapshot date, what is missing.
    public var header: [String]
    /// Problems that did not stop the import (rows skipped), located.
    public var warnings: [Diagnostic]
    /// One-line counts for the terminal ("14965 entries, 18018 aliases").
    public var summary: [String]
    /// The snapshot the list records (`snapshot:`): its source and date; nil when no date is known.
    public var snapshot: DataSnapshot?

    public init(entities: [Entity], header: [String], warnings: [Diagnostic] = [], summary: [String] = []) {
        self.entities = entities
        self.header = header
        self.warnings = warnings
        self.summary = summary
    }

    /// The entities as the database holds them, as if loaded from `file`.
    func listedEntities(file: String) -> [ListedEntity] {
        entities.enumerated().map { index, entity in
            ListedEntity(
                id: entity.id, name: entity.name, aliases: entity.aliases, kind: entity.kind, country: entity.country,
                listedBy: entity.listedBy, programme: entity.programmes.isEmpty ? nil : entity.programmes.map { "[\($0)]" }.joined(separator: " "),
                measures: entity.measures, since: entity.since, references: entity.references, file: file,
                mark: Mark(line: index + 1, column: 1))
        }
    }
}

/// The formats `db import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case ofacSDN = "ofac-sdn"
    case openSanctions = "opensanctions"
    /// ACLED CSV export: armed-conflict (and civil-unrest) factors with located events.
    case acled
    /// Access Now #KeepItOn STOP CSV: internet-shutdown factors.
    case stop
}
