import Foundation

/// Reads and validates policy files (format version 1) into `Policy` values.
public struct PolicyLoader: Sendable {
    public let countries: CountryTable
    public let vocabularies: Vocabularies
    public var limits: YAMLLimits = .policy
    /// The fast path, tried first: it builds the policy of a valid file from libyaml's events
    /// and leaves everything else to the slow path below.
    let eventLoader: PolicyEventLoader

    public init(countries: CountryTable, vocabularies: Vocabularies) {
        self.countries = countries
        self.vocabularies = vocabularies
        self.eventLoader = PolicyEventLoader(countries: countries, vocabularies: vocabularies)
    }

    /// Loads one file from disk. `displayPath` is how findings and reports name it.
    public func load(path: String, displayPath: String? = nil) throws(InputError) -> Policy {
        let shown = displayPath ?? path
        let bytes = try InputFile.read(path, display: shown, limit: limits.maxBytes)
        return try load(bytes: bytes, file: shown)
    }

    /// Parses and validates one policy document: by the fast path (`PolicyEventLoader`) when it
    /// is sure of the file, otherwise by the slow path, which decides and reports every problem.
    public func load(bytes: [UInt8], file: String) throws(InputError) -> Policy {
        if let policy = eventLoader.load(bytes: bytes, file: file, limits: limits) { return policy }
        return try loadValidating(bytes: bytes, file: file)
    }

    /// The slow path alone: the YAML tree, the schema walk collecting every problem, and `build`.
    func loadValidating(bytes: [UInt8], file: String) throws(InputError) -> Policy {
        guard let root = try YAMLReader.read(bytes, file: file, limits: limits) else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1),
                             "empty policy file; a policy needs at least `version: 1` and `company: NAME`")
        }
        var validator = SchemaValidator(file: file, countries: countries, vocabularies: vocabularies)
        let record = validator.validateRoot(root, as: PolicySchema.policy)
        var sink = validator.sink
        if let record {
            checkAcceptedRisks(record, &sink)
            checkMoneyFlows(record, &sink)
        }
        guard let record, !sink.hasErrors else { throw InputError(sink.diagnostics) }
        return build(record, file: file)
    }

    /// A payment or remittance moves no goods: goods or HS codes on one are an error.
    private func checkMoneyFlows(_ record: Record, _ sink: inout DiagnosticSink) {
        for flow in record.objects("trade") {
            guard let kind = flow.text("kind").flatMap(TradeFlow.Kind.init(rawValue:)), !kind.movesGoods else { continue }
            for key in ["goods", "hs_codes"] where !flow.list(key).isEmpty {
                guard let mark = flow.mark(key) else { continue }
                sink.error(mark, "a \(kind.rawValue) moves no goods: remove `\(key)`, or declare the flow `kind: goods`")
            }
        }
    }

    private func checkAcceptedRisks(_ record: Record, _ sink: inout DiagnosticSink) {
        for risk in record.objects("accepted_risks") {
            guard let finding = risk.text("finding"), let mark = risk.mark("finding") else { continue }
            let parts = finding.split(separator: "/", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
                sink.error(mark, "`finding` must be `rule/subject` or `rule/subject/factor`, found `\(finding)`")
                continue
            }
            let rule = String(parts[0])
            if !RuleRegistry.ids.contains(rule) {
                var message = "unknown rule `\(rule)` in `finding`"
                if let guess = Suggestion.closest(to: rule, in: RuleRegistry.ids) { message += "; did you mean `\(guess)`?" }
                sink.error(mark, message)
            }
        }
    }

    private func build(_ record: Record, file: String) -> Policy {
        let goodsVocabulary = vocabularies[.goods]
        let sites = record.objects("sites").compactMap { site -> Site? in
            guard let id = site.text("id"), let country = site.country("country") else { return nil }
            let location = site.object("location").flatMap { point -> Coordinate? in
                guard let lat = point.number("lat"), let lon = point.number("lon") else { return nil }
                return Coordinate(lat: lat, lon: lon)
            }
            return Site(id: id, name: site.text("name"), kind: site.text("kind"), country: country,
                        region: site.text("region"), city: site.text("city"), location: location,
                        staffLocal: site.object("staff")?.integer("local"),
                        staffExpatriate: site.object("staff")?.integer("expatriate"),
                        dependsOn: unique(site.texts("depends_on")), continuity: unique(site.texts("continuity")),
                        securityProvider: site.text("security_provider"),
                        securityProviderMark: site.mark("security_provider"), mark: site.mark,
                        incorporated: site.country("incorporated"))
        }
        let trade = record.objects("trade").compactMap { flow -> TradeFlow? in
            guard let id = flow.text("id"), let country = flow.country("country"),
                  let direction = flow.text("direction").flatMap(TradeFlow.Direction.init(rawValue:)) else { return nil }
            let hsCodes = flow.texts("hs_codes")
            var goods = unique(flow.texts("goods"))
            for code in hsCodes where !goods.contains(where: { goodsVocabulary.goods(forHSCode: code).contains($0) }) {
                if let category = goodsVocabulary.goods(forHSCode: code).first, !goods.contains(category) {
                    goods.append(category)
                }
            }
            return TradeFlow(id: id, name: flow.text("name"), direction: direction, country: country, goods: goods,
                             hsCodes: hsCodes, payment: unique(flow.texts("payment")), mark: flow.mark,
                             kind: flow.text("kind").flatMap(TradeFlow.Kind.init(rawValue:)) ?? .goods,
                             origin: flow.country("origin"), transit: flow.countries("transit"), destination: flow.country("destination"))
        }
        let counterparties = record.objects("counterparties").compactMap { party -> Counterparty? in
            guard let id = party.text("id"), let name = party.text("name"), let country = party.country("country") else { return nil }
            return Counterparty(id: id, name: name, country: country, role: party.text("role"),
                                aliases: party.texts("aliases"), mark: party.mark)
        }
        let travel = record.objects("travel").compactMap { trip -> Travel? in
            guard let id = trip.text("id"), let country = trip.country("country") else { return nil }
            return Travel(id: id, name: trip.text("name"), country: country, city: trip.text("city"),
                          travellers: trip.integer("travellers"), frequency: trip.text("frequency"), mark: trip.mark)
        }
        let accepted = record.objects("accepted_risks").compactMap { risk -> AcceptedRisk? in
            guard let finding = risk.text("finding"), let reason = risk.text("reason"),
                  let approver = risk.text("approved_by"), let expires = risk.date("expires") else { return nil }
            return AcceptedRisk(finding: finding, reason: reason, approvedBy: approver, expires: expires, mark: risk.mark,
                                expiresMark: risk.mark("expires") ?? risk.mark)
        }
        return Policy(file: file, company: record.text("company") ?? "", owner: record.text("owner"),
                      sector: record.text("sector"), reviewed: record.date("reviewed"),
                      companyMark: record.mark("company") ?? record.mark,
                      sites: sites, trade: trade, counterparties: counterparties, travel: travel, acceptedRisks: accepted,
                      incorporated: record.country("incorporated"), subjectTo: unique(record.texts("subject_to")),
                      reviewedMark: record.mark("reviewed"))
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
