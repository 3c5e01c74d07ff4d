/// Goods (or money alone) moving to or from a country.
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

    public var id: String
    public var name: String?
    public var direction: Direction
    public var country: Country
    /// Declared goods categories plus those derived from HS codes.
    public var goods: [String]
    public var hsCodes: [String]
    public var payment: [String]
    public var mark: Mark
    public var kind: Kind = .goods
    /// Where the goods come from, go through and go to, when the flow says so; the partner
    /// `country` and the company's own site countries fill in the ends it does not name.
    public var origin: Country? = nil
    public var transit: [Country] = []
    public var destination: Country? = nil
    /// The id of the site that trades the flow (`site`): its country is the company's end of
    /// the flow unless `origin`/`destination` says otherwise, and its subsidiary is the entity.
    public var site: String? = nil
    /// Where `site` is written, for an unknown id.
    public var siteMark: Mark? = nil
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
            draft.flow = TradeFlow(mark: mark)
            draft.goodsMark = nil
            draft.hsCodesMark = nil
        },
        close: { draft, context in
            let flow = draft.flow
            // A payment or remittance moves no goods: goods or HS codes on one are an error.
            if !flow.kind.movesGoods {
                for (key, count, mark) in [("goods", flow.goods.count, draft.goodsMark), ("hs_codes", flow.hsCodes.count, draft.hsCodesMark)] {
                    guard count > 0, let mark else { continue }
                    draft.moneyFlowProblems.append((mark, "a \(flow.kind.rawValue) moves no goods: remove `\(key)`, or declare the flow `kind: goods`"))
                }
            }
            // The declared goods, then a category for each HS code none of them covers.
            var goods = PolicyContext.unique(flow.goods)
            for code in flow.hsCodes {
                let categories = context.tables.goods(forHSCode: code, vocabularies: context.vocabularies)
                if !goods.contains(where: { categories.contains($0) }), let category = categories.first, !goods.contains(category) {
                    goods.append(category)
                }
            }
            draft.flow.goods = goods
            draft.flow.payment = PolicyContext.unique(flow.payment)
            draft.policy.trade.append(draft.flow)
        })

    /// A flow not read yet, starting at `mark`.
    init(mark: Mark) {
        self.init(id: "", direction: .export, country: .unset, goods: [], hsCodes: [], payment: [], mark: mark)
    }
}

extension TradeFlow.Direction: ValueConvertible {}
extension TradeFlow.Kind: ValueConvertible {}
