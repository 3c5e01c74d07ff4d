/// The sanctions regimes an entity of a policy is subject to: those the policy states
/// (`subject_to`) and those its incorporation derives (an EU member state binds to EU measures,
/// an ECOWAS member to ECOWAS, every UN member to UN), with the country itself for national
/// measures. The company, or a site's own subsidiary (`sites[].incorporated`).
public struct Jurisdiction: Sendable {
    /// How findings name the entity: the company, or "the subsidiary running SITE".
    public var name: String
    public var incorporated: Country?
    /// Regime ids the policy states (`subject_to`, company only).
    public var stated: [String]
    var regimes: Vocabulary
    /// The day membership is judged on (states that left a regime count until they left);
    /// nil: today's members only.
    public var asOf: Day?

    /// The company of a policy.
    public init(policy: borrowing Policy, regimes: Vocabulary, asOf: Day? = nil) {
        self.init(name: policy.company, incorporated: policy.incorporated, stated: policy.subjectTo, regimes: regimes, asOf: asOf)
    }

    public init(name: String, incorporated: Country?, stated: [String], regimes: Vocabulary, asOf: Day? = nil) {
        self.name = name
        self.incorporated = incorporated
        self.stated = stated
        self.regimes = regimes
        self.asOf = asOf
    }

    /// The entity that runs a site: its own subsidiary when the site says where that is
    /// incorporated (bound by its own regimes, not the parent's `subject_to`), else the company.
    public init(site: borrowing Site, policy: borrowing Policy, regimes: Vocabulary, asOf: Day? = nil) {
        guard let local = site.incorporated else {
            self.init(policy: policy, regimes: regimes, asOf: asOf)
            return
        }
        self.init(name: "the subsidiary running \(site.displayName)", incorporated: local, stated: [], regimes: regimes, asOf: asOf)
    }

    /// A counterparty, by its own `incorporated` and `subject_to`.
    public init(counterparty: borrowing Counterparty, regimes: Vocabulary, asOf: Day? = nil) {
        self.init(name: counterparty.name, incorporated: counterparty.incorporated, stated: counterparty.subjectTo, regimes: regimes, asOf: asOf)
    }

    /// Whether the policy says anything about the entity's jurisdiction.
    public var isStated: Bool { incorporated != nil || !stated.isEmpty }

    /// Why the entity is subject to a regime ("incorporated in Lithuania, an EU member state"),
    /// or nil when it is not.
    public func subjection(to regime: String) -> String? {
        if stated.contains(regime) { return "stated in `subject_to`" }
        guard let incorporated, let term = regimes.term(regime), regimes.isMember(incorporated.code, of: regime, on: asOf) else { return nil }
        // A state that has since left: bound on this date (its leaving date is not cited, since
        // a check as of an earlier day must not know it).
        if !term.members.contains(incorporated.code) {
            return "incorporated in \(incorporated.name), bound to \(regime) measures on this date"
        }
        return term.members.count == 1
            ? "incorporated in \(incorporated.name)"
            : "incorporated in \(incorporated.name), \(regime == "EU" ? "an EU member state" : "a member of \(regime)")"
    }

    /// The regimes the entity is subject to, stated or derived, in id order.
    public var regimeIDs: [String] {
        regimes.ids.filter { subjection(to: $0) != nil }
    }

    /// "incorporated in Norway, subject to UN"; "jurisdiction not stated".
    public var summary: String {
        guard isStated else { return "jurisdiction not stated" }
        let bound = regimeIDs
        let place = incorporated.map { "incorporated in \($0.name)" }
        let subject = bound.isEmpty ? "subject to no regime of the vocabulary" : "subject to \(bound.joined(separator: ", "))"
        return [place, subject].compactMap { $0 }.joined(separator: ", ")
    }

    /// Who imposed a measure, as `imposed_by` or `listed_by` writes it.
    public struct Imposer: Sendable, Hashable {
        /// As written (`US-OFAC`, `EU`, `LT`).
        public var code: String
        /// The regime, when the code names one (US-OFAC is US).
        public var regime: String?
        /// The state, when the code is a country code (a national measure).
        public var country: Country?

