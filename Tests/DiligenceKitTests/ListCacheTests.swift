import Foundation
import Testing

@testable import DiligenceKit

/// The list cache: validated list files kept in binary form under their SHA-256.
@Suite struct ListCacheTests {
    static let seeds = TestData.root.appendingPathComponent("seeds").path

    static func loader(_ cache: ListCache?) -> RiskDatabaseLoader {
        var loader = RiskDatabaseLoader(countries: TestData.workspace.countries, vocabularies: TestData.workspace.vocabularies)
        loader.cache = cache
        return loader
    }

    static func cacheFiles(_ cache: ListCache) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: cache.folder.appendingPathComponent("lists"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "bin" }
            .sorted { $0.path < $1.path }
    }

    @Test func aCachedLoadGivesTheSameDatabaseAsParsing() throws {
        let folder = try TemporaryFolder()
        let cache = ListCache(folder: folder.url)
        let parsed = try Self.loader(nil).load(folder: Self.seeds)
        let first = try Self.loader(cache).load(folder: Self.seeds)
        // One cache file per list file of the seeds.
        let lists = try FileManager.default.contentsOfDirectory(atPath: Self.seeds + "/lists").filter { $0.hasSuffix(".yaml") }
        #expect(try Self.cacheFiles(cache).count == lists.count)
        let second = try Self.loader(cache).load(folder: Self.seeds)
        #expect(parsed.entities == first.entities)
        #expect(parsed.entities == second.entities)
        #expect(parsed.digest == second.digest)
        #expect(!parsed.entities.isEmpty)
    }

    /// An id listed in two files is refused at its second file, naming the first, whether the
    /// files are parsed or come from the cache (which holds each file's entries apart).
    @Test(arguments: [false, true])
    func anIdListedInTwoFilesIsRefusedAtTheSecond(cached: Bool) throws {
        func list(_ ids: [String]) -> [UInt8] {
            Array(
                ("entities:\n"
                    + ids.map { id in
                        "  - id: \(id)\n    name: Name \(id)\n    kind: person\n    listed_by: [US-OFAC]\n    measures: [asset-freeze]\n"
                            + "    references:\n      - source: OFAC SDN list\n        title: entry \(id)\n"
                    }.joined()).utf8)
        }
        let files: [(relative: String, display: String, bytes: [UInt8])] = [
            ("lists/a.yaml", "db/lists/a.yaml", list(["X-2", "X-9"])),
            ("lists/b.yaml", "db/lists/b.yaml", list(["X-1", "X-3", "X-4", "X-5", "X-9"])),
            ("lists/c.yaml", "db/lists/c.yaml", list(["X-0", "X-2"])),
        ]
        let folder = try TemporaryFolder()
        let cache = cached ? ListCache(folder: folder.url) : nil
        if cached {
            // Fill the cache with each file alone.
            for file in files { _ = try Self.loader(cache).load(files: [file], path: "db") }
        }
        do {
            _ = try Self.loader(cache).load(files: files, path: "db")
            Issue.record("a repeated id loaded")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "db/lists/b.yaml:34:5: error: duplicate entity id `X-9` (also in db/lists/a.yaml:10)",
                    "db/lists/c.yaml:10:5: error: duplicate entity id `X-2` (also in db/lists/a.yaml:2)",
                ])
        }
        let distinct = try Self.loader(cache).load(
            files: [files[0], files[1]].map { file in
                (file.relative, file.display, file.relative == "lists/b.yaml" ? list(["X-1", "X-3"]) : file.bytes)
            }, path: "db")
        #expect(distinct.entities.map(\.id) == ["X-1", "X-2", "X-3", "X-9"])
    }

    @Test func theCacheIsReadWhenTheFileIsUnchangedAndIgnoredWhenItIsDamaged() throws {
        let folder = try TemporaryFolder()
        let cache = ListCache(folder: folder.url)
        let parsed = try Self.loader(cache).load(folder: Self.seeds)
        let file = try #require(try Self.cacheFiles(cache).first)
        let original = try Data(contentsOf: file)
        // A well-formed entry that differs from the list proves the loader reads the cache.
        var reader = ListCache.Reader(bytes: [UInt8](original))
        let decoded = reader.entities(file: "x", countries: TestData.workspace.countries)
        var entities = try #require(decoded)
        entities[0].name = "Name From The Cache"
        try Data(ListCache.encode(entities)).write(to: file)
        let fromCache = try Self.loader(cache).load(folder: Self.seeds)
        #expect(fromCache.entities.contains { $0.name == "Name From The Cache" })
        // Truncated, a byte changed, or of another version: parsed again, and the entry rewritten.
        var flipped = original
        flipped[flipped.count - 10] ^= 0x20
        for damaged in [original.prefix(original.count / 2), flipped, Data("diligence-list-cache 0 old".utf8) + original.dropFirst(30)] {
            try damaged.write(to: file)
            let reparsed = try Self.loader(cache).load(folder: Self.seeds)
            #expect(reparsed.entities == parsed.entities)
            #expect(try Data(contentsOf: file) == original)
        }
    }

    @Test func theEnvironmentChoosesTheFolderOrTurnsTheCacheOff() {
        #expect(ListCache.standard(environment: ["DILIGENCE_CACHE": "off", "HOME": "/home/a"]) == nil)
        #expect(ListCache.standard(environment: ["DILIGENCE_CACHE_DIR": "/tmp/c", "HOME": "/home/a"])?.folder.path == "/tmp/c")
        #expect(ListCache.standard(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/home/a"])?.folder.path == "/x/diligence")
        #expect(ListCache.standard(environment: ["HOME": "/home/a"])?.folder.path == "/home/a/.cache/diligence")
        #expect(ListCache.standard(environment: [:]) == nil)
    }
}

/// A folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("diligence-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
