/// The HTML report's style sheet: on screen, a readable column; in print, A4 pages with the
/// report id and database digest in the footer, page numbers, figures kept whole, and the
/// sign-off on a page of its own at the end.
extension HTMLReporter {
    /// `reportID` and `digest` go into CSS strings: only letters, digits and hyphens are kept.
    static func style(reportID: String, digest: String) -> String {
        let safe = { (text: String) in String(text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) }
        let footer = "Report \(safe(reportID)) · database sha256:\(safe(digest).prefix(16))…"
        return """
            :root { color-scheme: light; }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1b1b1b; background: #fff; margin: 0; }
            main { max-width: 1000px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 26px; } h2 { font-size: 21px; border-bottom: 2px solid #333; padding-bottom: 3px; margin-top: 34px; }
            h3 { font-size: 17px; margin-top: 26px; } h4 { font-size: 15px; margin-top: 20px; }
            table { border-collapse: collapse; margin: 8px 0 14px; font-size: 12.5px; width: 100%; }
            th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
            th { background: #eee; }
            code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12px; background: #f3f3f3; padding: 0 2px; overflow-wrap: anywhere; }
            li.finding { margin: 6px 0; }
            li.finding:target { background: #fff3bf; }
            a { color: #0645ad; }
            figure { margin: 14px 0; break-inside: avoid; }
            figure svg { max-width: 100%; height: auto; display: block; }
            figcaption { font-size: 12px; color: #444; margin-top: 4px; }
            svg text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11px; fill: #222; }
            svg.map .sea { fill: #dcecf5; }
            svg.map .land { fill: #efece4; stroke: #9a968c; stroke-width: 0.8; }
            svg.map .land.country { fill: #fbf8ef; stroke: #555; stroke-width: 1.2; }
            svg.map .area { fill: #d94f3d; fill-opacity: 0.12; stroke: #d94f3d; stroke-opacity: 0.5; stroke-dasharray: 4 3; }
            svg .band { fill: none; stroke: #2c5d8a; stroke-width: 1; stroke-dasharray: 6 4; }
            svg.map .band-label { fill: #2c5d8a; font-size: 10px; }
            svg.map .event { stroke: #fff; stroke-width: 0.8; fill-opacity: 0.85; }
            svg.map .place { font-size: 10.5px; font-style: italic; }
            svg .site path, svg .site rect, svg .site circle, svg .site polygon { fill: #1f3b73; stroke: #fff; stroke-width: 1.2; }
            svg.map .site.exposed path, svg.map .site.exposed rect, svg.map .site.exposed circle, svg.map .site.exposed polygon { fill: #111; }
            svg.map .site-label { font-weight: bold; font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
            svg .target polygon { fill: #f1c40f; stroke: #7a5c00; stroke-width: 1; }
            svg.map .target-label { font-size: 10.5px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
            svg.map .frame { fill: none; stroke: #555; }
            svg.map .credit { font-size: 9.5px; fill: #555; }
            svg.map .legend-title { font-weight: bold; font-size: 13px; }
            svg.matrix .cell { stroke: #fff; stroke-width: 2; }
            svg.matrix .risk circle { fill: #1f3b73; } svg.matrix .risk text { fill: #fff; font-weight: bold; }
            svg.timeline .axis { stroke: #333; stroke-width: 1.5; } svg.timeline .tick { stroke: #333; }
            svg.timeline .as-of { stroke: #c0392b; stroke-width: 1.5; stroke-dasharray: 4 3; } svg.timeline .as-of-label { fill: #c0392b; font-weight: bold; }
            svg.timeline .event { fill: #e67e22; fill-opacity: 0.8; stroke: #7a3e00; } svg.timeline .measure { fill: #2c5d8a; }
            svg.timeline .mark-label { font-size: 10px; } svg.timeline .leader { stroke: #999; stroke-width: 0.7; } svg.timeline .year { font-size: 10px; fill: #555; }
            .matrix-legend { font-size: 12.5px; columns: 2; }
            .scoring { font-size: 13px; }
            .sign-off table.signature th { width: 32%; } .sign-off table.signature td { height: 34px; }
            @page {
              size: A4; margin: 16mm 12mm 18mm 12mm;
              @bottom-left { content: "\(footer)"; font-size: 8pt; color: #444; }
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #444; }
            }
            @media print {
              main { max-width: none; padding: 0; }
              body { font-size: 10.5pt; }
              h2 { break-after: avoid; } h3, h4 { break-after: avoid; }
              tr { break-inside: avoid; }
              a { color: inherit; text-decoration: none; }
              .sign-off { break-before: page; }
            }

            """
    }
}
