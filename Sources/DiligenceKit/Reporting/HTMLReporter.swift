/// The due-diligence report as one self-contained HTML file (inline CSS and SVG, nothing fetched),
/// for the screen and for print (`--format pdf` prints it). Its text is the Markdown report's,
/// section for section and in the same order, rendered by `MarkdownHTML`; to it the HTML adds
/// figures drawn from the data: a risk matrix after the executive summary, a map per country
/// of each company's exposed sites before its findings, and a timeline per factor in the
/// country profiles; and a last page for the report's sign-off. Any section the Markdown report
/// gains (a "Changes since" section, say) appears here the same way, with no change to this file.
public struct HTMLReporter: Reporter {
    public let format: ReportFormat

    public init(format: ReportFormat = .html) {
        self.format = format
    }

    /// The Markdown report's streams: each policy's rows of the scope tables, and its findings.
    public var streamCount: Int { MarkdownReporter().streamCount }

    /// As the Markdown report it converts.
    var listsFindings: Bool { MarkdownReporter().listsFindings }

    /// As the Markdown report it converts, and the risk matrix (`FindingSummary.risks`).
    var narrates: Bool { true }

    func sections(of policy: Policy, _ result: PolicyResult, _ context: ReportContext) -> [ReportSection] {
        let markdown = MarkdownReporter().sections(of: policy, result, context)
        let findingsStream = MarkdownReporter.findingsStream
        guard markdown.count == findingsStream + 1 else { return markdown }
        // A scope table's rows continue the table whose header the layout wrote.
        let rows = markdown.prefix(findingsStream).map { section in
            var converter = MarkdownHTML()
            converter.continuesTable = true
            return converter.convert(section)
        }
        // The company's maps go before its first group of findings (or after its signature
        // line when no group is shown).
        let maps = SiteMap.maps(of: policy, result.findings, context)
        let figures = maps.enumerated().map { index, map in
            Self.figure(
                map.svg(id: MarkdownReporter.anchor("map", policy.file + "-\(index + 1)")),
                caption: "Map: \(Escaping.html(policy.company)), sites in \(Escaping.html(map.country.description)), as of \(context.asOf).",
                className: "map-figure")
        }.joined()
        var placed = figures.isEmpty
        var findings = MarkdownHTML()
        findings.beforeHeading = { level, _ in
            guard level == 4, !placed else { return "" }
            placed = true
            return figures
        }
        var converted = findings.convert(markdown[findingsStream])
        if !placed { converted.append(figures) }
        return rows + [converted]
    }

    func layout(_ result: CheckSummary, _ citations: Citations) -> [ReportPiece] {
        let markdown = MarkdownReporter()
        var converter = MarkdownHTML()
        // A scope table's header is followed by the policies' rows (streams): left open.
        converter.continuesTable = true
        converter.beforeHeading = { level, text in
            // The risk matrix closes the executive summary.
            level == 2 && text.hasPrefix("3. ") ? Self.riskMatrix(result) : ""
        }
        converter.afterHeading = { level, text in
            if level == 2, text.hasPrefix("4. ") { return Self.matrixScoring }
            // A factor's profile: its timeline (the factor's id is the heading's last code span).
            guard level == 4, let id = Self.lastCodeSpan(text), let factor = result.factors.factor(id) else { return "" }
            return Self.timeline(factor, asOf: result.asOf)
        }
        var pieces: [ReportPiece] = [.text(head(result))]
        for piece in markdown.layout(result, citations) {
            switch piece {
            case .text(let text): pieces.append(.text(converter.convert(text)))
            default: pieces.append(piece)
            }
        }
        pieces.append(.text(signOffPage(result) + "</main>\n</body>\n</html>\n"))
        return pieces
    }

    // MARK: Document

    private func head(_ result: CheckSummary) -> String {
        let id = MarkdownReporter().reportID(result)
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Nothing is fetched: no scripts, fonts, images or styles from anywhere.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        out += "<title>Due-diligence report \(id)</title>\n"
        out += "<style>\n" + Self.style(reportID: id, digest: result.database.digest) + "</style>\n</head>\n<body>\n"
        out += "<main>\n"
        return out
    }

    /// The report's sign-off, on a page of its own at the end: the report id, the as-of date and
    /// the database digest it is about, each company's open findings, and a line to sign.
    private func signOffPage(_ result: CheckSummary) -> String {
        let markdown = MarkdownReporter()
        var out = "<section class=\"sign-off\" id=\"sign-off\">\n<h2>Sign-off</h2>\n"
        out +=
            "<p>Report <code>\(markdown.reportID(result))</code>, as of <strong>\(result.asOf)</strong>, risk database digest <code>sha256:\(result.database.digest)</code>. "
        out +=
            "Each company's findings have their own sign-off in section 5 (owner, decision and due date per finding, and the company's signature); this page records the review of the report as a whole.</p>\n"
        out += "<table>\n<thead><tr><th>Company</th><th>Policy file</th><th>Open findings</th><th>Accepted</th></tr></thead>\n<tbody>\n"
        for row in markdown.riskOrder(result) {
            let entry = result.policies[row.index]
            let open = zip(Severity.allCases.reversed(), row.counts).compactMap { $1 > 0 ? "\($1) \($0)" : nil }
            out += "<tr><td>\(Escaping.html(entry.policy.company))</td><td><code>\(Escaping.html(entry.policy.file))</code></td>"
            out += "<td>\(open.isEmpty ? "none" : open.joined(separator: ", "))</td><td>\(row.accepted)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p>Gate: \(result.gate.failed ? "<strong>failed</strong>" : "passed").</p>\n"
        out += "<table class=\"signature\">\n<tbody>\n"
        for label in ["Reviewed and signed off by (name)", "Role", "Date", "Signature"] {
            out += "<tr><th>\(label)</th><td></td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    static func figure(_ svg: String, caption: String, className: String) -> String {
        "<figure class=\"\(className)\">\n" + svg + "<figcaption>\(caption)</figcaption>\n</figure>\n"
    }

    /// A finding's anchor: `finding-`, its policy file and its identity, lowercase letters,
    /// digits and hyphens, the two parts joined by `--` (a finding's identity is unique within
    /// its policy file only): `finding-policies-mz-lng-yaml--conflict-proximity-afungi-yard-drf-2020-mz-0001`.
    public static func findingAnchor(file: String, identity: String) -> String {
        MarkdownReporter.anchor("finding", file) + "--" + MarkdownReporter.anchor("", identity).dropFirst()
    }

    /// The text of the last code span of a heading ("… (`DRF-2020-MZ-0001`)").
    static func lastCodeSpan(_ text: Substring) -> String? {
        guard let close = text.lastIndex(of: "`") else { return nil }
        let before = text[..<close]
        guard let open = before.lastIndex(of: "`") else { return nil }
        return String(before[before.index(after: open)...])
    }
}