        /// "US (US-OFAC)", "EU", "Lithuania".
        public var name: String {
            if let regime { return regime == code ? regime : "\(regime) (\(code))" }
            return country?.name ?? code
        }
    }

    /// The imposers of a measure.
    public func imposers(_ codes: [String]) -> [Imposer] {
        codes.map { code in
            if let regime = regimes.resolve(code) { return Imposer(code: code, regime: regime, country: nil) }
            return Imposer(code: code, regime: nil, country: CountryTable.shared?.country(code: code))
        }
    }

    /// Whether `country` is within the imposer's territory (a member state of its regime, or the
    /// imposing state itself).
    func covers(_ imposer: Imposer, _ country: Country) -> Bool {
        if let regime = imposer.regime { return regimes.isMember(country.code, of: regime, on: asOf) }
        return imposer.country == country
    }

    /// Whether a measure imposed by `codes` against `target` binds the entity. `territory`: the
    /// places the business operates or crosses, each with how ("site Bamako office",
    /// "transit"); the target country itself does not count (its own border is not the one
    /// its neighbours closed), a subsidiary incorporated there does.
    public func judge(imposedBy codes: [String], target: Country?, territory: [(country: Country, how: String)]) -> Bindingness {
        guard !codes.isEmpty else {
            return .notAssessed("the record does not say who imposed the measure (`imposed_by`/`listed_by`); judged as binding")
        }
        let imposers = imposers(codes)
        for imposer in imposers {
            if let regime = imposer.regime, let reason = subjection(to: regime) {
                return .binding("\(regime) measure binds \(name): \(reason)")
            }
            if let country = imposer.country, incorporated == country {
                return .binding("measure of \(country.name) binds \(name): incorporated there")
            }
        }
        for imposer in imposers {
            for place in territory where place.country != target && covers(imposer, place.country) {
                return .binding("\(imposer.name) measure binds \(name) in \(place.country.name) (\(place.how)), within its territory")
            }
        }
        let names = imposers.map(\.name).joined(separator: ", ")
        guard isStated else {
            return .notAssessed("imposed by \(names); jurisdiction not stated (no `incorporated` or `subject_to`), judged as binding")
        }
        // Operating in the target country is not operating where the measure is imposed.
        let placeText =
            territory.contains { place in place.country == target && imposers.contains { covers($0, place.country) } }
            ? "operates in the imposing territory only in \(target?.name ?? ""), the measure's target"
            : "does not operate in the imposing territory"
        return .secondary("imposed by \(names); \(name) is \(summary) and \(placeText): not a legal prohibition on \(name) without a nexus to \(names)")
    }

    /// The nexus text of each regime among the imposers ("USD payments ...").
    func nexus(_ codes: [String]) -> [(name: String, nexus: String)] {
        imposers(codes).map { imposer in
            if let regime = imposer.regime, let term = regimes.term(regime), !term.nexus.isEmpty { return (imposer.name, term.nexus) }
            let state = imposer.country?.name ?? imposer.code
            return (imposer.name, "a company, branch or staff in \(state), or business done there")
        }
    }

    /// The advice for a measure that binds (or may bind) the entity, added to the measure's own.
    public func bindingAdvice(_ bindingness: Bindingness) -> [String] {
        switch bindingness {
        case .binding:
            return [
                "The measure binds \(name): obtain legal review before any further dealing, and report to the competent authority what the measure requires (frozen funds, refused or attempted transactions)."
            ]
        case .notAssessed:
            return [
                "State where the company is incorporated (`incorporated`) and the regimes that bind it (`subject_to`); until then treat the measure as binding: legal review before any further dealing, and report to the competent authority what it requires."
            ]
        case .secondary:
            return []
        }
    }

