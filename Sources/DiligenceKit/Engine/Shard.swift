/// `check --shard K/N`: a stable 1/N of the policy files. A file belongs to shard
/// `hash(path relative to its root) mod N + 1`, where the root is the folder named on the
/// command line that holds it (a file named on its own: its file name), and the hash is
/// 64-bit FNV-1a of the relative path's UTF-8 bytes. The same file lands in the same shard on
/// every machine and in every checkout, whatever else the portfolio holds.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// K, from 1.
    public let index: Int
    /// N.
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= 10_000, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The shard (1 to `count`) a relative path belongs to.
    public static func number(of relativePath: String, count: Int) -> Int {
        let hash = FNV1a.hash(relativePath.utf8)
        return Int(hash % UInt64(count)) + 1
    }

    /// The files of `files` (as `PolicySet.discover` found them under `roots`, the paths named
    /// on the command line) in this shard, with each one's place among all of them.
    public func select(_ files: [String], roots: [String]) -> [(file: String, position: Int)] {
        let named = Set(roots.map(PolicySet.normalise))
        let folders = named.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return files.enumerated().compactMap { position, file in
            let relative: String
            if named.contains(file) {
                relative = file.split(separator: "/").last.map(String.init) ?? file
            } else if let root = folders.filter({ file.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
                relative = String(file.dropFirst(root.count))
            } else {
                relative = file
            }
            return Self.number(of: relative, count: count) == index ? (file, position) : nil
        }
    }
}

/// What part of a portfolio a sharded check covered: which shard, how many files in all, and
/// each checked policy's place among them (in the order of the result's policies).
public struct ShardCoverage: Sendable, Hashable {
    public var shard: Shard
    public var totalFiles: Int
    public var positions: [Int]
}
