/// The risk matrix: each risk (a factor, or a rule where no factor is behind the findings) placed
/// by the severity of its most severe open finding and the number of operations it reaches.
extension HTMLReporter {
    /// Columns of the matrix: how many operations (sites, flows, counterparties, trips) a risk reaches.
    static let breadthColumns: [(label: String, range: ClosedRange<Int>)] = [("1", 1...1), ("2–3", 2...3), ("4–6", 4...6), ("7 or more", 7...Int.max)]

    /// The scoring, stated in the methodology (section 4).
    static let matrixScoring =
        "<p class=\"scoring\"><strong>Risk matrix scoring</strong> (HTML report, after section 2): each risk factor behind an open finding (or the rule, when no factor is behind it) is placed by the severity of its most severe open finding (info 1, low 2, medium 3, high 4, critical 5) and by how many operations its open findings reach (1, 2–3, 4–6, 7 or more: 1 to 4). A cell's score is the product; 12 or more is red, 6 to 11 orange, 3 to 5 yellow, below 3 green. Accepted findings and stale-intelligence notices are left out; the matrix orders attention, it does not change a finding's severity.</p>\n"

    /// A risk in the matrix.
    struct MatrixRisk {
        var key: String
        var label: String
        var severity: Severity
        /// How many operations its open findings reach.
        var operations: Int
    }

    static func matrixRisks(_ result: CheckSummary) -> [MatrixRisk] {
        let risks = result.findings.risks.map { risk in
            let label = risk.factor.flatMap { result.factors.factor($0) }.map { "\($0.id): \($0.title)" } ?? "rule \(risk.rule)"
            return MatrixRisk(key: risk.key, label: label, severity: risk.severity, operations: risk.operations)
        }
        return risks.sorted { ($1.severity, $0.operations, $1.key) < ($0.severity, $1.operations, $0.key) }
    }

    static func score(_ severity: Severity, column: Int) -> Int { (severity.rawValue + 1) * (column + 1) }

    static func scoreColour(_ score: Int) -> String {
        score >= 12 ? "#e8a09a" : score >= 6 ? "#f5c28c" : score >= 3 ? "#f7e59b" : "#cfe8c4"
    }

    static func riskMatrix(_ result: CheckSummary) -> String {
        let risks = matrixRisks(result)
        let n = { (v: Double) in SVGNumber.text(v) }
        let rows = Array(Severity.allCases.reversed())
        let left = 90.0, top = 30.0, cellW = 130.0, cellH = 54.0
        let width = left + cellW * Double(breadthColumns.count) + 10, height = top + cellH * Double(rows.count) + 40
        var out =
            "<svg class=\"matrix\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"Risk matrix\">\n"
        var members: [[[Int]]] = Array(repeating: Array(repeating: [], count: breadthColumns.count), count: rows.count)
        for (number, risk) in risks.enumerated() {
            guard let row = rows.firstIndex(of: risk.severity),
                let column = breadthColumns.firstIndex(where: { $0.range.contains(risk.operations) })
            else { continue }
            members[row][column].append(number + 1)
        }
        for (r, severity) in rows.enumerated() {
            let y = top + Double(r) * cellH
            out += "<text x=\"\(n(left - 8))\" y=\"\(n(y + cellH / 2 + 4))\" text-anchor=\"end\">\(severity.name)</text>\n"
            for c in breadthColumns.indices {
                let x = left + Double(c) * cellW
                let score = score(severity, column: c)
                out +=
                    "<rect class=\"cell\" data-severity=\"\(severity.name)\" data-column=\"\(c)\" data-score=\"\(score)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(cellW))\" height=\"\(n(cellH))\" fill=\"\(scoreColour(score))\"/>\n"
                let numbers = members[r][c]
                for (k, number) in numbers.prefix(8).enumerated() {
                    let cx = x + 16 + Double(k % 4) * 30, cy = y + 16 + Double(k / 4) * 22
                    out +=
                        "<g class=\"risk\" data-risk=\"\(number)\"><circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"10\"/><text x=\"\(n(cx))\" y=\"\(n(cy + 4))\" text-anchor=\"middle\">\(number)</text></g>\n"
                }
                if numbers.count > 8 { out += "<text x=\"\(n(x + cellW - 6))\" y=\"\(n(y + cellH - 6))\" text-anchor=\"end\">+\(numbers.count - 8)</text>\n" }
            }
        }
        for (c, column) in breadthColumns.enumerated() {
            out += "<text x=\"\(n(left + (Double(c) + 0.5) * cellW))\" y=\"\(n(top - 10))\" text-anchor=\"middle\">\(column.label)</text>\n"
        }
        out +=
            "<text x=\"\(n(left + cellW * Double(breadthColumns.count) / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\">operations reached (open findings)</text>\n"
        out += "</svg>\n"
        var legend = "<ol class=\"matrix-legend\">\n"
        for risk in risks {
            legend +=
                "<li>\(Escaping.html(risk.label)): \(risk.severity.name), \(risk.operations) operation\(risk.operations == 1 ? "" : "s")</li>\n"
        }
        legend += "</ol>\n"
        if risks.isEmpty { legend = "<p>No open finding: the matrix is empty.</p>\n" }
        return "<h3 id=\"risk-matrix\">Risk matrix</h3>\n"
            + figure(
                out, caption: "Risks by the severity of their most severe open finding and the number of operations they reach (scoring: section 4).",
                className: "matrix-figure") + legend
    }
}
