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
    /// The public function a politically exposed person holds ("Leader of the CNSP junta").
    public var role: String? = nil

    /// Whether the entry only marks a politically exposed person: no restrictive measure.
    public var isPEPOnly: Bool { measures.contains("pep") && measures.allSatisfy { $0 == "pep" } }

    /// Every name the entity is known by, primary first.
    public var allNames: [String] { [name] + aliases }
}

/// About the database: its name and version and the sources it draws on.
public struct DatabaseMetadata: Sendable, Hashable, Codable {
    public var name: String
    public var version: String?
    public var description: String?
    public var maintainer: String?
    public var sources: [DataSource] = []
}

/// One source of the database, for the report's data snapshot table.
public struct DataSource: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var date: String?
    public var licence: String?
    public var url: String?
    /// The database file that holds it, when `db import --into` recorded one.
    public var file: String? = nil
    /// The published files it was imported from, with their SHA-256.
    public var inputs: [String] = []

    enum CodingKeys: String, CodingKey {
        case id, name, date, licence, url, file, inputs
    }

    public init(id: String, name: String, date: String? = nil, licence: String? = nil, url: String? = nil, file: String? = nil, inputs: [String] = []) {
        self.id = id
        self.name = name
        self.date = date
        self.licence = licence
        self.url = url
        self.file = file
        self.inputs = inputs
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            date: try container.decodeIfPresent(String.self, forKey: .date), licence: try container.decodeIfPresent(String.self, forKey: .licence),
            url: try container.decodeIfPresent(String.self, forKey: .url), file: try container.decodeIfPresent(String.self, forKey: .file),
            inputs: try container.decodeIfPresent([String].self, forKey: .inputs) ?? [])
    }

    /// Absent keys stay absent: `file` and `inputs` only for sources `db import --into` recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeIfPresent(licence, forKey: .licence)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(file, forKey: .file)
        if !inputs.isEmpty { try container.encode(inputs, forKey: .inputs) }
    }
}
