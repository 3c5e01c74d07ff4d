/// A factor's timeline: its events and its measure dates (published, in force, until) known on
/// the as-of date, on a line of dates that ends at the as-of date, which is marked.
extension HTMLReporter {
    /// A mark on the timeline.
    struct TimelineMark {
        var date: Day
        var label: String
        var isMeasure: Bool
        var fatalities: Int
    }

    /// How far back a timeline reaches: five years before the as-of date at most.
    static let timelineYears = 5

    static func timelineMarks(_ factor: RiskFactor, asOf: Day) -> [TimelineMark] {
        var marks: [TimelineMark] = []
        if let published = factor.published, published <= asOf {
            marks.append(TimelineMark(date: published, label: "\(published): factor published", isMeasure: true, fatalities: 0))
        }
        if factor.inForceFrom <= asOf {
            marks.append(TimelineMark(date: factor.inForceFrom, label: "\(factor.inForceFrom): in force", isMeasure: true, fatalities: 0))
        }
        if let until = factor.inForceUntil, until <= asOf { marks.append(TimelineMark(date: until, label: "\(until): ends", isMeasure: true, fatalities: 0)) }
        for event in factor.events(asOf: asOf) {
            marks.append(TimelineMark(date: event.date, label: event.when + ": " + event.what, isMeasure: false, fatalities: event.fatalities ?? 0))
        }
        return marks.sorted { ($0.date, $0.isMeasure ? 0 : 1, $0.label) < ($1.date, $1.isMeasure ? 0 : 1, $1.label) }
    }

    static func timeline(_ factor: RiskFactor, asOf: Day) -> String {
        let all = timelineMarks(factor, asOf: asOf)
        let start = max(all.first?.date ?? asOf.adding(days: -365), asOf.adding(days: -365 * timelineYears))
        let marks = all.filter { $0.date >= start }
        guard !marks.isEmpty else { return "" }
        let n = { (v: Double) in SVGNumber.text(v) }
        let width = 900.0, left = 20.0, right = 70.0, axis = 46.0
        let span = Double(max(start.days(until: asOf), 1))
        let x = { (day: Day) in left + (width - left - right) * Double(start.days(until: day)) / span }
        // Labels of up to 8 marks (every measure, then the most recent events), one row each
        // below the axis, joined to their mark by a leader line: they never overlap.
        let labelled = (marks.indices.filter { marks[$0].isMeasure } + marks.indices.filter { !marks[$0].isMeasure }.suffix(6))
            .sorted().suffix(8)
        let rowHeight = 14.0
        let height = axis + 26 + rowHeight * Double(labelled.count)
        var out =
            "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"Timeline of \(Escaping.html(factor.id))\" data-start=\"\(start)\" data-as-of=\"\(asOf)\">\n"
        out += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(axis))\" x2=\"\(n(x(asOf)))\" y2=\"\(n(axis))\"/>\n"
        // Year ticks, above the axis.
        for year in stride(from: start.year + 1, through: asOf.year, by: 1) {
            guard let day = Day(year: year, month: 1, day: 1), day > start, day <= asOf else { continue }
            out +=
                "<line class=\"tick\" x1=\"\(n(x(day)))\" y1=\"\(n(axis - 4))\" x2=\"\(n(x(day)))\" y2=\"\(n(axis + 4))\"/><text class=\"year\" x=\"\(n(x(day)))\" y=\"\(n(axis - 9))\" text-anchor=\"middle\">\(year)</text>\n"
        }
        out +=
            "<line class=\"as-of\" x1=\"\(n(x(asOf)))\" y1=\"8\" x2=\"\(n(x(asOf)))\" y2=\"\(n(height - 4))\"/><text class=\"as-of-label\" x=\"\(n(x(asOf) - 4))\" y=\"18\" text-anchor=\"end\">as of \(asOf)</text>\n"
        for (row, index) in labelled.enumerated() {
            let mark = marks[index]
            let mx = x(mark.date), ly = axis + 24 + rowHeight * Double(row)
            out += "<line class=\"leader\" x1=\"\(n(mx))\" y1=\"\(n(axis + 4))\" x2=\"\(n(mx))\" y2=\"\(n(ly - 9))\"/>\n"
            let anchor = mx > width * 0.55 ? "end" : "start"
            out +=
                "<text class=\"mark-label\" x=\"\(n(mx + (anchor == "end" ? -3 : 3)))\" y=\"\(n(ly))\" text-anchor=\"\(anchor)\">\(Escaping.html(Self.clip(mark.label, 90)))</text>\n"
        }
        for mark in marks {
            let mx = x(mark.date)
            if mark.isMeasure {
                out +=
                    "<rect class=\"measure\" data-date=\"\(mark.date)\" x=\"\(n(mx - 4))\" y=\"\(n(axis - 4))\" width=\"8\" height=\"8\"><title>\(Escaping.html(mark.label))</title></rect>\n"
            } else {
                out +=
                    "<circle class=\"event\" data-date=\"\(mark.date)\" cx=\"\(n(mx))\" cy=\"\(n(axis))\" r=\"\(n(SiteMap.dotRadius(mark.fatalities) - 1))\"><title>\(Escaping.html(mark.label))</title></circle>\n"
            }
        }
        out += "</svg>\n"
        let earlier = all.count - marks.count
        let caption =
            "Timeline of \(Escaping.html(factor.id)): events (circles, sized by fatalities) and measure dates (squares) up to the as-of date \(asOf)"
            + (earlier > 0 ? "; \(earlier) earlier mark(s) not shown" : "") + "."
        return figure(out, caption: caption, className: "timeline-figure")
    }

    static func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
