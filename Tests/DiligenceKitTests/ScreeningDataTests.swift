import Foundation
import Testing

@testable import DiligenceKit

/// The real OFAC files beside the repository (`../shared/data/ofac`), when present.
enum OFACFiles {
    static let folder = TestData.root.deletingLastPathComponent().appendingPathComponent("shared/data/ofac")
    static let sdn = folder.appendingPathComponent("sdn.csv")
    static let alt = folder.appendingPathComponent("alt.csv")
    static let available = FileManager.default.isReadableFile(atPath: sdn.path) && FileManager.default.isReadableFile(atPath: alt.path)
    static let reason: Comment = "the OFAC files are not at \(folder.path) (they live in ../shared/data/ofac beside the repository)"

    /// The whole list imported once (sdn.csv of 2024-05-03 with alt.csv).
    static let imported: ImportedList? = {
        guard available, let sdnData = FileManager.default.contents(atPath: sdn.path),
            let altData = FileManager.default.contents(atPath: alt.path)
        else { return nil }
        return try? OFACImporter(countries: TestData.workspace.countries, snapshotDate: Day(iso: "2024-05-03"))
            .importFiles(sdn: ([UInt8](sdnData), sdn.path), alt: ([UInt8](altData), alt.path))
    }()

    static let entities: [ListedEntity] = imported?.listedEntities(file: "ofac-sdn.yaml") ?? []

    /// A screener on the whole list, built once.
    static let screener = NameScreener(entities: entities)
}

/// The screening data files.
@Suite struct ScreeningDataTests {
    @Test func theBuiltInDataFilesLoad() throws {
        let data = try ScreeningData.builtin()
        #expect(data.legalForms["llc"] == "llc")
        #expect(data.legalForms["ooo"] == "llc")
        #expect(data.legalForms["private military company"] == "pmc")
        #expect(data.legalForms["pmc"] == "pmc")
        #expect(data.legalForms["zao"] == "jsc")
        #expect(data.titles.contains("colonel"))
        #expect(data.particles.contains("bin"))
        #expect(!data.spellingFolds.isEmpty)
        #expect(data.commonTokensTotal > 1)
    }

    @Test func malformedLinesAreLocated() {
        #expect(throws: InputError.self) {
            _ = try ScreeningData(files: ["legal-forms.tsv": ("llc\tonly two columns", "legal-forms.tsv")])
        }
        do {
            _ = try ScreeningData(files: ["spelling-folds.tsv": ("# comment\nsh\ts\nSH\tS\n", "spelling-folds.tsv")])
            Issue.record("an upper-case fold was accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == ["spelling-folds.tsv:3:1: error: expected FROM<TAB>TO in lower-case a-z (FROM$ for the end of a word)"])
        }
    }

    /// Carriage returns at either end of a line are dropped; lines of blanks (spaces, tabs,
    /// no-break spaces) and comments are skipped; line numbers count every line.
    @Test func blankAndCommentLinesAreSkipped() throws {
        let data = try ScreeningData(files: ["particles.txt": ("\ral\r\n\u{A0}\t \n# comment\n\n  \nbin\nel", "particles.txt")])
        #expect(data.particles == ["al", "bin", "el"])
        do {
            _ = try ScreeningData(files: ["spelling-folds.tsv": ("\t\n\u{2003}\n# c\nSH\tS\n", "spelling-folds.tsv")])
            Issue.record("an upper-case fold was accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == ["spelling-folds.tsv:4:1: error: expected FROM<TAB>TO in lower-case a-z (FROM$ for the end of a word)"])
        }
    }

    @Test func aFormInTwoClassesIsAnError() {
        #expect(throws: InputError.self) {
            _ = try ScreeningData(files: ["legal-forms.tsv": ("a\tA\tltd\nb\tB\tltd\n", "legal-forms.tsv")])
        }
    }

    /// `common-tokens.tsv` is what the OFAC files give with the current normalisation; set
    /// DILIGENCE_RECORD=1 to write it again.
    @Test(.enabled(if: OFACFiles.available, OFACFiles.reason))
    func commonTokenTableIsCurrent() throws {
        var data = NameNormalizer.standard.data
        data.commonTokens = [:]
        let table = ScreeningData.commonTokenTable(
            entities: OFACFiles.entities, normalizer: NameNormalizer(data: data),
            source: "the OFAC SDN list (sdn.csv of 2024-05-03 with alt.csv)")
        let path = TestData.root.appendingPathComponent("Sources/DiligenceKit/Resources/screening/common-tokens.tsv").path
        if ProcessInfo.processInfo.environment["DILIGENCE_RECORD"] == "1" {
            try table.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let current = try String(contentsOfFile: path, encoding: .utf8)
        #expect(current == table, "common-tokens.tsv is stale: DILIGENCE_RECORD=1 swift test --filter commonTokenTableIsCurrent")
    }
}
