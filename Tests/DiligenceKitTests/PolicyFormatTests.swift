import Testing

@testable import DiligenceKit

/// Each model struct of a policy and its declaration in the format sit in one file; these tests
/// hold them together, so that a property added to a model without its key (or a key without
/// its property) fails here rather than being silently never read.
@Suite struct PolicyFormatTests {
    struct Model: Sendable, CustomTestStringConvertible {
        var name: String
        /// An empty value of the model, for its property names.
        var value: any Sendable
        var format: ObjectSchema
        /// Properties that are not keys: the file name, and what sub-mappings hold.
        var notKeys: [String: String] = [:]
        var testDescription: String { name }
    }

    static let models: [Model] = [
        Model(name: "Policy", value: PolicyDraft().policy, format: PolicySchema.policy, notKeys: ["file": "(the path)"]),
        Model(
            name: "Site", value: PolicyDraft().site, format: PolicySchema.site,
            notKeys: ["staff_local": "staff", "staff_expatriate": "staff"]),
        Model(name: "TradeFlow", value: PolicyDraft().flow, format: PolicySchema.trade),
        Model(name: "Counterparty", value: PolicyDraft().party, format: PolicySchema.counterparty),
        Model(name: "Travel", value: PolicyDraft().trip, format: PolicySchema.travel),
        Model(name: "AcceptedRisk", value: PolicyDraft().risk, format: PolicySchema.acceptedRisk),
    ]

    /// `dependsOn` is written `depends_on`.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    @Test(arguments: models)
    func everyPropertyIsAKeyAndEveryKeyAProperty(_ model: Model) {
        // Marks (where a value is written) are kept for messages; they are not keys.
        let properties = Mirror(reflecting: model.value).children.compactMap(\.label)
            .filter { $0 != "mark" && !$0.hasSuffix("Mark") }
            .map(Self.snakeCase)
        let keys = Set(model.format.fields.map(\.name))
        for property in properties where !keys.contains(property) {
            if let holder = model.notKeys[property] {
                if holder != "(the path)" { #expect(keys.contains(holder), "\(model.name).\(property) is read from `\(holder)`") }
                continue
            }
            Issue.record("\(model.name).\(property) has no key in the policy format: declare it in \(model.name).format")
        }
        let covered = Set(properties).union(model.notKeys.values)
        for key in keys.subtracting(covered) where key != "version" {
            Issue.record("`\(key)` of \(model.format.name) is no property of \(model.name)")
        }
    }

    @Test func snakeCaseMatchesTheFormatsSpelling() {
        #expect(Self.snakeCase("dependsOn") == "depends_on")
        #expect(Self.snakeCase("hsCodes") == "hs_codes")
        #expect(Self.snakeCase("id") == "id")
    }
}
