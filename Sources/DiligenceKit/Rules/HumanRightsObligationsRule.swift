/// UN Guiding Principles duties where authorities order shutdowns or repression.
public struct HumanRightsObligationsRule: Rule {
    public init() {}

    public let phase = RulePhase.operations

    public let description = RuleDescription(
        id: .humanRightsObligations,
        name: "Human-rights obligations",
        summary:
            "Telecom and internet providers among the counterparties, or the company itself in such a role, in a country where authorities order shutdowns or repression: duties under the UN Guiding Principles on Business and Human Rights (UNGP 17–21: identify, prevent, mitigate, account). Security providers (a `security-contractor` counterparty, or a site's `security_provider`) in a country with an armed conflict: duties under the Voluntary Principles on Security and Human Rights. A counterparty that a human-rights or civil-unrest factor's own events name (a strike broken up at a state enterprise): the company is linked to the abuse through the business relationship (UNGP 13(b), 17–21).",
        facts:
            "Risk factors of kind `human-rights` in force for the country: `affects.roles` (counterparty roles concerned) and `affects.sectors` (company sectors concerned); risk factors of kind `armed-conflict` in force for the security provider's country; the events (as known on the as-of date) of `human-rights` and `civil-unrest` factors in force for a counterparty's country, searched for its name and aliases as whole words (legal forms such as OAO, GmbH or Ltd left out; at least five letters must remain).",
        severityModel: [
            "The company's own sector is one the factor names and it has a site in the country (it may receive the orders itself): the factor's severity, per site.",
            "A counterparty in a role the factor names (e.g. the company's internet provider): one level lower.",
            "Any other site in the country: low, once per policy (heightened diligence applies to every business there).",
            "A security provider where an armed conflict is in force: one level lower than the conflict (armed guards and escorts where force is used; the Voluntary Principles apply). A site's `security_provider` when the site lies in the conflict's reach (inside one of its areas, within the outermost conflict band of one of its located events, or anywhere in the country for a conflict bound to no place; a site that cannot be placed counts as in reach); a counterparty in the `security-contractor` role in the conflict's country when one of the company's sites or travel destinations there is in reach (or cannot be placed). Once per provider: the counterparty entry when both name it.",
            "A counterparty named in an event of a human-rights or civil-unrest factor in its country: one level lower than the factor (the abuse is at the counterparty itself; the company is linked to it by the relationship), once per counterparty and factor, citing the event.",
        ],
        recommendations: HumanRightsObligationsRule.shutdownAdvice + HumanRightsObligationsRule.securityAdvice
            + HumanRightsObligationsRule.relationshipAdvice
    )

    /// What to do where authorities order shutdowns or repression (UN Guiding Principles): the
    /// company's own operations in the role get all three, a provider's customer the third.
    static let shutdownAdvice = [
        "If authorities demand a shutdown, blocking or data handover that violates rights: make the opposition known to the authorities and the public, and challenge the order legally.",
        "Publish agreements with the authorities and the orders complied with (transparency report).",
        "Use your leverage with providers: ask how they handle shutdown orders and whether they publish them.",
    ]

    /// What to do about a security provider where armed conflict is in force (Voluntary
    /// Principles on Security and Human Rights).
    static let securityAdvice = [
        "Assess the security provider's human-rights record and its owners before relying on it (Voluntary Principles on Security and Human Rights): past allegations of abuse, licences, and who controls it.",
        "Write the Voluntary Principles into the contract: force only as a last resort and proportionate to the threat, vetted and trained guards, incident reporting to the company, and investigation of every allegation.",
        "Where public security forces or private military contractors protect the operation, record their role, raise human-rights concerns with them, and keep the company's own people and sites out of their operations.",
    ]

