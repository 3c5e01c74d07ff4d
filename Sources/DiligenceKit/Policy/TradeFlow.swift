/// Goods (or money alone) moving to or from a country.
///
/// Its fields are held by reference (`Shared`), read in place and replaced whole when one is
/// set: the rules walk a policy's flows once each, and a copy was a dozen strings and arrays retained and released; now it is one. The decoder fills a `Fields` in place.
public struct TradeFlow: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Hashable, Codable {
        case export
        case `import`
    }

    /// What moves: goods (paid for), or money alone.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Goods, and their payment.
        case goods
        /// A payment with no goods: fees, dividends, loans, settlements.
        case payment
        /// Money sent to people: wages, family support.
        case remittance

        /// Whether goods move.
        public var movesGoods: Bool { self == .goods }
    }

    /// The fields, as they are encoded, compared and hashed, and as the decoder fills them.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var name: String?
        var direction: Direction
        var country: Country
        /// Declared goods categories plus those derived from HS codes.
        var goods: [String]
        var hsCodes: [String]
        var payment: [String]
        var mark: Mark
        var kind: Kind = .goods
        /// Where the goods come from, go through and go to, when the flow says so; the partner
        /// `country` and the company's own site countries fill in the ends it does not name.
        var origin: Country? = nil
        var transit: [Country] = []
        var destination: Country? = nil
        /// The id of the site that trades the flow (`site`): its country is the company's end of
        /// the flow unless `origin`/`destination` says otherwise, and its subsidiary is the entity.
        var site: String? = nil
        /// Where `site` is written, for an unknown id.
        var siteMark: Mark? = nil
    }

    /// The only stored property: equality and hashing (synthesized) are the holder's, that is the
    /// fields'.
    private var shared: Shared<Fields>

    /// The fields as one value (what is encoded, compared and hashed).
    var fields: Fields { shared.value }

    init(
        id: String, name: String? = nil, direction: Direction, country: Country, goods: [String], hsCodes: [String], payment: [String], mark: Mark,
        kind: Kind = .goods, origin: Country? = nil, transit: [Country] = [], destination: Country? = nil, site: String? = nil, siteMark: Mark? = nil
    ) {
        shared = Shared(
            Fields(
                id: id, name: name, direction: direction, country: country, goods: goods, hsCodes: hsCodes, payment: payment, mark: mark, kind: kind,
                origin: origin, transit: transit, destination: destination, site: site, siteMark: siteMark))
    }

    /// The tradeflow the decoder has filled.
    init(_ fields: Fields) {
        shared = Shared(fields)
    }

    public init(from decoder: any Decoder) throws {
        shared = try Shared(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.encode(to: encoder)
    }

    /// Sets a field: the fields are copied into a new holder (other copies keep theirs).
    private mutating func update(_ change: (inout Fields) -> Void) {
        shared = shared.updating(change)
    }

    public var id: String {
        get { shared.value.id }
        set { update { $0.id = newValue } }
    }
    public var name: String? {
        get { shared.value.name }
        set { update { $0.name = newValue } }
    }
    public var direction: Direction {
        get { shared.value.direction }
        set { update { $0.direction = newValue } }
    }
    public var country: Country {
        get { shared.value.country }
        set { update { $0.country = newValue } }
    }
    /// Declared goods categories plus those derived from HS codes.
    public var goods: [String] {
        get { shared.value.goods }
        set { update { $0.goods = newValue } }
    }
    public var hsCodes: [String] {
        get { shared.value.hsCodes }
        set { update { $0.hsCodes = newValue } }
    }
    public var payment: [String] {
        get { shared.value.payment }
        set { update { $0.payment = newValue } }
    }
    public var mark: Mark {
        get { shared.value.mark }
        set { update { $0.mark = newValue } }
    }
    public var kind: Kind {
        get { shared.value.kind }
        set { update { $0.kind = newValue } }
    }
    /// Where the goods come from, go through and go to, when the flow says so; the partner
    /// `country` and the company's own site countries fill in the ends it does not name.
    public var origin: Country? {
        get { shared.value.origin }
        set { update { $0.origin = newValue } }
    }
    public var transit: [Country] {
        get { shared.value.transit }
        set { update { $0.transit = newValue } }
    }
    public var destination: Country? {
        get { shared.value.destination }
        set { update { $0.destination = newValue } }
    }
    /// The id of the site that trades the flow (`site`): its country is the company's end of
    /// the flow unless `origin`/`destination` says otherwise, and its subsidiary is the entity.
    public var site: String? {
        get { shared.value.site }
        set { update { $0.site = newValue } }
    }
    /// Where `site` is written, for an unknown id.
    public var siteMark: Mark? {
        get { shared.value.siteMark }
        set { update { $0.siteMark = newValue } }
    }
}