    /// The advice for a measure that does not bind the entity: due diligence, the nexus that
    /// would bring the business within the measure, banks' policies; never a way round it.
    public func secondaryAdvice(imposedBy codes: [String]) -> [String] {
        let nexus = nexus(codes)
        let names = nexus.map(\.name).joined(separator: ", ")
        let checks = nexus.map { "\($0.name): \($0.nexus)" }.joined(separator: "; ")
        return [
            "The measure of \(names) is not a legal prohibition on \(name) unless the business has a nexus to it; check for one before each deal (\(checks)). Where there is one, that part of the business is bound: treat it as binding (stop, freeze, report to the authority).",
            "Apply enhanced due diligence to the counterparty and the deal, and ask your banks, insurers and carriers how they apply the measure (banks bound by it, or clearing in its currency, block or refuse such payments: correspondent-banking risk); record the answers.",
            "Weigh the secondary-sanctions and reputational risk with compliance before going ahead; never remove or disguise a nexus to \(names) (payment details, parties, goods' origin) to get a transaction through.",
        ]
    }
}

/// Whether a measure binds the entity a finding is about, and why.
public enum Bindingness: Sendable, Hashable {
    /// Its regime imposed the measure, or it operates in the imposing territory.
    case binding(String)
    /// Outside the imposer's reach: secondary-sanctions, banking and reputational risk.
    case secondary(String)
    /// The policy or the record does not say enough; judged as binding.
    case notAssessed(String)

    /// The line the finding's exposure path carries.
    public var pathLine: String {
        switch self {
        case .binding(let reason): return "binding: \(reason)"
        case .secondary(let reason): return "secondary risk: \(reason)"
        case .notAssessed(let reason): return "bindingness not assessed: \(reason)"
        }
    }

    /// What the finding's message adds.
    public func messageSuffix(_ entity: String) -> String {
        switch self {
        case .binding: return "; the measure binds \(entity)"
        case .secondary: return "; a secondary risk for \(entity), not a measure that binds it"
        case .notAssessed: return "; bindingness not assessed, judged as binding"
        }
    }

    public var isSecondary: Bool {
        if case .secondary = self { return true }
        return false
    }

    /// Severity steps: a secondary risk is one level lower than a binding measure.
    public var severityShift: Int { isSecondary ? -1 : 0 }
}

extension RuleContext {
    /// The company's jurisdiction, or that of the subsidiary running `site`.
    public func jurisdiction(site: Site? = nil) -> Jurisdiction {
        let regimes = vocabularies[.regimes]
        return site.map { Jurisdiction(site: $0, policy: policy, regimes: regimes, asOf: asOf) }
            ?? Jurisdiction(policy: policy, regimes: regimes, asOf: asOf)
    }

    /// Whether a measure binds a flow: the company's own jurisdiction and every country the
    /// route touches, then the subsidiary running the site the flow names (`site`), which trades
    /// the whole flow, or, where the company's end of the flow is its sites in a country (the
    /// flow names neither that end nor a site), the subsidiary running such a site, which trades
    /// at that end. The entity judged and the answer.
    public func bindingness(of flow: TradeFlow, route: FlowRoute, imposedBy codes: [String], target: Country?) -> (Jurisdiction, Bindingness) {
        let company = jurisdiction()
        let territory = route.legs.map { ($0.country, $0.partsText) }
        let answer = company.judge(imposedBy: codes, target: target, territory: territory)
        guard answer.isSecondary else { return (company, answer) }
        switch route.ownEnd {
        case .declared, .unknown, .incorporation:
            return (company, answer)
        case .site(let site):
            guard site.incorporated != nil else { return (company, answer) }
            let local = jurisdiction(site: site)
            let judged = local.judge(imposedBy: codes, target: target, territory: territory)
            if case .binding = judged { return (local, judged) }
            return (company, answer)
        case .onlySiteCountry, .possible:
            for leg in route.legs {
                for site in policy.sites where site.country == leg.country && site.incorporated != nil {
                    let local = jurisdiction(site: site)
                    let judged = local.judge(imposedBy: codes, target: target, territory: [(site.country, "site \(site.displayName)")])
                    if case .binding = judged { return (local, judged) }
                }
            }
            return (company, answer)
        }
    }

    /// A counterparty's own jurisdiction, when the policy states it.
    public func jurisdiction(of party: Counterparty) -> Jurisdiction? {
        let found = Jurisdiction(counterparty: party, regimes: vocabularies[.regimes], asOf: asOf)
        return found.isStated ? found : nil
    }

    /// The company's sites as territory it operates in.
    var siteTerritory: [(country: Country, how: String)] {
        policy.sites.map { ($0.country, "site \($0.displayName)") }
    }
}