    /// A finding on a counterparty of `policy`, at its line.
    private func counterpartyFinding(
        _ party: Counterparty, in policy: Policy, _ factor: RiskFactor, _ severity: Severity, message: String, path: [String],
        evidence: [Evidence], recommendations: [String]
    ) -> Finding {
        Finding(
            rule: description.id, severity: severity, policy: policy, mark: party.mark, subject: party.id, subjectKind: .counterparty,
            subjectName: party.name, factor: factor, message: message, path: path, evidence: evidence, recommendations: recommendations)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let policy = context.policy
        let sector = policy.sector.map(TextFolding.key)
        var generalNoted: Set<String> = []
        for site in policy.sites {
            for factor in context.factors(.humanRights, in: site.country) {
                if let sector, context.parts(for: factor).sectorKeys.contains(sector) {
                    let severity = factor.severity
                    findings.append(
                        Finding(
                            rule: description.id, severity: severity, policy: policy, mark: site.mark, subject: site.id,
                            subjectKind: .site, subjectName: site.displayName, factor: factor,
                            message:
                                "\(policy.company) operates \(site.displayName) in \(site.country.name) as a \(policy.sector ?? "") business, a role the authorities' orders reach directly (\(factor.title))",
                            path: [site.displayName, "company sector \(policy.sector ?? "")", "\(factor.id)", description.verdictLine(severity)],
                            evidence: context.evidence(for: factor),
                            recommendations: context.advice(description.id, factor) { factor.recommendations + Self.shutdownAdvice }))
                } else if generalNoted.insert(factor.id).inserted {
                    findings.append(
                        Finding(
                            rule: description.id, severity: .low, policy: policy, mark: site.mark, subject: "policy",
                            subjectKind: .policy, subjectName: policy.company, factor: factor,
                            message:
                                "\(policy.company) operates in \(site.country.name) (\(site.displayName)), where heightened human-rights diligence applies (\(factor.title))",
                            path: [policy.company, "site \(site.displayName) in \(site.country.name)", "\(factor.id)", description.verdictLine(.low)],
                            evidence: context.evidence(for: factor),
                            recommendations: factor.recommendations))
                }
            }
        }
        for party in policy.counterparties {
            guard let role = party.role else { continue }
            for factor in context.factors(.humanRights, in: party.country)
            where factor.affects.roles.contains(role) {
                let severity = factor.severity.shifted(by: -1)
                findings.append(
                    counterpartyFinding(
                        party, in: policy, factor, severity,
                        message:
                            "\(party.name) is \(role.withArticle) in \(party.country.name); as its customer the company has leverage and duties (\(factor.title))",
                        path: [party.name, "\(role) in \(party.country.name)", "\(factor.id)", description.verdictLine(severity)],
                        evidence: context.evidence(for: factor),
                        recommendations: context.advice(description.id, factor, 1) { factor.recommendations + [Self.shutdownAdvice[2]] }))
            }
        }
        findings += securityProviderFindings(context)
        findings += namedCounterpartyFindings(context)
        return findings
    }

    /// Legal forms and filler words left out of a counterparty's name before it is searched
    /// for in events: "OAO Belaruskali" is named where an event says "Belaruskali".
    static let nameFiller: Set<String> = [
        "oao", "ojsc", "jsc", "pjsc", "zao", "cjsc", "ooo", "llc", "ltd", "limited", "plc", "inc", "corp", "sa", "sarl", "sas",
        "gmbh", "ag", "kg", "rue", "uab", "as", "asa", "ab", "lda", "kk", "co", "company", "group", "the", "and", "of",
    ]

    /// Whether a word is one of `nameFiller`: looked up only when it is as short as the longest
    /// of them (most words of a name are longer than seven bytes, or not filler).
    static func isFiller(_ word: String) -> Bool {
        word.utf8.count <= fillerMaxLength && nameFiller.contains(word)
    }

    /// The length in bytes of the longest filler word.
    static let fillerMaxLength = nameFiller.map(\.utf8.count).max() ?? 0

    /// The words of a text, folded (case and accents ignored), split at anything not a letter or digit.
    static func words(_ text: String) -> [String] {
        if let words = asciiWords(text) { return words }
        return wordsOfKey(TextFolding.key(quotesAsSpaces(text)))
    }

