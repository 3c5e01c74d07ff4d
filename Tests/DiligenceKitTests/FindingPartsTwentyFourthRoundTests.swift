import Foundation
import Testing

@testable import DiligenceKit

/// What the twenty-fourth round (`speed40`) changed must behave as before: `Evidence`,
/// `Exposure`, `Exposure.CitedEvent`, `Binding` and `FindingTableKeys` hold their fields in one
/// storage object copied on write (`SharedFields`); the JSON writer and the factors' country
/// slot read a text's bytes in place; the event index is a class and sorts its hits in place.
/// Checked on every finding of the shipped policies, the example and the portfolio files.
@Suite struct FindingPartsTwentyFourthRoundTests {
    /// `Evidence` as it was: a struct of stored fields with the synthesized conformances.
    struct PlainEvidence: Hashable, Codable {
        var record: String
        var fact: String
        var date: String?
        var reference: Reference?

        init(_ evidence: Evidence) {
            record = evidence.record
            fact = evidence.fact
            date = evidence.date
            reference = evidence.reference
        }
    }

    /// `Exposure.CitedEvent` as it was.
    struct PlainCitedEvent: Hashable, Codable {
        var id: String?
        var date: Day
        var datePrecision: DatePrecision
        var until: Day?
        var ongoingAt: Day?
        var what: String
        var place: String?
        var location: Coordinate?
        var distanceKm: Double?
        var fatalities: Int?
        var type: String?
        var actors: [String]
        var geoPrecision: Int?

        init(_ event: Exposure.CitedEvent) {
            id = event.id
            date = event.date
            datePrecision = event.datePrecision
            until = event.until
            ongoingAt = event.ongoingAt
            what = event.what
            place = event.place
            location = event.location
            distanceKm = event.distanceKm
            fatalities = event.fatalities
            type = event.type
            actors = event.actors
            geoPrecision = event.geoPrecision
        }
    }

    /// `Exposure` as it was (its events as they were).
    struct PlainExposure: Hashable, Codable {
        var subject: String
        var location: Coordinate?
        var distanceKm: Double?
        var to: String?
        var area: String?
        var areaEdgeKm: Double?
        var band: String?
        var window: String?
        var reference: Day?
        var bands: [Exposure.Band]
        var events: [PlainCitedEvent]
        var eventsNotCited: Int
        var target: String?
        var rule: RuleID
        var severity: Severity
        var steps: [Exposure.Step] = []
        var destination: Exposure.Destination? = nil

        init(_ exposure: Exposure) {
            subject = exposure.subject
            location = exposure.location
            distanceKm = exposure.distanceKm
            to = exposure.to
            area = exposure.area
            areaEdgeKm = exposure.areaEdgeKm
            band = exposure.band
            window = exposure.window
            reference = exposure.reference
            bands = exposure.bands
            events = exposure.events.map(PlainCitedEvent.init)
            eventsNotCited = exposure.eventsNotCited
            target = exposure.target
            rule = exposure.rule
            severity = exposure.severity
            steps = exposure.steps
            destination = exposure.destination
        }
    }

    /// `Binding` as it was.
    struct PlainBinding: Hashable, Codable {
        var status: Binding.Status
        var imposedBy: [String]
        var regimes: [String]
        var entity: String
        var entityRegimes: [String]
        var reason: String

        init(_ binding: Binding) {
            status = binding.status
            imposedBy = binding.imposedBy
            regimes = binding.regimes
            entity = binding.entity
            entityRegimes = binding.entityRegimes
            reason = binding.reason
        }
    }

    /// `Area` as it was.
    struct PlainArea: Hashable, Codable {
        var name: String
        var region: String?
        var location: Coordinate?
        var radiusKm: Double?
        var locatedBy: String?
        var geojson: String? = nil
        var geometry: AreaGeometry? = nil

        init(_ area: Area) {
            name = area.name
            region = area.region
            location = area.location
            radiusKm = area.radiusKm
            locatedBy = area.locatedBy
            geojson = area.geojson
            geometry = area.geometry
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    /// Every finding of the real inputs (`RulesTwentyFirstRoundTests.policies()`), with the
    /// heavy and moderate portfolio files of the twenty-second round's fixtures.
    static func findings() throws -> [Finding] {
        var policies = try RulesTwentyFirstRoundTests.policies()
        let more = TestData.fixtures.appendingPathComponent("portfolio22")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: more.path) {
            policies += try names.filter { $0.hasSuffix(".yaml") }.sorted()
                .map { try TestData.workspace.policyLoader.load(path: more.appendingPathComponent($0).path) }
        }
        return Array(TestData.check(policies, failOn: .high).findings)
    }

