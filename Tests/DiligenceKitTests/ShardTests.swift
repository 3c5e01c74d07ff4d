import Testing

@testable import DiligenceKit

/// `--shard K/N` picks files by a documented hash of their path below the folder named, so a
/// file's shard never changes with the machine, the checkout's location or the other files.
@Suite struct ShardTests {
    /// Pinned: a change of the recipe would move files between shards of a running matrix.
    @Test(arguments: [("by-minsk-software-centre.yaml", 2), ("ml-bamako-trading-house.yaml", 1), ("control-norway-aquaculture.yaml", 5)])
    func theShardOfAPathIsItsFNVHashModuloN(_ path: String, _ shard: Int) {
        #expect(Shard.number(of: path, count: 5) == shard)
    }

    @Test func filesAreSelectedByTheirPathBelowTheFolderNamed() throws {
        let files = ["policies/a.yaml", "policies/sub/b.yaml", "c.yaml"]
        for count in 1...4 {
            var seen: [Int] = []
            for index in 1...count {
                let shard = try #require(Shard(index: index, count: count))
                let here = shard.select(files, roots: ["policies", "c.yaml"])
                let there = shard.select(files.map { "/elsewhere/" + $0 }, roots: ["/elsewhere/policies/", "/elsewhere/c.yaml"])
                #expect(here.map(\.position) == there.map(\.position))
                #expect(here.allSatisfy { Shard.number(of: $0.file.hasPrefix("policies/") ? String($0.file.dropFirst(9)) : $0.file, count: count) == index })
                seen += here.map(\.position)
            }
            #expect(seen.sorted() == [0, 1, 2])
        }
    }

    @Test(arguments: ["0/2", "3/2", "1/0", "1/2/3", "a/b", "", "/2", "1/"])
    func malformedShardsAreRefused(_ text: String) {
        #expect(Shard(text) == nil)
    }

    @Test func aShardReadsAsKOverN() throws {
        let shard = try #require(Shard("2/5"))
        #expect(shard.index == 2 && shard.count == 5 && shard.description == "2/5")
    }
}