    /// The words of a folded key (`words` after the key is made).
    static func wordsOfKey(_ key: String) -> [String] {
        // An ASCII key (most names) is split on its bytes: its letters and digits are A-Z, a-z
        // and 0-9, and each byte is a Character.
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            return key.utf8.split { !ASCII.isAlphanumeric($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        return wordsOfScalars(key) ?? key.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The text with its quotation marks and dashes (« », ‘ ’ ‚ “ ” „, ‐ – —) written as spaces:
    /// the same words (none of them is a letter or a number, so each separates words either
    /// way), and a text of Latin or Cyrillic letters with them is then folded by the tables
    /// (`TextFolding.latinKey`) rather than by Foundation, ten times the cost (a Belarusian
    /// counterparty's alias is often quoted: "УП «Уралпромтелеком»").
    ///
    /// Read on the text's UTF-8 bytes: « and » are C2 AB and C2 BB, the others E2 80 and one of
    /// 90, 93, 94, 98, 99, 9A, 9C, 9D, 9E (a lead byte is never a continuation byte, so a match
    /// is that character); a text without one is returned as it is.
    static func quotesAsSpaces(_ text: String) -> String {
        var text = text
        let spaced = text.withUTF8 { bytes -> String? in
            var index = 0
            var out: [UInt8]?
            while index < bytes.count {
                let length = quoteOrDashLength(bytes, at: index)
                if length > 0 {
                    if out == nil {
                        out = Array(bytes[0..<index])
                        out?.reserveCapacity(bytes.count)
                    }
                    out?.append(0x20)
                    index += length
                } else {
                    out?.append(bytes[index])
                    index += 1
                }
            }
            return out.map { String(decoding: $0, as: UTF8.self) }
        }
        return spaced ?? text
    }

    /// The length in bytes of the quotation mark or dash (`isQuoteOrDash`) at `index`, 0 for
    /// any other character.
    private static func quoteOrDashLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0xC2:
            guard index + 1 < bytes.count else { return 0 }
            return bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            switch bytes[index + 2] {
            case 0x90, 0x93, 0x94, 0x98, 0x99, 0x9A, 0x9C, 0x9D, 0x9E: return 3
            default: return 0
            }
        default:
            return 0
        }
    }

    /// `quotesAsSpaces` as it was written before (on the text's scalars), kept for the tests.
    static func quotesAsSpacesByScalars(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isQuoteOrDash) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isQuoteOrDash(scalar) ? " " : scalar) }
        return String(scalars)
    }

    private static func isQuoteOrDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAB, 0xBB, 0x2010, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E: return true
        default: return false
        }
    }

    /// `words` of an ASCII text, from its bytes without making its key first: `TextFolding.key`
    /// lower-cases ASCII letters and only turns separators into spaces and a backtick into an
    /// apostrophe, so the key's runs of letters and digits are the text's, lower-cased. Nil for
    /// any other text.
    static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var start = -1
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if ASCII.isAlphanumeric(byte) {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    words.append(lowercasedWord(bytes[start..<index]))
                    start = -1
                }
            }
            if start >= 0 { words.append(lowercasedWord(bytes[start..<bytes.count])) }
            return words
        }
    }

    /// The ASCII bytes as a String, their letters lower-cased.
    private static func lowercasedWord(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = ASCII.lowercased(byte) }
            return bytes.count
        }
    }

    /// Whether every name is ASCII (no longer asked by the rule: every list of names is split
    /// once per run, `RuleContext.searchedNames(of:)`).
    static func allASCII(_ names: [String]) -> Bool {
        names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// `words` of a key in ASCII and Cyrillic letters (names in Russian or Belarusian), with
    /// Latin-1's and typographic punctuation (« », „ “, dashes), split on its scalars: each is a
    /// character of its own (the Cyrillic combining marks, U+0483 to U+0489, are not taken), and
    /// a character of one scalar is a letter or a number as that scalar is. Nil for any other key.
    ///
    /// Read on the key's UTF-8 bytes (each scalar such a key may hold is one to three bytes),
    /// each word made from its bytes: the same words as splitting on its scalars
    /// (`wordsOfScalarsByIndex`), without walking string indices.
    static func wordsOfScalars(_ key: String) -> [String]? {
        var key = key
        return key.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var start = -1
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let value: UInt32
                let length: Int
                if lead < 0x80 {
                    (value, length) = (UInt32(lead), 1)
                } else if lead & 0xE0 == 0xC0, index + 1 < bytes.count {
                    (value, length) = (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
                } else if lead & 0xF0 == 0xE0, index + 2 < bytes.count {
                    let middle = UInt32(bytes[index + 1] & 0x3F) << 6
                    (value, length) = (UInt32(lead & 0x0F) << 12 | middle | UInt32(bytes[index + 2] & 0x3F), 3)
                } else {
                    return nil
                }
                guard Self.standsAlone(value), let scalar = Unicode.Scalar(value) else { return nil }
                if Self.isWordScalar(scalar) {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = -1
                }
                index += length
            }
            if start >= 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self)) }
            return words
        }
    }

    /// `wordsOfScalars` as it was written before (on the key's scalars and their indices),
    /// kept for the tests.
    static func wordsOfScalarsByIndex(_ key: String) -> [String]? {
        let scalars = key.unicodeScalars
        guard scalars.allSatisfy({ Self.standsAlone($0.value) }) else { return nil }
        var words: [String] = []
        var start: String.Index?
        for index in scalars.indices {
            if Self.isWordScalar(scalars[index]) {
                if start == nil { start = index }
            } else if let from = start {
                words.append(String(key[from..<index]))
                start = nil
            }
        }
        if let from = start { words.append(String(key[from...])) }
        return words
    }

    /// A letter or a number, as its one-scalar character is: ASCII and Cyrillic letters (every
    /// letter, U+0400 to U+0481 and U+048A to U+052F) without asking Unicode's tables.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80: return ASCII.isAlphanumeric(UInt8(scalar.value))
        case 0x400...0x481, 0x48A...0x52F: return true
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// A scalar `wordsOfScalars` takes: ASCII, Latin-1 punctuation, Cyrillic letters, and the
    /// dashes and quotation marks from U+2010 to U+201F.
    static func standsAlone(_ value: UInt32) -> Bool {
        value < 0x80 || (0xA0...0xBF).contains(value) || (0x400...0x482).contains(value) || (0x48A...0x52F).contains(value)
            || (0x2010...0x201F).contains(value)
    }

    /// The words a counterparty's names (its name, then its aliases) are looked for by in
    /// events: each name's words without legal forms and filler, the names with at least five
    /// letters left (none of them empty).
    static func searchedWords(_ names: [String]) -> [[String]] {
        names.map { words($0).filter { !isFiller($0) } }.filter { letterCount($0) >= 5 }
    }

    /// `words.joined().count`: the scalars of words of ASCII and Cyrillic letters (each such
    /// scalar a character of its own: none extends another, in a word or across a join),
    /// counted without joining them; other words joined and counted by characters, as before.
    static func letterCount(_ words: [String]) -> Int {
        var count = 0
        for word in words {
            for scalar in word.unicodeScalars {
                let value = scalar.value
                guard value < 0x80 || (0x400...0x481).contains(value) || (0x48A...0x52F).contains(value) else {
                    return words.joined().count
                }
                count += 1
            }
        }
        return count
    }

    /// Whether `needle` occurs as consecutive whole words in `haystack`.
    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        // Compared in place: a counterparty's name is looked for in every event of its
        // country's factors, and a copy of each window was most of the rule's cost.
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// Counterparties that a human-rights or civil-unrest factor's own events name. A
    /// counterparty's names are split into words once per run for each list of names as written,
    /// and the events they are named in found once per run for each such list and country
    /// (`RuleContext.namedEvents(of:in:_:)`); `memos: false` works both out again for every
    /// counterparty (the general way, which the memos must answer as).
    func namedCounterpartyFindings(_ context: RuleContext, memos: Bool = true) -> [Finding] {
        let policy = context.policy
        var findings: [Finding] = []
        for party in policy.counterparties {
            let factors = context.factors(.humanRights, .civilUnrest, in: party.country)
            guard !factors.isEmpty else { continue }
            let all = [party.name] + party.aliases
            let named: [NamedEvent]
            if memos {
                let names = context.searchedNames(of: all)
                guard !names.words.isEmpty else { continue }
                named = context.namedEvents(of: names, in: party.country, factors)
            } else {
                let words = Self.searchedWords(all)
                guard !words.isEmpty else { continue }
                named = Self.namedEvents(of: words, factors, context)
            }
            for hit in named {
                let factor = factors[hit.factor]
                let parts = context.parts(for: factor)
                let event = parts.events[hit.event]
                let severity = factor.severity.shifted(by: -1)
                let role = party.role.map { " (\($0))" } ?? ""
                findings.append(
                    counterpartyFinding(
                        party, in: policy, factor, severity,
                        message:
                            "\(party.name)\(role) is named in \(parts.titleInSentence): \(event.what.lowercasedFirst) (\(event.when)); the company is linked to it through the business relationship",
                        path: [
                            party.name, "named in an event of \(factor.id): \(event.what) (\(event.when))",
                            "the abuse is at the counterparty, linked to the company by the relationship → one level lower than the factor",
                            description.verdictLine(severity),
                        ],
                        evidence: context.evidence(for: factor, events: [event]),
                        recommendations: context.advice(description.id, factor, 2) { Self.relationshipAdvice + factor.recommendations }))
            }
        }
        return findings
    }

    /// A factor whose events name a counterparty: its place in the country's factors
    /// (`RuleContext.factors(.humanRights, .civilUnrest, in:)`) and the last event naming it.
    struct NamedEvent: Sendable, Equatable {
        var factor: Int
        var event: Int
    }

    /// The factors (by their place in `factors`) whose events name one of `names` (searched
    /// words, `searchedWords`) as consecutive whole words, each with the last such event.
    static func namedEvents(of names: [[String]], _ factors: [RiskFactor], _ context: RuleContext) -> [NamedEvent] {
        var found: [NamedEvent] = []
        for (position, factor) in factors.enumerated() {
            let parts = context.parts(for: factor)
            // A name whose first word no event of the factor has is named in none of them.
            guard names.contains(where: { parts.eventWordSet.contains($0[0]) }),
                let index = parts.eventWords.lastIndex(where: { words in names.contains { Self.contains(words, $0) } })
            else { continue }
            found.append(NamedEvent(factor: position, event: index))
        }
        return found
    }

    /// What to do about a counterparty at which the database records abuse (UNGP 13(b), 19).
    static let relationshipAdvice = [
        "Use your leverage with the counterparty: raise the recorded abuse (workers detained or pressured for striking or protesting), ask what it did and will do, and record the answer (UN Guiding Principles 13(b) and 19).",
        "If the relationship contributes to the abuse and leverage fails, weigh ending it responsibly, with the human-rights consequences of ending it (UN Guiding Principles 19, commentary).",
    ]

    /// Security providers in a country with an armed conflict in force: counterparties in the
    /// `security-contractor` role, then sites' `security_provider`s no such counterparty names.
    func securityProviderFindings(_ context: RuleContext) -> [Finding] {
        let policy = context.policy
        var findings: [Finding] = []
        var named: Set<String> = []
        func finding(
            subject: String, kind: SubjectKind, name: String, country: Country, mark: Mark, where place: String, factor: RiskFactor
        ) -> Finding {
            let severity = factor.severity.shifted(by: -1)
            // The factor's title in a sentence and its advice are its parts', made once per run.
            let parts = context.parts(for: factor)
            return Finding(
                rule: description.id, severity: severity, policy: policy, mark: mark, subject: subject, subjectKind: kind,
                subjectName: name, factorIDs: parts.ids,
                message: JoinedText.of(
                    name, " provides security ", place, " in ", country.name, ", where ", parts.titleInSentence,
                    " is in force: the Voluntary Principles on Security and Human Rights apply to how it guards and uses force"),
                path: [
                    name, JoinedText.of("security provider ", place, " in ", country.name),
                    JoinedText.of(factor.id, ": armed conflict (", "\(factor.severity)", ")"),
                    "a security provider where force is used → one level lower than the conflict", description.verdictLine(severity),
                ],
                evidence: parts.evidenceAround,
                recommendations: parts.securityRecommendations)
        }
        // The company's places in a country, placed once per policy, and whether they reach a
        // conflict, judged once per country and factor (not again for every contractor).
        var reach = OperationsReach()
        for party in policy.counterparties where party.role == "security-contractor" {
            for factor in context.factors(.armedConflict, in: party.country)
            where reach.inReach(of: factor, in: party.country, self, context) {
                named.insert(context.foldedName(party.name))
                findings.append(
                    finding(
                        subject: party.id, kind: .counterparty, name: party.name, country: party.country, mark: party.mark,
                        where: "for the company", factor: factor))
            }
        }
        for site in policy.sites {
            guard let provider = site.securityProvider, !named.contains(context.foldedName(provider)) else { continue }
            let conflicts = context.factors(.armedConflict, in: site.country)
            guard !conflicts.isEmpty else { continue }
            let location = ConflictProximityRule.location(of: site, context.destinations)
            for factor in conflicts where location.map({ inReach($0, factor, context) }) ?? true {
                findings.append(
                    finding(
                        subject: site.id, kind: .site, name: provider, country: site.country,
                        mark: site.securityProviderMark ?? site.mark, where: JoinedText.of("at ", site.displayName), factor: factor))
            }
        }
        return findings
    }

    /// Whether a place lies where the conflict is: inside one of its areas, or within the
    /// outermost conflict band of one of its located events known on the as-of date; anywhere
    /// in the country when the conflict is bound to no place.
    func inReach(_ location: Coordinate, _ factor: RiskFactor, _ context: RuleContext) -> Bool {
        guard factor.isPlaceBound else { return true }
        if factor.areas.contains(where: { ConflictProximityRule.covers($0, location) }) { return true }
        let reach = context.settings.conflictBandsKm.max() ?? 0
        // Known on the as-of date (`asKnown(on:)` is nil exactly when the event starts later),
        // read in place rather than copied; an event farther in latitude alone than the reach
        // (a millimetre of slack for rounding) is out of it without trigonometry.
        let asOf = context.asOf
        let latitudeReach = reach + 1e-6
        return factor.events.contains { event in
            guard event.date <= asOf, let place = event.location else { return false }
            if abs(place.lat - location.lat) * .pi / 180 * Coordinate.earthRadiusKm > latitudeReach { return false }
            return place.distanceKm(to: location) <= reach
        }
    }

    /// Where the company's sites and travel destinations in the country are judged (nil: one
    /// that cannot be placed), sites first, in the policy's order.
    func operationLocations(in country: Country, _ context: RuleContext) -> [Coordinate?] {
        let policy = context.policy
        var locations: [Coordinate?] = []
        for site in policy.sites where site.country == country {
            locations.append(ConflictProximityRule.location(of: site, context.destinations))
        }
        for trip in policy.travel where trip.country == country {
            locations.append(ConflictProximityRule.location(of: trip, context.destinations))
        }
        return locations
    }

    /// Whether the company's operations in a country (sites, travel destinations) reach a
    /// conflict: one of them in reach, or one that cannot be placed (then it may be). For one
    /// policy, remembered: a country's places are found once, each country and factor judged once.
    struct OperationsReach {
        private struct Key: Hashable {
            var country: Country
            var factor: String
        }

        private var locations: [Country: [Coordinate?]] = [:]
        private var answers: [Key: Bool] = [:]

        mutating func inReach(of factor: RiskFactor, in country: Country, _ rule: HumanRightsObligationsRule, _ context: RuleContext) -> Bool {
            let key = Key(country: country, factor: factor.id)
            if let known = answers[key] { return known }
            let places: [Coordinate?]
            if let known = locations[country] {
                places = known
            } else {
                places = rule.operationLocations(in: country, context)
                locations[country] = places
            }
            let answer = places.contains { $0.map { rule.inReach($0, factor, context) } ?? true }
            answers[key] = answer
            return answer
        }
    }
}

extension RuleContext {
    /// `TextFolding.key` of a security provider's or contractor's name, folded once per run (a
    /// portfolio names the same few providers in many policies, most with accents).
    func foldedName(_ name: String) -> String {
        runMemo.foldedNames.value(for: ExactText(name)) { TextFolding.key(name) }
    }
}
