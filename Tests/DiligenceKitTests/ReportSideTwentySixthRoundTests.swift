import Foundation
import Testing

@testable import DiligenceKit

/// The twenty-sixth round's report side (`speed47`) against the general paths it stands for, on
/// real inputs (the shipped policies, the example and the portfolio fixtures): a policy's bands
/// found among its earlier ones against `TableID.bandsHash`; a binding's hash with its lists
/// read in place against the hash of the lists gathered in an array; texts split by `memchr`
/// against a byte-by-byte search; a spilling run's table entries without ids
/// against those with ids.
@Suite struct ReportSideTwentySixthRoundTests {
    static var checked: CheckResult { ReportingTwentySecondRoundTests.checked }

    /// Each finding's bands key is `TableID.bandsHash` of its bands, for the findings of each
    /// policy interleaved with copies whose bands differ in one number (a count, a distance,
    /// a distance's sign), so that remembered and new bands are both asked.
    @Test func aPolicysBandsKeysAreTableIDs() throws {
        var exposures = 0
        for policy in Self.checked.policies {
            var findings: [Finding] = []
            for finding in policy.findings {
                findings.append(finding)
                guard var exposure = finding.exposure, !exposure.bands.isEmpty else { continue }
                for change in 0..<3 {
                    var copy = finding
                    var bands = exposure.bands
                    switch change {
                    case 0: bands[0].recentEvents += 1
                    case 1: bands[bands.count - 1].toKm += 0.5
                    default: bands[0].fromKm = bands[0].fromKm == 0 ? -0.0 : -bands[0].fromKm
                    }
                    exposure.bands = bands
                    copy.exposure = exposure
                    findings.append(copy)
                    findings.append(finding)
                }
            }
            let made = try #require(FindingTableKeys.of(findings, wanted: true))
            for (finding, keys) in zip(findings, made) {
                guard let exposure = finding.exposure else { continue }
                #expect(keys.bands == TableID.bandsHash(exposure.bands))
                exposures += 1
            }
        }
        #expect(exposures > 10)
    }

    /// Bands the same by `sameBands` hash the same (every pair of the real inputs' bands and
    /// their changed copies); -0 and 0 km are told apart.
    @Test func sameBandsHashTheSame() {
        var all: [[Exposure.Band]] = []
        for finding in Self.checked.findings {
            guard let bands = finding.exposure?.bands, !bands.isEmpty,
                !all.contains(where: { FindingTableKeys.Maker.sameBands($0, bands) })
            else { continue }
            all.append(bands)
            var changed = bands
            changed[0].olderFatalities += 1
            all.append(changed)
        }
        #expect(all.count > 2)
        for left in all {
            for right in all where FindingTableKeys.Maker.sameBands(left, right) {
                #expect(TableID.bandsHash(left) == TableID.bandsHash(right))
            }
        }
        let zero = [Exposure.Band(fromKm: 0, toKm: 25)], negativeZero = [Exposure.Band(fromKm: -0.0, toKm: 25)]
        #expect(!FindingTableKeys.Maker.sameBands(zero, negativeZero))
        #expect(FindingTableKeys.Maker.sameBands(zero, zero))
    }

    /// The binding hash as it was: its lists gathered in an array, each text then the end mark.
    static func listsHash(entity: String, lists: [[String]], reason: String, status: String) -> UInt64 {
        var hash = FNV1a.offsetBasis
        func add(_ text: String?) {
            guard let text else {
                hash = FNV1a.adding(0x1E, to: hash)
                return
            }
            for unit in text.utf8 { hash = FNV1a.adding(unit, to: hash) }
            hash = FNV1a.adding(0x1F, to: hash)
        }
        add(entity)
        for list in lists {
            for item in list { add(item) }
            add(nil)
        }
        add(reason)
        add(status)
        return hash
    }