    /// `value` encodes (sorted keys) as `plain`, decodes back equal, and hashes as `plain`
    /// (the synthesized hash of the same fields in the same order).
    static func expectSame<Value: Hashable & Codable, Plain: Hashable & Codable>(
        _ value: Value, _ plain: Plain, _ id: String
    ) throws {
        #expect(try json(value) == json(plain), "\(id)")
        #expect(value.hashValue == plain.hashValue, "\(id)")
        let decoded = try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
        #expect(decoded == value, "\(id)")
        #expect(decoded.hashValue == value.hashValue, "\(id)")
        #expect(try JSONDecoder().decode(Plain.self, from: JSONEncoder().encode(value)) == plain, "\(id)")
    }

    /// Each evidence line, exposure, cited event and binding of every finding reads, encodes,
    /// decodes and hashes as the struct of stored fields it was.
    @Test func partsAreTheirFields() throws {
        let findings = try Self.findings()
        #expect(findings.count > 100)
        var counts = (evidence: 0, exposures: 0, events: 0, bindings: 0)
        for finding in findings {
            let id = finding.identity.description
            for line in finding.evidence {
                try Self.expectSame(line, PlainEvidence(line), id)
                counts.evidence += 1
            }
            if let exposure = finding.exposure {
                try Self.expectSame(exposure, PlainExposure(exposure), id)
                for event in exposure.events {
                    try Self.expectSame(event, PlainCitedEvent(event), id)
                    counts.events += 1
                }
                counts.exposures += 1
            }
            if let binding = finding.binding {
                try Self.expectSame(binding, PlainBinding(binding), id)
                counts.bindings += 1
            }
        }
        #expect(counts.evidence > 500 && counts.exposures > 50 && counts.events > 100 && counts.bindings > 20)
    }

    /// Every area of the shipped database reads, encodes, decodes and
    /// hashes as the struct it was; a copy changed in every field leaves it, and built again by
    /// the initialiser it is equal.
    @Test func areasAreTheirFields() throws {
        let areas = TestData.workspace.database.factors.flatMap(\.areas)
        #expect(areas.count > 5)
        for area in areas {
            try Self.expectSame(area, PlainArea(area), area.name)
            let before = try Self.json(area)
            var copy = area
            copy.name += "x"
            copy.region = "elsewhere"
            copy.location = Coordinate(lat: 1, lon: 2)
            copy.radiusKm = (copy.radiusKm ?? 0) + 1
            copy.locatedBy = "a test"
            copy.geojson = nil
            copy.geometry = nil
            #expect(try Self.json(area) == before)
            #expect(PlainArea(copy) != PlainArea(area))
            let rebuilt = Area(
                name: area.name, region: area.region, location: area.location, radiusKm: area.radiusKm, locatedBy: area.locatedBy,
                geojson: area.geojson, geometry: area.geometry)
            #expect(rebuilt == area && rebuilt.hashValue == area.hashValue)
        }
    }

