/// What a finding's entry in section 5 states, each fact once: the message as the headline
/// (without the factor's title, which heads the group, and with the binding as a short tag),
/// and of the exposure path only the steps the headline does not already state.
extension MarkdownReporter {
    /// The headline's text and the positions of the path steps still to state.
    struct ShownFinding: Equatable {
        var message: String
        var steps: [Int]
    }

    func shown(_ finding: Finding, _ factor: RiskFactor?) -> ShownFinding {
        shown(finding, Self.steps(finding), factor.map(FactorTexts.init))
    }

    /// `shown(_:_:)` with the finding's path steps already split and the factor's texts made
    /// once for its group (not once per finding).
    func shown(_ finding: Finding, _ pieces: [String], _ texts: FactorTexts?) -> ShownFinding {
        var message = finding.message
        // The binding is the tag after the message; the path's binding step says why.
        if let binding = finding.binding {
            let suffix = Self.bindingness(binding.status).messageSuffix(binding.entity)
            if message.hasSuffix(suffix) { message.removeLast(suffix.count) }
        }
        // The factor's title in parentheses, or opening the message, repeats the group's heading.
        if let texts {
            let title = texts.titleInParentheses
            if message.containsBytes(of: title), let range = message.firstRange(ofText: title) { message.removeSubrange(range) }
            if message.hasPrefix(texts.announced) { message = "Announced " + message.dropFirst(texts.announced.count) }
            // ", under <the title>; latest: <an event the profile lists>": the heading names the
            // factor and its profile the event ("… is in Mali" under the coup's heading).
            if message.containsBytes(of: texts.under), let range = message.firstRange(ofText: texts.under) {
                let rest = message[range.upperBound...]
                if rest.isEmpty || (rest.hasPrefix("; ") && texts.isLatestEvent(rest.dropFirst(2))) {
                    message.removeSubrange(range.lowerBound...)
                }
            }
        }
        return ShownFinding(message: message, steps: Self.unsaidSteps(finding, pieces, texts))
    }

    /// The positions of the path steps that the finding's message does not state: not the
    /// rule and severity that end it (the entry's line names both), not the factor's id (the
    /// group's heading names it), not a site's name with its coordinates (the site's scope row
    /// has them), not the factor's dates its profile states, not a step the message says word
    /// for word (after the factor id a step may start with).
    static func unsaidSteps(_ finding: Finding, _ factor: RiskFactor? = nil) -> [Int] {
        unsaidSteps(finding, steps(finding), factor.map(FactorTexts.init))
    }

    /// `unsaidSteps(_:_:)` with the path's steps split and the factor's texts made once.
    static func unsaidSteps(_ finding: Finding, _ pieces: [String], _ texts: FactorTexts?) -> [Int] {
        var end = pieces.count
        if end >= 2, pieces[end - 1] == "\(finding.severity)", pieces[end - 2] == finding.rule.rawValue { end -= 2 }
        guard end > 0 else { return [] }
        var message = LoweredText(finding.message)
        // Made once a finding, not once a step.
        let siteLabel = finding.subjectKind == .site ? finding.exposure?.location.map { finding.subjectName + " (\($0))" } : nil
        let idPrefixes = finding.factors.map { $0 + ": " }
        return (0..<end).filter { index in
            let step = pieces[index]
            if let siteLabel, step == siteLabel { return false }
            // A factor's id alone: the group's heading names the factor; its dates as the
            // factor's profile states them.
            if finding.factors.contains(step) { return false }
            if let texts, texts.profileStates(step) { return false }
            if messageSays(step, lowered: message.text) { return false }
            var probe = Substring(step)
            for (id, prefix) in zip(finding.factors, idPrefixes) where probe.hasASCIIPrefix(prefix) { probe = probe.dropFirst(id.count + 2) }
            // "in Mali" when the message says "… to Mali": the country is named.
            if probe.hasASCIIPrefix("in "), message.containsLowered(probe.dropFirst(3)) { return false }
            return !message.containsLowered(probe)
        }
    }

    /// Whether a step is what the factor's profile states: its dates ("DRF-… in force since
    /// 2020-08-18", "DRF-… announced 2020-09-08, not in force on 2020-09-30") or one of its
    /// events as the latest ("DRF-…: latest: … (2020-09-25)").
    static func profileStates(_ step: String, _ factor: RiskFactor) -> Bool {
        FactorTexts(factor).profileStates(step)
    }

    /// Whether the message says a step in other words: "no location" (it "has no
    /// coordinates"), "accepted risk X" and "expired D" ("the acceptance of X … expired on D"), "export to Mali" and "goods: cotton (not exempt)" ("Export of cotton to
    /// Mali is restricted"; "(all exempt)": it "falls under the exemptions"), "site <name> in
    /// Belarus" (it names the site and the country), "company sector telecommunications" ("as a
    /// telecommunications business").
    static func messageSays(_ step: String, _ message: String) -> Bool {
        messageSays(step, lowered: message.asciiFastLowercased())
    }

