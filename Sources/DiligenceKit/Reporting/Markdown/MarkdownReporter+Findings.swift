/// Section 5 of the Markdown report, one part per company (policy), written as the policy is
/// checked: the company's summary, its findings grouped by risk factor (the factor with the most
/// severe finding first), each with the fields of its sign-off, then the company's signature
/// line. Findings of a factor that say the same of several operations are one entry naming each
/// operation. What a factor says (its quotes, events and recommendations) is stated once, in its
/// country profile (section 6); a finding keeps what is its own.
extension MarkdownReporter {
    // MARK: 5. Findings

    func findings(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        out.line("## 5. Findings by company")
        out.blank()
        let order = riskOrder(result)
        // No company with a finding: each is its row of the scope, and its part here is empty.
        guard order.contains(where: { $0.counts.contains { $0 > 0 } || $0.accepted > 0 }) else {
            out.line("No company has a finding: each is its row of the scope's companies table (section 3).")
            out.blank()
            for row in order { out.streamSection(Self.findingsStream, policy: row.index) }
            return
        }
        out.line(
            "Per company with a finding, the company with the most severe open finding first (its counts are its row of the table in section 2): why measures bind it, its findings grouped by risk factor (the factor with the most severe finding first), then its sign-off, which names the countries of its operations no factor covers. Each finding has its identity, its place in the policy and the owner, decision (accept, treat or escalate) and due date to fill in (an accepted finding's reason is in the register of section 7); findings that say the same of several operations are one entry, which names each operation. What a factor says (its sources, events and recommendations) is in its country profile (section 6), linked from the factor's heading; each rule's general advice is under the rule in section 4; under a factor's findings is only the advice that is theirs alone (what to do where a measure binds the company, say)."
        )
        out.blank()
        // Each policy's part, written as it is checked, placed in order of risk.
        for row in order { out.streamSection(Self.findingsStream, policy: row.index) }
    }

    /// The findings of one factor in one company, or of one rule when no factor of the
    /// database is behind them (an expired acceptance, say).
    struct FindingGroup {
        var factor: RiskFactor?
        var rule: RuleID
        /// Positions in the policy's findings, highest severity first, then in file order.
        var members: [Int]
    }

    func findings(of entry: PolicyResult, _ context: ReportContext, _ out: inout MarkdownDocument) {
        // Positions in the policy's findings, not copies of them.
        let findings = entry.findings
        let reported = findings.indices.filter { findings[$0].severity >= context.options.reportMin }
            .sorted { (findings[$1].severity, $0) < (findings[$0].severity, $1) }
        // A company without a finding has no part: its row in the scope's companies table
        // (section 3) says so, names its operations and the countries no factor covers.
        guard !reported.isEmpty else { return }
        out.line("<a id=\"\(Self.anchor("policy", entry.policy.file))\"></a>")
        out.line("### \(Escaping.markdown(entry.policy.company)) (`\(Escaping.code(entry.policy.file))`)")
        out.blank()
        // The countries no factor covers qualify what is signed: said on the sign-off line.
        let uncovered = entry.policy.countries.filter { !context.factors.covers($0) }
        // One paragraph: why measures bind. The company's counts by severity are its row of the
        // executive summary's table, each factor's under its heading.
        // Why a measure binds the company (or does not), when several findings say it, or one
        // whose measure binds: once, with what the measure requires of the bound party.
        let jurisdiction = Self.sharedBindingSteps(reported.map { findings[$0] })
        var requires: [(party: String, text: String, subjects: [String])] = []
        for position in reported {
            let finding = findings[position]
            for text in Self.requirements(finding) {
                let party = finding.binding?.entity ?? ""
                if let at = requires.firstIndex(where: { $0.party == party && $0.text == text }) {
                    if !requires[at].subjects.contains(finding.subject) { requires[at].subjects.append(finding.subject) }
                } else {
                    requires.append((party, text, [finding.subject]))
                }
            }
        }
        let all = reported.filter { findings[$0].binding != nil }.map { findings[$0].subject }
        var attached: [[(text: String, subjects: [String])]] = Array(repeating: [], count: jurisdiction.count)
        var told: Set<String> = []
        for requirement in requires {
            // The lines of the same party that say why it binds, and their operations.
            let lines = jurisdiction.indices.filter { jurisdiction[$0].entity == requirement.party && jurisdiction[$0].step.hasPrefix("binding: ") }
            let covered = Set(lines.flatMap { jurisdiction[$0].subjects ?? all })
            guard !lines.isEmpty, Set(requirement.subjects).isSubset(of: covered) else { continue }
            for line in lines {
                let theirs = requirement.subjects.filter { (jurisdiction[line].subjects ?? all).contains($0) }
                if !theirs.isEmpty { attached[line].append((requirement.text, theirs)) }
            }
            told.insert("The measure binds \(requirement.party): \(requirement.text)")
        }
        var summary: [String] = []
        for (index, (step, count, subjects, _)) in jurisdiction.enumerated() {
            let of = subjects.map { ", of " + $0.map { "`\(Escaping.code($0))`" }.joined(separator: ", ") } ?? ""
            var line = "**Jurisdiction** (for \(count) finding\(count == 1 ? "" : "s")\(of)): " + Escaping.markdown(step) + "."
            for (text, theirs) in attached[index] {
                let mine = subjects ?? all
                line +=
                    Set(theirs) == Set(mine)
                    ? " " + Escaping.markdown(text.prefix(1).uppercased() + text.dropFirst())
                    : " For " + theirs.map { "`\(Escaping.code($0))`" }.joined(separator: ", ") + ": " + Escaping.markdown(text)
            }
            summary.append(line)
        }
        if !summary.isEmpty {
            out.line(summary.joined(separator: "\n"))
            out.blank()
        }
        let said = Set(jurisdiction.map(\.step))
        var advice: [(text: String, subjects: [String])] = []
        for group in groups(findings, reported, context) {
            render(group, findings, context, said, &advice, &out)
        }
        // What a binding measure requires is said with why it binds (above).
        companyAdvice(advice.filter { !told.contains($0.text) }, of: Set(reported.map { findings[$0].subject }), &out)
        signature(entry.policy.company, uncovered: uncovered, &out)
    }