    /// Every finding's binding, and its table entry, hash as the lists gathered did.
    @Test func aBindingsHashIsTheListsHash() {
        var bindings = 0
        for finding in Self.checked.findings {
            guard let binding = finding.binding else { continue }
            let expected = Self.listsHash(
                entity: binding.entity, lists: [binding.entityRegimes, binding.imposedBy, binding.regimes], reason: binding.reason,
                status: binding.status.rawValue)
            #expect(TableID.bindingHash(binding) == expected)
            #expect(TableID.bindingHash(BindingEntry(binding)) == expected)
            bindings += 1
        }
        #expect(bindings > 3)
        let empty = BindingEntry(entity: "", entity_regimes: [], imposed_by: [], reason: "", regimes: ["a", "b"], status: "binds")
        #expect(TableID.bindingHash(empty) == Self.listsHash(entity: "", lists: [[], [], ["a", "b"]], reason: "", status: "binds"))
    }

    /// The pieces of `pieces(betweenBytesOf:)` (by `memchr`) are those of a byte-by-byte search,
    /// for every finding's message and path step at its subject's name and for made-up texts
    /// (the separator at either end, twice, overlapping itself, absent, longer than the text,
    /// non-ASCII).
    @Test func piecesAreThoseOfAByteSearch() {
        func expected(_ text: String, _ separator: String) -> [String] {
            let bytes = Array(text.utf8), part = Array(separator.utf8)
            guard !bytes.isEmpty, !part.isEmpty else { return [text] }
            var pieces: [String] = []
            var start = 0
            var index = 0
            while index + part.count <= bytes.count {
                if Array(bytes[index..<(index + part.count)]) == part {
                    pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    index += part.count
                    start = index
                } else {
                    index += 1
                }
            }
            pieces.append(String(decoding: bytes[start...], as: UTF8.self))
            return pieces
        }
        var texts = 0
        for finding in Self.checked.findings {
            for text in [finding.message] + finding.path {
                #expect(text.pieces(betweenBytesOf: finding.subjectName) == expected(text, finding.subjectName))
                texts += 1
            }
            #expect(MessageParts.split(finding.message, at: finding.subjectName).joined(separator: finding.subjectName) == finding.message)
        }
        #expect(texts > 100)
        let cases: [(String, String)] = [
            ("Acme is near Acme", "Acme"), ("aaaaa", "aaa"), ("aaaaaa", "aa"), ("no name here", "Zed"), ("ab", "ab"), ("x Été y Été", "Été"),
            ("Acme", "Acme"), ("short", "longer than it"), ("a ab abc abcd", "abc"), ("a", "a"), ("ba", "a"), ("", "a"),
        ]
        for (text, separator) in cases {
            #expect(text.pieces(betweenBytesOf: separator) == expected(text, separator), "\(text) by \(separator)")
        }
    }

    /// A run that spills its tables lists the same entries, in the same places, with no ids.
    @Test func spilledListsAreTheListsWithoutIDs() {
        var withIDs = CitedLists()
        var without = CitedLists()
        for policy in Self.checked.policies {
            let part = CitedPart(policy.findings, tables: true, lists: true)
            withIDs.add(part.lists)
            without.add(part.lists, ids: false)
        }
        #expect(withIDs.steps.count > 100)
        #expect(without.steps.map(\.text) == withIDs.steps.map(\.text))
        #expect(without.steps.allSatisfy { $0.id.isEmpty })
        #expect(without.bands.map(\.bands) == withIDs.bands.map(\.bands))
        #expect(without.recommendations.map(\.texts) == withIDs.recommendations.map(\.texts))
        #expect(without.bindings.map(\.binding) == withIDs.bindings.map(\.binding))
        #expect(without.messages == withIDs.messages)
        #expect(without.evidence == withIDs.evidence)
        for step in withIDs.steps {
            #expect(without.stepTable.place(TableID.pathStepHash(step.text)) == withIDs.stepTable.place(TableID.pathStepHash(step.text)))
        }
    }
}
