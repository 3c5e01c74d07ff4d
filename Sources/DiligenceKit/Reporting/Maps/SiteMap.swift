import Foundation

/// A map of one company's exposed sites in one country, as inline SVG drawn from the data: the
/// country's outline and its neighbours' (Natural Earth), the company's sites there (a marker
/// per kind), the distance bands the conflict rule used around each exposed site, the events of
/// the factors behind its findings (sized by fatalities, coloured by age at the as-of date), the
/// factors' areas (circles and GeoJSON polygons, shaded) and named targets, a scale bar, a north
/// arrow, a legend and the data's attribution. Every position follows `MapProjection`; the root
/// element carries the projection's parameters (`data-*`) so a reader or a test can check them.
struct SiteMap {
    var country: Country
    var sites: [Site]
    /// The exposures of the company's place-bound findings in the country.
    var exposures: [Exposure]
    /// The factors behind those findings.
    var factors: [RiskFactor]
    var asOf: Day
    var outlines: CountryOutlines

    static let mapWidth = 700.0
    /// Most events drawn on one map (the most recent in view).
    static let eventLimit = 400
    static let legendWidth = 230.0

    /// A located event drawn on the map.
    struct Dot: Hashable {
        var location: Coordinate
        var date: Day
        var fatalities: Int
        var place: String?
    }

    /// The maps of a company: one per country where a reported finding has a located exposure,
    /// in country-name order.
    static func maps(of policy: Policy, _ findings: [Finding], _ context: ReportContext, outlines: CountryOutlines = .builtIn) -> [SiteMap] {
        let located = findings.filter { $0.severity >= context.options.reportMin && $0.exposure?.location != nil }
        guard !located.isEmpty else { return [] }
        let siteCountry = Dictionary(policy.sites.map { ($0.id, $0.country) }, uniquingKeysWith: { first, _ in first })
        var byCountry: [Country: [Finding]] = [:]
        for finding in located {
            guard let country = siteCountry[finding.subject] else { continue }
            byCountry[country, default: []].append(finding)
        }
        return byCountry.keys.sorted { ($0.name, $0.code) < ($1.name, $1.code) }.map { country in
            let chosen = byCountry[country] ?? []
            var factorIDs: [String] = []
            for finding in chosen {
                for id in finding.factors where !factorIDs.contains(id) { factorIDs.append(id) }
            }
            let factors = factorIDs.compactMap { context.factors.factor($0) }.filter { $0.country == country }
            return SiteMap(
                country: country, sites: policy.sites.filter { $0.country == country && $0.location != nil },
                exposures: chosen.compactMap(\.exposure), factors: factors, asOf: context.asOf, outlines: outlines)
        }
    }

    // MARK: What is drawn

    /// Each exposed site's distance bands (outer edges, km), nearest first.
    var bands: [(site: String, location: Coordinate, radii: [Double])] {
        var result: [(site: String, location: Coordinate, radii: [Double])] = []
        for exposure in exposures {
            guard let location = exposure.location, !exposure.bands.isEmpty else { continue }
            // The bands out to the nearest one holding an event (the one that decided), or the
            // nearest band when none holds one: farther rings would only hide the map.
            let sorted = exposure.bands.sorted { $0.toKm < $1.toKm }
            let deciding = sorted.firstIndex { $0.recentEvents + $0.olderEvents > 0 } ?? 0
            let radii = Array(Set(sorted.prefix(deciding + 1).map(\.toKm))).sorted()
            if let at = result.firstIndex(where: { $0.site == exposure.subject }) {
                result[at].radii = Array(Set(result[at].radii + radii)).sorted()
            } else {
                result.append((exposure.subject, location, radii))
            }
        }
        return result
    }