    /// The shown findings by factor (the first of a finding's factors the database holds),
    /// groups in order of their most severe finding, then of their first finding.
    func groups(_ findings: [Finding], _ shown: [Int], _ context: ReportContext) -> [FindingGroup] {
        var groups: [FindingGroup] = []
        // A group by its factor's id, or by its rule when no factor is behind it (no key text
        // made per finding).
        var byFactor: [String: Int] = [:]
        var byRule: [RuleID: Int] = [:]
        for position in shown {
            let finding = findings[position]
            let factor = finding.factors.lazy.compactMap { context.factors.factor($0) }.first
            let known = factor.map { byFactor[$0.id] } ?? byRule[finding.rule]
            if let at = known {
                groups[at].members.append(position)
            } else {
                if let factor { byFactor[factor.id] = groups.count } else { byRule[finding.rule] = groups.count }
                groups.append(FindingGroup(factor: factor, rule: finding.rule, members: [position]))
            }
        }
        // `shown` is sorted most severe first, so the first member of a group is its most severe.
        return groups
    }

    /// A factor's (or rule's) findings in a company: its heading, its entries, its band table;
    /// the advice only these findings are given joins `advice`, said once for the company.
    func render(
        _ group: FindingGroup, _ findings: [Finding], _ context: ReportContext, _ said: Set<String>, _ advice: inout [(text: String, subjects: [String])],
        _ out: inout MarkdownDocument
    ) {
        guard let first = group.members.first.map({ findings[$0] }) else { return }
        let count = group.members.count
        let summary = "\(count) finding\(count == 1 ? "" : "s"), highest \(first.severity)"
        if let factor = group.factor {
            out.line(
                "#### [\(Escaping.markdown(factor.title))](#\(Self.anchor("factor", factor.id))) (`\(Escaping.code(factor.id))`, \(factor.country.description)): \(summary)"
            )
        } else {
            out.line("#### `\(first.rule)`: \(summary)")
        }
        out.blank()
        // What a finding alone is advised: not its factor's recommendations (in the profile) nor
        // its rule's general advice (under the rule in section 4).
        var specific: [[String]] = []
        let memberFacts = FactorFacts.of(group.members, findings, context)
        for (position, facts) in zip(group.members, memberFacts) {
            let general = RuleRegistry.advice[findings[position].rule] ?? []
            specific.append(findings[position].recommendations.filter { !facts.recommends($0) && !general.contains($0) })
        }
        for entry in entries(group, findings, context, said, facts: memberFacts) {
            render(entry, findings, context, &out)
        }
        out.blank()
        // What these findings alone are advised, for the company's block after its findings.
        for (position, items) in zip(group.members, specific) {
            let subject = findings[position].subject
            for item in items {
                if let at = advice.firstIndex(where: { $0.text == item }) {
                    if !advice[at].subjects.contains(subject) { advice[at].subjects.append(subject) }
                } else {
                    advice.append((item, [subject]))
                }
            }
        }
    }

