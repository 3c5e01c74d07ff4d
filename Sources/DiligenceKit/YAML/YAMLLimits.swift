/// Resource limits for reading one YAML file. Hostile files (alias bombs, deep nesting,
/// huge scalars) are rejected with a located message instead of exhausting the machine.
public struct YAMLLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Most nodes a document may hold after aliases are expanded.
    public var maxNodes: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int
    /// Longest single scalar, in bytes.
    public var maxScalarBytes: Int

    /// Policy files: 8 MiB, 1,000,000 nodes, 64 levels, 64 KiB scalars.
    public static let policy = YAMLLimits(maxBytes: 8 << 20, maxNodes: 1_000_000, maxDepth: 64, maxScalarBytes: 64 << 10)
    /// Risk database and list files: 128 MiB, 20,000,000 nodes, 64 levels, 1 MiB scalars.
    public static let database = YAMLLimits(maxBytes: 128 << 20, maxNodes: 20_000_000, maxDepth: 64, maxScalarBytes: 1 << 20)
}
