/// The countries a trade flow touches, each with its part in the flow: the partner `country`,
/// the origin, each transit country and the destination. An end the flow does not name is the
/// partner's side or, on the company's side, its own end (`OwnEnd`): the site the flow names,
/// else the one country the company has sites in, else (no sites) where it is incorporated;
/// with sites in several countries each stands as a possible end, and with neither sites nor
/// `incorporated` the end is unknown. `not-assessed` reports the last two.
public struct FlowRoute: Sendable {
    /// A country's part in a flow.
    public enum Part: String, Sendable, Comparable {
        case partner, origin, transit, destination

        private var order: Int {
            switch self {
            case .partner: return 0
            case .origin: return 1
            case .transit: return 2
            case .destination: return 3
            }
        }

        public static func < (lhs: Part, rhs: Part) -> Bool { lhs.order < rhs.order }
    }

    /// How the company's own end of the flow (the origin of an export, the destination of an
    /// import) is known.
    public enum OwnEnd: Sendable, Hashable {
        /// The flow declares it (`origin` of an export, `destination` of an import).
        case declared
        /// The flow names the site that trades it (`site`).
        case site(Site)
        /// Every site of the company is in this one country.
        case onlySiteCountry
        /// The company has no site; it is where the company is incorporated.
        case incorporation
        /// The company has sites in several countries and the flow does not say which trades it:
        /// each of them is judged as a possible end (the gate fails closed).
        case possible([Country])
        /// No site and no `incorporated`: the end is not known and not judged.
        case unknown

        /// How a leg at this end is described after its part ("destination, where site X is").
        var basis: String {
            switch self {
            case .declared: return ""
            case .site(let site): return "where site \(site.displayName) is"
            case .onlySiteCountry: return "the country of the company's sites"
            case .incorporation: return "where the company is incorporated"
            case .possible: return "possibly: one of the countries the company has sites in, as the flow names no site"
            case .unknown: return ""
            }
        }

        /// Whether the end is a guess among several countries or not known at all.
        public var isUnresolved: Bool {
            switch self {
            case .possible, .unknown: return true
            default: return false
            }
        }
    }

    /// One country of the route and every part it plays.
    public struct Leg: Sendable {
        public var country: Country
        public var parts: [Part]
        /// The country is an end only because the company's own end is there (its site, its
        /// site country, its incorporation), not because the flow declares it.
        public var fromSites: Bool
        /// How that own end is known (when `fromSites`).
        var basis: String = ""

        /// Whether `directions(flow)` has `direction`, without making the set (trade restriction
        /// asks it for every direction a factor names, for every leg and factor).
        func crosses(_ direction: String, _ flow: TradeFlow) -> Bool {
            for part in parts {
                switch part {
                case .partner: if direction == flow.direction.rawValue { return true }
                case .origin: if direction == TradeFlow.Direction.import.rawValue { return true }
                case .destination: if direction == TradeFlow.Direction.export.rawValue { return true }
                case .transit:
                    if direction == TradeFlow.Direction.export.rawValue || direction == TradeFlow.Direction.import.rawValue { return true }
                }
            }
            return false
        }

        /// The directions, as restriction factors write them, in which the flow's goods or money
        /// cross this country's border: into it (`export` to it), out of it (`import` from it).
        func directions(_ flow: TradeFlow) -> Set<String> {
            var directions: Set<String> = []
            for part in parts {
                switch part {
                case .partner: directions.insert(flow.direction.rawValue)
                case .origin: directions.insert(TradeFlow.Direction.import.rawValue)
                case .destination: directions.insert(TradeFlow.Direction.export.rawValue)
                case .transit: directions.formUnion([TradeFlow.Direction.export.rawValue, TradeFlow.Direction.import.rawValue])
                }
            }
            return directions
        }

        /// "destination, where site Kayes mine is"; "transit". A leg of one part without a
        /// basis (most) is its part's raw value itself, no text written; the others are written
        /// in one piece (`JoinedText`): the five rules that judge flows ask it at every finding.
        var partsText: String {
            let withBasis = fromSites && !basis.isEmpty
            if parts.count == 1, !withBasis { return parts[0].rawValue }
            var pieces: [String] = []
            pieces.reserveCapacity(parts.count * 2 + 1)
            for (index, part) in parts.enumerated() {
                if index > 0 { pieces.append(" and ") }
                pieces.append(part.rawValue)
            }
            if withBasis { pieces += [", ", basis] }
            return JoinedText.of(pieces)
        }

        /// `partsText` as it was written before (the parts joined, then an interpolation), kept
        /// for the tests.
        var partsTextJoined: String {
            let text = parts.map(\.rawValue).joined(separator: " and ")
            return fromSites && !basis.isEmpty ? "\(text), \(basis)" : text
        }
    }

    /// The partner first, then the others in route order, one leg per country.
    public let legs: [Leg]
    /// How the company's own end is known.
    public let ownEnd: OwnEnd