    /// The advice only some of the company's findings are given (not a factor's
    /// recommendations, in its profile, nor a rule's general advice, in section 4), each piece
    /// once, with the operations it is for when it is not for all of the company's findings.
    func companyAdvice(_ advice: [(text: String, subjects: [String])], of subjects: Set<String>, _ out: inout MarkdownDocument) {
        guard !advice.isEmpty else { return }
        out.line("**What to do** as well as each factor's recommendations (its profile, linked from its heading) and the rules' advice (section 4):")
        // Advice for every finding first, then the rest in order of first finding.
        let ordered = advice.filter { Set($0.subjects) == subjects } + advice.filter { Set($0.subjects) != subjects }
        for (index, item) in ordered.enumerated() {
            let scope = Set(item.subjects) == subjects ? "" : "For " + item.subjects.map { "`\(Escaping.code($0))`" }.joined(separator: ", ") + ": "
            out.line("\(index + 1). " + scope + Escaping.markdown(item.text))
        }
        out.blank()
    }

    /// What the country profiles state of a finding's factors (the ones the database holds):
    /// their title, events, sources and recommendations. Read in place, never copied into sets:
    /// an imported factor may hold thousands of events.
    struct FactorFacts {
        let factors: [RiskFactor]
        /// Each factor's exempt goods line (`exemptGoodsEvidence`, made once here).
        private let exemptGoods: [Evidence?]
        /// Each factor's id and sources, read out once: `states` asks for every evidence line of
        /// every finding, and reading them through `factors` copied the whole factor each time.
        private let ids: [String]
        private let references: [[Reference]]
        /// `states` of each line of the evidence lists asked about (`states(of:)`), by the
        /// list's storage: the findings of a factor cite its one array of lines, so each of
        /// its lines is compared with the factors' sources once, not once a finding.
        private let known = KnownStates()

        init(_ finding: Finding, _ context: ReportContext) {
            factors = finding.factors.compactMap { context.factors.factor($0) }
            exemptGoods = factors.map(\.exemptGoodsEvidence)
            ids = factors.map(\.id)
            references = factors.map(\.references)
        }

        /// The facts of each member of a group, in order: members that name the same factors
        /// (most of a group) share one, instead of copying the factors out of the catalog each.
        static func of(_ members: [Int], _ findings: [Finding], _ context: ReportContext) -> [FactorFacts] {
            var all: [FactorFacts] = []
            all.reserveCapacity(members.count)
            var previous: Int?
            for position in members {
                if let previous, let last = all.last, findings[previous].factors == findings[position].factors {
                    all.append(last)
                } else {
                    all.append(FactorFacts(findings[position], context))
                }
                previous = position
            }
            return all
        }

        /// Whether a profile states the line: a factor's source, a dated line of a factor (its
        /// title line or an event) or its exempt goods. Other undated lines without a source (a
        /// named target) and lines of other records (a listed person) are the finding's own.
        func states(_ evidence: Evidence) -> Bool {
            // A source of the factor cited by another record (a list entry's announcement) with
            // nothing but its title or quote: the profile lists it.
            if let reference = evidence.reference, evidence.fact == reference.title || evidence.fact == reference.quote,
                references.contains(where: { Self.lists(reference, $0) })
            {
                return true
            }
            guard let at = ids.firstIndex(of: evidence.record) else { return false }
            if let reference = evidence.reference { return Self.lists(reference, references[at]) }
            return evidence.date != nil || evidence == exemptGoods[at]
        }

        /// `sources.contains(reference)`: a line's reference is usually a copy of its factor's,
        /// found by its texts' representations before any text is compared (`Reference.isCopy`).
        private static func lists(_ reference: Reference, _ sources: [Reference]) -> Bool {
            sources.contains { $0.isCopy(of: reference) } || sources.contains(reference)
        }

