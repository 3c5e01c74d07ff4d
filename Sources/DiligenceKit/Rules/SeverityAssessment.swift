/// How a finding's severity is reached: a starting severity, then each step that moves it (or
/// is stated without moving it), each with its reason, and at most one cap. The rule writes the
/// facts; the assessment decides the level and yields the exposure path (`path(rule:)`), so the
/// level and the text that explains it cannot disagree.
///
/// Steps apply in order, each clamped to info...critical (`Severity.shifted`); a group of steps
/// (`adjust(_:)` with several) moves the level once by their sum, as travel's adjustments do.
public struct SeverityAssessment: Sendable, Hashable {
    /// One step: how many levels it moves (0 for a stated fact) and why, as the path writes it.
    public struct Step: Sendable, Hashable {
        public var levels: Int
        public var reason: String

        public init(_ levels: Int, _ reason: String) {
            self.levels = levels
            self.reason = reason
        }
    }

    /// Where the assessment starts (a factor's severity, or a distance band's).
    public let start: Severity
    /// The path's lines before the steps: the subject and what ties it to the factor.
    public private(set) var lines: [String]
    /// Every step, in order.
    public private(set) var steps: [Step] = []
    /// The level after every step and the cap.
    public private(set) var severity: Severity

    public init(start: Severity, lines: [String] = []) {
        self.start = start
        // The lines in an array of their own with room for the steps and the verdict line, so
        // that stating and adjusting append in place and `path(_:)` hands the array on: the
        // caller's array grew at each step and was copied once more for the path.
        var own: [String] = []
        own.reserveCapacity(lines.count + 6)
        own.append(contentsOf: lines)
        self.lines = own
        self.severity = start
    }

    /// Adds a line that neither moves the level nor is a step (a fact the path states).
    public mutating func state(_ line: String) {
        lines.append(line)
    }

    /// Moves the level by `levels` (clamped) for `reason`; 0 states the reason only.
    public mutating func adjust(by levels: Int, _ reason: String) {
        steps.append(Step(levels, reason))
        lines.append(reason)
        severity = severity.shifted(by: levels)
    }

    /// Moves the level once by the sum of `group`'s levels, each reason a line of the path.
    public mutating func adjust(_ group: [Step]) {
        guard !group.isEmpty else { return }
        steps += group
        lines += group.map(\.reason)
        severity = severity.shifted(by: group.reduce(0) { $0 + $1.levels })
    }

    /// No higher than `cap`: when the level is above it, the level becomes the cap and
    /// `reason` (if any) is a line of the path.
    public mutating func cap(at cap: Severity, _ reason: @autoclosure () -> String?) {
        guard severity > cap else { return }
        if let reason = reason() {
            lines.append(reason)
            steps.append(Step(cap.rawValue - severity.rawValue, reason))
        }
        severity = cap
    }

    /// The exposure path: the lines, then "rule → severity".
    public func path(rule: RuleID) -> [String] {
        lines + ["\(rule) → \(severity)"]
    }

    /// `path(rule:)` with the rule's verdict line written once per rule (`RuleDescription.verdictLine`).
    public func path(_ description: RuleDescription) -> [String] {
        var path = lines
        path.append(description.verdictLine(severity))
        return path
    }

    /// `path(_:)`, the lines handed on rather than copied: the verdict line is appended in place
    /// and the assessment is left without lines (its level and steps stay). For a rule's last
    /// use of an assessment (the path copied every line once more).
    public mutating func takePath(_ description: RuleDescription) -> [String] {
        var path: [String] = []
        swap(&path, &lines)
        path.append(description.verdictLine(severity))
        return path
    }
}

/// Distances as every rule and report writes them: one decimal under 10 km (a site 2.4 km from
/// an event is not "2 km" away), whole kilometres from 10 km.
public enum Kilometres {
    public static func text(_ value: Double) -> String {
        // Below 9.95 one decimal; from there whole kilometres (9.96 is "10 km", not "10.0 km").
        value < 9.95 ? FixedPoint.text(value, places: 1) + " km" : "\(Int(value.rounded())) km"
    }
}