    public init(_ flow: borrowing TradeFlow, policy: borrowing Policy) {
        let exporting = flow.direction == .export
        let ownEnd = Self.ownEnd(flow, policy: policy)
        self.ownEnd = ownEnd
        var own: [Country]
        switch ownEnd {
        case .declared: own = []
        case .site(let site): own = [site.country]
        case .onlySiteCountry: own = policy.sites.first.map { [$0.country] } ?? []
        case .incorporation: own = policy.incorporated.map { [$0] } ?? []
        case .possible(let countries): own = countries
        case .unknown: own = []
        }
        let origins = flow.origin.map { [$0] } ?? (exporting ? own : [flow.country])
        let destinations = flow.destination.map { [$0] } ?? (exporting ? [flow.country] : own)
        var legs: [Leg] = []
        func add(_ country: Country, _ part: Part, fromSites: Bool) {
            if let index = legs.firstIndex(where: { $0.country == country }) {
                if !legs[index].parts.contains(part) { legs[index].parts.append(part) }
                legs[index].fromSites = legs[index].fromSites && fromSites
            } else {
                legs.append(Leg(country: country, parts: [part], fromSites: fromSites, basis: fromSites ? ownEnd.basis : ""))
            }
        }
        add(flow.country, .partner, fromSites: false)
        for country in origins { add(country, .origin, fromSites: flow.origin == nil && exporting) }
        for country in flow.transit { add(country, .transit, fromSites: false) }
        for country in destinations { add(country, .destination, fromSites: flow.destination == nil && !exporting) }
        self.legs = legs
    }

    /// How the company's end of `flow` is known (see `OwnEnd`).
    public static func ownEnd(_ flow: TradeFlow, policy: Policy) -> OwnEnd {
        let declared = flow.direction == .export ? flow.origin != nil : flow.destination != nil
        if declared { return .declared }
        if let id = flow.site, let site = policy.sites.first(where: { $0.id == id }) { return .site(site) }
        var countries: [Country] = []
        for site in policy.sites where !countries.contains(site.country) { countries.append(site.country) }
        if countries.count == 1 { return .onlySiteCountry }
        if countries.isEmpty { return policy.incorporated == nil ? .unknown : .incorporation }
        return .possible(countries.sorted())
    }

    /// The leg of each factor (of the kinds `factors` finds) in force in a country of the route:
    /// each factor once, with the first leg whose country it covers.
    func factors(_ find: (Country) -> [RiskFactor]) -> [(leg: Leg, factor: RiskFactor)] {
        var seen: Set<String> = []
        var found: [(leg: Leg, factor: RiskFactor)] = []
        for leg in legs {
            for factor in find(leg.country) where seen.insert(factor.id).inserted {
                found.append((leg, factor))
            }
        }
        return found
    }
}

extension TradeFlow {
    /// "Export to Mali", "Remittance from Mali".
    var defaultName: String {
        let preposition = direction == .export ? "to" : "from"
        switch kind {
        case .goods: return "\(directionTitle) \(preposition) \(country.name)"
        case .payment: return "Payment \(preposition) \(country.name)"
        case .remittance: return "Remittance \(preposition) \(country.name)"
        }
    }

    /// The flow's HS codes that no goods category covers, each as "HS 0603 (no goods
    /// category)": what they are is unknown, so no exemption can cover them (a flow declared as
    /// `rice` with the code of cut flowers is not exempt as basic necessities).
    func unclassifiedGoods(_ vocabularies: Vocabularies) -> [String] {
        guard !hsCodes.isEmpty else { return [] }
        let goods = vocabularies[.goods]
        return hsCodes.filter { !goods.classifies(hsCode: $0) }.map { "HS \($0) (no goods category)" }
    }

    /// "Export", "Import": the direction's raw value capitalised, without Foundation's
    /// word-by-word `capitalized` for each finding.
    var directionTitle: String {
        switch direction {
        case .export: return "Export"
        case .import: return "Import"
        }
    }

    /// "export to Mali", "payment sent to Mali", "remittance received from Mali": written in
    /// one piece (`JoinedText`; an interpolation grew its text at each part).
    var routeText: String {
        let exporting = direction == .export
        switch kind {
        case .goods: return JoinedText.of(exporting ? "export to " : "import from ", country.name)
        case .payment: return JoinedText.of(exporting ? "payment sent to " : "payment received from ", country.name)
        case .remittance: return JoinedText.of(exporting ? "remittance sent to " : "remittance received from ", country.name)
        }
    }

    /// `routeText` as it was written before (an interpolation), kept for the tests.
    var routeTextInterpolated: String {
        let preposition = direction == .export ? "to" : "from"
        switch kind {
        case .goods: return "\(direction.rawValue) \(preposition) \(country.name)"
        case .payment, .remittance: return "\(kind.rawValue) \(direction == .export ? "sent" : "received") \(preposition) \(country.name)"
        }
    }
}

extension Vocabulary {
    /// Whether a goods category covers the HS code (`goods(forHSCode:)` is not empty), without
    /// sorting the categories that do.
    func classifies(hsCode code: String) -> Bool {
        terms.values.contains { term in term.hsPrefixes.contains { code.hasPrefix($0) } }
    }
}