        /// `states(_:)` of each line, in order.
        func states(of lines: [Evidence]) -> [Bool] {
            let address = lines.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            if let held = known.byStorage[address], held.lines.sharesStorage(with: lines) { return held.states }
            let answers = lines.map { states($0) }
            // The entry holds its lines, so no other array is made at that address meanwhile.
            if known.byStorage.count >= 256 { known.byStorage.removeAll(keepingCapacity: true) }
            known.byStorage[address] = (lines, answers)
            return answers
        }

        /// What `states(of:)` answered, by the storage of the lines (one group's, one thread's).
        private final class KnownStates {
            var byStorage: [UInt: (lines: [Evidence], states: [Bool])] = [:]
        }

        /// Whether a profile quotes the source.
        func quotes(_ reference: Reference) -> Bool {
            references.contains { $0.contains(reference) }
        }

        func recommends(_ advice: String) -> Bool {
            factors.contains { $0.recommendations.contains(advice) }
        }

        /// How many events of the factor a profile lists.
        func eventCount(_ id: String, asOf day: Day) -> Int {
            factors.first { $0.id == id }.map { factor in factor.events.reduce(0) { $0 + ($1.date <= day ? 1 : 0) } } ?? 0
        }
    }

    /// Findings of a group that say the same of different operations (same rule, severity and
    /// marks, the same message, path and evidence once the operation's name is set aside): one
    /// entry, which names each operation with its place in the policy and its decision.
    struct FindingEntry {
        /// Positions in the policy's findings, in the group's order.
        var members: [Int]
        /// The message and the path's steps, split where the operation's name stood (one
        /// element when the name is not in them).
        var message: [String]
        var path: [[String]]
        /// The lines under the path: an acceptance, the finding's own evidence, the events relied on.
        var details: [MarkdownLine]
        /// Per member, the distances its message and path state, in order ("57 km"): members
        /// may differ in one distance each (said on each operation's line), nothing else.
        var distances: [[String]] = []

        /// The positions of the distances that differ between members.
        var differing: Set<Int> {
            guard let first = distances.first else { return [] }
            return Set(first.indices.filter { slot in distances.contains { $0[slot] != first[slot] } })
        }
    }

    /// A line of an entry, with the reference whose number ends it.
    struct MarkdownLine: Equatable {
        var text: String
        var citing: Reference?
    }

    /// `facts`: each member's `FactorFacts` (made here when not given).
    func entries(
        _ group: FindingGroup, _ findings: [Finding], _ context: ReportContext, _ said: Set<String> = [], facts: [FactorFacts]? = nil
    ) -> [FindingEntry] {
        let facts = facts ?? FactorFacts.of(group.members, findings, context)
        // The factor's texts the headline compares with, made once for the group.
        let texts = group.factor.map { context.factors.headlineTexts.texts(of: $0) }
        var entries: [FindingEntry] = []
        var index: [EntryKey: Int] = [:]
        // Room for every member: a key hashes its bytes again whenever the table grows.
        index.reserveCapacity(group.members.count)
        // Only findings that share their rule and severity with another can share an entry.
        var peers: [PeerKey: Int] = [:]
        let asOfStep = "as of \(context.asOf)"
        var splits = ArrowSplits()
        for position in group.members { peers[PeerKey(findings[position]), default: 0] += 1 }
        for (position, facts) in zip(group.members, facts) {
            let finding = findings[position]
            let name = finding.subjectName
            let alone = finding.accepted != nil || peers[PeerKey(finding), default: 0] < 2
            // Counted once a finding (its Characters), not once a text split.
            let whole = alone || name.count < 3
            func split(_ text: String) -> [String] {
                whole ? [text] : text.components(separatedByBytesOf: name)
            }
            let pieces = Self.steps(finding, &splits)
            var shown = shown(finding, pieces, texts)
            // Said once: in the company's summary, or (the report's as-of date) in its control block.
            shown.steps.removeAll { said.contains(pieces[$0]) || pieces[$0] == asOfStep }
            var entry = FindingEntry(
                members: [position], message: split(shown.message), path: shown.steps.map { split(pieces[$0]) },
                details: details(finding, facts, context))
            // An accepted finding, or one without a peer, is an entry of its own.
            guard !alone else {
                entries.append(entry)
                continue
            }
            // The key sets the distances aside: findings that differ in them alone may share.
            var key = EntryKey()
            key.append(finding.severity.name, then: 0x01)
            key.append(finding.rule.rawValue, then: 0x01)
            key.append(context.isNew(finding) == true ? "true" : "false", then: 0x01)
            var distances: [String] = []
            for (at, piece) in entry.message.enumerated() {
                if at > 0 { key.bytes.append(0x00) }
                key.appendTemplate(piece, &distances)
            }
            key.bytes.append(0x01)
            for (slot, step) in entry.path.enumerated() {
                if slot > 0 { key.bytes.append(0x02) }
                for (at, piece) in step.enumerated() {
                    if at > 0 { key.bytes.append(0x00) }
                    key.appendTemplate(piece, &distances)
                }
            }
            for line in entry.details {
                key.bytes.append(0x01)
                key.append(line.text)
                if let reference = line.citing { key.append(reference.hashValue) }
            }
            entry.distances = [distances]
            if let at = index[key], entries[at].details == entry.details, Self.differsInOneDistance(entries[at].distances + [distances]) {
                entries[at].members.append(position)
                entries[at].distances.append(distances)
            } else {
                index[key] = entries.count
                entries.append(entry)
            }
        }
        return entries
    }