    /// The located events known on the as-of date, of the factors and the exposures, once each,
    /// oldest first (the newest are drawn on top).
    var dots: [Dot] {
        var set: Set<Dot> = []
        for factor in factors {
            for event in factor.events(asOf: asOf) {
                if let location = event.location {
                    set.insert(Dot(location: location, date: event.lastDay, fatalities: event.fatalities ?? 0, place: event.place))
                }
            }
        }
        for exposure in exposures {
            for event in exposure.events where event.date <= asOf {
                if let location = event.location {
                    var known = RiskEvent(date: event.date, until: event.until, what: event.what)
                    known.datePrecision = event.datePrecision
                    set.insert(Dot(location: location, date: known.lastDay, fatalities: event.fatalities ?? 0, place: event.place))
                }
            }
        }
        return set.sorted { ($0.date, $0.location.lat, $0.location.lon, $0.fatalities) < ($1.date, $1.location.lat, $1.location.lon, $1.fatalities) }
    }

    /// How old an event is at the as-of date, as one of three classes.
    enum Age: Int, CaseIterable {
        case recent, year, older
        init(_ date: Day, asOf: Day) {
            let days = date.days(until: asOf)
            self = days <= 90 ? .recent : days <= 365 ? .year : .older
        }
        var colour: String { ["#c0392b", "#e67e22", "#8e8e8e"][rawValue] }
        var label: String { ["event within 90 days", "event 91–365 days before", "event older than a year"][rawValue] }
    }

    static func dotRadius(_ fatalities: Int) -> Double { 4.5 + 1.5 * Double(max(fatalities, 0)).squareRoot() }

    /// The box to show: the exposed sites with their nearest band, the cited events, the named
    /// targets and the areas' centres, padded; at least 1.2 degrees tall.
    var box: (south: Double, west: Double, north: Double, east: Double) {
        var points: [Coordinate] = []
        for exposure in exposures {
            guard let location = exposure.location else { continue }
            let radius = (exposure.bands.first?.toKm ?? 25) / MapProjection.kmPerDegree
            let cosine = max(cos(location.lat * Double.pi / 180), 0.1)
            points += [
                Coordinate(lat: location.lat - radius, lon: location.lon - radius / cosine),
                Coordinate(lat: location.lat + radius, lon: location.lon + radius / cosine),
            ]
            points += exposure.events.compactMap(\.location)
        }
        for factor in factors {
            points += factor.targets.compactMap(\.location)
            points += factor.areas.compactMap(\.location)
        }
        points += sites.compactMap(\.location)
        let lats = points.map(\.lat), lons = points.map(\.lon)
        var south = lats.min() ?? 0, north = lats.max() ?? 0, west = lons.min() ?? 0, east = lons.max() ?? 0
        let padLat = max((north - south) * 0.08, 0.1), padLon = max((east - west) * 0.08, 0.1)
        south -= padLat; north += padLat; west -= padLon; east += padLon
        if north - south < 1.2 {
            let middle = (north + south) / 2
            south = middle - 0.6
            north = middle + 0.6
        }
        return (south, west, north, east)
    }

    var projection: MapProjection {
        MapProjection(fitting: box, width: Self.mapWidth, minHeight: 380, maxHeight: 620)
    }

    // MARK: SVG

    /// Site kinds in order of first site, each with its marker.
    private var kinds: [String] {
        var kinds: [String] = []
        for site in sites where !kinds.contains(site.kind ?? "site") { kinds.append(site.kind ?? "site") }
        return kinds
    }

    private static let markers = ["square", "triangle", "diamond", "circle", "pentagon"]

