/// The countries a trade flow touches, each with its part in the flow: the partner `country`,
/// the origin, each transit country and the destination. An end the flow does not name is the
/// partner's side, or on the company's side every country the policy has a site in.
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

    /// One country of the route and every part it plays.
    public struct Leg: Sendable {
        public var country: Country
        public var parts: [Part]
        /// The country is an end only because the company has a site there.
        public var fromSites: Bool

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

        /// "destination, a country the company has sites in"; "transit".
        var partsText: String {
            let text = parts.map(\.rawValue).joined(separator: " and ")
            return fromSites ? "\(text), a country the company has sites in" : text
        }
    }

    /// The partner first, then the others in route order, one leg per country.
    public let legs: [Leg]

    public init(_ flow: TradeFlow, policy: Policy) {
        var siteCountries: [Country] = []
        for site in policy.sites where !siteCountries.contains(site.country) { siteCountries.append(site.country) }
        siteCountries.sort()
        let exporting = flow.direction == .export
        let origins = flow.origin.map { [$0] } ?? (exporting ? siteCountries : [flow.country])
        let destinations = flow.destination.map { [$0] } ?? (exporting ? [flow.country] : siteCountries)
        var legs: [Leg] = []
        func add(_ country: Country, _ part: Part, fromSites: Bool) {
            if let index = legs.firstIndex(where: { $0.country == country }) {
                if !legs[index].parts.contains(part) { legs[index].parts.append(part) }
                legs[index].fromSites = legs[index].fromSites && fromSites
            } else {
                legs.append(Leg(country: country, parts: [part], fromSites: fromSites))
            }
        }
        add(flow.country, .partner, fromSites: false)
        for country in origins { add(country, .origin, fromSites: flow.origin == nil && exporting) }
        for country in flow.transit { add(country, .transit, fromSites: false) }
        for country in destinations { add(country, .destination, fromSites: flow.destination == nil && !exporting) }
        self.legs = legs
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
        case .goods: return "\(direction.rawValue.capitalized) \(preposition) \(country.name)"
        case .payment: return "Payment \(preposition) \(country.name)"
        case .remittance: return "Remittance \(preposition) \(country.name)"
        }
    }

    /// "export to Mali", "payment sent to Mali", "remittance received from Mali".
    var routeText: String {
        let preposition = direction == .export ? "to" : "from"
        switch kind {
        case .goods: return "\(direction.rawValue) \(preposition) \(country.name)"
        case .payment, .remittance: return "\(kind.rawValue) \(direction == .export ? "sent" : "received") \(preposition) \(country.name)"
        }
    }
}