    /// A copy changed in every field leaves the original as it was, and the original changed
    /// after a copy leaves the copy; set back, they are equal again.
    @Test func copiesChangeApart() throws {
        let findings = try Self.findings()
        let lines = findings.flatMap(\.evidence).prefix(200)
        for line in lines {
            let before = try Self.json(line)
            var copy = line
            copy.record += "x"
            copy.fact = "changed"
            copy.date = copy.date == nil ? "2020" : nil
            copy.reference = copy.reference == nil ? Reference(source: "s", title: "t", date: nil, quote: nil, url: nil) : nil
            #expect(try Self.json(line) == before)
            #expect(copy != line && PlainEvidence(copy) != PlainEvidence(line))
            copy = Evidence(record: line.record, fact: line.fact, date: line.date, reference: line.reference)
            #expect(copy == line && copy.hashValue == line.hashValue)
            var original = line
            let kept = copy
            original.fact += "!"
            #expect(kept == line && original != kept)
        }
        let exposures = findings.compactMap(\.exposure)
        #expect(!exposures.isEmpty)
        for exposure in exposures.prefix(200) {
            let before = try Self.json(exposure)
            var copy = exposure
            copy.subject += "x"
            copy.location = Coordinate(lat: 1, lon: 2)
            copy.distanceKm = (copy.distanceKm ?? 0) + 1
            copy.to = "elsewhere"
            copy.area = "an area"
            copy.areaEdgeKm = 3
            copy.band = "≤ 1 km"
            copy.window = "last day"
            copy.reference = TestData.asOf
            copy.bands.append(Exposure.Band(fromKm: 0, toKm: 1))
            copy.eventsNotCited += 1
            copy.target = "a target"
            copy.rule = .civilUnrestTravel
            copy.severity = copy.severity == .critical ? .low : .critical
            copy.steps.append(Exposure.Step(levels: 1, reason: "why"))
            if !copy.events.isEmpty {
                copy.events[0].what += " (changed)"
                copy.events[0].actors.append("someone")
                copy.events[0].distanceKm = -1
            }
            #expect(try Self.json(exposure) == before)
            #expect(PlainExposure(copy) != PlainExposure(exposure))
            var rebuilt = Exposure(subject: exposure.subject, location: exposure.location, rule: exposure.rule, severity: exposure.severity)
            rebuilt.distanceKm = exposure.distanceKm
            rebuilt.to = exposure.to
            rebuilt.area = exposure.area
            rebuilt.areaEdgeKm = exposure.areaEdgeKm
            rebuilt.band = exposure.band
            rebuilt.window = exposure.window
            rebuilt.reference = exposure.reference
            rebuilt.bands = exposure.bands
            rebuilt.events = exposure.events
            rebuilt.eventsNotCited = exposure.eventsNotCited
            rebuilt.target = exposure.target
            rebuilt.steps = exposure.steps
            rebuilt.destination = exposure.destination
            #expect(rebuilt == exposure && rebuilt.hashValue == exposure.hashValue)
            #expect(try Self.json(rebuilt) == before)
        }
        for binding in findings.compactMap(\.binding).prefix(100) {
            let before = try Self.json(binding)
            var copy = binding
            copy.status = copy.status == .binds ? .secondary : .binds
            copy.imposedBy.append("XX")
            copy.regimes = []
            copy.entity += "x"
            copy.entityRegimes.append("YY")
            copy.reason = "changed"
            #expect(try Self.json(binding) == before)
            #expect(PlainBinding(copy) != PlainBinding(binding))
        }
    }

    /// A finding set to a changed copy of its exposure or binding keeps the change; the findings
    /// it was copied from keep theirs.
    @Test func findingsHoldTheirPartsApart() throws {
        let findings = try Self.findings()
        for finding in findings where finding.exposure != nil || finding.binding != nil {
            let before = try Self.json(finding)
            var changed = finding
            if var exposure = changed.exposure {
                exposure.subject = "moved"
                changed.exposure = exposure
                #expect(changed.exposure?.subject == "moved")
            }
            if var binding = changed.binding {
                binding.reason = "another"
                changed.binding = binding
                #expect(changed.binding?.reason == "another")
            }
            #expect(changed != finding)
            #expect(try Self.json(finding) == before)
        }
    }