    /// `messageSays(_:_:)` with the message already in lower case (once a finding, not once a step).
    static func messageSays(_ step: String, lowered text: String) -> Bool {
        // Every step it recognises starts with one of these letters (any case): most steps are
        // ruled out before they are lowered.
        guard let first = step.utf8.first, Self.startsSaidStep(first), mayBeSaid(step) else { return false }
        let step = step.lowercasedKeepingASCII()
        // The prefixes are decided on the bytes where they can be (`hasASCIIPrefix`).
        let lowered = Substring(step)
        if step == "no location" { return text.containsBytes(of: " has no coordinates") }
        // An expired acceptance: "accepted risk X" and "expired D" are "the acceptance of X …
        // expired on D".
        if lowered.hasASCIIPrefix("accepted risk ") { return text.containsBytes(of: "acceptance of " + step.dropFirst("accepted risk ".count) + " ") }
        if lowered.hasASCIIPrefix("expired ") { return text.containsBytes(of: " expired on " + step.dropFirst("expired ".count)) }
        for direction in ["export ", "import "] where lowered.hasASCIIPrefix(direction) {
            let rest = step.dropFirst(direction.count)
            guard rest.hasASCIIPrefix("to ") || rest.hasASCIIPrefix("from ") else { return false }
            return Substring(text).hasASCIIPrefix(String(direction.dropLast()) + " of ") && text.containsBytes(of: " " + rest + " ")
        }
        if step.hasPrefix("goods: ") {
            let goods = step.dropFirst("goods: ".count)
            // `goods.hasSuffix(_:)`: the text's (a native search, not the generic one) when
            // the goods are as long as the suffix (both suffixes are 13 Characters).
            let longEnough = goods.count >= 13
            if longEnough, step.hasSuffix(" (not exempt)") {
                return text.containsBytes(of: " of " + goods.dropLast(" (not exempt)".count) + " ") && text.containsBytes(of: " is restricted")
            }
            if longEnough, step.hasSuffix(" (all exempt)") {
                return text.containsBytes(of: " of " + goods.dropLast(" (all exempt)".count) + " ") && text.containsBytes(of: " falls under the exemptions")
            }
            return false
        }
        // "site in Mali" (a site with no name before " in "): the name is empty, not a range
        // that ends before it starts.
        if step.hasPrefix("site "), let range = Self.lastIn(step), step.index(step.startIndex, offsetBy: 5) <= range.lowerBound {
            let name = step[step.index(step.startIndex, offsetBy: 5)..<range.lowerBound]
            return text.containsBytes(of: String(name)) && text.containsBytes(of: String(step[range.lowerBound...]))
        }
        if step.hasPrefix("company sector ") {
            return text.containsBytes(of: " as a " + step.dropFirst("company sector ".count) + " business")
        }
        return false
    }

