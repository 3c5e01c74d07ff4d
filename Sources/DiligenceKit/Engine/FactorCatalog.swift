/// The risk factors a report can describe: every factor of the database by id, and which
/// countries the database covers. Reports use it to state each factor once (the Markdown
/// report's country profiles) and to say where "no finding" means "not covered".
public struct FactorCatalog: Sendable {
    private let byID: [String: RiskFactor]
    private let byCountry: [Country: [RiskFactor]]
    /// Countries with at least one factor in force on the as-of date, in name order.
    public let coveredCountries: [Country]
    /// Countries whose factors are all out of force on the as-of date, in name order.
    public let countriesWithoutFactorInForce: [Country]
    /// The Markdown headline's texts of each factor, made once a run.
    let headlineTexts = MarkdownReporter.FactorTextsMemo()

    /// An empty catalog: a result made without a database (tests, tools) describes no factor.
    public init() {
        byID = [:]
        byCountry = [:]
        coveredCountries = []
        countriesWithoutFactorInForce = []
    }

    public init(_ database: RiskDatabase, asOf: Day) {
        var byID: [String: RiskFactor] = [:]
        var byCountry: [Country: [RiskFactor]] = [:]
        var inForce: Set<Country> = []
        var all: Set<Country> = []
        // The database's factors are in id order, and so is each country's list.
        for factor in database.factors {
            byID[factor.id] = factor
            byCountry[factor.country, default: []].append(factor)
            all.insert(factor.country)
            if factor.isInForce(on: asOf) { inForce.insert(factor.country) }
        }
        self.byID = byID
        self.byCountry = byCountry
        let byName: (Country, Country) -> Bool = { ($0.name, $0.code) < ($1.name, $1.code) }
        coveredCountries = inForce.sorted(by: byName)
        countriesWithoutFactorInForce = all.subtracting(inForce).sorted(by: byName)
    }

    /// The factor with this id, if the database has one (a finding's `factors` may also name
    /// listed entities or snapshot files).
    public func factor(_ id: String) -> RiskFactor? { byID[id] }

    /// Whether the database has a factor with this id (no copy of the factor made).
    public func knows(_ id: String) -> Bool { byID.index(forKey: id) != nil }

    /// Every factor of the country, in force or not, in id order.
    public func factors(in country: Country) -> [RiskFactor] { byCountry[country] ?? [] }

    /// Whether a factor is in force in the country on the as-of date.
    public func covers(_ country: Country) -> Bool {
        coveredCountries.contains(country)
    }
}
