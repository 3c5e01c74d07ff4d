import Foundation
import Testing

@testable import DiligenceKit

/// The HTML report: the Cabo Delgado map drawn where the seeds' coordinates put things, finding
/// anchors, the sign-off page, escaping of hostile policy text, and the Markdown conversion.
@Suite struct HTMLReportTests {
    static let examples: (result: CheckResult, html: String) = {
        let loader = TestData.workspace.policyLoader
        let files = FileDiscovery.yamlFiles(in: TestData.root.appendingPathComponent("policies").path)
        let policies = files.compactMap { try? loader.load(path: $0, displayPath: "policies/" + URL(fileURLWithPath: $0).lastPathComponent) }
        let result = TestData.check(policies)
        return (result, HTMLReporter().render(result))
    }()

    /// An attribute's value in an element's opening tag.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The opening tags of the elements of the fragment whose opening tag contains `marker`.
    static func tags(_ fragment: Substring, containing marker: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = fragment[...]
        while let range = rest.range(of: marker) {
            let start = rest[..<range.lowerBound].lastIndex(of: "<") ?? range.lowerBound
            let end = rest[range.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            tags.append(rest[start..<end])
            rest = rest[end...]
        }
        return tags
    }

    /// The Mozambique map of the Cabo Delgado logistics company, and its projection as the SVG states it.
    static func caboDelgadoMap() throws -> (svg: Substring, projection: MapProjection) {
        let html = examples.html
        let start = try #require(html.range(of: "<svg class=\"map\" id=\"map-policies-mz-cabo-delgado-lng-logistics-yaml-1\""))
        let end = try #require(html[start.lowerBound...].range(of: "</svg>"))
        let svg = html[start.lowerBound..<end.upperBound]
        let root = try #require(tags(svg, containing: "class=\"map\"").first)
        func number(_ name: String) throws -> Double { try #require(attribute(name, in: root).flatMap(Double.init)) }
        #expect(attribute("data-projection", in: root) == "equirectangular-cos")
        let projection = MapProjection(
            centre: Coordinate(lat: try number("data-centre-lat"), lon: try number("data-centre-lon")),
            pixelsPerDegree: try number("data-px-per-degree"),
            width: try number("data-map-width"), height: try number("data-map-height"))
        return (svg, projection)
    }

    /// Each site of the policy file is drawn where the projection puts its coordinates, and the
    /// drawn distances between sites are their great-circle distances at the map's scale.
    @Test func caboDelgadoSitesAreAtTheirCoordinates() throws {
        let (svg, projection) = try Self.caboDelgadoMap()
        let policy = try TestData.workspace.policyLoader.load(path: TestData.root.appendingPathComponent("policies/mz-cabo-delgado-lng-logistics.yaml").path)
        var drawn: [String: (x: Double, y: Double)] = [:]
        for tag in Self.tags(svg, containing: "class=\"site") where tag.contains("data-id=") {
            let id = try #require(Self.attribute("data-id", in: tag))
            drawn[id] = (
                try #require(Self.attribute("data-x", in: tag).flatMap(Double.init)), try #require(Self.attribute("data-y", in: tag).flatMap(Double.init))
            )
        }
        #expect(Set(drawn.keys) == ["afungi-yard", "palma-port-office", "pemba-warehouse"])
        for site in policy.sites {
            let location = try #require(site.location)
            let point = try #require(drawn[site.id])
            #expect(abs(point.x - projection.x(location)) < 0.1, "\(site.id) x")
            #expect(abs(point.y - projection.y(location)) < 0.1, "\(site.id) y")
            #expect((0...projection.width).contains(point.x) && (0...projection.height).contains(point.y), "\(site.id) off the map")
        }
        // Afungi is north of Pemba (smaller y), about 240 km; Palma is west-north-west of Afungi.
        let afungi = try #require(drawn["afungi-yard"]), pemba = try #require(drawn["pemba-warehouse"]), palma = try #require(drawn["palma-port-office"])
        #expect(afungi.y < pemba.y)
        #expect(palma.x < afungi.x && palma.y < afungi.y)
        let pixels = ((afungi.x - pemba.x) * (afungi.x - pemba.x) + (afungi.y - pemba.y) * (afungi.y - pemba.y)).squareRoot()
        let km = try #require(policy.sites.first { $0.id == "afungi-yard" }?.location).distanceKm(
            to: try #require(policy.sites.first { $0.id == "pemba-warehouse" }?.location))
        #expect(abs(pixels / projection.pixelsPerKm - km) / km < 0.01, "drawn \(pixels / projection.pixelsPerKm) km, great-circle \(km) km")
    }

    /// The capture of Mocímboa da Praia (12 August 2020) and the March attacks are drawn at the
    /// seeds' coordinates, coloured by their age at the as-of date; Afungi LNG is marked; the
    /// bands around the yard have the rule's radii at the map's scale.
    @Test func caboDelgadoEventsTargetAndBandsFollowTheSeeds() throws {
        let (svg, projection) = try Self.caboDelgadoMap()
        let factor = try #require(TestData.workspace.database.factor(id: "DRF-2020-MZ-0001"))
        let events = Self.tags(svg, containing: "class=\"event\"")
        let located = factor.events.filter { $0.location != nil }
        #expect(located.count == 3)
        for event in located {
            let location = try #require(event.location)
            let x = projection.x(location), y = projection.y(location)
            let match = events.first { tag in
                Self.attribute("data-date", in: tag) == event.lastDay.description
                    && abs((Self.attribute("cx", in: tag).flatMap(Double.init) ?? -1) - x) < 0.1
                    && abs((Self.attribute("cy", in: tag).flatMap(Double.init) ?? -1) - y) < 0.1
            }
            #expect(match != nil, "no event of \(event.date) at \(x), \(y)")
        }
        // The capture is within 90 days of 2020-09-30 (red); the March attacks are older (orange).
        let capture = try #require(events.first { Self.attribute("data-date", in: $0) == "2020-08-12" })
        #expect(Self.attribute("fill", in: capture) == "#c0392b")
        let march = try #require(events.first { Self.attribute("data-date", in: $0) == "2020-03-31" })
        #expect(Self.attribute("fill", in: march) == "#e67e22")
        // Mocímboa lies about 64 km south-south-west of the yard: in its 25–100 km band.
        let yard = Coordinate(lat: -10.8310, lon: 40.6080), mocimboa = Coordinate(lat: -11.3517, lon: 40.3516)
        let drawnKm =
            (pow(projection.x(yard) - projection.x(mocimboa), 2) + pow(projection.y(yard) - projection.y(mocimboa), 2)).squareRoot() / projection.pixelsPerKm
        #expect(abs(drawnKm - yard.distanceKm(to: mocimboa)) < 0.5)
        #expect((60...68).contains(drawnKm))
        let bands = Self.tags(svg, containing: "class=\"band\"").filter { Self.attribute("data-site", in: $0) == "afungi-yard" }
        #expect(bands.compactMap { Self.attribute("data-km", in: $0) } == ["25", "100"])
        for band in bands {
            let km = try #require(Self.attribute("data-km", in: band).flatMap(Double.init))
            let r = try #require(Self.attribute("r", in: band).flatMap(Double.init))
            #expect(abs(r - km * projection.pixelsPerKm) < 0.1)
        }
        // The named target, the areas, the outline, scale bar, north arrow, legend, attribution.
        let target = try #require(Self.tags(svg, containing: "class=\"target\"").first)
        #expect(abs((Self.attribute("data-x", in: target).flatMap(Double.init) ?? 0) - projection.x(Coordinate(lat: -10.83, lon: 40.62))) < 0.1)
        #expect(svg.contains("<title>Afungi LNG project (Total, ExxonMobil), Afungi Peninsula near Palma</title>"))
        #expect(Self.tags(svg, containing: "class=\"area\"").count >= 3)
        #expect(svg.contains("class=\"land country\""))
        #expect(svg.contains("class=\"land\""))
        #expect(svg.contains("class=\"scale\"") && svg.contains("class=\"north\"") && svg.contains("class=\"legend\""))
        #expect(svg.contains("Natural Earth 5.1.1"))
        #expect(svg.contains(">Mocímboa da Praia</text>"))
    }

    /// Every reported finding has its anchor, every link within the report has its target,
    /// every id is used once.
    @Test func findingsAreLinkableAndLinksResolve() throws {
        let (result, html) = Self.examples
        var ids: [String] = []
        for tag in Self.tags(html[...], containing: " id=\"") { if let id = Self.attribute("id", in: tag) { ids.append(id) } }
        #expect(ids.count == Set(ids).count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        for finding in result.reportedFindings where finding.rule != "stale-intelligence" {
            #expect(ids.contains(HTMLReporter.findingAnchor(file: finding.policy, identity: finding.identity.description)), "no anchor for \(finding.identity)")
        }
        #expect(ids.contains("finding-policies-mz-cabo-delgado-lng-logistics-yaml--conflict-proximity-afungi-yard-drf-2020-mz-0001"))
        for tag in Self.tags(html[...], containing: "href=\"#") {
            let target = try #require(Self.attribute("href", in: tag)).dropFirst()
            #expect(ids.contains(String(target)), "link to a missing #\(target)")
        }
    }

    /// The sections of the Markdown report in the same order, then the risk matrix in the
    /// summary, and the sign-off page last with the report id and digest (also in the print footer).
    @Test func sectionsInMarkdownOrderAndSignOffLast() throws {
        let (result, html) = Self.examples
        let headings = [
            "1. Control", "2. Executive summary", "Risk matrix", "3. Scope", "4. Methodology", "5. Findings by company",
            "6. Country risk profiles", "7. Accepted risks", "8. Limitations", "Annex: sources cited", "Sign-off",
        ]
        var position = html.startIndex
        for heading in headings {
            let range = try #require(html[position...].range(of: heading), "\(heading) missing or out of order")
            position = range.upperBound
        }
        let id = MarkdownReporter().reportID(result.summary)
        let signOff = try #require(html.range(of: "<section class=\"sign-off\" id=\"sign-off\">"))
        #expect(html[signOff.lowerBound...].contains(id))
        #expect(html[signOff.lowerBound...].contains("sha256:" + result.database.digest))
        #expect(html.hasSuffix("</section>\n</main>\n</body>\n</html>\n"))
        #expect(html.contains("@bottom-left { content: \"Report \(id) · database sha256:\(result.database.digest.prefix(16))…\""))
        #expect(html.contains("counter(page)") && html.contains("counter(pages)"))
        // Each company's sign-off block, as in the Markdown.
        #expect(html.contains("<strong>Sign-off for Lúrio Logistics Services Lda</strong>"))
        // A timeline per profiled factor, with the as-of date marked.
        #expect(html.contains("aria-label=\"Timeline of DRF-2020-MZ-0001\""))
        #expect(html.contains("as of 2020-09-30</text>"))
        // Self-contained: nothing fetched.
        for pattern in ["<script", "<link", "<img", "src=", "url(http", "@import"] { #expect(!html.contains(pattern), "\(pattern)") }
    }

    /// The matrix places the Cabo Delgado insurgency at critical with three operations reached.
    @Test func riskMatrixPlacesEachRisk() throws {
        let risks = HTMLReporter.matrixRisks(Self.examples.result.summary)
        let insurgency = try #require(risks.first { $0.key == "factor:DRF-2020-MZ-0001" })
        #expect(insurgency.severity == .critical)
        // The three sites, the crew-change trip and the security contractor Kuyeli (its
        // Voluntary Principles finding cites the insurgency).
        #expect(insurgency.operations == 5)
        #expect(risks.first?.key == "factor:DRF-2020-MZ-0001")
        #expect(HTMLReporter.score(.critical, column: 2) == 15)
        #expect(Self.examples.html.contains("data-severity=\"critical\" data-column=\"2\" data-score=\"15\""))
    }

    /// The Cabo Delgado timeline runs from the factor's start to the as-of date: each event at
    /// its date's place on the axis, the as-of date marked at the end, the capture labelled.
    @Test func timelinePlacesEventsByDate() throws {
        let html = Self.examples.html
        let start = try #require(html.range(of: "<svg class=\"timeline\""), "no timeline")
        let open = try #require(html[start.lowerBound...].range(of: "aria-label=\"Timeline of DRF-2020-MZ-0001\""))
        let svgStart = try #require(html[..<open.lowerBound].range(of: "<svg class=\"timeline\"", options: .backwards))
        let svg = html[svgStart.lowerBound..<(try #require(html[open.upperBound...].range(of: "</svg>"))).upperBound]
        let root = try #require(Self.tags(svg, containing: "class=\"timeline\"").first)
        let from = try #require(Self.attribute("data-start", in: root).flatMap(Day.init(iso:)))
        #expect(from == Day(iso: "2017-10-01"))
        #expect(Self.attribute("data-as-of", in: root) == "2020-09-30")
        let asOf = TestData.asOf
        func x(_ day: Day) -> Double { 20 + 810 * Double(from.days(until: day)) / Double(from.days(until: asOf)) }
        let events = Self.tags(svg, containing: "class=\"event\"")
        #expect(events.count == 6)
        for (date, expected) in [("2020-08-12", "2020-08-12"), ("2020-03-01", "2020-03-01"), ("2017-10-01", "2017-10-01")] {
            let tag = try #require(events.first { Self.attribute("data-date", in: $0) == date }, "\(date)")
            let cx = try #require(Self.attribute("cx", in: tag).flatMap(Double.init))
            #expect(abs(cx - x(try #require(Day(iso: expected)))) < 0.1, "\(date) at \(cx)")
        }
        let line = try #require(Self.tags(svg, containing: "class=\"as-of\"").first)
        #expect(abs((Self.attribute("x1", in: line).flatMap(Double.init) ?? 0) - 830) < 0.1)
        #expect(svg.contains(">2020-08-12: Insurgents capture the strategic port town after over five days"))
        // The June 2020 attack killed eight: its circle is larger than the unlabelled-fatality ones.
        let june = try #require(events.first { Self.attribute("data-date", in: $0) == "2020-06-01" })
        let capture = try #require(events.first { Self.attribute("data-date", in: $0) == "2020-08-12" })
        #expect((Self.attribute("r", in: june).flatMap(Double.init) ?? 0) > (Self.attribute("r", in: capture).flatMap(Double.init) ?? 0))
    }

    // MARK: Escaping

    /// The hostile policy's texts: no element or attribute of theirs survives, their text stays
    /// readable, hidden characters are written out.
    @Test func hostilePolicyTextIsEscaped() throws {
        let hostile = ReportTests.hostile.replacingOccurrences(
            of: "owner: \"ops|team\"", with: "owner: \"ops\u{202E}team \u{E000} \u{F000} &amp; \\\" onmouseover=x\"")
        let html = HTMLReporter().render(try TestData.check(hostile))
        for pattern in ["<script", "<img", "<b>", "\u{202E}"] { #expect(!html.contains(pattern), "\(pattern)") }
        #expect(html.contains("Evil | Corp &lt;script&gt;alert(1)&lt;/script&gt; `rm -rf`  second line"))
        #expect(html.contains("ops\\u{202E}team &#xE000; \u{F000} &amp;amp; &quot; onmouseover=x"))
        // Only the report's own elements.
        let allowed: Set<String> = [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "h4",
            "p", "br", "strong", "em", "code", "a", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
            "figure", "figcaption", "svg", "defs", "clipPath", "rect", "g", "path", "circle", "polygon", "text", "line",
        ]
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            let name = html[html.index(after: open)...].prefix { $0 != " " && $0 != ">" && $0 != "/" && $0 != "\n" }
            let element = name.isEmpty ? String(html[html.index(after: open)...].dropFirst().prefix { $0 != ">" && $0 != " " }) : String(name)
            #expect(allowed.contains(element), "unexpected element <\(element)")
            // No event handler among its attributes.
            let tag = html[open...].prefix { $0 != ">" }
            #expect(!tag.contains(" on"), "an attribute starting with on: \(tag)")
            index = html.index(after: open)
        }
    }

    /// A table cell's escaped pipe, code with markup, a link, nested lists, a citation hole.
    @Test func markdownSubsetConvertsAsTheReporterMeansIt() {
        var converter = MarkdownHTML()
        let html = converter.convert(
            """
            ## 5. Title *with* `code <b>`
            | A | B |
            | --- | --- |
            | `x\\|y` | a \\| b &amp; &lt;i&gt; |

            - **HIGH** `rule/site/F-1` at `x:1:2`: [link](#factor-f-1)
              1. first
              2. second
            - plain & <raw>

            """)
        #expect(
            html == """
                <h2>5. Title <em>with</em> <code>code &lt;b&gt;</code></h2>
                <table>
                <thead><tr><th>A</th><th>B</th></tr></thead>
                <tbody>
                <tr><td><code>x|y</code></td><td>a | b &amp; &lt;i&gt;</td></tr>
                </tbody>
                </table>
                <ul>
                <li id="finding-x--rule-site-f-1" class="finding"><strong>HIGH</strong> <code>rule/site/F-1</code> at <code>x:1:2</code>: <a href="#factor-f-1">link</a><ol>
                <li>first</li>
                <li>second</li>
                </ol>
                </li>
                <li>plain &amp; &lt;raw&gt;</li>
                </ul>

                """)
        var section = ReportSection("- “quote” ")
        section.cite(Reference(source: "S"))
        section.append("\n- next ")
        section.cite(Reference(source: "T"))
        section.append("\n")
        var other = MarkdownHTML()
        let converted = other.convert(section)
        #expect(converted.citations.count == 2)
        var citations = Citations()
        _ = citations.number(for: Reference(source: "S"))
        _ = citations.number(for: Reference(source: "T"))
        #expect(converted.text(citations) == "<ul>\n<li>“quote” [1]</li>\n<li>next [2]</li>\n</ul>\n")
    }

    /// A scope table's header in the layout's text and each policy's rows, converted on their
    /// own, make one table; an operation's line inside an entry of several is a finding's anchor.
    @Test func aTableSpansTheTextsConvertedOneAfterTheOther() {
        var layout = MarkdownHTML()
        layout.continuesTable = true
        var first = MarkdownHTML(), second = MarkdownHTML()
        first.continuesTable = true
        second.continuesTable = true
        let html =
            layout.convert("## 3. Scope\n\n| Company | Site |\n| --- | --- |\n") + first.convert("| A | `a` |\n") + second.convert("| B | `b` |\n")
            + layout.convert("\nAfter.\n")
        #expect(
            html == """
                <h2>3. Scope</h2>
                <table>
                <thead><tr><th>Company</th><th>Site</th></tr></thead>
                <tbody>
                <tr><td>A</td><td><code>a</code></td></tr>
                <tr><td>B</td><td><code>b</code></td></tr>
                </tbody>
                </table>
                <p>After.</p>

                """)
        var entry = MarkdownHTML()
        let items = entry.convert(
            """
            - **HIGH** `rule` for 2 sites (each below): *the site* is in Mali.
              - `rule/a/F-1` at `x.yaml:3:5`: A. Owner: ________
              - `rule/b/F-1` at `x.yaml:9:5`: B. Owner: ________
              - `rule/c` and `x.yaml:1:1`: not a finding

            """)
        #expect(items.contains("<li id=\"finding-x-yaml--rule-a-f-1\" class=\"finding\"><code>rule/a/F-1</code> at <code>x.yaml:3:5</code>: A."))
        #expect(items.contains("<li id=\"finding-x-yaml--rule-b-f-1\" class=\"finding\">"))
        #expect(items.components(separatedBy: "class=\"finding\"").count == 3)
    }
}