    /// Whether a step starting with this byte may be one `messageSays(_:lowered:)` recognises:
    /// n, e, i, g, s, c or a, in either case.
    @inline(__always)
    static func startsSaidStep(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "n"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "g"), UInt8(ascii: "s"), UInt8(ascii: "c"), UInt8(ascii: "a"):
            return true
        default: return false
        }
    }

    /// `step.range(of: " in ", options: .backwards)`: found on the bytes when the step is made
    /// of plain scalars (`String.isPlain`: each its own Character and its own normal form, where
    /// a match of Characters is a match of bytes), by Foundation otherwise.
    static func lastIn(_ step: String) -> Range<String.Index>? {
        guard String.isPlain(step) else { return step.range(of: " in ", options: .backwards) }
        var text = step
        let found: Int? = text.withUTF8 { bytes in
            guard bytes.count >= 4 else { return nil }
            for index in stride(from: bytes.count - 4, through: 0, by: -1)
            where bytes[index] == 0x20 && bytes[index + 1] == 0x69 && bytes[index + 2] == 0x6E && bytes[index + 3] == 0x20 {
                return index
            }
            return nil
        }
        guard let found else { return nil }
        let lower = step.utf8.index(step.utf8.startIndex, offsetBy: found)
        return lower..<step.utf8.index(lower, offsetBy: 4)
    }

    /// The steps `messageSays(_:lowered:)` recognises, in lower case: each a prefix but the first,
    /// which is a whole step.
    private static let saidSteps: [StaticString] = [
        "no location", "accepted risk ", "expired ", "export ", "import ", "goods: ", "site ", "company sector ",
    ]

    /// Whether the step, lowered, may be one `messageSays(_:lowered:)` recognises: false when
    /// its first bytes are ASCII (which lowering maps byte for byte) and, lowered, start none
    /// of `saidSteps` (nor are "no location"): most steps are ruled out without being lowered
    /// into a new text. A step with other bytes there is left to the lowered comparison.
    static func mayBeSaid(_ step: String) -> Bool {
        var step = step
        return step.withUTF8 { bytes in
            let head = min(bytes.count, 15)
            for index in 0..<head where bytes[index] >= 0x80 { return true }
            for (position, said) in saidSteps.enumerated() {
                let count = said.utf8CodeUnitCount
                guard position == 0 ? bytes.count == count : bytes.count >= count else { continue }
                let prefix = UnsafeBufferPointer(start: said.utf8Start, count: count)
                if prefix.indices.allSatisfy({ String.lowerASCII(bytes[$0]) == prefix[$0] }) { return true }
            }
            return false
        }
    }

    /// Whether the text is "latest: <event> (<date>)" of one of the factor's events, which
    /// its profile lists (the rules name the latest event known on the as-of date so).
    static func isLatestEvent(_ text: Substring, of factor: RiskFactor) -> Bool {
        FactorTexts(factor).isLatestEvent(text)
    }

    /// The path's steps, one per arrow: a step of the path may hold several ("… → one level higher").
    static func steps(_ finding: Finding) -> [String] {
        var splits = ArrowSplits()
        return steps(finding, &splits)
    }

    /// `steps(_:)`, the elements with an arrow split once for all the findings that share `splits`.
    static func steps(_ finding: Finding, _ splits: inout ArrowSplits) -> [String] {
        // Most path elements hold no arrow: without its bytes no split can find one.
        var steps: [String] = []
        steps.reserveCapacity(finding.path.count + 2)
        for element in finding.path {
            if element.containsBytes(of: "→") { steps += splits.pieces(of: element) } else { steps.append(element) }
        }
        return steps
    }

    /// Path elements split at their arrows, remembered by their bytes: the findings of a group
    /// repeat elements ("financial-restriction → high"), each made as a new text, and a split
    /// is a function of the bytes (the same bytes, the same pieces).
    struct ArrowSplits {
        private var known: [(element: String, pieces: [String])] = []

        mutating func pieces(of element: String) -> [String] {
            if let hit = known.first(where: { ExactText($0.element) == ExactText(element) }) { return hit.pieces }
            let pieces = element.components(separatedByBytesOf: " → ")
            if known.count < 32 { known.append((element, pieces)) }
            return pieces
        }
    }

    /// Whether a line of evidence without a source only repeats the message or a path step:
    /// its fact, or its fact after a label ("Named likely target: …"), is said there.
    static func restates(_ evidence: Evidence, _ finding: Finding) -> Bool {
        guard evidence.reference == nil else { return false }
        var candidates = [Substring(evidence.fact)]
        if let colon = evidence.fact.range(of: ": ") { candidates.append(evidence.fact[colon.upperBound...]) }
        return candidates.contains { fact in
            let text = String(fact)
            return text.count >= 12 && (finding.message.containsBytes(of: text) || finding.path.contains { $0.containsBytes(of: text) })
        }
    }

    /// The path steps that say why a measure binds the entity (or does not) that two or more
    /// of a company's findings say, or that one says whose measure binds (what the measure
    /// then requires is said with it), with how many, the entity judged and, when not every
    /// finding with a binding says it, the operations that do: said once, in the company's
    /// summary (any other step stays in its finding's path).
    static func sharedBindingSteps(_ findings: [Finding]) -> [(step: String, count: Int, subjects: [String]?, entity: String)] {
        var shared: [(step: String, count: Int, subjects: [String], entity: String, advised: Bool)] = []
        let bound = findings.filter { $0.binding != nil }
        for finding in bound {
            guard let binding = finding.binding else { continue }
            let advised = !requirements(finding).isEmpty
            var seen: Set<String> = []
            // In the path's order, each step once per finding: the same bytes on every run.
            // Only the steps that say why a measure binds are remembered: another step is never
            // taken, whether seen before or not.
            for step in steps(finding)
            where (step.hasPrefix("binding: ") || step.hasPrefix("secondary risk: ") || step.hasPrefix("bindingness not assessed: "))
                && seen.insert(step).inserted
            {
                if let at = shared.firstIndex(where: { $0.step == step }) {
                    shared[at].count += 1
                    shared[at].advised = shared[at].advised || advised
                    if !shared[at].subjects.contains(finding.subject) { shared[at].subjects.append(finding.subject) }
                } else {
                    shared.append((step, 1, [finding.subject], binding.entity, advised))
                }
            }
        }
        return shared.filter { $0.count > 1 || $0.advised }.map { ($0.step, $0.count, $0.count == bound.count ? nil : $0.subjects, $0.entity) }
    }

    /// What a measure that binds the finding's entity requires of it: its advice "The measure
    /// binds <entity>: <what to do>", as what to do.
    static func requirements(_ finding: Finding) -> [String] {
        guard let binding = finding.binding, binding.status == .binds else { return [] }
        let prefix = "The measure binds \(binding.entity): "
        return finding.recommendations.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// "binds: ECOWAS", "secondary risk: LT, LV, EE", "binding not assessed (judged as binding)".
    static func bindingTag(_ binding: Binding) -> String {
        let by = binding.imposedBy.isEmpty ? "" : ": " + binding.imposedBy.map(Escaping.markdown).joined(separator: ", ")
        switch binding.status {
        case .binds: return "binds" + by
        case .secondary: return "secondary risk" + by
        case .notAssessed: return "binding not assessed" + by + " (judged as binding)"
        }
    }

    static func bindingness(_ status: Binding.Status) -> Bindingness {
        switch status {
        case .binds: return .binding("")
        case .secondary: return .secondary("")
        case .notAssessed: return .notAssessed("")
        }
    }
}
