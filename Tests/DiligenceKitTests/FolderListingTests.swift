import Foundation
import Testing

@testable import DiligenceKit

/// A folder's entries are read by name in place (`FileDiscovery`), whatever their length.
@Suite struct FolderListingTests {
    @Test func namesOfEveryLengthAreReadWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diligence-listing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Names from 6 to 255 bytes (the longest a file name can be), some not ASCII.
        var expected: [String] = []
        for length in 1...250 {
            let stem =
                length % 7 == 0 ? String(repeating: "é", count: length / 2) + String(repeating: "a", count: length % 2) : String(repeating: "p", count: length)
            let name = stem + ".yaml"
            guard FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data()) else { continue }
            expected.append(folder.appendingPathComponent(name).path)
        }
        let found = FileDiscovery.scan(folder.path)
        #expect(found.problems.isEmpty)
        #expect(found.files == expected.sorted())
        #expect(found.files.count == 250)
    }
}
