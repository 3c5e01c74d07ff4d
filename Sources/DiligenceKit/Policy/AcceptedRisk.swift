/// A waiver: a finding accepted by an accountable person until `expires`.
public struct AcceptedRisk: Sendable, Hashable, Codable {
    public var finding: String
    public var reason: String
    public var approvedBy: String
    public var expires: Day
    public var mark: Mark
    /// Where `expires` is written, for horizon errors.
    public var expiresMark: Mark = .start

    /// Whether this acceptance names a finding identity (`rule/subject` covers every factor).
    public func covers(_ identity: FindingIdentity) -> Bool {
        finding == identity.description || finding == "\(identity.rule)/\(identity.subject)"
    }

    /// `covers(_:)` read off the bytes, without writing the identity's texts: the same answer
    /// when `finding` and the identity's parts are all ASCII (`findingIsASCII` says whether
    /// `finding` is), where equal texts are equal bytes; otherwise `covers(_:)` itself
    /// (texts compare by canonical equivalence: "\u{212A}" is "K").
    func coversByBytes(_ identity: FindingIdentity, findingIsASCII: Bool) -> Bool {
        guard findingIsASCII, identity.rule.rawValue.isASCIIBytes, identity.subject.isASCIIBytes,
            identity.factor?.isASCIIBytes ?? true
        else { return covers(identity) }
        var rest = finding.utf8[...]
        func take(_ part: String.UTF8View) -> Bool {
            guard rest.starts(with: part) else { return false }
            rest = rest.dropFirst(part.count)
            return true
        }
        guard take(identity.rule.rawValue.utf8), take("/".utf8), take(identity.subject.utf8) else { return false }
        // `rule/subject` covers every factor; `rule/subject/factor` the one.
        if rest.isEmpty { return true }
        guard let factor = identity.factor, take("/".utf8), take(factor.utf8) else { return false }
        return rest.isEmpty
    }
}

extension String {
    /// Whether every byte of the text is ASCII.
    var isASCIIBytes: Bool { utf8.allSatisfy { $0 < 0x80 } }
}

extension AcceptedRisk {
    /// The `accepted_risks[]` mapping of the policy format: the one declaration of an acceptance's fields.
    static let format = PolicyObject(
        name: "an accepted risk",
        summary:
            "A finding that an accountable person accepted until a date. While it holds, the finding is reported as accepted and does not fail the gate; after `expires`, `expired-acceptance` fails the gate.",
        key: "accepted_risks",
        example: """
            - finding: shutdown-exposure/minsk-office
              reason: Offline runbook tested in Q3; satellite uplink on order
              approved_by: Head of Compliance
              expires: 2021-03-31
            """,
        fields: [
            .init(
                "finding", .text, required: true, "`rule/subject` (every factor) or `rule/subject/factor`, as reports print it.",
                example: "shutdown-exposure/minsk-office", into: \.risk.finding, mark: .at(\.findingMark)),
            .init("reason", .text, required: true, "Why the risk is accepted.", example: "Offline runbook tested in Q3", into: \.risk.reason),
            .init("approved_by", .text, required: true, "Who accepted it.", example: "Head of Compliance", into: \.risk.approvedBy),
            .init(
                "expires", .date, required: true, "Last day the acceptance holds.", example: "2021-03-31", into: \.risk.expires, mark: .at(\.risk.expiresMark)),
        ],
        open: { draft, mark in
            draft.risk = AcceptedRisk(finding: "", reason: "", approvedBy: "", expires: .unset, mark: mark, expiresMark: mark)
            draft.findingMark = nil
        },
        close: { draft, context in
            if let mark = draft.findingMark, let problem = AcceptedRisk.problem(finding: draft.risk.finding, ruleIDs: context.ruleIDs) {
                draft.findingProblems.append((mark, problem))
            }
            draft.policy.acceptedRisks.append(draft.risk)
        })

    /// Why `finding` of an accepted risk names no finding: not `rule/subject` or
    /// `rule/subject/factor`, or a rule not in `ruleIDs`; nil when it is well formed.
    static func problem(finding: String, ruleIDs: [RuleID]) -> String? {
        let parts = finding.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            return "`finding` must be `rule/subject` or `rule/subject/factor`, found `\(finding)`"
        }
        let rule = String(parts[0])
        guard !ruleIDs.contains(RuleID(rule)) else { return nil }
        var message = "unknown rule `\(rule)` in `finding`"
        if let guess = Suggestion.closest(to: rule, in: ruleIDs.map(\.rawValue)) { message += "; did you mean `\(guess)`?" }
        return message
    }
}
