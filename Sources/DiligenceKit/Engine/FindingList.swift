/// The findings of a check's policies that pass a filter, in order: a view over each policy's
/// own array, not a copy (a portfolio has tens of thousands of findings, and reporters read the
/// lists many times). Its count is known when it is made.
///
/// Written out rather than `policies.lazy.flatMap(\.findings).filter(…)`: stepping through that
/// copied a policy's result at every step and cost a Markdown report's summary half a second on
/// a 2,000-file portfolio.
public struct FindingList: Collection, Sendable {
    /// A finding's place: which policy, and where in its findings.
    public struct Index: Comparable, Sendable {
        let policy: Int
        let position: Int

        public static func < (lhs: Index, rhs: Index) -> Bool {
            (lhs.policy, lhs.position) < (rhs.policy, rhs.position)
        }
    }

    /// Which findings a list holds.
    enum Filter: Sendable {
        case all
        /// At or above `--report-min`.
        case reported(Severity)
        /// Failing the gate (`CheckOptions.failsGate`).
        case failing(CheckOptions)

        func includes(_ finding: Finding) -> Bool {
            switch self {
            case .all: true
            case .reported(let minimum): finding.severity >= minimum
            case .failing(let options): options.failsGate(finding)
            }
        }
    }

    private let policies: [PolicyResult]
    private let filter: Filter
    public let startIndex: Index
    public let count: Int

    init(_ policies: [PolicyResult], _ filter: Filter) {
        self.policies = policies
        self.filter = filter
        var first: Index?
        var count = 0
        for policy in policies.indices {
            let findings = policies[policy].findings
            for position in findings.indices where filter.includes(findings[position]) {
                if first == nil { first = Index(policy: policy, position: position) }
                count += 1
            }
        }
        startIndex = first ?? Index(policy: policies.count, position: 0)
        self.count = count
    }

    public var endIndex: Index { Index(policy: policies.count, position: 0) }

    public var isEmpty: Bool { count == 0 }

    public subscript(index: Index) -> Finding {
        policies[index.policy].findings[index.position]
    }

    public func index(after index: Index) -> Index {
        var policy = index.policy
        var position = index.position + 1
        while policy < policies.count {
            let findings = policies[policy].findings
            while position < findings.count {
                if filter.includes(findings[position]) { return Index(policy: policy, position: position) }
                position += 1
            }
            policy += 1
            position = 0
        }
        return endIndex
    }
}