    /// Findings that may share an entry: the same rule and severity.
    private struct PeerKey: Hashable {
        let rule: RuleID
        let severity: Severity

        init(_ finding: Finding) {
            rule = finding.rule
            severity = finding.severity
        }
    }

    /// What findings that share an entry have in common (the distances set aside), as bytes:
    /// hashed and compared byte for byte, not as a String (whose hashing normalises a text that
    /// is not ASCII first).
    private struct EntryKey: Hashable {
        var bytes: [UInt8] = []

        mutating func append(_ text: String, then separator: UInt8? = nil) {
            bytes.append(contentsOf: text.utf8)
            if let separator { bytes.append(separator) }
        }

        mutating func append(_ number: Int) {
            bytes.append(0x03)
            withUnsafeBytes(of: number) { bytes.append(contentsOf: $0) }
        }

        /// The piece's bytes with each distance in it ("57 km") as 0x04; the distances join `distances`.
        mutating func appendTemplate(_ piece: String, _ distances: inout [String]) {
            var piece = piece
            piece.withUTF8 { text in
                var start = 0
                MarkdownReporter.scanDistances(text) { range in
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<range.lowerBound]))
                    bytes.append(0x04)
                    distances.append(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self))
                    start = range.upperBound
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
            }
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// Whether members' distances, slot by slot, differ only where each member states one and
    /// the same distance (its distance to the area's centre, say, in the message and the path):
    /// one value per operation, said on its line.
    static func differsInOneDistance(_ distances: [[String]]) -> Bool {
        guard let first = distances.first, distances.allSatisfy({ $0.count == first.count }) else { return false }
        let differing = first.indices.filter { slot in distances.contains { $0[slot] != first[slot] } }
        return distances.allSatisfy { member in Set(differing.map { member[$0] }).count <= 1 }
    }

    /// The text split around each distance ("57 km", "0.0 km"): the texts between them (one
    /// more than the distances) and the distances, read on the UTF-8 bytes.
    static func distances(in text: String) -> (texts: [String], values: [String]) {
        var text = text
        return text.withUTF8 { bytes in
            var texts: [String] = []
            var values: [String] = []
            var start = 0
            scanDistances(bytes) { range in
                texts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<range.lowerBound]), as: UTF8.self))
                values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
                start = range.upperBound
            }
            texts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return (texts, values)
        }
    }

    /// Each distance in the UTF-8 bytes ("57 km", "0.0 km": a number not inside a word, then
    /// " km" not followed by a letter), in order, as the range of its bytes.
    static func scanDistances(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Range<Int>) -> Void) {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func isWordByte(_ byte: UInt8) -> Bool { isDigit(byte) || byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E }
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            if end + 1 < bytes.count, bytes[end] == 0x2E, isDigit(bytes[end + 1]) {
                end += 1
                while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            }
            // " km", not followed by a letter.
            if end + 3 <= bytes.count, bytes[end] == 0x20, bytes[end + 1] == 0x6B, bytes[end + 2] == 0x6D,
                end + 3 == bytes.count || !isWordByte(bytes[end + 3]) || bytes[end + 3] == 0x2E
            {
                found(index..<(end + 3))
                index = end + 3
            } else {
                index = end
            }
        }
    }

    /// The finding's lines under its path: its own evidence (the lines the profiles and the
    /// register of accepted risks do not state: a listed person, a named target), the events a
    /// place-bound finding cites and the events relied on when they are some of the factor's.
    func details(_ finding: Finding, _ facts: FactorFacts, _ context: ReportContext) -> [MarkdownLine] {
        var lines: [MarkdownLine] = []
        // Who accepted it and until when are the line's decision fields; why, in the register
        // of accepted risks (section 7), as is an expired acceptance's record (its reason,
        // approver and expiry).
        // Evidence without a source that only repeats what the message or path says (a named
        // target the path already names) is not repeated.
        let evidence = finding.evidence
        let states = facts.states(of: evidence)
        // A line the profiles state is ruled out before it is looked at (no copy of it made).
        let own = evidence.indices.filter { index in
            !states[index] && !Self.restates(evidence[index], finding)
                && !(finding.subjectKind == .acceptedRisk && evidence[index].record == finding.subject)
        }.map { evidence[$0] }
        // One line of evidence is written on the item's line, more as a list under it.
        if own.count > 1 { lines.append(MarkdownLine(text: "  - **Evidence:**")) }
        if !own.isEmpty {
            for evidence in own {
                var text = own.count > 1 ? "    - " : "  - **Evidence:** "
                if let date = evidence.date { text += Escaping.markdown(date) + ": " }
                text += Escaping.markdown(evidence.fact) + " (`" + Escaping.code(evidence.record) + "`)"
                if let reference = evidence.reference {
                    // A source a profile quotes is cited by number only; others are quoted here.
                    if let quote = reference.quote, !facts.quotes(reference) { text += ": “" + Escaping.markdown(quote) + "”" }
                    // The reference's number, in order of first citation over the whole report.
                    lines.append(MarkdownLine(text: text + " ", citing: reference))
                } else {
                    lines.append(MarkdownLine(text: text))
                }
            }
        }
        // The events a place-bound finding cites, each with its date, place and distance, and
        // the events counted in each distance band, on one line.
        if let exposure = finding.exposure, hasBands(exposure) || !eventColumns(exposure).isEmpty {
            var text =
                "  - **Events cited:** "
                + (exposure.events.isEmpty
                    ? "none"
                    : exposure.events.map { Self.eventLabel($0) + ($0.distanceKm.map { " (\(Self.km($0)))" } ?? "") }.joined(separator: "; "))
            if exposure.eventsNotCited > 0 { text += "; and \(exposure.eventsNotCited) more in the same window (counted in the path)" }
            if hasBands(exposure) { text += "; counted by distance band: " + Self.bandCounts(exposure) }
            lines.append(MarkdownLine(text: text))
        }
        // The events the rule relied on, when they are some of the factor's (a place-bound
        // finding names them in its exposure instead).
        if finding.exposure == nil {
            let relied = evidence.indices.filter { index in
                states[index] && evidence[index].reference == nil && evidence[index].date?.hasPrefix("in force since") == false
            }.map { evidence[$0] }
            // The profile's events of the factors relied on (counted only when asked).
            func total() -> Int { Set(relied.map(\.record)).reduce(0) { $0 + facts.eventCount($1, asOf: context.asOf) } }
            // Not when the message names each of them with its date ("… (August 2020 (month))").
            func named() -> Bool { relied.allSatisfy { evidence in evidence.date.map { finding.message.containsBytes(of: "(" + $0 + ")") } ?? false } }
            if !relied.isEmpty, !named(), relied.count < total() {
                lines.append(
                    MarkdownLine(
                        text: "  - **Events relied on:** " + relied.compactMap { $0.date.map(Escaping.markdown) }.joined(separator: ", ")
                            + " (of the profile's events)"))
            }
        }
        return lines
    }

    /// One entry: a finding as one item (severity, identity, place, message, its decision),
    /// or several operations' findings as one item whose text says "the site" where each
    /// names its own, then one line per operation with its identity, place and decision.
    func render(_ entry: FindingEntry, _ findings: [Finding], _ context: ReportContext, _ out: inout MarkdownDocument) {
        guard let first = entry.members.first.map({ findings[$0] }) else { return }
        // The long lines are written part by part, not built as Strings first.
        out.part("- **\(first.severity.name.uppercased())**")
        if first.accepted != nil { out.part(" (accepted)") }
        if context.isNew(first) == true { out.part(" (new)") }
        let single = entry.members.count == 1
        let differing = single ? [] : entry.differing
        var placeholder = ""
        if single {
            out.part(" `")
            out.part(Escaping.code(first.identity.description))
            out.part("` at `")
            out.part(Escaping.code(first.policy))
            out.part(":\(first.line):\(first.column)`: ")
        } else {
            let kinds = Set(entry.members.map { findings[$0].subjectKind })
            let kind = kinds.count == 1 ? first.subjectKind : nil
            placeholder = "*the " + (kind.map(singular) ?? "operation") + "*"
            out.part(" `\(first.rule)` for \(entry.members.count) \(kind.map(plural) ?? "operations") (each below")
            out.part(differing.isEmpty ? "): " : ", with its distance): ")
        }
        // An entry's text says "the site" where each finding names its own operation, and
        // "its distance" where each states its own; a finding alone keeps its name.
        if single { placeholder = Escaping.markdown(first.subjectName) }
        var slot = 0
        // Written piece by piece, not joined into a String first.
        func write(_ pieces: [String]) {
            for (at, piece) in pieces.enumerated() {
                if at > 0 { out.part(placeholder) }
                guard !differing.isEmpty else {
                    out.part(Escaping.markdown(piece))
                    continue
                }
                let split = Self.distances(in: piece)
                out.part(Escaping.markdown(split.texts[0]))
                for (value, next) in zip(split.values, split.texts.dropFirst()) {
                    out.part(differing.contains(slot) ? "*its distance*" : Escaping.markdown(value))
                    out.part(Escaping.markdown(next))
                    slot += 1
                }
            }
        }
        write(entry.message)
        if let binding = first.binding { out.part(" — " + Self.bindingTag(binding)) }
        out.part(".")
        if single { out.part(" " + decision(first)) }
        out.endLine()
        // The path's steps the line above does not state: the detail of how the severity came.
        if !entry.path.isEmpty {
            out.part("  - **Why:** ")
            for (index, step) in entry.path.enumerated() {
                if index > 0 { out.part(" → ") }
                write(step)
            }
            out.endLine()
        }
        for line in entry.details {
            if let reference = line.citing { out.line(line.text, citing: reference) } else { out.line(line.text) }
        }
        guard !single else { return }
        for (member, position) in entry.members.enumerated() {
            let finding = findings[position]
            out.part("  - `")
            out.part(Escaping.code(finding.identity.description))
            out.part("` at `")
            out.part(Escaping.code(finding.policy))
            out.part(":\(finding.line):\(finding.column)`: ")
            out.part(Escaping.markdown(finding.subjectName))
            // Its one distance that differs from the others'.
            if let slot = differing.min() { out.part(", " + Escaping.markdown(entry.distances[member][slot])) }
            out.part(". " + decision(finding))
            out.endLine()
        }
    }

    /// "sites", "trade flows", … for an entry of several operations of one kind.
    func plural(_ kind: SubjectKind) -> String {
        switch kind {
        case .policy: return "companies"
        case .site: return "sites"
        case .trade: return "trade flows"
        case .counterparty: return "counterparties"
        case .travel: return "trips"
        case .acceptedRisk: return "accepted risks"
        case .factor: return "risk factors"
        }
    }

    /// "site", "trade flow", … for the text of an entry of several operations of one kind.
    func singular(_ kind: SubjectKind) -> String {
        switch kind {
        case .policy: return "company"
        case .site: return "site"
        case .trade: return "trade flow"
        case .counterparty: return "counterparty"
        case .travel: return "trip"
        case .acceptedRisk: return "accepted risk"
        case .factor: return "risk factor"
        }
    }
}

extension Reference {
    /// Whether the two are copies of one value: each text of the same representation
    /// (`ExactText.sameRepresentation`: the same bytes) or absent in both, the same date. A copy
    /// is equal (`==`); a reference that is not a copy may still be.
    func isCopy(of other: Reference) -> Bool {
        func same(_ left: String?, _ right: String?) -> Bool {
            switch (left, right) {
            case (nil, nil): return true
            case (let left?, let right?): return ExactText.sameRepresentation(left, right)
            default: return false
            }
        }
        return ExactText.sameRepresentation(source, other.source) && same(title, other.title) && same(quote, other.quote) && same(url, other.url)
            && same(date?.text, other.date?.text) && date?.earliest == other.date?.earliest
    }
}