    private static func marker(_ shape: String, x: Double, y: Double, size: Double = 7) -> String {
        let n = { (v: Double) in SVGNumber.text(v) }
        switch shape {
        case "square": return "<rect x=\"\(n(x - size))\" y=\"\(n(y - size))\" width=\"\(n(2 * size))\" height=\"\(n(2 * size))\"/>"
        case "triangle":
            return "<path d=\"M\(n(x)) \(n(y - size * 1.2))L\(n(x + size * 1.1)) \(n(y + size * 0.8))L\(n(x - size * 1.1)) \(n(y + size * 0.8))Z\"/>"
        case "diamond": return "<path d=\"M\(n(x)) \(n(y - size * 1.3))L\(n(x + size)) \(n(y))L\(n(x)) \(n(y + size * 1.3))L\(n(x - size)) \(n(y))Z\"/>"
        case "pentagon":
            let points = (0..<5).map { k -> String in
                let angle = -Double.pi / 2 + Double(k) * 2 * Double.pi / 5
                return "\(n(x + size * 1.1 * cos(angle))),\(n(y + size * 1.1 * sin(angle)))"
            }
            return "<polygon points=\"\(points.joined(separator: " "))\"/>"
        default: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(size))\"/>"
        }
    }

    private static func star(x: Double, y: Double, size: Double = 9) -> String {
        let points = (0..<10).map { k -> String in
            let angle = -Double.pi / 2 + Double(k) * Double.pi / 5
            let radius = k % 2 == 0 ? size : size * 0.45
            return "\(SVGNumber.text(x + radius * cos(angle))),\(SVGNumber.text(y + radius * sin(angle)))"
        }
        return "<polygon points=\"\(points.joined(separator: " "))\"/>"
    }

    /// The SVG element; `id` makes its clip path's id unique in the document.
    func svg(id: String) -> String {
        let p = projection
        let n = { (v: Double) in SVGNumber.text(v) }
        let width = Self.mapWidth + Self.legendWidth
        let height = p.height
        let clip = "clip-" + id
        var out =
            "<svg class=\"map\" id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\""
        out += " role=\"img\" aria-label=\"Map of \(Escaping.html(country.name)): sites, distance bands, events, areas\""
        out +=
            " data-projection=\"equirectangular-cos\" data-centre-lat=\"\(SVGNumber.text(p.centre.lat, places: 6))\" data-centre-lon=\"\(SVGNumber.text(p.centre.lon, places: 6))\""
        out += " data-px-per-degree=\"\(SVGNumber.text(p.pixelsPerDegree, places: 6))\" data-map-width=\"\(n(p.width))\" data-map-height=\"\(n(p.height))\">\n"
        out += "<defs><clipPath id=\"\(clip)\"><rect x=\"0\" y=\"0\" width=\"\(n(p.width))\" height=\"\(n(height))\"/></clipPath></defs>\n"
        out += "<rect class=\"sea\" x=\"0\" y=\"0\" width=\"\(n(p.width))\" height=\"\(n(height))\"/>\n"
        out += "<g clip-path=\"url(#\(clip))\">\n"
        // Outlines: neighbours, then the country.
        let rings = outlines.rings(for: country.code, in: p.box)
        for own in [false, true] {
            var d = ""
            for ring in rings where (ring.country == country.code) == own {
                for (index, point) in ring.points.enumerated() {
                    d += (index == 0 ? "M" : "L") + n(p.x(point)) + " " + n(p.y(point))
                }
                d += "Z"
            }
            if !d.isEmpty { out += "<path class=\"\(own ? "land country" : "land")\" fill-rule=\"evenodd\" d=\"\(d)\"/>\n" }
        }
        // Areas: polygons, then circles.
        for factor in factors {
            for area in factor.areas {
                if let geometry = area.geometry {
                    var d = ""
                    for polygon in geometry.polygons {
                        for ring in polygon.rings {
                            for (index, point) in ring.enumerated() { d += (index == 0 ? "M" : "L") + n(p.x(point)) + " " + n(p.y(point)) }
                            d += "Z"
                        }
                    }
                    out += "<path class=\"area\" fill-rule=\"evenodd\" d=\"\(d)\"><title>\(Escaping.html(area.name))</title></path>\n"
                } else if let centre = area.location, let radius = area.radiusKm {
                    out +=
                        "<circle class=\"area\" cx=\"\(n(p.x(centre)))\" cy=\"\(n(p.y(centre)))\" r=\"\(n(radius * p.pixelsPerKm))\"><title>\(Escaping.html(area.name)) (\(Int(radius)) km)</title></circle>\n"
                }
            }
        }
        // Distance bands around the exposed sites.
        for (site, location, radii) in bands {
            let x = p.x(location), y = p.y(location)
            for radius in radii {
                out +=
                    "<circle class=\"band\" data-site=\"\(Escaping.html(site))\" data-km=\"\(Int(radius))\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius * p.pixelsPerKm))\"/>\n"
                let labelY = y - radius * p.pixelsPerKm
                if labelY > 10 { out += "<text class=\"band-label\" x=\"\(n(x + 3))\" y=\"\(n(labelY + 11))\">\(Int(radius)) km</text>\n" }
            }
        }
        // Events in view, oldest first; at most the most recent `eventLimit` (an imported
        // ACLED factor can hold thousands).
        let box = p.box
        let inView = dots.filter {
            ($0.location.lat >= box.south && $0.location.lat <= box.north && $0.location.lon >= box.west && $0.location.lon <= box.east)
        }
        let shown = inView.suffix(Self.eventLimit)
        var labelled: Set<String> = []
        for dot in shown {
            let x = p.x(dot.location), y = p.y(dot.location)
            let age = Age(dot.date, asOf: asOf)
            out +=
                "<circle class=\"event\" data-date=\"\(dot.date)\" data-killed=\"\(dot.fatalities)\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(Self.dotRadius(dot.fatalities)))\" fill=\"\(age.colour)\"><title>\(dot.date)\(dot.place.map { ", " + Escaping.html($0) } ?? "")\(dot.fatalities > 0 ? ", \(dot.fatalities) killed" : "")</title></circle>\n"
        }
        for dot in shown.reversed() {
            guard let place = dot.place, labelled.insert(place).inserted else { continue }
            out +=
                "<text class=\"place\" x=\"\(n(p.x(dot.location) - 8))\" y=\"\(n(p.y(dot.location) + 4))\" text-anchor=\"end\">\(Escaping.html(place))</text>\n"
        }
        // Named targets (infrastructure).
        for factor in factors {
            for target in factor.targets {
                guard let location = target.location else { continue }
                let x = p.x(location), y = p.y(location)
                out +=
                    "<g class=\"target\" data-x=\"\(n(x))\" data-y=\"\(n(y))\">" + Self.star(x: x, y: y)
                    + "<title>\(Escaping.html(target.name))</title></g>\n"
                out +=
                    "<text class=\"target-label\" x=\"\(n(x - 11))\" y=\"\(n(y + 16))\" text-anchor=\"end\">\(Escaping.html(Self.short(target.name)))</text>\n"
            }
        }
        // Sites, by kind.
        let kinds = self.kinds
        for site in sites {
            guard let location = site.location else { continue }
            let x = p.x(location), y = p.y(location)
            let shape = Self.markers[(kinds.firstIndex(of: site.kind ?? "site") ?? 0) % Self.markers.count]
            let exposed = exposures.contains { $0.subject == site.id }
            out += "<g class=\"site\(exposed ? " exposed" : "")\" data-id=\"\(Escaping.html(site.id))\" data-x=\"\(n(x))\" data-y=\"\(n(y))\">"
            out += Self.marker(shape, x: x, y: y) + "<title>\(Escaping.html(site.displayName))</title></g>\n"
            out += "<text class=\"site-label\" x=\"\(n(x + 10))\" y=\"\(n(y + 4))\">\(Escaping.html(site.id))</text>\n"
        }
        out += "</g>\n"
        out += furniture(p)
        out += legend(p, kinds: kinds, eventsInView: inView.count, hasOutlines: !rings.isEmpty)
        out += "</svg>\n"
        return out
    }

    /// Scale bar, north arrow and frame.
    private func furniture(_ p: MapProjection) -> String {
        let n = { (v: Double) in SVGNumber.text(v) }
        // A round length near a fifth of the width.
        let target = p.width / 5 / p.pixelsPerKm
        let length = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].last { $0 <= target } ?? 1
        let bar = length * p.pixelsPerKm
        let x = 16.0, y = p.height - 18
        var out = "<g class=\"scale\" data-km=\"\(Int(length))\" data-px=\"\(n(bar))\">"
        out +=
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(bar / 2))\" height=\"5\" fill=\"#222\"/><rect x=\"\(n(x + bar / 2))\" y=\"\(n(y))\" width=\"\(n(bar / 2))\" height=\"5\" fill=\"#fff\" stroke=\"#222\"/>"
        out += "<text x=\"\(n(x))\" y=\"\(n(y - 4))\">0</text><text x=\"\(n(x + bar))\" y=\"\(n(y - 4))\" text-anchor=\"end\">\(Int(length)) km</text></g>\n"
        let ax = p.width - 26, ay = 16.0
        out += "<g class=\"north\"><path d=\"M\(n(ax)) \(n(ay))L\(n(ax + 8)) \(n(ay + 24))L\(n(ax)) \(n(ay + 18))L\(n(ax - 8)) \(n(ay + 24))Z\" fill=\"#222\"/>"
        out += "<text x=\"\(n(ax))\" y=\"\(n(ay + 38))\" text-anchor=\"middle\">N</text></g>\n"
        out += "<rect class=\"frame\" x=\"0.5\" y=\"0.5\" width=\"\(n(p.width - 1))\" height=\"\(n(p.height - 1))\"/>\n"
        return out
    }

    private func legend(_ p: MapProjection, kinds: [String], eventsInView: Int, hasOutlines: Bool) -> String {
        let n = { (v: Double) in SVGNumber.text(v) }
        let left = p.width + 14
        var y = 18.0
        var out = "<g class=\"legend\">\n<text class=\"legend-title\" x=\"\(n(left))\" y=\"\(n(y))\">\(Escaping.html(country.name))</text>\n"
        y += 22
        func row(_ symbol: String, _ label: String) {
            out += "<g>" + symbol + "<text x=\"\(n(left + 24))\" y=\"\(n(y + 4))\">\(Escaping.html(label))</text></g>\n"
            y += 20
        }
        for (index, kind) in kinds.enumerated() {
            row("<g class=\"site\">" + Self.marker(Self.markers[index % Self.markers.count], x: left + 8, y: y, size: 6) + "</g>", "site: " + kind)
        }
        if !bands.isEmpty { row("<circle class=\"band\" cx=\"\(n(left + 8))\" cy=\"\(n(y))\" r=\"7\"/>", "distance bands of the rule") }
        if factors.contains(where: { !$0.areas.isEmpty }) {
            row("<rect class=\"area\" x=\"\(n(left + 1))\" y=\"\(n(y - 7))\" width=\"14\" height=\"14\"/>", "area of a risk factor")
        }
        if factors.contains(where: { $0.targets.contains { $0.location != nil } }) {
            row("<g class=\"target\">" + Self.star(x: left + 8, y: y, size: 8) + "</g>", "named target (infrastructure)")
        }
        for age in Age.allCases { row("<circle cx=\"\(n(left + 8))\" cy=\"\(n(y))\" r=\"5\" fill=\"\(age.colour)\"/>", age.label) }
        row("<circle cx=\"\(n(left + 8))\" cy=\"\(n(y))\" r=\"\(n(Self.dotRadius(25)))\" fill=\"none\" stroke=\"#555\"/>", "size: 25 killed")
        y += 8
        var credits = eventsInView > Self.eventLimit ? ["Events: the \(Self.eventLimit) most recent", "of \(eventsInView) in view."] : []
        credits +=
            (hasOutlines ? ["Outlines: Natural Earth 5.1.1", "(public domain), 1:10m."] : ["No country outline here", "(scripts/make-outlines.py)."]) + [
                "Sites: the policy file.", "Events, areas, targets: the",
                "risk database (section 6).", "As of \(asOf); projection:", "equirectangular, cos(latitude).",
            ]
        for line in credits {
            out += "<text class=\"credit\" x=\"\(n(left))\" y=\"\(n(y))\">\(Escaping.html(line))</text>\n"
            y += 13
        }
        out += "</g>\n"
        return out
    }

    /// A target's name up to its first parenthesis or comma.
    static func short(_ name: String) -> String {
        let cut = name.firstIndex { $0 == "(" || $0 == "," } ?? name.endIndex
        return name[..<cut].trimmingCharacters(in: .whitespaces)
    }
}