extension TradeFlow {
    /// The `trade[]` mapping of the policy format: the one declaration of a flow's fields.
    static let format = PolicyObject(
        name: "a trade flow",
        summary:
            "Goods, or money alone, moving to or from a country. `country` is the partner country: an export to ML ships goods into Mali. The trade and financial rules judge every country the flow touches: the partner, `origin`, each `transit` country and `destination`; an end the flow does not name is the partner's side or, on the company's side, the company's own end: the country of the `site` it names, else the one country of the company's sites, else (no sites) its country of incorporation; with sites in several countries each is judged as a possible end and `not-assessed` asks which, and with neither sites nor `incorporated` the end is unknown (`not-assessed`).",
        uniqueKey: "id", key: "trade",
        example: """
            - id: mali-exports
              name: Spare parts to a Bamako distributor
              direction: export
              country: ML
              origin: FR
              transit: [SN]
              destination: ML
              goods: [industrial-machinery, medicines]
              hs_codes: ["8429", "3004"]
              payment: [bank-transfer]
            """,
        fields: [
            .init("id", .identifier, required: true, "Unique in the file.", example: "mali-exports", into: \.flow.id),
            .init("name", .text, "Human-readable name.", example: "Spare parts to Bamako distributor", into: \.flow.name),
            .init(
                "kind", .choice(TradeFlow.Kind.allCases.map(\.rawValue)),
                "What moves: `goods` (the default), or money alone: `payment` (fees, dividends, loans) or `remittance` (money sent to people). A payment or remittance declares no goods or HS codes; `export` sends the money to the partner country, `import` receives it.",
                example: "goods", into: \.flow.kind),
            .init(
                "direction", .choice(["export", "import"]), required: true, "export or import (for money alone: sent or received).", example: "export",
                into: \.flow.direction),
            .init("country", .country, required: true, "The partner country.", example: "ML", into: \.flow.country),
            .init(
                "origin", .country,
                "Where the goods come from, if not the exporter's country (the company's own end for an export, the partner for an import).",
                example: "FR", into: \.flow.origin),
            .init("transit", list: .country, "Countries the goods or money cross on the way, in order.", example: "[SN]", into: \.flow.transit),
            .init(
                "destination", .country,
                "Where the goods go, if not the importer's country (the partner for an export, the company's own end for an import).", example: "ML",
                into: \.flow.destination),
            .init(
                "site", .identifier,
                "The id of the site that trades the flow. Its country is the company's end of the flow (unless `origin` or `destination` names that end), and a site's `incorporated` makes its subsidiary the entity the measures are judged for. Without it, the company's end is the country of its sites when they are all in one country, else (no sites) where it is incorporated; with sites in several countries each is judged as a possible end and `not-assessed` asks which.",
                example: "bamako-office", into: \.flow.site, mark: .at(\.flow.siteMark)),
            .init("goods", list: .term(.goods), "Goods categories.", example: "[industrial-machinery, medicines]", into: \.flow.goods, mark: .at(\.goodsMark)),
            .init(
                "hs_codes", list: .digits, "Harmonized System codes, kept as strings.", example: "[\"8429\", \"3004\"]", into: \.flow.hsCodes,
                mark: .at(\.hsCodesMark)),
            .init(
                "payment", list: .term(.payments),
                "How the flow is paid: a closed vocabulary (bank transfer, letter of credit, documentary collection, open account, prepayment, card, mobile money, cheque, escrow, cash, barter, hawala, cryptocurrency and their synonyms); anything else is an error.",
                example: "[bank-transfer]", into: \.flow.payment),
        ],
        open: { draft, mark in
            draft.flow = TradeFlow.Fields(mark: mark)
            draft.goodsMark = nil
            draft.hsCodesMark = nil
        },
        close: { draft, context in
            // The flow's fields read in place (a copy of the flow was a retain and a release of each).
            let kind = draft.flow.kind
            // A payment or remittance moves no goods: goods or HS codes on one are an error.
            if !kind.movesGoods {
                for (key, count, mark) in [("goods", draft.flow.goods.count, draft.goodsMark), ("hs_codes", draft.flow.hsCodes.count, draft.hsCodesMark)] {
                    guard count > 0, let mark else { continue }
                    draft.moneyFlowProblems.append((mark, "a \(kind.rawValue) moves no goods: remove `\(key)`, or declare the flow `kind: goods`"))
                }
            }
            // The declared goods, then a category for each HS code none of them covers.
            var goods = PolicyContext.unique(draft.flow.goods)
            for code in draft.flow.hsCodes {
                let categories = context.tables.goods(forHSCode: code, vocabularies: context.vocabularies)
                if !goods.contains(where: { categories.contains($0) }), let category = categories.first, !goods.contains(category) {
                    goods.append(category)
                }
            }
            draft.flow.goods = goods
            draft.flow.payment = PolicyContext.unique(draft.flow.payment)
            draft.policy.trade.append(TradeFlow(draft.flow))
        })

}

extension TradeFlow.Fields {
    /// A flow not read yet, starting at `mark`.
    init(mark: Mark) {
        self.init(id: "", direction: .export, country: .unset, goods: [], hsCodes: [], payment: [], mark: mark)
    }
}

extension TradeFlow.Direction: ValueConvertible {}
extension TradeFlow.Kind: ValueConvertible {}