    /// Eight threads each changing their copy of one exposure and its evidence a hundred times
    /// leave the shared one as it was.
    @Test func threadsChangeTheirOwnCopies() async throws {
        let findings = try Self.findings()
        let finding = try #require(findings.first { $0.exposure != nil && !$0.evidence.isEmpty })
        let exposure = try #require(finding.exposure)
        let evidence = finding.evidence
        let before = try Self.json(exposure)
        let evidenceBefore = try Self.json(evidence)
        await withTaskGroup(of: Bool.self) { group in
            for thread in 0..<8 {
                group.addTask {
                    var ok = true
                    for round in 0..<100 {
                        var mine = exposure
                        mine.subject = "thread \(thread) round \(round)"
                        var lines = evidence
                        lines[0].fact = mine.subject
                        ok = ok && mine.subject == lines[0].fact && exposure.subject != mine.subject
                    }
                    return ok
                }
            }
            for await ok in group { #expect(ok) }
        }
        #expect(try Self.json(exposure) == before)
        #expect(try Self.json(evidence) == evidenceBefore)
    }

    /// The table keys made per finding, copied and one copy changed, leave the other as made.
    @Test func tableKeysChangeApart() throws {
        let findings = try Self.findings()
        let keys = try #require(FindingTableKeys.of(findings, wanted: true))
        #expect(keys.count == findings.count)
        for (finding, made) in zip(findings, keys) {
            let parts = ReportSideSixteenthRoundTests.parts(made)
            #expect(parts == ReportSideSixteenthRoundTests.parts(FindingTableKeys(finding)))
            var copy = made
            copy.events = []
            copy.steps.append(7)
            copy.message &+= 1
            copy.bands = nil
            copy.evidence = nil
            #expect(ReportSideSixteenthRoundTests.parts(made) == parts)
            #expect(ReportSideSixteenthRoundTests.parts(copy) != parts)
        }
    }

    /// Texts that are not native (bridged from `NSString`, whose bytes are not contiguous UTF-8)
    /// and native ones are written alike by the JSON writer, as `JSONEncoder` writes them (with
    /// the hidden characters escaped): every text of the findings, and texts made to catch the
    /// escapes out.
    @Test func theWriterEscapesTextsOfEveryKind() throws {
        let findings = try Self.findings()
        var texts = findings.flatMap { [$0.message, $0.subjectName] + $0.path + $0.recommendations + $0.evidence.map(\.fact) }
        texts += [
            "", "a", "\"", "\\", "tab\there", "new\nline", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{202E}x", "\u{2028}", "\u{061C}",
            "Mocímboa da Praia", "Мінск", "中文", "🇲🇿", "fifteen bytes!!", "sixteen bytes!!!", "a\u{301}", "\r\n",
        ]
        #expect(texts.count > 2_000)
        for text in texts {
            let bridged = NSString(string: text) as String
            var native = JSONWriter()
            native.beginArray()
            native.string(text)
            native.endArray()
            var other = JSONWriter()
            other.beginArray()
            other.string(bridged)
            other.endArray()
            let written = native.takeText()
            #expect(written == other.takeText(), "\(text)")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            let expected = JSONWriter.escapingHiddenCharacters(String(decoding: try encoder.encode([text]), as: UTF8.self))
            #expect(written == expected, "\(text)")
        }
    }

    /// The country slot read from borrowed bytes is the iterator's, for native and bridged
    /// codes of every country of the table and codes of other shapes.
    @Test func countrySlotsOfEveryKindOfText() {
        var codes = (CountryTable.shared?.countries ?? []).map(\.code)
        #expect(codes.count > 200)
        codes += ["", "M", "mz", "MZA", "M\u{0}", "Z\u{301}", "МZ", "MZ ", "@A", "[Z", "AZ", "ZA", "ZZ", "AA", "ÀB"]
        for code in codes {
            let bridged = NSString(string: code) as String
            #expect(FactorsInForce.slot(of: code) == FactorsInForce.slotByIterator(of: code), "\(code)")
            #expect(FactorsInForce.slot(of: bridged) == FactorsInForce.slotByIterator(of: code), "\(code)")
        }
    }

    /// The index's hits are the located events within the radius, found by a scan of all the
    /// events (those within a metre of the radius may go either way), each once, in the order of
    /// factor and event, for sites of the real inputs and points around the database's events.
    @Test func eventIndexHitsAreTheScansInOrder() throws {
        let database = TestData.workspace.database
        let index = database.eventIndex
        var centers = try RulesTwentyFirstRoundTests.policies().flatMap { $0.sites.compactMap(\.location) }
        for factor in database.factors {
            for event in factor.events.prefix(20) {
                if let location = event.location { centers.append(Coordinate(lat: location.lat + 0.3, lon: location.lon - 0.2)) }
            }
        }
        #expect(centers.count > 20)
        for center in centers {
            for radius in [25.0, 100, 400] {
                let hits = index.hits(within: radius, of: center)
                let order = hits.map { [$0.factor, $0.event] }
                #expect(order == order.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) } && Set(order).count == order.count)
                var found = Set(order)
                for (factorPosition, factor) in database.factors.enumerated() {
                    for (eventPosition, event) in factor.events.enumerated() {
                        guard let location = event.location else { continue }
                        let distance = center.distanceKm(to: location)
                        guard abs(distance - radius) > 0.001 else {
                            found.remove([factorPosition, eventPosition])
                            continue
                        }
                        #expect((found.remove([factorPosition, eventPosition]) != nil) == (distance < radius), "\(center) \(radius)")
                    }
                }
                #expect(found.isEmpty)
                for hit in hits {
                    let location = database.factors[hit.factor].events[hit.event].location
                    #expect(location.map { center.distanceKm(to: $0) } == hit.distanceKm)
                }
            }
        }
    }
}
