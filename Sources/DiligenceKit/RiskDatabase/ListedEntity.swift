/// A listed person or organisation (sanctions, travel bans).
public struct ListedEntity: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person
        case organisation
        case vessel
        case aircraft
    }

    public var id: String
    public var name: String
    public var aliases: [String]
    public var kind: Kind
    public var country: Country?
    public var listedBy: [String]
    public var programme: String?
    public var measures: [String]
    public var since: Day?
    public var references: [Reference]
    public var file: String
    public var mark: Mark

    /// Every name the entity is known by, primary first.
    public var allNames: [String] { [name] + aliases }
}

/// About the database: its name and version and the sources it draws on.
public struct DatabaseMetadata: Sendable, Hashable, Codable {
    public var name: String
    public var version: String?
    public var description: String?
    public var maintainer: String?
    public var sources: [DataSource]

    public init(name: String, version: String? = nil, description: String? = nil, maintainer: String? = nil, sources: [DataSource] = []) {
        self.name = name
        self.version = version
        self.description = description
        self.maintainer = maintainer
        self.sources = sources
    }
}

/// One source of the database, for the report's data snapshot table.
public struct DataSource: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var date: String?
    public var licence: String?
    public var url: String?
}
