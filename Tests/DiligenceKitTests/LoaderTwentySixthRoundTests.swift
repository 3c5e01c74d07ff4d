import Foundation
import Testing

@testable import DiligenceKit

/// The twenty-sixth round's loader: a field's value and mark written at their property's offset
/// by a `switch` on the property's type (`DraftStore`, `MarkStore`) instead of the field's
/// closure.
@Suite struct LoaderTwentySixthRoundTests {
    /// Every mapping of the policy format.
    static let objects = [
        Policy.format, Site.format, Site.locationFormat, Site.staffFormat, TradeFlow.format, Counterparty.format, Travel.format, AcceptedRisk.format,
    ]

    /// A value of each type a field converts to, as `SchemaValidator.convert` gives it.
    static func sample(_ type: FieldType, _ round: Int) -> [Value] {
        switch type {
        case .text, .identifier, .digits: return [.text("text-\(round) with more than fifteen bytes"), .text("t\(round)")]
        case .term: return [.term("term-\(round)")]
        case .choice(let options): return options.map(Value.text)
        case .integer: return [.integer(round + 1)]
        case .number: return [.number(Double(round) + 0.25), .integer(round)]
        case .date: return Day(year: 2020, month: 1 + round % 12, day: 1 + round % 28).map { [.date($0)] } ?? []
        case .country: return [.country(Country(code: "M\(round % 10)", name: "Country \(round) with a long name"))]
        case .boolean, .partialDate, .list, .object: return []
        }
    }

    /// The parts of a draft a field writes, to compare two drafts.
    struct Written: Equatable {
        let policy: Policy, site: Site.Fields, lat: Double?, lon: Double?, flow: TradeFlow.Fields
        let goodsMark: Mark?, hsCodesMark: Mark?, party: Counterparty.Fields, trip: Travel, risk: AcceptedRisk, findingMark: Mark?

        init(_ draft: PolicyDraft) {
            (policy, site, lat, lon, flow) = (draft.policy, draft.site, draft.point.lat, draft.point.lon, draft.flow)
            (goodsMark, hsCodesMark, findingMark) = (draft.goodsMark, draft.hsCodesMark, draft.findingMark)
            (party, trip, risk) = (draft.party, draft.trip, draft.risk)
        }
    }

    /// Every stored field writes at its offset what its closure writes (a value into an empty
    /// draft, a second one over it, list items appended), and so does every mark; only the
    /// flow's `kind` and `direction` (enums) keep the closure.
    @Test func directStoresWriteWhatTheFieldsClosuresWrite() {
        var closures: [String] = []
        var compared = 0
        for object in Self.objects {
            for field in object.fields {
                if field.direct == .closure { closures.append(field.field.name) }
                #expect(field.markStore != .closure, "\(field.field.name)")
                guard field.store != nil else {
                    #expect(field.direct == .none, "\(field.field.name)")
                    continue
                }
                #expect(field.direct != .none, "\(field.field.name)")
                for round in 0..<3 {
                    var direct = PolicyDraft()
                    var closure = PolicyDraft()
                    for value in Self.sample(field.scalarType, round) + Self.sample(field.scalarType, round + 7) {
                        direct.store(value, field)
                        field.store?(&closure, value)
                        #expect(Written(direct) == Written(closure), "\(object.schema.name): \(field.field.name) = \(value)")
                        let mark = Mark(line: 3 + round, column: 5)
                        direct.storeMark(mark, field)
                        field.storeMark?(&closure, mark)
                        #expect(Written(direct) == Written(closure), "\(object.schema.name): \(field.field.name) at \(mark)")
                        compared += 1
                    }
                }
            }
        }
        #expect(closures.sorted() == ["direction", "kind"])
        #expect(compared > 100)
    }

    /// A file whose items set every kind of property, each followed by one that sets few: the
    /// same policy from every reader, the tree and the reference, and nothing of an item left
    /// in the next (each store writes only its own property of the item being read).
    @Test func directStoresLeaveNothingOfAnItemInTheNext() throws {
        let text = """
            version: 1
            company: Acme Offshore Services Ltd
            sites:
              - id: first-site-with-a-long-id
                name: A site whose name is longer than fifteen bytes
                country: Mozambique
                region: Cabo Delgado
                city: Palma
                location: { lat: -10.79, lon: 40.51 }
                staff: { local: 300, expatriate: 40 }
                depends_on: [internet, electricity, internet]
                continuity: [satellite-link]
                security_provider: Dyck Advisory Group
                incorporated: MZ
              - id: second
                country: ML
            trade:
              - id: exports-to-mali
                name: Spare parts to a Bamako distributor
                direction: export
                country: ML
                transit: [SN, Senegal]
                goods: [medicines]
                hs_codes: ["8429", "3004"]
                payment: [bank-transfer]
              - id: fees
                kind: payment
                direction: import
                country: SN
            counterparties:
              - id: beltelecom
                name: Beltelecom national operator
                country: BY
                aliases: [Белтелеком, Beltelekom]
                subject_to: [EU, EU]
              - id: other
                name: Other
                country: ML
            travel:
              - id: visits
                name: Distributor visits
                country: ML
                city: Bamako
                transit: [SN]
                travellers: 3
                frequency: monthly
              - id: second-trip
                country: SN
            accepted_risks:
              - finding: shutdown-exposure/first-site-with-a-long-id
                reason: Offline runbook tested in Q3
                approved_by: Head of Compliance
                expires: 2021-03-31
              - finding: shutdown-exposure/second
                reason: Short
                approved_by: Me
                expires: 2021-04-30

            """
        let bytes = Array(text.utf8)
        let policy = try #require(PolicyDecoderTests.compare(bytes, file: "moved.yaml").fast)
        #expect(PolicyDecoderTests.fast(bytes, file: "moved.yaml") == policy)
        #expect(policy.sites.map(\.id) == ["first-site-with-a-long-id", "second"])
        #expect(policy.sites.last?.name == nil && policy.sites.last?.dependsOn == [] && policy.sites.last?.location == nil)
        #expect(policy.sites.first?.dependsOn == ["internet", "electricity"])
        #expect(policy.trade.last?.goods == [] && policy.trade.last?.transit == [] && policy.trade.last?.name == nil)
        #expect(policy.counterparties.last?.aliases == [] && policy.counterparties.first?.subjectTo == ["EU"])
        #expect(policy.travel.last?.city == nil && policy.travel.last?.transit == [] && policy.travel.last?.travellers == nil)
        #expect(policy.acceptedRisks.map(\.approvedBy) == ["Head of Compliance", "Me"])
        #expect(policy.acceptedRisks.last?.expiresMark.line == 57)
    }
}
