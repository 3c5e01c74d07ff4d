extension FindingSummary {
    /// What one policy's findings add to a run's summary, worked out on the core that checked
    /// the policy: counts, the briefs the summary lists, the risks with the operations they
    /// reach in this policy, the digest's text. The ordered thread then only merges the parts
    /// in file order (`FindingSummary.add(_:)`), with no finding looked at again.
    public struct Part: Sendable {
        var policy: PolicySummary
        /// The policy's file and, per finding, `identity|severity|accepted`, as UTF-8 (the run's
        /// digest hashes the parts' bytes in file order).
        var digestBytes: [UInt8] = []
        var total = 0
        var reported = 0
        var failing = 0
        var failingOtherThanExpired = 0
        var expiredAcceptances = 0
        var newSinceBaseline = 0
        var unchangedSinceBaseline = 0
        var open: [Severity: Int] = [:]
        var accepted: [Severity: Int] = [:]
        var failingIdentities: [String] = []
        var failingUnreported: [Brief] = []
        var newFindings: [Brief] = []
        var notAssessed: [Unassessed] = []
        /// The rules of the reported findings, each once, in order.
        var rules: [RuleID] = []
        var ruleAdvice: [RuleID: UInt64] = [:]
        /// The open reported findings at high or critical that may be among the run's most
        /// severe: at most `topLimit` (the policy's most severe; any other has `topLimit` of its
        /// own policy before it), in the order of the findings, each with its place among
        /// all such findings of the policy (from 1); `topCount` counts them all.
        var top: [(brief: Brief, sequence: Int)] = []
        var topCount = 0
        /// The first `stale-intelligence` finding of each subject, in order.
        var stale: [Brief] = []
        /// The factors cited, each once, in order of first citation.
        var factorIDs: [String] = []
        /// Each risk of the open reported findings in order of first finding: its most severe
        /// finding here and the operations (subjects) it reaches in this policy.
        var risks: [RiskReach] = []
        /// With a baseline: `policy#identity` of every finding.
        var baselineKeys: [String] = []

        /// The part of a policy's result, for a run with these options and factors (what
        /// `listsFailing`, `listsFindings` and `narrates` keep: see `FindingSummary`).
        public init(
            _ result: PolicyResult, options: CheckOptions, factors: FactorCatalog, listsFailing: Bool, listsFindings: Bool, narrates: Bool = true
        ) {
            policy = PolicySummary(result.policy, unusedAcceptances: result.unusedAcceptances)
            // Written where the bytes end (`ByteAppender`), each finding's text at once, and
            // handed over at the end.
            var digest = ByteAppender()
            if narrates {
                digest.reserveCapacity(result.policy.file.utf8.count + 64 * result.findings.count)
                var file = result.policy.file
                file.withUTF8 { digest.append(contentsOf: $0) }
            }
            // Per risk (in `risks`): the operations it reaches; the risks by factor and by rule.
            var reach = ReachIndex()
            var topFindings: [(finding: Int, sequence: Int)] = []
            var factorSet = SummaryTextSet()
            var lastFactor: String?
            var staleSubjects = SummaryTextSet()
            var topSequence = 0
            // Per severity (by raw value): open and accepted reported findings.
            var openCounts = [Int](repeating: 0, count: Severity.allCases.count)
            var acceptedCounts = openCounts
            // Per rule of the reported findings, in order of first finding: its general advice
            // and the bits given so far (`ruleAdvice` once every finding is seen).
            var advice: [AdviceSlot] = []
            // Each acceptance's text checked for ASCII once: `coversByBytes` then compares bytes
            // (`covers` wrote the finding's identity as two texts for every acceptance), as the
            // checker matches them.
            let acceptances = result.policy.acceptedRisks
            let asciiAcceptances = acceptances.map { $0.finding.isASCIIBytes }
            for (position, finding) in result.findings.enumerated() {
                total += 1
                if narrates { Self.appendDigest(of: finding, to: &digest) }
                if !acceptances.isEmpty {
                    let identity = finding.identity
                    for index in acceptances.indices where acceptances[index].coversByBytes(identity, findingIsASCII: asciiAcceptances[index]) {
                        policy.acceptanceMatches[index] += 1
                    }
                }
                let fails = options.failsGate(finding)
                let rule = finding.rule
                let isExpired = Self.sameRule(rule, .expiredAcceptance)
                if isExpired { expiredAcceptances += 1 }
                if fails {
                    failing += 1
                    if !isExpired { failingOtherThanExpired += 1 }
                    if listsFailing { failingIdentities.append(Self.failingIdentity(of: finding)) }
                }
                let isReported = finding.severity >= options.reportMin
                if fails, !isReported { failingUnreported.append(Brief(finding, place: result.position)) }
                if isReported || fails {
                    policy.cases += 1
                    if fails {
                        policy.failures += 1
                    } else if finding.accepted != nil {
                        policy.skipped += 1
                    }
                }
                guard isReported else { continue }
                reported += 1
                // A policy's findings come from a few rules: found in the list by their ids.
                if !rules.contains(where: { Self.sameRule($0, rule) }) { rules.append(rule) }
                if narrates { Self.noteAdvice(finding, &advice) }
                policy.reported += 1
                if finding.accepted != nil {
                    acceptedCounts[finding.severity.rawValue] += 1
                    policy.accepted += 1
                } else {
                    openCounts[finding.severity.rawValue] += 1
                    if finding.severity >= .high {
                        topCount += 1
                        topSequence += 1
                        if narrates { keepTop(position, sequence: topSequence, result.findings, &topFindings) }
                    }
                    if narrates, !Self.sameRule(rule, .staleIntelligence) { addReach(finding, factors, &reach) }
                }
                if let new = options.isNew(finding) {
                    if new {
                        newSinceBaseline += 1
                        if listsFindings { newFindings.append(Brief(finding, place: result.position)) }
                    } else {
                        unchangedSinceBaseline += 1
                    }
                }
                if listsFindings, Self.sameRule(rule, .notAssessed) { notAssessed.append(Unassessed(finding)) }
                guard narrates else { continue }
                if Self.sameRule(rule, .staleIntelligence), staleSubjects.insert(finding.subject) {
                    stale.append(Brief(finding, place: result.position))
                }
                for id in finding.factors {
                    // The factor of the finding before (a copy of one text) is in the set.
                    if let last = lastFactor, ExactText.sameRepresentation(last, id) { continue }
                    lastFactor = id
                    if factorSet.insert(id) { factorIDs.append(id) }
                }
            }
            for severity in Severity.allCases {
                if openCounts[severity.rawValue] > 0 {
                    open[severity, default: 0] += openCounts[severity.rawValue]
                    policy.open[severity, default: 0] += openCounts[severity.rawValue]
                }
                if acceptedCounts[severity.rawValue] > 0 { accepted[severity, default: 0] += acceptedCounts[severity.rawValue] }
            }
            digestBytes = digest.take()
            for (index, operations) in reach.subjects.enumerated() { risks[index].operations = operations.count }
            for slot in advice where !slot.catalogue.isEmpty { ruleAdvice[slot.rule] = slot.mask }
            top = topFindings.map { (Brief(result.findings[$0.finding], place: result.position), $0.sequence) }
            if !listsFindings { policy.dropDetails() }
            if options.baseline != nil {
                baselineKeys = result.findings.map { "\($0.policy)#\($0.identity)" }
            }
        }

        /// Whether two rule ids are the same, as `==` answers: one text (the rules' constants) is
        /// told at once, and ids of different lengths without comparing their bytes (each
        /// finding's rule was compared with a policy's few rules and four constants, most of
        /// them other rules, a call to the String comparison each). Exact for the rules' ids
        /// (`RuleID`'s constants, lower-case ASCII letters and hyphens, which no other text is
        /// canonically equivalent to); two ids of other texts that are canonically equivalent
        /// with different bytes (a decomposed accent) would count as two rules here.
        @inline(__always)
        static func sameRule(_ a: RuleID, _ b: RuleID) -> Bool {
            if ExactText.sameRepresentation(a.rawValue, b.rawValue) { return true }
            return a.rawValue.utf8.count == b.rawValue.utf8.count && a == b
        }

        /// `rule/subject[/factor]|severity|accepted` (`FindingIdentity`'s text, the severity's
        /// name, whether accepted), written as bytes: the text a digest of the findings hashes.
        static func appendDigest(of finding: Finding, to bytes: inout [UInt8]) {
            append(finding.rule.rawValue, to: &bytes)
            bytes.append(UInt8(ascii: "/"))
            append(finding.subject, to: &bytes)
            if let factor = finding.identityFactor {
                bytes.append(UInt8(ascii: "/"))
                append(factor, to: &bytes)
            }
            bytes.append(UInt8(ascii: "|"))
            append(finding.severity.name, to: &bytes)
            bytes.append(UInt8(ascii: "|"))
            append(finding.accepted != nil ? "true" : "false", to: &bytes)
        }

        /// `appendDigest(of:to:)` written where the appender's bytes end, in one piece of
        /// memory reserved for the whole text (the six texts and five bytes were appended to
        /// the array one at a time, a uniqueness and capacity check and a generic copy each).
        static func appendDigest(of finding: Finding, to bytes: inout ByteAppender) {
            var rule = finding.rule.rawValue, subject = finding.subject, severity = finding.severity.name
            var factor = finding.identityFactor ?? ""
            let hasFactor = finding.identityFactor != nil
            let accepted: StaticString = finding.accepted != nil ? "true" : "false"
            rule.withUTF8 { rule in
                subject.withUTF8 { subject in
                    factor.withUTF8 { factor in
                        severity.withUTF8 { severity in
                            let total = rule.count + subject.count + (hasFactor ? factor.count + 1 : 0) + severity.count + 3 + accepted.utf8CodeUnitCount
                            bytes.write(atMost: total) { target in
                                var length = 0
                                func put(_ text: UnsafeBufferPointer<UInt8>) {
                                    guard let base = text.baseAddress else { return }
                                    (target + length).copyMemory(from: base, byteCount: text.count)
                                    length += text.count
                                }
                                func put(_ byte: UInt8) {
                                    target.storeBytes(of: byte, toByteOffset: length, as: UInt8.self)
                                    length += 1
                                }
                                put(rule)
                                put(UInt8(ascii: "/"))
                                put(subject)
                                if hasFactor {
                                    put(UInt8(ascii: "/"))
                                    put(factor)
                                }
                                put(UInt8(ascii: "|"))
                                put(severity)
                                put(UInt8(ascii: "|"))
                                put(UnsafeBufferPointer(start: accepted.utf8Start, count: accepted.utf8CodeUnitCount))
                                return length
                            }
                        }
                    }
                }
            }
        }

        /// `policy: rule/subject[/factor]`, the text `"\(finding.policy): \(finding.identity)"`
        /// gives, written into one buffer of its size (the interpolations made the identity's
        /// text, then grew the line's a piece at a time).
        static func failingIdentity(of finding: Finding) -> String {
            let rule = finding.rule.rawValue, policy = finding.policy, subject = finding.subject, factor = finding.identityFactor
            var bytes: [UInt8] = []
            bytes.reserveCapacity(policy.utf8.count + rule.utf8.count + subject.utf8.count + (factor?.utf8.count ?? 0) + 4)
            append(policy, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(UInt8(ascii: " "))
            append(rule, to: &bytes)
            bytes.append(UInt8(ascii: "/"))
            append(subject, to: &bytes)
            if let factor {
                bytes.append(UInt8(ascii: "/"))
                append(factor, to: &bytes)
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Appends a text's UTF-8 from its contiguous storage.
        private static func append(_ text: String, to bytes: inout [UInt8]) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }

        /// A rule's general advice (`RuleRegistry.advice`, at most 64 texts) and the bits of it
        /// the policy's findings were given so far.
        private struct AdviceSlot {
            let rule: RuleID
            let catalogue: ArraySlice<String>
            let full: UInt64
            var mask: UInt64 = 0
            /// Lists whose bits are in `mask` (at most 8), compared by their texts'
            /// representations: held so that no other text is made at their address.
            var lists: [[String]] = []
        }

        /// Marks the rule's general advice the finding was given (a bit per position in
        /// `RuleRegistry.advice`, up to 64; none looked for once the policy gave every one).
        /// The rule's catalogue is looked up once a policy: its slot is found among the few
        /// rules of the policy's findings by comparing rule ids.
        private static func noteAdvice(_ finding: Finding, _ slots: inout [AdviceSlot]) {
            let at: Int
            let rule = finding.rule
            if let known = slots.firstIndex(where: { sameRule($0.rule, rule) }) {
                at = known
            } else {
                let catalogue = RuleRegistry.advice[finding.rule] ?? []
                let count = min(catalogue.count, 64)
                at = slots.count
                slots.append(AdviceSlot(rule: finding.rule, catalogue: catalogue.prefix(count), full: count == 64 ? ~0 : (1 << UInt64(count)) - 1))
            }
            guard !slots[at].catalogue.isEmpty, slots[at].mask != slots[at].full else { return }
            // A list of the texts given before (copies of the advice's texts) adds no bit.
            if slots[at].lists.contains(where: { FindingTableKeys.Maker.sameTexts($0, finding.recommendations) }) { return }
            if slots[at].lists.count < 8 { slots[at].lists.append(finding.recommendations) }
            var mask = slots[at].mask
            for advice in finding.recommendations {
                if let found = firstIndex(of: advice, in: slots[at].catalogue) { mask |= 1 << UInt64(found - slots[at].catalogue.startIndex) }
            }
            slots[at].mask = mask
        }

        /// `catalogue.firstIndex(of: text)`, a copy of the catalogue's text found by its
        /// representation before any text is compared (a rule's findings are given its
        /// advice's own texts). A rule's advice holds no text twice (`==`; tested), so the
        /// copy's place is the first equal text's.
        static func firstIndex(of text: String, in catalogue: ArraySlice<String>) -> Int? {
            for index in catalogue.indices where ExactText.sameRepresentation(catalogue[index], text) { return index }
            return catalogue.firstIndex(of: text)
        }

        /// Keeps the finding (its position in `findings`) among the policy's candidates if
        /// fewer than `topLimit` of them come before it, in the order of the findings.
        private func keepTop(_ position: Int, sequence: Int, _ findings: [Finding], _ kept: inout [(finding: Int, sequence: Int)]) {
            func key(_ candidate: (finding: Int, sequence: Int)) -> (Severity, String, Int, Int) {
                let finding = findings[candidate.finding]
                return (finding.severity, finding.policy, finding.line, candidate.sequence)
            }
            let new = key((position, sequence))
            let ahead = kept.reduce(0) { $0 + (FindingSummary.before(key($1), new) ? 1 : 0) }
            guard ahead < FindingSummary.topLimit else { return }
            kept.append((position, sequence))
            // Drop a candidate that now has `topLimit` others of the policy before it.
            if kept.count > FindingSummary.topLimit {
                var worst = 0
                for index in kept.indices.dropFirst() where FindingSummary.before(key(kept[worst]), key(kept[index])) { worst = index }
                kept.remove(at: worst)
            }
        }

        /// Counts the finding towards its risk's severity and the operations it reaches.
        private mutating func addReach(_ finding: Finding, _ catalog: FactorCatalog, _ reach: inout ReachIndex) {
            let at: Int
            if let factor = reach.firstKnown(finding.factors, catalog) {
                if let known = reach.risk(ofFactor: factor) {
                    at = known
                } else {
                    at = risks.count
                    reach.byFactor.append((factor, at))
                    risks.append(RiskReach(key: "factor:" + factor, factor: factor, rule: finding.rule, severity: finding.severity, operations: 0))
                    reach.addRisk()
                }
            } else if let known = reach.byRule.first(where: { Self.sameRule($0.rule, finding.rule) }) {
                at = known.at
            } else {
                at = risks.count
                reach.byRule.append((finding.rule, at))
                risks.append(RiskReach(key: "rule:" + finding.rule.rawValue, factor: nil, rule: finding.rule, severity: finding.severity, operations: 0))
                reach.addRisk()
            }
            risks[at].severity = max(risks[at].severity, finding.severity)
            reach.add(subject: finding.subject, to: at)
        }

        /// Where a policy's findings count towards their risks: the risks by factor and by rule
        /// (a policy's findings name a few, looked up in order: a factor's id in its findings is
        /// one text, the database's, found by its representation before its bytes), whether
        /// the catalogue knows each factor id seen, and each risk's subjects (a finding's subject
        /// is usually its risk's last one: the findings of an operation come together).
        struct ReachIndex {
            var byFactor: [(factor: String, at: Int)] = []
            var byRule: [(rule: RuleID, at: Int)] = []
            private var catalogued: [(id: String, known: Bool)] = []
            private(set) var subjects: [SummaryTextSet] = []
            private var lastSubjects: [String?] = []

            mutating func addRisk() {
                subjects.append(SummaryTextSet())
                lastSubjects.append(nil)
            }

            /// The first of `ids` the catalogue knows (`ids.first(where: catalog.knows)`).
            mutating func firstKnown(_ ids: [String], _ catalog: FactorCatalog) -> String? {
                for id in ids where isKnown(id, catalog) { return id }
                return nil
            }

            private mutating func isKnown(_ id: String, _ catalog: FactorCatalog) -> Bool {
                if let seen = catalogued.first(where: { ExactText.sameRepresentation($0.id, id) }) { return seen.known }
                let known = catalog.knows(id)
                if catalogued.count < 32 { catalogued.append((id, known)) }
                return known
            }

            func risk(ofFactor factor: String) -> Int? {
                if let slot = byFactor.first(where: { ExactText.sameRepresentation($0.factor, factor) }) { return slot.at }
                return byFactor.first { $0.factor == factor }?.at
            }

            mutating func add(subject: String, to risk: Int) {
                if let last = lastSubjects[risk], ExactText.sameRepresentation(last, subject) { return }
                lastSubjects[risk] = subject
                _ = subjects[risk].insert(subject)
            }
        }
    }
}
