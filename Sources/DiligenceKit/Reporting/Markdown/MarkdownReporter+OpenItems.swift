/// Sections 7 and 8 of the Markdown report and its annex: accepted risks, stale intelligence,
/// items not assessed, limitations, and the sources cited.
extension MarkdownReporter {
    // MARK: 7. Accepted risks, stale intelligence, not assessed

    func openItems(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        out.line("## 7. Accepted risks, stale intelligence and items not assessed")
        out.blank()
        out.line("### Accepted risks")
        out.blank()
        var rows: [[String]] = []
        for entry in result.policies {
            for (risk, matched) in zip(entry.policy.acceptedRisks, entry.acceptanceMatches) {
                let state: String
                if risk.expires < result.asOf {
                    state = "**expired**"
                } else if matched == 0 {
                    state = "unused (matches no finding)"
                } else {
                    state = "in force (\(matched) finding\(matched == 1 ? "" : "s"))"
                }
                rows.append([
                    "`\(Escaping.codeInTable(entry.policy.file)):\(risk.mark.line)`", "`\(Escaping.codeInTable(risk.finding))`",
                    Escaping.markdown(risk.reason), Escaping.markdown(risk.approvedBy), risk.expires.description, state,
                ])
            }
        }
        if rows.isEmpty {
            out.line("None.")
        } else {
            out.table(["Where", "Finding", "Reason", "Approved by", "Expires", "State"], rows)
        }
        out.blank()
        // With no stale factor the control section says so beside the database's age
        // (`staleStatement`): an empty subsection would only repeat it.
        var staleRows: [String: [String]] = [:]
        for finding in result.findings.stale {
            staleRows[finding.subject] = [
                "`\(Escaping.codeInTable(finding.subject))`", Escaping.markdown(finding.subjectName),
                finding.evidenceDate ?? "", finding.severity.name,
            ]
        }
        if !staleRows.isEmpty {
            out.line("### Stale intelligence")
            out.blank()
            out.table(["Factor", "Title", "Last reviewed", "Severity"], staleRows.keys.sorted().compactMap { staleRows[$0] })
            out.blank()
        }
        out.line("### Not assessed")
        out.blank()
        let unassessed = result.findings.notAssessed
        if unassessed.isEmpty {
            out.line("None.")
        } else {
            // Each is a finding of its company's part of section 5, which says what is missing:
            // listed here by place and identity, not restated.
            let byFile = companies(result)
            for finding in unassessed {
                out.line(
                    "- `\(Escaping.code(finding.policy)):\(finding.line)` `\(Escaping.code(finding.subject))`, \(finding.severity): what is missing is said by `\(Escaping.code(finding.identity.description))` in [\(Escaping.markdown(company(of: finding, in: byFile)))](#\(Self.anchor("policy", finding.policy))), section 5"
                )
            }
        }
        out.blank()
    }

    // MARK: 8. Limitations and annex

    func limitations(_ result: CheckSummary, _ out: inout MarkdownDocument) {
        out.line("## 8. Limitations and data gaps")
        out.blank()
        var items = [
            "The risk database holds what its sources reported up to its newest review (\(result.database.newestReview?.description ?? "none")); the report cannot know of events its sources did not record.",
            "Distances are great-circle distances between the coordinates given (a site given by a known town only: the town's); a site placed nowhere is reported as not assessed rather than passed.",
            "Name screening matches normalised names and aliases (transliterated from the major scripts, any word order, missing middle names); it does not compare dates of birth, registration numbers or addresses, so every match needs a human decision.",
            "Listing dates are used only where the list gives them; lists imported from snapshots without listing dates are treated as listed on every date.",
            "Severity is a screening judgement to prioritise review, not a legal opinion.",
        ]
        if let newest = result.database.newestReview, newest.days(until: result.asOf) > result.options.settings.staleAfterDays {
            items.insert(
                "The as-of date is \(newest.days(until: result.asOf)) days after the database's newest review: findings may be out of date (see stale intelligence).",
                at: 0)
        }
        for item in items { out.line("- " + item) }
        out.blank()
    }

    /// The sources, one line per document (source, title, date, link) with the numbers that
    /// cite it, in order of their first number. The quotes are where they are used: a factor's
    /// in its country profile, another source's in the finding that cites it.
    func annex(_ citations: Citations, _ out: inout MarkdownDocument) {
        out.line("## Annex: sources cited")
        out.blank()
        if citations.ordered.isEmpty {
            out.line("No source is cited by the findings of this report.")
            out.blank()
            return
        }
        out.line(
            "Each source document once, with the numbers that cite it; the quotes are in the country profiles (section 6) and, for other sources, in the findings that cite them."
        )
        out.blank()
        var documents: [(text: String, numbers: [Int])] = []
        var index: [String: Int] = [:]
        for (offset, reference) in citations.ordered.enumerated() {
            let text = Self.sourceText(reference)
            if let at = index[text] {
                documents[at].numbers.append(offset + 1)
            } else {
                index[text] = documents.count
                documents.append((text, [offset + 1]))
            }
        }
        for document in documents {
            out.line("- " + Self.ranges(document.numbers) + ": " + document.text)
        }
        out.blank()
    }

    /// "[1]–[8], [46]–[51]" for ascending numbers.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start = numbers.first ?? 0
        var last = start
        for number in numbers.dropFirst() + [Int.min] {
            if number == last + 1 {
                last = number
                continue
            }
            parts.append(start == last ? "[\(start)]" : last == start + 1 ? "[\(start)], [\(last)]" : "[\(start)]–[\(last)]")
            start = number
            last = number
        }
        return parts.joined(separator: ", ")
    }
}
