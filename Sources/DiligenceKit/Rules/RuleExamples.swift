import Foundation

/// The example policies of each rule: data files shipped with the library, one policy a file,
/// `Resources/rule-examples/<rule-id>/triggering-N.yaml` and `non-triggering-N.yaml`, in order of N.
enum RuleExamples {
    enum Kind: String {
        case triggering
        case nonTriggering = "non-triggering"
    }

    /// The rule's examples of that kind, each without its final line break; none when the
    /// installation has no such files (the tests require at least one of each kind per rule).
    static func load(ruleID: String, _ kind: Kind) -> [String] {
        guard let folder = BuiltinResources.folder?.appendingPathComponent("rule-examples").appendingPathComponent(ruleID),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        let prefix = kind.rawValue + "-"
        let numbered: [(number: Int, name: String)] = names.compactMap { name in
            guard name.hasPrefix(prefix), name.hasSuffix(".yaml"),
                let number = Int(name.dropFirst(prefix.count).dropLast(".yaml".count))
            else { return nil }
            return (number, name)
        }
        return numbered.sorted { $0.number < $1.number }.compactMap { entry in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(entry.name).path) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
    }
}
